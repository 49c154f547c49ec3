//! A library of 10,000 generated statements (about 100 MB and a million acts;
//! `COMMUNIQUE_BENCH_STATEMENTS` sets another count): how long a search of the whole
//! library takes on the search worker (a first query, a key typed on, a query that
//! matches nothing), and what a frame costs on the UI thread once results land (the
//! lists derived again and drawn) or when the selection moves.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use communique::analysis::Lexicons;
use communique::app::library::{LibraryAction, LibraryView, Searched};
use communique::document::Statement;
use communique::library::search::{Loaded, Searcher};
use communique::library::{self, LibraryQuery};
use communique::ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/library.rs"]
mod generated;

fn statements() -> usize {
    std::env::var("COMMUNIQUE_BENCH_STATEMENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// The library written, read and analysed once (on all cores), as the view holds it.
fn loaded() -> Vec<Option<Arc<Loaded>>> {
    let dir = std::env::temp_dir().join(format!("communique-bench-scale-{}", std::process::id()));
    let (files, bytes) = generated::write(&dir, statements());
    let slots: Vec<std::sync::Mutex<Option<Arc<Loaded>>>> =
        files.iter().map(|_| Default::default()).collect();
    let started = Instant::now();
    let open = |path: &std::path::Path| -> library::Opened {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let markdown = path.extension().is_some_and(|e| e == "md");
        let statement = Statement::parse_with(&text, "bench", Some(markdown));
        let analysis = communique::analysis::analyse(&statement, Lexicons::embedded());
        Ok((statement, analysis))
    };
    library::open_each(
        &files,
        open,
        |k, opened| {
            if let Ok((statement, analysis)) = opened {
                *slots[k].lock().unwrap() =
                    Some(Arc::new(Loaded::new(files[k].clone(), statement, analysis)));
            }
        },
        &AtomicBool::new(false),
    );
    let loaded: Vec<Option<Arc<Loaded>>> =
        slots.into_iter().map(|s| s.into_inner().unwrap()).collect();
    let acts: usize = loaded.iter().flatten().map(|l| l.acts()).sum();
    eprintln!(
        "library: {} statements, {:.1} MB, {acts} acts, read and analysed in {:.1} s",
        loaded.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(dir);
    loaded
}

fn searching(c: &mut Criterion) {
    let loaded = loaded();
    let mut group = c.benchmark_group("library_scale/search");
    group.sample_size(10);
    let query = |raw: &str| LibraryQuery::parse(raw).unwrap();
    group.bench_function("first_query", |b| {
        let q = query("kore");
        b.iter(|| black_box(Searcher::default().search(&q, 0, &loaded)))
    });
    let (kore, korea) = (query("kore"), query("korea"));
    // Typing on searches what the last query found; a fresh searcher each time, so the
    // result of "korea" is not simply taken back from the last round.
    group.bench_function("a_key_typed_on", |b| {
        b.iter_batched_ref(
            || {
                let mut searcher = Searcher::default();
                searcher.search(&kore, 0, &loaded);
                searcher
            },
            |searcher| black_box(searcher.search(&korea, 0, &loaded)),
            criterion::BatchSize::LargeInput,
        )
    });
    let mut warm = Searcher::default();
    warm.search(&kore, 0, &loaded);
    let nothing = query("zqxj");
    group.bench_function("no_match", |b| {
        b.iter(|| black_box(warm.search(&nothing, 0, &loaded)))
    });
    let terms = query("date:2001..2005 party:japan kind:condemn");
    group.bench_function("statement_terms_and_kind", |b| {
        b.iter(|| black_box(warm.search(&terms, 0, &loaded)))
    });
    group.finish();

    let mut group = c.benchmark_group("library_scale/frame");
    group.sample_size(20);
    let files = loaded
        .iter()
        .enumerate()
        .map(|(k, _)| (format!("{k}.txt").into(), format!("{k}.txt")))
        .collect();
    let mut view = LibraryView::new(files, 120, 40);
    view.update(LibraryAction::Delivered {
        landed: loaded
            .iter()
            .enumerate()
            .filter_map(|(k, l)| l.clone().map(|l| (k, Ok(l))))
            .collect(),
        searched: Vec::new(),
    });
    eprintln!("acts listed: {}", view.acts.len());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    group.bench_function("move_and_draw", |b| {
        b.iter(|| {
            view.update(LibraryAction::Move(1));
            terminal.draw(|f| ui::library::draw(&view, f)).unwrap();
        })
    });
    view.set_query("korea");
    let request = view.take_searches().pop().unwrap();
    let chosen = warm.search(&request.query, 0, &request.part);
    group.bench_function("results_land_and_draw", |b| {
        b.iter(|| {
            view.update(LibraryAction::Delivered {
                landed: Vec::new(),
                searched: vec![Searched {
                    generation: request.generation,
                    first: 0,
                    chosen: chosen.clone(),
                    whole: false,
                }],
            });
            terminal.draw(|f| ui::library::draw(&view, f)).unwrap();
        })
    });
    group.bench_function("a_key_echoed_and_drawn", |b| {
        b.iter(|| {
            view.update(LibraryAction::Edit(communique::app::Edit::Insert('x')));
            terminal.draw(|f| ui::library::draw(&view, f)).unwrap();
            view.update(LibraryAction::Edit(communique::app::Edit::Backspace));
        })
    });
    group.finish();
}

criterion_group!(benches, searching);
criterion_main!(benches);
