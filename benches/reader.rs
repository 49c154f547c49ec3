//! One keystroke in the filter plus a full redraw of the reader at 200x50, on the
//! shipped statement (target: under 1 ms). Iterations alternate typing a character and
//! deleting it, so every iteration is one keystroke and one frame.

use std::hint::black_box;

use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, update};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;
use communique::ui;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn keystroke_and_redraw(c: &mut Criterion) {
    let statement = Statement::parse(EMBEDDED_STATEMENT, "shipped");
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut app = App::new(statement, analysis, 200, 50);
    update(&mut app, Action::StartFilter);
    for ch in "kore".chars() {
        update(&mut app, Action::FilterInput(ch));
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
    let mut typed = false;
    c.bench_function("reader/keystroke_redraw_200x50", |b| {
        b.iter(|| {
            let action = if typed {
                Action::FilterBackspace
            } else {
                Action::FilterInput('a')
            };
            typed = !typed;
            update(&mut app, action);
            terminal
                .draw(|frame| ui::draw(black_box(&app), frame))
                .unwrap();
        })
    });
}

criterion_group!(benches, keystroke_and_redraw);
criterion_main!(benches);
