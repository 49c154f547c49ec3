//! A big statement is laid out again for a new width off the UI thread: the reader
//! asks for the layout, keeps its rows and answers keys meanwhile, and takes the new
//! rows when they land, at the place it was reading — unless a newer width, or the
//! old one, was asked for since.

use communique::analysis::{Lexicons, analyse};
use communique::app::textview::{RowKind, TextView};
use communique::app::{Action, App, update};
use communique::document::Statement;

fn statement() -> Statement {
    let mut text = String::from("Joint statement of the partners\n\n");
    for i in 1..=300 {
        text.push_str(&format!(
            "{i}. We condemn the seizure of ships in the Northern Sea and we urge all sides to free the crews held since {}.\n\n",
            1990 + i % 30
        ));
    }
    Statement::parse(&text, "t")
}

fn reader(background: bool) -> App {
    let statement = statement();
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut app = App::new(statement, analysis, 120, 40);
    if background {
        app.lay_out_in_background();
    }
    update(&mut app, Action::Resize(120, 40));
    // Somewhere in the middle, as a reader would be.
    for _ in 0..400 {
        update(&mut app, Action::Move(1));
    }
    app
}

/// The paragraph shown at the top of the text pane.
fn top_paragraph(app: &App) -> usize {
    (app.text_top..app.view.row_count())
        .find_map(|row| match app.view.kind(&app.statement, row) {
            RowKind::Text { paragraph, .. } => Some(paragraph),
            _ => None,
        })
        .expect("text in view")
}

/// The view a layout request asks for, made as the terminal loop's worker makes it.
fn laid(request: &communique::app::LayoutRequest) -> TextView {
    TextView::new(&request.statement, &request.analysis, request.width)
}

#[test]
fn a_new_width_is_laid_out_off_the_ui_thread_and_taken_where_the_reader_was() {
    let mut inline = reader(false);
    let mut app = reader(true);
    assert!(app.take_layout_request().is_none(), "laid out at its size");
    let (old_width, reading) = (app.view.width(), top_paragraph(&app));
    assert_eq!(reading, top_paragraph(&inline));

    update(&mut app, Action::Resize(80, 24));
    update(&mut inline, Action::Resize(80, 24));
    // The old rows stay until the new ones land; keys are answered meanwhile.
    assert_eq!(app.view.width(), old_width);
    let request = app.take_layout_request().expect("a layout asked for");
    assert!(app.take_layout_request().is_none(), "asked for once");
    assert_eq!(usize::from(request.width), inline.view.width());
    update(&mut app, Action::Resize(80, 24));
    assert!(app.take_layout_request().is_none(), "already on its way");

    assert!(app.take_view(request.generation, laid(&request)));
    assert_eq!(app.view.width(), inline.view.width());
    assert_eq!(app.view.row_count(), inline.view.row_count());
    assert_eq!(top_paragraph(&app), reading, "the reading position is kept");
    assert_eq!(top_paragraph(&app), top_paragraph(&inline));
}

#[test]
fn only_the_newest_layout_is_taken() {
    let mut app = reader(true);
    update(&mut app, Action::Resize(80, 24));
    let first = app.take_layout_request().expect("a layout for 80 columns");
    update(&mut app, Action::Resize(100, 30));
    let second = app.take_layout_request().expect("a layout for 100 columns");
    assert!(second.generation > first.generation);
    assert!(!app.take_view(first.generation, laid(&first)), "stale");
    assert!(app.take_view(second.generation, laid(&second)));
    assert_eq!(app.view.width(), usize::from(second.width));
    assert!(
        !app.take_view(second.generation, laid(&second)),
        "taken once"
    );

    // Back at the width laid out before the layout lands: it is not wanted any more.
    let width = app.view.width();
    update(&mut app, Action::Resize(60, 20));
    let late = app.take_layout_request().expect("a layout for 60 columns");
    update(&mut app, Action::Resize(100, 30));
    assert!(app.take_layout_request().is_none());
    assert!(!app.take_view(late.generation, laid(&late)));
    assert_eq!(app.view.width(), width);
}
