//! Searching a library: which statements and acts a [`LibraryQuery`] chooses, a part
//! of the library at a time on all cores, each statement with a filter of its own that
//! lives from one query to the next (so typing on searches only what the last query
//! found in it, as in the reader).

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use super::LibraryQuery;
use crate::analysis::filter::{Filter, FilterIndex};
use crate::analysis::{Analysis, CommitmentKind};
use crate::document::dates::Date;
use crate::document::{Statement, safe};

/// A statement of the library, read and analysed, with what its table row shows.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub statement: Arc<Statement>,
    pub analysis: Arc<Analysis>,
    /// Safe to show.
    pub title: String,
    /// The parties, joined, safe to show.
    pub parties: String,
    pub date: Option<Date>,
    /// Acts of each kind, in [`CommitmentKind::ALL`] order.
    pub counts: [usize; 6],
    /// Built as the statement loads, so the first query searches at once.
    pub index: FilterIndex,
}

impl Loaded {
    pub fn new(path: PathBuf, mut statement: Statement, analysis: Analysis) -> Loaded {
        // How each header line was read is for the JSON export, which reads the file
        // again; nothing a library or its reader shows uses it, and it is a tenth of
        // what a statement holds.
        statement.header = Vec::new();
        let mut counts = [0; 6];
        for (k, (_, n)) in analysis.kind_counts().iter().enumerate() {
            counts[k] = *n;
        }
        let meta = &statement.metadata;
        let named: &[String] = if meta.parties.is_empty() {
            &analysis.authorship.parties
        } else {
            &meta.parties
        };
        Loaded {
            path,
            title: safe::visible(&meta.title).into_owned(),
            parties: safe::visible(&named.join(", ")).into_owned(),
            date: meta.date,
            counts,
            index: FilterIndex::new(&statement, &analysis),
            statement: Arc::new(statement),
            analysis: Arc::new(analysis),
        }
    }

    pub fn acts(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn kind_of(&self, act: u32) -> CommitmentKind {
        self.analysis.commitments[act as usize].kind
    }
}

/// The acts a query chose in one statement, in reading order; `None` when the
/// statement is not chosen.
pub type Chosen = Option<Vec<u32>>;

/// Searches a library: one filter per statement, kept while the statement is.
#[derive(Default)]
pub struct Searcher {
    filters: Vec<Option<(Arc<Analysis>, Filter)>>,
}

impl Searcher {
    /// What `query` chooses in the statements of `part`, entry `first` onwards, on all
    /// cores; `None` for an entry given as `None` (not read, or failed).
    pub fn search(
        &mut self,
        query: &LibraryQuery,
        first: usize,
        part: &[Option<Arc<Loaded>>],
    ) -> Vec<Option<Chosen>> {
        let end = first + part.len();
        if self.filters.len() < end {
            self.filters.resize_with(end, || None);
        }
        self.filters[first..end]
            .par_iter_mut()
            .zip(part)
            .map(|(kept, loaded)| {
                let loaded = loaded.as_ref()?;
                // A rescan replaces a statement: its old filter indexes the old analysis.
                if !kept
                    .as_ref()
                    .is_some_and(|(a, _)| Arc::ptr_eq(a, &loaded.analysis))
                {
                    let filter = Filter::with_index(loaded.index.clone()).keeping(1);
                    *kept = Some((Arc::clone(&loaded.analysis), filter));
                }
                let (_, filter) = kept.as_mut().expect("set above");
                Some(query.choose(&loaded.statement, &loaded.analysis, filter))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Lexicons, analyse};

    fn loaded(text: &str) -> Arc<Loaded> {
        let statement = Statement::parse(text, "x");
        let analysis = analyse(&statement, Lexicons::embedded());
        Arc::new(Loaded::new("x.txt".into(), statement, analysis))
    }

    const FIRST: &str = "Joint Statement of Aland and Borduria\n\n12 March 2021\n\n\
        1. We condemn the attack on the harbour.\n\n2. We welcome the new treaty.\n";
    const SECOND: &str = "Joint Statement of Aland and Carpania\n\n4 May 2023\n\n\
        1. We commit to open the harbour.\n";

    #[test]
    fn a_query_chooses_the_statements_and_acts_it_matches_and_keeps_reading_order() {
        let part = vec![Some(loaded(FIRST)), None, Some(loaded(SECOND))];
        let mut searcher = Searcher::default();
        let query = LibraryQuery::parse("harbour").unwrap();
        let found = searcher.search(&query, 0, &part);
        assert_eq!(found, vec![Some(Some(vec![0])), None, Some(Some(vec![0]))]);
        let query = LibraryQuery::parse("harbour date:2023").unwrap();
        assert_eq!(
            searcher.search(&query, 0, &part),
            vec![Some(None), None, Some(Some(vec![0]))]
        );
        // No act terms: every act of a chosen statement.
        let query = LibraryQuery::parse("date:2021").unwrap();
        assert_eq!(
            searcher.search(&query, 0, &part),
            vec![Some(Some(vec![0, 1])), None, Some(None)]
        );
    }

    #[test]
    fn a_loaded_statement_lets_its_header_lines_go_and_keeps_what_they_told() {
        let parsed = Statement::parse(FIRST, "x");
        assert!(!parsed.header.is_empty());
        let kept = loaded(FIRST);
        assert!(kept.statement.header.is_empty());
        assert_eq!(kept.statement.metadata, parsed.metadata);
        assert_eq!(kept.statement.paragraphs, parsed.paragraphs);
        assert_eq!(kept.title, "Joint Statement of Aland and Borduria");
    }

    #[test]
    fn every_statements_filter_keeps_the_one_query_searched_with() {
        let part = vec![
            Some(loaded(FIRST)),
            Some(loaded(SECOND)),
            Some(loaded(FIRST)),
        ];
        let mut searcher = Searcher::default();
        let query = LibraryQuery::parse("harbour").unwrap();
        searcher.search(&query, 0, &part);
        let shared = query.acts.as_ref().unwrap();
        // Ours and one kept by each of the three filters, no copy.
        assert_eq!(Arc::strong_count(shared), 4);
        // Another query: each filter keeps only the newest.
        let narrower = LibraryQuery::parse("harbo").unwrap();
        searcher.search(&narrower, 0, &part);
        assert_eq!(Arc::strong_count(shared), 1);
        assert_eq!(Arc::strong_count(narrower.acts.as_ref().unwrap()), 4);
    }

    #[test]
    fn a_part_further_on_is_searched_with_the_filters_of_its_own_entries() {
        let mut searcher = Searcher::default();
        let query = LibraryQuery::parse("treaty").unwrap();
        let found = searcher.search(&query, 5, &[Some(loaded(SECOND)), Some(loaded(FIRST))]);
        assert_eq!(found, vec![Some(None), Some(Some(vec![1]))]);
        assert_eq!(searcher.filters.len(), 7);
    }
}
