//! Keys and mouse to actions, and the list of bindings the help overlay and the
//! status line show — one table, so the help can never drift from the keys.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

mod panes;
mod query;

pub use panes::BINDINGS;
pub use query::{CHOOSER_KEYS, HINTS, LEGENDS, LINES, QUERY_BINDINGS, QUERY_SYNTAX};

use super::{Action, App, Edit};

pub(crate) const NONE: KeyModifiers = KeyModifiers::NONE;
pub(crate) const CTRL: KeyModifiers = KeyModifiers::CONTROL;
pub(crate) const ALT: KeyModifiers = KeyModifiers::ALT;

/// One row of the help: the keys as shown, what they do, and the keys themselves.
pub struct Binding {
    pub keys: &'static str,
    pub help: &'static str,
    chords: &'static [(KeyCode, KeyModifiers)],
    action: Action,
}

pub(crate) const fn bind(
    keys: &'static str,
    help: &'static str,
    chords: &'static [(KeyCode, KeyModifiers)],
    action: Action,
) -> Binding {
    Binding {
        keys,
        help,
        chords,
        action,
    }
}

/// Every key and query form with what it does, in the groups the help shows them in:
/// one list for the `?` overlay and the man page, made from the keymap itself.
pub fn help_groups() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let rows = |bindings: &'static [Binding]| -> Vec<(&'static str, &'static str)> {
        bindings
            .iter()
            .filter(|b| !b.keys.is_empty())
            .map(|b| (b.keys, b.help))
            .collect()
    };
    let mut groups: Vec<_> = BINDINGS
        .iter()
        .map(|(group, bindings)| (*group, rows(bindings)))
        .collect();
    groups.push(("In the query line", rows(QUERY_BINDINGS)));
    groups.push(("Query syntax (as in fzf)", QUERY_SYNTAX.to_vec()));
    groups.push(("In a chooser (t, a)", CHOOSER_KEYS.to_vec()));
    groups.push(("What the numbers say", LEGENDS.to_vec()));
    groups
}

/// The action for a terminal event, given the reader's state.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

fn find(bindings: &[Binding], code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    bindings
        .iter()
        .find(|b| b.chords.iter().any(|&(c, m)| c == code && m == modifiers))
        .map(|b| b.action.clone())
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    // Shift is part of the character ('G', '?', '{'); only Ctrl and Alt change a key.
    let modifiers = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    if app.editing {
        return find(QUERY_BINDINGS, key.code, modifiers).or(match (key.code, modifiers) {
            (KeyCode::Char(c), NONE) => Some(Action::Edit(Edit::Insert(c))),
            _ => None,
        });
    }
    if app.awaiting_mark.is_some() {
        match (key.code, modifiers) {
            (KeyCode::Char(c), NONE) => return Some(Action::MarkName(Some(c))),
            (KeyCode::Esc, _) => return Some(Action::MarkName(None)),
            _ => {}
        }
    }
    if let Some(opened_on) = &app.from_library
        && app.chooser.is_none()
        && !app.help
        && modifiers == NONE
    {
        let unchanged = app.query.is_empty() || app.query.value() == opened_on;
        match key.code {
            KeyCode::Backspace => return Some(Action::Back),
            KeyCode::Esc if unchanged => return Some(Action::Back),
            _ => {}
        }
    }
    if app.help {
        return match (key.code, modifiers) {
            (KeyCode::Char('c'), CTRL) => Some(Action::Quit),
            (KeyCode::Char('z'), CTRL) => Some(Action::Suspend),
            (KeyCode::Char('j') | KeyCode::Down, _) => Some(Action::Move(1)),
            (KeyCode::Char('k') | KeyCode::Up, _) => Some(Action::Move(-1)),
            (KeyCode::Char(' ') | KeyCode::PageDown, _) => Some(Action::PageDown),
            (KeyCode::Char('b') | KeyCode::PageUp, _) => Some(Action::PageUp),
            _ => Some(Action::ToggleHelp),
        };
    }
    BINDINGS
        .iter()
        .find_map(|(_, group)| find(group, key.code, modifiers))
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Scroll {
            column,
            row,
            lines: 3,
        }),
        MouseEventKind::ScrollUp => Some(Action::Scroll {
            column,
            row,
            lines: -3,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_has_distinct_chords() {
        let mut seen = Vec::new();
        for (_, group) in BINDINGS {
            for b in group.iter() {
                for chord in b.chords {
                    assert!(!seen.contains(chord), "{chord:?} bound twice");
                    seen.push(*chord);
                }
            }
        }
    }

    #[test]
    fn query_keys_have_distinct_chords() {
        let mut seen = Vec::new();
        for b in QUERY_BINDINGS {
            for chord in b.chords {
                assert!(!seen.contains(chord), "{chord:?} bound twice");
                seen.push(*chord);
            }
        }
    }

    #[test]
    fn help_rows_without_keys_continue_the_row_above() {
        for (_, group) in BINDINGS {
            assert!(!group[0].keys.is_empty());
            for b in group.iter() {
                assert_eq!(b.keys.is_empty(), b.help.is_empty());
            }
        }
    }
}
