//! The text pane's content as rows of a given width.
//!
//! The statement is laid out once per width: a front matter block (title, occasion,
//! date), then headings and paragraphs wrapped first fit. Paragraph rows point into
//! the paragraph's display text (control characters already made visible), so a
//! highlight given as a byte range of the original text maps straight onto rows. The
//! reader draws only the rows in view, so a document of any length scrolls without the
//! 65,535-row limit of `Paragraph::scroll`.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::analysis::Analysis;
use crate::document::safe::{self, SafeText};
use crate::document::{SentenceRef, Statement, saturating_u32 as small};

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind<'a> {
    Blank,
    /// The statement's title.
    Title(&'a str),
    /// Occasion, date and parties under the title.
    Meta(&'a str),
    /// A heading's row; `before` is the paragraph it stands before.
    Heading {
        text: &'a str,
        before: usize,
    },
    /// Part of paragraph `paragraph`: display bytes `start..end`; the first row of a
    /// numbered paragraph carries its marker.
    Text {
        paragraph: usize,
        start: usize,
        end: usize,
        first: bool,
    },
}

/// One row, packed: a large statement has millions of rows, so a row is 12 bytes, its
/// tag in the top bits of `key` and its index in the rest ([`Row::tag`],
/// [`Row::index`]). For title, meta and heading rows `start..end` are bytes of the
/// view's own text (and a heading's index is the paragraph it stands before); for text
/// rows and the blank row after a paragraph the index is the paragraph, and
/// `start..end` the bytes of its display text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    key: u32,
    start: u32,
    end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Blank,
    Title,
    Meta,
    Heading,
    Text,
    FirstText,
}

/// Bits of a row's key that hold its index: a paragraph takes at least two bytes of
/// input, which stops at 512 MiB, so its index fits in 29 bits.
const INDEX_BITS: u32 = 29;
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

/// The blank row under the title block, which belongs to no paragraph.
const FRONT_MATTER: u32 = INDEX_MASK;

impl Row {
    fn new(tag: Tag, index: usize, start: usize, end: usize) -> Row {
        let index = if index == FRONT_MATTER as usize {
            FRONT_MATTER
        } else {
            small(index).min(INDEX_MASK - 1)
        };
        Row {
            key: (tag as u32) << INDEX_BITS | index,
            start: small(start),
            end: small(end),
        }
    }

    fn tag(&self) -> Tag {
        match self.key >> INDEX_BITS {
            0 => Tag::Blank,
            1 => Tag::Title,
            2 => Tag::Meta,
            3 => Tag::Heading,
            4 => Tag::Text,
            _ => Tag::FirstText,
        }
    }

    fn index(&self) -> u32 {
        self.key & INDEX_MASK
    }

    /// The paragraph the row belongs to: its own, or for a heading the one it stands
    /// before; `None` for the title block.
    fn owner(&self) -> Option<usize> {
        match self.tag() {
            Tag::Title | Tag::Meta => None,
            Tag::Blank if self.index() == FRONT_MATTER => None,
            _ => Some(self.index() as usize),
        }
    }
}

/// Paragraph `p`'s marker as displayed ("1.", "(a)"), or empty; made when drawn, not
/// kept, as nearly all are short and clean (borrowed).
pub fn marker(statement: &Statement, p: usize) -> std::borrow::Cow<'_, str> {
    statement.paragraphs[p]
        .marker()
        .map_or(std::borrow::Cow::Borrowed(""), safe::visible)
}

/// The statement laid out for one width.
#[derive(Debug, Clone)]
pub struct TextView {
    width: usize,
    /// The display of each paragraph that is not shown as written (control characters
    /// made visible), by paragraph index: nearly every paragraph is clean, and a
    /// statement may have millions ([`TextView::display`]).
    replaced: Vec<(u32, SafeText)>,
    rows: Vec<Row>,
    /// The wrapped lines of the title block and the headings, one after another: one
    /// buffer rather than a string per line, as a statement may have millions of
    /// headings.
    lines: String,
    /// First row of each paragraph ([`TextView::paragraph_row`]).
    paragraph_rows: Vec<u32>,
    /// First row of each section, its heading if it has one ([`TextView::section_row`]).
    section_rows: Vec<u32>,
}

impl TextView {
    pub fn new(statement: &Statement, analysis: &Analysis, width: u16) -> TextView {
        let mut view = TextView {
            width: 0,
            replaced: statement
                .paragraphs
                .iter()
                .enumerate()
                .map(|(p, paragraph)| (small(p), SafeText::new(&paragraph.text)))
                .filter(|(_, shown)| !shown.is_unchanged())
                .collect(),
            rows: Vec::new(),
            lines: String::new(),
            paragraph_rows: Vec::new(),
            section_rows: Vec::new(),
        };
        view.layout(statement, analysis, width);
        view
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Lays the rows out again for a new width (no-op if unchanged).
    pub fn layout(&mut self, statement: &Statement, analysis: &Analysis, width: u16) {
        let width = usize::from(width).max(1);
        if width == self.width && !self.rows.is_empty() {
            return;
        }
        self.width = width;
        self.rows.clear();
        self.lines.clear();
        self.paragraph_rows.clear();
        self.front_matter(statement);
        for p in 0..statement.paragraphs.len() {
            for heading in statement.headings_before(p) {
                self.heading(&heading.text, p);
            }
            self.paragraph_rows.push(small(self.rows.len()));
            let marker = marker(statement, p);
            let indent = if marker.is_empty() {
                0
            } else {
                marker.width() + 1
            };
            let text = self.display_text(statement, p);
            let lines = wrap(text, width.saturating_sub(indent).max(1));
            for (k, (start, end)) in lines.into_iter().enumerate() {
                let tag = if k == 0 { Tag::FirstText } else { Tag::Text };
                self.push(tag, p, start, end);
            }
            self.push(Tag::Blank, p, 0, 0);
        }
        let after = statement.paragraphs.len();
        for heading in statement.headings_before(after) {
            self.heading(&heading.text, after);
        }
        self.rows.shrink_to_fit();
        self.set_sections(analysis);
    }

    /// Finds where each section of `analysis` starts, without wrapping anything again:
    /// what the analysis landing costs. A row belongs to its paragraph (text and the
    /// blank row after it) or, for a heading, to the paragraph it stands before.
    pub fn set_sections(&mut self, analysis: &Analysis) {
        let count = analysis.sections.len();
        let last = count.saturating_sub(1);
        let section_of = |p: usize| analysis.section_of_paragraph(p).unwrap_or(last);
        let mut started = vec![false; count];
        self.section_rows = vec![0; count];
        for (r, row) in self.rows.iter().enumerate() {
            let owner = row.owner();
            let section = owner.map_or(0, section_of);
            if owner.is_some()
                && row.tag() != Tag::Blank
                && let Some(flag) = started.get_mut(section).filter(|f| !**f)
            {
                *flag = true;
                self.section_rows[section] = small(r);
            }
        }
        // Sections without paragraphs of their own (a heading with nothing under it)
        // start where the next one does.
        for s in (0..count).rev() {
            if !started[s] {
                self.section_rows[s] = self
                    .section_rows
                    .get(s + 1)
                    .copied()
                    .unwrap_or(small(self.rows.len()));
            }
        }
    }

    fn front_matter(&mut self, statement: &Statement) {
        let meta = &statement.metadata;
        for line in wrap_lines(&safe::visible(&meta.title), self.width) {
            self.push_line(Tag::Title, line, 0);
        }
        let mut facts = Vec::new();
        if let Some(occasion) = &meta.occasion {
            facts.push(safe::visible(occasion).into_owned());
        }
        if let Some(dateline) = meta.dateline() {
            facts.push(safe::visible(&dateline).into_owned());
        }
        for fact in facts {
            for line in wrap_lines(&fact, self.width) {
                self.push_line(Tag::Meta, line, 0);
            }
        }
        self.push(Tag::Blank, FRONT_MATTER as usize, 0, 0);
    }

    /// A row; its section is set by [`TextView::set_sections`].
    fn push(&mut self, tag: Tag, index: usize, start: usize, end: usize) {
        self.rows.push(Row::new(tag, index, start, end));
    }

    /// A row of the title block or a heading; `before` is, for a heading, the
    /// paragraph it stands before.
    fn push_line(&mut self, tag: Tag, line: &str, before: usize) {
        let start = self.lines.len();
        self.lines.push_str(line);
        self.push(tag, before, start, self.lines.len());
    }

    /// Number of rows.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// What row `row` shows (a blank row past the end).
    pub fn kind(&self, row: usize) -> RowKind<'_> {
        let Some(r) = self.rows.get(row) else {
            return RowKind::Blank;
        };
        let line = || {
            self.lines
                .get(r.start as usize..r.end as usize)
                .unwrap_or("")
        };
        match r.tag() {
            Tag::Blank => RowKind::Blank,
            Tag::Title => RowKind::Title(line()),
            Tag::Meta => RowKind::Meta(line()),
            Tag::Heading => RowKind::Heading {
                text: line(),
                before: r.index() as usize,
            },
            Tag::Text | Tag::FirstText => RowKind::Text {
                paragraph: r.index() as usize,
                start: r.start as usize,
                end: r.end as usize,
                first: r.tag() == Tag::FirstText,
            },
        }
    }

    /// A heading standing before paragraph `before`.
    fn heading(&mut self, text: &str, before: usize) {
        let text = safe::visible(text);
        for line in wrap_lines(&text, self.width) {
            self.push_line(Tag::Heading, line, before);
        }
    }

    /// How paragraph `p` is shown: its display text (control characters made visible)
    /// and the map from its offsets.
    pub fn display<'a>(&'a self, statement: &Statement, p: usize) -> Cow<'a, SafeText> {
        match self.replaced_display(p) {
            Some(shown) => Cow::Borrowed(shown),
            None => Cow::Owned(SafeText::unchanged(
                statement.paragraphs.get(p).map_or("", |x| &x.text),
            )),
        }
    }

    /// The display of paragraph `p`, if it is not shown as written.
    fn replaced_display(&self, p: usize) -> Option<&SafeText> {
        let k = self
            .replaced
            .binary_search_by_key(&p, |&(q, _)| q as usize)
            .ok()?;
        Some(&self.replaced[k].1)
    }

    /// The text paragraph `p` is shown as (control characters made visible).
    pub fn display_text<'a>(&'a self, statement: &'a Statement, p: usize) -> &'a str {
        let text = &statement.paragraphs[p].text;
        self.replaced_display(p)
            .map_or(text, |shown| shown.text(text))
    }

    /// The row on which a sentence starts.
    pub fn sentence_row(&self, statement: &Statement, at: SentenceRef) -> usize {
        let start = statement.sentence(at).map_or(0, |s| s.start());
        let start = self.display(statement, at.paragraph()).map(start);
        self.row_of(at.paragraph(), start)
    }

    /// First row of paragraph `p`.
    pub fn paragraph_row(&self, p: usize) -> Option<usize> {
        self.paragraph_rows.get(p).map(|&r| r as usize)
    }

    /// How many paragraphs are laid out.
    pub fn paragraph_count(&self) -> usize {
        self.paragraph_rows.len()
    }

    /// First row of section `s`: its heading if it has one.
    pub fn section_row(&self, s: usize) -> Option<usize> {
        self.section_rows.get(s).map(|&r| r as usize)
    }

    /// The section whose first row is `row`, if one starts there.
    pub fn section_starting_at(&self, row: usize) -> Option<usize> {
        self.section_rows.iter().position(|&r| r as usize == row)
    }

    /// The row showing display byte `offset` of paragraph `p`.
    pub fn row_of(&self, p: usize, offset: usize) -> usize {
        let first = self.paragraph_rows[p] as usize;
        let mut row = first;
        // A paragraph's rows are consecutive: walk to the one whose range holds offset.
        while let RowKind::Text { paragraph, end, .. } = self.kind(row) {
            if paragraph != p || offset < end {
                break;
            }
            row += 1;
        }
        match self.kind(row) {
            RowKind::Text { paragraph, .. } if paragraph == p => row,
            _ => row.saturating_sub(1).max(first),
        }
    }

    /// The section shown at `row`: the last to start at or before it (sections follow
    /// one another, so a row lies in the last one begun; one without rows of its own
    /// starts where the next does, and gives way to it).
    pub fn section_at(&self, row: usize) -> usize {
        let row = row.min(self.rows.len().saturating_sub(1));
        self.section_rows
            .partition_point(|&start| start as usize <= row)
            .saturating_sub(1)
    }
}

pub use crate::document::wrap::wrap;

fn wrap_lines(text: &str, width: usize) -> impl Iterator<Item = &str> {
    wrap(text, width)
        .into_iter()
        .map(move |(s, e)| text[s..e].trim_end())
}

#[cfg(test)]
mod tests;
