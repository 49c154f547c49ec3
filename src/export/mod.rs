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

/// Characters of a sentence each row of a per-act export shows at most around its act.
const EXCERPT_AROUND: usize = 240;

/// The sentence an act is in, as a per-act row shows it: whole when it is of a usual
/// length, else the stretch around the act with "…" at the cuts — one sentence of
/// 10,000 acts would otherwise be written 10,000 times whole.
fn sentence_excerpt(statement: &Statement, act: &crate::analysis::Commitment) -> String {
    let at = act.sentence;
    let paragraph = &statement.paragraphs[at.paragraph];
    let sentence = paragraph.sentences[at.index];
    let text = &paragraph.text;
    if sentence.end - sentence.start <= 3 * EXCERPT_AROUND {
        return text[sentence.start..sentence.end].to_string();
    }
    let floor = |i: usize| text.floor_char_boundary(i);
    let from = floor(
        act.cue_range()
            .0
            .saturating_sub(EXCERPT_AROUND)
            .max(sentence.start),
    );
    let object_end = act.object_range().1.min(act.cue_range().1 + EXCERPT_AROUND);
    let to = floor((object_end + EXCERPT_AROUND / 2).min(sentence.end));
    let mut out = String::new();
    if from > sentence.start {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to < sentence.end {
        out.push('…');
    }
    out
}

/// An act's object as a per-act row shows it: cut at [`EXCERPT_AROUND`] characters
/// past its start when longer.
fn object_excerpt<'s>(
    statement: &'s Statement,
    act: &crate::analysis::Commitment,
) -> std::borrow::Cow<'s, str> {
    let object = act.object(statement);
    if object.len() <= 2 * EXCERPT_AROUND {
        return object.into();
    }
    let cut = object.floor_char_boundary(2 * EXCERPT_AROUND);
    format!("{}…", object[..cut].trim_end()).into()
}

/// 1-based id of a sentence in reading order, as exports number them.
fn sentence_id(statement: &Statement, at: crate::document::SentenceRef) -> usize {
    statement.sentence_ordinal(at) + 1
}
