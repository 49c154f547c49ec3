//! The phrases that identify header lines and page furniture (`assets/header.json`).
//!
//! Loaded once per process. Phrases are compared lowercased with the whole line (its
//! bullet and final punctuation removed), or with its start for the lists that say so.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

pub const EMBEDDED_HEADER: &str = include_str!("../../../assets/header.json");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderFile {
    #[allow(dead_code)]
    comment: String,
    genre: Vec<String>,
    labels: Vec<String>,
    furniture: Vec<String>,
    tail: Vec<String>,
    notices: Vec<String>,
    delivery: Vec<String>,
    occasion_starts: Vec<String>,
    release_notes: Vec<String>,
    last_updated: Vec<String>,
    published: Vec<String>,
    issued: Vec<String>,
    from: Vec<String>,
    languages: Vec<String>,
}

/// Phrases indexed by their first word, so a line is compared only with the phrases
/// that can start it.
#[derive(Debug, Default)]
pub struct PrefixSet {
    by_first: HashMap<String, Vec<String>>,
}

impl PrefixSet {
    fn new(list: Vec<String>) -> PrefixSet {
        let mut by_first: HashMap<String, Vec<String>> = HashMap::default();
        for phrase in lower_all(list) {
            let first = first_word(&phrase).to_string();
            by_first.entry(first).or_default().push(phrase);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        PrefixSet { by_first }
    }

    /// The longest phrase `lower` starts with.
    pub fn prefix_of<'p>(&'p self, lower: &str) -> Option<&'p str> {
        self.by_first
            .get(first_word(lower))
            .into_iter()
            .flatten()
            .find(|p| lower.starts_with(p.as_str()))
            .map(String::as_str)
    }

    /// Whether `key` is one of the phrases exactly.
    pub fn contains(&self, key: &str) -> bool {
        self.by_first
            .get(first_word(key))
            .is_some_and(|list| list.iter().any(|p| p == key))
    }
}

/// The first word, up to a space or the punctuation phrases end their first word with.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ';'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The compiled lists.
#[derive(Debug)]
pub struct HeaderLexicon {
    /// Genre words as word lists ("joint statement" → ["joint", "statement"]), by
    /// their first word.
    genre: HashMap<String, Vec<Vec<String>>>,
    labels: HashSet<String>,
    furniture: HashSet<String>,
    tail: HashSet<String>,
    notices: PrefixSet,
    delivery: HashSet<String>,
    occasion_starts: PrefixSet,
    release_notes: PrefixSet,
    /// Labels of the page's dates: "last updated" is tried before "last".
    pub last_updated: PrefixSet,
    pub published: PrefixSet,
    pub issued: PrefixSet,
    from: HashSet<String>,
    languages: HashSet<String>,
}

fn lower_all(list: Vec<String>) -> Vec<String> {
    list.into_iter().map(|s| s.to_lowercase()).collect()
}

impl HeaderLexicon {
    pub fn embedded() -> &'static HeaderLexicon {
        static LEXICON: OnceLock<HeaderLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let file: HeaderFile =
                serde_json::from_str(EMBEDDED_HEADER).expect("assets/header.json is valid");
            HeaderLexicon::compile(file)
        })
    }

    fn compile(file: HeaderFile) -> HeaderLexicon {
        let set = |list: Vec<String>| lower_all(list).into_iter().collect::<HashSet<_>>();
        HeaderLexicon {
            genre: {
                let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
                for g in &file.genre {
                    let words: Vec<String> = g
                        .to_lowercase()
                        .split_whitespace()
                        .map(String::from)
                        .collect();
                    if let Some(first) = words.first() {
                        by_first.entry(first.clone()).or_default().push(words);
                    }
                }
                by_first
            },
            labels: set(file.labels),
            furniture: set(file.furniture),
            tail: set(file.tail),
            notices: PrefixSet::new(file.notices),
            delivery: set(file.delivery),
            occasion_starts: PrefixSet::new(file.occasion_starts),
            release_notes: PrefixSet::new(file.release_notes),
            last_updated: PrefixSet::new(file.last_updated),
            published: PrefixSet::new(file.published),
            issued: PrefixSet::new(file.issued),
            from: set(file.from),
            languages: set(file.languages),
        }
    }

    /// Whether the line names a genre ("… Joint Statement", "Resolution 361 (1974)").
    pub fn has_genre<W: AsRef<str>>(&self, words: &[W]) -> bool {
        self.genre_at(words).is_some()
    }

    /// The word index where the first genre phrase starts.
    pub fn genre_at<W: AsRef<str>>(&self, words: &[W]) -> Option<usize> {
        (0..words.len()).find(|&i| {
            self.genre.get(words[i].as_ref()).is_some_and(|phrases| {
                phrases.iter().any(|g| {
                    words.len() >= i + g.len()
                        && g.iter()
                            .enumerate()
                            .all(|(k, w)| words[i + k].as_ref() == w)
                })
            })
        })
    }

    /// A line made only of genre words: a section label ("Press release") when a
    /// fuller title follows it.
    pub fn is_label(&self, key: &str) -> bool {
        self.labels.contains(key)
    }

    pub fn is_furniture(&self, key: &str) -> bool {
        self.furniture.contains(key)
    }

    pub fn is_tail(&self, key: &str) -> bool {
        self.tail.contains(key)
    }

    pub fn is_delivery(&self, key: &str) -> bool {
        self.delivery
            .contains(key.trim_matches(['(', ')', '[', ']']))
    }

    pub fn is_notice(&self, lower: &str) -> bool {
        self.notices.prefix_of(lower).is_some() || lower.contains("(photo")
    }

    pub fn opens_occasion(&self, lower: &str) -> bool {
        self.occasion_starts
            .by_first
            .get(first_word(lower))
            .into_iter()
            .flatten()
            .any(|s| {
                lower.starts_with(s.as_str())
                    && !lower[s.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
    }

    pub fn is_release_note(&self, lower: &str) -> bool {
        self.release_notes.prefix_of(lower).is_some()
    }

    pub fn is_from_label(&self, key: &str) -> bool {
        self.from.contains(key)
    }

    pub fn is_language(&self, word: &str) -> bool {
        self.languages.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads() {
        let lexicon = HeaderLexicon::embedded();
        let words = |s: &str| -> Vec<String> { s.split_whitespace().map(String::from).collect() };
        assert!(lexicon.has_genre(&words("riga summit declaration")));
        assert_eq!(lexicon.genre_at(&words("the joint statement")), Some(1));
        assert!(!lexicon.has_genre(&words("inaugural ministerial consultations")));
        assert!(lexicon.is_label("press release"));
        assert!(lexicon.opens_occasion("issued on the occasion of the meeting"));
        assert!(!lexicon.opens_occasion("by theory"));
        assert!(lexicon.is_language("français"));
        assert_eq!(
            lexicon.last_updated.prefix_of("last updated: 3 may"),
            Some("last updated")
        );
        assert_eq!(
            lexicon.last_updated.prefix_of("updated 3 may"),
            Some("updated")
        );
    }
}
