//! Words broken across lines: "coopera-" / "tion" is "cooperation", but "self-" /
//! "defence" is "self-defence".
//!
//! Typeset text (a PDF, a page printed and copied) breaks words at line ends; typed,
//! hard-wrapped text breaks lines after compounds' hyphens. Which one a break is, the
//! text itself tells: a word that occurs whole elsewhere ("cooperation") was broken by
//! the typesetter; a compound that occurs with its hyphen elsewhere keeps it; with no
//! evidence the hyphen is kept, as written. A soft hyphen (U+00AD) at a line end is
//! always a typesetter's break.

use rustc_hash::FxHashSet as HashSet;

const SOFT_HYPHEN: char = '\u{AD}';

/// The words of a text, for telling broken words from compounds. Built only when the
/// text has a line ending in a hyphen before a lowercase line.
#[derive(Default)]
pub struct Vocabulary {
    words: Option<HashSet<String>>,
}

/// Whether the lines, shown one by one in order (blank ones empty), break a word at a
/// line end: only then is a vocabulary read.
#[derive(Default)]
pub struct Breaks {
    after_break: bool,
    found: bool,
}

impl Breaks {
    pub fn line(&mut self, text: &str) {
        self.found = self.found || (self.after_break && text.starts_with(char::is_lowercase));
        self.after_break = breaks_word(text);
    }
}

impl Vocabulary {
    /// The vocabulary of the lines that `each_line` shows its visitor, in order (blank
    /// ones empty), when one of them breaks a word ([`Breaks`]); none is needed
    /// otherwise.
    pub fn read(breaks: &Breaks, each_line: impl FnOnce(&mut dyn FnMut(&str))) -> Vocabulary {
        if !breaks.found {
            return Vocabulary::default();
        }
        let mut words = HashSet::default();
        each_line(&mut |text| {
            for word in text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|w| w.trim_matches('-'))
                .filter(|w| w.len() > 1)
            {
                if !words.contains(word) {
                    words.insert(word.to_lowercase());
                }
            }
        });
        Vocabulary { words: Some(words) }
    }

    /// Joins `line` onto `text`: no space after a word broken by the typesetter (its
    /// hyphen removed), none after a kept hyphen, one space otherwise.
    pub fn join(&self, text: &mut String, line: &str) {
        if let Some(head) = text.strip_suffix(SOFT_HYPHEN)
            && head.ends_with(char::is_alphabetic)
            && line.starts_with(char::is_alphabetic)
        {
            text.truncate(head.len());
            text.push_str(line);
            return;
        }
        let hyphenated =
            breaks_word(text) && text.ends_with('-') && line.starts_with(char::is_lowercase);
        if hyphenated && self.closes(text, line) {
            text.pop();
        } else if !hyphenated && !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }

    /// Whether the word broken between `text` (ending in "-") and `line` is one word.
    fn closes(&self, text: &str, line: &str) -> bool {
        let Some(words) = &self.words else {
            return false;
        };
        let head = &text[..text.len() - 1];
        let before = &head[head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        })..];
        let after = line
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if before.is_empty() || after.is_empty() {
            return false;
        }
        let whole = format!("{before}{after}").to_lowercase();
        let compound = format!("{before}-{after}").to_lowercase();
        words.contains(&whole) && !words.contains(&compound)
    }
}

/// Whether a line ends with a letter and a hyphen (or a soft hyphen).
fn breaks_word(text: &str) -> bool {
    let Some(head) = text
        .strip_suffix('-')
        .or_else(|| text.strip_suffix(SOFT_HYPHEN))
    else {
        return false;
    };
    head.ends_with(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::super::lines::{self, Line};
    use super::*;

    fn vocabulary_of(lines: &[Line]) -> Vocabulary {
        let mut breaks = Breaks::default();
        lines.iter().for_each(|line| breaks.line(&line.text));
        Vocabulary::read(&breaks, |visit| {
            lines.iter().for_each(|line| visit(&line.text));
        })
    }

    fn joined(text: &str) -> String {
        let lines = lines::split(text);
        let vocabulary = vocabulary_of(&lines);
        let mut out = String::new();
        for line in lines.iter().filter(|l| !l.is_blank()) {
            vocabulary.join(&mut out, &line.text);
        }
        out
    }

    #[test]
    fn a_word_found_whole_elsewhere_is_closed() {
        assert_eq!(
            joined("Our coopera-\ntion grows.\nWe value cooperation.\n"),
            "Our cooperation grows. We value cooperation."
        );
    }

    #[test]
    fn a_compound_found_elsewhere_keeps_its_hyphen() {
        assert_eq!(
            joined("the right of self-\ndefence and self-defence\n"),
            "the right of self-defence and self-defence"
        );
    }

    #[test]
    fn with_no_evidence_the_hyphen_stays() {
        assert_eq!(
            joined("counter-\nterrorism work\n"),
            "counter-terrorism work"
        );
    }

    #[test]
    fn a_soft_hyphen_is_always_a_break() {
        assert_eq!(joined("non\u{AD}\nproliferation\n"), "nonproliferation");
    }

    #[test]
    fn no_vocabulary_without_a_broken_line() {
        let lines = lines::split("One line.\nAnother-\nLine.\n");
        assert!(vocabulary_of(&lines).words.is_none());
    }
}
