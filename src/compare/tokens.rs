//! Words and punctuation, the units statements are compared in: a word set for how
//! alike two texts are (Dice's coefficient over lowercased words, blind to spacing,
//! line breaks and case), and a word-level diff for what changed between two texts,
//! with punctuation as words of its own so "attack." → "attacks," shows both.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// A word or a punctuation mark: its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
}

/// The words and punctuation marks of `text`; whitespace and control characters part
/// them. An apostrophe or hyphen between letters stays in its word ("North Korea’s",
/// "rules-based").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '\'' | '’' | '-' | '‑')
            && word.is_some()
            && chars
                .peek()
                .is_some_and(|&(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            word.get_or_insert(i);
            continue;
        }
        if let Some(start) = word.take() {
            out.push(Token { start, end: i });
        }
        if !c.is_whitespace() && !c.is_control() {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    if let Some(start) = word {
        out.push(Token {
            start,
            end: text.len(),
        });
    }
    out
}

/// The text with its tokens one space apart: equal for texts that differ only in
/// spacing and line breaks.
pub fn normalised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for t in tokens(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[t.start..t.end]);
    }
    out
}

/// The distinct lowercased words of a text, hashed and sorted, for [`dice`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordSet(Vec<u64>);

impl WordSet {
    pub fn of(text: &str) -> WordSet {
        let mut words: Vec<u64> = tokens(text)
            .into_iter()
            .map(|t| &text[t.start..t.end])
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| xxhash_rust::xxh3::xxh3_64(w.to_lowercase().as_bytes()))
            .collect();
        words.sort_unstable();
        words.dedup();
        WordSet(words)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// How alike two word sets are, 0 (nothing shared) to 1 (the same words):
/// 2 |A ∩ B| / (|A| + |B|). Two empty sets are alike.
pub fn dice(a: &WordSet, b: &WordSet) -> f32 {
    let (a, b) = (&a.0, &b.0);
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f32 / (a.len() + b.len()) as f32
}

/// What a piece of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Equal,
    Insert,
    Delete,
}

/// A run of words the diff keeps, adds or removes, with the spacing before it as
/// written (so the pieces read as the text: equal and inserted pieces give the new
/// text, equal and deleted ones the old).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    #[serde(rename = "op")]
    pub change: Change,
    pub text: String,
}

/// The word-level diff from `old` to `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    let key = |text: &'_ str, ts: &[Token]| -> Vec<String> {
        ts.iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    };
    let (old_keys, new_keys) = (key(old, &old_tokens), key(new, &new_tokens));
    let ops = capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys);
    let span = |text: &str, ts: &[Token], from: usize, len: usize| -> String {
        if len == 0 {
            return String::new();
        }
        let start = if from == 0 {
            ts[0].start
        } else {
            ts[from - 1].end
        };
        text[start..ts[from + len - 1].end].to_string()
    };
    let mut pieces: Vec<Piece> = Vec::new();
    let mut push = |change: Change, text: String| {
        if text.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.change == change => last.text.push_str(&text),
            _ => pieces.push(Piece { change, text }),
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                push(Change::Equal, span(new, &new_tokens, new_index, len))
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Change::Delete, span(old, &old_tokens, old_index, old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Change::Insert, span(new, &new_tokens, new_index, new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Change::Delete, span(old, &old_tokens, old_index, old_len));
                push(Change::Insert, span(new, &new_tokens, new_index, new_len));
            }
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn punctuation_is_a_word_and_joiners_stay_inside() {
        assert_eq!(
            words("We condemn North Korea’s rules-based, “tests”."),
            [
                "We",
                "condemn",
                "North",
                "Korea’s",
                "rules-based",
                ",",
                "“",
                "tests",
                "”",
                "."
            ]
        );
        assert_eq!(words("  a\n\tb  "), ["a", "b"]);
        assert_eq!(
            normalised("We  condemn\nthe attack ."),
            "We condemn the attack ."
        );
    }

    #[test]
    fn dice_counts_shared_words_whatever_the_case_and_order() {
        let a = WordSet::of("We condemn the attack");
        assert_eq!(dice(&a, &WordSet::of("the ATTACK we condemn.")), 1.0);
        assert_eq!(dice(&a, &WordSet::of("nothing alike here")), 0.0);
        let half = dice(&a, &WordSet::of("We condemn a bombing"));
        assert!((half - 0.5).abs() < 1e-6, "{half}");
    }

    #[test]
    fn the_diff_reads_as_both_texts() {
        let old = "We condemn the attack on the port.";
        let new = "We strongly condemn the attacks on the port, and the city.";
        let pieces = word_diff(old, new);
        let side = |keep: Change| -> String {
            pieces
                .iter()
                .filter(|p| p.change == Change::Equal || p.change == keep)
                .map(|p| p.text.as_str())
                .collect()
        };
        assert_eq!(side(Change::Insert), new);
        assert_eq!(normalised(&side(Change::Delete)), normalised(old));
        assert!(pieces.contains(&Piece {
            change: Change::Insert,
            text: " strongly".into()
        }));
        assert!(
            word_diff(old, old)
                .iter()
                .all(|p| p.change == Change::Equal)
        );
        assert!(word_diff("", "").is_empty());
    }
}
