//! What grows with the input, on a generated 10 MB statement: the first screen (the
//! beginning parsed and laid out at 120x40, as the reader opens a long statement), a
//! filter keystroke (echoed, and searched), the plain rendering and the JSON export
//! (of a statement already analysed). Run at 100 MB with `COMMUNIQUE_BENCH_MB=100`.

use std::hint::black_box;

use communique::analysis::filter::{Filter, Query};
use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Edit, update};
use communique::document::Statement;
use communique::{cli, export, ui};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/generate.rs"]
mod generate;

fn megabytes() -> usize {
    std::env::var("COMMUNIQUE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}

fn size(c: &mut Criterion) {
    let mb = megabytes();
    let text = generate::of_size(mb << 20);
    let mut group = c.benchmark_group(format!("size/{mb}mb"));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));

    group.bench_function("first_screen_120x40", |b| {
        b.iter(|| {
            let end = cli::preview_end(&text).unwrap_or(text.len());
            let statement = Statement::parse(black_box(&text[..end]), "bench");
            let app = App::pending(statement, 120, 40);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
        })
    });

    let statement = Statement::parse(&text, "bench");
    let analysis = analyse(&statement, Lexicons::embedded());

    group.bench_function("plain", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(text.len() * 2);
            export::write_plain(&statement, 80, &mut out).unwrap();
            black_box(out.len())
        })
    });
    group.bench_function("export_json", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(text.len() * 16);
            export::write_json(&statement, &analysis, &mut out).unwrap();
            black_box(out.len())
        })
    });
    group.bench_function("search_first_letter", |b| {
        let query = Query::parse("k").unwrap();
        b.iter(|| Filter::default().run(&query, &statement, &analysis))
    });
    // A frame with a one-letter filter shown: every act and sentence matches, and what
    // the screen shows is highlighted as it is drawn.
    let mut filtered = App::new(statement.clone(), analysis.clone(), 200, 50);
    filtered.background_filter = false;
    filtered.filter_by("e");
    let mut screen = Terminal::new(TestBackend::new(200, 50)).unwrap();
    group.throughput(Throughput::Elements(1));
    group.bench_function("frame_filtered_by_one_letter_200x50", |b| {
        b.iter(|| {
            screen
                .draw(|frame| ui::draw(&filtered, frame))
                .unwrap()
                .area
                .width
        })
    });
    drop(filtered);
    let mut app = App::new(statement.clone(), analysis.clone(), 200, 50);
    app.background_filter = true;
    update(&mut app, Action::StartFilter);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut typed = false;
    group.bench_function("keystroke_echo_200x50", |b| {
        b.iter(|| {
            let edit = if typed {
                Edit::Backspace
            } else {
                Edit::Insert('k')
            };
            typed = !typed;
            update(&mut app, Action::Edit(edit));
            let _ = app.take_filter_request();
            terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, size);
criterion_main!(benches);
