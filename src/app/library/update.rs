//! Applying an action to the library view.

use std::sync::Arc;

use super::timeline::Unit;
use super::{EntryState, LibraryPane, LibraryView, OpenRequest, SearchRequest};
use crate::app::Edit;
use crate::library::LibraryQuery;
use crate::library::search::{Chosen, Loaded};

#[derive(Debug, Clone)]
pub enum LibraryAction {
    Move(isize),
    Page(isize),
    Top,
    Bottom,
    /// The next pane (Tab), or the one before (Shift-Tab).
    NextPane(isize),
    /// Enter: open the statement or act in the reader; on the timeline, choose the bar.
    Activate,
    StartFilter,
    Edit(Edit),
    Paste(String),
    FilterAccept,
    /// Esc: close help, leave the timeline's bar, then clear the query.
    Clear,
    ToggleMark,
    /// `c`: compare the two marked statements (or the marked one and the selected one).
    Compare,
    /// `p`: compare the selected statement with the previous one of the same parties.
    ComparePrevious,
    Sort,
    /// `m`: the timeline by month, by year, or as the span suits.
    TimelineUnit,
    Rescan,
    ToggleHelp,
    Resize(u16, u16),
    Quit,
    Suspend,
    Redraw,
    /// What the workers delivered since the last frame: files read and analysed (or
    /// why they could not be), and parts of searches.
    Delivered {
        landed: Vec<(usize, Result<Arc<Loaded>, String>)>,
        searched: Vec<Searched>,
    },
}

/// Part of a search's result: what the query of `generation` chose in entries
/// `first..` (`None` for an entry that was not read when the search began: it is
/// searched when it lands).
#[derive(Debug, Clone)]
pub struct Searched {
    pub generation: u64,
    pub first: usize,
    pub chosen: Vec<Option<Chosen>>,
    pub whole: bool,
}

impl LibraryView {
    pub fn update(&mut self, action: LibraryAction) {
        let by_itself = matches!(
            action,
            LibraryAction::Delivered { .. } | LibraryAction::Resize(..)
        );
        // Lists are derived again only when what they show changed: a move in a
        // million acts should not rebuild them.
        let relist = !matches!(
            action,
            LibraryAction::Move(_)
                | LibraryAction::Page(_)
                | LibraryAction::Top
                | LibraryAction::Bottom
                | LibraryAction::Resize(..)
        ) || self.focus == LibraryPane::Timeline;
        if !by_itself {
            self.notice = None;
        }
        if self.help
            && !by_itself
            && !matches!(action, LibraryAction::Quit | LibraryAction::Suspend)
        {
            self.help = false;
            return;
        }
        match action {
            LibraryAction::Move(delta) => self.move_by(delta),
            LibraryAction::Page(pages) => {
                let height = match self.focus {
                    LibraryPane::Table => self.table_height(),
                    LibraryPane::Acts => self.acts_height(),
                    LibraryPane::Timeline => 1,
                };
                self.move_by(pages * height.max(1) as isize);
            }
            LibraryAction::Top => self.move_by(isize::MIN / 2),
            LibraryAction::Bottom => self.move_by(isize::MAX / 2),
            LibraryAction::NextPane(step) => {
                let panes = [LibraryPane::Table, LibraryPane::Acts, LibraryPane::Timeline];
                let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
                self.focus = panes[(at as isize + step).rem_euclid(3) as usize];
            }
            // Enter typed before the search is done opens what it finds.
            LibraryAction::Activate if self.searching() && self.focus != LibraryPane::Timeline => {
                self.activate_when_searched = true;
            }
            LibraryAction::Activate => self.activate(),
            LibraryAction::StartFilter => self.editing = true,
            LibraryAction::Edit(Edit::Backspace) if self.query.is_empty() => self.editing = false,
            LibraryAction::Edit(edit) => {
                if self.query.edit(edit) {
                    self.requery();
                }
            }
            LibraryAction::Paste(text) => {
                self.editing = true;
                if self.query.paste(&text) {
                    self.requery();
                }
            }
            LibraryAction::FilterAccept => {
                self.editing = false;
                self.query.remember();
            }
            LibraryAction::Clear => self.clear(),
            LibraryAction::ToggleMark => self.toggle_mark(),
            LibraryAction::Compare => self.compare_marked(),
            LibraryAction::ComparePrevious => self.compare_previous(),
            LibraryAction::Sort => {
                self.sort = self.sort.next();
                self.notice = Some(format!("sorted {}", self.sort.name()));
            }
            LibraryAction::TimelineUnit => {
                self.timeline.asked = match self.timeline.unit {
                    Unit::Year => Some(Unit::Month),
                    Unit::Month => Some(Unit::Year),
                };
                self.period = None;
            }
            LibraryAction::Rescan => self.rescan = true,
            LibraryAction::ToggleHelp => self.help = !self.help,
            LibraryAction::Resize(width, height) => {
                self.width = width.min(crate::app::layout::MAX_DRAWN);
                self.height = height.min(crate::app::layout::MAX_DRAWN);
            }
            LibraryAction::Quit => self.quit = true,
            LibraryAction::Suspend | LibraryAction::Redraw => {}
            LibraryAction::Delivered { landed, searched } => {
                for (k, result) in landed {
                    self.land(k, result);
                }
                for part in searched {
                    self.take_search(part);
                }
                if self.activate_when_searched && !self.searching() {
                    self.activate_when_searched = false;
                    self.relist();
                    self.activate();
                }
            }
        }
        if relist {
            self.relist();
        } else {
            self.clamp();
        }
    }

    fn take_search(&mut self, part: Searched) {
        if part.generation != self.generation {
            return;
        }
        let end = (part.first + part.chosen.len()).min(self.chosen.len());
        if part.whole {
            self.searched += end.saturating_sub(part.first);
        }
        for (slot, c) in self.chosen[part.first..end].iter_mut().zip(part.chosen) {
            if let Some(c) = c {
                *slot = c;
            }
        }
    }

    fn move_by(&mut self, delta: isize) {
        let shift = |at: usize, len: usize| -> usize {
            (at as isize)
                .saturating_add(delta)
                .clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match self.focus {
            LibraryPane::Table => self.table.selected = shift(self.table.selected, self.rows.len()),
            LibraryPane::Acts => {
                self.act_cursor.selected = shift(self.act_cursor.selected, self.acts.len());
            }
            LibraryPane::Timeline => {
                let bars = self.timeline.bars.len();
                if bars > 0 {
                    let from = self.period.unwrap_or(if delta < 0 { bars } else { 0 });
                    let from = if self.period.is_none() && delta > 0 {
                        from as isize - 1
                    } else {
                        from as isize
                    };
                    self.period =
                        Some((from.saturating_add(delta)).clamp(0, bars as isize - 1) as usize);
                    self.table = Default::default();
                    self.act_cursor = Default::default();
                }
            }
        }
    }

    /// A new query: parsed, and searched from scratch (stale results dropped).
    pub(super) fn requery(&mut self) {
        self.activate_when_searched = false;
        self.generation += 1;
        self.searched = 0;
        self.period = None;
        self.chosen.iter_mut().for_each(|c| *c = None);
        self.parsed = match LibraryQuery::parse(self.query.value()) {
            Err(reason) => Err(reason),
            Ok(q) if q.acts.is_none() && q.statements.is_empty() => Ok(None),
            Ok(q) => Ok(Some(Arc::new(q))),
        };
        self.searches.clear();
        if let Ok(Some(query)) = &self.parsed {
            self.searches.push(SearchRequest {
                generation: self.generation,
                query: Arc::clone(query),
                first: 0,
                part: self.entries.iter().map(|e| e.loaded().cloned()).collect(),
                whole: true,
            });
        }
    }

    /// A file has been read: it joins the table and, under a query, is searched.
    fn land(&mut self, k: usize, landed: Result<Arc<Loaded>, String>) {
        let Some(entry) = self.entries.get_mut(k) else {
            return;
        };
        if matches!(entry.state, EntryState::Waiting) {
            self.done += 1;
        }
        entry.state = match landed {
            Ok(loaded) => EntryState::Ready(loaded),
            Err(reason) => EntryState::Failed(reason),
        };
        if let Ok(Some(query)) = &self.parsed
            && let Some(loaded) = self.entries[k].loaded()
        {
            // Its own small search, of the same generation, merged as it lands.
            let request = SearchRequest {
                generation: self.generation,
                query: Arc::clone(query),
                first: k,
                part: vec![Some(Arc::clone(loaded))],
                whole: false,
            };
            self.searches.push(request);
        }
    }

    fn activate(&mut self) {
        let query = match &self.parsed {
            Ok(Some(q)) => q.acts_text.clone(),
            _ => String::new(),
        };
        let (entry, act) = match self.focus {
            LibraryPane::Table => {
                let Some(entry) = self.selected_entry() else {
                    return;
                };
                let first = self.query_active().then(|| self.chosen_in(entry)).flatten();
                (entry, first.and_then(|c| c.first()))
            }
            LibraryPane::Acts => {
                let Some((entry, act)) = self.selected_act() else {
                    return;
                };
                (entry, Some(act))
            }
            LibraryPane::Timeline => {
                self.focus = LibraryPane::Table;
                return;
            }
        };
        match &self.entries[entry].state {
            EntryState::Ready(loaded) => {
                self.open_request = Some(OpenRequest {
                    loaded: Arc::clone(loaded),
                    act,
                    query,
                });
            }
            EntryState::Failed(reason) => self.notice = Some(reason.clone()),
            EntryState::Waiting => {}
        }
    }

    fn clear(&mut self) {
        if self.editing {
            self.editing = false;
        } else if self.period.is_some() {
            self.period = None;
        } else if !self.marked.is_empty() {
            self.marked.clear();
        } else if !self.query.is_empty() {
            self.query.clear();
            self.requery();
        }
    }
}
