//! Writing a statement and its analysis for scripts and people: JSON, Markdown, CSV,
//! and the plain rendering used when output is not a terminal.
//!
//! Every text format passes document text through [`crate::document::safe`], so no
//! control sequence from a document reaches a terminal or a spreadsheet raw. JSON keeps
//! the text as written, with every invisible or control character escaped.

mod csv;
mod json;
mod markdown;
mod plain;

pub use self::csv::write_csv;
pub use json::write_json;
pub use markdown::write_markdown;
pub use plain::write_plain;

use crate::analysis::Analysis;
use crate::document::Statement;

/// An export format chosen with `--export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv,
}

/// Writes `statement` and `analysis` in `format`.
pub fn write(
    format: Format,
    statement: &Statement,
    analysis: &Analysis,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(statement, analysis, out),
        Format::Markdown => write_markdown(statement, analysis, out),
        Format::Csv => write_csv(statement, analysis, out),
    }
}

/// 1-based id of a sentence in reading order, as exports number them.
fn sentence_id(statement: &Statement, at: crate::document::SentenceRef) -> usize {
    statement.sentence_ordinal(at) + 1
}
