//! One keystroke in the filter plus a full redraw of the reader at 200x50: on the
//! shipped statement (target: under 1 ms), and on a generated statement of 100,000
//! acts (target: p99 of 16 ms). Each iteration is one keystroke and one frame; the big
//! statement types queries and deletes them again, as a reader does, and the median
//! and 99th percentile of those keystrokes are printed after criterion's own figures.

use std::hint::black_box;
use std::time::{Duration, Instant};

use communique::analysis::filter::Filter;
use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Edit, update};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;
use communique::ui;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/generate.rs"]
mod generate;
use generate::generated;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn reader(text: &str) -> (App, Terminal<TestBackend>) {
    let statement = Statement::parse(text, "bench");
    let analysis = analyse(&statement, Lexicons::embedded());
    let app = App::new(statement, analysis, 200, 50);
    let terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    (app, terminal)
}

fn keystroke_and_redraw(c: &mut Criterion) {
    let (mut app, mut terminal) = reader(EMBEDDED_STATEMENT);
    update(&mut app, Action::StartFilter);
    for ch in "kore".chars() {
        update(&mut app, Action::Edit(Edit::Insert(ch)));
    }
    terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
    let mut typed = false;
    c.bench_function("reader/keystroke_redraw_200x50", |b| {
        b.iter(|| {
            let edit = if typed {
                Edit::Backspace
            } else {
                Edit::Insert('a')
            };
            typed = !typed;
            update(&mut app, Action::Edit(edit));
            terminal
                .draw(|frame| ui::draw(black_box(&app), frame))
                .unwrap();
        })
    });
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

/// The keystrokes of typing each query and deleting it again.
fn typing() -> Vec<Edit> {
    let queries = [
        "korea urge",
        "red sea commit",
        "crews release",
        "attack port",
        "arctic",
        "sudan aid",
        "gaza blockade",
        "cyber hospitals",
        "to:haiti",
        "kind:condemn sahel",
    ];
    queries
        .iter()
        .flat_map(|q| {
            q.chars()
                .map(Edit::Insert)
                .chain(std::iter::repeat_n(Edit::Backspace, q.chars().count()))
        })
        .collect()
}

fn report(name: &str, samples: &mut [Duration]) {
    samples.sort_unstable();
    eprintln!(
        "{name}: {} keystrokes, median {:?}, p99 {:?}, max {:?}",
        samples.len(),
        percentile(samples, 0.5),
        percentile(samples, 0.99),
        samples.last().copied().unwrap_or_default()
    );
}

/// On 100,000 acts the reader searches off the UI thread: a keystroke redraws the
/// query line at once (the echo), and the result is drawn when the search lands.
/// Here the search runs in line after the echo, so "to the result" is an upper bound
/// of what the reader, searching on the second core, takes.
fn big_statement(c: &mut Criterion) {
    let (mut app, mut terminal) = reader(&generated(100_000));
    assert!(app.analysis.commitments.len() >= 100_000);
    app.background_filter = true;
    update(&mut app, Action::StartFilter);
    terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
    let typing = typing();
    let mut filter = Filter::default();
    let (mut echoes, mut results) = (Vec::new(), Vec::new());
    let mut step = 0;
    let mut group = c.benchmark_group("reader/100k_acts");
    group.sample_size(10);
    group.bench_function("keystroke_to_result_200x50", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let edit = typing[step % typing.len()];
                step += 1;
                let start = Instant::now();
                update(&mut app, Action::Edit(edit));
                terminal
                    .draw(|frame| ui::draw(black_box(&app), frame))
                    .unwrap();
                echoes.push(start.elapsed());
                if let Some(request) = app.take_filter_request() {
                    let result = filter.run(&request.query, &request.statement, &request.analysis);
                    let generation = request.generation;
                    update(&mut app, Action::Filtered { generation, result });
                    terminal
                        .draw(|frame| ui::draw(black_box(&app), frame))
                        .unwrap();
                }
                let took = start.elapsed();
                results.push(took);
                total += took;
            }
            total
        })
    });
    group.finish();
    report(
        "reader/100k_acts echo (keystroke to redrawn query line)",
        &mut echoes,
    );
    report(
        "reader/100k_acts result (keystroke to redrawn result)",
        &mut results,
    );
}

criterion_group!(benches, keystroke_and_redraw, big_statement);
criterion_main!(benches);
