//! What the reader holds grows with the input, not faster (issues 15 and 16): the peak
//! heap of reading, analysing, laying out and filtering statements built by code, in
//! several shapes, counted by an allocator of our own (each allocation as glibc's
//! malloc rounds it, so a vector's spare capacity counts as used and so does the
//! header of every small allocation). Each shape is measured at two
//! sizes: doubling the input may at most a little more than double the peak, and the
//! peak per input byte stays under a bound a little above what is measured today, so
//! a per-paragraph copy or a leftover temporary breaks it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use communique::analysis::filter::{Filter, Query};
use communique::analysis::{Analysis, Lexicons, analyse};
use communique::app::textview::TextView;
use communique::document::Statement;

/// The system allocator, counting the bytes in use and the most ever in use.
struct Counting;

/// What an allocation of `size` bytes takes from glibc's malloc: an 8-byte header,
/// rounded up to 16 bytes, at least 32. Counted so, a structure of many small
/// allocations costs what it costs resident, not only the bytes it asked for.
fn chunk(size: usize) -> usize {
    (size + 8).next_multiple_of(16).max(32)
}

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only the counters
// are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(chunk(layout.size()));
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(chunk(layout.size()), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let (old, new) = (chunk(layout.size()), chunk(new_size));
            if new >= old {
                grew(new - old);
            } else {
                IN_USE.fetch_sub(old - new, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The peak heap, beyond what was in use before, of what the reader holds for `text`:
/// the statement, the sections shown while it is analysed (until the analysis lands),
/// its analysis, its rows at 100 columns and the result of a one-letter filter, alive
/// together as in the reader. The text itself is not counted.
fn peak_for(text: &str) -> usize {
    let lexicons = Lexicons::embedded();
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let statement = Statement::parse(text, "generated");
    // The reader shows the text with the headings' sections while it analyses.
    let pending = Analysis::pending(&statement);
    let analysis = analyse(&statement, lexicons);
    drop(pending);
    let view = TextView::new(&statement, &analysis, 100);
    let mut filter = Filter::default();
    let query = Query::parse("e").expect("a query");
    let result = filter.run(&query, &statement, &analysis);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop((result, filter, view, analysis, statement));
    peak
}

/// Measures `make(n)` and `make(2n)`; returns the peak per input byte at the larger.
fn per_byte(what: &str, n: usize, make: impl Fn(usize) -> String) -> f64 {
    let _ = peak_for(&make(n / 8)); // lexicons compiled, caches warm
    let (small, big) = (make(n), make(2 * n));
    let (small_peak, big_peak) = (peak_for(&small), peak_for(&big));
    assert!(
        big_peak as f64 <= small_peak as f64 * 2.3,
        "{what}: {} bytes peaked at {small_peak}, {} bytes at {big_peak}",
        small.len(),
        big.len()
    );
    big_peak as f64 / big.len() as f64
}

/// Paragraphs of three acts each, like a long communiqué with no headings.
fn act_dense(paragraphs: usize) -> String {
    const PLACES: [&str; 5] = [
        "Ruritania",
        "the Northern Sea",
        "Freedonia",
        "the Delta",
        "Elbonia",
    ];
    let mut out = String::from("Joint statement of the partners\n\n");
    for i in 0..paragraphs {
        let (a, b) = (PLACES[i % 5], PLACES[(i * 7 + 2) % 5]);
        out.push_str(&format!(
            "{}. We condemn the seizure of ships in {a}. We urge {b} to free the crews held \
             since {}. We are committed to closer cooperation on ports in {a}.\n\n",
            i + 1,
            1990 + i % 30
        ));
    }
    out
}

fn one_word_paragraphs(n: usize) -> String {
    let words = ["Agreed.", "Noted.", "Adopted.", "Welcomed."];
    let mut out = String::from("Record of decisions\n\n");
    for i in 0..n {
        out.push_str(words[i % words.len()]);
        out.push_str("\n\n");
    }
    out
}

fn one_word_headings(n: usize) -> String {
    let words = ["Security", "Trade", "Climate", "Health"];
    let mut out = String::from("Index of topics\n\n");
    for i in 0..n {
        out.push_str(words[i % words.len()]);
        out.push_str("\n\n");
    }
    out
}

// One test, the shapes one after another: the counters are the process's, and tests
// run side by side would count each other's work.
#[test]
fn what_is_held_grows_with_the_input() {
    let ratio = per_byte("act-dense paragraphs", 4_000, act_dense);
    assert!(
        ratio <= 3.4,
        "act-dense paragraphs: {ratio:.1} bytes held per byte of text"
    );
    let ratio = per_byte("one-word paragraphs", 40_000, one_word_paragraphs);
    assert!(
        ratio <= 20.0,
        "one-word paragraphs: {ratio:.1} bytes held per byte of text"
    );
    let ratio = per_byte("one-word headings", 40_000, one_word_headings);
    assert!(
        ratio <= 20.0,
        "one-word headings: {ratio:.1} bytes held per byte of text"
    );
    let ratio = per_byte("blank lines", 400_000, |n| {
        format!("A title\n\nWe agree.\n{}We agree again.\n", "\n".repeat(n))
    });
    assert!(
        ratio <= 0.05,
        "blank lines: {ratio:.3} bytes held per byte of text"
    );
}
