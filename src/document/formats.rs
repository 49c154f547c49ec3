//! Which reader a file's bytes go to — text, Markdown, an HTML page or a PDF — and
//! the text each gives the statement parser.
//!
//! The file name decides when it says (`.md`, `.html`, `.pdf`); otherwise the bytes
//! do (`%PDF-`, a doctype or `<html>`), so a page saved as `statement` or piped in
//! opens as the page it is.

use std::path::Path;

use super::header::HeaderLine;
use super::source::{self, LoadError, Warning};
use super::{Statement, html};

/// The shape of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, or Markdown recognised from its marks.
    Text,
    Markdown,
    Html,
    Pdf,
}

/// The file extensions a library opens.
pub const EXTENSIONS: [&str; 7] = ["txt", "md", "markdown", "html", "htm", "xhtml", "pdf"];

impl Format {
    /// The format of a file, from its name when the name tells, else from its first bytes.
    pub fn of(path: Option<&Path>, bytes: &[u8]) -> Format {
        let extension = path
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("pdf") => Format::Pdf,
            _ if bytes.starts_with(b"%PDF-") => Format::Pdf,
            _ if html::sniff(bytes) => Format::Html,
            _ => Format::Text,
        }
    }
}

/// The text a format's reader gave, ready for [`Statement::parse_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub text: String,
    pub warning: Option<Warning>,
    /// Whether the text is Markdown; `None` lets the parser decide from the text.
    pub markdown: Option<bool>,
    /// Header lines the format's reader found outside the text (a page's meta tags, a
    /// PDF's running headers), put in the statement's header list by [`adopt`].
    pub lines: Vec<HeaderLine>,
    /// A title from the format's metadata (a PDF's document information), standing in
    /// for the file name when the text has no title line.
    pub title: Option<String>,
}

/// Reads a file's bytes in its format.
pub fn extract(bytes: Vec<u8>, format: Format, force: bool) -> Result<Extracted, LoadError> {
    match format {
        Format::Text | Format::Markdown => {
            let decoded = source::decode(bytes, force)?;
            Ok(Extracted {
                text: decoded.text,
                warning: decoded.warning,
                markdown: (format == Format::Markdown).then_some(true),
                lines: Vec::new(),
                title: None,
            })
        }
        Format::Html => {
            if bytes.len() > html::MAX_BYTES {
                return Err(LoadError::Extraction(format!(
                    "page too large ({} MiB; communique reads pages up to {} MiB)",
                    bytes.len() >> 20,
                    html::MAX_BYTES >> 20
                )));
            }
            let decoded = html::charset::decode(bytes, force)?;
            let page = super::contained::run(html::TIME_LIMIT, move || html::read(&decoded.text))
                .map_err(|_| {
                LoadError::Extraction("broken HTML page (its text could not be read)".into())
            })?;
            if page.text.trim().is_empty() {
                return Err(LoadError::Blank);
            }
            Ok(Extracted {
                text: page.text,
                warning: page.whole_page.then_some(Warning::WholePage),
                markdown: Some(true),
                lines: page.lines,
                title: None,
            })
        }
        Format::Pdf => pdf(bytes),
    }
}

#[cfg(feature = "pdf")]
fn pdf(bytes: Vec<u8>) -> Result<Extracted, LoadError> {
    let pdf = super::pdf::read(bytes).map_err(|e| LoadError::Extraction(e.to_string()))?;
    Ok(Extracted {
        text: pdf.text,
        warning: None,
        markdown: Some(false),
        lines: pdf.dropped,
        title: pdf.title,
    })
}

#[cfg(not(feature = "pdf"))]
fn pdf(_bytes: Vec<u8>) -> Result<Extracted, LoadError> {
    Err(LoadError::Extraction(
        "is a PDF (this communique was built without the `pdf` feature)".into(),
    ))
}

/// Puts a format reader's header lines into a parsed statement's header list: a page's
/// facts stand for the front matter made of them; a PDF's dropped lines join the rest.
pub fn adopt(statement: &mut Statement, lines: &[HeaderLine]) {
    if lines.is_empty() {
        return;
    }
    let from_page = lines
        .iter()
        .any(|l| l.class == super::header::LineClass::Page);
    if from_page {
        statement
            .header
            .retain(|l| l.class != super::header::LineClass::FrontMatter);
    }
    statement.header.splice(0..0, lines.iter().cloned());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_then_bytes_decide() {
        let of = |name: &str, bytes: &[u8]| Format::of(Some(Path::new(name)), bytes);
        assert_eq!(of("a.PDF", b"junk"), Format::Pdf);
        assert_eq!(of("a.htm", b"plain"), Format::Html);
        assert_eq!(of("a.md", b"<html>"), Format::Markdown);
        assert_eq!(of("statement", b"%PDF-1.7"), Format::Pdf);
        assert_eq!(of("statement", b"\n  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(of("statement.txt", b"Joint statement"), Format::Text);
        assert_eq!(Format::of(None, b"<p>a fragment</p>"), Format::Text);
    }
}
