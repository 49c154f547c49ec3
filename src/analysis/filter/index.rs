//! What a search reads again and again, worked out once: the acts of each sentence and
//! the distinct actors and addressees (per analysis), and each term's match on the six
//! kinds, those actors and addressees, and the topics (per query) — so a statement of
//! a hundred thousand acts by the same authors compares the authors' name once.

use rustc_hash::FxHashMap as HashMap;

use crate::analysis::matcher::{Class, mask_of};
use crate::analysis::query::Term;
use crate::analysis::{Analysis, Commitment, CommitmentKind};
use crate::document::Statement;

use super::fields::hits;
use super::{Field, Hit, HitField, Query, small};

/// One term's match in one act: its class, score and highlights.
pub(super) type TermMatch = (Class, i64, Vec<Hit>);

const NONE: u32 = u32::MAX;

/// Built once per analysis.
pub(super) struct Index {
    /// Per sentence (in reading order): a range into `acts`.
    sentence_acts: Vec<(u32, u32)>,
    acts: Vec<u32>,
    actors: Vec<String>,
    act_actor: Vec<u32>,
    addressees: Vec<String>,
    act_addressee: Vec<u32>,
    /// Per sentence (in reading order): the mask of its characters, so a term with a
    /// character the sentence lacks is not searched in it.
    sentence_masks: Vec<u64>,
}

/// Distinct values, and the index of each item's value among them.
fn distinct<'a>(values: impl Iterator<Item = Option<&'a str>>) -> (Vec<String>, Vec<u32>) {
    let mut seen: HashMap<&str, u32> = HashMap::default();
    let mut list = Vec::new();
    let of = values
        .map(|value| match value {
            Some(v) => *seen.entry(v).or_insert_with(|| {
                list.push(v.to_string());
                small(list.len() - 1)
            }),
            None => NONE,
        })
        .collect();
    (list, of)
}

impl Index {
    pub(super) fn new(statement: &Statement, analysis: &Analysis) -> Index {
        let count = statement
            .paragraphs
            .last()
            .map_or(0, |p| p.first_sentence + p.sentences.len());
        let ordinal = |act: &Commitment| {
            statement.paragraphs[act.sentence.paragraph()].first_sentence + act.sentence.index()
        };
        let mut acts: Vec<u32> = (0..analysis.commitments.len()).map(small).collect();
        acts.sort_by_key(|&i| ordinal(&analysis.commitments[i as usize]));
        let mut sentence_acts = vec![(0u32, 0u32); count];
        let mut k = 0;
        for (s, range) in sentence_acts.iter_mut().enumerate() {
            let start = k;
            while k < acts.len() && ordinal(&analysis.commitments[acts[k] as usize]) == s {
                k += 1;
            }
            *range = (small(start), small(k));
        }
        let (actors, act_actor) = distinct(analysis.commitments.iter().map(|a| Some(&*a.actor)));
        let (addressees, act_addressee) =
            distinct(analysis.commitments.iter().map(|a| a.addressee.as_deref()));
        let sentence_masks = statement
            .paragraphs
            .iter()
            .flat_map(|p| {
                p.sentences
                    .iter()
                    .map(|s| p.text.get(s.range()).map_or(u64::MAX, mask_of))
            })
            .collect();
        Index {
            sentence_masks,
            sentence_acts,
            acts,
            actors,
            act_actor,
            addressees,
            act_addressee,
        }
    }

    /// The mask of sentence `ordinal`'s characters (all bits when unknown).
    pub(super) fn sentence_mask(&self, ordinal: usize) -> u64 {
        self.sentence_masks
            .get(ordinal)
            .copied()
            .unwrap_or(u64::MAX)
    }

    pub(super) fn acts_of(&self, ordinal: usize) -> &[u32] {
        let (s, e) = self.sentence_acts.get(ordinal).copied().unwrap_or((0, 0));
        &self.acts[s as usize..e as usize]
    }

    pub(super) fn actor_of(&self, act: usize) -> usize {
        self.act_actor.get(act).map_or(usize::MAX, |&a| a as usize)
    }

    pub(super) fn addressee_of(&self, act: usize) -> Option<usize> {
        self.act_addressee
            .get(act)
            .filter(|&&a| a != NONE)
            .map(|&a| a as usize)
    }
}

/// A term with its matches on everything that repeats across acts. The term is its
/// own copy, so a result can keep its readied query to highlight what it shows.
pub(super) struct Ready {
    pub term: Term,
    /// Per kind, in [`CommitmentKind::ALL`] order.
    pub kinds: Vec<Option<TermMatch>>,
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
    pub(super) fn new(query: &Query, analysis: &Analysis, index: &Index) -> Self {
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
            let actors: Vec<&str> = index.actors.iter().map(String::as_str).collect();
            let addressees: Vec<&str> = index.addressees.iter().map(String::as_str).collect();
            Ready {
                term: term.clone(),
                kinds: on(&[Field::Any, Field::Kind], &kinds, HitField::Kind),
                actors: on(&[Field::Any, Field::Actor], &actors, HitField::Actor),
                addressees: on(
                    &[Field::Any, Field::Addressee],
                    &addressees,
                    HitField::Addressee,
                ),
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
