//! The phrases that identify header lines and page furniture (`assets/header.json`).
//!
//! Loaded once per process. Phrases are compared lowercased with the whole line (its
//! bullet and final punctuation removed), or with its start for the lists that say so.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;
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

/// The compiled lists.
#[derive(Debug)]
pub struct HeaderLexicon {
    /// Genre words as word lists ("joint statement" → ["joint", "statement"]).
    genre: Vec<Vec<String>>,
    labels: HashSet<String>,
    furniture: HashSet<String>,
    tail: HashSet<String>,
    notices: Vec<String>,
    delivery: HashSet<String>,
    occasion_starts: Vec<String>,
    release_notes: Vec<String>,
    /// Longest first, so "last updated" is tried before "updated".
    pub last_updated: Vec<String>,
    pub published: Vec<String>,
    pub issued: Vec<String>,
    from: HashSet<String>,
    languages: HashSet<String>,
}

fn lower_all(list: Vec<String>) -> Vec<String> {
    list.into_iter().map(|s| s.to_lowercase()).collect()
}

fn longest_first(list: Vec<String>) -> Vec<String> {
    let mut list = lower_all(list);
    list.sort_by_key(|s| std::cmp::Reverse(s.len()));
    list
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
            genre: file
                .genre
                .iter()
                .map(|g| {
                    g.to_lowercase()
                        .split_whitespace()
                        .map(String::from)
                        .collect()
                })
                .collect(),
            labels: set(file.labels),
            furniture: set(file.furniture),
            tail: set(file.tail),
            notices: lower_all(file.notices),
            delivery: set(file.delivery),
            occasion_starts: lower_all(file.occasion_starts),
            release_notes: lower_all(file.release_notes),
            last_updated: longest_first(file.last_updated),
            published: longest_first(file.published),
            issued: longest_first(file.issued),
            from: set(file.from),
            languages: set(file.languages),
        }
    }

    /// Whether the line names a genre ("… Joint Statement", "Resolution 361 (1974)").
    pub fn has_genre(&self, words: &[String]) -> bool {
        self.genre_at(words).is_some()
    }

    /// The word index where the first genre phrase starts.
    pub fn genre_at(&self, words: &[String]) -> Option<usize> {
        (0..words.len()).find(|&i| {
            self.genre.iter().any(|g| {
                words.len() >= i + g.len() && g.iter().enumerate().all(|(k, w)| &words[i + k] == w)
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
        self.notices.iter().any(|n| lower.starts_with(n.as_str())) || lower.contains("(photo")
    }

    pub fn opens_occasion(&self, lower: &str) -> bool {
        self.occasion_starts.iter().any(|s| {
            lower.starts_with(s.as_str())
                && !lower[s.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
    }

    pub fn is_release_note(&self, lower: &str) -> bool {
        self.release_notes
            .iter()
            .any(|s| lower.starts_with(s.as_str()))
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
        assert!(lexicon.last_updated[0].len() >= lexicon.last_updated[1].len());
    }
}
