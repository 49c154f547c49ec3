//! Parties and people named in an occasion line or a title.
//!
//! "issued on the occasion of the meeting between the NATO Secretary General, H.E. Mr
//! Jens Stoltenberg and H.E. Mr Shinzo Abe, Prime Minister of Japan" names two people,
//! each with a role, and through the roles two parties. The participants are split at
//! commas and "and"; an item starting with an honorific is a person, an item with a role
//! word is a role, and a role binds to the person it stands beside.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Person;

/// The word lists of `assets/people.json`.
#[derive(Debug, Deserialize)]
struct PeopleWords {
    #[allow(dead_code)]
    comment: String,
    honorifics: Vec<String>,
    post_nominals: Vec<String>,
    role_words: Vec<String>,
}

fn words() -> &'static PeopleWords {
    static WORDS: OnceLock<PeopleWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        serde_json::from_str(include_str!("../../../assets/people.json"))
            .expect("assets/people.json is valid")
    })
}

/// Words that end a party name taken from a title ("Ruritania for 2023 – 2026").
const NAME_STOPS: &[&str] = &[
    "for",
    "on",
    "in",
    "at",
    "to",
    "from",
    "regarding",
    "concerning",
];

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Participants {
    pub parties: Vec<String>,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Start,
    Comma,
    And,
}

#[derive(Debug, Clone)]
enum Item {
    Person(String),
    Role(String),
    Entity(String),
}

/// Reads the participants of an occasion line ("… between A, B and C, D"). Only a
/// line that introduces them ("between", "visit of", "meeting of") names any.
pub fn from_occasion(occasion: &str) -> Participants {
    match after_keyword(
        occasion,
        &[
            "between ",
            "visit of ",
            "visit by ",
            "meeting of ",
            "occasion of ",
        ],
    ) {
        Some(list) => from_list(list),
        None => Participants::default(),
    }
}

/// Reads one byline item, "Name, Role" ("Jean Example, Minister for Foreign Affairs of
/// Ruritania"): the person, and the party the role speaks for.
pub fn from_byline(item: &str) -> Participants {
    let item = item.trim().trim_end_matches(['.', ';']);
    let (name, role) = match item.split_once(", ") {
        Some((name, role)) => (name, Some(role)),
        None => (item, None),
    };
    let (name, _) = strip_honorifics(strip_article(name));
    let name = strip_post_nominals(name);
    if name.is_empty() || !name.split_whitespace().all(is_capitalised) {
        return Participants::default();
    }
    let parties = role.and_then(party_of_role).into_iter().collect();
    Participants {
        parties,
        people: vec![Person {
            name: name.to_string(),
            role: role.map(|r| strip_article(r).to_string()),
        }],
    }
}

fn strip_post_nominals(name: &str) -> &str {
    let mut name = name.trim();
    while let Some((rest, last)) = name.rsplit_once(' ') {
        if words().post_nominals.iter().any(|p| p == last) {
            name = rest.trim_end_matches(',');
        } else {
            break;
        }
    }
    name
}

/// Reads parties from a title such as "Partnership Programme between the Alliance and
/// Ruritania for 2023 – 2026". Only an explicit "between … and …" counts.
pub fn from_title(title: &str) -> Vec<String> {
    match after_keyword(title, &["between "]) {
        Some(list) if list.contains(" and ") => from_list(list).parties,
        _ => Vec::new(),
    }
}

fn after_keyword<'a>(text: &'a str, keywords: &[&str]) -> Option<&'a str> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lowercasing changed byte lengths; find the keyword in the text itself.
        return keywords
            .iter()
            .find_map(|k| text.find(k).map(|at| &text[at + k.len()..]));
    }
    keywords
        .iter()
        .find_map(|k| lower.find(k).map(|at| &text[at + k.len()..]))
}

fn from_list(list: &str) -> Participants {
    let items = split_items(list);
    // Each item keeps its offset in the list, to put the parties in the text's order.
    let classified: Vec<(Separator, Item, usize)> = items
        .into_iter()
        .filter_map(|(sep, text)| {
            let at = text.as_ptr() as usize - list.as_ptr() as usize;
            classify(text).map(|item| (sep, item, at))
        })
        .collect();
    let pairs: Vec<(Separator, Item)> = classified
        .iter()
        .map(|(sep, item, _)| (*sep, item.clone()))
        .collect();

    let mut people = Vec::new();
    let mut parties = Parties::default();
    let mut claimed = vec![false; pairs.len()];
    for (i, (_, item)) in pairs.iter().enumerate() {
        let Item::Person(name) = item else { continue };
        let role = role_for(&pairs, i, &mut claimed);
        if let Some(party) = role.as_deref().and_then(party_of_role) {
            let at = classified[i].2;
            parties.push(party, at);
        }
        people.push(Person {
            name: name.clone(),
            role,
        });
    }
    for (i, (_, item)) in pairs.iter().enumerate() {
        let at = classified[i].2;
        match item {
            Item::Role(role) if !claimed[i] => {
                if let Some(party) = party_of_role(role) {
                    parties.push(party, at);
                }
            }
            Item::Entity(name) => parties.push(name.clone(), at),
            _ => {}
        }
    }
    Participants {
        parties: parties.in_text_order(),
        people,
    }
}

/// Parties found so far, each once, with where the text names it.
#[derive(Default)]
struct Parties {
    found: Vec<(usize, String)>,
    seen: std::collections::HashSet<String>,
}

impl Parties {
    fn push(&mut self, name: String, at: usize) {
        if !name.is_empty() && self.seen.insert(name.clone()) {
            self.found.push((at, name));
        }
    }

    fn in_text_order(mut self) -> Vec<String> {
        self.found.sort_by_key(|(at, _)| *at);
        self.found.into_iter().map(|(_, name)| name).collect()
    }
}

/// A role binds to the person beside it across a comma. A role before the person reads
/// "the NATO Secretary General, H.E. Mr …"; after it, "Mr …, Prime Minister of Japan".
fn role_for(items: &[(Separator, Item)], person: usize, claimed: &mut [bool]) -> Option<String> {
    let before = person.checked_sub(1).filter(|&b| {
        items[person].0 == Separator::Comma && matches!(items[b].1, Item::Role(_)) && !claimed[b]
    });
    let after = Some(person + 1).filter(|&a| {
        a < items.len()
            && items[a].0 == Separator::Comma
            && matches!(items[a].1, Item::Role(_))
            && !claimed[a]
    });
    // A role with an article ("the … Secretary General") introduces the next name;
    // a bare appositive ("Prime Minister of Japan") follows its name.
    let pick = match (before, after) {
        (Some(b), Some(a)) => {
            if role_text(&items[b].1).starts_with("the ") {
                Some(b)
            } else {
                Some(a)
            }
        }
        (Some(b), None) => Some(b),
        (None, Some(a)) => {
            let introduces_next = role_text(&items[a].1).starts_with("the ")
                && items.get(a + 1).is_some_and(|(sep, it)| {
                    *sep == Separator::Comma && matches!(it, Item::Person(_))
                });
            (!introduces_next).then_some(a)
        }
        (None, None) => None,
    }?;
    claimed[pick] = true;
    Some(strip_article(role_text(&items[pick].1)).to_string())
}

fn role_text(item: &Item) -> &str {
    match item {
        Item::Role(r) | Item::Person(r) | Item::Entity(r) => r,
    }
}

fn strip_article(text: &str) -> &str {
    text.strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text)
}

/// Splits a list at ", ", " and " and " & " in one pass over it.
fn split_items(list: &str) -> Vec<(Separator, &str)> {
    let list = list.trim();
    let mut items = Vec::new();
    let mut sep = Separator::Start;
    let mut item_start = 0;
    let bytes = list.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at = &bytes[i..];
        let found = if at.starts_with(b", ") {
            Some((2, Separator::Comma))
        } else if at.starts_with(b" and ") {
            Some((5, Separator::And))
        } else if at.starts_with(b" & ") {
            Some((3, Separator::And))
        } else {
            None
        };
        let Some((len, next_sep)) = found else {
            i += 1;
            continue;
        };
        items.push((sep, list[item_start..i].trim()));
        sep = next_sep;
        i += len;
        // "…, and H.E. …": the comma and the "and" are one separator.
        if next_sep == Separator::Comma && bytes[i..].starts_with(b"and ") {
            i += 4;
            sep = Separator::And;
        }
        item_start = i;
    }
    items.push((
        sep,
        list[item_start..].trim().trim_end_matches(['.', ';', ':']),
    ));
    items
}

fn strip_honorifics(text: &str) -> (&str, bool) {
    let mut rest = text.trim();
    let mut found = false;
    'again: loop {
        for h in &words().honorifics {
            if let Some(after) = rest.strip_prefix(h.as_str())
                && after.starts_with(' ')
            {
                rest = after.trim_start();
                found = true;
                continue 'again;
            }
        }
        return (rest, found);
    }
}

fn is_role_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    words().role_words.iter().any(|r| r == word) || word.ends_with("-General")
}

fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic() && !c.is_ascii_punctuation())
}

fn classify(text: &str) -> Option<Item> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // "the visit of A, President of X, to Y": the host is a party.
    if let Some(host) = text.strip_prefix("to ") {
        let name = entity_name(host);
        return (!name.is_empty()).then_some(Item::Entity(name));
    }
    let (rest, honorific) = strip_honorifics(strip_article(text));
    if honorific && !rest.is_empty() {
        return Some(Item::Person(rest.to_string()));
    }
    if text.split_whitespace().any(is_role_word) {
        return Some(Item::Role(text.to_string()));
    }
    let name = entity_name(text);
    (!name.is_empty()).then_some(Item::Entity(name))
}

/// The proper name at the start of an item: "the Alliance" → "Alliance",
/// "Ruritania for 2023 – 2026" → "Ruritania", "the meeting" → nothing.
fn entity_name(text: &str) -> String {
    let mut words = Vec::new();
    for word in strip_article(text).split_whitespace() {
        if NAME_STOPS.contains(&word)
            || !(is_capitalised(word) || (!words.is_empty() && word == "of"))
        {
            break;
        }
        words.push(word);
    }
    while words.last() == Some(&"of") {
        words.pop();
    }
    words.join(" ")
}

/// The party a role speaks for: "Prime Minister of Japan" → Japan, "NATO Secretary
/// General" → NATO, "Secretary General of the Alliance" → Alliance.
fn party_of_role(role: &str) -> Option<String> {
    let role = strip_article(role.trim());
    if let Some(at) = role.find(" of ") {
        let name = entity_name(&role[at + 4..]);
        if !name.is_empty() {
            return Some(name);
        }
    }
    let leading: Vec<&str> = role
        .split_whitespace()
        .take_while(|w| !is_role_word(w) && is_capitalised(w))
        .collect();
    (!leading.is_empty()).then(|| leading.join(" "))
}

#[cfg(test)]
mod tests;
