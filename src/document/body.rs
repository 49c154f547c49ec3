//! The body: headings and paragraphs.
//!
//! Blocks are runs of non-blank lines. In a block, explicit headings (Markdown `#`,
//! `PART 1 – …`, `Section 2`, ALL CAPS) stand alone; a short first line without
//! sentence-final punctuation is a heading when the text after it is clearly longer
//! (a heading directly above its paragraph). Hard-wrapped lines are joined; a numbered
//! line after a finished sentence starts a new paragraph; in a block whose lines are
//! too long to be hard-wrapped, every line is a paragraph of its own.

use super::lines::Line;
use super::sentences::split_sentences;
use super::{Heading, Paragraph};

/// Longest line still taken as part of a hard-wrapped paragraph.
const WRAP_LIMIT: usize = 100;
const MAX_HEADING_WORDS: usize = 12;
const MAX_HEADING_CHARS: usize = 120;

/// Words a heading does not end on: a line ending so is a wrapped sentence.
const CONTINUATION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "for", "with", "on", "by", "at",
    "from", "as", "that", "which", "who", "its", "their", "our", "this", "these", "is", "are",
    "be", "we", "will", "shall", "has", "have",
];

pub fn read(lines: &[Line]) -> (Vec<Heading>, Vec<Paragraph>) {
    let mut out = Builder::default();
    let blocks: Vec<&[Line]> = lines
        .split(Line::is_blank)
        .filter(|b| !b.is_empty())
        .collect();
    for (b, block) in blocks.iter().enumerate() {
        let is_last_block = b + 1 == blocks.len();
        read_block(block, is_last_block, &mut out);
    }
    out.finish()
}

fn read_block(block: &[Line], is_last_block: bool, out: &mut Builder) {
    let longest_after_first = block
        .iter()
        .skip(1)
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    let unwrapped = block
        .iter()
        .take(block.len().saturating_sub(1))
        .any(|l| l.text.chars().count() > WRAP_LIMIT);

    for (k, line) in block.iter().enumerate() {
        let text: &str = &line.text;
        if let Some((level, heading)) = explicit_heading(text) {
            out.heading(heading, level);
            continue;
        }
        let starts_run = k == 0 || out.open.is_none();
        if starts_run && is_heading_candidate(text) {
            let followed = if k + 1 < block.len() {
                let next = &block[k + 1].text;
                let next_len = next.chars().count().max(longest_after_first);
                text.chars().count() * 10 <= next_len * 6 || paragraph_number(next).is_some()
            } else {
                !is_last_block
            };
            if followed {
                out.heading(text, 2);
                continue;
            }
        }
        if let Some((marker, number, rest)) = paragraph_number(text) {
            let after_sentence = out.open.as_ref().is_none_or(|p| p.ends_sentence());
            if after_sentence {
                out.close();
                out.start(Some((marker, number)), rest);
                continue;
            }
        }
        if let Some(item) = bullet_item(text) {
            out.close();
            out.start(None, item);
            continue;
        }
        match &mut out.open {
            Some(open) if !unwrapped => open.push_line(text),
            _ => {
                out.close();
                out.start(None, text);
            }
        }
    }
    out.close();
}

/// Markdown, `PART`/`Section` and ALL-CAPS headings, with their level.
fn explicit_heading(text: &str) -> Option<(u8, &str)> {
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        let title = text[hashes..].trim().trim_end_matches('#').trim();
        return (!title.is_empty()).then(|| (u8::try_from(hashes).unwrap_or(6), title));
    }
    if text.len() > MAX_HEADING_CHARS * 4
        || text.chars().count() > MAX_HEADING_CHARS
        || ends_sentence(text)
        || text.ends_with(':')
        || text.split_whitespace().nth(MAX_HEADING_WORDS).is_some()
    {
        return None;
    }
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
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let cased = upper + text.chars().filter(|c| c.is_lowercase()).count();
    (cased >= 4 && upper * 10 >= cased * 9).then_some((1, text))
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .ends_with(['.', '!', '?', ';', ',', '…', '。'])
}

fn is_heading_candidate(text: &str) -> bool {
    if text.len() > MAX_HEADING_CHARS * 4 || ends_sentence(text) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some(first) = text.chars().next() else {
        return false;
    };
    let last_word = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    !words.is_empty()
        && words.len() <= MAX_HEADING_WORDS
        && text.chars().count() <= MAX_HEADING_CHARS
        && (first.is_uppercase()
            || first.is_numeric()
            || !first.is_alphabetic() && first.is_alphanumeric())
        && !ends_sentence(text)
        && !text.ends_with([':', '-', '–', '—'])
        && !CONTINUATION_WORDS.contains(&last_word.as_str())
        && super::dates::find_date(text).is_none()
        && paragraph_number(text).is_none()
}

/// A paragraph number at the start of a line: "1. ", "12) ", "(a) ", "iv. ", "(ii) ".
/// Returns the marker as written, the bare number and the rest of the line.
pub fn paragraph_number(text: &str) -> Option<(&str, &str, &str)> {
    let (marker, number) = if let Some(inner) = text.strip_prefix('(') {
        let close = inner.find(')')?;
        (&text[..close + 2], &inner[..close])
    } else {
        let end = text.find(['.', ')'])?;
        (&text[..end + 1], &text[..end])
    };
    let rest = text[marker.len()..].strip_prefix(' ')?;
    let is_number = !number.is_empty()
        && (number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit())
            || number.len() == 1 && number.bytes().all(|b| b.is_ascii_lowercase())
            || number.len() <= 6 && number.bytes().all(|b| b"ivxlc".contains(&b)));
    (is_number && !rest.trim().is_empty()).then_some((marker, number, rest.trim_start()))
}

fn bullet_item(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !matches!(first, '•' | '▪' | '◦' | '‣' | '-' | '*') {
        return None;
    }
    let rest = text[first.len_utf8()..].strip_prefix(' ')?.trim();
    (!rest.is_empty()).then_some(rest)
}

/// A paragraph being assembled from its lines.
struct OpenParagraph {
    marker: Option<(String, String)>,
    text: String,
}

impl OpenParagraph {
    fn ends_sentence(&self) -> bool {
        ends_sentence(&self.text) || self.text.ends_with(':')
    }

    /// Joins a wrapped line: "self-" + "defence" stays one word, everything else gets a space.
    fn push_line(&mut self, line: &str) {
        let hyphenated = self.text.ends_with('-')
            && self.text[..self.text.len() - 1].ends_with(char::is_alphabetic)
            && line.starts_with(char::is_lowercase);
        if !hyphenated && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(line);
    }
}

#[derive(Default)]
struct Builder {
    headings: Vec<Heading>,
    paragraphs: Vec<Paragraph>,
    open: Option<OpenParagraph>,
    sentences_so_far: usize,
}

impl Builder {
    fn heading(&mut self, text: &str, level: u8) {
        self.close();
        self.headings.push(Heading {
            text: text.to_string(),
            level,
            before_paragraph: self.paragraphs.len(),
        });
    }

    fn start(&mut self, marker: Option<(&str, &str)>, text: &str) {
        self.close();
        self.open = Some(OpenParagraph {
            marker: marker.map(|(m, n)| (m.to_string(), n.to_string())),
            text: text.to_string(),
        });
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else { return };
        let sentences = split_sentences(&open.text);
        let (marker, number) = open.marker.unzip();
        self.paragraphs.push(Paragraph {
            number,
            marker,
            first_sentence: self.sentences_so_far,
            text: open.text,
            sentences,
        });
        self.sentences_so_far += self.paragraphs.last().map_or(0, |p| p.sentences.len());
    }

    fn finish(mut self) -> (Vec<Heading>, Vec<Paragraph>) {
        self.close();
        (self.headings, self.paragraphs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines;

    fn parse(text: &str) -> (Vec<Heading>, Vec<Paragraph>) {
        read(&lines::split(text))
    }

    #[test]
    fn numbers_are_recognised() {
        assert_eq!(
            paragraph_number("1. Today, we meet."),
            Some(("1.", "1", "Today, we meet."))
        );
        assert_eq!(
            paragraph_number("(a) maritime security;"),
            Some(("(a)", "a", "maritime security;"))
        );
        assert_eq!(paragraph_number("iv) cyber"), Some(("iv)", "iv", "cyber")));
        assert_eq!(paragraph_number("2017. We"), None);
        assert_eq!(paragraph_number("U.S. policy"), None);
        assert_eq!(paragraph_number("1."), None);
    }

    #[test]
    fn heading_directly_above_its_paragraph() {
        let (h, p) = parse(
            "Deepening our partnership\nWe decided to deepen our cooperation in the area of maritime security\nand cyber defence.\n",
        );
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].text, "Deepening our partnership");
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].text,
            "We decided to deepen our cooperation in the area of maritime security and cyber defence."
        );
    }

    #[test]
    fn wrapped_first_line_is_not_a_heading() {
        let (h, p) = parse(
            "We condemn in the strongest terms the nuclear tests and missile\nlaunches carried out this year, which violate the resolutions.\n",
        );
        assert!(h.is_empty());
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn long_lines_are_paragraphs_each() {
        let long1 = "We ".to_string() + &"condemn the attacks ".repeat(8) + "today.";
        let long2 = "We ".to_string() + &"welcome the progress ".repeat(8) + "made.";
        let (_, p) = parse(&format!("{long1}\n{long2}\n"));
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn hyphenated_line_ends_are_joined() {
        let (_, p) = parse("We will strengthen our self-\ndefence and counter-\nTerrorism work.\n");
        assert_eq!(
            p[0].text,
            "We will strengthen our self-defence and counter- Terrorism work."
        );
    }

    #[test]
    fn numbered_paragraphs_and_parts() {
        let (h, p) = parse(
            "PART 1 – THE PARTNERSHIP\n\n  1. Today, Ruritania and the Alliance stand together.\n     \n  2. The region is not at peace.\n\nPART 2 – AREAS OF COOPERATION\n\n  3. We will cooperate.\n",
        );
        assert_eq!(
            h.iter()
                .map(|h| (h.text.as_str(), h.before_paragraph))
                .collect::<Vec<_>>(),
            [
                ("PART 1 – THE PARTNERSHIP", 0),
                ("PART 2 – AREAS OF COOPERATION", 2)
            ]
        );
        assert_eq!(
            p.iter().map(|p| p.number.as_deref()).collect::<Vec<_>>(),
            [Some("1"), Some("2"), Some("3")]
        );
        assert_eq!(
            p[0].text,
            "Today, Ruritania and the Alliance stand together."
        );
    }

    #[test]
    fn numbered_lines_without_blank_lines() {
        let (_, p) = parse(
            "1. We agree on the first point of the\nagenda.\n2. We agree on the second.\n(a) And a sub point.\n",
        );
        assert_eq!(p.len(), 3);
        assert_eq!(p[0].text, "We agree on the first point of the agenda.");
        assert_eq!(p[2].marker.as_deref(), Some("(a)"));
    }

    #[test]
    fn markdown_and_section_headings() {
        let (h, _) = parse("## Cyber defence\n\nWe will act.\n\nSection 2\n\nWe will act again.\n");
        assert_eq!(h[0].text, "Cyber defence");
        assert_eq!(h[0].level, 2);
        assert_eq!(h[1].text, "Section 2");
    }

    #[test]
    fn speaker_labels_are_not_headings() {
        let (h, p) = parse("PRESIDENT EXAMPLE:\nThank you very much.\n");
        assert!(h.is_empty());
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn single_short_last_line_is_a_paragraph() {
        let (h, p) = parse("We agree.\n\nThank you\n");
        assert!(h.is_empty());
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn sentence_numbering_runs_through_the_body() {
        let (_, p) = parse("One. Two.\n\nThree.\n");
        assert_eq!((p[0].first_sentence, p[1].first_sentence), (0, 2));
    }
}
