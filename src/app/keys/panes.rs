//! The keys in the panes, grouped as the help shows them.

use crossterm::event::KeyCode;

use super::{ALT, Binding, CTRL, NONE, bind};
use crate::app::marks::MarkKey;
use crate::app::{Action, Pane};

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
                "Space f PgDn C-f",
                "page down",
                &[
                    (KeyCode::Char(' '), NONE),
                    (KeyCode::PageDown, NONE),
                    (KeyCode::Char('f'), NONE),
                    (KeyCode::Char('f'), CTRL),
                ],
                Action::PageDown,
            ),
            bind(
                "b PgUp C-b",
                "page up",
                &[
                    (KeyCode::Char('b'), NONE),
                    (KeyCode::PageUp, NONE),
                    (KeyCode::Char('b'), CTRL),
                ],
                Action::PageUp,
            ),
            bind(
                "d u C-d C-u",
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
                "C-e C-y",
                "scroll the view a row, keeping the selection",
                &[(KeyCode::Char('e'), CTRL)],
                Action::ScrollView(1),
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('y'), CTRL)],
                Action::ScrollView(-1),
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
                "m a-z",
                "mark this place with a letter (kept for next time)",
                &[(KeyCode::Char('m'), NONE)],
                Action::Mark(MarkKey::Set),
            ),
            bind(
                "' a-z ''",
                "go to a mark; '' back to where the last jump left",
                &[(KeyCode::Char('\''), NONE)],
                Action::Mark(MarkKey::Jump),
            ),
            bind(
                "Enter",
                "go to the section, act or topic selected",
                &[(KeyCode::Enter, NONE)],
                Action::Activate,
            ),
            bind(
                "1-9 0",
                "a count for the next move: 5j, 3], 2n",
                &[(KeyCode::Char('1'), NONE)],
                Action::Digit(1),
            ),
            bind("", "", &[(KeyCode::Char('2'), NONE)], Action::Digit(2)),
            bind("", "", &[(KeyCode::Char('3'), NONE)], Action::Digit(3)),
            bind("", "", &[(KeyCode::Char('4'), NONE)], Action::Digit(4)),
            bind("", "", &[(KeyCode::Char('5'), NONE)], Action::Digit(5)),
            bind("", "", &[(KeyCode::Char('6'), NONE)], Action::Digit(6)),
            bind("", "", &[(KeyCode::Char('7'), NONE)], Action::Digit(7)),
            bind("", "", &[(KeyCode::Char('8'), NONE)], Action::Digit(8)),
            bind("", "", &[(KeyCode::Char('9'), NONE)], Action::Digit(9)),
            bind("", "", &[(KeyCode::Char('0'), NONE)], Action::Digit(0)),
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
                "M-1 M-2 M-3",
                "sections / text / commitments",
                &[(KeyCode::Char('1'), ALT)],
                Action::Focus(Pane::Navigator),
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('2'), ALT)],
                Action::Focus(Pane::Text),
            ),
            bind(
                "",
                "",
                &[(KeyCode::Char('3'), ALT)],
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
            bind(
                "w",
                "one or two rows per act",
                &[(KeyCode::Char('w'), NONE)],
                Action::ToggleRowHeight,
            ),
        ],
    ),
    (
        "Filter",
        &[
            bind(
                "/",
                "filter (the query syntax is below)",
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
                "choose a kind of act (writes kind:)",
                &[(KeyCode::Char('t'), NONE)],
                Action::ChooseKind,
            ),
            bind(
                "a",
                "choose an addressee (writes to:)",
                &[(KeyCode::Char('a'), NONE)],
                Action::ChooseAddressee,
            ),
            bind(
                "Esc",
                "clear the words, then the topic, who, the kind",
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
                "y",
                "copy the sentence, quoted with its citation",
                &[(KeyCode::Char('y'), NONE)],
                Action::Copy,
            ),
            bind(
                "C-l",
                "draw the screen again",
                &[(KeyCode::Char('l'), CTRL)],
                Action::Redraw,
            ),
            bind(
                "q C-c",
                "quit",
                &[(KeyCode::Char('q'), NONE), (KeyCode::Char('c'), CTRL)],
                Action::Quit,
            ),
            bind(
                "C-z",
                "suspend to the shell (fg resumes)",
                &[(KeyCode::Char('z'), CTRL)],
                Action::Suspend,
            ),
        ],
    ),
];
