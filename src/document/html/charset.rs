//! A saved page's character encoding: its byte-order mark, else the charset its first
//! kilobyte declares (`<meta charset>` or the `http-equiv` Content-Type), else what the
//! bytes look like — the order a browser uses.

use encoding_rs::{Encoding, UTF_8};

use crate::document::source::{self, Decoded, LoadError};

/// How far into the page a declaration is looked for (the HTML standard's prescan).
const PRESCAN: usize = 1024;

/// Decodes a page's bytes. A declared encoding is trusted (no warning: the page said
/// what it is); with none, the bytes go through [`source::decode`] as any text does.
pub fn decode(bytes: Vec<u8>, force: bool) -> Result<Decoded, LoadError> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    let declared = if has_bom { None } else { declared(&bytes) };
    match declared {
        Some(encoding) if encoding != UTF_8 => {
            let (text, _, _) = encoding.decode(&bytes);
            Ok(Decoded {
                text: text.into_owned(),
                warning: None,
            })
        }
        _ => source::decode(bytes, force),
    }
}

/// The encoding the page declares in its first kilobyte, if any. UTF-16 labels mean
/// UTF-8 here, as in browsers: a page that could be read as ASCII is not UTF-16.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&lower[at..], b"<meta") {
        let start = at + found;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            let encoding = Encoding::for_label(label.trim_ascii())?;
            return Some(match encoding.name() {
                "UTF-16LE" | "UTF-16BE" => UTF_8,
                _ => encoding.output_encoding(),
            });
        }
        at = end;
    }
    None
}

/// The value after `charset=` in a meta tag (either form), without quotes.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = memchr::memmem::find(tag, b"charset")? + "charset".len();
    let rest = tag[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::source::Warning;

    #[test]
    fn both_forms_of_declaration() {
        let name = |html: &str| declared(html.as_bytes()).map(Encoding::name);
        assert_eq!(
            name("<meta charset=\"windows-1252\">"),
            Some("windows-1252")
        );
        assert_eq!(name("<META CHARSET=iso-8859-1>"), Some("windows-1252"));
        assert_eq!(
            name("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"),
            Some("Shift_JIS")
        );
        assert_eq!(name("<meta charset='utf-16'>"), Some("UTF-8"));
        assert_eq!(name("<meta name=\"x\" content=\"y\">"), None);
        assert_eq!(name("<meta charset=\"no-such-thing\">"), None);
    }

    #[test]
    fn a_declared_legacy_page_is_decoded_as_declared() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"></head><body>".to_vec();
        page.extend_from_slice(b"Caf\xe9 \x93quoted\x94 \x96 dash</body></html>");
        let decoded = decode(page, false).unwrap();
        assert!(decoded.text.contains("Café “quoted” – dash"));
        assert_eq!(decoded.warning, None);
    }

    #[test]
    fn an_undeclared_page_is_read_like_any_text() {
        let page = b"<html><body>Caf\xe9 society</body></html>".to_vec();
        let decoded = decode(page, false).unwrap();
        assert!(decoded.text.contains("Café"));
        assert!(matches!(decoded.warning, Some(Warning::Legacy { .. })));
    }
}
