//! Page furniture inside and after the body: separators, notices, related-content
//! tails, footnotes, signature blocks and bare dates.
//!
//! Each is found from the shape of the text, not from the page it came from: a line of
//! punctuation only, a line the lexicon names ("For information media. Not an official
//! record."), everything after a "Related" label, trailing blocks that begin with a
//! number the text used as a footnote marker (", 7"), a last block of names and a date.

use rustc_hash::FxHashSet as HashSet;

use super::super::dates;
use super::super::header::{self, HeaderLexicon};
use super::super::lines::Line;

/// Why a line is dropped. One byte, as every line of the body has one (or `None`): a
/// file of millions of short lines would otherwise pay more for the reasons than for
/// its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    Separator,
    Notice,
    Related,
    PageNumber,
    Date,
    Footnote,
    Signature,
}

impl Furniture {
    /// The name the exports give the reason.
    pub fn detail(self) -> &'static str {
        match self {
            Furniture::Separator => "separator",
            Furniture::Notice => "notice",
            Furniture::Related => "related",
            Furniture::PageNumber => "page_number",
            Furniture::Date => "date",
            Furniture::Footnote => "footnote",
            Furniture::Signature => "signature",
        }
    }
}

/// Why each line is dropped (`None`: it is text), and the footnote numbers found.
pub struct Marked {
    pub dropped: Vec<Option<Furniture>>,
    /// Numbers the text uses as footnote markers and whose footnotes were dropped.
    pub footnotes: HashSet<u16>,
}

/// Marks the furniture among `lines`, read once, in order: what decides a line is the
/// line itself and its neighbours, except for footnotes and signatures, which end the
/// text and are decided from the blocks kept at its end ([`Tail`]).
pub fn mark<'a>(lines: impl Iterator<Item = Line<'a>>) -> Marked {
    let lexicon = HeaderLexicon::embedded();
    let mut dropped: Vec<Option<Furniture>> = Vec::new();
    let mut markers = HashSet::default();
    let mut tail = Tail::default();
    let (mut seen_text, mut related, mut after_blank) = (false, false, true);
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        add_markers(&line.text, &mut markers);
        let reason = if related {
            Some(Furniture::Related)
        } else if line.is_blank() {
            None
        } else {
            let alone = after_blank && lines.peek().is_none_or(Line::is_blank);
            let reason = line_furniture(&line.text, lexicon, seen_text, alone);
            related = reason == Some(Furniture::Related);
            seen_text |= reason.is_none();
            reason
        };
        after_blank = line.is_blank();
        let kept = !line.is_blank() && reason.is_none();
        tail.push(dropped.len(), line, kept);
        dropped.push(reason);
    }
    let footnotes = mark_footnotes(&tail, &markers, &mut dropped);
    mark_signature(&tail, &mut dropped);
    Marked { dropped, footnotes }
}

/// What a line that is not blank is by itself; `alone` when blank (or no) lines are
/// around it. A related-content label after text drops it and everything after it.
fn line_furniture(
    text: &str,
    lexicon: &HeaderLexicon,
    seen_text: bool,
    alone: bool,
) -> Option<Furniture> {
    // Notices and labels are short: a long line is compared by its start only.
    let key = lower_key(prefix(text, 120));
    if header::is_separator(text) {
        Some(Furniture::Separator)
    } else if lexicon.is_notice(&key) || lexicon.is_delivery(&key) {
        Some(Furniture::Notice)
    } else if seen_text && lexicon.is_tail(&key) && text.split_whitespace().count() <= 5 {
        Some(Furniture::Related)
    } else if alone && is_page_number(text) {
        Some(Furniture::PageNumber)
    } else if alone && is_bare_date(text) {
        Some(Furniture::Date)
    } else {
        None
    }
}

/// The blocks of kept lines (not blank, not furniture) that may be footnotes or a
/// signature: the last block that cannot start a footnote and every block after it.
/// Blocks before it are let go as the text is read, since the footnotes are looked
/// for from the end and stop at such a block.
#[derive(Default)]
struct Tail<'a> {
    blocks: Vec<TailBlock<'a>>,
    /// Whether a kept line was let go before the first block held.
    kept_before: bool,
    /// Whether the last line pushed was kept (the next kept one goes on its block).
    open: bool,
}

struct TailBlock<'a> {
    /// Index of its first line.
    start: usize,
    lines: Vec<Line<'a>>,
}

impl<'a> TailBlock<'a> {
    fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.lines.len()
    }
}

impl<'a> Tail<'a> {
    fn push(&mut self, index: usize, line: Line<'a>, kept: bool) {
        let open = std::mem::replace(&mut self.open, kept);
        if !kept {
            return;
        }
        if open && let Some(block) = self.blocks.last_mut() {
            block.lines.push(line);
            return;
        }
        if footnote_number(&line.text).is_none() {
            self.kept_before |= !self.blocks.is_empty();
            self.blocks.clear();
        }
        self.blocks.push(TailBlock {
            start: index,
            lines: vec![line],
        });
    }

    /// The last block held whose lines are all still kept, at or before block `end`.
    fn last_kept(&self, dropped: &[Option<Furniture>], end: usize) -> Option<usize> {
        (0..end)
            .rev()
            .find(|&b| dropped[self.blocks[b].range()].iter().all(Option::is_none))
    }
}

fn prefix(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max)]
}

fn lower_key(text: &str) -> String {
    text.trim().trim_end_matches(['.', ':', ' ']).to_lowercase()
}

fn is_bare_date(text: &str) -> bool {
    text.len() <= 60
        && text.split_whitespace().nth(6).is_none()
        && dates::find_date(text).is_some_and(|f| {
            text[..f.start]
                .trim_matches([' ', ',', '-', '|'])
                .is_empty()
                && text[f.end..]
                    .trim_matches([' ', ',', '.', '-', '|'])
                    .is_empty()
        })
}

/// "3", "- 3 -", "Page 3 of 12".
fn is_page_number(text: &str) -> bool {
    let t = text.trim_matches(['-', '–', ' ']);
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    digits(t)
        || t.strip_prefix("Page ").is_some_and(|rest| {
            let mut parts = rest.split(" of ");
            parts.next().is_some_and(digits) && parts.next().is_none_or(digits)
        })
}

/// The number a footnote line starts with: "7 Ibid.", "19 Official Records", "1/ S/1999/12.".
fn footnote_number(text: &str) -> Option<(u16, bool)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let n: u16 = text[..digits].parse().ok()?;
    let rest = &text[digits..];
    if let Some(after) = rest.strip_prefix("/ ") {
        return (!after.is_empty()).then_some((n, true));
    }
    let after = rest.strip_prefix(' ')?;
    after
        .starts_with(|c: char| c.is_uppercase() || c == '(')
        .then_some((n, false))
}

/// Adds the numbers `text` uses as run-in footnote markers: ", 7" or ". 20" before the
/// end of a line or before more text ("Council, 183 the decision").
fn add_markers(text: &str, out: &mut HashSet<u16>) {
    for (at, mark) in text.match_indices([',', '.', '’']) {
        let rest = &text[at + mark.len()..];
        let Some(rest) = rest.strip_prefix(' ') else {
            continue;
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let ends = rest[digits..].is_empty() || rest[digits..].starts_with(' ');
        if (1..=3).contains(&digits)
            && ends
            && let Ok(n) = rest[..digits].parse()
        {
            out.insert(n);
        }
    }
}

/// Trailing blocks that are footnotes; returns their numbers.
fn mark_footnotes(
    tail: &Tail,
    markers: &HashSet<u16>,
    dropped: &mut [Option<Furniture>],
) -> HashSet<u16> {
    let mut found = HashSet::default();
    let mut end = tail.blocks.len();
    while let Some(b) = tail.last_kept(dropped, end) {
        let block = &tail.blocks[b];
        match footnote_number(&block.lines[0].text) {
            Some((n, slash)) if slash || markers.contains(&n) => {
                found.insert(n);
                for d in &mut dropped[block.range()] {
                    d.get_or_insert(Furniture::Footnote);
                }
                end = b;
            }
            _ => break,
        }
    }
    found
}

/// A last block of names (and a date): the signatures under a declaration.
fn mark_signature(tail: &Tail, dropped: &mut [Option<Furniture>]) {
    let Some(b) = tail.last_kept(dropped, tail.blocks.len()) else {
        return;
    };
    let block = &tail.blocks[b];
    if block.start == 0 || block.lines.len() > 8 {
        return;
    }
    let texts: Vec<&str> = block.lines.iter().map(|line| &*line.text).collect();
    let names = texts.iter().filter(|t| is_name_line(t)).count();
    let all_names_or_dates = texts.iter().all(|t| is_name_line(t) || is_bare_date(t));
    let kept = |block: &TailBlock| dropped[block.range()].iter().all(Option::is_none);
    let has_text_before = tail.kept_before || tail.blocks[..b].iter().any(kept);
    if names >= 1 && all_names_or_dates && has_text_before && (names >= 2 || texts.len() >= 2) {
        for d in &mut dropped[block.range()] {
            *d = Some(Furniture::Signature);
        }
    }
}

/// "Joseph R. Biden, Jr.", "Angela Merkel", "Ana María de la Cruz".
fn is_name_line(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=7).contains(&words.len())
        && !header::ends_like_sentence(text.trim_end_matches(['.', ' ']).trim_end_matches("Jr"))
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', '.']);
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    w,
                    "de" | "del"
                        | "la"
                        | "le"
                        | "van"
                        | "von"
                        | "der"
                        | "den"
                        | "bin"
                        | "al"
                        | "da"
                        | "dos"
                        | "y"
                        | "of"
                        | "the"
                        | "and"
                )
        })
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_lowercase()).count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines;

    fn reasons(text: &str) -> Vec<Option<&'static str>> {
        details(&mark(lines::lines(text)).dropped)
    }

    fn details(dropped: &[Option<Furniture>]) -> Vec<Option<&'static str>> {
        dropped.iter().map(|d| d.map(Furniture::detail)).collect()
    }

    #[test]
    fn separators_notices_and_tails() {
        let r = reasons("We agree.\n\n* *** *\n\nFor information media. Not an official record.\n");
        assert_eq!(r, [None, None, Some("separator"), None, Some("notice")]);
        let r = reasons("We agree.\n\nRelated content\n\nAnother story here.\n");
        assert_eq!(r[2..], [Some("related"), Some("related"), Some("related")]);
        let r = reasons("Related content\nWe agree.\n");
        assert_eq!(r, [None, None], "a tail label needs text before it");
    }

    #[test]
    fn footnotes_need_their_markers() {
        let text = "Recalling its decision, 7\n\nNoting the report, 8\n\n1. Decides to act;\n\n7 Ibid., document S/1.\n\n8 See documents S/2 and\nS/3.\n";
        let marked = mark(lines::lines(text));
        assert_eq!(
            details(&marked.dropped[6..]),
            [Some("footnote"), None, Some("footnote"), Some("footnote")]
        );
        assert_eq!(marked.footnotes.len(), 2);
        let text =
            "Recalling its decision, 7\n\n1. Decides to act;\n\n9 Members voted in favour.\n";
        assert_eq!(
            mark(lines::lines(text)).dropped[4],
            None,
            "9 was never a marker"
        );
        let r = reasons("We act, 2\n\n1/ S/1999/12.\n");
        assert_eq!(r[2], Some("footnote"));
    }

    #[test]
    fn signature_blocks_and_bare_dates() {
        let r = reasons(
            "We will act together.\n\nJoseph R. Example, Jr.\nAnna Sample\nJuly 15, 2021\n",
        );
        assert_eq!(
            r[2..],
            [Some("signature"), Some("signature"), Some("signature")]
        );
        let r = reasons("We will act together.\n\nThank you\n");
        assert_eq!(r[2], None);
        let r = reasons("We agree.\n\nJanuary 24, 2021\n\nWe act.\n");
        assert_eq!(r[2], Some("date"));
        let r = reasons("We agree.\n\n- 3 -\n\nWe act.\n");
        assert_eq!(r[2], Some("page_number"));
    }
}
