//! What to highlight in what a query matched, worked out when it is shown: a result
//! keeps its readied query, and the few dozen acts, sentences and section titles on
//! screen are matched again with the same code the search used.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::document::Statement;

use super::index::{Index, Prepared};
use super::{ActMatch, FilterResult, Hit, SentenceMatch, fields, small};

/// What a result needs to highlight what it matched.
pub(super) struct Highlighter {
    prepared: Prepared,
    index: Arc<Index>,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Highlighter")
    }
}

impl FilterResult {
    /// What matched in an act, given the statement and analysis that were searched;
    /// nothing for a result of acts only.
    pub fn hits_of(&self, statement: &Statement, analysis: &Analysis, m: &ActMatch) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(h) = &self.highlighter
            && (m.act as usize) < analysis.commitments.len()
        {
            let context = h.context(statement, analysis);
            let mut misses = fields::Misses::default();
            context.act(&h.prepared, m.act as usize, &mut hits, &mut misses);
        }
        hits
    }

    /// What matched in a sentence: byte ranges of its paragraph, in order, given the
    /// statement and analysis that were searched.
    pub fn ranges_of(
        &self,
        statement: &Statement,
        analysis: &Analysis,
        m: &SentenceMatch,
    ) -> Vec<(usize, usize)> {
        let mut ranges = Vec::new();
        if let Some((h, at)) = self.highlighter.as_ref().zip(m.at(statement)) {
            h.context(statement, analysis)
                .sentence(&h.prepared, at, &mut ranges);
        }
        ranges
    }

    /// Whether section `s`'s title matches.
    pub fn title_matches(&self, s: usize) -> bool {
        self.section_titles.binary_search(&small(s)).is_ok()
    }

    /// What matched in section `s`'s title: its byte ranges, in order; nothing when the
    /// title does not match.
    pub fn title_ranges_of(&self, analysis: &Analysis, s: usize) -> Vec<(usize, usize)> {
        let (Some(h), Some(section)) = (&self.highlighter, analysis.sections.get(s)) else {
            return Vec::new();
        };
        if !self.title_matches(s) {
            return Vec::new();
        }
        let mut ranges = Vec::new();
        fields::title(&h.prepared, analysis.section_title(section), &mut ranges);
        ranges
    }
}

impl Highlighter {
    pub(super) fn new(prepared: Prepared, index: Arc<Index>) -> Highlighter {
        Highlighter { prepared, index }
    }

    fn context<'a>(
        &'a self,
        statement: &'a Statement,
        analysis: &'a Analysis,
    ) -> fields::Context<'a> {
        fields::Context {
            statement,
            analysis,
            index: &self.index,
        }
    }
}
