//! The keys of the query line and the choosers, the query language and the legends,
//! as the help shows them.

use crossterm::event::KeyCode;

use super::{ALT, Binding, CTRL, NONE, bind};
use crate::app::{Action, Edit};

/// Keys while typing in the query line; any other character is typed.
pub const QUERY_BINDINGS: &[Binding] = &[
    bind(
        "Enter",
        "keep the filter, go to the first match",
        &[(KeyCode::Enter, NONE)],
        Action::FilterAccept,
    ),
    bind(
        "Esc",
        "drop the filter",
        &[(KeyCode::Esc, NONE)],
        Action::FilterCancel,
    ),
    bind(
        "← → Home End",
        "move the cursor (C-a C-e too)",
        &[(KeyCode::Left, NONE)],
        Action::Edit(Edit::Left),
    ),
    bind("", "", &[(KeyCode::Right, NONE)], Action::Edit(Edit::Right)),
    bind(
        "",
        "",
        &[(KeyCode::Home, NONE), (KeyCode::Char('a'), CTRL)],
        Action::Edit(Edit::Home),
    ),
    bind(
        "",
        "",
        &[(KeyCode::End, NONE), (KeyCode::Char('e'), CTRL)],
        Action::Edit(Edit::End),
    ),
    bind(
        "M-b M-f",
        "a word back / forward (C-← C-→ too)",
        &[(KeyCode::Char('b'), ALT), (KeyCode::Left, CTRL)],
        Action::Edit(Edit::WordLeft),
    ),
    bind(
        "",
        "",
        &[(KeyCode::Char('f'), ALT), (KeyCode::Right, CTRL)],
        Action::Edit(Edit::WordRight),
    ),
    bind(
        "Bksp Del",
        "delete back / forward (Bksp on nothing leaves)",
        &[(KeyCode::Backspace, NONE), (KeyCode::Char('h'), CTRL)],
        Action::Edit(Edit::Backspace),
    ),
    bind(
        "",
        "",
        &[(KeyCode::Delete, NONE), (KeyCode::Char('d'), CTRL)],
        Action::Edit(Edit::Delete),
    ),
    bind(
        "C-w C-u C-k",
        "delete a word / to the start / to the end",
        &[(KeyCode::Char('w'), CTRL), (KeyCode::Backspace, ALT)],
        Action::Edit(Edit::DeleteWordBack),
    ),
    bind(
        "",
        "",
        &[(KeyCode::Char('u'), CTRL)],
        Action::Edit(Edit::DeleteToStart),
    ),
    bind(
        "",
        "",
        &[(KeyCode::Char('k'), CTRL)],
        Action::Edit(Edit::DeleteToEnd),
    ),
    bind(
        "↑ ↓",
        "earlier queries of this session",
        &[(KeyCode::Up, NONE)],
        Action::Edit(Edit::HistoryPrevious),
    ),
    bind(
        "",
        "",
        &[(KeyCode::Down, NONE)],
        Action::Edit(Edit::HistoryNext),
    ),
    bind(
        "C-n C-p",
        "next / previous act while typing",
        &[(KeyCode::Char('n'), CTRL)],
        Action::NextAct,
    ),
    bind("", "", &[(KeyCode::Char('p'), CTRL)], Action::PreviousAct),
    bind(
        "C-c C-z",
        "quit / suspend",
        &[(KeyCode::Char('c'), CTRL)],
        Action::Quit,
    ),
    bind("", "", &[(KeyCode::Char('z'), CTRL)], Action::Suspend),
];

/// The query language, with examples, for the help overlay.
pub const QUERY_SYNTAX: &[(&str, &str)] = &[
    ("korea urge", "every term must match, in any order"),
    ("nkorea", "fuzzy: letters in order, close together"),
    (
        "'urge 'urge'",
        "written out from a word's start / whole word",
    ),
    ("^we  korea$", "at the start / end of a field or sentence"),
    ("!china", "leave out what matches"),
    ("condemn | deplore", "either"),
    (
        "\"North Korea\"",
        "a phrase, written out (\\ escapes a space)",
    ),
    ("kind:demand k:dem", "the kind of act"),
    ("by:japan to:korea", "the actor / the addressee"),
    ("topic:maritime", "acts in sections on a topic"),
    ("cue:committed", "the words that carry the act"),
];

/// Keys in a chooser: the same moves as in the panes.
pub const CHOOSER_KEYS: &[(&str, &str)] = &[
    ("j k ↓ ↑", "move, over the greyed (empty) rows"),
    ("Enter", "choose: the term goes into the query line"),
    ("Esc", "close without choosing"),
];

/// What the figures the reader shows mean.
pub const LEGENDS: &[(&str, &str)] = &[
    ("Commitments 4/15", "acts listed / all acts"),
    ("demand 4", "acts of that kind listed"),
    ("Sections: 3", "sentences matching the filter in it"),
    ("Topics: 2§ 4", "sections on the topic, acts in them"),
    ("● ▶ ◆", "section with matches, being read; topic chosen"),
    ("4 of 15", "the selected act's place in the list"),
];

/// Lines in the help overlay at most (two per binding when stacked, group titles,
/// the legends): the furthest it can scroll.
pub const LINES: usize = 120;

/// The hints in the status line.
pub const HINTS: &[(&str, &str)] = &[
    ("?", "help"),
    ("/", "filter"),
    ("t", "kind"),
    ("a", "addressee"),
    ("T", "topics"),
    ("q", "quit"),
];
