//! What a search reads again and again, worked out once: the acts of each sentence and
//! the mask of its characters (per analysis), and each term's match on the six kinds,
//! the analysis's names of actors and addressees, and the topics (per query) — so a
//! statement of a hundred thousand acts by the same authors compares the authors' name
//! once.

use crate::analysis::matcher::{Class, mask_of};
use crate::analysis::query::Term;
use crate::analysis::{Analysis, Commitment, CommitmentKind};
use crate::document::Statement;

use super::fields::hits;
use super::{Field, Hit, HitField, Query, small};

/// One term's match in one act: its class, score and highlights.
pub(super) type TermMatch = (Class, i64, Vec<Hit>);

/// How many sentences share one entry of [`Index::first_acts`]: a sentence's acts are
/// found by bisection among its block's, so the index keeps one number per block
/// rather than one per sentence of a statement of millions.
const BLOCK: usize = 16;

/// Built once per analysis.
pub(super) struct Index {
    /// Per block of [`BLOCK`] sentences (in reading order), and one past the last: the
    /// place, in the reading order of the acts, of the block's first act (or of the
    /// next block's, for a block without), so a block's acts lie up to the next's.
    first_acts: Vec<u32>,
    /// The acts in reading order, when the analysis does not list them so (empty when
    /// it does: always, but for a doctored cache).
    order: Vec<u32>,
    /// Per sentence (in reading order): the mask of its characters, so a term with a
    /// character the sentence lacks is not searched in it.
    sentence_masks: Vec<u32>,
}

impl Index {
    pub(super) fn new(statement: &Statement, analysis: &Analysis) -> Index {
        let count = statement.sentence_count();
        let ordinal = |act: &Commitment| statement.sentence_ordinal(act.sentence);
        let acts = &analysis.commitments;
        // An analysis lists its acts in reading order; only one read back from a doctored
        // cache would not, and it is searched through the order sorted here.
        let order: Vec<u32> = if acts.is_sorted_by_key(ordinal) {
            Vec::new()
        } else {
            let mut order: Vec<u32> = (0..acts.len()).map(small).collect();
            order.sort_by_key(|&i| ordinal(&acts[i as usize]));
            order
        };
        let act_at = |k: usize| act_in_order(&order, k);
        let mut first_acts = Vec::with_capacity(count.div_ceil(BLOCK) + 1);
        let mut k = 0;
        for block_start in (0..count).step_by(BLOCK) {
            while k < acts.len() && ordinal(&acts[act_at(k)]) < block_start {
                k += 1;
            }
            first_acts.push(small(k));
        }
        first_acts.push(small(acts.len()));
        // Sized ahead: collected from a flattened iterator it would grow by doubling, up
        // to twice the room, for a statement of a million one-line paragraphs.
        let mut sentence_masks = Vec::with_capacity(count);
        sentence_masks.extend(statement.sentences().map(|(_, text)| mask_of(text)));
        Index {
            sentence_masks,
            first_acts,
            order,
        }
    }

    /// The mask of sentence `ordinal`'s characters (all bits when unknown).
    pub(super) fn sentence_mask(&self, ordinal: usize) -> u32 {
        self.sentence_masks
            .get(ordinal)
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// The acts of sentence `ordinal` of `statement`, in reading order.
    pub(super) fn acts_of<'a>(
        &'a self,
        statement: &Statement,
        analysis: &Analysis,
        ordinal: usize,
    ) -> SentenceActs<'a> {
        let at = |b: usize| self.first_acts.get(b).map_or(0, |&k| k as usize);
        let block = ordinal / BLOCK;
        let (start, end) = (at(block), at(block + 1));
        let acts = &analysis.commitments;
        let sentence_of = |act: &Commitment| statement.sentence_ordinal(act.sentence);
        // The block's acts lie in reading order: those of `ordinal` are a run among them.
        let (first, last) = if self.order.is_empty() {
            let window = acts.get(start..end).unwrap_or_default();
            (
                window.partition_point(|act| sentence_of(act) < ordinal),
                window.partition_point(|act| sentence_of(act) <= ordinal),
            )
        } else {
            // An act the index does not know is past every sentence.
            let sentence_at = |&a: &u32| acts.get(a as usize).map_or(usize::MAX, sentence_of);
            let window = self.order.get(start..end).unwrap_or_default();
            (
                window.partition_point(|a| sentence_at(a) < ordinal),
                window.partition_point(|a| sentence_at(a) <= ordinal),
            )
        };
        SentenceActs {
            order: &self.order,
            places: start + first..start + last,
        }
    }
}

/// The act at place `k` of the reading order: the analysis's act `k` itself, unless
/// `order` (not empty) says which.
fn act_in_order(order: &[u32], k: usize) -> usize {
    order.get(k).map_or(k, |&a| a as usize)
}

/// The acts of one sentence, as indexes into the analysis's acts.
#[derive(Clone)]
pub(super) struct SentenceActs<'a> {
    order: &'a [u32],
    /// Places in the reading order.
    places: std::ops::Range<usize>,
}

impl Iterator for SentenceActs<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        self.places.next().map(|k| act_in_order(self.order, k))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.places.size_hint()
    }
}

impl ExactSizeIterator for SentenceActs<'_> {}

/// A term with its matches on everything that repeats across acts. The term is its
/// own copy, so a result can keep its readied query to highlight what it shows.
pub(super) struct Ready {
    pub term: Term,
    /// Per kind, in [`CommitmentKind::ALL`] order.
    pub kinds: Vec<Option<TermMatch>>,
    /// Per name of [`Analysis::names`], as an actor and as an addressee.
    pub actors: Vec<Option<TermMatch>>,
    pub addressees: Vec<Option<TermMatch>>,
    /// For a `topic:` term, how well it matches each topic of the lexicon.
    pub topics: Option<Vec<Option<Class>>>,
}

/// A query readied for one statement.
pub(super) struct Prepared {
    pub groups: Vec<Vec<Ready>>,
}

impl Prepared {
    pub(super) fn new(query: &Query, analysis: &Analysis) -> Self {
        let ready = |term: &Term| {
            let on = |fields: &[Field], values: &[&str], hit: HitField| -> Vec<Option<TermMatch>> {
                if !fields.contains(&term.field) {
                    return Vec::new();
                }
                values
                    .iter()
                    .map(|v| term.pattern.find(v, &[]).map(|f| hits(f, hit, 0)))
                    .collect()
            };
            let kinds: Vec<&str> = CommitmentKind::ALL.iter().map(|k| k.as_str()).collect();
            let names: Vec<&str> = analysis.names.iter().map(|n| &**n).collect();
            Ready {
                term: term.clone(),
                kinds: on(&[Field::Any, Field::Kind], &kinds, HitField::Kind),
                actors: on(&[Field::Any, Field::Actor], &names, HitField::Actor),
                addressees: on(&[Field::Any, Field::Addressee], &names, HitField::Addressee),
                topics: (term.field == Field::Topic).then(|| {
                    analysis
                        .topic_names
                        .iter()
                        .map(|name| term.pattern.find(name, &[]).map(|f| f.class))
                        .collect()
                }),
            }
        };
        let groups = query
            .groups
            .iter()
            .map(|group| group.iter().map(ready).collect())
            .collect();
        Prepared { groups }
    }

    pub(super) fn all_any(&self) -> bool {
        self.groups
            .iter()
            .flatten()
            .all(|r| r.term.field == Field::Any)
    }
}
