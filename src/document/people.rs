//! Parties and people named in an occasion line or a title.
//!
//! "issued on the occasion of the meeting between the NATO Secretary General, H.E. Mr
//! Jens Stoltenberg and H.E. Mr Shinzo Abe, Prime Minister of Japan" names two people,
//! each with a role, and through the roles two parties. The participants are split at
//! commas and "and"; an item starting with an honorific is a person, an item with a role
//! word is a role, and a role binds to the person it stands beside.

use super::Person;

const HONORIFICS: &[&str] = &[
    "H.E.",
    "H.E",
    "HE",
    "His Excellency",
    "Her Excellency",
    "Excellency",
    "His Majesty",
    "Her Majesty",
    "His Royal Highness",
    "Her Royal Highness",
    "The Honourable",
    "The Hon.",
    "Rt Hon.",
    "Rt. Hon.",
    "Hon.",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Dr.",
    "Dr",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Madam",
    "Mme",
    "M.",
];

const ROLE_WORDS: &[&str] = &[
    "Minister",
    "President",
    "Secretary",
    "General",
    "Chancellor",
    "King",
    "Queen",
    "Emperor",
    "Ambassador",
    "Commissioner",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Director",
    "Head",
    "Governor",
    "Premier",
    "Prince",
    "Princess",
    "Emir",
    "Sultan",
    "Representative",
    "Commander",
    "Taoiseach",
    "Vice",
    "Deputy",
    "Chief",
    "Leader",
    "Speaker",
    "Mayor",
    "Spokesperson",
    "Envoy",
    "Councillor",
    "Crown",
];

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

#[derive(Debug)]
enum Item {
    Person(String),
    Role(String),
    Entity(String),
}

/// Reads the participants of an occasion line ("… between A, B and C, D").
pub fn from_occasion(occasion: &str) -> Participants {
    let list = after_keyword(
        occasion,
        &[
            "between ",
            "visit of ",
            "visit by ",
            "meeting of ",
            "occasion of ",
        ],
    )
    .unwrap_or(occasion);
    from_list(list)
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
    let classified: Vec<(Separator, Item)> = items
        .into_iter()
        .filter_map(|(sep, text)| classify(text).map(|item| (sep, item)))
        .collect();

    let mut people = Vec::new();
    let mut parties = Vec::new();
    let mut claimed = vec![false; classified.len()];
    for (i, (_, item)) in classified.iter().enumerate() {
        let Item::Person(name) = item else { continue };
        let role = role_for(&classified, i, &mut claimed);
        if let Some(party) = role.as_deref().and_then(party_of_role) {
            push_unique(&mut parties, party);
        }
        people.push(Person {
            name: name.clone(),
            role,
        });
    }
    for (i, (_, item)) in classified.iter().enumerate() {
        match item {
            Item::Role(role) if !claimed[i] => {
                if let Some(party) = party_of_role(role) {
                    push_unique(&mut parties, party);
                }
            }
            Item::Entity(name) => push_unique(&mut parties, name.clone()),
            _ => {}
        }
    }
    // Keep parties in the order the text names them.
    parties.sort_by_key(|p| list.find(p.as_str()).unwrap_or(usize::MAX));
    Participants { parties, people }
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !value.is_empty() && !list.contains(&value) {
        list.push(value);
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

fn split_items(list: &str) -> Vec<(Separator, &str)> {
    let mut items = Vec::new();
    let mut sep = Separator::Start;
    let mut rest = list.trim();
    loop {
        let comma = rest.find(", ").map(|at| (at, 2, Separator::Comma));
        let and = rest.find(" and ").map(|at| (at, 5, Separator::And));
        let amp = rest.find(" & ").map(|at| (at, 3, Separator::And));
        let next = [comma, and, amp]
            .into_iter()
            .flatten()
            .min_by_key(|(at, _, _)| *at);
        match next {
            Some((at, len, next_sep)) => {
                items.push((sep, rest[..at].trim()));
                sep = next_sep;
                rest = rest[at + len..].trim_start();
                // "…, and H.E. …": the comma and the "and" are one separator.
                if let Some(after_and) = rest.strip_prefix("and ") {
                    rest = after_and;
                    sep = Separator::And;
                }
            }
            None => {
                items.push((sep, rest.trim().trim_end_matches(['.', ';', ':'])));
                return items;
            }
        }
    }
}

fn strip_honorifics(text: &str) -> (&str, bool) {
    let mut rest = text.trim();
    let mut found = false;
    'again: loop {
        for h in HONORIFICS {
            if let Some(after) = rest.strip_prefix(h)
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
    ROLE_WORDS.contains(&word) || word.ends_with("-General")
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
mod tests {
    use super::*;

    fn person(name: &str, role: &str) -> Person {
        Person {
            name: name.into(),
            role: Some(role.into()),
        }
    }

    #[test]
    fn shipped_occasion() {
        let p = from_occasion(
            "issued on the occasion of the meeting between the NATO Secretary General, H.E. Mr Jens Stoltenberg and H.E. Mr Shinzo Abe, Prime Minister of Japan",
        );
        assert_eq!(p.parties, ["NATO", "Japan"]);
        assert_eq!(
            p.people,
            [
                person("Jens Stoltenberg", "NATO Secretary General"),
                person("Shinzo Abe", "Prime Minister of Japan")
            ]
        );
    }

    #[test]
    fn role_after_each_name() {
        let p = from_occasion(
            "Issued on the occasion of the meeting between H.E. Ms B. Sample, Prime Minister of Ruritania, and H.E. Mr C. Other, President of Freedonia",
        );
        assert_eq!(p.parties, ["Ruritania", "Freedonia"]);
        assert_eq!(
            p.people,
            [
                person("B. Sample", "Prime Minister of Ruritania"),
                person("C. Other", "President of Freedonia")
            ]
        );
    }

    #[test]
    fn role_of_the_alliance() {
        let p = from_occasion(
            "issued on the occasion of the meeting between the Secretary General of the Alliance, H.E. Mr A. Example and H.E. Ms B. Sample, Prime Minister of Ruritania",
        );
        assert_eq!(p.parties, ["Alliance", "Ruritania"]);
        assert_eq!(
            p.people[0],
            person("A. Example", "Secretary General of the Alliance")
        );
    }

    #[test]
    fn entities_without_people() {
        let p = from_occasion(
            "issued on the occasion of the summit between the European Union and Ruritania",
        );
        assert_eq!(p.parties, ["European Union", "Ruritania"]);
        assert!(p.people.is_empty());
    }

    #[test]
    fn all_caps_surnames() {
        let p = from_occasion(
            "issued on the occasion of the meeting between H.E. Mr KISHIDA Fumio, Prime Minister of Japan and the NATO Secretary General",
        );
        assert_eq!(
            p.people,
            [person("KISHIDA Fumio", "Prime Minister of Japan")]
        );
        assert_eq!(p.parties, ["Japan", "NATO"]);
    }

    #[test]
    fn title_between() {
        assert_eq!(
            from_title("Partnership Programme between the Alliance and Ruritania for 2023 – 2026"),
            ["Alliance", "Ruritania"]
        );
        assert!(from_title("Joint press statement").is_empty());
    }
}
