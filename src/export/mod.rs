//! Writing a statement and its analysis for scripts and people: JSON, Markdown, CSV,
//! and the plain rendering used when output is not a terminal.
//!
//! Every text format passes document text through [`crate::document::safe`], so no
//! control sequence from a document reaches a terminal or a spreadsheet raw. JSON keeps
//! the text as written, with every invisible or control character escaped.

mod compare;
mod csv;
mod json;
mod markdown;
mod plain;

pub use self::csv::{CsvOptions, write_csv, write_csv_with};
pub use compare::{write_compare_json, write_compare_markdown};
pub use json::{write_json, write_json_line};
pub use markdown::write_markdown;
pub use plain::write_plain;

use crate::analysis::{Analysis, Commitment};
use crate::document::{Sentence, Statement};

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

/// Longest sentence or object (in bytes) a per-act row carries whole: four times the
/// longest sentence of the development set's real statements. Past it a row shows
/// the stretch around its act — one sentence of 10,000 acts would otherwise be written
/// 10,000 times whole.
const WHOLE_UP_TO: usize = 2048;

/// Bytes of a too-long sentence a row shows around its act's cue.
const EXCERPT_AROUND: usize = 480;

/// The sentence an act is in, as a per-act row shows it (as written: each format makes
/// it safe its own way), and the byte range of its cue in that text.
struct SentenceCell {
    text: String,
    cue: (usize, usize),
}

fn sentence_cell(statement: &Statement, act: &Commitment) -> SentenceCell {
    let at = act.sentence;
    let text = &statement.paragraphs[at.paragraph()].text;
    let sentence = statement.sentence(at).unwrap_or(Sentence::new(0, 0));
    let floor = |i: usize| text.floor_char_boundary(i.min(text.len()));
    let (from, to) = if sentence.end() - sentence.start() <= WHOLE_UP_TO {
        (sentence.start(), sentence.end())
    } else {
        let (cue_start, cue_end) = act.cue_range();
        let from = floor(
            cue_start
                .saturating_sub(EXCERPT_AROUND)
                .max(sentence.start()),
        );
        let to = floor((cue_end + EXCERPT_AROUND).min(sentence.end()));
        (from, to)
    };
    let mut out = String::new();
    if from > sentence.start() {
        out.push('…');
    }
    let lead = out.len();
    out.push_str(&text[from..to]);
    if to < sentence.end() {
        out.push('…');
    }
    let (cue_start, cue_end) = act.cue_range();
    let at = |i: usize| lead + floor(i.clamp(from, to)) - from;
    SentenceCell {
        text: out,
        cue: (at(cue_start), at(cue_end)),
    }
}

/// An act's object as a per-act row shows it: whole up to [`WHOLE_UP_TO`] bytes.
fn object_cell<'s>(statement: &'s Statement, act: &Commitment) -> std::borrow::Cow<'s, str> {
    let object = act.object(statement);
    if object.len() <= WHOLE_UP_TO {
        return object.into();
    }
    let cut = object.floor_char_boundary(WHOLE_UP_TO);
    format!("{}…", object[..cut].trim_end()).into()
}

/// 1-based id of a sentence in reading order, as exports number them.
fn sentence_id(statement: &Statement, at: crate::document::SentenceRef) -> usize {
    statement.sentence_ordinal(at) + 1
}
