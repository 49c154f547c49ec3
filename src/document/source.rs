//! Turning the bytes of a file into text, or a clear reason why not.
//!
//! Statements come from the web in whatever encoding the page had. UTF-8 is decoded
//! lossily (with a warning) so a mostly-text file always opens; a UTF-16 file with a
//! byte-order mark is decoded as such; a file with NUL bytes or little text in it is
//! refused as binary unless the caller forces it.

use std::fmt;

/// Why a file could not be opened. The `Display` text is the reason part of
/// `communique: <path>: <reason>`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory")]
    IsDirectory,
    #[error("permission denied")]
    PermissionDenied,
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("file is empty")]
    Empty,
    #[error("contains no text (only whitespace)")]
    Blank,
    #[error("looks binary (use --force to open it anyway)")]
    Binary,
    /// Bigger than [`MAX_BYTES`]: the size in MiB when known (a file), not for a pipe.
    /// A format's reader (HTML, PDF) could not give the text: the reason, in one line.
    #[error("{0}")]
    Extraction(String),
    #[error("too large ({}; communique reads statements up to {MAX_MIB} MiB)", match .0 { Some(mib) => format!("{mib} MiB"), None => format!("over {MAX_MIB} MiB") })]
    TooLarge(Option<u64>),
}

/// The largest input read, in bytes. Reading needs a few times a file's size in memory,
/// and byte offsets are kept in 32 bits; no statement comes near this.
pub const MAX_BYTES: u64 = MAX_MIB << 20;
const MAX_MIB: u64 = 512;

impl LoadError {
    pub fn from_io(err: &std::io::Error) -> LoadError {
        use std::io::ErrorKind;
        match err.kind() {
            ErrorKind::NotFound => LoadError::NotFound,
            ErrorKind::IsADirectory => LoadError::IsDirectory,
            ErrorKind::PermissionDenied => LoadError::PermissionDenied,
            _ => LoadError::Unreadable(io_reason(err)),
        }
    }
}

/// The OS message without Rust's " (os error N)" suffix.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_lowercase(),
        None => text.to_lowercase(),
    }
}

/// Decoded text and what the decoder had to do to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<Warning>,
}

/// Something the reader should be told about the input, though it still opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// Invalid UTF-8 sequences were replaced with U+FFFD.
    InvalidUtf8 { replaced: usize },
    /// The bytes were not UTF-8 but text in a legacy encoding, decoded as such.
    Legacy { encoding: &'static str },
    /// Bytes were decoded from UTF-16; `replaced` units (lone surrogates, an odd last
    /// byte) were shown as U+FFFD.
    Utf16 { replaced: usize },
    /// The file looked binary and was opened because the user forced it.
    ForcedBinary,
    /// A web page in which no article was found: its whole visible text is shown.
    WholePage,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::InvalidUtf8 { replaced } => write!(
                f,
                "not valid UTF-8: {replaced} invalid byte sequence{} shown as \u{FFFD}",
                if *replaced == 1 { "" } else { "s" }
            ),
            Warning::Legacy { encoding } => write!(f, "not UTF-8: decoded as {encoding}"),
            Warning::Utf16 { replaced: 0 } => f.write_str("decoded from UTF-16"),
            Warning::Utf16 { replaced } => write!(
                f,
                "decoded from UTF-16: {replaced} invalid unit{} shown as \u{FFFD}",
                if *replaced == 1 { "" } else { "s" }
            ),
            Warning::ForcedBinary => f.write_str("binary file opened with --force"),
            Warning::WholePage => {
                f.write_str("no article found in the page: its whole visible text is shown")
            }
        }
    }
}

/// Decodes the bytes of a statement file.
/// Takes the bytes by value so valid UTF-8 (the usual case) becomes text without a copy.
pub fn decode(mut bytes: Vec<u8>, force: bool) -> Result<Decoded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some((text, replaced)) = decode_utf16_with_bom(&bytes) {
        // A byte-order mark is two bytes anyone can write: the text after it is held
        // to the same test as any other.
        let binary = looks_binary(text.as_bytes());
        if binary && !force {
            return Err(LoadError::Binary);
        }
        let warning = if binary {
            Warning::ForcedBinary
        } else {
            Warning::Utf16 { replaced }
        };
        return finish(text, Some(warning));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let binary = looks_binary(&bytes);
    if binary && !force {
        return Err(LoadError::Binary);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return finish(text, binary.then_some(Warning::ForcedBinary)),
        Err(err) => err.into_bytes(),
    };
    let (invalid, multibyte) = utf8_counts(&bytes);
    if !binary
        && multibyte < invalid
        && let Some((text, encoding)) = decode_legacy(&bytes)
    {
        return finish(text, Some(Warning::Legacy { encoding }));
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let warning = if binary {
        Warning::ForcedBinary
    } else {
        Warning::InvalidUtf8 { replaced: invalid }
    };
    finish(text, Some(warning))
}

fn finish(text: String, warning: Option<Warning>) -> Result<Decoded, LoadError> {
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(LoadError::Blank);
    }
    Ok(Decoded { text, warning })
}

/// UTF-16 text after a byte-order mark, and how many units were invalid.
fn decode_utf16_with_bom(bytes: &[u8]) -> Option<(String, usize)> {
    let (rest, little_endian) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (rest, true)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (rest, false)
    } else {
        return None;
    };
    let pairs = rest.chunks_exact(2);
    // An odd last byte is half a unit: shown as U+FFFD and counted.
    let odd = usize::from(!pairs.remainder().is_empty());
    let units = pairs.map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut replaced = odd;
    let mut text: String = char::decode_utf16(units)
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    if odd == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some((text, replaced))
}

/// A file is binary when it has NUL bytes, or when more than one byte in ten of its
/// first 64 KiB is a control character that text never carries.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let odd = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    odd * 10 > sample.len()
}

/// Invalid UTF-8 sequences, and valid multi-byte characters: a file with more of the
/// second is UTF-8 with a few broken bytes, not a legacy encoding.
fn utf8_counts(mut bytes: &[u8]) -> (usize, usize) {
    let (mut invalid, mut multibyte) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => return (invalid, multibyte + count_multibyte(valid)),
            Err(err) => {
                let valid = err.valid_up_to();
                multibyte += count_multibyte(std::str::from_utf8(&bytes[..valid]).unwrap_or(""));
                invalid += 1;
                let skip = valid + err.error_len().unwrap_or(bytes.len() - valid);
                bytes = &bytes[skip..];
            }
        }
    }
}

fn count_multibyte(text: &str) -> usize {
    text.bytes().filter(|&b| b >= 0xC0).count()
}

/// Text in a legacy encoding (windows-1252, Latin-1, KOI8, Shift_JIS …), as guessed
/// by chardetng and decoded by encoding_rs; `None` if the guess does not decode cleanly.
fn decode_legacy(bytes: &[u8]) -> Option<(String, &'static str)> {
    // ISO-2022-JP is refused: it is made of escape sequences, which hostile text also carries.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    if encoding == encoding_rs::UTF_8 {
        return None;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors).then(|| (text.into_owned(), encoding.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_decodes_without_warning() {
        let d = decode(b"Joint statement\n\nWe agree.".to_vec(), false).unwrap();
        assert_eq!(d.text, "Joint statement\n\nWe agree.");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFTitle\n".to_vec(), false).unwrap();
        assert_eq!(d.text, "Title\n");
    }

    #[test]
    fn legacy_encodings_are_decoded() {
        let d = decode(b"Caf\xE9 and cr\xE8me \x93quoted\x94\n".to_vec(), false).unwrap();
        assert_eq!(d.text, "Café and crème “quoted”\n");
        assert_eq!(
            d.warning,
            Some(Warning::Legacy {
                encoding: "windows-1252"
            })
        );
    }

    #[test]
    fn broken_utf8_is_replaced_and_counted() {
        let mut bytes = "Tōkyō, Kyōto and Ōsaka — ".as_bytes().to_vec();
        bytes.extend(b"\xFF!\n");
        let d = decode(bytes, false).unwrap();
        assert_eq!(d.text, "Tōkyō, Kyōto and Ōsaka — \u{FFFD}!\n");
        assert_eq!(d.warning, Some(Warning::InvalidUtf8 { replaced: 1 }));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Tōkyō\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le, false).unwrap().text, "Tōkyō\n");
        let mut be = vec![0xFE, 0xFF];
        be.extend("NATO\n".encode_utf16().flat_map(u16::to_be_bytes));
        let d = decode(be, false).unwrap();
        assert_eq!(d.text, "NATO\n");
        assert_eq!(d.warning, Some(Warning::Utf16 { replaced: 0 }));
    }

    #[test]
    fn nul_bytes_mean_binary_unless_forced() {
        assert!(matches!(
            decode(b"ab\0cd".to_vec(), false),
            Err(LoadError::Binary)
        ));
        let d = decode(b"ab\0cd".to_vec(), true).unwrap();
        assert_eq!(d.text, "ab\0cd");
        assert_eq!(d.warning, Some(Warning::ForcedBinary));
    }

    #[test]
    fn many_control_bytes_mean_binary() {
        let bytes: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(matches!(decode(bytes, false), Err(LoadError::Binary)));
    }

    #[test]
    fn escape_sequences_alone_do_not_make_text_binary() {
        let d = decode(b"Title\n\nWe \x1b[31mcondemn\x1b[0m it.\n".to_vec(), false).unwrap();
        assert!(d.text.contains('\x1b'));
    }

    #[test]
    fn empty_and_blank_are_refused() {
        assert!(matches!(decode(b"".to_vec(), false), Err(LoadError::Empty)));
        assert!(matches!(
            decode(b" \n\t\r\n ".to_vec(), false),
            Err(LoadError::Blank)
        ));
    }
}
