//! Keeping the view right: the panes laid out again for the size and state, the
//! reading position found again after a reflow, and every scroll position and cursor
//! kept inside its list and in view.

use std::sync::Arc;

use super::textview::{RowKind, TextView};
use super::{App, Target, layout};
use crate::analysis::Analysis;
use crate::document::Statement;

/// The text laid out for a new width, to be made off the UI thread
/// ([`App::take_layout_request`]); the generation tells the newest request.
#[derive(Debug, Clone)]
pub struct LayoutRequest {
    pub generation: u64,
    pub width: u16,
    pub statement: Arc<Statement>,
    pub analysis: Arc<Analysis>,
}

/// Laying the text out off the UI thread: a big statement takes a noticeable time to
/// wrap again, and the reader keeps answering keys with the old rows meanwhile.
#[derive(Debug, Default)]
pub(super) struct LayoutWork {
    /// The terminal loop lays out off the UI thread; inline when false.
    enabled: bool,
    generation: u64,
    /// The width a layout is on its way for.
    awaited: Option<u16>,
    request: Option<LayoutRequest>,
}

/// A place in the text that survives a reflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    Section(usize),
    /// Display byte `offset` of paragraph `paragraph`, `above` rows below the top.
    Text {
        paragraph: usize,
        offset: usize,
        above: usize,
    },
}

impl App {
    /// Lays the panes and the text out again for the current size and state, keeping
    /// the reading position.
    pub(crate) fn relayout(&mut self) {
        // A sentence jumped to and in view stays in view, whatever the new size.
        let shown = self
            .target
            .filter(|t| matches!(t, Target::Sentence(_)))
            .filter(|&t| self.row_in_view(self.target_row(t)));
        self.layout = layout::compute(self.width, self.height, self.layout_state());
        if let Some(text) = self.layout.text {
            let width = layout::text_area(text).width;
            if usize::from(width.max(1)) == self.view.width() {
                // Back at the width laid out: what is on its way is stale.
                self.forget_layout();
            } else if self.layout_work.enabled {
                self.request_layout(width);
            } else {
                self.keeping_place(|app| app.view.layout(&app.statement, &app.analysis, width));
            }
        }
        if let Some(target) = shown {
            let row = self.target_row(target);
            if !self.row_in_view(row) {
                // Placed as a jump places it: a quarter of the pane from the top.
                self.text_top = row.saturating_sub(self.text_height() / 4);
                self.overscroll = self.text_top > self.max_text_top();
            }
        }
        self.clamp();
    }

    /// Lays the text out off the UI thread from now on: the terminal loop takes
    /// [`App::take_layout_request`] and gives the view back to [`App::take_view`].
    pub fn lay_out_in_background(&mut self) {
        self.layout_work.enabled = true;
    }

    /// The layout the terminal loop is to make off the UI thread, if any.
    pub fn take_layout_request(&mut self) -> Option<LayoutRequest> {
        self.layout_work.request.take()
    }

    /// Asks for the text laid out at `width`, unless it is already on its way.
    fn request_layout(&mut self, width: u16) {
        let work = &mut self.layout_work;
        if work.awaited == Some(width) {
            return;
        }
        work.generation += 1;
        work.awaited = Some(width);
        work.request = Some(LayoutRequest {
            generation: work.generation,
            width,
            statement: Arc::clone(&self.statement),
            analysis: Arc::clone(&self.analysis),
        });
    }

    /// Drops the layout on its way, if any: it would be stale when it lands.
    pub(super) fn forget_layout(&mut self) {
        let work = &mut self.layout_work;
        if work.awaited.take().is_some() {
            work.generation += 1;
            work.request = None;
        }
    }

    /// Puts a view laid out off the UI thread in place, keeping the reading position,
    /// unless a newer layout was asked for since; returns whether it was taken.
    pub fn take_view(&mut self, generation: u64, mut view: TextView) -> bool {
        let work = &mut self.layout_work;
        if generation != work.generation || work.awaited.is_none() {
            return false;
        }
        work.awaited = None;
        // The analysis may have landed while the rows were made.
        view.set_sections(&self.analysis);
        self.keeping_place(|app| app.view = view);
        self.clamp();
        true
    }

    /// Lays the text out anew with `change`, keeping the place at the top of the view
    /// at the top.
    fn keeping_place(&mut self, change: impl FnOnce(&mut App)) {
        let anchor = self.anchor();
        change(self);
        self.text_top = self.row_of_anchor(anchor);
        self.overscroll = self.text_top > self.max_text_top();
    }

    /// Whether text row `row` is in the text pane.
    fn row_in_view(&self, row: usize) -> bool {
        row >= self.text_top && row < self.text_top + self.text_height()
    }

    /// The place at the top of the view, to find again after a reflow.
    pub(super) fn anchor(&self) -> Option<Anchor> {
        let top = self.text_top;
        // The top stays the top: the title block above the text wraps differently.
        if top == 0 {
            return None;
        }
        if matches!(
            self.view.kind(&self.statement, top),
            RowKind::Heading { .. }
        ) && let Some(s) = self.view.section_starting_at(top)
        {
            return Some(Anchor::Section(s));
        }
        (top..top + 8).find_map(|row| match self.view.kind(&self.statement, row) {
            RowKind::Text {
                paragraph, start, ..
            } => Some(Anchor::Text {
                paragraph,
                offset: start,
                above: row - top,
            }),
            _ => None,
        })
    }

    pub(super) fn row_of_anchor(&self, anchor: Option<Anchor>) -> usize {
        match anchor {
            Some(Anchor::Section(s)) => self.view.section_row(s).unwrap_or(0),
            Some(Anchor::Text {
                paragraph,
                offset,
                above,
            }) => self
                .view
                .row_of(&self.statement, paragraph, offset)
                .saturating_sub(above),
            None => self.text_top,
        }
    }

    /// Keeps every scroll position and cursor inside its list and in view.
    pub(crate) fn clamp(&mut self) {
        let last_row = self.view.row_count().saturating_sub(1);
        if self.text_top <= self.max_text_top() {
            self.overscroll = false;
        }
        let limit = if self.overscroll {
            last_row
        } else {
            self.max_text_top()
        };
        self.text_top = self.text_top.min(limit);
        self.nav_cursor = self.nav_cursor.min(self.nav_len().saturating_sub(1));
        let nav_height = self
            .layout
            .navigator
            .map_or(1, |r| usize::from(layout::inner(r).height).max(1));
        self.nav_offset =
            keep_in_view(self.nav_offset, self.nav_cursor, nav_height, self.nav_len());
        if let Some(c) = self.act_cursor {
            self.act_cursor = if self.acts.is_empty() {
                None
            } else {
                Some(c.min(self.acts.len() - 1))
            };
        }
        self.act_offset = keep_in_view(
            self.act_offset,
            self.act_cursor.unwrap_or(0),
            self.act_list_height(),
            self.acts.len(),
        );
    }
}

/// The offset of a list of `len` rows, `height` tall, that shows row `cursor`.
fn keep_in_view(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
    let mut offset = offset.min(len.saturating_sub(height));
    if cursor < offset {
        offset = cursor;
    } else if cursor >= offset + height {
        offset = cursor + 1 - height;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_in_view_scrolls_minimally() {
        assert_eq!(keep_in_view(0, 3, 5, 20), 0);
        assert_eq!(keep_in_view(0, 7, 5, 20), 3);
        assert_eq!(keep_in_view(10, 4, 5, 20), 4);
        assert_eq!(keep_in_view(18, 19, 5, 20), 15);
        assert_eq!(keep_in_view(3, 0, 5, 2), 0);
    }
}
