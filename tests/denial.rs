//! Inputs built to be slow (issue 16): each is timed at two sizes, and doubling the
//! input may at most triple the time (plus a little for noise). The bounds are
//! generous; a quadratic step still breaks them.

use std::time::{Duration, Instant};

use communique::analysis::{CueLexicon, Lexicons, analyse};
use communique::document::Statement;
use communique::export::{self, Format};

/// Time of `work(n)` and `work(2n)`; fails if the second is more than three times the
/// first.
fn grows_linearly(what: &str, n: usize, work: impl Fn(usize) -> usize) {
    // One timing at a time: the tests of this file run side by side, and on two cores
    // one test's work would be counted in another's time.
    static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _alone = TIMING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    // The fastest of three runs: a shared machine adds noise, never removes work.
    let timed = |n: usize| {
        let mut best = Duration::MAX;
        let mut size = 0;
        for _ in 0..3 {
            let start = Instant::now();
            size = work(n);
            best = best.min(start.elapsed());
        }
        (best, size)
    };
    // Warm up (lexicons compiled once per process).
    let _ = timed(n / 4);
    let (small, small_size) = timed(n);
    let (big, big_size) = timed(2 * n);
    let slack = Duration::from_millis(30);
    assert!(
        big <= small * 3 + slack,
        "{what}: {n} took {small:?}, {} took {big:?}",
        2 * n
    );
    assert!(
        big_size <= small_size * 5 / 2 + 1024,
        "{what}: output grew from {small_size} to {big_size} bytes"
    );
}

fn one_sentence_of(acts: usize) -> String {
    let mut text = String::from("Joint statement\n\n");
    for i in 0..acts {
        text.push_str(&format!(
            "We express serious concern about X{i} and strongly urge Y{i} to stop, "
        ));
    }
    text.push_str("now.\n");
    text
}

#[test]
fn one_sentence_of_thousands_of_acts() {
    for format in [Format::Json, Format::Csv, Format::Markdown] {
        grows_linearly(&format!("{format:?}"), 1500, |n| {
            let text = one_sentence_of(n);
            let statement = Statement::parse(&text, "t");
            let analysis = analyse(&statement, Lexicons::embedded());
            assert!(analysis.commitments.len() >= n);
            let mut out = Vec::new();
            export::write(format, &statement, &analysis, &mut out).unwrap();
            out.len()
        });
    }
}

#[test]
fn an_occasion_line_of_many_names() {
    grows_linearly("occasion", 5000, |n| {
        let names: Vec<String> = (0..n)
            .map(|i| format!("Minister Name{i} of Land{i}"))
            .collect();
        let text = format!(
            "Joint statement\n\nissued on the occasion of the meeting between {}\n\nWe agree.\n",
            names.join(", ")
        );
        let statement = Statement::parse(&text, "t");
        let mut out = Vec::new();
        export::write_plain(&statement, 80, &mut out).unwrap();
        out.len()
    });
}

fn user_cues(n: usize) -> String {
    let cues: Vec<String> = (0..n)
        .map(|i| format!(r#"{{ "pattern": "we pledge{i}", "kind": "commit" }}"#))
        .collect();
    format!(r#"{{ "cues": [{}] }}"#, cues.join(","))
}

#[test]
fn a_user_lexicon_of_many_cues() {
    grows_linearly("merging cues", 20_000, |n| {
        let lexicon = CueLexicon::embedded_with(&user_cues(n)).unwrap();
        lexicon.cues.len()
    });
    // Many cues sharing their first word cost a document little more than none.
    let text = "Joint statement\n\n".to_string()
        + &"We agree that we must act and we pledge7 to help. ".repeat(2000);
    let statement = Statement::parse(&text, "t");
    let many = Lexicons {
        topics: Lexicons::embedded().topics.clone(),
        cues: CueLexicon::embedded_with(&user_cues(20_000)).unwrap(),
    };
    let analysed_in = |lexicons: &Lexicons| {
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let start = Instant::now();
            let analysis = analyse(&statement, lexicons);
            best = best.min(start.elapsed());
            assert!(analysis.commitments.len() >= 2000);
        }
        best
    };
    let plain = analysed_in(Lexicons::embedded());
    let with_many = analysed_in(&many);
    assert!(
        with_many <= plain * 3 + Duration::from_millis(50),
        "20k user cues: {with_many:?} against {plain:?} without"
    );
}
