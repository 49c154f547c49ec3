//! The reader as the library opens it: on the library's query, at the act asked for,
//! and back to the library with Esc (while the query is the library's) or Backspace.

use std::sync::Arc;

use communique::analysis::{Lexicons, analyse};
use communique::app::{self, Action, App, keys};
use communique::document::Statement;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

const TEXT: &str = "Joint Statement of Norway and Chile on Port Safety\n\nOslo, 12 March 2021\n\n\
    1. Norway and Chile condemn the attack on the port of Valparaíso.\n\n\
    2. We welcome the new treaty on coastal shipping and commit to open the port to all ships by June.\n\n\
    3. We call on all parties to respect the ceasefire.\n";

fn opened(query: &str) -> App {
    let statement = Arc::new(Statement::parse(TEXT, "ports"));
    let analysis = Arc::new(analyse(&statement, Lexicons::embedded()));
    let mut app = App::new(statement, analysis, 120, 40);
    app.from_library = Some(query.to_string());
    if !query.is_empty() {
        app.filter_by(query);
    }
    app
}

fn key(app: &App, code: KeyCode) -> Option<Action> {
    keys::action_for(app, &Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

#[test]
fn show_act_selects_the_act_and_brings_its_sentence_into_view() {
    let mut app = opened("");
    let last = app.analysis.commitments.len() - 1;
    app::update(&mut app, Action::ShowAct(last));
    assert_eq!(app.selected_act(), Some(last));
    assert_eq!(app.shown_act, Some(last));
    // An act the filter does not list is still shown.
    let mut app = opened("kind:condemn");
    assert_eq!(app.acts.len(), 1);
    app::update(&mut app, Action::ShowAct(last));
    assert_eq!(app.shown_act, Some(last));
}

#[test]
fn esc_goes_back_while_the_query_is_the_librarys_and_clears_a_changed_one_first() {
    let mut app = opened("kind:condemn");
    assert_eq!(key(&app, KeyCode::Esc), Some(Action::Back));
    app::update(&mut app, Action::Back);
    assert!(app.quit && app.went_back);

    let mut app = opened("kind:condemn");
    app::update(&mut app, Action::StartFilter);
    app::update(&mut app, Action::Edit(communique::app::Edit::Insert(' ')));
    app::update(&mut app, Action::Edit(communique::app::Edit::Insert('p')));
    app::update(&mut app, Action::FilterAccept);
    assert_eq!(key(&app, KeyCode::Esc), Some(Action::ClearFilters));
    assert_eq!(key(&app, KeyCode::Backspace), Some(Action::Back));
}

#[test]
fn a_reader_opened_on_its_own_keeps_esc_and_backspace_for_itself() {
    let mut app = opened("");
    app.from_library = None;
    assert_eq!(key(&app, KeyCode::Esc), Some(Action::ClearFilters));
    assert_eq!(key(&app, KeyCode::Backspace), None);
}
