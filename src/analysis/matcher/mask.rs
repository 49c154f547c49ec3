//! A cheap test that a pattern cannot match a text: a 32-bit mask of the characters
//! each holds, folded as the matcher folds them (case always, so a case-sensitive
//! pattern is judged by a wider mask, never a narrower one). Every match — written out
//! or spread out — uses each of the pattern's characters somewhere in the text, so a
//! pattern with a character the text lacks is rejected without searching; the result
//! of a search is the same with the test as without it.

use super::{Pattern, fold};

/// The bit of a folded character: a letter a bit of its own, the digits one, the
/// rest five shared. 32 bits, as a big statement keeps a mask for each of its millions
/// of sentences; what a query types is mostly letters, and they keep their precision.
fn bit(c: char) -> u32 {
    let c = fold(c, false);
    let k = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26,
        _ => 27 + c as u32 % 5,
    };
    1 << k
}

/// The mask of every character of `text`.
pub fn mask_of(text: &str) -> u32 {
    text.chars().fold(0, |mask, c| mask | bit(c))
}

impl Pattern {
    /// The mask of the pattern's characters.
    pub fn mask(&self) -> u32 {
        self.chars.iter().fold(0, |mask, &c| mask | bit(c))
    }

    /// Whether the pattern could match a text whose mask is `text`: false proves it
    /// cannot.
    pub fn could_match(&self, text: u32) -> bool {
        self.mask() & !text == 0
    }
}
