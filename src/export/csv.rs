//! The CSV export: one row per act, for spreadsheets.
//!
//! Cells are made safe twice over: control characters become visible placeholders, and
//! a cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
//! is prefixed with an apostrophe, as OWASP recommends.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::analysis::Analysis;
use crate::analysis::sections::whole_title;
use crate::document::safe::SafeText;
use crate::document::{Statement, safe};

const HEADER: [&str; 20] = [
    "document",
    "date",
    "source",
    "id",
    "kind",
    "actor",
    "addressee",
    "cue",
    "object",
    "intensity",
    "strength",
    "section",
    "section_title",
    "paragraph",
    "paragraph_number",
    "sentence",
    "sentence_text",
    "cue_start",
    "cue_end",
    "topics",
];

/// How the CSV is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark, for spreadsheet programs that guess the
    /// encoding otherwise.
    pub bom: bool,
    /// Write the header row; off, the CSVs of several statements concatenate.
    pub header: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            bom: false,
            header: true,
        }
    }
}

/// The CSV writer every export uses. Text cells are quoted: a cell with ";" stays
/// whole in the locales that split there.
fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(out)
}

/// A cell a spreadsheet will show as text. What it starts with is judged after the
/// characters a spreadsheet skips (spaces, invisible format characters), and the
/// full-width forms of the formula signs count too.
fn cell(text: &str) -> Cow<'_, str> {
    let visible = safe::visible(text);
    let start = visible.trim_start_matches(|c: char| {
        c.is_whitespace() && c != '\t' && c != '\r' || safe::is_unsafe(c)
    });
    const FORMULA: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    if start.starts_with(FORMULA) || text.trim_start().starts_with(FORMULA) {
        Cow::Owned(format!("'{visible}"))
    } else {
        visible
    }
}

/// The write error under a csv error, so a closed pipe is still seen as one.
fn write_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// One row per act. Each row names its statement (title, date, file), so the CSVs of
/// many statements can be merged; `cue_start` and `cue_end` count characters in the
/// row's `sentence_text`.
pub fn write_csv(
    statement: &Statement,
    analysis: &Analysis,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_csv_with(statement, analysis, CsvOptions::default(), out)
}

pub fn write_csv_with(
    statement: &Statement,
    analysis: &Analysis,
    options: CsvOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    if options.bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut writer = writer(out);
    if options.header {
        writer.write_record(HEADER).map_err(write_error)?;
    }
    let meta = &statement.metadata;
    let document = cell(&meta.title).into_owned();
    let date = meta.date.map(|d| d.to_string()).unwrap_or_default();
    let source = cell(&statement.file_name().unwrap_or_default()).into_owned();
    for (place, act) in analysis.commitments.iter().enumerate() {
        let section = &analysis.sections[analysis.act_section(act)];
        let topics: Vec<&str> = analysis
            .act_topics(act)
            .iter()
            .map(|&t| analysis.topic_name(t))
            .collect();
        let sentence = super::sentence_cell(statement, act);
        let (sentence_text, cue_chars) = sentence_and_cue(&sentence.text, sentence.cue);
        let record = [
            document.clone(),
            date.clone(),
            source.clone(),
            analysis.act_number(place).to_string(),
            act.kind.to_string(),
            cell(act.actor(analysis)).into_owned(),
            cell(act.addressee(analysis).unwrap_or("")).into_owned(),
            cell(act.cue(statement)).into_owned(),
            cell(&super::object_cell(statement, act)).into_owned(),
            act.intensity.to_string(),
            act.strength().unwrap_or("").to_string(),
            section.id().to_string(),
            cell(whole_title(
                analysis.section_title(section),
                section,
                statement,
            ))
            .into_owned(),
            (act.sentence.paragraph() + 1).to_string(),
            cell(&statement.paragraph_number(act.sentence.paragraph())).into_owned(),
            super::sentence_id(statement, act.sentence).to_string(),
            sentence_text,
            cue_chars.0.to_string(),
            cue_chars.1.to_string(),
            cell(&topics.join("; ")).into_owned(),
        ];
        writer.write_record(&record).map_err(write_error)?;
    }
    writer.flush()
}

/// The sentence's cell and its cue's place in that cell, in characters: counted in
/// the text as the cell shows it — controls made visible, invisible characters named
/// or dropped, a formula sign defused — so the offsets pick the cue out of the cell.
fn sentence_and_cue(text: &str, (cue_start, cue_end): (usize, usize)) -> (String, (usize, usize)) {
    let shown = cell(text).into_owned();
    let safe = SafeText::new(text);
    let display = safe.text(text);
    // `cell` shows the display text, after an apostrophe when it defused a formula.
    let lead = shown.len() - display.len();
    let chars = |byte: usize| lead + display[..safe.map(byte)].chars().count();
    let offsets = (chars(cue_start), chars(cue_end));
    (shown, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("North Korea"), "North Korea");
        for sneaky in [
            "＝1+1",
            "＋1",
            "－2",
            "＠SUM(A1)",
            "\u{0600}=1",
            "\u{FE0F}=1",
            "  =1",
            "\u{200B}@x",
        ] {
            assert!(cell(sneaky).starts_with('\''), "{sneaky:?}");
        }
    }

    #[test]
    fn text_cells_are_quoted_so_semicolons_do_not_split_them() {
        let mut out = Vec::new();
        let mut writer = writer(&mut out);
        writer.write_record(["x;=1", "12"]).unwrap();
        drop(writer);
        assert_eq!(String::from_utf8(out).unwrap(), "\"x;=1\",12\n");
    }

    #[test]
    fn control_characters_are_visible() {
        assert_eq!(cell("a\x1b[31mb"), "a␛[31mb");
    }
}
