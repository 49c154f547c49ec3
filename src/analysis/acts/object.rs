//! What an act is about: its object phrase, its strength, and an addressee as shown.

use super::complement;
use super::lexicon::CueLexicon;
use crate::analysis::text::Tokens;

/// A subject phrase as an addressee: "The international community" → "the international
/// community"; names keep their capitals.
pub(super) fn addressee_text(phrase: &str) -> String {
    let phrase = phrase.trim();
    // A determiner that opened the sentence is written as it reads inside one:
    // "the Government of Ruritania", "all States".
    for article in ["The ", "All ", "Both ", "Each ", "Any "] {
        if let Some(rest) = phrase.strip_prefix(article) {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    phrase.to_string()
}

/// The object's span — up to a clause boundary, without the manner phrase ("in the strongest terms") that may
/// open or close it — and the intensity that manner phrase gives.
/// A manner phrase opening the object counts only when the object follows the cue
/// (`follows_cue`): in "urge X to fully comply", "fully" is part of what is demanded.
pub(super) fn object_phrase(
    lexicon: &CueLexicon,
    tokens: &Tokens,
    start: usize,
    end: usize,
    follows_cue: bool,
) -> ((usize, usize), u8) {
    let mut start = start;
    let mut stop = end;
    for i in start..end {
        let boundary = matches!(tokens.punct(i), Some(';') | Some(':'))
            || (tokens.punct(i) == Some(',')
                && matches!(
                    tokens.word(i + 1),
                    "which" | "who" | "whose" | "while" | "whereas" | "but"
                ));
        if boundary {
            stop = i;
            break;
        }
    }
    let trim = |start: usize, stop: &mut usize| {
        while *stop > start
            && (tokens
                .punct(*stop - 1)
                .is_some_and(|p| p != ')' && p != '"' && p != '\'')
                || matches!(tokens.word(*stop - 1), "and" | "or" | "but"))
        {
            *stop -= 1;
        }
    };
    trim(start, &mut stop);
    let mut intensity = 0;
    let leading = if follows_cue {
        complement::manner_at(lexicon, tokens, start, stop)
    } else {
        0
    };
    if leading > 0 {
        intensity = complement::intensity(lexicon, tokens, start, start + leading);
        start += leading;
    }
    if let Some(len) = complement::manner_ending_at(lexicon, tokens, start + 1, stop) {
        intensity = intensity.max(complement::intensity(lexicon, tokens, stop - len, stop));
        stop -= len;
        trim(start, &mut stop);
    }
    // "concern about X", "pledge to increase X": the object is X, "increase X".
    if stop > start + 1
        && matches!(
            tokens.word(start),
            "about" | "on" | "over" | "at" | "regarding" | "concerning" | "of" | "to"
        )
    {
        start += 1;
    }
    let span = match (
        tokens.tokens.get(start),
        stop.checked_sub(1).and_then(|last| tokens.tokens.get(last)),
    ) {
        (Some(first), Some(last)) if stop > start => (first.start(), last.end()),
        _ => (0, 0),
    };
    (span, intensity)
}
