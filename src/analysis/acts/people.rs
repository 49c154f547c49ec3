//! People the text ties to the authors' parties: "President Joseph R. Biden of the
//! United States" makes a later "President Biden" the United States.

use std::sync::Arc;

use crate::analysis::text::Tokens;
use crate::document::Statement;

#[derive(Debug, Clone)]
pub(super) struct Party {
    pub(super) name: String,
    /// The name and its aliases, as lowercase words (shared with the party lexicon).
    pub(super) aliases: Arc<[Vec<String>]>,
}

/// Where `phrase` (lowercase words) occurs in tokens `start..end`.
pub(super) fn phrase_at_any(
    tokens: &Tokens,
    start: usize,
    end: usize,
    phrase: &[String],
) -> Option<usize> {
    (start..end).find(|&i| {
        i + phrase.len() <= end
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.word(i + k) == w)
    })
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

/// People the first paragraphs tie to an author party: "President Joseph R. Biden of
/// the United States", "Prime Minister Kishida Fumio of Japan", and the people of the
/// occasion line with their roles.
pub(super) fn people_of(statement: &Statement, parties: &[Party]) -> Vec<(String, usize)> {
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
        let named = parties.iter().position(|party| {
            party
                .aliases
                .iter()
                .any(|alias| phrase_at_any(&tokens, 0, tokens.len(), alias).is_some())
        });
        if let Some(p) = named {
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
                let party = parties.iter().position(|party| {
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
