//! Who speaks: the authors and their parties, and what a clause's subject is.
//!
//! A subject speaks for the authors when it is "we", names all their parties ("Japan,
//! the ROK and the United States"), names people the text ties to them ("President
//! Biden and President Yoon"), or is a body that speaks for them ("the Leaders", "the
//! two sides", "the Chairperson" of a chair's communiqué). A subset of the parties acts
//! alone ("Japan welcomes …"). Only a subject whose head is someone can act: in "the
//! U.S. commitment … will strengthen" the head is "commitment", not the United States.

use std::sync::Arc;

use super::lexicon::CueLexicon;
use crate::analysis::authors::Authors;
use crate::analysis::parties::PartyLexicon;
use crate::analysis::text::{Tokens, phrase_words};
use crate::document::Statement;

/// Who speaks in a statement, and how to name them.
#[derive(Debug, Clone)]
pub struct Speakers {
    /// "Japan and NATO", as the statement itself phrases them.
    pub authors: Arc<str>,
    pub(super) parties: Vec<Party>,
    /// Names of people the text ties to a party ("biden" → the United States), lowercase.
    people: Vec<(String, usize)>,
    /// The head words of an office that speaks ("chairperson", "co-chairs").
    offices: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub(super) struct Party {
    pub(super) name: String,
    /// The name and its aliases, as lowercase words (shared with the party lexicon).
    pub(super) aliases: Arc<[Vec<String>]>,
}

/// Titles that stand before a person's name ("President Biden", "Prime Minister A").
const TITLES: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "emir",
    "sultan",
    "prince",
    "secretary",
    "governor",
    "taoiseach",
    "ambassador",
    "chairperson",
    "chair",
];

/// Nouns that name someone who can act.
#[rustfmt::skip]
const ACTORS: &[&str] = &[
    "leaders", "leader", "ministers", "minister", "heads", "presidents", "president", "chancellor",
    "chancellors", "premier", "premiers", "delegations", "delegation", "sides", "side", "countries",
    "country", "nations", "nation", "governments", "government", "states", "state", "members",
    "member", "partners", "allies", "co-chairs", "chairs", "chair", "chairperson", "chairman",
    "chairwoman", "secretariat", "council", "commission", "alliance", "union", "presidency",
    "parties", "party", "participants", "signatories", "ambassadors", "representatives",
    "representative", "secretary-general", "community", "authorities", "regime", "forces",
    "organisation", "organization", "group", "i", "we", "they", "it", "he", "she",
];

/// Determiners that make a body noun someone other than the authors ("all countries").
const OTHERS: &[&str] = &[
    "all", "other", "some", "many", "any", "several", "most", "no", "each", "every", "those",
];

impl Speakers {
    pub fn of(authors: &Authors, lexicon: &PartyLexicon, statement: &Statement) -> Speakers {
        let mut offices = Vec::new();
        let parties: Vec<Party> = authors
            .parties
            .iter()
            .map(|name| {
                let aliases = match lexicon.find(name) {
                    Some(p) => lexicon.words_of(p),
                    None => {
                        offices.extend(office_heads(name));
                        vec![phrase_words(&name.to_lowercase())].into()
                    }
                };
                Party {
                    name: name.clone(),
                    aliases,
                }
            })
            .collect();
        let mut speakers = Speakers {
            authors: authors.display(),
            parties,
            people: Vec::new(),
            offices,
        };
        speakers.people = people_of(statement, &speakers);
        speakers
    }

    /// The parties named in tokens `start..end`, compared word by word.
    pub(super) fn mentioned_in<'s>(
        &'s self,
        tokens: &'s Tokens,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &'s Party> + 's {
        self.parties.iter().filter(move |party| {
            party
                .aliases
                .iter()
                .any(|alias| phrase_at_any(tokens, start, end, alias).is_some())
        })
    }

    /// Indices of the parties named in `start..end`, by name or through their people.
    fn parties_in(&self, tokens: &Tokens, start: usize, end: usize) -> Vec<usize> {
        let mut found: Vec<usize> = (0..self.parties.len())
            .filter(|&p| {
                self.parties[p]
                    .aliases
                    .iter()
                    .any(|alias| phrase_at_any(tokens, start, end, alias).is_some())
            })
            .collect();
        for i in start..end {
            if !tokens.is_capitalised(i) {
                continue;
            }
            if let Some(&(_, p)) = self.people.iter().find(|(name, _)| tokens.word(i) == name)
                && !found.contains(&p)
            {
                found.push(p);
            }
        }
        found.sort_unstable();
        found
    }

    /// Whether token `at` is part of a party's name in `start..end`.
    fn names_party_at(&self, tokens: &Tokens, start: usize, end: usize, at: usize) -> bool {
        self.parties.iter().any(|party| {
            party.aliases.iter().any(|alias| {
                let from = (at + 1).saturating_sub(alias.len()).max(start);
                (from..=at).any(|i| {
                    i + alias.len() <= end
                        && alias
                            .iter()
                            .enumerate()
                            .all(|(k, w)| tokens.word(i + k) == w)
                })
            })
        })
    }

    fn is_person(&self, word: &str) -> bool {
        self.people.iter().any(|(name, _)| name == word)
    }
}

/// Where `phrase` (lowercase words) occurs in tokens `start..end`.
fn phrase_at_any(tokens: &Tokens, start: usize, end: usize, phrase: &[String]) -> Option<usize> {
    (start..end).find(|&i| {
        i + phrase.len() <= end
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.word(i + k) == w)
    })
}

/// An office's head words: "Chairperson of the AU Commission" → "chairperson";
/// "OAS General Secretariat" → "general secretariat", "secretariat".
fn office_heads(name: &str) -> Vec<Vec<String>> {
    let lower = name.to_lowercase();
    let head = lower.split(" of ").next().unwrap_or(&lower);
    let words = phrase_words(head);
    let mut out = Vec::new();
    if let Some(last) = words.last()
        && ACTORS.contains(&last.as_str())
    {
        if words.len() >= 2 {
            out.push(words[words.len() - 2..].to_vec());
        }
        out.push(vec![last.clone()]);
    }
    out
}

/// People the first paragraphs tie to an author party: "President Joseph R. Biden of
/// the United States", "Prime Minister Kishida Fumio of Japan", and the people of the
/// occasion line with their roles.
fn people_of(statement: &Statement, speakers: &Speakers) -> Vec<(String, usize)> {
    let mut people = Vec::new();
    let mut add = |name: &str, party: usize| {
        for word in name.split_whitespace() {
            let word = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if word.chars().count() >= 3
                && word.chars().all(char::is_alphabetic)
                && !TITLES.contains(&word.as_str())
                && !people.iter().any(|(n, _)| n == &word)
            {
                people.push((word, party));
            }
        }
    };
    for person in &statement.metadata.people {
        let role = person.role.as_deref().unwrap_or("");
        let tokens = Tokens::new(role);
        if let Some(&p) = speakers.parties_in(&tokens, 0, tokens.len()).first() {
            add(&person.name, p);
        }
    }
    for paragraph in statement.paragraphs.iter().take(3) {
        let tokens = Tokens::new(&paragraph.text);
        let n = tokens.len();
        let mut i = 0;
        while i < n {
            if !TITLES.contains(&tokens.word(i)) || !tokens.is_capitalised(i) {
                i += 1;
                continue;
            }
            // Title, capitalised name words (initials and ", Jr." allowed), "of", the party.
            let mut k = i + 1;
            while k < n
                && (tokens.is_capitalised(k)
                    || tokens.punct(k) == Some('.')
                    || (tokens.punct(k) == Some(',') && matches!(tokens.word(k + 1), "jr" | "sr")))
            {
                k += 1;
            }
            if k > i + 1 && tokens.word(k) == "of" {
                let after = if tokens.word(k + 1) == "the" {
                    k + 2
                } else {
                    k + 1
                };
                let party = speakers.parties.iter().position(|party| {
                    party.aliases.iter().any(|alias| {
                        after + alias.len() <= n
                            && alias
                                .iter()
                                .enumerate()
                                .all(|(m, w)| tokens.word(after + m) == w)
                    })
                });
                if let Some(p) = party {
                    add(tokens.span_text(i + 1, k), p);
                }
            }
            i = k.max(i + 1);
        }
    }
    people
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
    /// Some of the parties alone: "Japan welcomes …", "President Biden and Prime Minister
    /// Kishida express …" (the actor, named canonically).
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

/// Words that end the core of a noun phrase ("the leaders of …", "the commitment to …").
fn ends_core(tokens: &Tokens, i: usize) -> bool {
    matches!(
        tokens.word(i),
        "of" | "to" | "for" | "with" | "in" | "on" | "at" | "from" | "that" | "which" | "who"
    ) || matches!(tokens.punct(i), Some(',' | '(' | ';' | ':'))
}

/// Classifies the subject in tokens `start..end`, comparing words, not strings.
pub(super) fn classify(
    tokens: &Tokens,
    start: usize,
    end: usize,
    speakers: &Speakers,
    lexicon: &CueLexicon,
) -> Subject {
    if end == start + 1
        && (matches!(tokens.word(start), "we" | "us") || tokens.original(start) == "I")
    {
        return Subject::Authors;
    }
    let phrase = tokens.span_text(start, end);
    // The head: the last word of the phrase's core, before "of", "to", a comma …
    let core_end = (start + 1..end)
        .find(|&i| ends_core(tokens, i))
        .unwrap_or(end);
    let head = (start..core_end)
        .rev()
        .find(|&i| tokens.tokens[i].is_word());
    let Some(head) = head else {
        return Subject::Other(phrase.to_string());
    };
    let head_word = tokens.word(head);
    let parties = speakers.parties_in(tokens, start, end);
    let head_is_party = speakers.names_party_at(tokens, start, end, head);
    let head_is_person = tokens.is_capitalised(head) && speakers.is_person(head_word);
    let head_is_actor = ACTORS.contains(&head_word) || head_is_party || head_is_person;
    let others = OTHERS.contains(&tokens.word(start));
    if !parties.is_empty() && head_is_actor && !others {
        if parties.len() == speakers.parties.len() {
            return Subject::Authors;
        }
        let names: Vec<&str> = parties
            .iter()
            .map(|&p| speakers.parties[p].name.as_str())
            .collect();
        return Subject::Party(join_names(&names));
    }
    if others {
        return Subject::Other(phrase.to_string());
    }
    let of_at = (start..end).find(|&i| tokens.word(i) == "of");
    let ends_with = |stop: usize, words: &[String]| {
        stop >= start + words.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.word(stop - words.len() + k) == w)
    };
    for office in &speakers.offices {
        if ends_with(core_end, office) {
            return Subject::Authors;
        }
    }
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

/// "A", "A and B", "A, B and C".
pub(super) fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
