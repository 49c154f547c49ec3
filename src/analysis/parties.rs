//! The parties statements are issued by (`assets/parties.json`), and finding them in text.
//!
//! Every alias maps to one canonical name ("United States of America", "U.S." and
//! "US" are the United States). Names are compared as words, case-sensitively so that
//! "US" is not "us" — except that a word in capitals matches a name in any case
//! ("JAPAN UK JOINT STATEMENT"). The longest name wins where names overlap, and a
//! name that merely contains a party's ("South China Sea") is not that party.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

pub const EMBEDDED_PARTIES: &str = include_str!("../../assets/parties.json");

#[derive(Debug, Deserialize)]
struct Entry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    self_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PartyFile {
    #[allow(dead_code)]
    comment: String,
    states: Vec<Entry>,
    organisations: Vec<Entry>,
    groups: Vec<Entry>,
    not_parties: Vec<String>,
}

/// What kind of party a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyKind {
    State,
    Organisation,
    Group,
}

#[derive(Debug, Clone)]
pub struct Party {
    pub name: String,
    /// The other names it goes by.
    pub aliases: Vec<String>,
    /// What its own texts call it and its members ("Allies", "the Council").
    pub self_names: Vec<String>,
    pub kind: PartyKind,
    /// For groups: their members' canonical names.
    pub members: Vec<String>,
}

/// A party named in a text: which, and the byte range of the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub party: usize,
    pub start: usize,
    pub end: usize,
}

/// An alias as words, and its party (`None` for a name that is not a party).
type Alias = (Vec<String>, Option<usize>);

#[derive(Debug)]
pub struct PartyLexicon {
    pub parties: Vec<Party>,
    /// By first word: every alias starting with it, longest first.
    by_first: HashMap<String, Vec<Alias>>,
    /// By canonical name.
    index: HashMap<String, usize>,
    /// By party: [`PartyLexicon::words_of`].
    words: Vec<std::sync::Arc<[Vec<String>]>>,
}

/// Words of a name or text with their byte ranges: letters and digits, with "'" and
/// "." inside a word kept ("People's", "U.S"), apostrophes folded.
pub fn name_words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '\'' | '’' | '.')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((fold(&text[s..i]), s, i));
        }
    }
    if let Some(s) = start {
        out.push((fold(&text[s..]), s, text.len()));
    }
    out
}

fn fold(word: &str) -> String {
    word.replace('’', "'")
}

fn is_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

impl PartyLexicon {
    pub fn embedded() -> &'static PartyLexicon {
        static LEXICON: OnceLock<PartyLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let file: PartyFile =
                serde_json::from_str(EMBEDDED_PARTIES).expect("assets/parties.json is valid");
            PartyLexicon::compile(file)
        })
    }

    fn compile(file: PartyFile) -> PartyLexicon {
        let mut parties = Vec::new();
        let mut by_first: HashMap<String, Vec<Alias>> = HashMap::default();
        let mut add = |alias: &str, party: Option<usize>| {
            let words: Vec<String> = name_words(alias).into_iter().map(|(w, _, _)| w).collect();
            if let Some(first) = words.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((words, party));
            }
        };
        for (entries, kind) in [
            (file.states, PartyKind::State),
            (file.organisations, PartyKind::Organisation),
            (file.groups, PartyKind::Group),
        ] {
            for entry in entries {
                let index = parties.len();
                add(&entry.name, Some(index));
                for alias in &entry.aliases {
                    add(alias, Some(index));
                }
                parties.push(Party {
                    name: entry.name,
                    aliases: entry.aliases,
                    self_names: entry.self_names,
                    kind,
                    members: entry.members,
                });
            }
        }
        for name in &file.not_parties {
            add(name, None);
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        let index = parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.clone(), i))
            .collect();
        let words = parties
            .iter()
            .map(|p| {
                std::iter::once(&p.name)
                    .chain(&p.aliases)
                    .chain(&p.self_names)
                    .map(|a| crate::analysis::text::phrase_words(&a.to_lowercase()))
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .into()
            })
            .collect();
        PartyLexicon {
            parties,
            by_first,
            index,
            words,
        }
    }

    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// A party's name, aliases and self-names as lowercase word lists, for comparing
    /// with tokenised text.
    pub fn words_of(&self, party: usize) -> std::sync::Arc<[Vec<String>]> {
        std::sync::Arc::clone(&self.words[party])
    }

    /// The party a whole name is ("the U.S." → United States), if it is one.
    pub fn canonical(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        let mentions = self.mentions(name);
        match mentions.as_slice() {
            [m] if m.start == 0 && name[m.end..].trim_matches(['.', ' ']).is_empty() => {
                Some(m.party)
            }
            _ => None,
        }
    }

    /// Every party named in `text`, in order, longest names first where they overlap.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let words = name_words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let candidates = self.by_first.get(&words[i].0).into_iter().flatten().chain(
                is_caps(&words[i].0)
                    .then(|| self.caps_candidates(&words[i].0))
                    .into_iter()
                    .flatten(),
            );
            let found = candidates
                .filter(|(alias, _)| {
                    i + alias.len() <= words.len()
                        && alias.iter().enumerate().all(|(k, w)| {
                            let t = &words[i + k].0;
                            t == w || (is_caps(t) && t.to_uppercase() == w.to_uppercase())
                        })
                })
                .max_by_key(|(alias, _)| alias.len());
            match found {
                Some((alias, party)) => {
                    if let Some(party) = *party {
                        out.push(Mention {
                            party,
                            start: words[i].1,
                            end: words[i + alias.len() - 1].2,
                        });
                    }
                    i += alias.len();
                }
                None => i += 1,
            }
        }
        out
    }

    /// Aliases whose first word, in capitals, is `word` ("JAPAN" → Japan).
    fn caps_candidates(&self, word: &str) -> impl Iterator<Item = &Alias> {
        let mut title = String::new();
        for (k, c) in word.chars().enumerate() {
            if k == 0 {
                title.push(c);
            } else {
                title.extend(c.to_lowercase());
            }
        }
        self.by_first.get(&title).into_iter().flatten()
    }

    /// The distinct parties named in `text`, in the order first named.
    pub fn named(&self, text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for m in self.mentions(text) {
            if !out.contains(&m.party) {
                out.push(m.party);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let lexicon = PartyLexicon::embedded();
        lexicon
            .named(text)
            .into_iter()
            .map(|p| lexicon.parties[p].name.clone())
            .collect()
    }

    #[test]
    fn aliases_map_to_one_name() {
        assert_eq!(
            names(
                "the United States of America, the U.S. and the US, with the People’s Republic of China"
            ),
            ["United States", "China"]
        );
        assert_eq!(names("let us meet"), Vec::<String>::new());
        assert_eq!(
            names("North Korea and the Republic of Korea (ROK)"),
            ["North Korea", "Republic of Korea"]
        );
        assert_eq!(
            names("JAPAN UK JOINT STATEMENT"),
            ["Japan", "United Kingdom"]
        );
        assert_eq!(names("U.S.-Africa Partnership"), ["United States"]);
    }

    #[test]
    fn names_containing_a_party_are_not_it() {
        assert_eq!(
            names("tensions in the South China Sea and Latin America"),
            Vec::<String>::new()
        );
        assert_eq!(names("Nigeria and Niger"), ["Nigeria", "Niger"]);
    }

    #[test]
    fn canonical_names_and_groups() {
        let lexicon = PartyLexicon::embedded();
        let g7 = lexicon.canonical("the G7").unwrap();
        assert_eq!(lexicon.parties[g7].kind, PartyKind::Group);
        assert!(lexicon.parties[g7].members.contains(&"Japan".to_string()));
        assert_eq!(
            lexicon
                .canonical("North Atlantic Council")
                .map(|p| lexicon.parties[p].name.as_str()),
            Some("NATO")
        );
        assert_eq!(lexicon.canonical("Japan and NATO"), None);
    }
}
