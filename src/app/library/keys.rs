//! Keys to library actions, and the list the help shows.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{LibraryAction, LibraryPane, LibraryView};
use crate::app::Edit;

/// The keys of the library view, as the help lists them.
pub const HELP: &[(&str, &str)] = &[
    ("j k ↓ ↑", "down / up (on the timeline, ← → too: its bars)"),
    ("Space b PgDn PgUp", "page down / up"),
    ("g G Home End", "first / last"),
    ("Tab S-Tab", "table → acts → timeline"),
    (
        "Enter",
        "open the statement at its first match, or at the act",
    ),
    ("Esc Backspace", "(in the reader) back to the library"),
    ("/", "filter: the reader's query + date:  party:  title:"),
    ("x", "mark a statement to compare (two at most)"),
    (
        "c",
        "compare the two marked (or the marked and the selected)",
    ),
    (
        "p",
        "compare the selected with the previous one of its parties",
    ),
    ("s", "sort: date, acts, title, file"),
    ("m", "timeline by month / by year"),
    ("R", "read every file again"),
    ("Esc", "close the bar, then the marks, then clear the query"),
    ("?", "this help"),
    ("q C-c", "quit"),
];

/// The action for a terminal event in the library view.
pub fn action_for(view: &LibraryView, event: &Event) -> Option<LibraryAction> {
    match event {
        Event::Resize(w, h) => Some(LibraryAction::Resize(*w, *h)),
        Event::Paste(text) => Some(LibraryAction::Paste(text.clone())),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(view, key),
        _ => None,
    }
}

fn key_action(view: &LibraryView, key: &KeyEvent) -> Option<LibraryAction> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(LibraryAction::Quit),
            KeyCode::Char('z') => Some(LibraryAction::Suspend),
            KeyCode::Char('l') => Some(LibraryAction::Redraw),
            KeyCode::Char('f') => Some(LibraryAction::Page(1)),
            KeyCode::Char('b') => Some(LibraryAction::Page(-1)),
            KeyCode::Char('u') if view.editing => Some(LibraryAction::Edit(Edit::DeleteToStart)),
            KeyCode::Char('w') if view.editing => Some(LibraryAction::Edit(Edit::DeleteWordBack)),
            KeyCode::Char('n') => Some(LibraryAction::Move(1)),
            KeyCode::Char('p') => Some(LibraryAction::Move(-1)),
            _ => None,
        };
    }
    if view.editing {
        return match key.code {
            KeyCode::Enter => Some(LibraryAction::FilterAccept),
            KeyCode::Esc => Some(LibraryAction::Clear),
            KeyCode::Backspace => Some(LibraryAction::Edit(Edit::Backspace)),
            KeyCode::Delete => Some(LibraryAction::Edit(Edit::Delete)),
            KeyCode::Left => Some(LibraryAction::Edit(Edit::Left)),
            KeyCode::Right => Some(LibraryAction::Edit(Edit::Right)),
            KeyCode::Home => Some(LibraryAction::Edit(Edit::Home)),
            KeyCode::End => Some(LibraryAction::Edit(Edit::End)),
            KeyCode::Up => Some(LibraryAction::Edit(Edit::HistoryPrevious)),
            KeyCode::Down => Some(LibraryAction::Edit(Edit::HistoryNext)),
            // Moving the list while typing, as in fzf.
            KeyCode::Tab => Some(LibraryAction::NextPane(1)),
            KeyCode::BackTab => Some(LibraryAction::NextPane(-1)),
            KeyCode::Char(c) if !alt => Some(LibraryAction::Edit(Edit::Insert(c))),
            _ => None,
        };
    }
    if view.help {
        return Some(match key.code {
            KeyCode::Char('q') => LibraryAction::Quit,
            _ => LibraryAction::ToggleHelp,
        });
    }
    let on_timeline = view.focus == LibraryPane::Timeline;
    Some(match key.code {
        KeyCode::Char('q') => LibraryAction::Quit,
        KeyCode::Char('j') | KeyCode::Down => LibraryAction::Move(1),
        KeyCode::Char('k') | KeyCode::Up => LibraryAction::Move(-1),
        KeyCode::Char('l') | KeyCode::Right if on_timeline => LibraryAction::Move(1),
        KeyCode::Char('h') | KeyCode::Left if on_timeline => LibraryAction::Move(-1),
        KeyCode::Char(' ') | KeyCode::PageDown | KeyCode::Char('f') => LibraryAction::Page(1),
        KeyCode::Char('b') | KeyCode::PageUp => LibraryAction::Page(-1),
        KeyCode::Char('g') | KeyCode::Home => LibraryAction::Top,
        KeyCode::Char('G') | KeyCode::End => LibraryAction::Bottom,
        KeyCode::Tab => LibraryAction::NextPane(1),
        KeyCode::BackTab => LibraryAction::NextPane(-1),
        KeyCode::Enter => LibraryAction::Activate,
        KeyCode::Char('/') => LibraryAction::StartFilter,
        KeyCode::Esc => LibraryAction::Clear,
        KeyCode::Char('x') => LibraryAction::ToggleMark,
        KeyCode::Char('c') => LibraryAction::Compare,
        KeyCode::Char('p') => LibraryAction::ComparePrevious,
        KeyCode::Char('s') => LibraryAction::Sort,
        KeyCode::Char('m') => LibraryAction::TimelineUnit,
        KeyCode::Char('R') => LibraryAction::Rescan,
        KeyCode::Char('?') => LibraryAction::ToggleHelp,
        _ => return None,
    })
}
