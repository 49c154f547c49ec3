//! The library's cross-document filter side by side with `fzf --filter` on the same
//! acts: generated statements are read and analysed until the library holds at least
//! 100,000 and then 1,000,000 acts (`COMMUNIQUE_BENCH_ACTS=100000,1000000`), each act
//! is written as one line of what the filter matches (kind, actor, addressee,
//! sentence), and each query is timed `COMMUNIQUE_BENCH_ROUNDS` times (default 15):
//! the whole library searched by a fresh searcher (every statement's index built), by
//! a warm one (indexes built by an unrelated query first, untimed), and fzf over the lines. Prints
//! median and p99 (the slowest round when there are fewer than 100) per query.
//!
//! Without fzf on the PATH the fzf column says so; the bench still runs.
//! `COMMUNIQUE_BENCH_LINES=/tmp/acts` keeps the act lines as `/tmp/acts.<acts>`.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use communique::analysis::{Lexicons, analyse};
use communique::document::Statement;
use communique::library::LibraryQuery;
use communique::library::search::{Loaded, Searcher};
use rayon::prelude::*;

// Statements are made in memory here; the writer of files serves the other benches.
#[allow(dead_code)]
#[path = "common/library.rs"]
mod generated;

/// Issue 12's queries; `COMMUNIQUE_BENCH_QUERIES` (comma-separated) sets others.
const QUERIES: [&str; 4] = ["korea", "nuclear missile", "mrtm scrty", "zzzq"];

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not used here.
    let sizes: Vec<usize> = std::env::var("COMMUNIQUE_BENCH_ACTS")
        .unwrap_or_else(|_| "100000,1000000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let rounds: usize = std::env::var("COMMUNIQUE_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(15)
        .max(1);
    let queries: Vec<String> = std::env::var("COMMUNIQUE_BENCH_QUERIES").map_or_else(
        |_| QUERIES.iter().map(|q| q.to_string()).collect(),
        |list| list.split(',').map(str::to_string).collect(),
    );
    let fzf = Command::new("fzf").arg("--version").output().is_ok();
    for acts in sizes {
        let (library, total) = library_of(acts);
        let lines = act_lines(&library);
        println!(
            "\n{} statements, {total} acts, {:.1} MB of act lines; {rounds} rounds, median / p99 in ms",
            library.len(),
            lines.len() as f64 / 1e6
        );
        println!(
            "{:<18} {:>17} {:>17} {:>17} {:>9} {:>9}",
            "query", "communique cold", "communique warm", "fzf --filter", "acts", "fzf lines"
        );
        let path = std::env::temp_dir().join(format!("communique-fzf-{}.txt", std::process::id()));
        std::fs::write(&path, &lines).expect("temporary file");
        for raw in queries.iter().map(String::as_str) {
            let query = LibraryQuery::parse(raw).expect("a valid query");
            let unrelated = LibraryQuery::parse(if raw == "zzzq" { "korea" } else { "zzzq" })
                .expect("a valid query");
            let mut found = 0;
            let cold = timed(rounds, || {
                clocked(|| found = chosen_acts(&Searcher::default().search(&query, 0, &library)))
            });
            // A new searcher each round: one kept would take the query's last result
            // back instead of searching.
            let warm = timed(rounds, || {
                let mut searcher = Searcher::default();
                searcher.search(&unrelated, 0, &library);
                let started = Instant::now();
                std::hint::black_box(searcher.search(&query, 0, &library));
                started.elapsed()
            });
            let (fzf_times, fzf_lines) = if fzf {
                let mut count = 0;
                let times = timed(rounds, || clocked(|| count = fzf_filter(&path, raw)));
                (Some(times), count.to_string())
            } else {
                (None, "-".into())
            };
            println!(
                "{:<18} {:>17} {:>17} {:>17} {:>9} {:>9}",
                format!("\"{raw}\""),
                cold.summary(),
                warm.summary(),
                fzf_times.map_or("fzf not found".into(), |t| t.summary()),
                found,
                fzf_lines
            );
        }
        // Kept for a side-by-side run in a terminal (fzf reading the same acts).
        match std::env::var_os("COMMUNIQUE_BENCH_LINES") {
            Some(keep) => std::fs::rename(&path, format!("{}.{acts}", keep.to_string_lossy()))
                .or_else(|_| {
                    std::fs::copy(&path, format!("{}.{acts}", keep.to_string_lossy())).map(drop)
                })
                .expect("the act lines kept"),
            None => {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
}

/// Generated statements, read and analysed on all cores, until they hold `acts` acts.
fn library_of(acts: usize) -> (Vec<Option<Arc<Loaded>>>, usize) {
    let mut library = Vec::new();
    let mut total = 0;
    let mut next = 0;
    while total < acts {
        // About 170 acts a statement: a batch that reaches the target when the
        // statements are average, and at least one.
        let batch = (acts - total).div_ceil(170).max(1);
        let loaded: Vec<Arc<Loaded>> = (next..next + batch)
            .into_par_iter()
            .map(|i| {
                let (name, text) = generated::statement(i);
                let statement = Statement::parse_with(&text, &name, Some(name.ends_with(".md")));
                let analysis = analyse(&statement, Lexicons::embedded());
                Arc::new(Loaded::new(name.into(), statement, analysis))
            })
            .collect();
        next += batch;
        for l in loaded {
            if total >= acts {
                break;
            }
            total += l.acts();
            library.push(Some(l));
        }
    }
    (library, total)
}

/// One line per act of what the filter matches: kind, actor, addressee, sentence.
fn act_lines(library: &[Option<Arc<Loaded>>]) -> String {
    let mut lines = String::new();
    for loaded in library.iter().flatten() {
        let statement = &loaded.statement;
        for act in &loaded.analysis.commitments {
            let sentence = statement.sentence_text(act.sentence);
            let analysis = &loaded.analysis;
            let (actor, addressee) = (act.actor(analysis), act.addressee(analysis).unwrap_or(""));
            let line = format!("{} {actor} {addressee} {sentence}", act.kind.as_str());
            lines.push_str(&line.replace('\n', " "));
            lines.push('\n');
        }
    }
    lines
}

fn chosen_acts(found: &[Option<Option<Vec<u32>>>]) -> usize {
    found.iter().flatten().flatten().map(Vec::len).sum()
}

/// The lines `fzf --filter query` prints for the file.
fn fzf_filter(path: &std::path::Path, query: &str) -> usize {
    let file = std::fs::File::open(path).expect("the act lines");
    let output = Command::new("fzf")
        .args(["--filter", query])
        .stdin(file)
        .stdout(Stdio::piped())
        .output()
        .expect("fzf runs");
    output.stdout.iter().filter(|&&b| b == b'\n').count()
}

/// The times of a step's rounds.
struct Rounds(Vec<Duration>);

/// `rounds` durations of a step that says how long its timed part took.
fn timed(rounds: usize, mut step: impl FnMut() -> Duration) -> Rounds {
    Rounds((0..rounds).map(|_| step()).collect())
}

/// How long `f` took, whole.
fn clocked(f: impl FnOnce()) -> Duration {
    let started = Instant::now();
    f();
    started.elapsed()
}

impl Rounds {
    fn summary(mut self) -> String {
        self.0.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let median = self.0[self.0.len() / 2];
        let p99 = self.0[((self.0.len() * 99).div_ceil(100)).saturating_sub(1)];
        format!("{:.1} / {:.1}", ms(median), ms(p99))
    }
}
