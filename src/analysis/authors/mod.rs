//! Who "we" is: the statement's authors, from the strongest evidence the text gives.
//!
//! In order: an explicit formula ("We, the Heads of State and Government of …", a
//! resolution's "The Security Council,"), the title ("U.S.–Japan Joint Leaders'
//! Statement", "Statement by the Co-Chairs of …"), the occasion line or byline ("meeting
//! between X and Y", "in her capacity as Chair of the G7 …"), the subject of the first
//! sentence ("Japan and NATO are …", "The leaders of A, B and C met …"). Parties are
//! named canonically from `assets/parties.json`; a party the lexicon does not know
//! keeps the name the text gives it, but only from these structured places — never
//! from any "X and Y" phrase of the body. When no evidence holds, the authors are
//! unknown, and say so.

mod subject;
mod title;

use std::sync::Arc;

use super::parties::{PartyKind, PartyLexicon};
use crate::document::{Statement, TitleSource};

/// Where the authors were read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Evidence {
    Formula,
    Title,
    Occasion,
    FirstSentence,
    /// Nothing in the text says who speaks.
    None,
}

impl Evidence {
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            Evidence::Formula => Some("formula"),
            Evidence::Title => Some("title"),
            Evidence::Occasion => Some("occasion"),
            Evidence::FirstSentence => Some("first_sentence"),
            Evidence::None => None,
        }
    }
}

/// The authors of a statement.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Authors {
    /// Canonical names ("United States", "NATO"), or the text's own name for a party
    /// the lexicon does not know ("Co-Chairs of the OSCE Minsk Group").
    pub parties: Vec<String>,
    /// How to name them together ("Japan and NATO", "G7"); `None` when unknown.
    pub phrase: Option<Arc<str>>,
    pub evidence: Evidence,
    /// A group they form, when the text names it or all of its members ("G7").
    pub group: Option<String>,
    /// The body or office the text names as speaking ("Council of the European Union",
    /// "Chairperson of the Regional Commission"), whose head ("the Council") then
    /// speaks for the authors in the body.
    pub named_as: Option<String>,
}

/// Shown where the authors are unknown.
pub const UNKNOWN_AUTHORS: &str = "the authors";

impl Authors {
    /// The phrase, or "the authors" when unknown.
    pub fn display(&self) -> Arc<str> {
        self.phrase
            .clone()
            .unwrap_or_else(|| UNKNOWN_AUTHORS.into())
    }
}

/// Parties read from one piece of evidence: canonical names or the text's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub parties: Vec<String>,
    pub group: Option<String>,
    /// The phrase that named them, when it is a body or office.
    pub named_as: Option<String>,
}

impl Found {
    fn is_empty(&self) -> bool {
        self.parties.is_empty()
    }
}

/// The parties a phrase names, canonically; a group named with its members (or alone)
/// stands for its members.
pub fn parties_in(phrase: &str, lexicon: &PartyLexicon) -> Found {
    let named = lexicon.named(phrase);
    let mut found = Found::default();
    let groups: Vec<usize> = named
        .iter()
        .copied()
        .filter(|&p| lexicon.parties[p].kind == PartyKind::Group)
        .collect();
    for &p in &named {
        let party = &lexicon.parties[p];
        if party.kind == PartyKind::Group {
            continue;
        }
        push_unique(&mut found.parties, &party.name);
    }
    if let Some(&g) = groups.first() {
        let group = &lexicon.parties[g];
        found.group = Some(group.name.clone());
        if found.parties.is_empty() {
            if group.members.is_empty() {
                found.parties.push(group.name.clone());
            } else {
                found.parties = group.members.clone();
            }
        }
    }
    found
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// Reads the authors of `statement`.
pub fn of(statement: &Statement, lexicon: &PartyLexicon) -> Authors {
    let title = (statement.metadata.title_source != TitleSource::FileName)
        .then_some(statement.metadata.title.as_str());
    let attempts: [(Evidence, Box<dyn Fn() -> Found>); 4] = [
        (
            Evidence::Formula,
            Box::new(|| subject::formula(statement, lexicon)),
        ),
        (
            Evidence::Title,
            Box::new(move || {
                title
                    .map(|t| title::parties(t, lexicon))
                    .unwrap_or_default()
            }),
        ),
        (
            Evidence::Occasion,
            Box::new(|| occasion(statement, lexicon)),
        ),
        (
            Evidence::FirstSentence,
            Box::new(|| subject::first_sentence(statement, lexicon)),
        ),
    ];
    for (evidence, attempt) in attempts {
        let found = attempt();
        if !found.is_empty() {
            let phrase = phrase(statement, &found, lexicon);
            return Authors {
                parties: found.parties,
                phrase: Some(phrase.into()),
                evidence,
                group: found.group,
                named_as: found.named_as,
            };
        }
    }
    Authors {
        parties: Vec::new(),
        phrase: None,
        evidence: Evidence::None,
        group: None,
        named_as: None,
    }
}

/// The occasion line: "in her capacity as Chair of the G7 …", "by the Security Council
/// President", or the parties its list names (and a byline's).
fn occasion(statement: &Statement, lexicon: &PartyLexicon) -> Found {
    let meta = &statement.metadata;
    if let Some(occasion) = &meta.occasion {
        if let Some(found) = title::chair_of(occasion, lexicon) {
            return found;
        }
        if meta.parties.is_empty()
            && let Some(found) = title::speaker_after_by(occasion, lexicon)
        {
            return found;
        }
    }
    // A list of people ("between A, Prime Minister of X, and B …") names parties the
    // lexicon may not know; any other occasion names those the lexicon knows.
    let listed = meta.occasion.as_deref().is_some_and(|o| {
        let o = o.to_lowercase();
        [" between ", "visit of ", "visit by "]
            .iter()
            .any(|k| o.contains(k))
    });
    if !listed && let Some(occasion) = &meta.occasion {
        let found = parties_in(occasion, lexicon);
        if !found.is_empty() {
            return found;
        }
    }
    let mut found = Found::default();
    for name in &meta.parties {
        let canonical = lexicon.canonical(name).map(|p| &lexicon.parties[p]);
        match canonical {
            Some(party) if party.kind == PartyKind::Group && !party.members.is_empty() => {
                found.group = Some(party.name.clone());
                for m in &party.members {
                    push_unique(&mut found.parties, m);
                }
            }
            Some(party) => push_unique(&mut found.parties, &party.name),
            None => {
                let inner = parties_in(name, lexicon);
                if inner.is_empty() {
                    if listed {
                        push_unique(&mut found.parties, name);
                    }
                } else {
                    inner
                        .parties
                        .iter()
                        .for_each(|p| push_unique(&mut found.parties, p));
                }
            }
        }
    }
    found
}

/// How the statement names its authors together: a group's name when it names one,
/// its own "Japan and NATO" for a pair, else the parties joined.
fn phrase(statement: &Statement, found: &Found, lexicon: &PartyLexicon) -> String {
    if let Some(group) = &found.group {
        let members = lexicon
            .find(group)
            .map(|g| &lexicon.parties[g].members)
            .filter(|m| !m.is_empty());
        if members.is_none_or(|m| m.iter().all(|p| found.parties.contains(p))) {
            return group.clone();
        }
    }
    match found.parties.as_slice() {
        [] => UNKNOWN_AUTHORS.to_string(),
        [one] => one.clone(),
        [a, b] => {
            subject::pair_as_written(statement, a, b).unwrap_or_else(|| format!("{a} and {b}"))
        }
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;
