//! The text pane's content as rows of a given width.
//!
//! The statement is laid out once per width: a front matter block (title, occasion,
//! date), then headings and paragraphs wrapped with textwrap. Paragraph rows point into
//! the paragraph's display text (control characters already made visible), so a
//! highlight given as a byte range of the original text maps straight onto rows. The
//! reader draws only the rows in view, so a document of any length scrolls without the
//! 65,535-row limit of `Paragraph::scroll`.

use textwrap::WordSeparator;
use textwrap::core::break_words;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthStr;

use crate::analysis::Analysis;
use crate::document::safe::{self, SafeText};
use crate::document::{SentenceRef, Statement};

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind<'a> {
    Blank,
    /// The statement's title.
    Title(&'a str),
    /// Occasion, date and parties under the title.
    Meta(&'a str),
    Heading {
        text: &'a str,
        level: u8,
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

/// One row, packed: a large statement has millions of rows, so a row is 20 bytes.
/// For title, meta and heading rows `index` points into the view's own lines; for text
/// rows it is the paragraph, and `start..end` the bytes of its display text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    tag: Tag,
    level: u8,
    index: u32,
    start: u32,
    end: u32,
    section: u32,
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

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The statement laid out for one width.
#[derive(Debug, Clone)]
pub struct TextView {
    width: usize,
    /// Display text of each paragraph, with the map from original offsets.
    pub display: Vec<SafeText>,
    /// Paragraph markers as displayed ("1.", "(a)"), or empty.
    pub markers: Vec<String>,
    rows: Vec<Row>,
    /// The wrapped lines of the title block and the headings.
    lines: Vec<String>,
    /// First row of each paragraph.
    pub paragraph_rows: Vec<usize>,
    /// First row of each section (its heading if it has one).
    pub section_rows: Vec<usize>,
}

impl TextView {
    pub fn new(statement: &Statement, analysis: &Analysis, width: u16) -> TextView {
        let mut view = TextView {
            width: 0,
            display: statement
                .paragraphs
                .iter()
                .map(|p| SafeText::new(&p.text))
                .collect(),
            markers: statement
                .paragraphs
                .iter()
                .map(|p| {
                    p.marker
                        .as_deref()
                        .map(|m| safe::visible(m).into_owned())
                        .unwrap_or_default()
                })
                .collect(),
            rows: Vec::new(),
            lines: Vec::new(),
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
        self.section_rows = vec![0; analysis.sections.len()];
        self.front_matter(statement);
        let mut section_started = vec![false; analysis.sections.len()];
        for p in 0..self.display.len() {
            let section = analysis.paragraph_section.get(p).copied().unwrap_or(0);
            for heading in statement.headings_before(p) {
                self.heading(&heading.text, heading.level, section, &mut section_started);
            }
            if !section_started[section] {
                section_started[section] = true;
                self.section_rows[section] = self.rows.len();
            }
            self.paragraph_rows.push(self.rows.len());
            let marker = &self.markers[p];
            let indent = if marker.is_empty() {
                0
            } else {
                marker.width() + 1
            };
            let text = self.display[p].text(&statement.paragraphs[p].text);
            let lines = wrap(text, width.saturating_sub(indent).max(1));
            for (k, (start, end)) in lines.into_iter().enumerate() {
                let tag = if k == 0 { Tag::FirstText } else { Tag::Text };
                self.push(tag, 0, p, start, end, section);
            }
            self.push(Tag::Blank, 0, 0, 0, 0, section);
        }
        let last_section = analysis.sections.len().saturating_sub(1);
        for heading in statement.headings_before(statement.paragraphs.len()) {
            self.heading(
                &heading.text,
                heading.level,
                last_section,
                &mut section_started,
            );
        }
        // Sections without paragraphs of their own (a heading with nothing under it)
        // start where the next one does.
        for s in (0..self.section_rows.len()).rev() {
            if !section_started[s] {
                self.section_rows[s] = self
                    .section_rows
                    .get(s + 1)
                    .copied()
                    .unwrap_or(self.rows.len());
            }
        }
    }

    fn front_matter(&mut self, statement: &Statement) {
        let meta = &statement.metadata;
        for line in wrap_owned(&safe::visible(&meta.title), self.width) {
            self.push_line(Tag::Title, 0, line, 0);
        }
        let mut facts = Vec::new();
        if let Some(occasion) = &meta.occasion {
            facts.push(safe::visible(occasion).into_owned());
        }
        if let Some(dateline) = meta.dateline() {
            facts.push(safe::visible(&dateline).into_owned());
        }
        for fact in facts {
            for line in wrap_owned(&fact, self.width) {
                self.push_line(Tag::Meta, 0, line, 0);
            }
        }
        self.push(Tag::Blank, 0, 0, 0, 0, 0);
    }

    fn push(
        &mut self,
        tag: Tag,
        level: u8,
        index: usize,
        start: usize,
        end: usize,
        section: usize,
    ) {
        self.rows.push(Row {
            tag,
            level,
            index: small(index),
            start: small(start),
            end: small(end),
            section: small(section),
        });
    }

    fn push_line(&mut self, tag: Tag, level: u8, line: String, section: usize) {
        self.lines.push(line);
        self.push(tag, level, self.lines.len() - 1, 0, 0, section);
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
        let line = || self.lines.get(r.index as usize).map_or("", String::as_str);
        match r.tag {
            Tag::Blank => RowKind::Blank,
            Tag::Title => RowKind::Title(line()),
            Tag::Meta => RowKind::Meta(line()),
            Tag::Heading => RowKind::Heading {
                text: line(),
                level: r.level,
            },
            Tag::Text | Tag::FirstText => RowKind::Text {
                paragraph: r.index as usize,
                start: r.start as usize,
                end: r.end as usize,
                first: r.tag == Tag::FirstText,
            },
        }
    }

    fn heading(&mut self, text: &str, level: u8, section: usize, started: &mut [bool]) {
        if let Some(flag) = started.get_mut(section).filter(|f| !**f) {
            *flag = true;
            self.section_rows[section] = self.rows.len();
        }
        for line in wrap_owned(&safe::visible(text), self.width) {
            self.push_line(Tag::Heading, level, line, section);
        }
    }

    /// The text paragraph `p` is shown as (control characters made visible).
    pub fn display_text<'a>(&'a self, statement: &'a Statement, p: usize) -> &'a str {
        self.display[p].text(&statement.paragraphs[p].text)
    }

    /// The row on which a sentence starts.
    pub fn sentence_row(&self, statement: &Statement, at: SentenceRef) -> usize {
        let paragraph = &statement.paragraphs[at.paragraph];
        let start = self.display[at.paragraph].map(paragraph.sentences[at.index].start);
        self.row_of(at.paragraph, start)
    }

    /// The row showing display byte `offset` of paragraph `p`.
    pub fn row_of(&self, p: usize, offset: usize) -> usize {
        let first = self.paragraph_rows[p];
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

    /// The section shown at `row`.
    pub fn section_at(&self, row: usize) -> usize {
        self.rows
            .get(row)
            .or(self.rows.last())
            .map_or(0, |r| r.section as usize)
    }
}

/// Wraps `text` to `width` columns; returns byte ranges of the lines, without the
/// spaces at which they break. Lines break at spaces, and a run wider than the line
/// (a URL, or CJK text, which may break anywhere) is split by columns: Unicode
/// line-breaking rules cost ten times as much and change little for this text.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    if text.is_empty() {
        return vec![(0, 0)];
    }
    let base = text.as_ptr() as usize;
    let words: Vec<_> = WordSeparator::AsciiSpace.find_words(text).collect();
    let words = break_words(words, width);
    wrap_first_fit(&words, &[width as f64])
        .into_iter()
        .filter(|line| !line.is_empty())
        .map(|line| {
            // Words are slices of `text`; their addresses give their offsets.
            let start = line[0].word.as_ptr() as usize - base;
            let last = &line[line.len() - 1];
            let end = last.word.as_ptr() as usize - base + last.word.len();
            (start, end.max(start))
        })
        .collect()
}

fn wrap_owned(text: &str, width: usize) -> Vec<String> {
    wrap(text, width)
        .into_iter()
        .map(|(s, e)| text[s..e].trim_end().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Lexicons, analyse};

    fn view(text: &str, width: u16) -> (Statement, TextView) {
        let statement = Statement::parse(text, "t");
        let analysis = analyse(&statement, Lexicons::embedded());
        let view = TextView::new(&statement, &analysis, width);
        (statement, view)
    }

    #[test]
    fn wrap_covers_text_within_width() {
        let text = "We condemn in the strongest terms the nuclear tests and the missile launches.";
        for width in [1, 5, 10, 20, 80] {
            let lines = wrap(text, width);
            for &(s, e) in &lines {
                assert!(text[s..e].width() <= width, "{width}: {:?}", &text[s..e]);
            }
            // Every character is on some line, in order; only the breaking spaces go.
            let shown: String = lines
                .iter()
                .map(|&(s, e)| &text[s..e])
                .collect::<String>()
                .replace(' ', "");
            assert_eq!(shown, text.replace(' ', ""), "width {width}");
        }
    }

    #[test]
    fn wide_characters_wrap_by_columns() {
        let text = "岸田文雄首相と会談した。";
        for &(s, e) in &wrap(text, 6) {
            assert!(text[s..e].width() <= 6);
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }

    #[test]
    fn rows_reflow_on_width() {
        let (statement, mut v) = view(
            "Title\n\nWe condemn the attack on the embassy in the strongest terms.\n",
            80,
        );
        let wide_rows = v.row_count();
        let analysis = analyse(&statement, Lexicons::embedded());
        v.layout(&statement, &analysis, 20);
        assert_eq!(v.width(), 20);
        assert!(v.row_count() > wide_rows);
    }

    #[test]
    fn sentences_find_their_rows() {
        let (statement, v) = view(
            "Title\n\nOne short sentence. Another sentence that is rather longer than the first.\n",
            24,
        );
        let second = v.sentence_row(
            &statement,
            SentenceRef {
                paragraph: 0,
                index: 1,
            },
        );
        match v.kind(second) {
            RowKind::Text { start, end, .. } => {
                assert!(v.display_text(&statement, 0)[start..end].contains("Another"))
            }
            other => panic!("{other:?}"),
        }
        assert!(second > v.paragraph_rows[0]);
    }

    #[test]
    fn sections_start_at_their_headings() {
        let (_, v) = view(
            "Title\n\nLead paragraph.\n\nCyber defence\nWe will act together to strengthen our cyber defence and resilience.\n",
            40,
        );
        assert!(
            matches!(v.kind(v.section_rows[1]), RowKind::Heading { text, .. } if text == "Cyber defence")
        );
        assert!(v.section_rows[0] < v.section_rows[1]);
    }
}
