//! The acts the reader's panel lists: every act in reading order, or a filter's
//! result in its ranked order. The list reads the result it shows rather than copying
//! it, as a statement may hold millions of acts and a one-letter query matches most.

use std::sync::Arc;

use crate::analysis::filter::FilterResult;

/// Acts listed, as indices into the analysis's commitments.
#[derive(Debug, Clone, Default)]
pub struct ListedActs {
    /// `None`: every act of the analysis, `all` of them, in reading order.
    ranked: Option<Arc<FilterResult>>,
    all: usize,
}

impl ListedActs {
    /// All `count` acts, in reading order.
    pub fn all(count: usize) -> ListedActs {
        ListedActs {
            ranked: None,
            all: count,
        }
    }

    /// The acts `result` matched, best first.
    pub fn ranked(result: Arc<FilterResult>) -> ListedActs {
        ListedActs {
            ranked: Some(result),
            all: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.ranked.as_ref().map_or(self.all, |r| r.acts.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The act listed at `row`.
    pub fn get(&self, row: usize) -> Option<usize> {
        match &self.ranked {
            Some(r) => r.acts.get(row).map(|m| m.act as usize),
            None => (row < self.all).then_some(row),
        }
    }

    pub fn last(&self) -> Option<usize> {
        self.len().checked_sub(1).and_then(|row| self.get(row))
    }

    /// The row that lists `act`, if it is listed.
    pub fn position(&self, act: usize) -> Option<usize> {
        match &self.ranked {
            Some(r) => r.acts.iter().position(|m| m.act as usize == act),
            None => (act < self.all).then_some(act),
        }
    }

    /// `(row, act)` for at most `count` rows from row `from`, without walking the
    /// rows before it (the panel shows a few dozen rows of a list of millions).
    pub fn rows(&self, from: usize, count: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        (from..from.saturating_add(count)).map_while(|row| Some((row, self.get(row)?)))
    }

    /// The acts in listed order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter_map(|row| self.get(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::filter::ActMatch;

    fn ranked(acts: &[u32]) -> ListedActs {
        let mut result = FilterResult::default();
        result.acts = acts
            .iter()
            .map(|&act| ActMatch {
                act,
                rank: 0,
                score: 0,
            })
            .collect();
        ListedActs::ranked(Arc::new(result))
    }

    #[test]
    fn all_acts_are_listed_in_reading_order() {
        let listed = ListedActs::all(3);
        assert_eq!(listed.iter().collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!((listed.get(2), listed.get(3)), (Some(2), None));
        assert_eq!((listed.position(1), listed.position(3)), (Some(1), None));
        assert_eq!(listed.last(), Some(2));
    }

    #[test]
    fn a_result_is_listed_in_its_ranked_order() {
        let listed = ranked(&[4, 0, 7]);
        assert_eq!(listed.len(), 3);
        assert_eq!(listed.iter().collect::<Vec<_>>(), [4, 0, 7]);
        assert_eq!((listed.get(0), listed.get(3)), (Some(4), None));
        assert_eq!((listed.position(7), listed.position(1)), (Some(2), None));
        assert_eq!(listed.last(), Some(7));
        assert_eq!(listed.rows(1, 5).collect::<Vec<_>>(), [(1, 0), (2, 7)]);
        assert_eq!(listed.rows(3, 5).count(), 0);
    }

    #[test]
    fn nothing_listed_has_no_last_act() {
        assert!(ListedActs::all(0).is_empty() && ListedActs::all(0).last().is_none());
        assert!(ranked(&[]).is_empty() && ranked(&[]).last().is_none());
    }
}
