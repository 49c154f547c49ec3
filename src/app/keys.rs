//! Keys and mouse to actions, and the list of bindings the help overlay and the
//! status line show — one table, so the help can never drift from the keys.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::{Action, App, Pane};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// One row of the help: the keys as shown, what they do, and the keys themselves.
pub struct Binding {
    pub keys: &'static str,
    pub help: &'static str,
    chords: &'static [(KeyCode, KeyModifiers)],
    action: Action,
}

const fn bind(
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

/// Bindings in the panes, grouped for the help overlay.
pub const BINDINGS: &[(&str, &[Binding])] = &[
    (
        "Move",
        &[
            bind(
                "j k ↓ ↑",
                "down / up a row or an item",
                &[(KeyCode::Char('j'), NONE), (KeyCode::Down, NONE)],
                Action::Move(1),
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('k'), NONE), (KeyCode::Up, NONE)],
                Action::Move(-1),
            ),
            bind(
                "Space PgDn",
                "page down",
                &[
                    (KeyCode::Char(' '), NONE),
                    (KeyCode::PageDown, NONE),
                    (KeyCode::Char('f'), NONE),
                ],
                Action::PageDown,
            ),
            bind(
                "b PgUp",
                "page up",
                &[(KeyCode::Char('b'), NONE), (KeyCode::PageUp, NONE)],
                Action::PageUp,
            ),
            bind(
                "d u",
                "half a page down / up",
                &[(KeyCode::Char('d'), NONE), (KeyCode::Char('d'), CTRL)],
                Action::HalfPageDown,
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('u'), NONE), (KeyCode::Char('u'), CTRL)],
                Action::HalfPageUp,
            ),
            bind(
                "g G Home End",
                "top / bottom",
                &[(KeyCode::Char('g'), NONE), (KeyCode::Home, NONE)],
                Action::Top,
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('G'), NONE), (KeyCode::End, NONE)],
                Action::Bottom,
            ),
            bind(
                "] [",
                "next / previous section (of the chosen topic)",
                &[(KeyCode::Char(']'), NONE)],
                Action::NextSection,
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('['), NONE)],
                Action::PreviousSection,
            ),
            bind(
                "} {",
                "next / previous act, shown in the text",
                &[(KeyCode::Char('}'), NONE)],
                Action::NextAct,
            ),
            bind("", "", &[(KeyCode::Char('{'), NONE)], Action::PreviousAct),
            bind(
                "Enter",
                "go to the section, act or topic selected",
                &[(KeyCode::Enter, NONE)],
                Action::Activate,
            ),
        ],
    ),
    (
        "Panes",
        &[
            bind(
                "Tab S-Tab",
                "next / previous pane",
                &[(KeyCode::Tab, NONE)],
                Action::FocusNext,
            ),
            bind("", "", &[(KeyCode::BackTab, NONE)], Action::FocusPrevious),
            bind(
                "1 2 3",
                "sections / text / commitments",
                &[(KeyCode::Char('1'), NONE)],
                Action::Focus(Pane::Navigator),
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('2'), NONE)],
                Action::Focus(Pane::Text),
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('3'), NONE)],
                Action::Focus(Pane::Acts),
            ),
            bind(
                "T",
                "sections ⇄ topics in the navigator",
                &[(KeyCode::Char('T'), NONE)],
                Action::ToggleTopics,
            ),
            bind(
                "s",
                "show / hide the navigator (narrower terminals)",
                &[(KeyCode::Char('s'), NONE)],
                Action::ToggleNavigator,
            ),
        ],
    ),
    (
        "Filter",
        &[
            bind(
                "/",
                "filter (fuzzy; 'word matches exactly)",
                &[(KeyCode::Char('/'), NONE)],
                Action::StartFilter,
            ),
            bind(
                "n N",
                "next / previous matching sentence",
                &[(KeyCode::Char('n'), NONE)],
                Action::NextMatch,
            ),
            bind("", "", &[(KeyCode::Char('N'), NONE)], Action::PreviousMatch),
            bind(
                "t",
                "cycle the kind of act shown",
                &[(KeyCode::Char('t'), NONE)],
                Action::CycleKind,
            ),
            bind(
                "Esc",
                "clear the filter, then the topic, then the kind",
                &[(KeyCode::Esc, NONE)],
                Action::ClearFilters,
            ),
        ],
    ),
    (
        "Reader",
        &[
            bind(
                "?",
                "this help",
                &[(KeyCode::Char('?'), NONE)],
                Action::ToggleHelp,
            ),
            bind(
                "q Ctrl-C",
                "quit",
                &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
                Action::Quit,
            ),
            bind(
                "Ctrl-Z",
                "suspend to the shell (fg resumes)",
                &[(KeyCode::Char('z'), CTRL)],
                Action::Suspend,
            ),
        ],
    ),
];

/// Keys while typing in the query line, for the help overlay.
pub const QUERY_KEYS: &[(&str, &str)] = &[
    ("Enter", "keep the filter, back to the panes"),
    ("Esc", "drop the filter"),
    ("↓ ↑ Ctrl-N/P", "move in the commitments while typing"),
    ("Ctrl-U Ctrl-W", "clear the query / delete a word"),
];

/// Lines in the help overlay at most (two per binding when stacked, group titles,
/// the mouse line): the furthest it can scroll.
pub const LINES: usize = 64;

/// The hints in the status line.
pub const HINTS: &[(&str, &str)] = &[
    ("?", "help"),
    ("/", "filter"),
    ("t", "kind"),
    ("T", "topics"),
    ("q", "quit"),
];

/// The action for a terminal event, given the reader's state.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Mouse(mouse) => mouse_action(mouse),
        _ => None,
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    // Shift is part of the character ('G', '?', '{'); only Ctrl and Alt change a key.
    let modifiers = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    if app.editing {
        return query_key(key.code, modifiers);
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
        .flat_map(|(_, group)| group.iter())
        .find(|b| {
            b.chords
                .iter()
                .any(|&(code, m)| code == key.code && m == modifiers)
        })
        .map(|b| b.action.clone())
}

fn query_key(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    Some(match (code, modifiers) {
        (KeyCode::Enter, _) => Action::FilterAccept,
        (KeyCode::Esc, _) => Action::FilterCancel,
        (KeyCode::Backspace, _) => Action::FilterBackspace,
        (KeyCode::Char('c'), CTRL) => Action::Quit,
        (KeyCode::Char('z'), CTRL) => Action::Suspend,
        (KeyCode::Char('u'), CTRL) => Action::FilterClear,
        (KeyCode::Char('w'), CTRL) => Action::FilterDeleteWord,
        (KeyCode::Down, _) | (KeyCode::Char('n'), CTRL) => Action::NextAct,
        (KeyCode::Up, _) | (KeyCode::Char('p'), CTRL) => Action::PreviousAct,
        (KeyCode::Char(c), m) if !m.contains(CTRL) && !m.contains(KeyModifiers::ALT) => {
            Action::FilterInput(c)
        }
        _ => return None,
    })
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
    fn help_rows_without_keys_continue_the_row_above() {
        for (_, group) in BINDINGS {
            assert!(!group[0].keys.is_empty());
            for b in group.iter() {
                assert_eq!(b.keys.is_empty(), b.help.is_empty());
            }
        }
    }
}
