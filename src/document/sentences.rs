//! Sentence boundaries in a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after
//! it) when whitespace and the start of a new sentence follow, or at a CJK full stop.
//! What is not an end: abbreviations (H.E., Mr., U.S., e.g., No., Sept., Res.), initials
//! (A. Example), decimals (2.5, 1.5°C), and a period followed by a lowercase word.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

use super::Sentence;

/// The abbreviation lists of `assets/abbreviations.json`.
#[derive(Debug, Deserialize)]
struct AbbreviationFile {
    #[allow(dead_code)]
    comment: String,
    continuing: Vec<String>,
    ending: Vec<String>,
    sentence_starters: Vec<String>,
}

struct Abbreviations {
    continuing: HashSet<String>,
    ending: HashSet<String>,
    starters: HashSet<String>,
}

fn abbreviations() -> &'static Abbreviations {
    static LISTS: OnceLock<Abbreviations> = OnceLock::new();
    LISTS.get_or_init(|| {
        let file: AbbreviationFile =
            serde_json::from_str(include_str!("../../assets/abbreviations.json"))
                .expect("assets/abbreviations.json is valid");
        Abbreviations {
            continuing: file.continuing.into_iter().collect(),
            ending: file.ending.into_iter().collect(),
            starters: file.sentence_starters.into_iter().collect(),
        }
    })
}

/// What a word before a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// Followed by more of the sentence: "Mr.", "No.", "Sept.", an initial.
    Continuing,
    /// May end the sentence: "U.S.", "etc.", "Ltd.".
    MayEnd,
}

const TERMINATORS: &[char] = &['.', '!', '?', '…'];
const CJK_TERMINATORS: &[char] = &['。', '！', '？'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '}', '」', '』', '）'];

/// Splits `text` into sentences: byte ranges with no leading or trailing whitespace,
/// covering every non-space character of the text.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    split_sentences_into(text, &mut sentences);
    sentences
}

/// [`split_sentences`], adding the sentences to `sentences`.
pub fn split_sentences_into(text: &str, sentences: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    // Only '.', '!', '?' and '…', '。', '！', '？' (lead bytes E2, E3, EF) can end a
    // sentence; memchr finds them without looking at the bytes in between.
    let mut candidates: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', bytes).collect();
    if !text.is_ascii() {
        candidates.extend(memchr::memchr3_iter(0xE2, 0xE3, 0xEF, bytes));
        candidates.sort_unstable();
    }
    let mut i = 0;
    for at in candidates {
        if at < i {
            continue;
        }
        i = at;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let cjk = CJK_TERMINATORS.contains(&c);
        if !cjk && !TERMINATORS.contains(&c) {
            i += c.len_utf8();
            continue;
        }
        // Take the rest of the punctuation cluster: "?!", "...", closing quotes.
        let mut end = i + c.len_utf8();
        for d in text[end..].chars() {
            if TERMINATORS.contains(&d) || CJK_TERMINATORS.contains(&d) || CLOSERS.contains(&d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        let at_end = end == text.len();
        // A control character after a full stop separates as a space would.
        let followed_by_space =
            text[end..].starts_with(|c: char| c.is_whitespace() || c.is_control());
        if at_end
            || cjk
            || (followed_by_space && ends_here(text, i, c, end))
            || run_together(text, i, c, end)
        {
            let start = first_non_space(text, from);
            if start < end {
                sentences.push(Sentence::new(start, end));
            }
            from = end;
        }
        i = end;
    }
    let start = first_non_space(text, from);
    let end = text.trim_end().len();
    if end > start {
        sentences.push(Sentence::new(start, end));
    }
}

fn first_non_space(text: &str, from: usize) -> usize {
    text[from..]
        .find(|c: char| !c.is_whitespace())
        .map_or(text.len(), |at| from + at)
}

/// Whether the terminator `c` at `at` (cluster ending at `end`, then whitespace) ends
/// the sentence.
fn ends_here(text: &str, at: usize, c: char, end: usize) -> bool {
    let next = text[end..].trim_start();
    let Some(first) = next
        .chars()
        .find(|ch| !matches!(ch, '"' | '\'' | '“' | '‘' | '«' | '(' | '['))
    else {
        return true;
    };
    // "e.g. the", "... and so on": the sentence goes on.
    if first.is_lowercase() {
        return false;
    }
    if c != '.' || end != at + 1 {
        return true;
    }
    let word = word_before(&text[..at]);
    match abbreviation(word) {
        None => true,
        Some(Abbreviation::Continuing) => false,
        Some(Abbreviation::MayEnd) => {
            let next_word = next
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            abbreviations().starters.contains(next_word)
        }
    }
}

/// "… economic development.They will …": a full stop with no space after it, between a
/// lowercase word and a capitalised one, still ends the sentence.
fn run_together(text: &str, at: usize, c: char, end: usize) -> bool {
    if c != '.' || end != at + 1 {
        return false;
    }
    let before = word_before(&text[..at]);
    let mut after = text[end..].chars();
    let lowercase_word = before.chars().count() >= 3 && before.chars().all(char::is_lowercase);
    lowercase_word
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

/// The token the period is attached to, without opening brackets or quotes.
fn word_before(text: &str) -> &str {
    let start = text
        .rfind(|c: char| {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '/' | '—' | '–')
        })
        .map(|at| at + text[at..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &text[start..]
}

fn abbreviation(word: &str) -> Option<Abbreviation> {
    if word.is_empty() {
        return None;
    }
    let lists = abbreviations();
    if lists.continuing.contains(word) {
        return Some(Abbreviation::Continuing);
    }
    if lists.ending.contains(word) {
        return Some(Abbreviation::MayEnd);
    }
    let mut chars = word.chars();
    // An initial: "A. Example", "J. R. Sample".
    if let (Some(first), None) = (chars.next(), chars.next()) {
        return first.is_uppercase().then_some(Abbreviation::Continuing);
    }
    // Dotted abbreviations: "U.S", "H.E", "e.g", "i.e", "a.m", "U.N".
    let dotted = word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() <= 2 && part.chars().all(char::is_alphabetic));
    dotted.then_some(Abbreviation::MayEnd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("We agree. We act! Do we? Yes."),
            ["We agree.", "We act!", "Do we?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split(
                "H.E. Mr. Sample met Dr. Example of the U.S. Department. The U.K. agreed, i.e. it signed. See No. 5 and Art. 5 of Res. 2375."
            ),
            [
                "H.E. Mr. Sample met Dr. Example of the U.S. Department.",
                "The U.K. agreed, i.e. it signed.",
                "See No. 5 and Art. 5 of Res. 2375."
            ]
        );
    }

    #[test]
    fn months_and_initials() {
        assert_eq!(
            split("On 14 Sept. 2019 Mr A. Example spoke. Then Jan. 5 came."),
            ["On 14 Sept. 2019 Mr A. Example spoke.", "Then Jan. 5 came."]
        );
    }

    #[test]
    fn numbers_and_symbols() {
        assert_eq!(
            split("Warming of 1.5°C and 2.5 per cent matter. Resolution S/RES/2375 (2017). Next."),
            [
                "Warming of 1.5°C and 2.5 per cent matter.",
                "Resolution S/RES/2375 (2017).",
                "Next."
            ]
        );
    }

    #[test]
    fn quotes_and_parentheses_around_ends() {
        assert_eq!(
            split(
                "He said “we seek stability.” We agree. It joined Maritime Command (MARCOM). We welcome it."
            ),
            [
                "He said “we seek stability.”",
                "We agree.",
                "It joined Maritime Command (MARCOM).",
                "We welcome it."
            ]
        );
        assert_eq!(
            split("(This is an aside.) Then more."),
            ["(This is an aside.)", "Then more."]
        );
    }

    #[test]
    fn no_final_punctuation() {
        assert_eq!(split("A heading like line  "), ["A heading like line"]);
        assert_eq!(split(""), Vec::<&str>::new());
    }

    #[test]
    fn cjk_full_stops() {
        assert_eq!(
            split("日本とNATOは協力する。我々は非難する。"),
            ["日本とNATOは協力する。", "我々は非難する。"]
        );
    }

    #[test]
    fn a_sentence_may_end_in_an_abbreviation() {
        assert_eq!(
            split("We met leaders of the U.S. The talks went well. The U.S. Department agreed."),
            [
                "We met leaders of the U.S.",
                "The talks went well.",
                "The U.S. Department agreed."
            ]
        );
        assert_eq!(
            split("Joseph R. Example, Jr. of Ruritania spoke."),
            ["Joseph R. Example, Jr. of Ruritania spoke."]
        );
    }

    #[test]
    fn control_characters_and_missing_spaces_after_a_stop() {
        assert_eq!(
            split("We agree.\u{7}Next one."),
            ["We agree.", "\u{7}Next one."]
        );
        assert_eq!(
            split("economic development.They will act."),
            ["economic development.", "They will act."]
        );
        assert_eq!(
            split("See example.org for more. Then."),
            ["See example.org for more.", "Then."]
        );
    }

    #[test]
    fn ellipsis_inside_a_sentence() {
        assert_eq!(
            split("We will act ... and soon. Done."),
            ["We will act ... and soon.", "Done."]
        );
    }
}
