//! The reader's state and how actions change it.
//!
//! [`App`] holds the statement, its analysis, the text laid out for the current width,
//! and everything the reader has chosen (focus, selections, scroll positions, filters).
//! [`update`] applies an [`Action`]; nothing here touches the terminal, so every
//! behaviour is testable by feeding actions and reading state.

mod action;
pub mod card;
pub mod chooser;
pub mod compare;
pub mod filters;
pub mod keys;
pub mod layout;
pub mod library;
pub mod listed;
pub mod marks;
mod navigation;
pub mod query_line;
mod quotation;
mod search;
pub mod textview;
mod update;
mod viewport;

pub use action::{Action, Edit, Pane};
pub use search::FilterRequest;
pub use update::update;
pub use viewport::LayoutRequest;

use crate::analysis::filter::{Filter, FilterResult, Hit, Query};
use crate::analysis::{Analysis, TopicSummary};
use ratatui::layout::Rect;
use std::sync::Arc;

use crate::document::{SentenceRef, Statement};

use chooser::Chooser;
use layout::{Layout, LayoutState};
use marks::{MarkKey, Spot};
use query_line::QueryLine;
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

/// What the reader last jumped to: while it is in view, it is where the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Section(usize),
    Sentence(SentenceRef),
}

/// The reader.
#[derive(Debug)]
pub struct App {
    /// Shared with the thread that analyses it while the reader starts.
    pub statement: Arc<Statement>,
    /// Shared with the thread that filters a big statement.
    pub analysis: Arc<Analysis>,
    /// The analysis shown is [`Analysis::pending`]; the real one is on its way.
    pub analysing: bool,
    /// The reader shows the beginning of a long statement while the rest is read.
    pub reading: bool,
    /// Paragraphs analysed of all, while the analysis runs.
    pub progress: Option<(usize, usize)>,
    pub topics: Vec<TopicSummary>,
    pub view: TextView,
    pub appearance: Appearance,
    /// A warning about the input, shown in the status line.
    pub warning: Option<String>,
    /// A message for the last action ("search wrapped to the top"), until the next.
    pub notice: Option<String>,
    /// Text for the clipboard, taken by the terminal loop (`y`).
    pub clipboard: Option<String>,

    pub width: u16,
    pub height: u16,
    pub layout: Layout,
    pub focus: Pane,
    pub navigator_open: bool,
    pub help: bool,
    /// First line of the help overlay in view (it scrolls on small terminals).
    pub help_scroll: usize,
    pub quit: bool,
    /// Opened from the library, on the library's query: Backspace, and Esc while the
    /// query is still that one (or cleared), go back to it.
    pub from_library: Option<String>,
    /// It quit to go back to the library.
    pub went_back: bool,

    pub nav_mode: NavMode,
    /// Selected row of the navigator's list.
    pub nav_cursor: usize,
    pub nav_offset: usize,
    /// First text row in view.
    pub text_top: usize,
    /// A jump took the view past the last full page (as less and vim do, so the target
    /// can stand at the top); scrolling down does not go further.
    pub overscroll: bool,
    pub target: Option<Target>,

    /// The acts the panel lists (indices into `analysis.commitments`), filtered and ranked.
    pub acts: listed::ListedActs,
    /// How many of the listed acts are of each kind, in
    /// [`crate::analysis::CommitmentKind::ALL`]
    /// order: counted when the list changes, not on every frame.
    pub kind_counts: [usize; 6],
    /// Selected position in `acts`.
    pub act_cursor: Option<usize>,
    pub act_offset: usize,
    /// The act the text was last moved to, so `}` first shows the selected one.
    pub shown_act: Option<usize>,
    /// Two rows per act.
    pub tall_rows: bool,

    pub query: QueryLine,
    /// The query line has the keyboard.
    pub editing: bool,
    pub parsed: Option<Query>,
    /// Shared with the filter's cache of recent results.
    pub matches: Option<Arc<FilterResult>>,
    /// Topics the query's `topic:` terms choose.
    pub chosen_topics: Option<Vec<usize>>,
    /// The sentence match `n`/`N` last went to.
    pub match_cursor: Option<usize>,
    pub chooser: Option<Chooser>,
    /// A count typed before a move (`5j`).
    pub count: Option<usize>,
    /// Marks set with `m` + letter.
    pub marks: std::collections::BTreeMap<char, Spot>,
    /// `m` or `'` was pressed: the next key names the mark.
    pub awaiting_mark: Option<MarkKey>,
    /// Where the last jump left from, for `''`.
    pub jumped_from: Option<Spot>,
    /// A remembered place past the beginning a long statement opened on, gone to once
    /// the rest is read.
    spot_after_reading: Option<Spot>,
    /// Actions that wait for the analysis.
    deferred: Vec<Action>,
    /// Search off the UI thread: the terminal loop takes [`App::take_filter_request`]
    /// and sends the result back as [`Action::Filtered`]. Inline when false.
    pub background_filter: bool,
    /// A query is being searched off the UI thread; the panes show the last result.
    pub filtering: bool,
    filter_generation: u64,
    filter_request: Option<FilterRequest>,
    /// Actions that wait for the result being searched.
    after_filter: Vec<Action>,
    layout_work: viewport::LayoutWork,
    filter: Filter,
}

impl App {
    /// A reader on `statement`, for a terminal of `width` × `height`.
    pub fn new(
        statement: impl Into<Arc<Statement>>,
        analysis: impl Into<Arc<Analysis>>,
        width: u16,
        height: u16,
    ) -> App {
        let statement = statement.into();
        let analysis = analysis.into();
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
            reading: false,
            progress: None,
            topics,
            view,
            appearance: Appearance::default(),
            warning: None,
            notice: None,
            clipboard: None,
            width,
            height,
            layout,
            focus: Pane::Text,
            navigator_open: false,
            help: false,
            help_scroll: 0,
            quit: false,
            from_library: None,
            went_back: false,
            nav_mode: NavMode::Sections,
            nav_cursor: 0,
            nav_offset: 0,
            text_top: 0,
            overscroll: false,
            target: None,
            acts: listed::ListedActs::default(),
            kind_counts: [0; 6],
            act_cursor: None,
            act_offset: 0,
            shown_act: None,
            tall_rows: false,
            query: QueryLine::default(),
            editing: false,
            parsed: None,
            matches: None,
            chosen_topics: None,
            match_cursor: None,
            chooser: None,
            count: None,
            marks: Default::default(),
            awaiting_mark: None,
            jumped_from: None,
            spot_after_reading: None,
            deferred: Vec::new(),
            background_filter: false,
            filtering: false,
            filter_generation: 0,
            filter_request: None,
            after_filter: Vec::new(),
            layout_work: viewport::LayoutWork::default(),
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

    /// Puts the finished analysis in place, keeping the reading position and the
    /// query typed meanwhile, and carrying out the actions that waited for it.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.analysis = Arc::new(analysis);
        self.analysing = false;
        self.progress = None;
        self.topics = self.analysis.topic_summary();
        self.filter = Filter::default();
        // The rows stay: only their sections change, so the reading position does not.
        self.view.set_sections(&self.analysis);
        self.target = None;
        self.parsed = None;
        self.refilter();
        self.relayout();
        for action in std::mem::take(&mut self.deferred) {
            update(self, action);
        }
    }

    /// Puts the whole statement in place of the beginning the reader opened on, with
    /// its view laid out on the thread that read it, keeping the reading position and
    /// the query.
    pub fn set_statement(&mut self, statement: Arc<Statement>, analysis: Analysis, view: TextView) {
        let anchor = self.anchor();
        // A layout of the beginning on its way is stale: this view is the whole's.
        self.forget_layout();
        self.statement = statement;
        self.analysis = Arc::new(analysis);
        self.topics = self.analysis.topic_summary();
        self.filter = Filter::default();
        self.view = view;
        self.text_top = self.row_of_anchor(anchor);
        self.reading = false;
        if let Some(spot) = self.spot_after_reading.take() {
            self.go_to_spot(spot);
        }
        self.target = None;
        self.parsed = None;
        self.refilter();
        self.relayout();
    }

    /// The width the text is laid out at.
    pub fn text_width(&self) -> u16 {
        self.layout
            .text
            .map_or(self.width, |r| layout::text_area(r).width)
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
        self.act_cursor.and_then(|c| self.acts.get(c))
    }

    /// Where the act list and the selected act's card are drawn, inside the
    /// commitments pane.
    pub fn act_areas(&self) -> Option<(Rect, Option<Rect>)> {
        let rect = self.layout.acts?;
        Some(layout::act_areas(rect, self.selected_act().is_some()))
    }

    /// What the filter matched in the act listed at `row` (worked out as it is shown).
    pub fn hits_of(&self, row: usize) -> Vec<Hit> {
        self.matches
            .as_ref()
            .and_then(|result| {
                let m = result.acts.get(row)?;
                Some(result.hits_of(&self.statement, &self.analysis, m))
            })
            .unwrap_or_default()
    }

    /// Rows one act takes in the list.
    pub fn act_row_height(&self) -> usize {
        if self.tall_rows { 2 } else { 1 }
    }

    /// Acts the list shows at once (at least one, so lists always have a page).
    pub fn act_list_height(&self) -> usize {
        self.act_areas()
            .map_or(1, |(list, _)| {
                usize::from(list.height) / self.act_row_height()
            })
            .max(1)
    }

    /// Rows of text in view.
    pub fn text_height(&self) -> usize {
        self.layout
            .text
            .map_or(0, |r| usize::from(layout::text_area(r).height))
    }

    /// The first row the text can scroll to at most, short of a jump.
    pub fn max_text_top(&self) -> usize {
        self.view
            .row_count()
            .saturating_sub(self.text_height().max(1))
    }

    /// The row of a jump target.
    pub fn target_row(&self, target: Target) -> usize {
        match target {
            Target::Section(s) => self.view.section_row(s).unwrap_or(0),
            Target::Sentence(at) => self.view.sentence_row(&self.statement, at),
        }
    }

    /// The section the reader is in: the one last jumped to while it is in view, or
    /// else the one at the top of the text pane.
    pub fn reading_section(&self) -> usize {
        let height = self.text_height().max(1);
        let row = self
            .target
            .map(|t| self.target_row(t))
            .filter(|&r| r >= self.text_top && r < self.text_top + height)
            .unwrap_or(self.text_top);
        self.view.section_at(row)
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

    /// Whether the query chooses `topic`.
    pub fn topic_chosen(&self, topic: usize) -> bool {
        self.chosen_topics
            .as_ref()
            .is_some_and(|chosen| chosen.contains(&topic))
    }

    /// Whether section `s` is on a chosen topic (true for all when none is chosen).
    pub fn section_on_topic(&self, section: usize) -> bool {
        self.chosen_topics.as_ref().is_none_or(|chosen| {
            self.analysis
                .topics_of(&self.analysis.sections[section])
                .iter()
                .any(|t| chosen.contains(t))
        })
    }

    /// Sections the navigator marks: the chosen topic's, or those with filter matches.
    pub fn section_marked(&self, section: usize) -> bool {
        (self.chosen_topics.is_some() && self.section_on_topic(section))
            || self.section_hits(section) > 0
    }

    pub fn section_hits(&self, section: usize) -> usize {
        self.matches
            .as_ref()
            .and_then(|m| m.section_hits.get(section))
            .map_or(0, |&hits| hits as usize)
    }
}
