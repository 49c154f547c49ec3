//! The grammar around a cue: who the subject is, what is demanded of whom, and what the
//! act is about.
//!
//! Statements are written in a narrow register: a subject ("We", "The two leaders",
//! "North Korea"), a verb group (adverbs, auxiliaries, "continue to"), the cue, then
//! its complement. Coordinated verbs share the subject ("express concern … and,
//! in particular, strongly urge"). Walking left from a cue over the verb group finds
//! the subject, a coordination, or nothing (the cue is a noun or inside an infinitive).

use super::lexicon::CueLexicon;
use crate::analysis::text::Tokens;

/// Words that end a subject noun phrase when walking left: subordinators, relatives,
/// question words and the reporting verbs that take a complement clause without "that".
#[rustfmt::skip]
fn is_boundary_word(word: &str) -> bool {
    matches!(
        word,
        "that" | "which" | "who" | "whom" | "whose" | "where" | "when" | "while" | "whereas" |
        "because" | "although" | "though" | "if" | "unless" | "since" | "so" | "how" | "what" |
        "why" | "whether" | "until" | "after" | "before" | "than" | "as" | "once" | "believe" |
        "believes" | "consider" | "considers" | "agree" | "agreed" | "agrees" | "note" | "noted" |
        "notes" | "stress" | "stressed" | "underline" | "underlined" | "emphasise" | "emphasised" |
        "emphasize" | "emphasized" | "recall" | "recalled" | "think" | "hope" | "hoped" | "trust" |
        "affirm" | "affirmed" | "say" | "said" | "state" | "stated" | "declare" | "declared" |
        "know" | "understand" | "acknowledge" | "acknowledged" | "recognise" | "recognised" |
        "recognize" | "recognized" | "conclude" | "concluded" | "feel" | "we" | "us" | "our" |
        "them" | "it" | "they" | "is" | "are" | "was" | "were" | "to"
    )
}

/// Auxiliaries a verb group may contain besides adverbs.
#[rustfmt::skip]
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "do" | "does" | "did" | "have" | "has" | "had" | "would" | "could" | "can" | "may" |
        "might" | "not" | "never" | "hereby" | "having" | "been"
    )
}

/// Modals that are cues themselves: a cue after one of them is part of its object.
#[rustfmt::skip]
fn is_governing_modal(word: &str) -> bool {
    matches!(
        word,
        "will" | "shall" | "must" | "should" | "ought"
    )
}

#[rustfmt::skip]
fn is_coordinator(word: &str) -> bool {
    matches!(
        word,
        "and" | "or" | "but" | "nor" | "then"
    )
}

/// Words before a noun, never before a finite verb.
#[rustfmt::skip]
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "my" | "your" | "this" |
        "these" | "those" | "any" | "no" | "such" | "every" | "whose" | "of" | "for" | "with" |
        "in" | "on" | "by" | "from"
    )
}

/// Subjects that do not name anyone: no demand can be addressed to them.
const EMPTY_SUBJECTS: &[&str] = &[
    "this",
    "that",
    "these",
    "those",
    "such",
    "which",
    "what",
    "all this",
    "this work",
    "it",
];

/// What stands to the left of a cue's verb group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Left {
    /// A subject noun phrase, tokens `start..end`.
    Subject { start: usize, end: usize },
    /// "and", "or", "but": the cue shares the subject of the clause before.
    Coordination,
    /// A governing modal ("will continue to support"): the cue is that modal's object.
    Governed,
    /// The cue is not a finite verb here (a noun, an infinitive, a relative clause).
    Nothing,
}

/// The result of walking left from a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbGroup {
    pub left: Left,
    /// First token of the verb group (adverbs and auxiliaries before the cue).
    pub start: usize,
    pub negated: bool,
}

/// Walks left from token `cue_first` (not before `sentence_start`).
pub fn verb_group(
    lexicon: &CueLexicon,
    tokens: &Tokens,
    sentence_start: usize,
    cue_first: usize,
) -> VerbGroup {
    let mut i = cue_first;
    let mut negated = false;
    let finish = |left, start, negated| VerbGroup {
        left,
        start,
        negated,
    };
    loop {
        if i <= sentence_start {
            return finish(Left::Nothing, i, negated);
        }
        let j = i - 1;
        if let Some(len) = adverb_ending_at(lexicon, tokens, sentence_start, j) {
            i = j + 1 - len;
            continue;
        }
        let word = tokens.word(j);
        if tokens.tokens[j].is_word() && is_auxiliary(word) {
            negated |= word == "not" || word == "never";
            i = j;
            continue;
        }
        if is_governing_modal(word) {
            return finish(Left::Governed, i, negated);
        }
        if is_coordinator(word) {
            return finish(Left::Coordination, j, negated);
        }
        match tokens.punct(j) {
            Some(',') => match parenthetical_start(tokens, sentence_start, j) {
                Some(open) => {
                    i = open;
                    continue;
                }
                None => return finish(Left::Nothing, i, negated),
            },
            Some(_) => return finish(Left::Nothing, i, negated),
            None => {}
        }
        // "the support", "our support", "Japan’s support": the cue is a noun here.
        let possessive = word == "s" && j > sentence_start && tokens.punct(j - 1) == Some('\'');
        if possessive || is_determiner(word) {
            return finish(Left::Nothing, i, negated);
        }
        if matches!(word, "we" | "it" | "they") || tokens.original(j) == "I" {
            return finish(
                Left::Subject {
                    start: j,
                    end: j + 1,
                },
                i,
                negated,
            );
        }
        let start = noun_phrase_start(tokens, sentence_start, j);
        return match start {
            Some(start) => finish(Left::Subject { start, end: j + 1 }, i, negated),
            None => finish(Left::Nothing, i, negated),
        };
    }
}

/// The length of a lexicon adverb (one or more words) ending at token `end`.
fn adverb_ending_at(
    lexicon: &CueLexicon,
    tokens: &Tokens,
    floor: usize,
    end: usize,
) -> Option<usize> {
    lexicon.adverbs.ending_at(tokens, floor, end + 1)
}

/// For a comma at `close`, the start of a parenthetical ", in particular," — the
/// matching comma within a few words, with no verb cue-like boundary inside.
fn parenthetical_start(tokens: &Tokens, floor: usize, close: usize) -> Option<usize> {
    let lowest = close.saturating_sub(10).max(floor);
    (lowest..close)
        .rev()
        .find(|&k| tokens.punct(k) == Some(','))
        .filter(|&open| open > floor)
}

/// Walks left from `end` over a noun phrase; `None` when there is none.
fn noun_phrase_start(tokens: &Tokens, floor: usize, end: usize) -> Option<usize> {
    const MAX_WORDS: usize = 15;
    let mut start = end + 1;
    let mut k = end + 1;
    while k > floor && end + 1 - k < MAX_WORDS {
        let j = k - 1;
        let word = tokens.word(j);
        match tokens.punct(j) {
            Some('\'') | Some('-') | Some('/') | Some('.') if start <= end && j > floor => {
                k = j;
                continue;
            }
            Some(_) => break,
            None => {}
        }
        if is_boundary_word(word) || is_auxiliary(word) || is_governing_modal(word) {
            break;
        }
        if word == "and" || word == "or" {
            // "Japan and NATO": keep going only between names.
            let joins_names = start <= end
                && tokens.is_capitalised(start)
                && j > floor
                && tokens.is_capitalised(j - 1);
            if !joins_names {
                break;
            }
        }
        start = j;
        k = j;
    }
    (start <= end).then_some(start)
}

/// Whether a subject phrase cannot be addressed ("This should help").
pub fn is_empty_subject(phrase: &str) -> bool {
    EMPTY_SUBJECTS.contains(&phrase.to_lowercase().as_str())
}

/// After a modal cue: is the clause passive ("should be settled")?
pub fn is_passive_after(lexicon: &CueLexicon, tokens: &Tokens, after: usize, to: usize) -> bool {
    let mut i = after;
    while i < to
        && (lexicon.is_adverb(tokens.word(i)) || matches!(tokens.word(i), "not" | "never" | "also"))
    {
        i += 1;
    }
    i < to && tokens.word(i) == "be"
}

/// The addressee of an `object` cue: "urge North Korea to" → North Korea; "demand that
/// Russia withdraw" → Russia. Returns the phrase and the token where the object starts.
pub fn object_addressee(
    tokens: &Tokens,
    after_cue: usize,
    to: usize,
) -> Option<(usize, usize, usize)> {
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
            Some('.') | Some(';') | Some(':') | Some('(') => return None,
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
                let mut end = i;
                while end > after_cue && tokens.punct(end - 1).is_some() {
                    end -= 1;
                }
                return (end > after_cue).then_some((after_cue, end, i + 1));
            }
        }
        i += 1;
    }
    None
}

/// The subject of a that-clause: names and noun words up to the first lowercase word
/// that is not part of a name ("that Russia immediately withdraw" → Russia).
fn that_clause_subject_end(tokens: &Tokens, start: usize, to: usize) -> Option<usize> {
    const DETERMINERS: &[&str] = &["all", "the", "both", "each", "every", "any", "its", "their"];
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
        "society" | "people" | "administration" | "officials" | "sponsors" | "ministers" |
        "participants" | "delegations" | "signatories"
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
