//! The CSV export: one row per act, for spreadsheets.
//!
//! Cells are made safe twice over: control characters become visible placeholders, and
//! a cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
//! is prefixed with an apostrophe, as OWASP recommends.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::analysis::Analysis;
use crate::document::{Statement, safe};

const HEADER: [&str; 14] = [
    "id",
    "kind",
    "actor",
    "addressee",
    "cue",
    "object",
    "intensity",
    "section",
    "section_title",
    "paragraph",
    "sentence",
    "topics",
    "sentence_text",
    "cue_start",
];

/// A cell a spreadsheet will show as text.
fn cell(text: &str) -> Cow<'_, str> {
    let visible = safe::visible(text);
    if visible.starts_with(['=', '+', '-', '@', '\t', '\r']) {
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

pub fn write_csv(
    statement: &Statement,
    analysis: &Analysis,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER).map_err(write_error)?;
    for act in &analysis.commitments {
        let section = &analysis.sections[act.section];
        let topics: Vec<&str> = analysis
            .act_topics(act)
            .iter()
            .map(|&t| analysis.topic_name(t))
            .collect();
        let record = [
            act.id.to_string(),
            act.kind.to_string(),
            cell(&act.actor).into_owned(),
            cell(act.addressee.as_deref().unwrap_or("")).into_owned(),
            cell(act.cue(statement)).into_owned(),
            cell(act.object(statement)).into_owned(),
            act.intensity.to_string(),
            section.id.to_string(),
            cell(&section.title).into_owned(),
            (act.sentence.paragraph + 1).to_string(),
            super::sentence_id(statement, act.sentence).to_string(),
            cell(&topics.join("; ")).into_owned(),
            cell(statement.sentence_text(act.sentence)).into_owned(),
            act.cue_span.0.to_string(),
        ];
        writer.write_record(&record).map_err(write_error)?;
    }
    writer.flush()
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
    }

    #[test]
    fn control_characters_are_visible() {
        assert_eq!(cell("a\x1b[31mb"), "a␛[31mb");
    }
}
