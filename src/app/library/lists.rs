//! What the library view lists, derived from the entries and the query's result when
//! either changes: the table's rows in their order, the acts pane and the timeline;
//! the selection stays on the statement (and act) it was on.

use super::timeline::Timeline;
use super::{Cursor, EntryState, LibraryView};

/// The table's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first, undated last.
    #[default]
    Date,
    /// Most (matching) acts first.
    Acts,
    Title,
    File,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Date => SortKey::Acts,
            SortKey::Acts => SortKey::Title,
            SortKey::Title => SortKey::File,
            SortKey::File => SortKey::Date,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SortKey::Date => "newest first",
            SortKey::Acts => "most acts first",
            SortKey::Title => "by title",
            SortKey::File => "by file",
        }
    }
}

impl LibraryView {
    /// Lists again what the entries and the result choose.
    pub(super) fn relist(&mut self) {
        // The selection follows its statement and act as the lists change — except at
        // the top, which stays the top while the library fills in.
        let selected = (self.table.selected > 0)
            .then(|| self.selected_entry())
            .flatten();
        let selected_act = (self.act_cursor.selected > 0)
            .then(|| self.selected_act())
            .flatten();
        let querying = self.query_active();
        // Statements chosen, with their chosen acts per kind, before the timeline's
        // period narrows them.
        let mut chosen: Vec<(usize, [usize; 6])> = Vec::new();
        for (k, entry) in self.entries.iter().enumerate() {
            match &entry.state {
                EntryState::Ready(loaded) => {
                    let Some(acts) = self.chosen_in(k) else {
                        continue;
                    };
                    let counts = if querying {
                        let mut counts = [0; 6];
                        for act in acts.iter() {
                            counts[loaded.kind_of(act).index()] += 1;
                        }
                        counts
                    } else {
                        loaded.counts
                    };
                    chosen.push((k, counts));
                }
                // A file that failed is listed with its reason while nothing narrows.
                EntryState::Failed(_) if !querying => chosen.push((k, [0; 6])),
                _ => {}
            }
        }
        let dated: Vec<_> = chosen
            .iter()
            .map(|&(k, counts)| (self.loaded(k).and_then(|l| l.date), counts))
            .collect();
        self.timeline = Timeline::build(self.timeline.asked, &dated);
        if self.period.is_some_and(|p| p >= self.timeline.bars.len()) {
            self.period = None;
        }
        let period = self.period.map(|p| self.timeline.bars[p].period);
        let rows: Vec<(usize, [usize; 6])> = chosen
            .iter()
            .filter(|(k, _)| {
                period.is_none_or(|period| {
                    self.loaded(*k)
                        .and_then(|l| l.date)
                        .is_some_and(|d| period.holds(d))
                })
            })
            .map(|&(k, counts)| (k, counts))
            .collect();
        self.kind_totals = [0; 6];
        for (_, counts) in &rows {
            for (sum, n) in self.kind_totals.iter_mut().zip(counts) {
                *sum += n;
            }
        }
        let mut rows: Vec<(usize, usize)> = rows
            .into_iter()
            .map(|(k, counts)| (k, counts.iter().sum()))
            .collect();
        self.sort_rows(&mut rows);
        self.rows = rows.into_iter().map(|(k, _)| k).collect();
        let mut listed = std::mem::take(&mut self.acts);
        listed.clear();
        for &k in &self.rows {
            if let Some(acts) = self.chosen_in(k) {
                listed.extend(acts.iter().map(|a| (k as u32, a)));
            }
        }
        self.acts = listed;
        self.table.selected = selected
            .and_then(|e| self.rows.iter().position(|&r| r == e))
            .unwrap_or(0);
        self.act_cursor.selected = selected_act
            .and_then(|(e, a)| {
                self.acts
                    .iter()
                    .position(|&(re, ra)| re as usize == e && ra as usize == a)
            })
            .unwrap_or(0);
        self.clamp();
    }

    fn sort_rows(&self, rows: &mut [(usize, usize)]) {
        let file = |k: usize| self.entries[k].label.as_str();
        let date = |k: usize| self.loaded(k).and_then(|l| l.date);
        match self.sort {
            SortKey::Date => rows.sort_by(|a, b| {
                date(b.0)
                    .cmp(&date(a.0))
                    .then_with(|| file(a.0).cmp(file(b.0)))
            }),
            SortKey::Acts => rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))),
            SortKey::Title => rows.sort_by_cached_key(|&(k, _)| {
                (
                    self.loaded(k).map(|l| l.title.to_lowercase()),
                    file(k).to_string(),
                )
            }),
            SortKey::File => rows.sort_by(|a, b| file(a.0).cmp(file(b.0))),
        }
    }

    /// Rows of the table in view (its height less its border and header).
    pub fn table_height(&self) -> usize {
        self.panes()
            .table
            .map_or(0, |r| usize::from(r.height.saturating_sub(3)))
    }

    /// Acts in view in the acts pane (one row each, inside its border).
    pub fn acts_height(&self) -> usize {
        self.panes()
            .acts
            .map_or(0, |r| usize::from(r.height.saturating_sub(2)))
    }

    /// Keeps both selections on their lists and in view.
    pub(super) fn clamp(&mut self) {
        let (table, acts) = (self.table_height(), self.acts_height());
        clamp(&mut self.table, self.rows.len(), table);
        clamp(&mut self.act_cursor, self.acts.len(), acts);
    }
}

fn clamp(cursor: &mut Cursor, len: usize, height: usize) {
    cursor.selected = cursor.selected.min(len.saturating_sub(1));
    let height = height.max(1);
    if cursor.selected < cursor.offset {
        cursor.offset = cursor.selected;
    } else if cursor.selected >= cursor.offset + height {
        cursor.offset = cursor.selected + 1 - height;
    }
    cursor.offset = cursor.offset.min(len.saturating_sub(height));
}
