//! Keys to compare actions, and the list the help shows: one table for both.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{CompareAction, CompareView};
use crate::app::Edit;

/// The keys of the compare view, as the help lists them.
pub const HELP: &[(&str, &str)] = &[
    ("j k ↓ ↑", "down / up: the act list, or the text (Tab)"),
    ("Space b PgDn PgUp", "page down / up"),
    ("g G Home End", "top / bottom"),
    ("n N", "next / previous act that changed, shown in the text"),
    ("Tab", "act list ⇄ text"),
    (
        "Enter",
        "the act's two sentences side by side, word by word",
    ),
    ("u", "list the unchanged acts too"),
    ("T", "the changes per topic"),
    ("/", "filter the acts (the reader's query language)"),
    (
        "Esc",
        "close the topics or the sentences, then clear the query",
    ),
    ("?", "this help"),
    ("q C-c", "quit"),
];

/// The action for a terminal event in the compare view.
pub fn action_for(view: &CompareView, event: &Event) -> Option<CompareAction> {
    match event {
        Event::Resize(w, h) => Some(CompareAction::Resize(*w, *h)),
        Event::Paste(text) => Some(CompareAction::Paste(text.clone())),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(view, key),
        _ => None,
    }
}

fn key_action(view: &CompareView, key: &KeyEvent) -> Option<CompareAction> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl {
        return match key.code {
            KeyCode::Char('c') => Some(CompareAction::Quit),
            KeyCode::Char('z') => Some(CompareAction::Suspend),
            KeyCode::Char('l') => Some(CompareAction::Redraw),
            KeyCode::Char('f') => Some(CompareAction::Page(1)),
            KeyCode::Char('b') => Some(CompareAction::Page(-1)),
            KeyCode::Char('u') if view.editing => Some(CompareAction::Edit(Edit::DeleteToStart)),
            KeyCode::Char('w') if view.editing => Some(CompareAction::Edit(Edit::DeleteWordBack)),
            _ => None,
        };
    }
    if view.editing {
        return match key.code {
            KeyCode::Enter => Some(CompareAction::FilterAccept),
            KeyCode::Esc => Some(CompareAction::FilterCancel),
            KeyCode::Backspace => Some(CompareAction::Edit(Edit::Backspace)),
            KeyCode::Delete => Some(CompareAction::Edit(Edit::Delete)),
            KeyCode::Left => Some(CompareAction::Edit(Edit::Left)),
            KeyCode::Right => Some(CompareAction::Edit(Edit::Right)),
            KeyCode::Home => Some(CompareAction::Edit(Edit::Home)),
            KeyCode::End => Some(CompareAction::Edit(Edit::End)),
            KeyCode::Char(c) if !alt => Some(CompareAction::Edit(Edit::Insert(c))),
            _ => None,
        };
    }
    if view.help {
        return Some(match key.code {
            KeyCode::Char('q') => CompareAction::Quit,
            _ => CompareAction::ToggleHelp,
        });
    }
    Some(match key.code {
        KeyCode::Char('q') => CompareAction::Quit,
        KeyCode::Char('j') | KeyCode::Down => CompareAction::Move(1),
        KeyCode::Char('k') | KeyCode::Up => CompareAction::Move(-1),
        KeyCode::Char(' ') | KeyCode::PageDown | KeyCode::Char('f') => CompareAction::Page(1),
        KeyCode::Char('b') | KeyCode::PageUp => CompareAction::Page(-1),
        KeyCode::Char('g') | KeyCode::Home => CompareAction::Top,
        KeyCode::Char('G') | KeyCode::End => CompareAction::Bottom,
        KeyCode::Char('n') => CompareAction::NextChange(1),
        KeyCode::Char('N') => CompareAction::NextChange(-1),
        KeyCode::Tab | KeyCode::BackTab => CompareAction::SwitchPane,
        KeyCode::Enter => CompareAction::ToggleDetail,
        KeyCode::Char('u') => CompareAction::ToggleUnchanged,
        KeyCode::Char('T') => CompareAction::ToggleTopics,
        KeyCode::Char('/') => CompareAction::StartFilter,
        KeyCode::Char('?') => CompareAction::ToggleHelp,
        KeyCode::Esc => CompareAction::Back,
        _ => return None,
    })
}
