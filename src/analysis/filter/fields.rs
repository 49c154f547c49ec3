//! Matching a query's terms against an act's fields, a sentence and a section title.

use crate::analysis::matcher::{Class, Found};
use crate::analysis::query::Term;
use crate::analysis::{Analysis, Commitment};
use crate::document::{SentenceRef, Statement};

use super::index::{Index, Prepared, Ready, TermMatch};
use super::{ActMatch, Field, Hit, HitField, class_rank, small};

/// What the matching reads.
pub(super) struct Context<'a> {
    pub statement: &'a Statement,
    pub analysis: &'a Analysis,
    pub index: &'a Index,
}

/// The free-text terms found missing from one sentence: acts are matched in reading
/// order, so the next acts of the same sentence need not search it again.
#[derive(Default)]
pub(super) struct Misses {
    sentence: usize,
    /// The terms' addresses: they live as long as the run.
    terms: smallvec::SmallVec<[usize; 4]>,
}

impl Misses {
    fn of(&mut self, sentence: usize) -> &mut smallvec::SmallVec<[usize; 4]> {
        if self.sentence != sentence {
            self.sentence = sentence;
            self.terms.clear();
        }
        &mut self.terms
    }
}

impl Context<'_> {
    /// Act `i`, if every group of the query matches it.
    /// Its highlights go on the end of `sink` (left as they were when it does not match).
    pub(super) fn act(
        &self,
        query: &Prepared,
        i: usize,
        sink: &mut Vec<Hit>,
        misses: &mut Misses,
    ) -> Option<ActMatch> {
        let act = &self.analysis.commitments[i];
        let start = sink.len();
        let mut out = ActMatch {
            act: small(i),
            rank: 0,
            score: 0,
        };
        for group in &query.groups {
            let mut best: Option<(Class, i64)> = None;
            let mut passed = false;
            for ready in group {
                if ready.term.negated {
                    passed |= self.act_term(act, ready, None, Some(misses)).is_none();
                } else if let Some(found) = self.act_term(act, ready, Some(sink), Some(misses)) {
                    passed = true;
                    best = better(best, found);
                }
            }
            if !passed {
                sink.truncate(start);
                return None;
            }
            if let Some((class, score)) = best {
                out.rank += class_rank(class);
                let score = score.clamp(i32::MIN.into(), i32::MAX.into()) as i32;
                out.score = out.score.saturating_add(score);
            }
        }
        Some(out)
    }

    /// How well one term matches an act, its highlights added to `sink`.
    pub(super) fn act_term(
        &self,
        act: &Commitment,
        ready: &Ready,
        mut sink: Option<&mut Vec<Hit>>,
        misses: Option<&mut Misses>,
    ) -> Option<(Class, i64)> {
        let term = &ready.term;
        let paragraph = &self.statement.paragraphs[act.sentence.paragraph()].text;
        fn cached(m: Option<&Option<TermMatch>>) -> Option<&TermMatch> {
            m.and_then(Option::as_ref)
        }
        let kind = cached(ready.kinds.get(act.kind as usize));
        let actor = cached(ready.actors.get(act.actor_index() as usize));
        let addressee = act
            .addressee_index()
            .and_then(|a| cached(ready.addressees.get(a as usize)));
        let mut take = |m: &TermMatch| {
            if let Some(sink) = sink.as_deref_mut() {
                sink.extend_from_slice(&m.2);
            }
            (m.0, m.1)
        };
        match term.field {
            Field::Kind => kind.map(take),
            Field::Actor => actor.map(take),
            Field::Addressee => addressee.map(take),
            Field::Cue => {
                let (s, e) = act.cue_range();
                let found = term.pattern.find(paragraph.get(s..e)?, &[])?;
                Some(take(&hits(found, HitField::Text, s)))
            }
            Field::Topic => {
                let topics = ready.topics.as_deref()?;
                self.analysis
                    .act_topics(act)
                    .iter()
                    .filter_map(|&t| topics.get(t).copied().flatten())
                    .min()
                    .map(|class| (class, 0))
            }
            Field::Any => {
                let mut best = None;
                for m in [kind, actor, addressee].into_iter().flatten() {
                    best = better(best, take(m));
                }
                if let Some((found, offset)) = self.context(act, term, misses) {
                    if let Some(sink) = sink {
                        sink.extend(
                            found
                                .ranges
                                .iter()
                                .map(|&(s, e)| Hit::new(HitField::Text, s + offset, e + offset)),
                        );
                    }
                    best = better(best, (found.class, found.score));
                }
                best
            }
        }
    }

    /// The act's sentence, without the words that carry the other acts in it.
    fn context(
        &self,
        act: &Commitment,
        term: &Term,
        misses: Option<&mut Misses>,
    ) -> Option<(Found, usize)> {
        let at = act.sentence;
        let paragraph = &self.statement.paragraphs[at.paragraph()];
        let sentence = self.statement.sentence(at)?;
        let text = paragraph.text.get(sentence.range())?;
        let ordinal = self.statement.sentence_ordinal(at);
        if !term.pattern.could_match(self.index.sentence_mask(ordinal)) {
            return None;
        }
        // Blocking only takes places away: a term not in the sentence at all is not
        // in what is left of it, and a sentence of one act blocks nothing.
        let key = term as *const Term as usize;
        let mut misses = misses.map(|m| m.of(ordinal));
        if misses.as_ref().is_some_and(|m| m.contains(&key)) {
            return None;
        }
        let Some(unblocked) = term.pattern.find(text, &[]) else {
            if let Some(m) = misses.as_mut() {
                m.push(key);
            }
            return None;
        };
        let others = self.index.acts_of(self.statement, self.analysis, ordinal);
        if others.len() <= 1 {
            return Some((unblocked, sentence.start()));
        }
        let mut blocked = Vec::new();
        for other in others {
            let other = &self.analysis.commitments[other];
            if std::ptr::eq(other, act) {
                continue;
            }
            for span in [other.cue_range(), other.object_range()] {
                for piece in subtract(span, &[act.cue_range(), act.object_range()]) {
                    let (s, e) = (piece.0.max(sentence.start()), piece.1.min(sentence.end()));
                    if s < e {
                        blocked.push((s - sentence.start(), e - sentence.start()));
                    }
                }
            }
        }
        let found = term.pattern.find(text, &blocked)?;
        Some((found, sentence.start()))
    }

    /// Whether every group matches sentence `at`. The byte ranges (in its paragraph) to
    /// highlight go on the end of `sink`, in order (left as they were when it does not
    /// match).
    pub(super) fn sentence(
        &self,
        query: &Prepared,
        at: SentenceRef,
        sink: &mut Vec<(usize, usize)>,
    ) -> bool {
        let paragraph = &self.statement.paragraphs[at.paragraph()];
        let Some(sentence) = self.statement.sentence(at) else {
            return false;
        };
        let Some(text) = paragraph.text.get(sentence.range()) else {
            return false;
        };
        let ordinal = self.statement.sentence_ordinal(at);
        let mask = self.index.sentence_mask(ordinal);
        let acts = || self.index.acts_of(self.statement, self.analysis, ordinal);
        let section = self.analysis.section_of_paragraph(at.paragraph());
        let start = sink.len();
        for group in &query.groups {
            let mut passed = false;
            for ready in group {
                let term = &ready.term;
                // Whether it matched, and the ranges of a free-text match.
                let found: Option<Option<Found>> = match term.field {
                    Field::Any if !term.pattern.could_match(mask) => None,
                    Field::Any => term.pattern.find(text, &[]).map(Some),
                    Field::Topic => {
                        let on_topic = |topics: &[Option<Class>], section: usize| {
                            self.analysis
                                .topics_of(&self.analysis.sections[section])
                                .iter()
                                .any(|&t| topics.get(t).copied().flatten().is_some())
                        };
                        ready
                            .topics
                            .as_deref()
                            .zip(section)
                            .is_some_and(|(topics, s)| on_topic(topics, s))
                            .then_some(None)
                    }
                    _ => acts()
                        .any(|i| {
                            let act = &self.analysis.commitments[i];
                            self.act_term(act, ready, None, None).is_some()
                        })
                        .then_some(None),
                };
                if term.negated {
                    passed |= found.is_none();
                } else if let Some(found) = found {
                    passed = true;
                    if let Some(found) = found {
                        sink.extend(
                            found
                                .ranges
                                .iter()
                                .map(|&(s, e)| (s + sentence.start(), e + sentence.start())),
                        );
                    }
                }
            }
            if !passed {
                sink.truncate(start);
                return false;
            }
        }
        sink[start..].sort_unstable();
        true
    }
}

/// Whether every group of a free-text-only query matches a section title; the byte
/// ranges of the title to highlight go on the end of `sink`, in order (left as they were
/// when it does not match).
pub(super) fn title(query: &Prepared, title: &str, sink: &mut Vec<(usize, usize)>) -> bool {
    if !query.all_any() {
        return false;
    }
    let start = sink.len();
    for group in &query.groups {
        let mut passed = false;
        for ready in group {
            let term = &ready.term;
            let found = term.pattern.find(title, &[]);
            if term.negated {
                passed |= found.is_none();
            } else if let Some(found) = found {
                passed = true;
                sink.extend(found.ranges);
            }
        }
        if !passed {
            sink.truncate(start);
            return false;
        }
    }
    sink[start..].sort_unstable();
    true
}

/// The better of two matches: the lower class, then the higher score.
fn better(best: Option<(Class, i64)>, found: (Class, i64)) -> Option<(Class, i64)> {
    match best {
        Some(b) if (b.0, -b.1) <= (found.0, -found.1) => Some(b),
        _ => Some(found),
    }
}

pub(super) fn hits(found: Found, field: HitField, offset: usize) -> TermMatch {
    let hits = found
        .ranges
        .iter()
        .map(|&(s, e)| Hit::new(field, s + offset, e + offset))
        .collect();
    (found.class, found.score, hits)
}

/// `span` without the parts that lie in any of `holes`.
fn subtract(span: (usize, usize), holes: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pieces = vec![span];
    for &(hs, he) in holes {
        pieces = pieces
            .into_iter()
            .flat_map(|(s, e)| {
                if he <= s || hs >= e {
                    vec![(s, e)]
                } else {
                    [(s, hs), (he, e)]
                        .into_iter()
                        .filter(|(a, b)| a < b)
                        .collect()
                }
            })
            .collect();
    }
    pieces
}
