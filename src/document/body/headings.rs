//! Which body lines are headings.
//!
//! Explicit headings stand out by their form: Markdown `#`, `PART 1 – …`, `Section 2`,
//! ALL CAPS, a line of strong emphasis, a roman-numbered section ("II. Growing
//! partnership"). A short line without sentence-final punctuation is a heading only
//! when the text around it says so (see [`super::read`]).

use super::numbers::{paragraph_number, section_marker};

pub const MAX_HEADING_WORDS: usize = 12;
pub const MAX_HEADING_CHARS: usize = 120;

/// Words a heading does not end on: a line ending so is a wrapped sentence.
pub const CONTINUATION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "for", "with", "on", "by", "at",
    "from", "as", "that", "which", "who", "its", "their", "our", "this", "these", "is", "are",
    "be", "we", "will", "shall", "has", "have",
];

pub fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?', ';', ',', '…', '。'])
}

/// Whether the line stops mid-phrase ("… AND TACKLING THE").
pub fn ends_mid_phrase(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    CONTINUATION_WORDS.contains(&last.as_str()) || text.ends_with([',', '-', '–'])
}

/// Markdown, `PART`/`Section`, numbered-section and ALL-CAPS headings, with their level.
pub fn explicit_heading(text: &str, strong: bool) -> Option<(u8, &str)> {
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        let title = text[hashes..].trim().trim_end_matches('#').trim();
        return (!title.is_empty()).then(|| (u8::try_from(hashes).unwrap_or(6), title));
    }
    if text.len() > MAX_HEADING_CHARS * 4
        || text.chars().count() > MAX_HEADING_CHARS
        || (ends_sentence(text) && !text.ends_with(','))
        || text.ends_with(':')
        || text.split_whitespace().nth(MAX_HEADING_WORDS + 4).is_some()
    {
        return None;
    }
    let words = text.split_whitespace().count();
    let first_word = text.split_whitespace().next().unwrap_or("");
    let second_word = text.split_whitespace().nth(1).unwrap_or("");
    let numbered_part = matches!(
        first_word,
        "PART" | "Part" | "SECTION" | "Section" | "CHAPTER" | "Chapter" | "ANNEX" | "Annex"
    ) && second_word
        .trim_end_matches(['.', ':'])
        .chars()
        .all(|c| c.is_ascii_alphanumeric())
        && !second_word.is_empty();
    if numbered_part {
        return Some((1, text));
    }
    if ends_sentence(text) {
        return None;
    }
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let cased = upper + text.chars().filter(|c| c.is_lowercase()).count();
    if cased >= 4 && upper * 10 >= cased * 9 {
        return Some((1, text));
    }
    if strong && words <= MAX_HEADING_WORDS + 4 && !ends_mid_phrase(text) {
        return Some((2, text));
    }
    None
}

/// A short line that could stand above its paragraph: capitalised, no final
/// punctuation, not ending mid-phrase, no date, not a numbered paragraph (a section
/// marker such as "II." is allowed and kept).
pub fn is_heading_candidate(text: &str) -> bool {
    if text.len() > MAX_HEADING_CHARS * 4 || ends_sentence(text) {
        return false;
    }
    let after_marker = section_marker(text).map_or(text, |(_, rest)| rest);
    let words: Vec<&str> = after_marker.split_whitespace().collect();
    let Some(first) = after_marker.chars().next() else {
        return false;
    };
    !words.is_empty()
        && words.len() <= MAX_HEADING_WORDS
        && text.chars().count() <= MAX_HEADING_CHARS
        && (first.is_uppercase()
            || first.is_numeric()
            || !first.is_alphabetic() && first.is_alphanumeric())
        && !text.ends_with([':', '-', '–', '—'])
        && !ends_mid_phrase(text)
        && super::super::dates::find_date(text).is_none()
        && paragraph_number(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_forms() {
        assert_eq!(
            explicit_heading("## Cyber defence", false),
            Some((2, "Cyber defence"))
        );
        assert_eq!(
            explicit_heading("PART 1 – THE PARTNERSHIP", false),
            Some((1, "PART 1 – THE PARTNERSHIP"))
        );
        assert_eq!(
            explicit_heading("I. SECURE THE REGION AND BEYOND", false),
            Some((1, "I. SECURE THE REGION AND BEYOND"))
        );
        assert_eq!(
            explicit_heading("Introduction", true),
            Some((2, "Introduction"))
        );
        assert_eq!(
            explicit_heading("More than three decades after, we will work to", true),
            None
        );
        assert_eq!(explicit_heading("PRESIDENT EXAMPLE:", false), None);
        assert_eq!(
            explicit_heading("NATO and Japan urge restraint.", false),
            None
        );
    }

    #[test]
    fn candidates() {
        assert!(is_heading_candidate("Deepening our partnership"));
        assert!(is_heading_candidate(
            "I. Building a more prosperous, secure, and sustainable future"
        ));
        assert!(!is_heading_candidate("We condemn the tests and"));
        assert!(!is_heading_candidate("1. Today we meet"));
    }
}
