//! Splitting raw text into normalised lines.
//!
//! Pages arrive with CRLF or bare CR line ends, tabs, non-breaking and other exotic
//! spaces, and trailing whitespace on "blank" lines. Every later step wants one kind of
//! space and a reliable notion of blank line, so this is settled once here.

use std::borrow::Cow;

/// One line of the input with its whitespace normalised; borrowed from the input when
/// it needed no change (most lines), so a large file is not copied once more here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// Leading whitespace width in columns (a tab counts as 4); u16 so that a line
    /// is 32 bytes, as a file may hold millions.
    pub indent: u16,
    /// The 0-based number of this line in the text that was split; kept because runs of
    /// blank lines are stored as one.
    pub index: u32,
    /// The text with inner whitespace runs collapsed to one space, trimmed at both ends.
    pub text: Cow<'a, str>,
    /// The whole line was strong emphasis in Markdown (`**A NEW ERA**`), before the
    /// markers were removed.
    pub strong: bool,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// An empty line, standing in for one that was dropped.
    pub fn blank() -> Line<'static> {
        Line {
            indent: 0,
            index: 0,
            text: Cow::Borrowed(""),
            strong: false,
        }
    }
}

/// Characters other than ' ' that separate words and are shown as a plain space.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Every line of `text` at once, as [`lines`] gives them: for tests.
#[cfg(test)]
pub fn split(text: &str) -> Vec<Line<'_>> {
    lines(text).collect()
}

/// Splits on `\n`, `\r\n`, bare `\r`, U+2028 and U+2029, normalising each line, one
/// line at a time: the parser reads a text more than once and holds no line it is done
/// with. A run of blank lines is given as its first: every reader of lines treats one
/// blank line as a break like many, and a file of millions of blank lines then costs
/// nothing.
pub fn lines(text: &str) -> Lines<'_> {
    Lines {
        rest: text.strip_prefix('\u{FEFF}').unwrap_or(text),
        index: 0,
        after_blank: false,
    }
}

/// The iterator of [`lines`].
pub struct Lines<'a> {
    rest: &'a str,
    index: u32,
    after_blank: bool,
}

impl Lines<'_> {
    /// Passes over the empty lines that follow a blank one, a byte at a time rather
    /// than a line at a time: a file of millions of them is read several times.
    fn skip_empty_lines(&mut self) {
        let bytes = self.rest.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            match b {
                b'\n' => at += 1,
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => at += 2,
                b'\r' => at += 1,
                _ => break,
            }
            self.index = self.index.saturating_add(1);
        }
        self.rest = &self.rest[at..];
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.after_blank {
            self.skip_empty_lines();
        }
        while !self.rest.is_empty() {
            let rest = self.rest;
            let (line, next) = match find_line_break(rest) {
                Some(at) => {
                    let brk = rest[at..].chars().next().unwrap_or('\n');
                    let mut after = at + brk.len_utf8();
                    if brk == '\r' && rest[after..].starts_with('\n') {
                        after += 1;
                    }
                    (&rest[..at], &rest[after..])
                }
                None => (rest, ""),
            };
            let mut line = normalise(line);
            line.index = self.index;
            self.index = self.index.saturating_add(1);
            self.rest = next;
            let blank = line.is_blank();
            if blank && self.after_blank {
                continue;
            }
            self.after_blank = blank;
            return Some(line);
        }
        None
    }
}

/// Whether a line is already normalised: single ASCII spaces between words, none at
/// the ends. Most lines are, and are then copied as they are.
fn is_clean(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.is_empty() {
        return true;
    }
    if bytes[0] == b' '
        || bytes[bytes.len() - 1] == b' '
        || memchr::memmem::find(bytes, b"  ").is_some()
    {
        return false;
    }
    if memchr::memchr3(b'\t', 0x0B, 0x0C, bytes).is_some() {
        return false;
    }
    if raw.is_ascii() {
        return true;
    }
    // The UTF-8 encodings of the spaces `is_space` accepts beyond ASCII.
    let exotic_space = |i: usize| {
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        match bytes[i] {
            0xC2 => matches!(next(1), 0xA0 | 0x85),
            0xE1 => next(1) == 0x9A && next(2) == 0x80,
            0xE2 => {
                (next(1) == 0x80 && matches!(next(2), 0x80..=0x8A | 0xAF))
                    || (next(1) == 0x81 && next(2) == 0x9F)
            }
            _ => next(1) == 0x80 && next(2) == 0x80,
        }
    };
    let exotic = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .chain(memchr::memchr_iter(0xE3, bytes))
        .any(exotic_space);
    !exotic
}

/// The first line break: `\n`, `\r`, U+2028 or U+2029 (E2 80 A8/A9).
fn find_line_break(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(b'\n', b'\r', 0xE2, bytes).find(|&i| {
        bytes[i] != 0xE2
            || (bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)))
    })
}

fn normalise(raw: &str) -> Line<'_> {
    if is_clean(raw) {
        return Line {
            indent: 0,
            index: 0,
            text: Cow::Borrowed(raw),
            strong: false,
        };
    }
    let mut indent: u16 = 0;
    for c in raw.chars() {
        match c {
            '\t' => indent = indent.saturating_add(4),
            c if is_space(c) => indent = indent.saturating_add(1),
            _ => break,
        }
    }
    let mut text = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if is_space(c) {
            pending_space = !text.is_empty();
        } else {
            if pending_space {
                text.push(' ');
                pending_space = false;
            }
            text.push(c);
        }
    }
    Line {
        indent,
        index: 0,
        text: Cow::Owned(text),
        strong: false,
    }
}

/// Removes Markdown's inline markers from a line, noting whether it was all strong
/// emphasis (a candidate heading) before the markers went.
pub fn clean_markdown_line(line: &mut Line) {
    if super::header::is_separator(&line.text) {
        return;
    }
    line.strong = super::markdown::is_strong_line(&line.text);
    if let std::borrow::Cow::Owned(clean) = super::markdown::clean(&line.text) {
        line.text = std::borrow::Cow::Owned(clean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        split(input)
            .into_iter()
            .map(|l| l.text.into_owned())
            .collect()
    }

    #[test]
    fn all_line_endings_split() {
        assert_eq!(texts("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(texts("a\u{2029}b"), ["a", "b"]);
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        assert_eq!(texts("  We\tagree\u{A0}to  act.  "), ["We agree to act."]);
        assert_eq!(split("\t  x")[0].indent, 6);
    }

    #[test]
    fn clean_lines_are_recognised() {
        assert!(is_clean("We agree to act."));
        assert!(is_clean(""));
        assert!(!is_clean(" We"));
        assert!(!is_clean("We  agree"));
        assert!(!is_clean("We agree "));
        assert!(!is_clean("We\u{A0}agree"));
        assert!(!is_clean("We\u{2009}agree"));
        assert!(!is_clean("We\u{3000}agree"));
        assert!(is_clean("North Korea’s “tests” — 日本"));
    }

    #[test]
    fn whitespace_only_lines_are_blank() {
        let lines = split("a\n \t \u{A0}\nb");
        assert!(lines[1].is_blank());
    }

    #[test]
    fn a_run_of_blank_lines_is_one_line_that_keeps_the_numbers() {
        let lines = split("a\n\n \n\r\n\nb\n\nc");
        let shown: Vec<(&str, u32)> = lines.iter().map(|l| (&*l.text, l.index)).collect();
        assert_eq!(shown, [("a", 0), ("", 1), ("b", 5), ("", 6), ("c", 7)]);
        // Empty lines after a blank one are passed over whatever ends them.
        let lines = split("a\n\n\r\r\n\rb\r\n\n\n");
        let shown: Vec<(&str, u32)> = lines.iter().map(|l| (&*l.text, l.index)).collect();
        assert_eq!(shown, [("a", 0), ("", 1), ("b", 5), ("", 6)]);
        // Memory follows the lines that say something, not the blank ones.
        let many = format!("a\n{}b\n", "\n".repeat(100_000));
        assert_eq!(split(&many).len(), 3);
    }
}
