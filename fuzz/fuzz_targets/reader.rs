//! Fuzz target: the reader on any text, driven by any sequence of actions and sizes
//! (including 0x0), drawn after every step. Panics are crashes (slicing inside a
//! character, a selection past the end, a rectangle outside the buffer); so is any
//! cell carrying a raw control character.

#![no_main]

use arbitrary::Arbitrary;
use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Edit, Pane, update};
use communique::document::Statement;
use communique::ui;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

#[derive(Debug, Arbitrary)]
struct Session {
    text: String,
    steps: Vec<Step>,
}

#[derive(Debug, Arbitrary)]
enum Step {
    Resize(u8, u8),
    Key(u8),
    Type(char),
    Click(u8, u8),
    Scroll(u8, u8, i8),
}

/// Every action a key can produce but quitting and suspending, which the terminal
/// loop handles.
const KEYS: &[Action] = &[
    Action::FocusNext,
    Action::FocusPrevious,
    Action::Focus(Pane::Navigator),
    Action::Focus(Pane::Acts),
    Action::Move(1),
    Action::Move(-1),
    Action::Move(7),
    Action::PageDown,
    Action::PageUp,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::Top,
    Action::Bottom,
    Action::NextSection,
    Action::PreviousSection,
    Action::NextAct,
    Action::PreviousAct,
    Action::Activate,
    Action::StartFilter,
    Action::Edit(Edit::Backspace),
    Action::Edit(Edit::DeleteWordBack),
    Action::Edit(Edit::DeleteToStart),
    Action::Edit(Edit::Left),
    Action::Edit(Edit::WordRight),
    Action::Edit(Edit::HistoryPrevious),
    Action::FilterAccept,
    Action::FilterCancel,
    Action::ClearFilters,
    Action::NextMatch,
    Action::PreviousMatch,
    Action::ChooseKind,
    Action::ChooseAddressee,
    Action::ToggleTopics,
    Action::ToggleNavigator,
    Action::ToggleHelp,
    Action::ToggleRowHeight,
    Action::Digit(2),
    Action::ScrollView(3),
];

fuzz_target!(|session: Session| {
    let statement = Statement::parse(&session.text, "fuzz");
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut app = App::new(statement, analysis, 80, 24);
    for step in session.steps.iter().take(64) {
        let action = match *step {
            Step::Resize(w, h) => Action::Resize(u16::from(w), u16::from(h) / 2),
            Step::Key(k) => KEYS[usize::from(k) % KEYS.len()].clone(),
            Step::Type(c) => Action::Edit(Edit::Insert(c)),
            Step::Click(column, row) => Action::Click {
                column: column.into(),
                row: row.into(),
            },
            Step::Scroll(column, row, lines) => Action::Scroll {
                column: column.into(),
                row: row.into(),
                lines: lines.into(),
            },
        };
        update(&mut app, action);
        let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
        terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            invariants::assert_clean("screen", cell.symbol());
        }
    }
});
