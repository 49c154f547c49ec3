//! Finding one query term in one piece of text.
//!
//! A term matches written out (as a run of characters) or, when it is fuzzy, with its
//! letters in order and close together: each next letter at most two characters after
//! the last within a word, or at the start of the next word ("nkorea" finds "North Korea", "unsc"
//! "United Nations Security Council"). That rule is about consecutive letters only, so
//! a longer term can only match where its shorter prefix already did: typing never
//! widens a result. Letters scattered across a sentence do not match at all, unlike
//! fzf, because a statement's sentences are long and contain almost any letters.
//!
//! Comparison folds case (unless the term has a capital: smart case), Latin accents
//! and typographic quotes and dashes, one character for one, so positions found map
//! straight back onto the text for highlighting.

mod mask;
mod starts;

pub use mask::mask_of;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Longest fuzzy term: beyond it a term matches written out only (a pasted paragraph
/// is not a subsequence search, and a run also satisfies the fuzzy rule, so nothing
/// that matched stops matching as it grows).
pub const MAX_FUZZY_CHARS: usize = 48;
/// Characters a fuzzy letter may skip within a word.
const MAX_GAP: usize = 2;
/// Characters a fuzzy letter looks ahead for the next word's start at most.
const MAX_WORD: usize = 64;
/// Places a written-out match reports for highlighting at most.
const MAX_RANGES: usize = 16;
/// Texts shorter than this are searched byte by byte rather than with memchr.
pub(super) const SHORT: usize = 16;
/// Positions a fuzzy search keeps per letter, so a pathological text stays linear.
const MAX_FRONTIER: usize = 1 << 14;

/// How well a term matched, best first: the ranking of the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// Written out as a whole word.
    Word,
    /// Written out at the start of a word.
    Prefix,
    /// Inside a word, or letters spread out.
    Fuzzy,
}

/// A term's text, folded, and how it must sit in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub chars: Vec<char>,
    pub sensitive: bool,
    pub fuzzy: bool,
    /// Must start a word (`'word`, `"a phrase"`, `!word`).
    pub word_start: bool,
    /// Must end a word (`'word'`).
    pub word_end: bool,
    /// Must begin the field (`^word`).
    pub at_start: bool,
    /// Must end the field (`word$`).
    pub at_end: bool,
}

/// Byte ranges of a match.
pub type Ranges = smallvec::SmallVec<[(usize, usize); 4]>;

/// Where a pattern matched: byte ranges of the matched characters (runs merged) and
/// how well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub class: Class,
    /// Inline for the few places a term matches in one field: no allocation per act.
    pub ranges: Ranges,
    /// fuzzy-matcher's score of a spread-out match (0 for a run): orders fuzzy matches.
    pub score: i64,
}

/// The character as compared: accents and typographic marks folded, and case too
/// unless `sensitive`.
pub fn fold(c: char, sensitive: bool) -> char {
    let c = if c.is_ascii() { c } else { plain(c) };
    if sensitive {
        c
    } else if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Latin-1 letters without their accents, and curly quotes and dashes as typed.
fn plain(c: char) -> char {
    const LATIN1: &str = "AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy";
    match c {
        '\u{C0}'..='\u{FF}' => LATIN1.chars().nth(c as usize - 0xC0).unwrap_or(c),
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        '‐' | '‑' | '‒' | '–' | '—' => '-',
        _ => c,
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn starts_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

fn ends_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !is_word_char(c))
}

fn blocked_at(blocked: &[(usize, usize)], at: usize) -> bool {
    blocked.iter().any(|&(s, e)| s <= at && at < e)
}

impl Pattern {
    /// A pattern for `text` as typed; smart case: a capital makes it case-sensitive.
    pub fn new(text: &str) -> Pattern {
        let sensitive = text.chars().any(char::is_uppercase);
        let chars: Vec<char> = text.chars().map(|c| fold(c, sensitive)).collect();
        Pattern {
            fuzzy: chars.len() <= MAX_FUZZY_CHARS,
            chars,
            sensitive,
            word_start: false,
            word_end: false,
            at_start: false,
            at_end: false,
        }
    }

    /// Written out only, not fuzzy.
    pub fn exact(mut self) -> Pattern {
        self.fuzzy = false;
        self
    }

    /// Whether every text this pattern matches is matched by `wider` too, judged from
    /// the patterns alone: what lets the filter search only the last result when the
    /// reader types on.
    pub fn implies(&self, wider: &Pattern) -> bool {
        if wider.sensitive && !self.sensitive {
            return false;
        }
        let ours: Vec<char> = if wider.sensitive {
            self.chars.clone()
        } else {
            self.chars.iter().map(|&c| fold(c, false)).collect()
        };
        if !ours.starts_with(&wider.chars) {
            return false;
        }
        if wider.fuzzy {
            return true;
        }
        let same = ours.len() == wider.chars.len();
        !self.fuzzy
            && (self.word_start || !wider.word_start)
            && (self.at_start || !wider.at_start)
            && (!wider.at_end || (self.at_end && same))
            && (!wider.word_end || (self.word_end && same))
    }

    /// The best match in `text`, ignoring positions inside `blocked` byte ranges.
    pub fn find(&self, text: &str, blocked: &[(usize, usize)]) -> Option<Found> {
        if self.chars.is_empty() || text.len() < self.chars.len() {
            return None;
        }
        if let Some(found) = self.runs(text, blocked) {
            return Some(found);
        }
        if !self.fuzzy || self.chars.len() < 2 {
            return None;
        }
        let positions = self.spread(text, blocked)?;
        let ranges = merge(text, &positions);
        let score = score(text, &ranges, &self.chars);
        Some(Found {
            class: Class::Fuzzy,
            ranges,
            score,
        })
    }

    /// Every place the pattern is written out (not overlapping), with the best class.
    fn runs(&self, text: &str, blocked: &[(usize, usize)]) -> Option<Found> {
        let mut ranges = Ranges::new();
        let mut best = Class::Fuzzy;
        let mut after = 0;
        for start in self.starts(text) {
            if start < after || blocked_at(blocked, start) {
                continue;
            }
            let Some(end) = self.run_at(text, start) else {
                continue;
            };
            if blocked.iter().any(|&(s, e)| s < end && start < e) {
                continue;
            }
            let word_start = starts_word(text, start);
            let word_end = ends_word(text, end);
            if (self.word_start && !word_start)
                || (self.word_end && !word_end)
                || (self.at_start && text[..start].chars().any(is_word_char))
                || (self.at_end && text[end..].chars().any(is_word_char))
            {
                continue;
            }
            let class = match (word_start, word_end) {
                (true, true) => Class::Word,
                (true, false) => Class::Prefix,
                _ => Class::Fuzzy,
            };
            best = best.min(class);
            // Enough to highlight; the rest only count towards the class.
            if ranges.len() < MAX_RANGES {
                ranges.push((start, end));
            }
            after = end;
        }
        (!ranges.is_empty()).then_some(Found {
            class: best,
            ranges,
            score: 0,
        })
    }

    /// The end of the run of the pattern starting at `start`, if it is written there.
    fn run_at(&self, text: &str, start: usize) -> Option<usize> {
        let mut chars = text[start..].char_indices();
        for &wanted in &self.chars {
            let (_, c) = chars.next()?;
            if fold(c, self.sensitive) != wanted {
                return None;
            }
        }
        Some(chars.next().map_or(text.len(), |(i, _)| start + i))
    }

    /// A spread-out match: the byte offset of each letter, letter by letter keeping
    /// every position reachable under the closeness rule, so no backtracking.
    fn spread(&self, text: &str, blocked: &[(usize, usize)]) -> Option<Vec<usize>> {
        // Per letter: (byte offset, index of the previous letter's entry).
        let first: Vec<(usize, usize)> = self
            .starts(text)
            .filter(|&at| !blocked_at(blocked, at))
            .take(MAX_FRONTIER)
            .map(|at| (at, 0))
            .collect();
        if first.is_empty() {
            return None;
        }
        let mut levels: Vec<Vec<(usize, usize)>> = Vec::with_capacity(self.chars.len());
        levels.push(first);
        for &wanted in &self.chars[1..] {
            let previous = levels.last()?;
            let mut next: Vec<(usize, usize)> = Vec::new();
            for (parent, &(at, _)) in previous.iter().enumerate() {
                self.steps(text, at, wanted, blocked, |to| next.push((to, parent)));
            }
            next.sort_by_key(|&(at, _)| at);
            next.dedup_by_key(|&mut (at, _)| at);
            next.truncate(MAX_FRONTIER);
            if next.is_empty() {
                return None;
            }
            levels.push(next);
        }
        // The match that ends first, traced back.
        let mut out = vec![0; levels.len()];
        let mut index = 0;
        for (k, level) in levels.iter().enumerate().rev() {
            let (at, parent) = level[index];
            out[k] = at;
            index = parent;
        }
        Some(out)
    }

    /// Where the letter after the one at `at` may be: within the gap, or starting the
    /// next word.
    fn steps(
        &self,
        text: &str,
        at: usize,
        wanted: char,
        blocked: &[(usize, usize)],
        mut push: impl FnMut(usize),
    ) {
        let mut rest = text[at..].char_indices().skip(1);
        let mut last_near = at;
        for (offset, c) in rest.by_ref().take(MAX_GAP + 1) {
            last_near = at + offset;
            if fold(c, self.sensitive) == wanted && !blocked_at(blocked, at + offset) {
                push(at + offset);
            }
            // Skipped letters stay within the word; the next word is reached by its start.
            if !is_word_char(c) {
                break;
            }
        }
        let current = text[at..].chars().next().unwrap_or(' ');
        // Within a word's length of here: a run of thousands of letters (a pasted
        // string, a hostile file) is not walked from each of its positions.
        let mut tail = text[at..].char_indices().take(MAX_WORD);
        if is_word_char(current) {
            // Past the rest of this word…
            tail.by_ref().find(|&(_, c)| !is_word_char(c));
        }
        // …to the first letter of the next.
        if let Some((offset, c)) = tail.find(|&(_, c)| is_word_char(c)) {
            let to = at + offset;
            if to > last_near && fold(c, self.sensitive) == wanted && !blocked_at(blocked, to) {
                push(to);
            }
        }
    }
}

/// Byte ranges of runs of consecutive matched characters.
fn merge(text: &str, positions: &[usize]) -> Ranges {
    let mut ranges = Ranges::new();
    for &at in positions {
        let end = at + text[at..].chars().next().map_or(0, char::len_utf8);
        match ranges.last_mut() {
            Some(last) if last.1 == at => last.1 = end,
            _ => ranges.push((at, end)),
        }
    }
    ranges
}

/// fuzzy-matcher's scorer, one for the process: it holds a scratch buffer per thread
/// (about 1.6 KB before any is used), too much to keep one per filter when a library
/// keeps a filter for each of thousands of statements.
static SCORER: std::sync::LazyLock<SkimMatcherV2> =
    std::sync::LazyLock::new(SkimMatcherV2::default);

/// fuzzy-matcher's score for a spread-out match, on the stretch of text it covers.
fn score(text: &str, ranges: &[(usize, usize)], pattern: &[char]) -> i64 {
    let (Some(first), Some(last)) = (ranges.first(), ranges.last()) else {
        return 0;
    };
    let window = &text[first.0..last.1];
    let pattern: String = pattern.iter().collect();
    SCORER.fuzzy_match(window, &pattern).unwrap_or(0)
}

#[cfg(test)]
mod tests;
