//! What the reader holds grows with the input, not faster (issues 15 and 16): the peak
//! heap of reading, analysing, laying out and filtering statements built by code, in
//! several shapes, counted by an allocator of our own (each allocation as glibc's
//! malloc rounds it, so a vector's spare capacity counts as used and so does the
//! header of every small allocation). Each shape is measured at two
//! sizes: doubling the input may at most a little more than double the peak or what is
//! held once the reader is ready, and both per input byte stay under bounds a little
//! above what is measured today, so a per-paragraph copy, a per-row structure or a
//! leftover temporary breaks it.

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

/// What the reader's part for one text takes on the heap, beyond what was in use
/// before.
#[derive(Clone, Copy)]
struct Heap {
    /// The most at any time.
    peak: usize,
    /// What is held once the reader is ready: what it keeps while it is read.
    held: usize,
}

/// The heap of what the reader holds for `text`: the statement, the sections shown
/// while it is analysed (until the analysis lands), its analysis, its rows at 100
/// columns and the result of a one-letter filter, alive together as in the reader.
/// The text itself is not counted.
fn heap_for(text: &str) -> Heap {
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
    let heap = Heap {
        peak: PEAK.load(Ordering::Relaxed) - before,
        held: IN_USE.load(Ordering::Relaxed) - before,
    };
    drop((result, filter, view, analysis, statement));
    heap
}

/// Measures `make(n)` and `make(2n)`; returns the peak and what is held, per input
/// byte, at the larger.
fn per_byte(what: &str, n: usize, make: impl Fn(usize) -> String) -> (f64, f64) {
    let _ = heap_for(&make(n / 8)); // lexicons compiled, caches warm
    let (small, big) = (make(n), make(2 * n));
    let (small_heap, big_heap) = (heap_for(&small), heap_for(&big));
    for (of, at_small, at_big) in [
        ("peaked", small_heap.peak, big_heap.peak),
        ("held", small_heap.held, big_heap.held),
    ] {
        assert!(
            at_big as f64 <= at_small as f64 * 2.3,
            "{what}: {} bytes {of} {at_small}, {} bytes {at_big}",
            small.len(),
            big.len()
        );
    }
    let per = |n: usize| n as f64 / big.len() as f64;
    (per(big_heap.peak), per(big_heap.held))
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
/// A shape of input, and the bytes it may take per byte of text: at most at the peak,
/// and held once the reader is ready.
struct Shape {
    what: &'static str,
    size: usize,
    make: fn(usize) -> String,
    most_at_peak: f64,
    most_held: f64,
}

fn blank_lines(n: usize) -> String {
    format!("A title\n\nWe agree.\n{}We agree again.\n", "\n".repeat(n))
}

#[test]
fn what_is_held_grows_with_the_input() {
    let shape = |what, size, make, most_at_peak, most_held| Shape {
        what,
        size,
        make,
        most_at_peak,
        most_held,
    };
    for shape in [
        shape("act-dense paragraphs", 4_000, act_dense, 3.0, 2.7),
        shape(
            "one-word paragraphs",
            40_000,
            one_word_paragraphs,
            7.75,
            6.5,
        ),
        shape("one-word headings", 40_000, one_word_headings, 17.5, 14.0),
        shape("blank lines", 400_000, blank_lines, 0.05, 0.05),
    ] {
        let what = shape.what;
        let (peak, held) = per_byte(what, shape.size, shape.make);
        assert!(
            peak <= shape.most_at_peak,
            "{what}: {peak:.2} bytes at the peak per byte of text"
        );
        assert!(
            held <= shape.most_held,
            "{what}: {held:.2} bytes held per byte of text"
        );
    }
}
