//! The plain rendering: what `communique FILE | less` shows, as `bat` does when piped.
//!
//! Title block, then headings and paragraphs wrapped at the requested width. Only
//! printable text is written: no colour, no escape sequences, document controls shown
//! as visible placeholders.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::document::{Statement, safe};

/// Narrowest width the plain rendering wraps to.
pub const MIN_WIDTH: usize = 20;

/// Wrapping options: break at spaces (see [`crate::app::textview::wrap`] for why), and
/// fill lines first-fit as the reader does — textwrap's default optimal fit is several
/// times slower, which a 200 MB statement makes plain.
fn options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
}

pub fn write_plain(statement: &Statement, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let width = width.max(MIN_WIDTH);
    let mut out = io::BufWriter::new(out);
    let meta = &statement.metadata;
    let title = safe::visible(&meta.title);
    for line in textwrap::wrap(&title, options(width)) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", "=".repeat(title.width().clamp(1, width)))?;
    if let Some(occasion) = &meta.occasion {
        for line in textwrap::wrap(&safe::visible(occasion), options(width)) {
            writeln!(out, "{line}")?;
        }
    }
    if let Some(dateline) = meta.dateline() {
        writeln!(
            out,
            "{}",
            textwrap::fill(&safe::visible(&dateline), options(width))
        )?;
    }
    if !meta.parties.is_empty() {
        let parties = safe::visible(&meta.parties.join(", ")).into_owned();
        writeln!(
            out,
            "{}",
            textwrap::fill(&format!("Parties: {parties}"), options(width))
        )?;
    }
    for (i, paragraph) in statement.paragraphs.iter().enumerate() {
        for heading in statement.headings_before(i) {
            write_heading(&mut out, &heading.text, width)?;
        }
        writeln!(out)?;
        let text = safe::visible(&paragraph.text);
        let (first, rest) = match statement.marker(i) {
            Some(marker) => {
                let marker = safe::visible(marker);
                (format!("{marker} "), " ".repeat(marker.width() + 1))
            }
            None => (String::new(), String::new()),
        };
        let options = options(width)
            .initial_indent(&first)
            .subsequent_indent(&rest);
        for line in textwrap::wrap(&text, options) {
            writeln!(out, "{line}")?;
        }
    }
    for heading in statement.headings_before(statement.paragraphs.len()) {
        write_heading(&mut out, &heading.text, width)?;
    }
    out.flush()
}

fn write_heading(out: &mut impl Write, text: &str, width: usize) -> io::Result<()> {
    let text = safe::visible(text);
    writeln!(out)?;
    for line in textwrap::wrap(&text, options(width)) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", "-".repeat(text.width().clamp(1, width)))
}
