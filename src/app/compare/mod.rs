//! The compare view's state: two analysed statements, their comparison, the text laid
//! out for the width ([`rows`]), the list of act changes the query leaves (with the
//! unchanged ones hidden until asked for), and what is selected and in view. Nothing
//! here touches the terminal; keys become [`CompareAction`]s in [`keys`].

pub mod keys;
pub mod rows;
mod update;

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::analysis::filter::Filter;
use crate::analysis::query::Query;
use crate::compare::{ActStatus, Comparison, Side};
use crate::document::Statement;

use super::Appearance;
use super::Edit;
use super::query_line::QueryLine;

/// What the compare view can be asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareAction {
    Resize(u16, u16),
    Quit,
    Suspend,
    Redraw,
    Move(isize),
    Page(isize),
    Top,
    Bottom,
    /// `n` / `N`: the next or previous act that changed.
    NextChange(isize),
    /// Tab: the act list ⇄ the text.
    SwitchPane,
    /// Enter: the selected act's two sentences side by side, word by word.
    ToggleDetail,
    /// `u`: list the unchanged acts too.
    ToggleUnchanged,
    /// `T`: the changes per topic.
    ToggleTopics,
    ToggleHelp,
    StartFilter,
    Edit(Edit),
    Paste(String),
    FilterAccept,
    FilterCancel,
    /// Esc out of the query line: the detail, then the query.
    Back,
}

/// The two panes of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparePane {
    Text,
    Acts,
}

/// The statements compared, owned.
#[derive(Debug)]
pub struct Compared {
    pub old: Arc<Statement>,
    pub old_analysis: Arc<Analysis>,
    pub new: Arc<Statement>,
    pub new_analysis: Arc<Analysis>,
}

impl Compared {
    pub fn old(&self) -> Side<'_> {
        Side {
            statement: &self.old,
            analysis: &self.old_analysis,
        }
    }

    pub fn new_side(&self) -> Side<'_> {
        Side {
            statement: &self.new,
            analysis: &self.new_analysis,
        }
    }
}

#[derive(Debug)]
pub struct CompareView {
    pub compared: Compared,
    pub comparison: Comparison,
    pub appearance: Appearance,
    pub width: u16,
    pub height: u16,
    /// The text laid out for `rows_width` (two columns when `two_columns`).
    pub rows: Vec<rows::Row>,
    rows_width: u16,
    pub two_columns: bool,
    pub text_top: usize,
    /// The act changes listed (indices into `comparison.acts`), in the new order.
    pub listed: Vec<usize>,
    pub cursor: usize,
    pub offset: usize,
    pub show_unchanged: bool,
    pub focus: ComparePane,
    pub detail: bool,
    /// The changes per topic are shown.
    pub topics: bool,
    pub help: bool,
    pub query: QueryLine,
    pub editing: bool,
    pub notice: Option<String>,
    pub quit: bool,
    /// Opened from the library: Esc with nothing to close goes back to it.
    pub from_library: bool,
    /// It quit to go back to the library.
    pub went_back: bool,
    old_filter: Filter,
    new_filter: Filter,
}

/// Rows of chrome around the panes: title, summary, status line.
const CHROME: u16 = 3;

impl CompareView {
    pub fn new(compared: Compared, comparison: Comparison, width: u16, height: u16) -> CompareView {
        let mut view = CompareView {
            compared,
            comparison,
            appearance: Appearance::default(),
            width,
            height,
            rows: Vec::new(),
            rows_width: 0,
            two_columns: false,
            text_top: 0,
            listed: Vec::new(),
            cursor: 0,
            offset: 0,
            show_unchanged: false,
            focus: ComparePane::Acts,
            detail: false,
            topics: false,
            help: false,
            query: QueryLine::default(),
            editing: false,
            notice: None,
            quit: false,
            from_library: false,
            went_back: false,
            old_filter: Filter::default(),
            new_filter: Filter::default(),
        };
        view.refilter();
        view.relayout();
        view
    }

    /// Rows of the text pane and of the act list, inside their borders.
    pub fn pane_heights(&self) -> (usize, usize) {
        let inner = self
            .height
            .saturating_sub(CHROME + u16::from(self.query_shown()));
        // The act list as tall as it has rows, up to a third of the screen.
        let wanted = u16::try_from(self.listed.len())
            .unwrap_or(u16::MAX)
            .saturating_add(2);
        let acts = wanted.clamp(5, (inner / 3).clamp(5, 16)).min(inner);
        let text = inner.saturating_sub(acts);
        (
            usize::from(text.saturating_sub(2)),
            usize::from(acts.saturating_sub(2)),
        )
    }

    pub fn query_shown(&self) -> bool {
        self.editing || !self.query.is_empty()
    }

    /// Width of the text inside the text pane's borders.
    pub fn text_width(&self) -> u16 {
        self.width.saturating_sub(2).max(1)
    }

    pub(super) fn relayout(&mut self) {
        let width = self.text_width();
        let two = self.width >= rows::TWO_COLUMNS;
        if width != self.rows_width || two != self.two_columns || self.rows.is_empty() {
            let block = self.rows.get(self.text_top).map(|r| r.block);
            self.rows = rows::layout(
                &self.comparison,
                &self.compared.old,
                &self.compared.new,
                width,
                two,
            );
            self.rows_width = width;
            self.two_columns = two;
            if let Some(block) = block {
                self.text_top = self.first_row_of(block);
            }
        }
        self.clamp();
    }

    fn first_row_of(&self, block: usize) -> usize {
        self.rows.partition_point(|r| r.block < block)
    }

    pub(super) fn clamp(&mut self) {
        let (text, acts) = self.pane_heights();
        self.text_top = self
            .text_top
            .min(self.rows.len().saturating_sub(text.max(1)));
        self.cursor = self.cursor.min(self.listed.len().saturating_sub(1));
        let acts = acts.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + acts {
            self.offset = self.cursor + 1 - acts;
        }
        self.offset = self.offset.min(self.listed.len().saturating_sub(acts));
    }

    /// The act change selected, if any is listed.
    pub fn selected(&self) -> Option<usize> {
        self.listed.get(self.cursor).copied()
    }

    /// Lists the act changes the query and the unchanged switch leave.
    pub(super) fn refilter(&mut self) {
        let query = Query::parse(self.query.value());
        let keep = |filter: &mut Filter, side: Side| -> Option<Vec<bool>> {
            let query = query.as_ref()?;
            let result = filter.run(query, side.statement, side.analysis);
            let mut keep = vec![false; side.analysis.commitments.len()];
            for m in &result.acts {
                keep[m.act as usize] = true;
            }
            Some(keep)
        };
        let old_keep = keep(&mut self.old_filter, self.compared.old());
        let new_keep = keep(&mut self.new_filter, self.compared.new_side());
        let selected = self.selected();
        self.listed = self
            .comparison
            .acts
            .iter()
            .enumerate()
            .filter(|(_, c)| self.show_unchanged || c.status != ActStatus::Unchanged)
            .filter(|(_, c)| match (&old_keep, &new_keep) {
                (Some(old), Some(new)) => {
                    c.old.is_some_and(|i| old[i]) || c.new.is_some_and(|j| new[j])
                }
                _ => true,
            })
            .map(|(i, _)| i)
            .collect();
        self.cursor = selected
            .and_then(|s| self.listed.iter().position(|&i| i == s))
            .unwrap_or(0);
        self.detail &= !self.listed.is_empty();
    }

    /// Scrolls the text to the paragraph of the selected act.
    pub(super) fn show_selected(&mut self) {
        let Some(change) = self.selected().map(|s| &self.comparison.acts[s]) else {
            return;
        };
        let paragraph = |side: Side, act: Option<usize>| {
            act.map(|a| side.analysis.commitments[a].sentence.paragraph())
        };
        let (old_p, new_p) = (
            paragraph(self.compared.old(), change.old),
            paragraph(self.compared.new_side(), change.new),
        );
        let block = self.comparison.paragraphs.iter().position(|p| match new_p {
            Some(j) => p.new == Some(j),
            None => p.old == old_p,
        });
        if let Some(block) = block {
            // A block in a folded run has no rows of its own: the fold, which is the
            // run's first block, stands for it.
            let mut row = self.first_row_of(block);
            if self.rows.get(row).is_none_or(|r| r.block != block) {
                row = self.rows[..row]
                    .last()
                    .map_or(0, |r| self.first_row_of(r.block));
            }
            self.text_top = row;
        }
    }

    /// The next (`step` 1) or previous (-1) listed act that changed.
    pub(super) fn next_change(&mut self, step: isize) {
        let len = self.listed.len();
        let mut at = self.cursor;
        for _ in 0..len {
            at = (at as isize + step).rem_euclid(len.max(1) as isize) as usize;
            if self.comparison.acts[self.listed[at]].status != ActStatus::Unchanged {
                if (step > 0 && at <= self.cursor) || (step < 0 && at >= self.cursor) {
                    self.notice = Some("wrapped round".into());
                }
                self.cursor = at;
                self.show_selected();
                return;
            }
        }
        self.notice = Some("no act changed".into());
    }
}
