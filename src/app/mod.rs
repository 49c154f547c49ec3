//! The reader's state and how actions change it.
//!
//! [`App`] holds the statement, its analysis, the text laid out for the current width,
//! and everything the reader has chosen (focus, selections, scroll positions, filters).
//! [`update`] applies an [`Action`]; nothing here touches the terminal, so every
//! behaviour is testable by feeding actions and reading state.

mod action;
pub mod keys;
pub mod layout;
pub mod textview;
mod update;

pub use action::{Action, Pane};
pub use update::update;

use crate::analysis::filter::{Filter, FilterResult, Query};
use crate::analysis::{Analysis, CommitmentKind, TopicSummary};
use ratatui::layout::Rect;
use std::sync::Arc;

use crate::document::Statement;

use layout::{Layout, LayoutState};
use textview::TextView;

/// What the navigator lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavMode {
    Sections,
    Topics,
}

/// How the reader is drawn: colours or none, dark or light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Appearance {
    pub light: bool,
    pub monochrome: bool,
}

/// The reader.
#[derive(Debug)]
pub struct App {
    /// Shared with the thread that analyses it while the reader starts.
    pub statement: Arc<Statement>,
    pub analysis: Analysis,
    /// The analysis shown is [`Analysis::pending`]; the real one is on its way.
    pub analysing: bool,
    pub topics: Vec<TopicSummary>,
    pub view: TextView,
    pub appearance: Appearance,
    /// A warning about the input, shown in the status line.
    pub warning: Option<String>,

    pub width: u16,
    pub height: u16,
    pub layout: Layout,
    pub focus: Pane,
    pub navigator_open: bool,
    pub help: bool,
    /// First line of the help overlay in view (it scrolls on small terminals).
    pub help_scroll: usize,
    pub quit: bool,

    pub nav_mode: NavMode,
    /// Selected row of the navigator's list.
    pub nav_cursor: usize,
    pub nav_offset: usize,
    /// First text row in view.
    pub text_top: usize,

    /// The acts the panel lists (indices into `analysis.commitments`), filtered and ranked.
    pub acts: Vec<usize>,
    /// Matched characters of each listed act's label (parallel to `acts`).
    pub act_hits: Vec<Vec<usize>>,
    /// Selected position in `acts`.
    pub act_cursor: Option<usize>,
    pub act_offset: usize,

    pub kind: Option<CommitmentKind>,
    /// The chosen topic (lexicon index).
    pub topic: Option<usize>,
    pub query: String,
    /// The query line has the keyboard.
    pub editing: bool,
    pub matches: Option<FilterResult>,
    /// The sentence match `n`/`N` last went to.
    pub match_cursor: Option<usize>,
    filter: Filter,
}

impl App {
    /// A reader on `statement`, for a terminal of `width` × `height`.
    pub fn new(
        statement: impl Into<Arc<Statement>>,
        analysis: Analysis,
        width: u16,
        height: u16,
    ) -> App {
        let statement = statement.into();
        let topics = analysis.topic_summary();
        let state = LayoutState {
            focus: Pane::Text,
            navigator_open: false,
            query_line: false,
        };
        let layout = layout::compute(width, height, state);
        let text_width = layout.text.map_or(width, |r| layout::text_area(r).width);
        let view = TextView::new(&statement, &analysis, text_width);
        let mut app = App {
            statement,
            analysis,
            analysing: false,
            topics,
            view,
            appearance: Appearance::default(),
            warning: None,
            width,
            height,
            layout,
            focus: Pane::Text,
            navigator_open: false,
            help: false,
            help_scroll: 0,
            quit: false,
            nav_mode: NavMode::Sections,
            nav_cursor: 0,
            nav_offset: 0,
            text_top: 0,
            acts: Vec::new(),
            act_hits: Vec::new(),
            act_cursor: None,
            act_offset: 0,
            kind: None,
            topic: None,
            query: String::new(),
            editing: false,
            matches: None,
            match_cursor: None,
            filter: Filter::default(),
        };
        app.refilter();
        app.relayout();
        app
    }

    /// A reader that shows the text at once and the analysis when it comes
    /// ([`App::set_analysis`]).
    pub fn pending(statement: impl Into<Arc<Statement>>, width: u16, height: u16) -> App {
        let statement = statement.into();
        let analysis = Analysis::pending(&statement);
        let mut app = App::new(statement, analysis, width, height);
        app.analysing = true;
        app
    }

    /// Puts the finished analysis in place, keeping the reading position, the filter
    /// and the filters typed meanwhile.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let anchor = self.anchor();
        self.analysis = analysis;
        self.analysing = false;
        self.topics = self.analysis.topic_summary();
        self.filter = Filter::default();
        let width = self
            .layout
            .text
            .map_or(self.width, |r| layout::text_area(r).width);
        self.view = TextView::new(&self.statement, &self.analysis, width);
        self.text_top = self.row_of_anchor(anchor);
        self.topic = None;
        self.refilter();
        self.relayout();
    }

    pub fn layout_state(&self) -> LayoutState {
        LayoutState {
            focus: self.focus,
            navigator_open: self.navigator_open,
            query_line: self.editing || !self.query.is_empty(),
        }
    }

    /// The act selected in the panel.
    pub fn selected_act(&self) -> Option<usize> {
        self.act_cursor.and_then(|c| self.acts.get(c).copied())
    }

    /// Where the act list and the selected act's card are drawn, inside the
    /// commitments pane.
    pub fn act_areas(&self) -> Option<(Rect, Option<Rect>)> {
        self.layout
            .acts
            .map(|r| layout::act_areas(r, self.selected_act().is_some()))
    }

    /// Rows of the act list in view (at least one, so lists always have a page).
    pub fn act_list_height(&self) -> usize {
        self.act_areas()
            .map_or(1, |(list, _)| usize::from(list.height).max(1))
    }

    /// Rows of text in view.
    pub fn text_height(&self) -> usize {
        self.layout
            .text
            .map_or(0, |r| usize::from(layout::text_area(r).height))
    }

    /// The first row the text can scroll to at most.
    pub fn max_text_top(&self) -> usize {
        self.view
            .row_count()
            .saturating_sub(self.text_height().max(1))
    }

    /// The section at the top of the text pane: where the reader is.
    pub fn reading_section(&self) -> usize {
        self.view.section_at(self.text_top)
    }

    /// How far through the text the view is, 0–100.
    pub fn position_percent(&self) -> u16 {
        let max = self.max_text_top();
        if max == 0 {
            return 100;
        }
        u16::try_from(self.text_top.min(max) * 100 / max).unwrap_or(100)
    }

    /// Number of rows in the navigator's current list.
    pub fn nav_len(&self) -> usize {
        match self.nav_mode {
            NavMode::Sections => self.analysis.sections.len(),
            NavMode::Topics => self.topics.len(),
        }
    }

    /// Sections the navigator marks: the chosen topic's, or those with filter matches.
    pub fn section_marked(&self, section: usize) -> bool {
        let topic = self
            .topic
            .is_some_and(|t| self.analysis.sections[section].topics.contains(&t));
        topic || self.section_hits(section) > 0
    }

    pub fn section_hits(&self, section: usize) -> usize {
        self.matches
            .as_ref()
            .and_then(|m| m.section_hits.get(section))
            .copied()
            .unwrap_or(0)
    }

    /// Recomputes the act list and the matches after a filter changed, keeping the
    /// selected act selected if it is still listed.
    pub(crate) fn refilter(&mut self) {
        let previous = self.selected_act();
        let query = Query::parse(&self.query);
        self.matches = query.as_ref().map(|q| {
            self.filter
                .run(q, &self.statement, &self.analysis, self.kind, self.topic)
        });
        match &self.matches {
            Some(result) => {
                self.acts = result.acts.iter().map(|m| m.act).collect();
                self.act_hits = result.acts.iter().map(|m| m.indices.clone()).collect();
            }
            None => {
                let analysis = &self.analysis;
                self.acts = (0..analysis.commitments.len())
                    .filter(|&i| {
                        let act = &analysis.commitments[i];
                        self.kind.is_none_or(|k| k == act.kind)
                            && self
                                .topic
                                .is_none_or(|t| analysis.act_topics(act).contains(&t))
                    })
                    .collect();
                self.act_hits = vec![Vec::new(); self.acts.len()];
            }
        }
        self.act_cursor = match previous.and_then(|p| self.acts.iter().position(|&a| a == p)) {
            Some(at) if query.is_none() => Some(at),
            _ if self.acts.is_empty() => None,
            // A new query selects its best match, as fzf does; at start, the first act.
            _ => Some(0),
        };
        self.match_cursor = None;
    }

    /// Lays the panes and the text out again for the current size and state, keeping
    /// the reading position.
    pub(crate) fn relayout(&mut self) {
        self.layout = layout::compute(self.width, self.height, self.layout_state());
        if let Some(text) = self.layout.text {
            let width = layout::text_area(text).width;
            if usize::from(width.max(1)) != self.view.width() {
                let anchor = self.anchor();
                self.view.layout(&self.statement, &self.analysis, width);
                self.text_top = self.row_of_anchor(anchor);
            }
        }
        self.clamp();
    }

    /// The paragraph and offset at the top of the view, to find again after reflow.
    fn anchor(&self) -> Option<(usize, usize)> {
        match self.view.kind(self.text_top) {
            textview::RowKind::Text {
                paragraph, start, ..
            } => Some((paragraph, start)),
            _ => None,
        }
    }

    fn row_of_anchor(&self, anchor: Option<(usize, usize)>) -> usize {
        match anchor {
            Some((p, offset)) => self.view.row_of(p, offset),
            None => self.text_top,
        }
    }

    /// Keeps every scroll position and cursor inside its list and in view.
    pub(crate) fn clamp(&mut self) {
        self.text_top = self.text_top.min(self.max_text_top());
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
