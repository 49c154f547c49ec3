//! The live filter: which acts, sentences and sections a query matches, ranked, with
//! the characters to highlight.
//!
//! An act is matched against all its fields — kind, actor, addressee and its sentence,
//! which holds its cue and object — but not against the words that carry the other
//! acts of the same sentence, so `'urge` finds the acts that urge, not the concern
//! voiced before them. A sentence is matched against its text (and, for field terms,
//! its acts); a section against its title. Acts are ranked by how well each term
//! matched (a whole word, then a word's start, then anything fuzzier, then by
//! fuzzy-matcher's score), ties in reading order.
//!
//! Typing on narrows: when the new query is implied by the last one
//! ([`Query::narrows`]), only the last result is searched again; deleting a character
//! takes a recent result back without searching.

mod fields;
mod highlight;
mod index;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use crate::document::{SentenceRef, Statement};

use super::Analysis;
use super::matcher::Class;
pub use super::query::{Field, Query};
use highlight::Highlighter;
use index::{Index, Prepared};

/// Which text of an act a highlight lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitField {
    /// Offsets into the kind's name.
    Kind,
    /// Offsets into the actor's name.
    Actor,
    /// Offsets into the addressee.
    Addressee,
    /// Offsets into the paragraph's text: the cue, the object or the sentence.
    Text,
}

/// Matched characters of an act: a byte range of its field (u32, as a result may
/// hold millions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub field: HitField,
    pub start: u32,
    pub end: u32,
}

impl Hit {
    pub fn new(field: HitField, start: usize, end: usize) -> Hit {
        Hit {
            field,
            start: small(start),
            end: small(end),
        }
    }

    pub fn range(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

// An index or offset as results store it; `u32::MAX` stands for one that does not fit.
use crate::document::saturating_u32 as small;

/// An act that matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActMatch {
    pub act: u32,
    /// Sum of the classes of its terms' matches (0 best).
    pub rank: u32,
    /// fuzzy-matcher's scores of its spread-out matches, summed, saturating: in i32,
    /// as a one-letter query over a big statement matches millions of acts, and the
    /// scores of one act's matches stay far below the bound.
    pub score: i32,
}

/// A sentence that matches, as its place in the statement's reading order: 4 bytes,
/// as a one-letter query over a big statement matches millions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceMatch {
    ordinal: u32,
}

impl SentenceMatch {
    /// Its place in the statement's reading order ([`Statement::sentence_ordinal`]).
    pub fn ordinal(&self) -> usize {
        self.ordinal as usize
    }

    /// Where it is in `statement`; `None` in a statement other than the one searched
    /// that has fewer sentences.
    pub fn at(&self, statement: &Statement) -> Option<SentenceRef> {
        statement.sentence_at(self.ordinal())
    }
}

/// Everything one query matches. What to highlight in an act or a sentence is worked
/// out when it is shown ([`FilterResult::hits_of`], [`FilterResult::ranges_of`]): a
/// one-letter query over a big statement matches millions of letters, and the screen
/// shows a few dozen acts and sentences.
#[derive(Debug, Clone, Default)]
pub struct FilterResult {
    /// Best first.
    pub acts: Vec<ActMatch>,
    /// In reading order.
    pub sentences: Vec<SentenceMatch>,
    /// Matching sentences per section (u32: a one-letter query over a statement of a
    /// million one-line sections counts in all of them).
    pub section_hits: Vec<u32>,
    /// Sections whose title matches, in order ([`FilterResult::title_ranges_of`]).
    pub section_titles: Vec<u32>,
    /// The readied query, kept to highlight; `None` for acts only ([`Filter::run_acts`]).
    highlighter: Option<Arc<Highlighter>>,
}

/// Results are equal when they match the same things: their highlights are worked out
/// from the same query by the same code.
impl PartialEq for FilterResult {
    fn eq(&self, other: &Self) -> bool {
        self.acts == other.acts
            && self.sentences == other.sentences
            && self.section_hits == other.section_hits
            && self.section_titles == other.section_titles
    }
}

impl Eq for FilterResult {}

impl FilterResult {
    /// How much the result holds, in entries.
    fn weight(&self) -> usize {
        self.acts.len() + self.sentences.len()
    }
}

/// Matches queries against one statement and its analysis (use one `Filter` per
/// analysis: it keeps the statement's acts indexed by sentence, and the last result).
pub struct Filter {
    index: std::cell::OnceCell<Arc<Index>>,
    /// The latest results, newest last: deleting a character goes back to one of them
    /// without searching, typing on searches only the newest. Each is marked with
    /// whether it is whole or acts only ([`Filter::run_acts`]).
    recent: Vec<(Arc<Query>, bool, Arc<FilterResult>)>,
    /// How many of them are kept at most ([`Filter::keeping`]).
    kept: usize,
}

/// A statement's acts indexed for searching, built ahead of the first query (a library
/// builds each statement's while it loads, on all cores) and shared with the filter
/// that searches it ([`Filter::with_index`]).
#[derive(Clone)]
pub struct FilterIndex(Arc<Index>);

impl FilterIndex {
    pub fn new(statement: &Statement, analysis: &Analysis) -> FilterIndex {
        FilterIndex(Arc::new(Index::new(statement, analysis)))
    }
}

impl std::fmt::Debug for FilterIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FilterIndex")
    }
}

/// Acts to search from which the sentences are searched on a second thread.
const PARALLEL_ACTS: usize = 20_000;
/// Results kept for going back.
const RECENT: usize = 16;

impl Default for Filter {
    fn default() -> Self {
        Filter {
            index: std::cell::OnceCell::new(),
            recent: Vec::new(),
            kept: RECENT,
        }
    }
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Filter")
    }
}

impl Filter {
    /// A filter for the statement and analysis `index` was built from.
    pub fn with_index(index: FilterIndex) -> Filter {
        let filter = Filter::default();
        let _ = filter.index.set(index.0);
        filter
    }

    /// The same filter keeping at most `results` results (at least one, the newest, to
    /// type on): a library keeps a filter for each of thousands of statements, where
    /// going back is cheap to search again and sixteen results each would outweigh
    /// the statements.
    pub fn keeping(mut self, results: usize) -> Filter {
        self.kept = results.max(1);
        self
    }

    /// Everything `query` matches in the statement.
    pub fn run(
        &mut self,
        query: &Query,
        statement: &Statement,
        analysis: &Analysis,
    ) -> Arc<FilterResult> {
        self.search(query, None, statement, analysis, true)
    }

    /// The acts `query` matches, ranked, without their highlights, the sentences or
    /// the section titles: what a library search needs of each statement, in about
    /// half the time and without a highlight per matched letter kept for thousands of
    /// statements.
    pub fn run_acts(
        &mut self,
        query: &Query,
        statement: &Statement,
        analysis: &Analysis,
    ) -> Arc<FilterResult> {
        self.search(query, None, statement, analysis, false)
    }

    /// [`Filter::run_acts`] with a query shared by many filters (a library searches
    /// thousands of statements with one), which each keeps without a copy of its own.
    pub fn run_acts_shared(
        &mut self,
        query: &Arc<Query>,
        statement: &Statement,
        analysis: &Analysis,
    ) -> Arc<FilterResult> {
        self.search(query, Some(query), statement, analysis, false)
    }

    fn search(
        &mut self,
        query: &Query,
        shared: Option<&Arc<Query>>,
        statement: &Statement,
        analysis: &Analysis,
        whole: bool,
    ) -> Arc<FilterResult> {
        if let Some(at) = self
            .recent
            .iter()
            .position(|(q, w, _)| *w == whole && **q == *query)
        {
            let entry = self.recent.remove(at);
            let result = Arc::clone(&entry.2);
            self.recent.push(entry);
            return result;
        }
        let index = Arc::clone(
            self.index
                .get_or_init(|| Arc::new(Index::new(statement, analysis))),
        );
        let prepared = Prepared::new(query, analysis);
        // Typing on: search only what the last query found.
        let previous = self
            .recent
            .last()
            .filter(|(last, w, _)| *w == whole && query.narrows(last))
            .map(|(_, _, result)| Arc::clone(result));
        let previous = previous.as_deref();
        let context = fields::Context {
            statement,
            analysis,
            index: &index,
        };
        let acts = || -> Vec<ActMatch> {
            // Highlights are worked out again for what is shown; here each act's are let
            // go as soon as it is matched.
            let mut hits = Vec::new();
            let mut misses = fields::Misses::default();
            let mut matched = |i: usize| {
                hits.clear();
                context.act(&prepared, i, &mut hits, &mut misses)
            };
            let mut acts: Vec<ActMatch> = match previous {
                Some(last) => {
                    let mut listed: Vec<usize> = last.acts.iter().map(|m| m.act as usize).collect();
                    listed.sort_unstable();
                    listed.into_iter().filter_map(&mut matched).collect()
                }
                None => (0..analysis.commitments.len())
                    .filter_map(&mut matched)
                    .collect(),
            };
            acts.sort_by_key(|m| (m.rank, -m.score, m.act));
            acts
        };
        let sentences = || -> Vec<SentenceMatch> {
            if !whole {
                return Vec::new();
            }
            let mut ranges = Vec::new();
            let mut check = |at: SentenceRef| {
                ranges.clear();
                context.sentence(&prepared, at, &mut ranges).then(|| {
                    let ordinal = small(statement.sentence_ordinal(at));
                    SentenceMatch { ordinal }
                })
            };
            match previous {
                Some(last) => last
                    .sentences
                    .iter()
                    .filter_map(|m| m.at(statement).and_then(&mut check))
                    .collect(),
                None => statement
                    .sentences()
                    .filter_map(|(at, _)| check(at))
                    .collect(),
            }
        };
        // A big statement's acts and sentences are searched side by side.
        let work = previous.map_or(analysis.commitments.len(), |p| p.acts.len());
        let (acts, sentences) = if work >= PARALLEL_ACTS {
            std::thread::scope(|scope| {
                let sentences = scope.spawn(sentences);
                let acts = acts();
                let sentences = sentences
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (acts, sentences)
            })
        } else {
            (acts(), sentences())
        };
        let mut result = FilterResult {
            acts,
            sentences,
            section_hits: if whole {
                vec![0; analysis.sections.len()]
            } else {
                Vec::new()
            },
            section_titles: Vec::new(),
            highlighter: None,
        };
        // The matches are in reading order: their paragraphs are found walking on.
        let mut p = 0;
        for m in &result.sentences {
            let paragraphs = &statement.paragraphs;
            while paragraphs
                .get(p)
                .is_some_and(|q| q.first_sentence() + q.sentence_count() <= m.ordinal())
            {
                p += 1;
            }
            if let Some(section) = analysis.section_of_paragraph(p) {
                result.section_hits[section] = result.section_hits[section].saturating_add(1);
            }
        }
        let titles: Vec<usize> = match previous {
            _ if !whole => Vec::new(),
            Some(last) => last.section_titles.iter().map(|&s| s as usize).collect(),
            None => (0..analysis.sections.len()).collect(),
        };
        let mut ranges = Vec::new();
        for s in titles {
            ranges.clear();
            let title = analysis.section_title(&analysis.sections[s]);
            if fields::title(&prepared, title, &mut ranges) {
                result.section_titles.push(small(s));
            }
        }
        // Grown by doubling: a one-letter query over a big statement leaves about a
        // third of its entries as spare room, kept as long as the result.
        result.acts.shrink_to_fit();
        result.sentences.shrink_to_fit();
        if whole {
            result.highlighter = Some(Arc::new(Highlighter::new(prepared, index)));
        }
        let result = Arc::new(result);
        let kept = shared.map_or_else(|| Arc::new(query.clone()), Arc::clone);
        self.recent.push((kept, whole, Arc::clone(&result)));
        // Kept within a few times the statement's own size, however much is typed.
        let budget = 4 * (analysis.commitments.len() + statement.sentence_count()) + 4096;
        while self.recent.len() > self.kept
            || (self.recent.len() > 1
                && self
                    .recent
                    .iter()
                    .map(|(_, _, r)| r.weight())
                    .sum::<usize>()
                    > budget)
        {
            self.recent.remove(0);
        }
        result
    }
}

/// The topics every stand-alone `topic:` term of the query allows, or `None` when the
/// query names no topic: the sections the navigator marks and `]` visits.
pub fn chosen_topics(query: &Query, analysis: &Analysis) -> Option<Vec<usize>> {
    let mut chosen: Option<Vec<usize>> = None;
    for term in query.required().filter(|t| t.field == Field::Topic) {
        let matching: Vec<usize> = (0..analysis.topic_names.len())
            .filter(|&t| term.pattern.find(&analysis.topic_names[t], &[]).is_some())
            .collect();
        chosen = Some(match chosen {
            Some(before) => before
                .into_iter()
                .filter(|t| matching.contains(t))
                .collect(),
            None => matching,
        });
    }
    chosen
}

/// The class of a match as a number to add up.
fn class_rank(class: Class) -> u32 {
    match class {
        Class::Word => 0,
        Class::Prefix => 1,
        Class::Fuzzy => 2,
    }
}

/// Byte ranges of runs of consecutive matched chars (char indices into `text`).
pub fn char_ranges(text: &str, indices: &[usize]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut wanted = indices.iter().copied().peekable();
    for (ci, (bi, c)) in text.char_indices().enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if next != ci {
            continue;
        }
        wanted.next();
        let end = bi + c.len_utf8();
        match ranges.last_mut() {
            Some(last) if last.1 == bi => last.1 = end,
            _ => ranges.push((bi, end)),
        }
    }
    ranges
}
