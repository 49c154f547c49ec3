//! The body: headings and paragraphs.
//!
//! Furniture is marked first (see [`furniture`]) and read as blank. Blocks are runs of
//! non-blank lines. In a block, explicit headings stand alone; a short first line
//! without sentence-final punctuation is a heading when the text after it is clearly
//! longer (a heading directly above its paragraph). Hard-wrapped lines are joined; a
//! numbered line after a finished sentence starts a new paragraph; a resolution's
//! subject line ("The Security Council,") is a paragraph of its own; in a block whose
//! lines are too long to be hard-wrapped, every line is a paragraph of its own. A
//! block that starts in lowercase after one that stopped mid-clause continues it (a
//! paragraph split by a stray blank line).

mod furniture;
mod headings;
mod hyphens;
mod numbers;

use super::header::{HeaderLine, LineClass, is_subject_line};
use super::lines::Line;
use super::sentences::split_sentences_into;
use super::{Heading, Numbering, Paragraph, Sentence};
use headings::{ends_mid_phrase, ends_sentence, explicit_heading, is_heading_candidate};
use hyphens::{Breaks, Vocabulary};
use numbers::bullet_item;
pub use numbers::paragraph_number;

/// Longest line still taken as part of a hard-wrapped paragraph.
const WRAP_LIMIT: usize = 100;

/// What the body holds, and the furniture dropped from it.
pub struct Body {
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    /// Every paragraph's sentences, in reading order.
    pub sentences: Vec<Sentence>,
    /// The numbers of the numbered paragraphs, by paragraph index.
    pub numbering: Vec<(u32, Numbering)>,
    pub dropped: Vec<HeaderLine>,
}

/// Reads the body from its lines, which `lines` reads from the text again each time
/// it is called; `first_line` is the 1-based line number of the line of index 0.
/// The lines are read three times, one at a time: for the furniture, for what the
/// whole body tells (Setext headings, whether it is a resolution, its vocabulary), then
/// for the paragraphs. No pass holds every line: a file of millions of short lines
/// would otherwise hold them all beside its paragraphs, which cost as much again.
pub fn read<'a, I: Iterator<Item = Line<'a>>>(lines: impl Fn() -> I, first_line: usize) -> Body {
    let prepared = prepare(&lines, first_line);
    let mut out = Builder {
        strip_markers: prepared.strip_markers,
        vocabulary: prepared.vocabulary,
        ..Builder::default()
    };
    let mut strong = prepared.strong.iter().peekable();
    let lines = lines()
        .zip(prepared.dropped)
        .enumerate()
        .map(|(i, (mut line, dropped))| {
            if dropped.is_some() {
                return Line::blank();
            }
            if strong.next_if(|&&at| at == i).is_some() {
                line.strong = true;
            }
            line
        });
    let mut blocks = Blocks { lines }.peekable();
    while let Some(block) = blocks.next() {
        let next_block = blocks.peek();
        read_block(&block, next_block.is_none(), prepared.resolution, &mut out);
        let continues = next_block.is_some_and(|next| {
            next[0].text.starts_with(|c: char| c.is_lowercase())
                && out.open.as_ref().is_some_and(|p| !p.ends_clause())
        });
        if !continues {
            out.close();
        }
    }
    out.finish(prepared.furniture)
}

/// What the passes over the whole body find, for reading it a line at a time.
struct Prepared {
    /// Per line, why it is furniture (read as blank), if it is.
    dropped: Vec<Option<furniture::Furniture>>,
    /// The furniture lines that said something, for the header's list.
    furniture: Vec<HeaderLine>,
    /// Lines above a Setext underline, in order: strong, as headings are.
    strong: Vec<usize>,
    resolution: bool,
    strip_markers: bool,
    vocabulary: Vocabulary,
}

fn prepare<'a, I: Iterator<Item = Line<'a>>>(
    lines: &impl Fn() -> I,
    first_line: usize,
) -> Prepared {
    let marked = furniture::mark(lines());
    let dropped = &marked.dropped;
    let (mut strong, mut furniture, mut resolution) = (Vec::new(), Vec::new(), false);
    // Whether the line before is text (not blank, not furniture).
    let mut after_text = false;
    let mut breaks = Breaks::default();
    for (i, (line, reason)) in lines().zip(dropped).enumerate() {
        let text = &line.text;
        // A line underlined with "===" or "---" is a heading (Markdown's Setext form).
        let underline =
            text.len() >= 3 && (text.bytes().all(|b| b == b'=') || text.bytes().all(|b| b == b'-'));
        if underline && reason.is_some() && after_text {
            strong.push(i - 1);
        }
        after_text = !line.is_blank() && reason.is_none();
        match reason {
            Some(reason) if !line.is_blank() => furniture.push(HeaderLine {
                line: crate::document::saturating_u32(first_line + line.index as usize),
                text: line.text.as_ref().into(),
                class: LineClass::Furniture,
                detail: reason.detail(),
            }),
            Some(_) => {}
            None => resolution |= is_subject_line(text),
        }
        breaks.line(if reason.is_some() { "" } else { text });
    }
    let vocabulary = Vocabulary::read(&breaks, |visit| {
        for (line, reason) in lines().zip(dropped) {
            visit(if reason.is_some() { "" } else { &line.text });
        }
    });
    Prepared {
        strip_markers: resolution || !marked.footnotes.is_empty(),
        dropped: marked.dropped,
        furniture,
        strong,
        resolution,
        vocabulary,
    }
}

/// The blocks of a body, runs of lines that are not blank, each gathered as it is read.
struct Blocks<I> {
    lines: I,
}

impl<'a, I: Iterator<Item = Line<'a>>> Iterator for Blocks<I> {
    type Item = Vec<Line<'a>>;

    fn next(&mut self) -> Option<Vec<Line<'a>>> {
        let mut block = Vec::new();
        for line in self.lines.by_ref() {
            if !line.is_blank() {
                block.push(line);
            } else if !block.is_empty() {
                break;
            }
        }
        (!block.is_empty()).then_some(block)
    }
}

/// Reads one block; in a resolution (`clauses`), short lines are clauses, never
/// headings unless their form says so.
fn read_block(block: &[Line], is_last_block: bool, clauses: bool, out: &mut Builder) {
    let longest_after_first = block
        .iter()
        .skip(1)
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);

    // A block whose every line ends a sentence holds a paragraph per line.
    let line_per_paragraph = block.len() >= 2
        && block
            .iter()
            .all(|l| ends_sentence(&l.text) && !l.text.ends_with(','))
        && block.iter().map(|l| l.text.chars().count()).sum::<usize>() > 40 * block.len();
    let mut k = 0;
    while k < block.len() {
        let line = &block[k];
        let text: &str = &line.text;
        k += 1;
        // A strong line whose next line goes on in lowercase is a bold lead sentence.
        let strong = line.strong
            && !block
                .get(k)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_lowercase()));
        if (out.open.is_none() || k == 1)
            && let Some((level, heading)) = explicit_heading(text, strong)
        {
            // A heading wrapped over two lines: "… AND TACKLING THE" / "CLIMATE CRISIS".
            let mut heading = heading.to_string();
            while ends_mid_phrase(&heading)
                && let Some(next) = block.get(k)
                && explicit_heading(&next.text, next.strong).is_some()
            {
                heading.push(' ');
                heading.push_str(&next.text);
                k += 1;
            }
            out.heading(&heading, level);
            continue;
        }
        if is_subject_line(text) {
            out.close();
            out.start(None, text);
            out.close();
            continue;
        }
        let starts_run = k == 1 || out.open.is_none();
        if starts_run && !clauses && is_heading_candidate(text) {
            let followed = if let Some(next) = block.get(k) {
                let next = &next.text;
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
        // A line too long to be hard-wrapped that ends a sentence ends its paragraph:
        // pages that put one paragraph on each line.
        let after_long_sentence = k >= 2
            && (line_per_paragraph || {
                let prev: &str = &block[k - 2].text;
                prev.chars().count() > WRAP_LIMIT
                    && (ends_sentence(prev) || prev.ends_with(':'))
                    && !prev.ends_with(',')
            });
        match &mut out.open {
            Some(open) if !after_long_sentence => out.vocabulary.join(&mut open.text, text),
            _ => {
                out.close();
                out.start(None, text);
            }
        }
    }
}

/// A paragraph being assembled from its lines.
struct OpenParagraph {
    numbering: Option<Numbering>,
    text: String,
}

impl OpenParagraph {
    fn ends_sentence(&self) -> bool {
        ends_sentence(&self.text) || self.text.ends_with(':')
    }

    /// Whether the text stops at a clause boundary (or a sentence end).
    fn ends_clause(&self) -> bool {
        self.ends_sentence() || self.text.ends_with([',', ';', ':'])
    }
}

#[derive(Default)]
struct Builder {
    headings: Vec<Heading>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    numbering: Vec<(u32, Numbering)>,
    open: Option<OpenParagraph>,
    /// Drop run-in footnote markers at clause ends ("… States, 7").
    strip_markers: bool,
    /// Tells a word broken at a line end from a compound.
    vocabulary: Vocabulary,
}

impl Builder {
    fn heading(&mut self, text: &str, level: u8) {
        self.close();
        self.headings
            .push(Heading::new(text, level, self.paragraphs.len()));
    }

    fn start(&mut self, marker: Option<(&str, &str)>, text: &str) {
        self.close();
        self.open = Some(OpenParagraph {
            numbering: marker.map(|(marker, number)| Numbering::new(marker, number)),
            text: text.to_string(),
        });
    }

    fn close(&mut self) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        if self.strip_markers && open.text.bytes().any(|b| b.is_ascii_digit()) {
            strip_footnote_marker(&mut open.text);
        }
        let first_sentence = self.sentences.len();
        split_sentences_into(&open.text, &mut self.sentences);
        open.text.shrink_to_fit();
        if let Some(numbering) = open.numbering {
            let at = crate::document::saturating_u32(self.paragraphs.len());
            self.numbering.push((at, numbering));
        }
        self.paragraphs.push(Paragraph::new(
            open.text.into(),
            first_sentence..self.sentences.len(),
        ));
    }

    /// The body read, with the furniture `dropped` from it.
    fn finish(mut self, dropped: Vec<HeaderLine>) -> Body {
        self.close();
        Body {
            headings: self.headings,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            numbering: self.numbering,
            dropped,
        }
    }
}

/// Run-in footnote numbers after a clause's punctuation: "… African Member States, 7"
/// → "… African Member States,", "… the Council, 183 the decision" → "… the Council,
/// the decision".
fn strip_footnote_marker(text: &mut String) {
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find([',', '.', ';', '’']) {
        let mark_len = rest[at..].chars().next().map_or(1, char::len_utf8);
        let (head, tail) = rest.split_at(at + mark_len);
        out.push_str(head);
        rest = tail;
        let Some(after_space) = rest.strip_prefix(' ') else {
            continue;
        };
        let digits = after_space.bytes().take_while(u8::is_ascii_digit).count();
        let after = &after_space[digits..];
        let marker = (1..=3).contains(&digits)
            && (after.is_empty()
                || after
                    .strip_prefix(' ')
                    .is_some_and(|a| a.starts_with(char::is_lowercase)));
        if marker {
            rest = after;
        }
    }
    out.push_str(rest);
    *text = out.trim_end().to_string();
}

#[cfg(test)]
mod tests;
