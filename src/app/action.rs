//! What the reader can be asked to do. Keys, mouse and resizes become actions
//! ([`super::keys`]); [`super::update`] applies them.

use crate::analysis::CommitmentKind;

/// The three panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Navigator,
    Text,
    Acts,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Navigator, Pane::Text, Pane::Acts];

    pub fn name(self) -> &'static str {
        match self {
            Pane::Navigator => "Sections",
            Pane::Text => "Text",
            Pane::Acts => "Commitments",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Resize(u16, u16),
    Quit,
    /// Ctrl-Z: handled by the terminal loop, which owns the terminal.
    Suspend,
    FocusNext,
    FocusPrevious,
    Focus(Pane),
    /// Move in the focused pane (rows for the text, items for lists).
    Move(isize),
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextSection,
    PreviousSection,
    NextAct,
    PreviousAct,
    /// Enter on the focused pane: jump to the section, choose the topic, show the act.
    Activate,
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    FilterDeleteWord,
    FilterClear,
    /// Enter in the query line: keep the filter, go back to the panes.
    FilterAccept,
    /// Esc in the query line: drop the filter.
    FilterCancel,
    /// Esc in the panes: clear the query, then the topic, then the kind filter.
    ClearFilters,
    NextMatch,
    PreviousMatch,
    CycleKind,
    SetKind(Option<CommitmentKind>),
    ToggleTopics,
    ToggleNavigator,
    ToggleHelp,
    /// Mouse wheel at a screen position.
    Scroll {
        column: u16,
        row: u16,
        lines: isize,
    },
    Click {
        column: u16,
        row: u16,
    },
}
