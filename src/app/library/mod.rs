//! The library view's state: the statements of a folder as they are read and analysed,
//! the query that narrows them, the acts it matches across them, and the timeline of
//! those acts.
//!
//! Reading, analysing and searching happen elsewhere (the terminal loop runs them on
//! worker threads); results arrive as actions ([`LibraryAction::Landed`],
//! [`LibraryAction::Searched`]) tagged with the query's generation, so a stale search
//! is dropped and the newest query always wins. What the view shows is derived here
//! (rows, acts, timeline) when its inputs change, never while drawing.

pub mod keys;
mod lists;
mod panes;
mod picks;
pub mod timeline;
mod update;

use std::path::PathBuf;
use std::sync::Arc;

use crate::app::Appearance;
use crate::app::query_line::QueryLine;
use crate::library::LibraryQuery;
use crate::library::search::{Chosen, Loaded};
pub use lists::SortKey;
pub use panes::{MIN_HEIGHT, MIN_WIDTH, Panes};
use timeline::Timeline;
pub use update::{LibraryAction, Searched};

/// A file of the library.
#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    /// The path as shown: relative to the folder opened, safe to show.
    pub label: String,
    pub state: EntryState,
}

#[derive(Debug)]
pub enum EntryState {
    Waiting,
    /// Why the file could not be read, in one line.
    Failed(String),
    Ready(Arc<Loaded>),
}

impl Entry {
    pub fn loaded(&self) -> Option<&Arc<Loaded>> {
        match &self.state {
            EntryState::Ready(loaded) => Some(loaded),
            _ => None,
        }
    }
}

/// The panes that take the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryPane {
    Table,
    Acts,
    Timeline,
}

/// A search the terminal loop runs off the UI thread: the statements of `first..`
/// (those read so far; `None` for the others).
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: Arc<LibraryQuery>,
    pub first: usize,
    pub part: Vec<Option<Arc<Loaded>>>,
    /// The search of the whole library for a new query (its parts are the progress
    /// shown), not of one statement that landed since.
    pub whole: bool,
}

/// Where Enter asks the reader to open: a statement, at an act of it.
#[derive(Debug, Clone)]
pub struct OpenRequest {
    pub loaded: Arc<Loaded>,
    /// The act to show; the statement's first match when the query names acts.
    pub act: Option<usize>,
    /// The query's act terms, for the reader's filter.
    pub query: String,
}

/// A list's selection and its first row in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

#[derive(Debug)]
pub struct LibraryView {
    pub entries: Vec<Entry>,
    /// Files read and analysed (or failed), of all.
    pub done: usize,
    pub appearance: Appearance,
    pub width: u16,
    pub height: u16,

    pub query: QueryLine,
    pub editing: bool,
    /// The query as parsed, or why it cannot be.
    pub parsed: Result<Option<Arc<LibraryQuery>>, String>,
    /// What the query chose in each entry, as the searches report it (`None`
    /// everywhere until then; all of it when there is no query).
    pub chosen: Vec<Chosen>,
    /// Entries searched of all, for the query of `generation`.
    pub searched: usize,
    pub generation: u64,
    /// Searches for the loop to run, oldest first.
    pub searches: Vec<SearchRequest>,

    pub sort: SortKey,
    /// Entries in the table, in its order.
    pub rows: Vec<usize>,
    /// The acts pane: (entry, act) in the table's order, each statement's in reading
    /// order.
    pub acts: Vec<(u32, u32)>,
    /// The listed acts of each kind.
    pub kind_totals: [usize; 6],
    pub timeline: Timeline,
    /// The selected bar of the timeline, which narrows the table to its statements.
    pub period: Option<usize>,

    pub focus: LibraryPane,
    pub table: Cursor,
    pub act_cursor: Cursor,
    /// Entries marked to compare, the first marked first.
    pub marked: Vec<usize>,

    pub help: bool,
    pub notice: Option<String>,
    pub quit: bool,
    /// Rescan asked for (`R`): the loop reads every file again.
    pub rescan: bool,
    pub open_request: Option<OpenRequest>,
    /// Enter came while the search ran: open what it finds once it is done.
    pub activate_when_searched: bool,
    /// Two entries to compare, the earlier first.
    pub compare_request: Option<(usize, usize)>,
}

impl LibraryView {
    /// A library of `files`, none read yet; `labels` shows them.
    pub fn new(files: Vec<(PathBuf, String)>, width: u16, height: u16) -> LibraryView {
        let n = files.len();
        let mut view = LibraryView {
            entries: files
                .into_iter()
                .map(|(path, label)| Entry {
                    path,
                    label,
                    state: EntryState::Waiting,
                })
                .collect(),
            done: 0,
            appearance: Appearance::default(),
            width,
            height,
            query: QueryLine::default(),
            editing: false,
            parsed: Ok(None),
            chosen: vec![None; n],
            searched: 0,
            generation: 0,
            searches: Vec::new(),
            sort: SortKey::Date,
            rows: Vec::new(),
            acts: Vec::new(),
            kind_totals: [0; 6],
            timeline: Timeline::default(),
            period: None,
            focus: LibraryPane::Table,
            table: Cursor::default(),
            act_cursor: Cursor::default(),
            marked: Vec::new(),
            help: false,
            notice: None,
            quit: false,
            rescan: false,
            open_request: None,
            activate_when_searched: false,
            compare_request: None,
        };
        view.relist();
        view
    }

    /// The files found again (`R`): every entry waits to be read again; the query,
    /// the sort and the marks of files still there stay.
    pub fn reset(&mut self, files: Vec<(PathBuf, String)>) {
        let marked: Vec<PathBuf> = self
            .marked
            .iter()
            .map(|&k| self.entries[k].path.clone())
            .collect();
        self.entries = files
            .into_iter()
            .map(|(path, label)| Entry {
                path,
                label,
                state: EntryState::Waiting,
            })
            .collect();
        self.done = 0;
        self.marked = marked
            .iter()
            .filter_map(|p| self.entries.iter().position(|e| &e.path == p))
            .collect();
        self.chosen = vec![None; self.entries.len()];
        self.period = None;
        self.requery();
        self.relist();
    }

    /// Narrows the library by `raw`, as if typed (`--query`).
    pub fn set_query(&mut self, raw: &str) {
        self.query.set(raw.to_string());
        self.requery();
        self.relist();
    }

    /// Whether a query narrows the library (else every statement and act is listed).
    pub fn query_active(&self) -> bool {
        matches!(self.parsed, Ok(Some(_)))
    }

    /// Whether files are still being read and analysed.
    pub fn analysing(&self) -> bool {
        self.done < self.entries.len()
    }

    /// The searches to run, taken by the terminal loop.
    pub fn take_searches(&mut self) -> Vec<SearchRequest> {
        std::mem::take(&mut self.searches)
    }

    /// Whether a search of the current query is still running.
    pub fn searching(&self) -> bool {
        self.query_active() && self.searched < self.entries.len()
    }

    /// The acts the query chose in `entry`: all of them with no query.
    pub fn chosen_in(&self, entry: usize) -> Option<ChosenActs<'_>> {
        let loaded = self.entries[entry].loaded()?;
        if self.query_active() {
            self.chosen[entry].as_deref().map(ChosenActs::Some)
        } else {
            Some(ChosenActs::All(loaded.acts()))
        }
    }

    /// The entry selected in the table.
    pub fn selected_entry(&self) -> Option<usize> {
        self.rows.get(self.table.selected).copied()
    }

    /// The act selected in the acts pane.
    pub fn selected_act(&self) -> Option<(usize, usize)> {
        self.acts
            .get(self.act_cursor.selected)
            .map(|&(e, a)| (e as usize, a as usize))
    }

    pub fn loaded(&self, entry: usize) -> Option<&Arc<Loaded>> {
        self.entries.get(entry).and_then(Entry::loaded)
    }
}

/// The acts chosen in a statement.
#[derive(Debug, Clone, Copy)]
pub enum ChosenActs<'a> {
    All(usize),
    Some(&'a [u32]),
}

impl ChosenActs<'_> {
    pub fn len(&self) -> usize {
        match self {
            ChosenActs::All(n) => *n,
            ChosenActs::Some(acts) => acts.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn first(&self) -> Option<usize> {
        match self {
            ChosenActs::All(n) => (*n > 0).then_some(0),
            ChosenActs::Some(acts) => acts.first().map(|&a| a as usize),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let (all, some) = match self {
            ChosenActs::All(n) => (0..*n as u32, &[][..]),
            ChosenActs::Some(acts) => (0..0, *acts),
        };
        all.chain(some.iter().copied())
    }
}
