//! The compare view on a pair of our own: snapshots at 120x40 (old │ new) and 80x24
//! (one column, marked inline), with the marks of inserted and deleted words checked
//! in the drawn cells; n/N between changes, u for the unchanged acts, the query, and
//! Enter for the two sentences word by word.

mod common;

use std::sync::Arc;

use communique::analysis::{Lexicons, analyse};
use communique::app::Edit;
use communique::app::compare::{CompareAction, CompareView, Compared};
use communique::compare::{ActStatus, compare};
use communique::document::Statement;
use communique::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const OLD: &str = include_str!("fixtures/compare/old.txt");
const NEW: &str = include_str!("fixtures/compare/new.txt");

fn view(width: u16, height: u16) -> CompareView {
    let old = Arc::new(Statement::parse(OLD, "old"));
    let new = Arc::new(Statement::parse(NEW, "new"));
    let compared = Compared {
        old_analysis: Arc::new(analyse(&old, Lexicons::embedded())),
        new_analysis: Arc::new(analyse(&new, Lexicons::embedded())),
        old,
        new,
    };
    let comparison = compare(compared.old(), compared.new_side());
    CompareView::new(compared, comparison, width, height)
}

fn draw(view: &CompareView) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(view.width, view.height)).unwrap();
    terminal
        .draw(|frame| ui::compare::draw(view, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    common::buffer_text(buffer)
}

/// The text of the cells drawn with `modifier`, row by row, one space between runs.
fn marked(buffer: &Buffer, modifier: Modifier) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut run = false;
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(modifier) {
                out.push_str(cell.symbol());
                run = true;
            } else if run {
                out.push(' ');
                run = false;
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn snapshots_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        let v = view(w, h);
        let buffer = draw(&v);
        insta::assert_snapshot!(format!("compare_{w}x{h}"), text(&buffer));
        assert!(
            marked(&buffer, Modifier::UNDERLINED).contains("strongly"),
            "{w}x{h}: the added word is marked"
        );
        assert!(
            marked(&buffer, Modifier::CROSSED_OUT).contains("We call on all flag states"),
            "{w}x{h}: the dropped paragraph is struck"
        );
    }
}

#[test]
fn n_goes_from_change_to_change_and_u_lists_the_rest() {
    let mut v = view(120, 40);
    assert_eq!(v.listed.len(), 3, "only the changes at first");
    let status = |v: &CompareView| v.comparison.acts[v.selected().unwrap()].status;
    assert_eq!(status(&v), ActStatus::Dropped);
    v.update(CompareAction::NextChange(1));
    assert_eq!(status(&v), ActStatus::Strengthened);
    v.update(CompareAction::NextChange(1));
    assert_eq!(status(&v), ActStatus::New);
    v.update(CompareAction::NextChange(1));
    assert_eq!(status(&v), ActStatus::Dropped);
    assert_eq!(v.notice.as_deref(), Some("wrapped round"));
    v.update(CompareAction::ToggleUnchanged);
    assert_eq!(v.listed.len(), v.comparison.acts.len());
    assert_eq!(status(&v), ActStatus::Dropped, "the selection stays");
    v.update(CompareAction::NextChange(1));
    assert_eq!(status(&v), ActStatus::Strengthened, "n skips the unchanged");
}

#[test]
fn the_query_narrows_the_acts() {
    let mut v = view(80, 24);
    v.update(CompareAction::StartFilter);
    for c in "polar".chars() {
        v.update(CompareAction::Edit(Edit::Insert(c)));
    }
    assert_eq!(v.listed.len(), 1);
    assert_eq!(v.comparison.acts[v.listed[0]].status, ActStatus::New);
    v.update(CompareAction::FilterAccept);
    assert!(text(&draw(&v)).contains("/polar"));
    v.update(CompareAction::Back);
    assert_eq!(v.listed.len(), 3);
}

#[test]
fn enter_shows_the_two_sentences_word_by_word() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut v = view(w, h);
        v.update(CompareAction::NextChange(1));
        v.update(CompareAction::ToggleDetail);
        assert!(v.detail);
        let buffer = draw(&v);
        let screen = text(&buffer);
        assert!(screen.contains("STRONGER · “strongly” added"), "{screen}");
        assert!(screen.contains("Old") && screen.contains("New"), "{screen}");
        assert!(marked(&buffer, Modifier::UNDERLINED).contains("strongly"));
        v.update(CompareAction::Back);
        assert!(!v.detail);
    }
}

#[test]
fn t_shows_the_changes_per_topic() {
    let mut v = view(120, 40);
    v.update(CompareAction::ToggleTopics);
    let screen = text(&draw(&v));
    assert!(screen.contains("Changes per topic"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("Maritime security"))
        .expect("the topic with a change");
    assert!(row.split_whitespace().any(|w| w == "1"), "{row}");
    v.update(CompareAction::Back);
    assert!(!v.topics);
}

#[test]
fn a_narrow_list_keeps_the_object_and_a_short_screen_the_sentences() {
    let mut v = view(40, 15);
    let screen = text(&draw(&v));
    let row = screen.lines().find(|l| l.contains("DROPPED")).unwrap();
    assert!(
        row.contains("ratify the agreemen"),
        "the why and who go first: {row}"
    );
    v.update(CompareAction::NextChange(1));
    v.update(CompareAction::ToggleDetail);
    let screen = text(&draw(&v));
    assert!(
        screen.contains("Old") && screen.contains("New") && screen.contains("We strongly"),
        "both sentences fit over the panes:\n{screen}"
    );
}

#[test]
fn tiny_and_huge_windows_do_not_break() {
    for (w, h) in [(20, 8), (10, 4), (1, 1), (300, 100)] {
        let mut v = view(w, h);
        for action in [
            CompareAction::Bottom,
            CompareAction::NextChange(-1),
            CompareAction::ToggleDetail,
            CompareAction::SwitchPane,
            CompareAction::Page(1),
            CompareAction::ToggleTopics,
            CompareAction::ToggleHelp,
        ] {
            v.update(action);
            draw(&v);
        }
    }
}
