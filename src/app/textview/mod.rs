//! The text pane's content as rows of a given width.
//!
//! The statement is laid out once per width: a front matter block (title, occasion,
//! date), then headings and paragraphs wrapped first fit. The rows of the title block
//! and of the headings are kept; a paragraph's are only counted, and wrapped again when
//! asked for (the last paragraph asked for is kept wrapped, as its rows are drawn one
//! after another), so a statement of millions of lines keeps four bytes per paragraph
//! rather than twelve per line. Paragraph rows point into the paragraph's display text
//! (control characters already made visible), so a highlight given as a byte range of
//! the original text maps straight onto rows. The reader draws only the rows in view,
//! so a document of any length scrolls without the 65,535-row limit of
//! `Paragraph::scroll`.

mod row;

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::analysis::Analysis;
use crate::document::safe::{self, SafeText};
use crate::document::{SentenceRef, Statement, saturating_u32 as small};
pub use row::RowKind;
use row::{FRONT_MATTER, Row, Tag};

/// Paragraph `p`'s marker as displayed ("1.", "(a)"), or empty; made when drawn, not
/// kept, as nearly all are short and clean (borrowed).
pub fn marker(statement: &Statement, p: usize) -> std::borrow::Cow<'_, str> {
    statement
        .marker(p)
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
    /// The rows of the title block (the first [`TextView::front_rows`]), then those of
    /// the headings, in reading order.
    kept: Vec<Row>,
    front_rows: usize,
    /// The wrapped lines of the title block and the headings, one after another: one
    /// buffer rather than a string per line, as a statement may have millions of
    /// headings.
    lines: String,
    /// First row of each paragraph ([`TextView::paragraph_row`]); its rows run to the
    /// headings before the next, or to the end, the last of them blank.
    paragraph_rows: Vec<u32>,
    row_count: usize,
    /// First row of each section, its heading if it has one ([`TextView::section_row`]).
    section_rows: Vec<u32>,
    /// The paragraph last asked for and its lines, as display byte ranges.
    wrapped: RefCell<(usize, Vec<(usize, usize)>)>,
}

/// Where a row lies: a kept row (its index in [`TextView::kept`]), or line `k` of a
/// paragraph (the blank row under it when `k` is past its lines).
enum Place {
    Kept(usize),
    Paragraph(usize, usize),
    Past,
}

/// No paragraph is wrapped in [`TextView::wrapped`].
const NOT_WRAPPED: usize = usize::MAX;

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
            kept: Vec::new(),
            front_rows: 0,
            lines: String::new(),
            paragraph_rows: Vec::new(),
            row_count: 0,
            section_rows: Vec::new(),
            wrapped: RefCell::new((NOT_WRAPPED, Vec::new())),
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
        if width == self.width && self.row_count > 0 {
            return;
        }
        self.width = width;
        self.kept.clear();
        self.lines.clear();
        self.paragraph_rows.clear();
        *self.wrapped.get_mut() = (NOT_WRAPPED, Vec::new());
        self.front_matter(statement);
        self.front_rows = self.kept.len();
        let mut rows = self.kept.len();
        for p in 0..statement.paragraphs.len() {
            for heading in statement.headings_before(p) {
                rows += self.heading(&heading.text, p);
            }
            self.paragraph_rows.push(small(rows));
            // Its lines, then a blank row.
            rows += self.wrap_paragraph(statement, p).len() + 1;
        }
        let after = statement.paragraphs.len();
        for heading in statement.headings_before(after) {
            rows += self.heading(&heading.text, after);
        }
        self.row_count = rows;
        self.kept.shrink_to_fit();
        self.set_sections(analysis);
    }

    /// Finds where each section of `analysis` starts, without wrapping anything again:
    /// what the analysis landing costs. A section starts at the first row, other than
    /// a blank one, of its first paragraph: the paragraph's first heading, or its text.
    pub fn set_sections(&mut self, analysis: &Analysis) {
        let count = analysis.sections.len();
        let last = count.saturating_sub(1);
        let mut started = vec![false; count];
        self.section_rows = vec![0; count];
        // Headings after the last paragraph belong to it as the last section.
        for p in 0..=self.paragraph_rows.len() {
            let headings = self.headings_of(p).len();
            let start = self.block_start(p);
            let first = if headings > 0 {
                start - headings
            } else if p < self.paragraph_rows.len() && self.text_rows(p) > 0 {
                start
            } else {
                continue;
            };
            let section = analysis.section_of_paragraph(p).unwrap_or(last);
            if let Some(flag) = started.get_mut(section).filter(|f| !**f) {
                *flag = true;
                self.section_rows[section] = small(first);
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
                    .unwrap_or(small(self.row_count));
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

    /// A kept row.
    fn push(&mut self, tag: Tag, index: usize, start: usize, end: usize) {
        self.kept.push(Row::new(tag, index, start, end));
    }

    /// A row of the title block or a heading; `before` is, for a heading, the
    /// paragraph it stands before.
    fn push_line(&mut self, tag: Tag, line: &str, before: usize) {
        let start = self.lines.len();
        self.lines.push_str(line);
        self.push(tag, before, start, self.lines.len());
    }

    /// The rows of a heading standing before paragraph `before`; returns how many.
    fn heading(&mut self, text: &str, before: usize) -> usize {
        let text = safe::visible(text);
        let rows = self.kept.len();
        for line in wrap_lines(&text, self.width) {
            self.push_line(Tag::Heading, line, before);
        }
        self.kept.len() - rows
    }

    /// Paragraph `p`'s lines at this width, as byte ranges of its display text.
    fn wrap_paragraph(&self, statement: &Statement, p: usize) -> Vec<(usize, usize)> {
        let marker = marker(statement, p);
        let indent = if marker.is_empty() {
            0
        } else {
            marker.width() + 1
        };
        let text = self.display_text(statement, p);
        wrap(text, self.width.saturating_sub(indent).max(1))
    }

    /// Line `k` of paragraph `p`, wrapped again unless it was the last asked for.
    fn paragraph_line(&self, statement: &Statement, p: usize, k: usize) -> Option<(usize, usize)> {
        if k >= self.text_rows(p) {
            return None;
        }
        let mut wrapped = self.wrapped.borrow_mut();
        if wrapped.0 != p {
            *wrapped = (p, self.wrap_paragraph(statement, p));
        }
        wrapped.1.get(k).copied()
    }

    /// The kept rows of the headings standing before paragraph `p` (after the last,
    /// for `p` past it), as indexes into [`TextView::kept`].
    fn headings_of(&self, p: usize) -> Range<usize> {
        let headings = &self.kept[self.front_rows..];
        let start = headings.partition_point(|r| (r.index() as usize) < p);
        let end = headings.partition_point(|r| r.index() as usize <= p);
        self.front_rows + start..self.front_rows + end
    }

    /// The first row of paragraph `p`'s text, or the end for `p` past the last.
    fn block_start(&self, p: usize) -> usize {
        self.paragraph_rows
            .get(p)
            .map_or(self.row_count, |&r| r as usize)
    }

    /// How many rows paragraph `p`'s text takes (its blank row not counted).
    fn text_rows(&self, p: usize) -> usize {
        let end = self.block_start(p + 1) - self.headings_of(p + 1).len();
        end.saturating_sub(self.block_start(p) + 1)
    }

    /// Where row `row` lies.
    fn place(&self, row: usize) -> Place {
        if row >= self.row_count {
            return Place::Past;
        }
        // Rows before the first paragraph's text are all kept: the title block's and
        // the first headings'.
        let Some(p) = self
            .paragraph_rows
            .partition_point(|&r| r as usize <= row)
            .checked_sub(1)
        else {
            return Place::Kept(row);
        };
        let headings = self.headings_of(p + 1);
        let own_end = self.block_start(p + 1) - headings.len();
        if row >= own_end {
            Place::Kept(headings.start + row - own_end)
        } else {
            Place::Paragraph(p, row - self.block_start(p))
        }
    }

    /// The paragraph row `row` belongs to (its own, or for a heading the one it stands
    /// before); `None` for the title block.
    #[cfg(test)]
    fn owner(&self, row: usize) -> Option<usize> {
        match self.place(row) {
            Place::Kept(k) => self.kept.get(k).and_then(Row::owner),
            Place::Paragraph(p, _) => Some(p),
            Place::Past => None,
        }
    }

    /// Number of rows.
    pub fn row_count(&self) -> usize {
        self.row_count
    }

    /// What row `row` shows (a blank row past the end).
    pub fn kind(&self, statement: &Statement, row: usize) -> RowKind<'_> {
        let k = match self.place(row) {
            Place::Kept(k) => k,
            Place::Paragraph(p, k) => {
                return match self.paragraph_line(statement, p, k) {
                    Some((start, end)) => RowKind::Text {
                        paragraph: p,
                        start,
                        end,
                        first: k == 0,
                    },
                    None => RowKind::Blank,
                };
            }
            Place::Past => return RowKind::Blank,
        };
        let Some(r) = self.kept.get(k) else {
            return RowKind::Blank;
        };
        let line = self
            .lines
            .get(r.start as usize..r.end as usize)
            .unwrap_or("");
        match r.tag() {
            Tag::Blank => RowKind::Blank,
            Tag::Title => RowKind::Title(line),
            Tag::Meta => RowKind::Meta(line),
            Tag::Heading => RowKind::Heading {
                text: line,
                before: r.index() as usize,
            },
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
        self.row_of(statement, at.paragraph(), start)
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

    /// The row showing display byte `offset` of paragraph `p`: the line holding it, or
    /// the paragraph's last.
    pub fn row_of(&self, statement: &Statement, p: usize, offset: usize) -> usize {
        let first = self.block_start(p);
        let lines = self.text_rows(p);
        let holding = (0..lines).find(|&k| {
            self.paragraph_line(statement, p, k)
                .is_some_and(|(_, end)| offset < end)
        });
        first + holding.unwrap_or(lines.saturating_sub(1))
    }

    /// The section shown at `row`: the last to start at or before it (sections follow
    /// one another, so a row lies in the last one begun; one without rows of its own
    /// starts where the next does, and gives way to it).
    pub fn section_at(&self, row: usize) -> usize {
        let row = row.min(self.row_count.saturating_sub(1));
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
