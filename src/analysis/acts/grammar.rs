//! Grammar checks on one sentence: the subject a coordinated verb shares, relative
//! clauses, participle series, and cue words that are not acts where they stand.

use super::clause::{self, Left};
use super::lexicon::{CueLexicon, CueMatch, WordId};
use super::speakers::{Speakers, Subject, classify};
use crate::analysis::text::Tokens;

/// A sentence: tokens `from..to` of its paragraph, with their vocabulary ids.
pub(super) struct Sentence<'t, 'a> {
    pub(super) tokens: &'t Tokens<'a>,
    pub(super) ids: &'t [WordId],
    pub(super) from: usize,
    pub(super) to: usize,
}

/// Verbs that are not cues but have the sentence's subject: a coordinated cue after
/// them ("reviewed …, exchanged views … and decided to …") shares it.
#[rustfmt::skip]
pub(super) fn is_plain_verb(word: &str) -> bool {
    matches!(
        word,
        "reviewed" | "review" | "reviews" | "exchanged" | "exchange" | "discussed" | "discuss" |
        "held" | "hold" | "met" | "meet" | "noted" | "note" | "considered" | "consider" | "visited" |
        "received" | "recognized" | "recognised" | "recognize" | "recognise" | "affirmed" |
        "affirm" | "announced" | "announce" | "launched" | "launch" | "emphasized" | "emphasised" |
        "emphasize" | "emphasise" | "stressed" | "stress" | "underlined" | "underline" | "are" |
        "is" | "have" | "has" | "joined" | "concluded" | "agreed" | "shared" | "share"
    )
}

/// The subject of the sentence's first verb, for a coordinated cue with no subject of
/// its own before it.
pub(super) fn leading_subject(
    s: &Sentence,
    before: usize,
    lexicon: &CueLexicon,
    speakers: &Speakers,
) -> Option<Subject> {
    let tokens = s.tokens;
    if (s.from..before).any(|i| tokens.word(i) == "we") {
        return Some(Subject::Authors);
    }
    let verb = (s.from..before).find(|&i| is_plain_verb(tokens.word(i)))?;
    match clause::verb_group(lexicon, tokens, s.from, verb).left {
        Left::Subject { start, end } => Some(classify(tokens, start, end, speakers, lexicon)),
        _ => None,
    }
}

/// Tokens looked back for the "that" of a clause.
const THAT_LOOKBACK: usize = 40;

/// The subject of the that-clause a coordinated verb is in: "we affirm that a nuclear
/// war cannot be won and must never be fought" → "a nuclear war".
pub(super) fn that_subject(
    s: &Sentence,
    before: usize,
    lexicon: &CueLexicon,
    speakers: &Speakers,
) -> Option<Subject> {
    let tokens = s.tokens;
    // A "that" clause's subject stands near its verb: looking back a bounded way keeps a
    // sentence of thousands of acts linear.
    let from = s.from.max(before.saturating_sub(THAT_LOOKBACK));
    let that = (from..before).rev().find(|&i| tokens.word(i) == "that")?;
    // The clause goes on from "that" to this verb without a break.
    if (that..before).any(|i| matches!(tokens.punct(i), Some(';' | ':'))) {
        return None;
    }
    let verb = (that + 2..before).find(|&i| {
        matches!(
            tokens.word(i),
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "can"
                | "cannot"
                | "must"
                | "should"
                | "shall"
                | "has"
                | "have"
        )
    })?;
    match clause::verb_group(lexicon, tokens, that + 1, verb).left {
        Left::Subject { start, end } => Some(classify(tokens, start, end, speakers, lexicon)),
        _ => None,
    }
}

/// Whether a coordinated verb continues a series of participles describing a noun:
/// "a partnership guided by shared values, driven by innovation, and committed to …".
pub(super) fn in_participle_series(tokens: &Tokens, from: usize, and: usize) -> bool {
    // The conjunct before "and" (", driven by innovation, and"): after the comma before it.
    let last = if and > from && tokens.punct(and - 1) == Some(',') {
        and - 1
    } else {
        and
    };
    let Some(comma) = (from..last).rev().find(|&i| tokens.punct(i) == Some(',')) else {
        return false;
    };
    let first = tokens.word(comma + 1);
    (first.ends_with("ed") || first.ends_with("en"))
        && matches!(tokens.word(comma + 2), "by" | "with" | "to" | "in")
}

/// Cue words that are not acts here: a participle modifying a noun ("the technologies
/// needed to accelerate"), a prediction ("we will sometimes disagree"), a conditional
/// assessment ("Without peace there can be no development").
pub(super) fn not_an_act(s: &Sentence, m: &CueMatch) -> bool {
    let tokens = s.tokens;
    let word = tokens.word(m.first);
    if word == "needed"
        && m.first > s.from
        && tokens.tokens[m.first - 1].is_word()
        && !matches!(tokens.word(m.first - 1), "we" | "they" | "it")
    {
        return true;
    }
    if word == "will"
        && matches!(
            tokens.word(m.first + 1),
            "sometimes" | "inevitably" | "probably" | "likely" | "often" | "occasionally"
        )
    {
        return true;
    }
    word == "can" && (s.from..m.first).any(|i| tokens.word(i) == "without")
}

/// Whether a subject starting at `start` opens a relative clause: "… the grain that
/// millions need …", "… where the two leaders agreed …". A "that" after a verb of
/// saying introduces a complement instead ("stress that X must …").
pub(super) fn in_relative_clause(tokens: &Tokens, from: usize, start: usize) -> bool {
    if start <= from {
        return false;
    }
    let before = tokens.word(start - 1);
    match before {
        "which" | "who" | "whom" | "whose" | "where" => true,
        "that" => {
            // The word before "that", past adverbs ("believe strongly that").
            let mut h = start.checked_sub(2).filter(|&h| h >= from);
            while let Some(k) = h
                && (tokens.word(k).ends_with("ly")
                    || matches!(tokens.word(k), "also" | "further" | "again"))
            {
                h = k.checked_sub(1).filter(|&k| k >= from);
            }
            h.is_some_and(|h| tokens.tokens[h].is_word() && !is_complement_verb(tokens.word(h)))
        }
        _ => false,
    }
}

/// Words after which "that" introduces what is said, not a relative clause.
#[rustfmt::skip]
pub(super) fn is_complement_verb(word: &str) -> bool {
    let stems = [
        "stress", "underline", "underscore", "emphasi", "emphasiz", "believ", "agree", "affirm",
        "reaffirm", "note", "recogni", "insist", "say", "said", "state", "declar", "confirm",
        "reiterat", "ensur", "decid", "hope", "consider", "expect", "demand", "request", "urge",
        "highlight", "recall", "acknowledg", "conclud", "think", "know", "understand", "trust",
        "convinc", "clear", "essential", "vital", "imperative", "necessary", "important", "fact",
        "view", "determin", "resolv", "welcom", "regret", "concern", "alarm", "remind", "warn",
        "point", "explain", "add", "show", "mean", "so", "such", "now", "given",
    ];
    stems.iter().any(|s| word.starts_with(s))
}

/// The nearest group a pronoun can stand for, named earlier in its own sentence:
/// "welcomes the efforts of the regional mediators and encourages them" → "the regional
/// mediators".
pub(super) fn named_before(
    tokens: &Tokens,
    from: usize,
    at: usize,
    pronoun: &str,
) -> Option<String> {
    let plural = matches!(pronoun, "them" | "they");
    let noun = (from..at).rev().find(|&i| {
        let word = tokens.word(i);
        super::complement::is_agent_noun(word)
            && word.ends_with('s') == plural
            && !tokens.is_capitalised(i)
    })?;
    let mut start = noun;
    while start > from && start + 4 > noun && tokens.tokens[start - 1].is_word() {
        start -= 1;
        if matches!(
            tokens.word(start),
            "the" | "all" | "both" | "these" | "those"
        ) {
            return Some(super::object::addressee_text(
                tokens.span_text(start, noun + 1),
            ));
        }
    }
    None
}
