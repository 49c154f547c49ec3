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

/// Built once per analysis.
pub(super) struct Index {
    /// Per sentence (in reading order): a range into `acts`.
    sentence_acts: Vec<(u32, u32)>,
    acts: Vec<u32>,
    /// Per sentence (in reading order): the mask of its characters, so a term with a
    /// character the sentence lacks is not searched in it.
    sentence_masks: Vec<u64>,
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
}

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
