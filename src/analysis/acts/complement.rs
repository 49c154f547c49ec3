//! What follows a cue: who is addressed ("urge North Korea to …", "demand that Russia
//! …"), how strongly the act is put, and which words are quoted from someone else.

use super::lexicon::CueLexicon;
use crate::analysis::text::Tokens;

/// The addressee of an `object` cue: "urge North Korea to" → North Korea; "demand that
/// Russia withdraw" → Russia. Returns the phrase and the token where the object starts.
pub fn object_addressee(
    lexicon: &CueLexicon,
    tokens: &Tokens,
    after_cue: usize,
    to: usize,
) -> Option<(usize, usize, usize)> {
    let mut after_cue = after_cue;
    // "Invites to this end the Secretary-General to …", "calls once again upon …".
    while let Some(len) = lexicon
        .adverbs
        .starting_at(tokens, after_cue, to)
        .filter(|_| !matches!(tokens.word(after_cue), "all" | "both" | "each"))
    {
        after_cue += len;
        if tokens.punct(after_cue) == Some(',') {
            after_cue += 1;
        }
    }
    if after_cue >= to {
        return None;
    }
    if tokens.word(after_cue) == "that" {
        let start = after_cue + 1;
        let end = that_clause_subject_end(tokens, start, to)?;
        return Some((start, end, end));
    }
    // The phrase runs up to an infinitive "to" within a few words, with no clause break.
    let limit = (after_cue + 16).min(to);
    let mut i = after_cue;
    while i < limit {
        match tokens.punct(i) {
            Some('.') | Some(';') | Some(':') | Some('(') => break,
            _ => {}
        }
        if tokens.word(i) == "to" && i > after_cue {
            let next = tokens.word(i + 1);
            // "to the …", "to all" are prepositions: "appeal to the parties to …" handled by the pattern.
            if tokens.tokens.get(i + 1).is_some_and(|t| t.is_word())
                && !matches!(
                    next,
                    "the" | "a" | "an" | "all" | "this" | "these" | "their" | "its"
                )
            {
                let mut end = aside_cut(tokens, after_cue, i);
                while end > after_cue && tokens.punct(end - 1).is_some() {
                    end -= 1;
                }
                return (end > after_cue).then_some((after_cue, end, i + 1));
            }
        }
        i += 1;
    }
    // No infinitive near: the noun phrase right after the cue, when it names someone
    // ("urges all States, in accordance with their obligations, to …").
    let end = that_clause_subject_end(tokens, after_cue, to)?;
    let named = (after_cue..end).any(|k| tokens.is_capitalised(k) || is_agent_noun(tokens.word(k)));
    named.then_some((after_cue, end, end))
}

/// Whether token `at` is "and" or "or" (a verb coordinated after a cue).
pub fn is_coordinator_at(tokens: &Tokens, at: usize) -> bool {
    matches!(tokens.word(at), "and" | "or")
}

/// An addressee ends before an aside: "all parties, as a demonstration of good faith,"
/// → "all parties"; "the parties concerned, in conjunction with …" → "the parties
/// concerned". An apposition stays: "Israel, the occupying Power".
fn aside_cut(tokens: &Tokens, start: usize, end: usize) -> usize {
    (start..end)
        .find(|&k| {
            tokens.punct(k) == Some(',')
                && matches!(
                    tokens.word(k + 1),
                    "as" | "in"
                        | "with"
                        | "through"
                        | "under"
                        | "including"
                        | "inter"
                        | "for"
                        | "on"
                        | "at"
                        | "within"
                        | "both"
                        | "individually"
                )
        })
        .unwrap_or(end)
}

/// The subject of a that-clause: names and noun words up to the first lowercase word
/// that is not part of a name ("that Russia immediately withdraw" → Russia).
fn that_clause_subject_end(tokens: &Tokens, start: usize, to: usize) -> Option<usize> {
    const DETERMINERS: &[&str] = &[
        "all", "the", "both", "each", "every", "any", "its", "their", "those", "these",
    ];
    let mut i = start;
    while i < to && i < start + 10 {
        let word = tokens.word(i);
        let name_part = tokens.is_capitalised(i)
            || (i > start && matches!(word, "of" | "the") && tokens.is_capitalised(i + 1))
            || (DETERMINERS.contains(&word) && i == start)
            || matches!(tokens.punct(i), Some('\'') | Some('-'))
            || (i > start && is_agent_noun(word));
        if !name_part {
            break;
        }
        i += 1;
    }
    (i > start).then_some(i)
}

/// Nouns that name actors who can be addressed.
#[rustfmt::skip]
pub fn is_agent_noun(word: &str) -> bool {
    matches!(
        word,
        "states" | "state" | "parties" | "party" | "countries" | "country" | "sides" | "side" |
        "governments" | "government" | "authorities" | "regime" | "forces" | "members" | "member" |
        "community" | "leadership" | "leaders" | "nations" | "actors" | "allies" | "partners" |
        "stakeholders" | "organisations" | "organizations" | "institutions" | "militias" |
        "groups" | "responsible" | "perpetrators" | "council" | "international" | "civil" |
        "concerned" | "those" | "secretary-general" |
        "society" | "people" | "administration" | "officials" | "sponsors" | "ministers" |
        "participants" | "delegations" | "signatories" | "organisation" | "organization" |
        "institution" | "agency" | "agencies" | "body" | "bodies" | "mission" | "envoy" |
        "mediators" | "mediator" | "secretariat" | "commission" | "court" | "militia" |
        "president" | "minister" | "presidency" | "chair" | "coordinator" | "operators" |
        "companies" | "businesses" | "donors" | "contributors" | "neighbours" | "neighbors"
    )
}

/// Intensity of an act: 2 for maximal phrases, 1 for marked words, else 0, looking at
/// tokens `from..to`.
pub fn intensity(lexicon: &CueLexicon, tokens: &Tokens, from: usize, to: usize) -> u8 {
    if lexicon.maximal.any_within(tokens, from, to) {
        2
    } else if lexicon.marked.any_within(tokens, from, to) {
        1
    } else {
        0
    }
}

/// Length of a manner phrase starting at `at` ("in the strongest terms",
/// "unequivocally"), which belongs to the cue rather than to its object.
pub fn manner_at(lexicon: &CueLexicon, tokens: &Tokens, at: usize, to: usize) -> usize {
    lexicon.manner.starting_at(tokens, at, to).unwrap_or(0)
}

/// Length of a manner phrase ending exactly at `end` (and starting at or after `floor`):
/// "condemn X in the strongest possible terms".
pub fn manner_ending_at(
    lexicon: &CueLexicon,
    tokens: &Tokens,
    floor: usize,
    end: usize,
) -> Option<usize> {
    lexicon.manner.ending_at(tokens, floor, end)
}

/// Tokens inside quotation marks in `from..to`; acts quoted from others are not acts.
/// Empty when the sentence has no quotation marks (the usual case).
pub fn quoted(tokens: &Tokens, from: usize, to: usize) -> Vec<bool> {
    // '"', “ ” „ (E2 80 9C..9E) or « » (C2 AB, C2 BB), looked for bytewise.
    let bytes = tokens.span_text(from, to).as_bytes();
    let has_quote = memchr::memchr3_iter(b'"', 0xE2, 0xC2, bytes).any(|i| match bytes[i] {
        b'"' => true,
        0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C..=0x9E)),
        _ => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
    });
    if !has_quote {
        return Vec::new();
    }
    let mut inside = vec![false; to - from];
    let mut open: Option<usize> = None;
    for i in from..to {
        let raw = tokens.original(i);
        let opens = matches!(raw, "“" | "«" | "„") || (raw == "\"" && open.is_none());
        let closes = matches!(raw, "”" | "»") || (raw == "\"" && open.is_some());
        if closes {
            if let Some(o) = open.take() {
                for flag in &mut inside[o - from..i - from] {
                    *flag = true;
                }
            }
        } else if opens {
            open = Some(i);
        }
    }
    inside
}

/// Whether a noun phrase is plural ("all member states", "Japan and NATO").
pub fn is_plural(phrase: &str) -> bool {
    let lower = phrase.to_lowercase();
    let head = lower.split(" of ").next().unwrap_or(&lower);
    let last = head.split_whitespace().last().unwrap_or("");
    lower.starts_with("all ")
        || lower.starts_with("both ")
        || head.contains(" and ")
        || (last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is"))
}
