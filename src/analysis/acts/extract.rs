//! Finding the acts of each sentence: cues, their clause, their subject and addressee.
//!
//! For every sentence, cues from the lexicon are found; each is checked against its
//! clause (see [`super::clause`]): the subject must be the authors (or one of the
//! parties, or a reported author body) — except for normative modals, where anyone may
//! be told what they must do. The act records who speaks, who is addressed, the cue, its
//! object and how strongly it is put.

use std::sync::Arc;

use super::clause::{self, Left};
use super::lexicon::{AddresseeRule, CueLexicon, CueMatch, Otherwise, Speaker, WordId};
use super::model::{Commitment, CommitmentKind};
use super::object::{addressee_text, object_phrase};
use super::referents::{Referents, is_pronoun};
use super::speakers::{Speakers, Subject, classify, is_common_capitalised};
use crate::analysis::text::Tokens;
use crate::document::{Paragraph, SentenceRef};

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
