//! The grammar around a cue: who the subject is, what is demanded of whom, and what the
//! act is about.
//!
//! Statements are written in a narrow register: a subject ("We", "The two leaders",
//! "North Korea"), a verb group (adverbs, auxiliaries, "continue to"), the cue, then
//! its complement. Coordinated verbs share the subject ("express concern … and,
//! in particular, strongly urge"). Walking left from a cue over the verb group finds
//! the subject, a coordination, or nothing (the cue is a noun or inside an infinitive).

use super::lexicon::CueLexicon;
use super::words::*;
use crate::analysis::text::Tokens;

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
        // "met in Capital City to reaffirm": the act of a meeting's purpose is its
        // participants'.
        if word == "to"
            && let Some(verb) = meeting_verb_before(tokens, sentence_start, j)
        {
            let left = subject_left_of(lexicon, tokens, sentence_start, verb);
            return finish(left, i, negated);
        }
        if tokens.punct(j) == Some(',') {
            // "We, the Heads of State and Government of …, reaffirm": the formula's
            // "we" is the subject, however long the apposition.
            if tokens.word(sentence_start) == "we" && tokens.punct(sentence_start + 1) == Some(',')
            {
                return finish(
                    Left::Subject {
                        start: sentence_start,
                        end: sentence_start + 1,
                    },
                    i,
                    negated,
                );
            }
            match aside_start(tokens, sentence_start, j)
                .or_else(|| parenthetical_start(tokens, sentence_start, j))
            {
                Some(open) => {
                    i = open;
                    continue;
                }
                None => return finish(Left::Nothing, i, negated),
            }
        }
        return finish(
            subject_left_of(lexicon, tokens, sentence_start, i),
            i,
            negated,
        );
    }
}

/// The subject ending just before token `at`: "we", a noun phrase, or nothing (the cue
/// is a noun or inside a clause of its own).
fn subject_left_of(lexicon: &CueLexicon, tokens: &Tokens, floor: usize, at: usize) -> Left {
    let mut i = at;
    while i > floor {
        let j = i - 1;
        if let Some(len) = adverb_ending_at(lexicon, tokens, floor, j) {
            i = j + 1 - len;
        } else if tokens.tokens[j].is_word() && is_auxiliary(tokens.word(j)) {
            i = j;
        } else {
            break;
        }
    }
    if i <= floor {
        return Left::Nothing;
    }
    let j = i - 1;
    let word = tokens.word(j);
    if tokens.punct(j) == Some(',')
        && tokens.word(floor) == "we"
        && tokens.punct(floor + 1) == Some(',')
    {
        // "We, the leaders of …, met in …": the formula's "we".
        return Left::Subject {
            start: floor,
            end: floor + 1,
        };
    }
    if tokens.punct(j).is_some() {
        return Left::Nothing;
    }
    // "guided by shared values": a cue after an adjective is a noun.
    if lexicon.is_filler(word) && !matches!(word, "it" | "they" | "we") {
        return Left::Nothing;
    }
    // "the support", "our support", "Japan’s support": the cue is a noun here.
    let possessive = word == "s" && j > floor && tokens.punct(j - 1) == Some('\'');
    if possessive || is_determiner(word) {
        return Left::Nothing;
    }
    if matches!(word, "we" | "it" | "they" | "he" | "she") || tokens.original(j) == "I" {
        return Left::Subject {
            start: j,
            end: j + 1,
        };
    }
    match noun_phrase_start(tokens, floor, j) {
        // "The grain that millions need to survive must …": past a relative clause, the
        // noun it describes is the subject.
        Some(start) if start > floor && tokens.word(start - 1) == "to" => {
            match relative_head(tokens, floor, start - 1) {
                Some((head_start, head_end)) => Left::Subject {
                    start: head_start,
                    end: head_end,
                },
                None => Left::Nothing,
            }
        }
        // "… deterrence to Japan and the ROK will …": the object of a preposition is
        // not the subject; the subject stands further left, out of reach.
        Some(start) if start > floor && is_preposition(tokens.word(start - 1)) => Left::Nothing,
        // "… to Japan and the ROK will …": the second of two objects of a preposition.
        Some(start)
            if start > floor + 1
                && tokens.word(start - 1) == "and"
                && noun_phrase_start(tokens, floor, start - 2)
                    .is_some_and(|s| s > floor && is_preposition(tokens.word(s - 1))) =>
        {
            Left::Nothing
        }
        Some(start) => Left::Subject {
            start: list_start(tokens, floor, start),
            end: j + 1,
        },
        None => Left::Nothing,
    }
}

/// Asides of any length that name people beside a subject: "the United States and the
/// African Union, under the leadership of …, affirm".
const ASIDE_OPENERS: &[&[&str]] = &[
    &["under", "the", "leadership", "of"],
    &["led", "by"],
    &["represented", "by"],
    &["together", "with"],
    &["along", "with"],
    &["in", "the", "presence", "of"],
    &["accompanied", "by"],
    &["chaired", "by"],
];

/// For a comma at `close`, the comma that opens an aside ending there, however long.
fn aside_start(tokens: &Tokens, floor: usize, close: usize) -> Option<usize> {
    let lowest = close.saturating_sub(60).max(floor);
    (lowest..close).rev().find(|&k| {
        tokens.punct(k) == Some(',')
            && ASIDE_OPENERS.iter().any(|opener| {
                opener
                    .iter()
                    .enumerate()
                    .all(|(m, w)| tokens.word(k + 1 + m) == *w)
            })
    })
}

/// For an infinitive "to" at `to`, a meeting verb before it in the same clause
/// ("met in St. John's, Newfoundland and Labrador to reaffirm").
fn meeting_verb_before(tokens: &Tokens, floor: usize, to: usize) -> Option<usize> {
    let lowest = to.saturating_sub(16).max(floor);
    (lowest..to).rev().find_map(|k| {
        if matches!(tokens.punct(k), Some(';' | ':')) && k + 1 < to {
            return Some(None);
        }
        is_meeting_verb(tokens.word(k)).then_some(Some(k))
    })?
}

/// For a relative clause ending at `end` ("… that millions need to"), the noun phrase
/// it describes ("The grain"): a relative pronoun within a few words, only words
/// between, and a noun phrase before it.
fn relative_head(tokens: &Tokens, floor: usize, end: usize) -> Option<(usize, usize)> {
    let lowest = end.saturating_sub(8).max(floor + 1);
    let pronoun = (lowest..end)
        .rev()
        .find(|&k| matches!(tokens.word(k), "that" | "which" | "who"))?;
    if (pronoun..end).any(|k| !tokens.tokens[k].is_word() || is_governing_modal(tokens.word(k))) {
        return None;
    }
    let head_end = pronoun;
    let start = noun_phrase_start(tokens, floor, head_end - 1)?;
    (start == floor || !is_preposition(tokens.word(start - 1))).then_some((start, head_end))
}

/// A subject noun phrase that ends a list of names goes back over the list: "Prime
/// Minister A of Japan, President B of Korea, and President C of the United States".
/// Each earlier item must start with a capital or "the"; an adverbial opening ends it.
fn list_start(tokens: &Tokens, floor: usize, start: usize) -> usize {
    let mut start = start;
    // "Joseph R. Biden, Jr.": the suffix is part of the name.
    if matches!(tokens.word(start), "jr" | "sr")
        && start >= floor + 2
        && tokens.punct(start - 1) == Some(',')
        && let Some(name) = noun_phrase_start(tokens, floor, start - 2)
    {
        start = name;
    }
    let before = |k: usize| k.checked_sub(1).filter(|&b| b >= floor);
    let coordinated = match before(start).map(|b| tokens.word(b)) {
        Some("and") => before(start).and_then(before).is_some_and(|b| {
            tokens.punct(b) == Some(',') || tokens.is_capitalised(b) || tokens.punct(b) == Some(')')
        }),
        _ => false,
    };
    if !coordinated {
        return start;
    }
    let mut item_end = start - 1; // the "and"
    if tokens.punct(item_end - 1) == Some(',') {
        item_end -= 1;
    }
    let mut earliest = start;
    for _ in 0..8 {
        let item_start = (floor..item_end)
            .rev()
            .find(|&k| tokens.punct(k) == Some(','))
            .map_or(floor, |comma| comma + 1);
        if item_start >= item_end || item_end - item_start > 15 {
            break;
        }
        let first = tokens.word(item_start);
        // An item of names: capitalised words and the little words between them only.
        let names_only = (item_start..item_end).all(|k| {
            !tokens.tokens[k].is_word()
                || tokens.is_capitalised(k)
                || matches!(
                    tokens.word(k),
                    "of" | "the"
                        | "and"
                        | "for"
                        | "at"
                        | "in"
                        | "on"
                        | "de"
                        | "van"
                        | "der"
                        | "bin"
                        | "al"
                )
        });
        let name_like = tokens.is_capitalised(item_start) || first == "the";
        if !name_like || !names_only || is_opener(first) {
            break;
        }
        earliest = item_start;
        if item_start == floor {
            break;
        }
        item_end = item_start - 1;
    }
    earliest
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
        // "the parties to the conflict": "to" before a determiner is a preposition
        // inside the phrase, not an infinitive.
        let preposition_to = word == "to"
            && start <= end
            && matches!(
                tokens.word(j + 1),
                "the" | "a" | "an" | "this" | "these" | "its" | "their"
            );
        if !preposition_to
            && (is_boundary_word(word) || is_auxiliary(word) || is_governing_modal(word))
        {
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
