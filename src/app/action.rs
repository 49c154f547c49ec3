//! What the reader can be asked to do. Keys, mouse and resizes become actions
//! ([`super::keys`]); [`super::update`] applies them.

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

/// An edit of the query line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    /// On an empty query, leaves the query line.
    Backspace,
    Delete,
    DeleteWordBack,
    DeleteToStart,
    DeleteToEnd,
    /// ↑ and ↓: the queries accepted earlier in the session.
    HistoryPrevious,
    HistoryNext,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Resize(u16, u16),
    Quit,
    /// Ctrl-Z: handled by the terminal loop, which owns the terminal.
    Suspend,
    /// Ctrl-L: the terminal loop draws everything again.
    Redraw,
    /// `y`: the sentence in hand, quoted with its citation, to the clipboard.
    Copy,
    FocusNext,
    FocusPrevious,
    Focus(Pane),
    /// Move in the focused pane (rows for the text, items for lists).
    Move(isize),
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    /// Ctrl-E and Ctrl-Y: scroll the focused pane's view, not its selection.
    ScrollView(isize),
    Top,
    Bottom,
    NextSection,
    PreviousSection,
    NextAct,
    PreviousAct,
    /// Enter on the focused pane: jump to the section, choose the topic, show the act,
    /// or take the chooser's row.
    Activate,
    StartFilter,
    Edit(Edit),
    /// Text pasted into the terminal (bracketed paste): goes into the query line.
    Paste(String),
    /// Enter in the query line: keep the filter, go back to the panes.
    FilterAccept,
    /// Esc in the query line: drop the filter.
    FilterCancel,
    /// Esc in the panes: close a chooser, or clear the query a layer at a time — its
    /// words, then the topic, then who, then the kind.
    ClearFilters,
    /// Esc or Backspace with nothing to clear, in a reader opened from the library.
    Back,
    /// Select an act (an index into the analysis) and show its sentence: where the
    /// library opens the reader.
    ShowAct(usize),
    NextMatch,
    PreviousMatch,
    /// Open the chooser of kinds (`t`) or of addressees (`a`).
    ChooseKind,
    ChooseAddressee,
    ToggleTopics,
    ToggleNavigator,
    ToggleHelp,
    /// One row per act, or two so long objects show whole.
    ToggleRowHeight,
    /// `m` (set) or `'` (jump): the next key names the mark.
    Mark(super::marks::MarkKey),
    /// The key after `m` or `'`; `None` (Esc) drops it.
    MarkName(Option<char>),
    /// A digit of a count for the next move, as in less and vim.
    Digit(u8),
    /// How far the analysis has gone: paragraphs done of all.
    Progress {
        done: usize,
        total: usize,
    },
    /// The result of a search run off the UI thread ([`super::App::take_filter_request`]).
    Filtered {
        generation: u64,
        result: std::sync::Arc<crate::analysis::filter::FilterResult>,
    },
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

impl Action {
    /// Whether a count prefix repeats the action.
    pub fn counts(&self) -> bool {
        matches!(
            self,
            Action::Move(_)
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::ScrollView(_)
                | Action::NextSection
                | Action::PreviousSection
                | Action::NextAct
                | Action::PreviousAct
                | Action::NextMatch
                | Action::PreviousMatch
        )
    }

    /// Whether the action can take the view far, so `''` can go back to where it was.
    pub fn jumps(&self) -> bool {
        matches!(
            self,
            Action::Top
                | Action::Bottom
                | Action::NextSection
                | Action::PreviousSection
                | Action::NextAct
                | Action::PreviousAct
                | Action::NextMatch
                | Action::PreviousMatch
                | Action::Activate
                | Action::ShowAct(_)
                | Action::FilterAccept
                | Action::Click { .. }
        )
    }

    /// Whether the action reads the filter's result, so it waits for a search running
    /// off the UI thread.
    pub fn needs_result(&self) -> bool {
        matches!(
            self,
            Action::NextAct
                | Action::PreviousAct
                | Action::NextMatch
                | Action::PreviousMatch
                | Action::ShowAct(_)
        )
    }

    /// Whether the action needs the analysis, so it waits for it while it runs.
    pub fn needs_analysis(&self) -> bool {
        matches!(
            self,
            Action::NextAct | Action::PreviousAct | Action::ChooseKind | Action::ChooseAddressee
        )
    }
}
