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
use super::people::{Party, people_of, phrase_at_any};
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
    /// The head words of an office that speaks ("chairperson", "co-chairs"), and the
    /// names of the group the authors form ("g7", "g7 members"): the authors themselves.
    offices: Vec<Vec<String>>,
}

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
        if let Some(named) = &authors.named_as {
            offices.extend(office_heads(named));
        }
        if let Some(group) = authors.group.as_deref().and_then(|g| lexicon.find(g)) {
            offices.extend(lexicon.words_of(group).iter().cloned());
        }
        let mut speakers = Speakers {
            authors: authors.display(),
            parties,
            people: Vec::new(),
            offices,
        };
        speakers.people = people_of(statement, &speakers.parties);
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
    pub(super) fn parties_in(&self, tokens: &Tokens, start: usize, end: usize) -> Vec<usize> {
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
        "of" | "to"
            | "for"
            | "with"
            | "in"
            | "on"
            | "at"
            | "from"
            | "that"
            | "which"
            | "who"
            | "by"
            | "against"
            | "between"
            | "among"
            | "under"
            | "over"
            | "into"
            | "toward"
            | "towards"
            | "about"
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
    // The head: the last word of the phrase's core, before "of", "to", a comma … — of
    // its first item, or of the item after its last "and" ("D.C., the United States and
    // the African Union").
    let head_of = |from: usize| {
        let core_end = (from + 1..end)
            .find(|&i| ends_core(tokens, i))
            .unwrap_or(end);
        (from..core_end)
            .rev()
            .find(|&i| tokens.tokens[i].is_word())
            .map(|head| (head, core_end))
    };
    let Some((head, core_end)) = head_of(start) else {
        return Subject::Other(phrase.to_string());
    };
    let last_item = (start..end)
        .rev()
        .find(|&i| tokens.word(i) == "and")
        .and_then(|a| head_of(a + 1));
    let is_actor = |head: usize| {
        ACTORS.contains(&tokens.word(head))
            || speakers.names_party_at(tokens, start, end, head)
            || (tokens.is_capitalised(head) && speakers.is_person(tokens.word(head)))
    };
    let head_is_actor = is_actor(head) || last_item.is_some_and(|(h, _)| is_actor(h));
    let parties = speakers.parties_in(tokens, start, end);
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
        if ends_with(core_end, office)
            || (office.len() > 1 && phrase_at_any(tokens, start, core_end, office).is_some())
        {
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
