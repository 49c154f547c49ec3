//! Where a pattern's first letter can be: the search every match starts from, made
//! cheap for the millions of fields a big statement has.

use super::{Pattern, SHORT, fold};

impl Pattern {
    /// Byte offsets in `text` where the first letter can match.
    pub(super) fn starts<'t>(&self, text: &'t str) -> Starts<'t> {
        let first = self.chars[0];
        let sensitive = self.sensitive;
        if !first.is_ascii_alphanumeric() {
            return Starts::Chars {
                chars: text.char_indices(),
                first,
                sensitive,
            };
        }
        let (lower, upper) = if sensitive {
            (first as u8, first as u8)
        } else {
            (
                first.to_ascii_lowercase() as u8,
                first.to_ascii_uppercase() as u8,
            )
        };
        if text.len() < SHORT {
            return Starts::Short {
                bytes: text.as_bytes().iter().enumerate(),
                text,
                wanted: [lower, upper, 0xC3],
                first,
                sensitive,
            };
        }
        Starts::Bytes {
            hits: memchr::memchr3_iter(lower, upper, 0xC3, text.as_bytes()),
            text,
            first,
            sensitive,
        }
    }
}

/// Where a pattern's first letter can match. An ASCII letter is looked for with
/// memchr, with the lead byte of accented Latin-1 letters (0xC3), which may fold to it;
/// anything else a character at a time.
pub(super) enum Starts<'t> {
    /// A short text, byte by byte: cheaper than setting up memchr.
    Short {
        bytes: std::iter::Enumerate<std::slice::Iter<'t, u8>>,
        text: &'t str,
        wanted: [u8; 3],
        first: char,
        sensitive: bool,
    },
    Bytes {
        hits: memchr::Memchr3<'t>,
        text: &'t str,
        first: char,
        sensitive: bool,
    },
    Chars {
        chars: std::str::CharIndices<'t>,
        first: char,
        sensitive: bool,
    },
}

impl Iterator for Starts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Starts::Short {
                bytes,
                text,
                wanted,
                first,
                sensitive,
            } => bytes
                .find(|&(i, b)| {
                    wanted.contains(b)
                        && (*b != 0xC3
                            || text[i..]
                                .chars()
                                .next()
                                .is_some_and(|c| fold(c, *sensitive) == *first))
                })
                .map(|(i, _)| i),
            Starts::Bytes {
                hits,
                text,
                first,
                sensitive,
            } => hits.find(|&i| {
                text.as_bytes()[i] != 0xC3
                    || text[i..]
                        .chars()
                        .next()
                        .is_some_and(|c| fold(c, *sensitive) == *first)
            }),
            Starts::Chars {
                chars,
                first,
                sensitive,
            } => chars
                .find(|&(_, c)| fold(c, *sensitive) == *first)
                .map(|(i, _)| i),
        }
    }
}
