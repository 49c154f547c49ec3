//! Choosing two statements to compare: marked by hand (x), or the selected one and
//! the previous statement of the same parties.

use super::{EntryState, LibraryView};

/// Statements marked at most: a third mark replaces the first.
const MARKS: usize = 2;

impl LibraryView {
    pub(super) fn toggle_mark(&mut self) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        if !matches!(self.entries[entry].state, EntryState::Ready(_)) {
            self.notice = Some("only a statement that was read can be marked".into());
            return;
        }
        if let Some(at) = self.marked.iter().position(|&m| m == entry) {
            self.marked.remove(at);
        } else {
            if self.marked.len() == MARKS {
                self.marked.remove(0);
            }
            self.marked.push(entry);
        }
        self.notice = Some(match self.marked.len() {
            1 => "marked: mark another (x) or press c to compare it with the selected one".into(),
            2 => "two marked: c compares them".into(),
            _ => "no statement marked".into(),
        });
    }

    /// `c`: the two marked statements, or the one marked and the one selected.
    pub(super) fn compare_marked(&mut self) {
        let pair = match (self.marked.as_slice(), self.selected_entry()) {
            ([a, b], _) => Some((*a, *b)),
            ([a], Some(b)) if *a != b => Some((*a, b)),
            _ => None,
        };
        match pair {
            Some((a, b)) => self.compare_request = Some(self.in_order(a, b)),
            None => {
                self.notice = Some(
                    "mark a statement with x, select another and press c (or p: the previous one of these parties)"
                        .into(),
                );
            }
        }
    }

    /// `p`: the selected statement and the latest one before it of the same parties
    /// (all of them, else as many as any earlier statement shares).
    pub(super) fn compare_previous(&mut self) {
        let Some(entry) = self.selected_entry() else {
            return;
        };
        let Some(this) = self.loaded(entry) else {
            return;
        };
        let Some(date) = this.date else {
            self.notice = Some("this statement has no date: mark two with x and press c".into());
            return;
        };
        let parties = party_set(&this.statement, &this.analysis);
        if parties.is_empty() {
            self.notice =
                Some("no parties found in this statement: mark two with x and press c".into());
            return;
        }
        // The most parties shared, then the latest date, then the first file.
        let best = self
            .entries
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != entry)
            .filter_map(|(k, e)| {
                let other = e.loaded()?;
                let earlier = other.date.filter(|d| *d < date)?;
                let shared = party_set(&other.statement, &other.analysis)
                    .intersection(&parties)
                    .count();
                (shared > 0).then_some((shared, earlier, std::cmp::Reverse(k)))
            })
            .max();
        match best {
            Some((_, _, std::cmp::Reverse(k))) => self.compare_request = Some((k, entry)),
            None => {
                self.notice = Some(format!(
                    "no earlier statement of {} in this library",
                    this.parties
                ));
            }
        }
    }

    /// The pair earlier statement first (by date, then by file).
    fn in_order(&self, a: usize, b: usize) -> (usize, usize) {
        let date = |k: usize| self.loaded(k).and_then(|l| l.date);
        if (date(b), b) < (date(a), a) {
            (b, a)
        } else {
            (a, b)
        }
    }
}

fn party_set(
    statement: &crate::document::Statement,
    analysis: &crate::analysis::Analysis,
) -> std::collections::BTreeSet<String> {
    statement
        .metadata
        .parties
        .iter()
        .chain(&analysis.authorship.parties)
        .map(|p| p.to_lowercase())
        .collect()
}
