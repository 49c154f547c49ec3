//! Authors named in a title or an occasion line.
//!
//! Titles name their authors in two ways: after the genre ("Statement by the Co-Chairs
//! of …", "Joint Statement of the Leaders of …") or as the names the statement is
//! about the relation of ("Canada–EU Summit Joint Statement", "Japan UK Joint
//! Statement", "… on US – Japan – Republic of Korea Trilateral Partnership"). A party
//! named in the title's topic ("Joint Statement on Ukraine") is not an author.

use super::{Found, parties_in};
use crate::analysis::parties::{Mention, PartyKind, PartyLexicon};
use crate::document::header::HeaderLexicon;

/// Words that make a phrase an office ("the Chairperson of the AU Commission"): the
/// office speaks, under its own name.
const OFFICES: &[&str] = &[
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "co-chair",
    "co-chairs",
    "co-chairmen",
    "presidency",
    "secretariat",
    "secretary-general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "commissioner",
    "director-general",
    "envoy",
    "representative",
    "coordinator",
    "ombudsman",
    "rapporteur",
    "bureau",
    "troika",
];

/// Words that make a phrase people speaking for parties ("the Leaders of A and B").
const SPEAKERS: &[&str] = &[
    "leaders",
    "leader",
    "heads",
    "ministers",
    "minister",
    "presidents",
    "president",
    "governments",
    "government",
    "members",
    "delegations",
    "representatives",
    "chancellor",
    "chancellors",
    "premier",
    "premiers",
    "monarchs",
    "kings",
    "king",
];

/// Where a title's topic begins: parties after these are what it is about.
const TOPIC_STARTS: &[&str] = &[
    " on ",
    " regarding ",
    " concerning ",
    " about ",
    " in support of ",
    " against ",
    " to ",
    " following ",
    " after ",
    " in response to ",
];

/// Words a statement's relation goes by, after the names of its parties.
const RELATIONS: &[&str] = &[
    "partnership",
    "relationship",
    "relations",
    "alliance",
    "cooperation",
    "co-operation",
    "dialogue",
    "summit",
    "consultations",
    "ministerial",
    "meeting",
    "trilateral",
    "bilateral",
    "strategic",
    "joint",
    "commission",
    "council",
    "forum",
    "framework",
    "leaders",
    "leaders'",
    "foreign",
    "defence",
    "defense",
    "2+2",
    "economic",
    "declaration",
    "statement",
    "agreement",
    "talks",
    "vision",
    "roadmap",
    "action",
    "plan",
    "initiative",
    "compact",
    "treaty",
];

/// The authors a title names, or nothing when it names none for sure.
pub fn parties(title: &str, lexicon: &PartyLexicon) -> Found {
    if let Some(found) = speaker_after_genre(title, lexicon) {
        return found;
    }
    named_relation(title, lexicon).unwrap_or_default()
}

/// "… by the X", "… of the X", "… from the X" after a genre word.
fn speaker_after_genre(title: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let header = HeaderLexicon::embedded();
    let lower = title.to_lowercase();
    for marker in [
        " by the ",
        " by ",
        " from the ",
        " from ",
        " of the ",
        " of ",
    ] {
        let Some(at) = lower.find(marker) else {
            continue;
        };
        let before: Vec<String> = crate::document::header::words(&title[..at]);
        if !header.has_genre(&before) {
            continue;
        }
        if let Some(found) = speaker(&title[at + marker.len()..], lexicon) {
            return Some(found);
        }
    }
    None
}

/// The speaker a phrase names, cut at its topic: an office, a body, or people of parties.
fn speaker(phrase: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let cut = TOPIC_STARTS
        .iter()
        .chain(&[" in ", " at ", " for ", ", ", ": ", " – ", " - "])
        .filter_map(|t| phrase.find(t))
        .min()
        .unwrap_or(phrase.len());
    let phrase = phrase[..cut].trim().trim_end_matches(['.', ',']);
    let phrase = phrase.strip_prefix("the ").unwrap_or(phrase);
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let last = words.last()?;
    if let Some(p) = lexicon.canonical(phrase) {
        let mut found = parties_in(&lexicon.parties[p].name, lexicon);
        found.named_as = Some(phrase.to_string());
        return Some(found);
    }
    // "Security Council President": a council's rotating presidency speaks for it.
    if matches!(last.as_str(), "president" | "presidency") && words.len() >= 2 {
        let body = phrase[..phrase.len() - last.len()].trim();
        if let Some(p) = lexicon.canonical(body) {
            let mut found = parties_in(&lexicon.parties[p].name, lexicon);
            found.named_as = Some(body.to_string());
            return Some(found);
        }
    }
    let capitalised = phrase
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(char::is_uppercase));
    // The head noun: the last word before "of" ("Regional Secretariat of ASEAN").
    let head = phrase
        .split(" of ")
        .next()
        .and_then(|h| h.split_whitespace().last())
        .unwrap_or("")
        .to_lowercase();
    if OFFICES.contains(&head.as_str()) && capitalised {
        return Some(Found {
            parties: vec![phrase.to_string()],
            named_as: Some(phrase.to_string()),
            ..Found::default()
        });
    }
    let people = words.iter().any(|w| SPEAKERS.contains(&w.as_str()));
    let found = parties_in(phrase, lexicon);
    (people && !found.is_empty()).then_some(found)
}

/// "in her capacity as Chair of the G7 Foreign Ministers' Meeting" → the G7.
pub fn chair_of(text: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let lower = text.to_lowercase();
    let at = lower.find("capacity as")?;
    let rest = &text[at + "capacity as".len()..];
    let rest_lower = rest.to_lowercase();
    let of = rest_lower.find(" of ")?;
    let found = parties_in(&rest[of + 4..], lexicon);
    (!found.is_empty()).then_some(found)
}

/// "… press statement by the Security Council President, A. Example (Ruritania):".
pub fn speaker_after_by(text: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let lower = text.to_lowercase();
    let at = lower
        .find(" by the ")
        .map(|a| a + 8)
        .or_else(|| lower.find(" by ").map(|a| a + 4))?;
    speaker(&text[at..], lexicon)
}

/// Parties named as the relation the title is about: joined names ("Canada-European
/// Union", "US – Japan – Republic of Korea") before a relation word, or any party
/// named before the title's topic begins.
fn named_relation(title: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let mentions: Vec<Mention> = lexicon
        .mentions(title)
        .into_iter()
        .filter(|m| {
            lexicon.parties[m.party].kind != PartyKind::Organisation || !is_topic_body(title, m)
        })
        .collect();
    if mentions.is_empty() {
        return None;
    }
    let lower = title.to_lowercase();
    let topic = TOPIC_STARTS
        .iter()
        .filter_map(|t| lower.find(t))
        .min()
        .unwrap_or(title.len());
    let mut names = Vec::new();
    let mut k = 0;
    while k < mentions.len() {
        let mut end = k;
        while end + 1 < mentions.len() && joined(&title[mentions[end].end..mentions[end + 1].start])
        {
            end += 1;
        }
        let run = &mentions[k..=end];
        if half_named(title, run) {
            return None;
        }
        let before_topic = run[0].start < topic;
        let relation = run.len() >= 2 && followed_by_relation(&title[run[run.len() - 1].end..]);
        if before_topic || relation {
            names.extend(run.iter().map(|m| lexicon.parties[m.party].name.clone()));
        }
        k = end + 1;
    }
    let found = parties_in(&names.join(", "), lexicon);
    (!found.is_empty()).then_some(found)
}

/// Only separators between two names: "-", " – ", "/", " and ", ", ", " ".
fn joined(between: &str) -> bool {
    let t = between.trim();
    t.is_empty() || matches!(t, "-" | "–" | "—" | "/" | "&" | "and" | "," | ", and")
}

/// A run of names joined to a capitalised word that is not a party ("U.S.-Africa"): the
/// title names its parties, but not all of them in words communique knows.
fn half_named(title: &str, run: &[Mention]) -> bool {
    // A dotted name's final period ("U.S.-Africa") is not a separator.
    let after = title[run[run.len() - 1].end..].trim_start_matches('.');
    let before = &title[..run[0].start];
    let joined_word_after = after
        .strip_prefix(['-', '–', '/'])
        .is_some_and(|rest| rest.starts_with(char::is_uppercase));
    let joined_word_before = before
        .strip_suffix(['-', '–', '/'])
        .is_some_and(|rest| rest.ends_with(char::is_alphabetic));
    joined_word_after || joined_word_before
}

fn followed_by_relation(after: &str) -> bool {
    after.split_whitespace().take(3).any(|w| {
        RELATIONS.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '\'')
                .to_lowercase()
                .as_str(),
        )
    })
}

/// An organisation named as part of a topic ("… decisions of ECOWAS regarding …").
fn is_topic_body(title: &str, m: &Mention) -> bool {
    let before = title[..m.start].to_lowercase();
    before.ends_with("the ") && TOPIC_STARTS.iter().any(|t| before.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(title: &str) -> Vec<String> {
        parties(title, PartyLexicon::embedded()).parties
    }

    #[test]
    fn speakers_after_the_genre() {
        assert_eq!(
            read("Press Release by the Co-Chairs of the Minsk Conference"),
            ["Co-Chairs of the Minsk Conference"]
        );
        assert_eq!(
            read("Statement from the Regional Secretariat of ASEAN on the crisis"),
            ["Regional Secretariat of ASEAN"]
        );
        assert_eq!(
            read("Press Statement by Security Council President on the attacks"),
            ["UN Security Council"]
        );
        assert_eq!(
            read("Joint Statement of the Leaders of the Five Nuclear-Weapon States on Arms Races"),
            [
                "China",
                "France",
                "Russia",
                "United Kingdom",
                "United States"
            ]
        );
        assert_eq!(read("Declaration of Principles"), Vec::<String>::new());
    }

    #[test]
    fn relations_and_topics() {
        assert_eq!(
            read("Canada-European Union Summit 2023 – Joint Statement"),
            ["Canada", "European Union"]
        );
        assert_eq!(
            read("JAPAN UK JOINT STATEMENT: A Framework for the Future"),
            ["Japan", "United Kingdom"]
        );
        assert_eq!(
            read(
                "Statement on US – Japan – Republic of Korea Trilateral Partnership for the Region"
            ),
            ["United States", "Japan", "Republic of Korea"]
        );
        assert_eq!(read("Joint Statement on Ukraine"), Vec::<String>::new());
        assert_eq!(
            read("Vision Statement for the U.S.-Africa Partnership"),
            Vec::<String>::new(),
            "half named"
        );
        assert_eq!(read("Washington Declaration"), Vec::<String>::new());
        assert_eq!(
            read("Chair's Summary: Second G20 Foreign Ministers' Meeting"),
            ["G20"]
        );
    }
}
