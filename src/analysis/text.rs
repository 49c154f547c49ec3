//! Words and punctuation of a paragraph, with byte spans.
//!
//! Topic and cue matching compare words, never raw substrings, so "ai" does not match
//! inside "maintain" and "North Korea’s" yields the words "north", "korea", "s". The
//! lowercase copy is ASCII-lowercased so that its byte offsets equal the original's.

/// A word (letters and digits) or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    // u32 offsets keep a token at 12 bytes; inputs are limited well below 4 GiB.
    start: u32,
    end: u32,
    /// For punctuation, the character with curly quotes and apostrophes folded to ASCII.
    pub punct: Option<char>,
}

impl Token {
    fn new(start: usize, end: usize, punct: Option<char>) -> Token {
        Token {
            start: crate::document::saturating_u32(start),
            end: crate::document::saturating_u32(end),
            punct,
        }
    }

    /// Byte offset of the token in its text.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the token.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn is_word(&self) -> bool {
        self.punct.is_none()
    }
}

/// A tokenised text: the original, its lowercase twin and the tokens.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    pub text: &'a str,
    pub lower: String,
    pub tokens: Vec<Token>,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        let lower = text.to_ascii_lowercase();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut word_start: Option<usize> = None;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII is classified from the byte; only other characters are decoded.
            let b = bytes[i];
            let (c, len) = if b < 0x80 {
                (char::from(b), 1)
            } else {
                let c = text[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (c, c.len_utf8())
            };
            let at = i;
            i += len;
            if c.is_alphanumeric() || is_joiner(c) {
                word_start.get_or_insert(at);
                continue;
            }
            if let Some(s) = word_start.take() {
                tokens.push(Token::new(s, at, None));
            }
            if !c.is_whitespace() {
                tokens.push(Token::new(at, at + len, Some(fold_punct(c))));
            }
        }
        if let Some(s) = word_start {
            tokens.push(Token::new(s, text.len(), None));
        }
        Tokens {
            text,
            lower,
            tokens,
        }
    }

    /// The lowercase text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.start()..t.end()])
    }

    /// The text of token `i` as written.
    pub fn original(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.start()..t.end()])
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        self.tokens.get(i).and_then(|t| t.punct)
    }

    pub fn is_capitalised(&self, i: usize) -> bool {
        self.original(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The original text spanning tokens `from..to` (exclusive), as written.
    pub fn span_text(&self, from: usize, to: usize) -> &'a str {
        if from >= to || to > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[from].start()..self.tokens[to - 1].end()]
    }
}

/// Marks that do not split a word: combining marks (accents written separately).
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

fn fold_punct(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        c => c,
    }
}

/// Splits a lexicon phrase into its lowercase words and punctuation, as [`Tokens`] would.
/// Lexicons hold a few thousand phrases, split at every start; this does it in one pass
/// over the characters, with the same word rules as [`Tokens`].
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in phrase.chars() {
        if c.is_alphanumeric() || is_joiner(c) {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            words.push(fold_punct(c).to_string());
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punctuation_with_spans() {
        let t = Tokens::new("North Korea’s tests, 2017.");
        let words: Vec<&str> = (0..t.len()).map(|i| t.original(i)).collect();
        assert_eq!(
            words,
            ["North", "Korea", "’", "s", "tests", ",", "2017", "."]
        );
        assert_eq!(t.word(0), "north");
        assert_eq!(t.punct(2), Some('\''));
        assert_eq!(t.span_text(0, 2), "North Korea");
    }

    #[test]
    fn phrases_tokenise_like_text() {
        assert_eq!(
            phrase_words("Non-proliferation"),
            ["non", "-", "proliferation"]
        );
        assert_eq!(
            phrase_words("people’s republic"),
            ["people", "'", "s", "republic"]
        );
    }

    #[test]
    fn non_ascii_keeps_offsets() {
        let t = Tokens::new("Türkiye and 日本 agree");
        assert_eq!(t.original(0), "Türkiye");
        assert_eq!(t.word(2), "日本");
    }
}

/// A set of word phrases ("in the strongest terms", "once again") that can be matched
/// at a token position. Word sets of first and last words make a miss cost one lookup.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Vec<String>>,
    first_words: rustc_hash::FxHashSet<String>,
    last_words: rustc_hash::FxHashSet<String>,
}

impl PhraseSet {
    pub fn new(list: &[String]) -> PhraseSet {
        let phrases: Vec<Vec<String>> = list
            .iter()
            .map(|p| phrase_words(p))
            .filter(|p| !p.is_empty())
            .collect();
        PhraseSet {
            first_words: phrases.iter().map(|p| p[0].clone()).collect(),
            last_words: phrases.iter().map(|p| p[p.len() - 1].clone()).collect(),
            phrases,
        }
    }

    pub fn phrases(&self) -> &[Vec<String>] {
        &self.phrases
    }

    fn matches(tokens: &Tokens, at: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| tokens.word(at + k) == w)
    }

    /// The longest phrase starting at token `at` and ending before `to`, by length.
    pub fn starting_at(&self, tokens: &Tokens, at: usize, to: usize) -> Option<usize> {
        if at >= to || !self.first_words.contains(tokens.word(at)) {
            return None;
        }
        self.phrases
            .iter()
            .filter(|p| at + p.len() <= to && Self::matches(tokens, at, p))
            .map(Vec::len)
            .max()
    }

    /// The longest phrase ending just before token `end` and starting at or after `floor`.
    pub fn ending_at(&self, tokens: &Tokens, floor: usize, end: usize) -> Option<usize> {
        if end <= floor || !self.last_words.contains(tokens.word(end - 1)) {
            return None;
        }
        self.phrases
            .iter()
            .filter(|p| end >= floor + p.len() && Self::matches(tokens, end - p.len(), p))
            .map(Vec::len)
            .max()
    }

    /// Whether any phrase lies within tokens `from..to`.
    pub fn any_within(&self, tokens: &Tokens, from: usize, to: usize) -> bool {
        (from..to).any(|i| self.starting_at(tokens, i, to).is_some())
    }

    /// Whether the single word is one of the phrases.
    pub fn contains_word(&self, word: &str) -> bool {
        self.first_words.contains(word) && self.phrases.iter().any(|p| p.len() == 1 && p[0] == word)
    }
}
