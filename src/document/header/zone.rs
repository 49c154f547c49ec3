//! The header zone: the logical lines above the body, and where the body starts.
//!
//! Old pages wrap their header lines ("Issued by the Heads of State and Government" /
//! "participating in the meeting" / …), so physical lines are first joined into
//! logical ones: a line continues the one above it in the same block when it starts in
//! lowercase or the line above ends mid-phrase. The body starts at the first logical
//! line that is text — prose, a numbered paragraph, a resolution's subject line, a
//! body heading after the title — unless header fields (Published, From:, Last
//! updated) still follow it, which makes it a summary line of the header.

use super::classify::{self, Kind};
use super::lexicon::HeaderLexicon;
use crate::document::dates::NumericOrder;
use crate::document::lines::Line;

/// The most logical lines read as a header: pages put their title and fields near the
/// top, and a long preamble of furniture is still far shorter than this.
pub(super) const MAX_LOGICAL: usize = 80;
/// Joining stops here, so a huge unbroken block costs no more than a page.
pub(super) const MAX_JOINED_LINES: usize = 12;
const MAX_JOINED_BYTES: usize = 2000;
/// A line this long that does not end a sentence is taken as hard-wrapped text.
const WRAPPED_CHARS: usize = 60;
/// How far after a prose line header fields still make it a summary.
const LOOKAHEAD: usize = 8;

/// Words after which a line is not finished.
const CONTINUATION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "for", "with", "on", "by", "at",
    "from", "as", "that", "which", "who", "its", "their", "our", "this", "these", "is", "are",
];

/// A logical line of the header zone.
#[derive(Debug, Clone)]
pub struct Logical {
    /// First and last physical line (indices into the lines given).
    pub first: usize,
    pub last: usize,
    /// Which block of non-blank lines it is in.
    pub block: usize,
    pub text: String,
    pub kind: Kind,
    pub bullet: bool,
    /// Markdown `#` heading or a line of strong emphasis.
    pub marked_heading: bool,
}

impl Logical {
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// The logical lines of the zone and the index (into `lines`) where the body starts.
/// `titled`: the title is already known (from front matter), so what follows is text.
pub fn scan(
    lines: &[Line],
    lexicon: &HeaderLexicon,
    order: NumericOrder,
    titled: bool,
) -> (Vec<Logical>, usize) {
    let mut reader = Reader {
        lines,
        lexicon,
        order,
        out: Vec::new(),
        next_line: 0,
        block: 0,
    };
    let body = body_start(&mut reader, titled);
    let zone: Vec<Logical> = reader
        .out
        .into_iter()
        .take_while(|l| l.first < body)
        .collect();
    (zone, body)
}

/// Logical lines read on demand: the zone is read only as far as the body start and
/// the lines needed to decide it, whatever the length of the text.
struct Reader<'a, 'b> {
    lines: &'a [Line<'b>],
    lexicon: &'a HeaderLexicon,
    order: NumericOrder,
    out: Vec<Logical>,
    next_line: usize,
    block: usize,
}

impl Reader<'_, '_> {
    /// Reads logical lines until there are `count` (or the text or the cap ends).
    fn ensure(&mut self, count: usize) {
        let lines = self.lines;
        while self.out.len() < count.min(MAX_LOGICAL) && self.next_line < lines.len() {
            let mut i = self.next_line;
            if lines[i].is_blank() {
                while i < lines.len() && lines[i].is_blank() {
                    i += 1;
                }
                self.block += 1;
                self.next_line = i;
                continue;
            }
            let mut last = i;
            let mut text = lines[i].text.to_string();
            while last + 1 < lines.len()
                && last - i < MAX_JOINED_LINES
                && text.len() < MAX_JOINED_BYTES
                && joins(&text, &lines[last + 1], self.order)
            {
                last += 1;
                text.push(' ');
                text.push_str(&lines[last].text);
            }
            let marked_heading = is_marked_heading(&lines[i]);
            let kind = classify::classify(
                text.trim_start_matches('#').trim(),
                self.lexicon,
                self.order,
            );
            self.out.push(Logical {
                first: i,
                last,
                block: self.block,
                bullet: classify::strip_bullet(&text).is_some(),
                text,
                kind,
                marked_heading,
            });
            self.next_line = last + 1;
        }
    }
}

fn is_marked_heading(line: &Line) -> bool {
    let text: &str = &line.text;
    let hashes = text.len() - text.trim_start_matches('#').len();
    line.strong || ((1..=6).contains(&hashes) && text[hashes..].starts_with(' '))
}

/// Whether `next` continues the logical line `text`.
fn joins(text: &str, next: &Line, order: NumericOrder) -> bool {
    let next_text: &str = &next.text;
    if next.is_blank()
        || classify::strip_bullet(next_text).is_some()
        || classify::is_subject_line(text)
        || is_marked_heading(next)
        || text.starts_with(['#', '['])
        || next_text.starts_with('[')
    {
        return false;
    }
    let last_word = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    let mid_phrase = text.ends_with(',') || CONTINUATION_WORDS.contains(&last_word.as_str());
    let lowercase = next_text.starts_with(|c: char| c.is_lowercase());
    if classify::strip_bullet(text).is_some() {
        // A bulleted item goes on only in lowercase: header bullets stand one per line.
        return lowercase;
    }
    // "of 30 August 1974" under a title is the title's date, not part of it.
    let bare_date =
        classify::date_line(next_text, order).is_some_and(|(_, place, _)| place.is_none());
    // A long line that does not end a sentence is hard-wrapped text going on.
    let wrapped = text.chars().count() >= WRAPPED_CHARS
        && !classify::ends_like_sentence(text)
        && !text.ends_with(':');
    mid_phrase || ((lowercase || wrapped) && !bare_date)
}

/// Where the body begins, as an index into `lines`.
fn body_start(reader: &mut Reader, titled: bool) -> usize {
    let mut title_seen = titled;
    let mut idx = 0;
    loop {
        reader.ensure(idx + 2 + LOOKAHEAD);
        let logical = reader.out.as_slice();
        let Some(l) = logical.get(idx) else { break };
        match &l.kind {
            Kind::SubjectLine | Kind::BodyMarker => return l.first,
            Kind::Field(classify::Field::FullText) => return l.last + 1,
            Kind::Prose if (title_seen || l.word_count() >= 8) && !header_follows(logical, idx) => {
                return l.first;
            }
            Kind::Candidate | Kind::Other if title_seen && l.marked_heading => return l.first,
            Kind::Candidate if title_seen && is_body_heading(l, logical) => return l.first,
            // A heading directly above its first paragraph (no blank line between).
            Kind::Candidate
                if title_seen
                    && logical.get(idx + 1).is_some_and(|n| {
                        n.block == l.block
                            && n.kind == Kind::Prose
                            && !header_follows(logical, idx + 1)
                    }) =>
            {
                return l.first;
            }
            Kind::Candidate | Kind::DateLine(..) | Kind::ReleaseNote | Kind::Occasion => {
                title_seen = true;
            }
            _ => {}
        }
        idx += 1;
    }
    fallback(&reader.out, reader.lines)
}

/// No line of text was found: the body is what follows the title and its fields, and
/// never nothing — a text of header-like lines only keeps its last line as its body.
fn fallback(logical: &[Logical], lines: &[Line]) -> usize {
    let last_text = lines.iter().rposition(|l| !l.is_blank());
    let Some(last_text) = last_text else {
        return lines.len();
    };
    if logical.len() == MAX_LOGICAL {
        // A page that is all furniture as far as we read: keep all of it as text.
        return logical.first().map_or(0, |l| l.first);
    }
    let after_title = logical
        .iter()
        .position(|l| l.kind == Kind::Candidate)
        .and_then(|t| {
            logical[t + 1..]
                .iter()
                .find(|l| matches!(l.kind, Kind::Other | Kind::Candidate | Kind::Prose))
        })
        .map(|l| l.first);
    let start = after_title.unwrap_or(lines.len());
    let last_logical = logical
        .iter()
        .rev()
        .find(|l| l.first <= last_text)
        .map_or(0, |l| l.first);
    start.min(last_logical)
}

/// Header fields after a prose line make it part of the header (a summary).
fn header_follows(logical: &[Logical], idx: usize) -> bool {
    logical[idx + 1..].iter().take(LOOKAHEAD).any(|l| {
        matches!(
            l.kind,
            Kind::Label(_) | Kind::Published(_) | Kind::LastUpdated(_) | Kind::Issued(_)
        )
    })
}

/// A heading of the body once the title has been seen: "PART 1 – …", an ALL-CAPS line
/// that does not repeat a title line, a roman-numbered section ("II. Cooperation").
fn is_body_heading(l: &Logical, logical: &[Logical]) -> bool {
    let text = l.text.as_str();
    let first = text.split_whitespace().next().unwrap_or("");
    let numbered_part = matches!(
        first,
        "PART" | "Part" | "SECTION" | "Section" | "CHAPTER" | "Chapter" | "ANNEX" | "Annex"
    );
    let roman = first
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let cased = upper + text.chars().filter(|c| c.is_lowercase()).count();
    let all_caps = cased >= 4 && upper * 10 >= cased * 9;
    let repeats = logical
        .iter()
        .any(|o| o.first != l.first && o.text.to_lowercase() == text.to_lowercase());
    numbered_part || roman || (all_caps && !repeats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines;

    fn start(text: &str) -> (Vec<String>, String) {
        let lines = lines::split(text);
        let (zone, body) = scan(
            &lines,
            HeaderLexicon::embedded(),
            NumericOrder::DayFirst,
            false,
        );
        let body_text = lines
            .get(body)
            .map(|l| l.text.to_string())
            .unwrap_or_default();
        (zone.into_iter().map(|l| l.text).collect(), body_text)
    }

    #[test]
    fn wrapped_occasion_lines_are_one_line() {
        let (zone, body) = start(
            "Old Summit Declaration\nIssued by the Heads of State\nparticipating in the meeting\nof the Council\nin Capital City on 3 May 2001\n- We, the Heads of State, reaffirm our resolve to act\ntogether.\n",
        );
        assert_eq!(
            zone[1],
            "Issued by the Heads of State participating in the meeting of the Council in Capital City on 3 May 2001"
        );
        assert_eq!(
            body,
            "- We, the Heads of State, reaffirm our resolve to act"
        );
    }

    #[test]
    fn a_summary_above_header_fields_is_header() {
        let (zone, body) = start(
            "Joint statement by the ministers\n\nThe ministers met in the capital to discuss regional security.\n\nFrom:\nMinistry of Foreign Affairs\nPublished\n22 December 2021\n\n-\nWe, the ministers of the two countries, reaffirm our commitment.\n",
        );
        assert!(zone.iter().any(|l| l.starts_with("The ministers met")));
        assert_eq!(
            body,
            "We, the ministers of the two countries, reaffirm our commitment."
        );
    }

    #[test]
    fn a_tagline_before_the_title_is_not_the_body() {
        let (_, body) = start(
            "A Peaceful and Prosperous Region.\n\nCommuniqué of the Chair on the crisis.\n\nMay 3, 2021\n\nThe Chair expresses deep concern at the situation in the region.\n",
        );
        assert_eq!(
            body,
            "The Chair expresses deep concern at the situation in the region."
        );
    }

    #[test]
    fn short_first_sentences_after_a_title_are_the_body() {
        let (_, body) = start(
            "Joint declaration\n\n* 5 May 2021 -\n\nWe are committed to it.\n\nWe urge all states to act now and together.\n",
        );
        assert_eq!(body, "We are committed to it.");
    }

    #[test]
    fn resolution_subject_line_and_date_line() {
        let (zone, body) = start(
            "Resolution 9 (1999)\nof 8 January 1999\n\nThe Security Council,\nRecalling its resolution 1,\n",
        );
        assert_eq!(zone, ["Resolution 9 (1999)", "of 8 January 1999"]);
        assert_eq!(body, "The Security Council,");
    }

    #[test]
    fn a_header_only_text_keeps_its_last_line() {
        let (_, body) = start("Joint statement\n\nThank you\n");
        assert_eq!(body, "Thank you");
        let (_, body) = start("Joint statement\n");
        assert_eq!(body, "Joint statement");
    }
}
