//! Commitments: the speech acts of a statement's authors, typed.
//!
//! For every sentence, cues from the lexicon are found; each is checked against its
//! clause (see [`super::clause`]): the subject must be the authors (or one of the
//! parties, or a reported author body) — except for normative modals, where anyone may
//! be told what they must do. The act records who speaks, who is addressed, the cue, a
//! short object phrase and how strongly it is put.

use std::collections::VecDeque;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::{Paragraph, SentenceRef, Statement};

use super::authors::Authors;
use super::parties::PartyLexicon;

use super::clause::{self, Left};
use super::cues::{AddresseeRule, CueLexicon, CueMatch, Otherwise, Speaker, WordId};
use super::text::{Tokens, phrase_words};

/// The six kinds of act, in the order the panel lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommitmentKind {
    Commit,
    Reaffirm,
    Demand,
    Condemn,
    Concern,
    Support,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 6] = [
        CommitmentKind::Commit,
        CommitmentKind::Reaffirm,
        CommitmentKind::Demand,
        CommitmentKind::Condemn,
        CommitmentKind::Concern,
        CommitmentKind::Support,
    ];

    /// Lowercase name, as in the JSON export: "commit".
    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentKind::Commit => "commit",
            CommitmentKind::Reaffirm => "reaffirm",
            CommitmentKind::Demand => "demand",
            CommitmentKind::Condemn => "condemn",
            CommitmentKind::Concern => "concern",
            CommitmentKind::Support => "support",
        }
    }

    /// The badge shown in the reader: "COMMIT".
    pub fn badge(self) -> &'static str {
        match self {
            CommitmentKind::Commit => "COMMIT",
            CommitmentKind::Reaffirm => "REAFFIRM",
            CommitmentKind::Demand => "DEMAND",
            CommitmentKind::Condemn => "CONDEMN",
            CommitmentKind::Concern => "CONCERN",
            CommitmentKind::Support => "SUPPORT",
        }
    }

    pub fn parse(text: &str) -> Option<CommitmentKind> {
        CommitmentKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

impl std::fmt::Display for CommitmentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One act of the authors in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    /// 1-based, in reading order.
    pub id: usize,
    pub kind: CommitmentKind,
    /// Shared: most acts of a statement have the same actor, its authors.
    pub actor: Arc<str>,
    pub addressee: Option<String>,
    pub sentence: SentenceRef,
    /// Byte range of the cue in its paragraph's text ([`Commitment::cue`]).
    pub cue_span: (usize, usize),
    /// Byte range of the object in its paragraph's text ([`Commitment::object`]).
    pub object_span: (usize, usize),
    /// 0 plain, 1 marked ("strongly"), 2 maximal ("in the strongest terms").
    pub intensity: u8,
    /// Index of the section the act is in (its topics are the section's:
    /// [`super::Analysis::act_topics`]).
    pub section: usize,
}

impl Commitment {
    /// The cue as written: "urge" in "We strongly urge", "are also committed to".
    pub fn cue<'s>(&self, statement: &'s Statement) -> &'s str {
        let text = &statement.paragraphs[self.sentence.paragraph].text;
        text.get(self.cue_span.0..self.cue_span.1).unwrap_or("")
    }

    /// How strongly the act is put, in words; `None` when plainly.
    pub fn strength(&self) -> Option<&'static str> {
        match self.intensity {
            0 => None,
            1 => Some("marked"),
            _ => Some("in the strongest terms"),
        }
    }

    /// What is committed to, demanded, condemned…: a short phrase, cut at a word to at
    /// most [`MAX_OBJECT_CHARS`]. Kept as a span and cut when asked, as a statement may
    /// have millions of acts.
    pub fn object(&self, statement: &Statement) -> String {
        let text = &statement.paragraphs[self.sentence.paragraph].text;
        super::sections::shorten(
            text.get(self.object_span.0..self.object_span.1)
                .unwrap_or(""),
            MAX_OBJECT_CHARS,
        )
    }
}

/// Longest object phrase, in characters.
pub const MAX_OBJECT_CHARS: usize = 120;

/// Who speaks in a statement, and how to name them.
#[derive(Debug, Clone)]
pub struct Speakers {
    /// "Japan and NATO", as the statement itself phrases them.
    pub authors: Arc<str>,
    parties: Vec<Party>,
}

#[derive(Debug, Clone)]
struct Party {
    name: String,
    /// The name and its aliases, as lowercase words (shared with the party lexicon).
    aliases: Arc<[Vec<String>]>,
}

impl Speakers {
    pub fn of(authors: &Authors, lexicon: &PartyLexicon) -> Speakers {
        let parties = authors
            .parties
            .iter()
            .map(|name| {
                let aliases = match lexicon.find(name) {
                    Some(p) => lexicon.words_of(p),
                    None => vec![phrase_words(&name.to_lowercase())].into(),
                };
                Party {
                    name: name.clone(),
                    aliases,
                }
            })
            .collect();
        Speakers {
            authors: authors.display(),
            parties,
        }
    }

    /// The parties named in tokens `start..end`, compared word by word.
    fn mentioned_in<'s>(
        &'s self,
        tokens: &'s Tokens,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &'s Party> + 's {
        self.parties.iter().filter(move |party| {
            party.aliases.iter().any(|alias| {
                (start..end).any(|i| {
                    i + alias.len() <= end
                        && alias
                            .iter()
                            .enumerate()
                            .all(|(k, w)| tokens.word(i + k) == w)
                })
            })
        })
    }
}

fn is_common_capitalised(word: &str) -> bool {
    matches!(
        word,
        "We" | "The"
            | "This"
            | "These"
            | "In"
            | "For"
            | "It"
            | "Our"
            | "They"
            | "As"
            | "On"
            | "Today"
    )
}

/// Who the subject of a clause is, for deciding whether the act is the authors'.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    /// "we", "the two leaders", all parties together.
    Authors,
    /// One party alone: "Japan welcomes …".
    Party(String),
    /// An author body reported in the third person: "The members of the Council".
    Reported(String),
    /// Anyone else: "North Korea", "Maritime disputes", "it".
    Other(String),
}

impl Subject {
    fn speaks_for_authors(&self) -> bool {
        !matches!(self, Subject::Other(_))
    }
}

fn strip_article(text: &str) -> &str {
    ["the ", "The ", "both ", "Both "]
        .iter()
        .find_map(|a| text.strip_prefix(a))
        .unwrap_or(text)
}

/// Classifies the subject in tokens `start..end`, comparing words, not strings.
fn classify(
    tokens: &Tokens,
    start: usize,
    end: usize,
    speakers: &Speakers,
    lexicon: &CueLexicon,
) -> Subject {
    if end == start + 1 && (tokens.word(start) == "we" || tokens.original(start) == "I") {
        return Subject::Authors;
    }
    let phrase = tokens.span_text(start, end);
    let mut mentioned = speakers.mentioned_in(tokens, start, end);
    if let Some(first) = mentioned.next() {
        return if mentioned.next().is_some() || speakers.parties.len() == 1 {
            Subject::Authors
        } else {
            Subject::Party(first.name.clone())
        };
    }
    let of_at = (start..end).find(|&i| tokens.word(i) == "of");
    let ends_with = |stop: usize, words: &[String]| {
        stop >= start + words.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.word(stop - words.len() + k) == w)
    };
    for author in &lexicon.authors {
        // "the two leaders", "heads of state and government": the authors themselves.
        if ends_with(end, author) && (of_at.is_none() || author.iter().any(|w| w == "of")) {
            return Subject::Authors;
        }
        // "the members of the Council": an author body, named as the text names it.
        if of_at.is_some_and(|of| ends_with(of, author)) {
            return Subject::Reported(strip_article(phrase).to_string());
        }
    }
    Subject::Other(phrase.to_string())
}

/// People and things a later "them" or "it" may stand for, most recent last: earlier
/// addressees first (a demand's "them" is most often the last demand's addressee),
/// then names mentioned in the text.
/// Only the most recent referents are kept: a pronoun reaches back a few sentences,
/// not across the whole document (and long documents stay linear). Whether a referent
/// is plural is worked out only when a pronoun asks.
#[derive(Debug, Default)]
struct Referents {
    addressees: VecDeque<String>,
    names: VecDeque<String>,
}

const REFERENTS_KEPT: usize = 24;

impl Referents {
    fn push_addressee(&mut self, phrase: &str) {
        push_bounded(&mut self.addressees, phrase);
    }

    /// A name mentioned again becomes the most recent one.
    fn push_name(&mut self, phrase: &str) {
        match self.names.iter().position(|n| n == phrase) {
            Some(at) => {
                if let Some(name) = self.names.remove(at) {
                    self.names.push_back(name);
                }
            }
            None => push_bounded(&mut self.names, phrase),
        }
    }

    /// The closest earlier referent a pronoun can stand for.
    fn resolve(&self, pronoun: &str) -> Option<String> {
        let plural = matches!(pronoun, "them" | "they" | "those" | "these");
        let closest = |list: &VecDeque<String>| {
            list.iter()
                .rev()
                .find(|t| clause::is_plural(t) == plural)
                .cloned()
        };
        closest(&self.addressees).or_else(|| closest(&self.names))
    }
}

fn push_bounded(list: &mut VecDeque<String>, phrase: &str) {
    if list.len() == REFERENTS_KEPT {
        list.pop_front();
    }
    list.push_back(phrase.to_string());
}

fn is_pronoun(word: &str) -> bool {
    matches!(word, "them" | "they" | "it" | "him" | "her")
}

/// A phrase one can address a demand to: a name, a pronoun, or an agent noun.
fn is_addressable(tokens: &Tokens, start: usize, end: usize) -> bool {
    (start..end).any(|i| {
        tokens.is_capitalised(i)
            || clause::is_agent_noun(tokens.word(i))
            || is_pronoun(tokens.word(i))
    })
}

/// An act found in a sentence, before its object is cut.
struct Draft {
    kind: CommitmentKind,
    actor: Arc<str>,
    addressee: Option<String>,
    cue: CueMatch,
    object_start: usize,
    group_start: usize,
}

/// Extracts every act of `statement`.
/// Extracts acts paragraph by paragraph, carrying from one to the next what a later
/// pronoun may stand for. Working a paragraph at a time keeps only that paragraph's
/// tokens in memory, whatever the size of the statement.
pub struct Extractor<'a> {
    speakers: &'a Speakers,
    lexicon: &'a CueLexicon,
    referents: Referents,
}

impl<'a> Extractor<'a> {
    pub fn new(speakers: &'a Speakers, lexicon: &'a CueLexicon) -> Extractor<'a> {
        Extractor {
            speakers,
            lexicon,
            referents: Referents::default(),
        }
    }

    /// Appends the acts of paragraph `pi` to `out`, numbered after those already there.
    /// Their `section` is left at 0 for the caller, who knows the sections, to set.
    pub fn paragraph(
        &mut self,
        pi: usize,
        paragraph: &Paragraph,
        tokens: &Tokens,
        out: &mut Vec<Commitment>,
    ) {
        let (lexicon, speakers) = (self.lexicon, self.speakers);
        let ids = lexicon.word_ids(tokens);
        let mut t = 0;
        for (si, sentence) in paragraph.sentences.iter().enumerate() {
            while t < tokens.len() && tokens.tokens[t].start() < sentence.start {
                t += 1;
            }
            let from = t;
            while t < tokens.len() && tokens.tokens[t].start() < sentence.end {
                t += 1;
            }
            let to = t;
            let (drafts, clause_starts) = sentence_acts(
                tokens,
                &ids,
                from,
                to,
                lexicon,
                speakers,
                &mut self.referents,
            );
            for draft in drafts {
                let object_end = clause_starts
                    .iter()
                    .copied()
                    .find(|&s| s > draft.object_start)
                    .unwrap_or(to);
                let follows_cue = draft.object_start == draft.cue.last + 1;
                let (object_span, manner) =
                    object_phrase(lexicon, tokens, draft.object_start, object_end, follows_cue);
                let intensity =
                    clause::intensity(lexicon, tokens, draft.group_start, draft.cue.last + 1)
                        .max(manner);
                out.push(Commitment {
                    id: out.len() + 1,
                    kind: draft.kind,
                    actor: draft.actor,
                    addressee: draft.addressee,
                    sentence: SentenceRef {
                        paragraph: pi,
                        index: si,
                    },
                    cue_span: (
                        tokens.tokens[draft.cue.first].start(),
                        tokens.tokens[draft.cue.last].end(),
                    ),
                    object_span,
                    intensity,
                    section: 0,
                });
            }
            remember_names(tokens, from, to, speakers, &mut self.referents);
        }
    }
}

/// The acts of one sentence (tokens `from..to`), one per actor, kind and addressee,
/// and where every clause with a cue starts (objects end at the next one).
fn sentence_acts(
    tokens: &Tokens,
    ids: &[WordId],
    from: usize,
    to: usize,
    lexicon: &CueLexicon,
    speakers: &Speakers,
    referents: &mut Referents,
) -> (Vec<Draft>, Vec<usize>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut clause_starts = Vec::new();
    if from >= to || tokens.punct(to - 1) == Some('?') {
        return (drafts, clause_starts);
    }
    let quoted = clause::quoted(tokens, from, to);
    let mut last_subject: Option<Subject> = None;
    for m in lexicon.find(ids, from, to) {
        if quoted.get(m.first - from).copied().unwrap_or(false) {
            continue;
        }
        let spec = &lexicon.cues[m.cue].spec;
        if m.first == m.last && matches!(tokens.word(m.last + 1), "of" | "for") {
            continue; // "support for", "the demand of": nouns, not acts.
        }
        let group = clause::verb_group(lexicon, tokens, from, m.first);
        let (subject, subject_span) = match group.left {
            Left::Subject { start, end } => {
                clause_starts.push(start);
                let mut subject = classify(tokens, start, end, speakers, lexicon);
                let word = tokens.word(start);
                if end == start + 1 && is_pronoun(word) {
                    // "The two leaders met … They reaffirmed …": the pronoun speaks for
                    // whoever it stands for.
                    let resolved = referents.resolve(word).map(|r| {
                        let t = Tokens::new(&r);
                        classify(&t, 0, t.len(), speakers, lexicon)
                    });
                    if let Some(found) = resolved.filter(Subject::speaks_for_authors) {
                        subject = found;
                    }
                }
                (subject, Some((start, end)))
            }
            Left::Coordination => match last_subject
                .clone()
                .or_else(|| first_we(tokens, from, m.first))
            {
                Some(s) => {
                    clause_starts.push(group.start);
                    (s, None)
                }
                None => continue,
            },
            Left::Governed | Left::Nothing => continue,
        };
        last_subject = Some(subject.clone());
        if group.negated {
            continue;
        }
        let actor: Arc<str> = match &subject {
            Subject::Authors | Subject::Other(_) => Arc::clone(&speakers.authors),
            Subject::Party(name) | Subject::Reported(name) => name.as_str().into(),
        };
        let mut kind = spec.kind;
        let mut addressee = None;
        let mut object_start = m.last + 1;
        match (spec.speaker, &subject) {
            (Speaker::Authors, Subject::Other(_)) => continue,
            (Speaker::Any, s) if s.speaks_for_authors() => kind = spec.authors_kind.unwrap_or(kind),
            (Speaker::Any, Subject::Other(phrase)) => {
                let passive = clause::is_passive_after(lexicon, tokens, m.last + 1, to);
                let lower = phrase.to_lowercase();
                if lower == "there" {
                    // "There must be accountability": a normative with no one addressed.
                } else if passive {
                    if lower == "it" {
                        continue; // "It should be noted that …"
                    }
                    if let Some((start, _)) = subject_span {
                        object_start = start;
                    }
                } else if is_pronoun(&lower) {
                    match referents.resolve(&lower) {
                        Some(found) => addressee = Some(found),
                        None => continue,
                    }
                } else if clause::is_empty_subject(phrase) {
                    continue;
                } else if let Some((start, end)) =
                    subject_span.filter(|&(s, e)| is_addressable(tokens, s, e))
                {
                    addressee = Some(addressee_text(tokens.span_text(start, end)));
                }
            }
            _ => {}
        }
        if spec.addressee == AddresseeRule::Object {
            // A cue ending in "that" ("are determined that") leaves its clause to read.
            let after = if tokens.word(m.last) == "that" {
                m.last
            } else {
                m.last + 1
            };
            match clause::object_addressee(tokens, after, to)
                .filter(|&(s, e, _)| is_addressable(tokens, s, e))
            {
                Some((start, end, object)) => {
                    let phrase = tokens.span_text(start, end);
                    let lower = phrase.to_lowercase();
                    addressee = Some(if is_pronoun(&lower) {
                        referents
                            .resolve(&lower)
                            .unwrap_or_else(|| phrase.to_string())
                    } else {
                        addressee_text(phrase)
                    });
                    object_start = object;
                }
                None => match spec.otherwise.unwrap_or(Otherwise::Keep) {
                    Otherwise::Keep => {}
                    Otherwise::Drop => continue,
                    Otherwise::Kind(k) => kind = k,
                },
            }
        }
        if kind != CommitmentKind::Demand {
            addressee = None;
        }
        if let Some(a) = &addressee {
            referents.push_addressee(a);
        }
        let duplicate = drafts.iter().any(|d| {
            d.kind == kind
                && d.actor == actor
                && d.addressee.as_deref().map(str::to_lowercase)
                    == addressee.as_deref().map(str::to_lowercase)
        });
        if duplicate {
            continue;
        }
        drafts.push(Draft {
            kind,
            actor,
            addressee,
            cue: m,
            object_start,
            group_start: group.start,
        });
    }
    (drafts, clause_starts)
}

/// For a coordination with no earlier act in the sentence: the sentence's own "we".
fn first_we(tokens: &Tokens, from: usize, to: usize) -> Option<Subject> {
    (from..to)
        .any(|i| tokens.word(i) == "we")
        .then_some(Subject::Authors)
}

/// A subject phrase as an addressee: "The international community" → "the international
/// community"; names keep their capitals.
fn addressee_text(phrase: &str) -> String {
    let phrase = phrase.trim();
    for article in ["The ", "All ", "Both ", "Each ", "Any "] {
        if let Some(rest) = phrase.strip_prefix(article)
            && !rest.starts_with(char::is_uppercase)
        {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    phrase.to_string()
}

/// Names and groups ("the militias", "the two leaders") mentioned in a sentence, for
/// resolving pronouns in later ones.
fn remember_names(
    tokens: &Tokens,
    from: usize,
    to: usize,
    speakers: &Speakers,
    referents: &mut Referents,
) {
    for i in from..to {
        if tokens.is_capitalised(i) || !clause::is_agent_noun(tokens.word(i)) {
            continue;
        }
        let mut start = i;
        while start > from && i - start < 3 && tokens.tokens[start - 1].is_word() {
            start -= 1;
            if matches!(
                tokens.word(start),
                "the" | "all" | "both" | "these" | "those"
            ) {
                break;
            }
        }
        if start > from && tokens.word(start - 1) == "the" {
            start -= 1;
        }
        if matches!(
            tokens.word(start),
            "the" | "all" | "both" | "these" | "those"
        ) {
            referents.push_name(&addressee_text(tokens.span_text(start, i + 1)));
        }
    }
    let mut i = from;
    while i < to {
        if !tokens.is_capitalised(i) || (i == from && is_common_capitalised(tokens.original(i))) {
            i += 1;
            continue;
        }
        let start = i;
        while i < to
            && (tokens.is_capitalised(i)
                || (matches!(tokens.word(i), "of" | "the") && tokens.is_capitalised(i + 1)))
        {
            i += 1;
        }
        let name = tokens.span_text(start, i);
        if speakers.mentioned_in(tokens, start, i).next().is_none() {
            referents.push_name(name);
        }
    }
}

/// The object's span — up to a clause boundary, without the manner phrase ("in the strongest terms") that may
/// open or close it — and the intensity that manner phrase gives.
/// A manner phrase opening the object counts only when the object follows the cue
/// (`follows_cue`): in "urge X to fully comply", "fully" is part of what is demanded.
fn object_phrase(
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
        clause::manner_at(lexicon, tokens, start, stop)
    } else {
        0
    };
    if leading > 0 {
        intensity = clause::intensity(lexicon, tokens, start, start + leading);
        start += leading;
    }
    if let Some(len) = clause::manner_ending_at(lexicon, tokens, start + 1, stop) {
        intensity = intensity.max(clause::intensity(lexicon, tokens, stop - len, stop));
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
