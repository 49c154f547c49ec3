//! The cue lexicon: which words signal which kind of act.
//!
//! Loaded from `assets/cues.json` (embedded) and optionally merged with a user lexicon
//! (`--cues FILE`). Patterns are compiled into word forms — every word also matches its
//! inflections — and indexed by the forms of their first word, so finding cues in a
//! sentence costs one hash lookup per word.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use serde::Deserialize;

use super::inflection::forms;
use super::model::CommitmentKind;
use crate::analysis::text::{PhraseSet, Tokens, phrase_words};

pub const EMBEDDED_CUES: &str = include_str!("../../../../assets/cues.json");

/// Who may be the subject of a cue for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    #[default]
    Authors,
    Any,
}

/// Where a demand's addressee is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddresseeRule {
    #[default]
    None,
    /// After the cue: "urge North Korea to", "demand that Russia …".
    Object,
    /// The clause subject: "North Korea must".
    Subject,
}

/// What becomes of an `object` cue whose addressee is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Otherwise {
    Keep,
    Drop,
    Kind(CommitmentKind),
}

impl<'de> Deserialize<'de> for Otherwise {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text == "drop" {
            return Ok(Otherwise::Drop);
        }
        CommitmentKind::parse(&text)
            .map(Otherwise::Kind)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown kind `{text}` (expected a kind or \"drop\")"
                ))
            })
    }
}

/// One cue as written in the lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueSpec {
    pub pattern: String,
    pub kind: CommitmentKind,
    #[serde(default)]
    pub speaker: Speaker,
    #[serde(default)]
    pub authors_kind: Option<CommitmentKind>,
    #[serde(default)]
    pub addressee: AddresseeRule,
    #[serde(default)]
    pub otherwise: Option<Otherwise>,
    /// "It is essential that …", "There can be no …": with "it" or "there" as its
    /// subject the cue is a normative addressed to no one.
    #[serde(default)]
    pub impersonal: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntensityLists {
    #[serde(default)]
    marked: Vec<String>,
    #[serde(default)]
    maximal: Vec<String>,
}

/// The file format; every field optional so a user lexicon can add just a few cues.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    #[serde(default)]
    #[allow(dead_code)]
    comment: Option<String>,
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    fillers: Vec<String>,
    #[serde(default)]
    intensity: IntensityLists,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    cues: Vec<CueSpec>,
}

/// A malformed cue lexicon, located for the person who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for LexiconError {}

impl From<serde_json::Error> for LexiconError {
    fn from(err: serde_json::Error) -> Self {
        let text = err.to_string();
        // serde_json appends " at line L column C"; we report those separately.
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_string(),
            None => text,
        };
        LexiconError {
            line: err.line(),
            column: err.column(),
            message,
        }
    }
}

/// A compiled cue.
#[derive(Debug, Clone)]
pub struct Cue {
    pub spec: CueSpec,
    /// Per pattern word: the vocabulary ids of every form that matches it.
    words: Vec<Vec<WordId>>,
}

/// A word of the lexicon's vocabulary. Each token is looked up once per sentence, so
/// matching compares integers, not strings.
pub type WordId = u32;
const NOT_IN_VOCABULARY: WordId = WordId::MAX;
/// A stray mark of scanning noise, skipped between a pattern's words.
const OCR_NOISE: WordId = WordId::MAX - 1;

/// A multi-word phrase, as lowercase tokens.
pub type Phrase = Vec<String>;

#[derive(Debug, Clone)]
pub struct CueLexicon {
    pub cues: Vec<Cue>,
    vocabulary: HashMap<String, WordId>,
    /// One-word cues by the vocabulary id of a form of their word.
    single: Vec<Vec<usize>>,
    /// Longer cues by the ids of forms of their first two words: a user lexicon of
    /// 20,000 cues starting with "we" tries, at a "we", only those whose second word
    /// follows.
    pairs: HashMap<(WordId, WordId), Vec<usize>>,
    /// By vocabulary id: may the word stand inside a cue ("express our serious concern")?
    gap_words: Vec<bool>,
    /// The fillers' ids (adjectives, possessives, articles).
    fillers: HashSet<WordId>,
    pub adverbs: PhraseSet,
    pub marked: PhraseSet,
    pub maximal: PhraseSet,
    /// Marked and maximal together: manner phrases that belong to the cue.
    pub manner: PhraseSet,
    pub authors: Vec<Phrase>,
}

/// A cue found in a sentence: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    pub cue: usize,
    pub first: usize,
    pub last: usize,
}

const MAX_GAP: usize = 3;

fn phrases(list: &[String]) -> Vec<Phrase> {
    list.iter()
        .map(|p| phrase_words(p))
        .filter(|p| !p.is_empty())
        .collect()
}

impl CueLexicon {
    /// The embedded lexicon (checked by tests; failing here is a build defect).
    pub fn embedded() -> CueLexicon {
        CueLexicon::from_json(EMBEDDED_CUES).expect("assets/cues.json is valid")
    }

    pub fn from_json(json: &str) -> Result<CueLexicon, LexiconError> {
        let file: CueFile = serde_json::from_str(json)?;
        CueLexicon::compile(file)
    }

    /// The embedded lexicon with a user lexicon merged over it.
    pub fn embedded_with(user_json: &str) -> Result<CueLexicon, LexiconError> {
        let mut base: CueFile = serde_json::from_str(EMBEDDED_CUES).map_err(LexiconError::from)?;
        let user: CueFile = serde_json::from_str(user_json)?;
        base.adverbs.extend(user.adverbs);
        base.fillers.extend(user.fillers);
        base.authors.extend(user.authors);
        base.intensity.marked.extend(user.intensity.marked);
        base.intensity.maximal.extend(user.intensity.maximal);
        // A user cue replaces the embedded one of the same pattern; found by a map, so
        // merging tens of thousands of cues stays linear.
        let mut at: HashMap<String, usize> = base
            .cues
            .iter()
            .enumerate()
            .map(|(i, c)| (c.pattern.clone(), i))
            .collect();
        for cue in user.cues {
            match at.get(&cue.pattern) {
                Some(&i) => base.cues[i] = cue,
                None => {
                    at.insert(cue.pattern.clone(), base.cues.len());
                    base.cues.push(cue);
                }
            }
        }
        CueLexicon::compile(base)
    }

    fn compile(file: CueFile) -> Result<CueLexicon, LexiconError> {
        let mut vocabulary: HashMap<String, WordId> = HashMap::default();
        let mut id_of = |word: String| -> WordId {
            let next = WordId::try_from(vocabulary.len()).unwrap_or(OCR_NOISE - 1);
            *vocabulary.entry(word).or_insert(next)
        };
        let mut cues = Vec::with_capacity(file.cues.len());
        for spec in file.cues {
            let words: Vec<Vec<WordId>> = spec
                .pattern
                .split_whitespace()
                .map(|word| {
                    word.split('|')
                        .flat_map(|alt| forms(&alt.to_lowercase()))
                        .map(&mut id_of)
                        .collect()
                })
                .collect();
            if words.is_empty() {
                return Err(LexiconError {
                    line: 0,
                    column: 0,
                    message: "a cue has an empty pattern".into(),
                });
            }
            cues.push(Cue { spec, words });
        }
        let adverbs = PhraseSet::new(&file.adverbs);
        let fillers: HashSet<String> = file.fillers.iter().map(|w| w.to_lowercase()).collect();
        let single_adverbs: Vec<String> = adverbs
            .phrases()
            .iter()
            .filter(|p| p.len() == 1)
            .map(|p| p[0].clone())
            .collect();
        let filler_ids: HashSet<WordId> = fillers.iter().cloned().map(&mut id_of).collect();
        let gap_ids: Vec<WordId> = filler_ids
            .iter()
            .copied()
            .chain(single_adverbs.into_iter().map(&mut id_of))
            .collect();
        let mut single = vec![Vec::new(); vocabulary.len()];
        let mut pairs: HashMap<(WordId, WordId), Vec<usize>> = HashMap::default();
        for (index, cue) in cues.iter().enumerate() {
            // Indices grow, so a repeat is the last one: no scan of the list.
            let add = |list: &mut Vec<usize>| {
                if list.last() != Some(&index) {
                    list.push(index);
                }
            };
            match cue.words.get(1) {
                None => {
                    for &first in &cue.words[0] {
                        add(&mut single[first as usize]);
                    }
                }
                Some(second) => {
                    for &first in &cue.words[0] {
                        for &next in second {
                            add(pairs.entry((first, next)).or_default());
                        }
                    }
                }
            }
        }
        let mut gap_words = vec![false; vocabulary.len()];
        for id in gap_ids {
            gap_words[id as usize] = true;
        }
        let manner: Vec<String> = file
            .intensity
            .marked
            .iter()
            .chain(&file.intensity.maximal)
            .cloned()
            .collect();
        Ok(CueLexicon {
            cues,
            vocabulary,
            single,
            pairs,
            gap_words,
            fillers: filler_ids,
            adverbs,
            marked: PhraseSet::new(&file.intensity.marked),
            maximal: PhraseSet::new(&file.intensity.maximal),
            manner: PhraseSet::new(&manner),
            authors: phrases(&file.authors),
        })
    }

    /// Whether a word is a filler: an adjective, possessive or article that may stand
    /// inside a cue ("express our serious concern").
    pub fn is_filler(&self, word: &str) -> bool {
        self.vocabulary
            .get(word)
            .is_some_and(|&id| self.fillers.contains(&id))
    }

    pub fn is_adverb(&self, word: &str) -> bool {
        self.adverbs.contains_word(word)
    }

    /// The vocabulary id of every token (punctuation and unknown words get none);
    /// computed once per paragraph and shared by its sentences.
    pub fn word_ids(&self, tokens: &Tokens) -> Vec<WordId> {
        (0..tokens.len())
            .map(|i| match tokens.punct(i) {
                // A stray mark in a scanned text ("Calls _ upon") stands between words.
                Some('_' | '~') => OCR_NOISE,
                Some(_) => NOT_IN_VOCABULARY,
                None => self
                    .vocabulary
                    .get(tokens.word(i))
                    .copied()
                    .unwrap_or(NOT_IN_VOCABULARY),
            })
            .collect()
    }

    /// Cues in tokens `from..to` (given their [`word_ids`](Self::word_ids)), leftmost
    /// first; where two overlap the longer wins.
    pub fn find(&self, ids: &[WordId], from: usize, to: usize) -> Vec<CueMatch> {
        let ids = &ids[from..to];
        let mut found = Vec::new();
        let mut i = 0;
        while i < ids.len() {
            let best = self
                .candidates(ids, i)
                .filter_map(|c| self.match_at(ids, c, i))
                .max_by_key(|m| (m.last, usize::MAX - m.cue));
            match best {
                Some(m) => {
                    i = m.last + 1;
                    found.push(CueMatch {
                        cue: m.cue,
                        first: from + m.first,
                        last: from + m.last,
                    });
                }
                None => i += 1,
            }
        }
        found
    }

    /// The cues that may match at `at`: the one-word cues of its word, and the longer
    /// ones whose second word is one of those a match could reach (the next word, or
    /// one past gap words, as [`Self::match_at`] skips them).
    /// A cue may come twice (a gap word repeated); the caller's choice of the best
    /// match does not depend on order or repeats, so nothing is collected or sorted.
    fn candidates<'s>(&'s self, ids: &'s [WordId], at: usize) -> impl Iterator<Item = usize> + 's {
        let first = ids[at];
        let rest = &ids[at + 1..];
        let gaps = rest
            .iter()
            .take(MAX_GAP)
            .take_while(|&&id| self.is_gap(id))
            .count();
        let reach = &rest[..(gaps + 1).min(rest.len())];
        let single = self.single.get(first as usize).into_iter().flatten();
        let pairs = reach
            .iter()
            .filter_map(move |&next| self.pairs.get(&(first, next)))
            .flatten();
        single.chain(pairs).copied()
    }

    fn is_gap(&self, id: WordId) -> bool {
        id == OCR_NOISE || self.gap_words.get(id as usize).copied().unwrap_or(false)
    }

    /// Matches cue `cue` at `at` in a sentence's word ids (positions relative to it).
    fn match_at(&self, ids: &[WordId], cue: usize, at: usize) -> Option<CueMatch> {
        let words = &self.cues[cue].words;
        let mut i = at;
        for (k, forms) in words.iter().enumerate() {
            if k > 0 {
                i += 1;
                let mut gap = 0;
                while i < ids.len()
                    && gap < MAX_GAP
                    && !forms.contains(&ids[i])
                    && self.is_gap(ids[i])
                {
                    i += 1;
                    gap += 1;
                }
            }
            if !forms.contains(ids.get(i)?) {
                return None;
            }
        }
        Some(CueMatch {
            cue,
            first: at,
            last: i,
        })
    }
}

#[cfg(test)]
mod tests;
