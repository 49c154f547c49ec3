//! A PDF: its text page by page, without the running headers and footers.
//!
//! Text comes from pdf-extract (pure Rust, over lopdf), on a thread of its own
//! ([`super::contained`]): a PDF is a program of sorts, and a broken or hostile one can
//! make a parser panic, loop or allocate without end. A file over [`MAX_BYTES`] is not
//! parsed at all, an encrypted one is refused, and one still parsing after
//! [`TIME_LIMIT`] is given up. Pages are joined by blank lines; a paragraph carried
//! over a page break is joined again by the body reader (a block that goes on in
//! lowercase continues the paragraph before it), as are words broken at line ends
//! ([`super::body`]'s joiner).

mod pages;
mod running;

use std::time::Duration;

use super::contained::{self, Failed};
use super::header::{HeaderLine, LineClass};

/// The largest PDF read. Statements are a few pages; parsing needs many times the
/// file's size.
pub const MAX_BYTES: usize = 64 << 20;
const MAX_MIB: usize = MAX_BYTES >> 20;

/// How long a PDF may take to give its text.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Why a PDF gave no text. The `Display` text is the reason part of
/// `communique: <path>: <reason>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("PDF too large ({0} MiB; communique reads PDFs up to {MAX_MIB} MiB)")]
    TooLarge(usize),
    #[error("PDF is encrypted (communique cannot open password-protected PDFs)")]
    Encrypted,
    #[error("broken PDF: {0}")]
    Broken(String),
    #[error("broken PDF (its text could not be read)")]
    Panicked,
    #[error("PDF took too long to read (over {} s); it may be broken", TIME_LIMIT.as_secs())]
    TimedOut,
    #[error("PDF has no text (a scan? communique does not read images)")]
    NoText,
}

/// A PDF's text and what was dropped from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pdf {
    pub text: String,
    pub pages: usize,
    /// Running headers, footers and page numbers, each as a furniture line naming the
    /// line of the text where its page begins.
    pub dropped: Vec<HeaderLine>,
    /// The document information's title, named when the text has no title line.
    pub title: Option<String>,
}

/// Whether bytes are a PDF: `%PDF-` at the start (or in the first kilobyte, after
/// junk some generators put first, as readers allow).
pub fn sniff(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Reads a PDF's text.
pub fn read(bytes: Vec<u8>) -> Result<Pdf, PdfError> {
    if bytes.len() > MAX_BYTES {
        return Err(PdfError::TooLarge(bytes.len() >> 20));
    }
    let pages = contained::run(TIME_LIMIT, move || {
        pages::read(&bytes).map_err(|e| reason(&e))
    })
    .map_err(|failed| match failed {
        Failed::Panicked => PdfError::Panicked,
        Failed::TimedOut => PdfError::TimedOut,
    })??;
    let mut pdf = running::join(&pages.texts);
    if let Some(title) = &pages.title {
        pdf.dropped.insert(
            0,
            HeaderLine {
                line: 1,
                text: compact_str::format_compact!("title: {title}"),
                class: LineClass::Page,
                detail: "pdf info",
            },
        );
    }
    pdf.title = pages.title;
    if pdf.text.trim().is_empty() {
        return Err(PdfError::NoText);
    }
    Ok(pdf)
}

/// The parser's error as a reason: a wrong password is an encrypted file; anything
/// else is named in one line.
fn reason(error: &str) -> PdfError {
    let lower = error.to_lowercase();
    if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt") {
        return PdfError::Encrypted;
    }
    let line = error.lines().next().unwrap_or("unreadable").trim();
    let line = line.strip_prefix("PDF error: ").unwrap_or(line);
    // The parser's messages can quote the file (a glyph name, a key): printable ASCII
    // only, and short.
    let shown: String = line
        .chars()
        .take(120)
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .collect();
    PdfError::Broken(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf_and_a_cut_one() {
        assert!(sniff(b"%PDF-1.7\n"));
        assert!(!sniff(b"Joint statement\n"));
        let outcome = read(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog".to_vec());
        assert!(matches!(outcome, Err(PdfError::Broken(_))), "{outcome:?}");
    }

    #[test]
    fn too_large_is_refused_before_parsing() {
        let big = vec![b' '; MAX_BYTES + 1];
        assert_eq!(read(big), Err(PdfError::TooLarge(64)));
    }

    #[test]
    fn reasons_are_one_line() {
        assert_eq!(
            reason("PDF error: decryption error: invalid password"),
            PdfError::Encrypted
        );
        assert_eq!(
            reason("PDF error: invalid file header\nmore"),
            PdfError::Broken("invalid file header".into())
        );
    }
}
