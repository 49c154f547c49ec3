//! Reading a statement: a file, standard input (`-`, or a pipe when no file is given)
//! or the embedded statement, capped in size, decoded, and parsed — the whole text, or
//! its beginning first when it is long.

use std::io::{self, Read};
use std::path::Path;

use super::Failure;
use crate::analysis::{self, Analysis, Lexicons};
use crate::document::formats::{self, Format};
use crate::document::header::HeaderLine;
use crate::document::source::{MAX_BYTES, Warning};
use crate::document::{LoadError, Statement};
use crate::memory;

/// The statement shipped with communique, opened when no file is given.
pub const EMBEDDED_STATEMENT: &str =
    include_str!("../../assets/japan-nato-joint-press-statement-2017.txt");
const EMBEDDED_TITLE: &str = "Japan–NATO joint press statement";

/// A statement read from somewhere, ready to parse.
#[derive(Debug)]
pub struct Input {
    /// How errors and warnings name it: the path, or "standard input".
    pub label: String,
    /// The path for the JSON `source` field.
    pub source: Option<String>,
    pub fallback_title: String,
    pub text: String,
    pub warning: Option<Warning>,
    /// Whether the text is Markdown (a `.md` file, a web page's content); `None` lets
    /// the parser decide from the text.
    pub markdown: Option<bool>,
    /// Header lines read outside the text: a page's meta tags, a PDF's running headers.
    pub lines: Vec<HeaderLine>,
}

/// The bytes of a file or stream, at most [`MAX_BYTES`]: the cap is on what is read, not the
/// size announced, so /dev/zero, a FIFO, `<(yes)` or a file that grows while read stop
/// there with an error instead of filling memory.
pub(super) fn read_capped(input: impl Read) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge(None));
    }
    Ok(bytes)
}

/// Whether standard input carries a statement: a pipe, a socket or a regular file, as
/// `less` and `bat` read it. A terminal, `/dev/null` (also what a closed descriptor
/// becomes) and other devices do not.
fn stdin_carries_text() -> bool {
    let mut stat = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: fstat only writes the descriptor's metadata into the zeroed stat owned
    // here, and it is read only when fstat succeeded.
    let mode = unsafe {
        if libc::fstat(libc::STDIN_FILENO, stat.as_mut_ptr()) != 0 {
            return false;
        }
        stat.assume_init().st_mode & libc::S_IFMT
    };
    matches!(mode, libc::S_IFIFO | libc::S_IFREG | libc::S_IFSOCK)
}

pub fn read_input(file: Option<&Path>, force: bool) -> Result<Input, Failure> {
    let piped = file.is_none() && stdin_carries_text();
    let file = if piped { Some(Path::new("-")) } else { file };
    let Some(path) = file else {
        return Ok(Input {
            label: "embedded statement".into(),
            source: None,
            fallback_title: EMBEDDED_TITLE.into(),
            text: EMBEDDED_STATEMENT.into(),
            warning: None,
            markdown: Some(false),
            lines: Vec::new(),
        });
    };
    let (label, source, fallback_title, bytes) = if path.as_os_str() == "-" {
        let bytes =
            read_capped(io::stdin().lock()).map_err(|e| Failure::new("standard input", e))?;
        (
            "standard input".to_string(),
            None,
            "Statement from standard input".to_string(),
            bytes,
        )
    } else {
        let label = path.display().to_string();
        if path.is_dir() {
            return Err(Failure::new(label, LoadError::IsDirectory));
        }
        if let Ok(meta) = std::fs::metadata(path)
            && meta.len() > MAX_BYTES
        {
            return Err(Failure::new(
                label,
                LoadError::TooLarge(Some(meta.len() >> 20)),
            ));
        }
        let bytes = std::fs::File::open(path)
            .map_err(|e| LoadError::from_io(&e))
            .and_then(read_capped)
            .map_err(|e| Failure::new(label.clone(), e))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone());
        (label.clone(), Some(label), stem, bytes)
    };
    let named = (path.as_os_str() != "-").then_some(path);
    let format = Format::of(named, &bytes);
    let extracted =
        formats::extract(bytes, format, force).map_err(|e| Failure::new(label.clone(), e))?;
    Ok(Input {
        label,
        source,
        fallback_title: extracted.title.unwrap_or(fallback_title),
        text: extracted.text,
        warning: extracted.warning,
        markdown: extracted.markdown,
        lines: extracted.lines,
    })
}

/// Parses an input. The text is taken out of it and dropped once parsed, so a large
/// file is not held twice while it is analysed.
pub fn parse(input: &mut Input) -> Statement {
    let text = std::mem::take(&mut input.text);
    statement_of(&text, input)
}

/// Statements longer than this open on their beginning, this long, while the rest is
/// read: the first screen then costs about what reading the file does.
const PREVIEW_BYTES: usize = 256 * 1024;

/// Where the beginning shown first ends, for a text long enough to need one: at the
/// first blank line past [`PREVIEW_BYTES`], so no paragraph is cut.
pub fn preview_end(text: &str) -> Option<usize> {
    if text.len() < 2 * PREVIEW_BYTES {
        return None;
    }
    let bytes = text.as_bytes();
    let from = PREVIEW_BYTES;
    let blank = memchr::memmem::find(&bytes[from..], b"\n\n").map(|i| from + i + 2);
    let line = || memchr::memchr(b'\n', &bytes[from..]).map(|i| from + i + 1);
    blank
        .filter(|&end| end - from < PREVIEW_BYTES)
        .or_else(line)
        .filter(|&end| text.is_char_boundary(end))
}

/// Parses `text` (the input's, or its beginning) as the input says it should be read.
pub(super) fn statement_of(text: &str, input: &Input) -> Statement {
    Parsing::of(input).parse(text)
}

/// How an input's text is parsed, apart from the text: what a thread that parses the
/// rest of a long input takes with it.
#[derive(Debug, Clone)]
pub(super) struct Parsing {
    fallback_title: String,
    markdown: Option<bool>,
    source: Option<String>,
    lines: Vec<HeaderLine>,
}

impl Parsing {
    pub(super) fn of(input: &Input) -> Parsing {
        Parsing {
            fallback_title: input.fallback_title.clone(),
            markdown: input.markdown,
            source: input.source.clone(),
            lines: input.lines.clone(),
        }
    }

    pub(super) fn parse(&self, text: &str) -> Statement {
        let mut statement = Statement::parse_with(text, &self.fallback_title, self.markdown);
        statement.source = self.source.clone();
        formats::adopt(&mut statement, &self.lines);
        statement
    }
}

/// Parses and analyses an input with the given lexicons.
pub fn open(input: &mut Input, lexicons: &Lexicons) -> (Statement, Analysis) {
    let statement = parse(input);
    memory::give_back();
    let analysis =
        analysis::analyse_with_progress(&statement, lexicons, &memory::giving_back(|_| {}));
    (statement, analysis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_ends_at_a_blank_line_past_its_length() {
        assert_eq!(preview_end("short text"), None);
        let paragraph = "We are committed to peace. ".repeat(20) + "\n\n";
        let text = paragraph.repeat(2 * PREVIEW_BYTES / paragraph.len() + 2);
        let end = preview_end(&text).unwrap();
        assert!(end >= PREVIEW_BYTES && end < PREVIEW_BYTES + paragraph.len());
        assert!(text[..end].ends_with("\n\n") || text[..end].ends_with('\n'));
        assert!(text[end..].starts_with("We are"), "no paragraph is cut");
    }
}
