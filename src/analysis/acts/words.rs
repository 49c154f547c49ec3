//! Word classes the clause grammar walks over: boundaries, auxiliaries, modals,
//! coordinators, determiners, prepositions, openers, verbs of meeting.

/// Words that end a subject noun phrase when walking left: subordinators, relatives,
/// question words and the reporting verbs that take a complement clause without "that".
#[rustfmt::skip]
pub(super) fn is_boundary_word(word: &str) -> bool {
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
        "recognize" | "recognized" | "conclude" | "concluded" | "feel" | "we" | "us" |
        "them" | "it" | "they" | "is" | "are" | "was" | "were" | "to"
    )
}

/// Auxiliaries a verb group may contain besides adverbs.
#[rustfmt::skip]
pub(super) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "do" | "does" | "did" | "have" | "has" | "had" | "would" | "could" | "can" | "may" |
        "might" | "not" | "never" | "hereby" | "having" | "been"
    )
}

/// Modals that are cues themselves: a cue after one of them is part of its object.
#[rustfmt::skip]
pub(super) fn is_governing_modal(word: &str) -> bool {
    matches!(
        word,
        "will" | "shall" | "must" | "should" | "ought"
    )
}

#[rustfmt::skip]
pub(super) fn is_coordinator(word: &str) -> bool {
    matches!(
        word,
        "and" | "or" | "but" | "nor" | "then"
    )
}

/// Words before a noun, never before a finite verb.
#[rustfmt::skip]
pub(super) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "my" | "your" | "this" |
        "these" | "those" | "any" | "no" | "such" | "every" | "whose" | "of" | "for" | "with" |
        "in" | "on" | "by" | "from"
    )
}

/// Subjects that do not name anyone: no demand can be addressed to them.
pub(super) const EMPTY_SUBJECTS: &[&str] = &[
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

#[rustfmt::skip]
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "to" | "of" | "for" | "with" | "by" | "from" | "against" | "toward" | "towards" | "into" |
        "onto" | "upon" | "about" | "than" | "between" | "among" | "amongst"
    )
}

/// Verbs of meeting, whose purpose infinitive carries the participants' act.
#[rustfmt::skip]
pub(super) fn is_meeting_verb(word: &str) -> bool {
    matches!(
        word,
        "met" | "meet" | "meets" | "gathered" | "gather" | "gathers" | "convened" | "convene" |
        "convenes" | "assembled" | "assemble" | "assembles"
    )
}

/// Openings of a sentence that are adverbials, not part of its subject.
#[rustfmt::skip]
pub(super) fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "in" | "on" | "at" | "during" | "today" | "following" | "after" | "as" | "with" | "since" |
        "for" | "by" | "through" | "upon" | "ahead" | "before" | "this" | "yesterday" | "to" |
        "building" | "recalling" | "furthermore" | "moreover" | "also" | "however" | "together"
    )
}
