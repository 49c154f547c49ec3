//! Who speaks: the authors and their parties, and what a clause's subject is.

use std::sync::Arc;

use super::lexicon::CueLexicon;
use crate::analysis::authors::Authors;
use crate::analysis::parties::PartyLexicon;
use crate::analysis::text::{Tokens, phrase_words};

/// Who speaks in a statement, and how to name them.
#[derive(Debug, Clone)]
pub struct Speakers {
    /// "Japan and NATO", as the statement itself phrases them.
    pub authors: Arc<str>,
    pub(super) parties: Vec<Party>,
}

#[derive(Debug, Clone)]
pub(super) struct Party {
    pub(super) name: String,
    /// The name and its aliases, as lowercase words (shared with the party lexicon).
    pub(super) aliases: Arc<[Vec<String>]>,
}

impl Speakers {
    pub fn of(authors: &Authors, lexicon: &PartyLexicon) -> Speakers {
        let parties = authors
            .parties
            .iter()
            .map(|name| {
                let aliases = match lexicon.find(name) {
                    Some(p) => lexicon.words_of(p),
                    None => vec![phrase_words(&name.to_lowercase())].into(),
                };
                Party {
                    name: name.clone(),
                    aliases,
                }
            })
            .collect();
        Speakers {
            authors: authors.display(),
            parties,
        }
    }

    /// The parties named in tokens `start..end`, compared word by word.
    pub(super) fn mentioned_in<'s>(
        &'s self,
        tokens: &'s Tokens,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &'s Party> + 's {
        self.parties.iter().filter(move |party| {
            party.aliases.iter().any(|alias| {
                (start..end).any(|i| {
                    i + alias.len() <= end
                        && alias
                            .iter()
                            .enumerate()
                            .all(|(k, w)| tokens.word(i + k) == w)
                })
            })
        })
    }
}

pub(super) fn is_common_capitalised(word: &str) -> bool {
    matches!(
        word,
        "We" | "The"
            | "This"
            | "These"
            | "In"
            | "For"
            | "It"
            | "Our"
            | "They"
            | "As"
            | "On"
            | "Today"
    )
}

/// Who the subject of a clause is, for deciding whether the act is the authors'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Subject {
    /// "we", "the two leaders", all parties together.
    Authors,
    /// One party alone: "Japan welcomes …".
    Party(String),
    /// An author body reported in the third person: "The members of the Council".
    Reported(String),
    /// Anyone else: "North Korea", "Maritime disputes", "it".
    Other(String),
}

impl Subject {
    pub(super) fn speaks_for_authors(&self) -> bool {
        !matches!(self, Subject::Other(_))
    }
}

fn strip_article(text: &str) -> &str {
    ["the ", "The ", "both ", "Both "]
        .iter()
        .find_map(|a| text.strip_prefix(a))
        .unwrap_or(text)
}

/// Classifies the subject in tokens `start..end`, comparing words, not strings.
pub(super) fn classify(
    tokens: &Tokens,
    start: usize,
    end: usize,
    speakers: &Speakers,
    lexicon: &CueLexicon,
) -> Subject {
    if end == start + 1 && (tokens.word(start) == "we" || tokens.original(start) == "I") {
        return Subject::Authors;
    }
    let phrase = tokens.span_text(start, end);
    let mut mentioned = speakers.mentioned_in(tokens, start, end);
    if let Some(first) = mentioned.next() {
        return if mentioned.next().is_some() || speakers.parties.len() == 1 {
            Subject::Authors
        } else {
            Subject::Party(first.name.clone())
        };
    }
    let of_at = (start..end).find(|&i| tokens.word(i) == "of");
    let ends_with = |stop: usize, words: &[String]| {
        stop >= start + words.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.word(stop - words.len() + k) == w)
    };
    for author in &lexicon.authors {
        // "the two leaders", "heads of state and government": the authors themselves.
        if ends_with(end, author) && (of_at.is_none() || author.iter().any(|w| w == "of")) {
            return Subject::Authors;
        }
        // "the members of the Council": an author body, named as the text names it.
        if of_at.is_some_and(|of| ends_with(of, author)) {
            return Subject::Reported(strip_article(phrase).to_string());
        }
    }
    Subject::Other(phrase.to_string())
}
