//! The filter's prefilter rejects a text only when the pattern cannot match it: over
//! arbitrary texts and patterns — accents, curly quotes, capitals (case-sensitive
//! patterns), letters whose lowercase is longer (İ), wide and rare characters — every
//! text the plain matcher matches passes the character mask, so searching with the
//! prefilter gives exactly what searching without it gives.

use communique::analysis::matcher::{Pattern, mask_of};
use proptest::prelude::*;

mod invariants;

fn text_of(alphabet: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(alphabet), 0..max).prop_map(|v| v.concat())
}

const PIECES: &[&str] = &[
    "a", "e", "o", "r", "k", "K", "é", "É", "ß", "İ", "ı", "’", "'", "“", "\"", "—", "-", " ", "1",
    "9", "ø", "Ω", "ω", "世", "😀", "ǅ", "korea", "Korea", "KOREA", "condemn",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(invariants::cases(4096)))]

    #[test]
    fn every_text_a_pattern_matches_passes_the_mask(
        text in text_of(PIECES, 24),
        typed in text_of(PIECES, 6),
        exact in any::<bool>(),
    ) {
        let pattern = if exact { Pattern::new(&typed).exact() } else { Pattern::new(&typed) };
        if pattern.find(&text, &[]).is_some() {
            prop_assert!(
                pattern.could_match(mask_of(&text)),
                "{typed:?} matches {text:?} but the mask rejects it"
            );
        }
    }
}

#[test]
fn the_mask_rejects_what_cannot_match_and_keeps_what_can() {
    let korea = Pattern::new("korea");
    assert!(korea.could_match(mask_of("North KOREA’s launches")));
    assert!(!korea.could_match(mask_of("the Sahel and the Baltic")));
    // Accents fold as the matcher folds them.
    assert!(Pattern::new("cafe").could_match(mask_of("CAFÉ")));
    // Digits share a bit: a year is rejected by a text without a digit.
    assert!(!Pattern::new("2017").could_match(mask_of("in the autumn")));
    assert!(Pattern::new("2017").could_match(mask_of("on 31 October 2017")));
}
