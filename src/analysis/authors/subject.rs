//! Authors named by the text itself: a formula ("We, the …", "The Security Council,")
//! or the subject of the first sentence.

use super::{Found, parties_in};
use crate::analysis::parties::PartyLexicon;
use crate::document::Statement;
use crate::document::header::is_subject_line;

/// How many paragraphs from the top a formula is looked for in.
const FORMULA_PARAGRAPHS: usize = 8;

/// Verbs a statement's first sentence has its authors do; the subject stands before
/// the first of them.
const FIRST_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "reaffirm",
    "reaffirms",
    "reaffirmed",
    "affirm",
    "affirms",
    "affirmed",
    "agree",
    "agrees",
    "agreed",
    "held",
    "hold",
    "holds",
    "consider",
    "considers",
    "considered",
    "are",
    "is",
    "were",
    "was",
    "have",
    "has",
    "will",
    "welcome",
    "welcomes",
    "welcomed",
    "express",
    "expresses",
    "expressed",
    "condemn",
    "condemns",
    "condemned",
    "commit",
    "commits",
    "committed",
    "decide",
    "decides",
    "decided",
    "issue",
    "issued",
    "adopt",
    "adopted",
    "recognize",
    "recognized",
    "recognise",
    "recognised",
    "note",
    "noted",
    "underline",
    "underlined",
    "stress",
    "stressed",
    "reiterate",
    "reiterated",
    "share",
    "shared",
    "remain",
    "remained",
    "stand",
    "stood",
    "call",
    "called",
    "urge",
    "urged",
    "support",
    "supported",
    "declare",
    "declared",
    "confirm",
    "confirmed",
    "pledge",
    "pledged",
    "resolve",
    "resolved",
    "intend",
    "intended",
    "gathered",
    "convened",
    "discussed",
    "concluded",
    "reviewed",
    "exchanged",
    "emphasize",
    "emphasized",
    "emphasise",
    "emphasised",
    "thanked",
    "announced",
    "launched",
    "signed",
    "released",
    "came",
    "opened",
    "began",
    "took",
    "started",
    "ended",
    "closed",
];

/// Words that, leading the subject, make it an event rather than someone acting.
const EVENTS: &[&str] = &[
    "meeting",
    "summit",
    "conference",
    "session",
    "visit",
    "talks",
    "consultations",
    "dialogue",
    "forum",
    "statement",
    "declaration",
    "communiqué",
    "communique",
    "text",
    "release",
    "event",
    "ceremony",
    "round",
];

/// Leading words of an adverbial opening ("Today, …", "In today's meeting, …").
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "today",
    "following",
    "after",
    "as",
    "with",
    "building",
    "since",
    "for",
    "by",
    "through",
    "upon",
    "ahead",
    "before",
    "this",
    "yesterday",
    "recalling",
    "meeting",
];

/// Parentheticals that name people beside the subject: "under the leadership of …".
const ASIDES: &[&str] = &[
    "under the leadership of",
    "led by",
    "represented by",
    "in the presence of",
    "accompanied by",
    "with the participation of",
    "chaired by",
    "hosted by",
];

/// "We, the Heads of State and Government of …", "The Security Council,".
pub fn formula(statement: &Statement, lexicon: &PartyLexicon) -> Found {
    for p in statement.paragraphs.iter().take(FORMULA_PARAGRAPHS) {
        let text = &*p.text;
        if is_subject_line(text) {
            let body = text.trim_end_matches(',');
            let body = body
                .strip_prefix("The ")
                .or_else(|| body.strip_prefix("THE "))
                .unwrap_or(body);
            return named_body(body, lexicon);
        }
        if let Some(found) = we_the(text, lexicon).or_else(|| adopted_by(text, lexicon)) {
            return found;
        }
    }
    Found::default()
}

/// "We, the leaders of Canada and the European Union (EU), met …".
fn we_the(text: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let at = ["We, the ", "we, the "]
        .iter()
        .find_map(|m| text.find(m).map(|a| a + m.len()))?;
    let rest = &text[at..];
    let mut depth = 0i32;
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth <= 0 && matches!(c, ',' | ':' | ';')
        })
        .map_or(rest.len(), |(i, _)| i);
    // "… of Ruritania, Freedonia and Utopia, meet": a list of names goes on past commas.
    let mut end = end;
    while rest[end..].starts_with(", ") {
        let next = &rest[end + 2..];
        let chunk_end = next.find([',', ':', ';']).unwrap_or(next.len());
        let chunk = &next[..chunk_end];
        let names = chunk.split_whitespace().count() <= 6
            && chunk
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "the" | "of"));
        if !names || chunk.is_empty() {
            break;
        }
        end += 2 + chunk_end;
    }
    let phrase = &rest[..end];
    let found = parties_in(phrase, lexicon);
    if !found.is_empty() {
        return Some(found);
    }
    // Parties communique does not know, named after "of": "the ministers of A and B".
    let of = phrase.rfind(" of ")?;
    let names: Vec<String> = phrase[of + 4..]
        .split(", ")
        .map(|n| n.strip_prefix("and ").unwrap_or(n))
        .flat_map(|p| p.split(" and "))
        .map(|n| n.trim().trim_start_matches("the ").trim())
        .filter(|n| {
            n.split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
                && !n.is_empty()
        })
        .map(str::to_string)
        .collect();
    (!names.is_empty()).then_some(Found {
        parties: names,
        ..Found::default()
    })
}

/// "The Council of the Union adopted the following decision:", "On 3 May the Peace and
/// Security Council adopted the following communiqué:".
fn adopted_by(text: &str, lexicon: &PartyLexicon) -> Option<Found> {
    let at = text.find(" adopted the following")?;
    let mut subject = text[..at]
        .trim_end_matches(" has")
        .trim_end_matches(" have");
    // "The Council, at its 999th meeting held on …, adopted": the aside goes.
    if subject.starts_with("The ")
        && let Some(comma) = subject.find(", ")
    {
        subject = &subject[..comma];
    }
    if !subject.starts_with("The ")
        && let Some(the) = subject.find(", the ").or_else(|| subject.find(" the "))
    {
        subject = &subject[the..];
    }
    let subject = subject
        .trim_start_matches([',', ' '])
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    if subject.is_empty() || subject.split_whitespace().count() > 12 {
        return None;
    }
    Some(named_body(subject, lexicon))
}

/// A body named as the speaker ("Security Council", "Council of the European Union"):
/// its party, canonically when the lexicon knows it, and the name it was given.
fn named_body(body: &str, lexicon: &PartyLexicon) -> Found {
    let mut found = match lexicon.canonical(body) {
        Some(party) => parties_in(&lexicon.parties[party].name, lexicon),
        None => Found {
            parties: vec![body.to_string()],
            ..Found::default()
        },
    };
    found.named_as = Some(body.to_string());
    found
}

/// The parties the first sentence's subject names, when it names someone acting.
pub fn first_sentence(statement: &Statement, lexicon: &PartyLexicon) -> Found {
    let first = statement
        .sentences()
        .map(|(_, s)| s)
        .find(|s| s.split_whitespace().count() >= 4);
    let Some(sentence) = first else {
        return Found::default();
    };
    let Some(subject) = subject_of(sentence) else {
        return Found::default();
    };
    parties_in(&subject, lexicon)
}

/// The subject of a sentence: the words before its first verb, without an adverbial
/// opening or an aside naming people; `None` when it is an event, not an actor.
fn subject_of(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let verb = words.iter().position(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        FIRST_VERBS.contains(&w.as_str())
    })?;
    let mut subject = words[..verb].join(" ");
    for aside in ASIDES {
        if let Some(at) = subject.to_lowercase().find(aside) {
            subject.truncate(at);
        }
    }
    let mut chunks: Vec<&str> = subject.split(", ").collect();
    while chunks.len() > 1 {
        let first = chunks[0].to_lowercase();
        let opener = first
            .split_whitespace()
            .next()
            .is_some_and(|w| OPENERS.contains(&w));
        let locative = first.contains(" at the ") || first.contains(" in ");
        let bare = first.split_whitespace().count() <= 2 && !first.starts_with("the ");
        if opener || (locative && !first.starts_with("the ")) || bare {
            chunks.remove(0);
        } else {
            break;
        }
    }
    let subject = chunks.join(", ").trim_end_matches([',', ' ']).to_string();
    let head_part = subject.split(" of ").next().unwrap_or(&subject);
    let head = head_part
        .split_whitespace()
        .last()?
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (!EVENTS.contains(&head.as_str())).then_some(subject)
}

/// The order the statement itself names two parties in ("Japan and NATO"), if it does.
pub fn pair_as_written(statement: &Statement, a: &str, b: &str) -> Option<String> {
    let orders: Vec<(String, [String; 2])> = [(a, b), (b, a)]
        .iter()
        .map(|(first, second)| {
            (
                format!("{first} and {second}"),
                [
                    format!("{first} and {second}"),
                    format!("{first} and the {second}"),
                ],
            )
        })
        .collect();
    statement.paragraphs.iter().find_map(|p| {
        orders
            .iter()
            .find(|(_, forms)| forms.iter().any(|f| p.text.contains(f.as_str())))
            .map(|(phrase, _)| phrase.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_of_first_sentences() {
        assert_eq!(
            subject_of("Today, the President of Ruritania and the Chancellor of Freedonia affirm their commitment.").as_deref(),
            Some("the President of Ruritania and the Chancellor of Freedonia")
        );
        assert_eq!(
            subject_of("On the occasion of the Summit in Capital City, the United States and the African Union, under the leadership of President A. Example, affirm our commitment.").as_deref(),
            Some("the United States and the African Union")
        );
        assert_eq!(
            subject_of(
                "The G7 Foreign Ministers' Meeting of the seven countries held in a town came to a close."
            ),
            None,
            "a meeting is not an actor"
        );
        assert_eq!(subject_of("Thank you very much, Madam President."), None);
    }
}
