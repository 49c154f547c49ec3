//! The acts of one sentence: each cue, who its subject is, who is addressed.
//!
//! The subject comes from the clause (see [`super::clause`]); a clause that begins with
//! its verb takes the subject in force ([`super::context`]); a participle heading a
//! clause ("Noting with concern …", "Welcoming …") takes the sentence's "we"; a
//! coordinated verb takes the subject of the verb before it, or the sentence's own.
//! Only the authors' acts count — except normatives, where anyone may be told what
//! they must do.

use std::collections::HashMap;
use std::sync::Arc;

use super::clause::{self, Left};
use super::complement;
use super::context::Context;
use super::grammar::{
    self, Sentence, in_participle_series, in_relative_clause, leading_subject, not_an_act,
    that_subject,
};
use super::lexicon::{AddresseeRule, CueLexicon, CueMatch, Otherwise, Speaker};
use super::model::CommitmentKind;
use super::object::addressee_text;
use super::referents::is_pronoun;
use super::speakers::{Speakers, Subject, classify};
use crate::analysis::text::Tokens;

/// An act found in a sentence, before its object is cut.
pub(super) struct Draft {
    pub(super) kind: CommitmentKind,
    pub(super) actor: Arc<str>,
    pub(super) addressee: Option<String>,
    pub(super) cue: CueMatch,
    pub(super) object_start: usize,
    pub(super) group_start: usize,
}

/// A phrase one can address a demand to: a name, a pronoun, or an agent noun.
fn is_addressable(tokens: &Tokens, start: usize, end: usize) -> bool {
    (start..end).any(|i| {
        // A capital that only opens the sentence ("The grain …") names no one.
        let name = tokens.is_capitalised(i)
            && !(i == start
                && matches!(
                    tokens.word(i),
                    "the" | "a" | "an" | "this" | "these" | "such" | "any" | "every"
                ));
        name || complement::is_agent_noun(tokens.word(i)) || is_pronoun(tokens.word(i))
    })
}

/// Whether the cue begins its clause: nothing before it but adverbs, or a paragraph
/// number the text kept ("S." read for "5.").
fn begins_clause(s: &Sentence, group_start: usize) -> bool {
    let t = s.tokens;
    group_start == s.from
        || (group_start == s.from + 2
            && t.tokens[s.from].is_word()
            && t.original(s.from).chars().count() <= 2
            && t.punct(s.from + 1) == Some('.'))
}

/// A participle or adjective heading a clause: "Welcoming", "Noting with concern",
/// "Deeply concerned".
fn is_participle(tokens: &Tokens, m: &CueMatch) -> bool {
    let word = tokens.word(m.first);
    word.ends_with("ing") || matches!(word, "concerned" | "alarmed" | "convinced" | "determined")
}

/// The acts of one sentence, one per actor, kind and addressee, and where every clause
/// with a cue starts (objects end at the next one).
pub(super) fn sentence_acts(
    s: &Sentence,
    lexicon: &CueLexicon,
    speakers: &Speakers,
    context: &mut Context,
) -> (Vec<Draft>, Vec<usize>) {
    let (tokens, from, to) = (s.tokens, s.from, s.to);
    let mut drafts: Vec<Draft> = Vec::new();
    // The actors of the acts so far, by kind and addressee: what tells a duplicate,
    // without comparing each act with every earlier one.
    let mut seen: HashMap<(CommitmentKind, Option<String>), Vec<Arc<str>>> = HashMap::new();
    let mut clause_starts = Vec::new();
    if from >= to || tokens.punct(to - 1) == Some('?') {
        return (drafts, clause_starts);
    }
    let quoted = complement::quoted(tokens, from, to);
    let mut last_subject: Option<Subject> = None;
    // The clause's modal: "we will uphold …, promote … and support …" is one commitment.
    let mut under_modal = false;
    for m in lexicon.find(s.ids, from, to) {
        if quoted.get(m.first - from).copied().unwrap_or(false) {
            continue;
        }
        let spec = &lexicon.cues[m.cue].spec;
        if m.first == m.last && matches!(tokens.word(m.last + 1), "of" | "for") {
            continue; // "support for", "the demand of": nouns, not acts.
        }
        if not_an_act(s, &m) {
            continue;
        }
        let group = clause::verb_group(lexicon, tokens, from, m.first);
        if matches!(group.left, Left::Coordination) && under_modal {
            continue;
        }
        // A relative clause is an act only when the authors are its subject ("the plan,
        // which we strongly support, …"); never one that places an event ("…, where").
        if let Left::Subject { start, end } = group.left
            && in_relative_clause(tokens, from, start)
            && (tokens.word(start - 1) == "where"
                || !classify(tokens, start, end, speakers, lexicon).speaks_for_authors())
        {
            continue;
        }
        let (subject, subject_span) = match group.left {
            Left::Subject { start, end } => {
                clause_starts.push(start);
                let word = tokens.word(start);
                let subject = if end == start + 1 && is_pronoun(word) {
                    // "The two leaders met … They reaffirmed …": the pronoun speaks for
                    // whoever it stands for.
                    context
                        .pronoun(word, speakers, lexicon)
                        .filter(Subject::speaks_for_authors)
                        .unwrap_or_else(|| Subject::Other(tokens.span_text(start, end).to_string()))
                } else {
                    classify(tokens, start, end, speakers, lexicon)
                };
                if !(end == start + 1 && is_pronoun(word)) || subject.speaks_for_authors() {
                    let plural = word == "we"
                        || word == "they"
                        || (subject == Subject::Authors && speakers.parties.len() > 1)
                        || complement::is_plural(tokens.span_text(start, end));
                    context.remember_subject(&subject, plural);
                }
                (subject, Some((start, end)))
            }
            Left::Coordination => {
                if in_participle_series(tokens, from, group.start) {
                    continue;
                }
                // A participle heading a clause ("… and noting with concern …, we …")
                // takes the sentence's "we", wherever it stands.
                let we_later =
                    is_participle(tokens, &m) && (m.last..to).any(|i| tokens.word(i) == "we");
                let found = that_subject(s, group.start, lexicon, speakers)
                    .or_else(|| last_subject.clone())
                    .or_else(|| leading_subject(s, m.first, lexicon, speakers))
                    .or(we_later.then_some(Subject::Authors));
                match found {
                    Some(subject) => {
                        clause_starts.push(group.start);
                        (subject, None)
                    }
                    None => continue,
                }
            }
            Left::Governed => continue,
            Left::Nothing => {
                let initial = begins_clause(s, group.start);
                let participle = is_participle(tokens, &m);
                let implicit = if initial { context.implicit() } else { None };
                let we_later = participle && (m.last..to).any(|i| tokens.word(i) == "we");
                match implicit.or(we_later.then_some(Subject::Authors)) {
                    Some(subject) => {
                        clause_starts.push(group.start);
                        (subject, None)
                    }
                    None => continue,
                }
            }
        };
        last_subject = Some(subject.clone());
        if group.negated {
            continue;
        }
        let actor: Arc<str> = match &subject {
            Subject::Authors | Subject::Other(_) => Arc::clone(&speakers.authors),
            Subject::Party(name) | Subject::Reported(name) => name.as_str().into(),
        };
        let Some((kind, mut addressee, mut object_start)) =
            speaker_rule(s, &m, &subject, subject_span, lexicon, context)
        else {
            continue;
        };
        let mut kind = kind;
        if spec.addressee == AddresseeRule::Object {
            // A cue ending in "that" ("are determined that") leaves its clause to read.
            let after = if tokens.word(m.last) == "that" {
                m.last
            } else {
                m.last + 1
            };
            match complement::object_addressee(lexicon, tokens, after, to)
                .filter(|&(s, e, _)| is_addressable(tokens, s, e))
            {
                Some((start, end, object)) => {
                    let phrase = tokens.span_text(start, end);
                    let lower = phrase.to_lowercase();
                    addressee = Some(if is_pronoun(&lower) {
                        // The nearest group named earlier in the sentence, else an
                        // earlier sentence's.
                        grammar::named_before(tokens, from, start, &lower)
                            .or_else(|| context.referents.resolve(&lower))
                            .unwrap_or_else(|| phrase.to_string())
                    } else {
                        addressee_text(phrase)
                    });
                    object_start = object;
                }
                // "Appeals urgently to and encourages all parties to …": the next verb
                // carries the act and its addressee.
                None if complement::is_coordinator_at(tokens, after) => continue,
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
            context.referents.push_addressee(a);
        }
        under_modal = matches!(tokens.word(m.first), "will" | "shall");
        // One act per kind and addressee in a sentence: a part of the authors acting
        // beside all of them is the same act; two parties acting each alone are two.
        let key = (kind, addressee.as_deref().map(str::to_lowercase));
        let actors = seen.entry(key).or_default();
        let duplicate = actors
            .iter()
            .any(|a| *a == actor || *a == speakers.authors || actor == speakers.authors);
        if duplicate {
            continue;
        }
        // Not a duplicate, so not among `actors` yet.
        actors.push(Arc::clone(&actor));
        drafts.push(Draft {
            kind,
            actor,
            addressee,
            cue: m,
            object_start,
            group_start: group.start,
        });
    }
    // "President Yoon affirmed that the ROK will apply …": the commitment affirmed is
    // the act, not the affirming.
    let affirmed_commit = |affirm: &Draft| {
        drafts
            .iter()
            .any(|d| d.kind == CommitmentKind::Commit && d.cue.first > affirm.cue.last)
    };
    let keep: Vec<bool> = drafts
        .iter()
        .map(|d| {
            !(d.kind == CommitmentKind::Reaffirm
                && tokens.word(d.cue.first).starts_with("affirm")
                && tokens.word(d.cue.last + 1) == "that"
                && affirmed_commit(d))
        })
        .collect();
    let mut keep = keep.into_iter();
    drafts.retain(|_| keep.next().unwrap_or(true));
    (drafts, clause_starts)
}

/// Whether the cue counts for this subject, and as what: the kind, the addressee a
/// normative's subject gives, and where the object starts.
fn speaker_rule(
    s: &Sentence,
    m: &CueMatch,
    subject: &Subject,
    subject_span: Option<(usize, usize)>,
    lexicon: &CueLexicon,
    context: &Context,
) -> Option<(CommitmentKind, Option<String>, usize)> {
    let tokens = s.tokens;
    let spec = &lexicon.cues[m.cue].spec;
    let mut kind = spec.kind;
    let mut addressee = None;
    let mut object_start = m.last + 1;
    match (spec.speaker, subject) {
        (Speaker::Authors, Subject::Other(_)) => return None,
        (Speaker::Any, s) if s.speaks_for_authors() => kind = spec.authors_kind.unwrap_or(kind),
        (Speaker::Any, Subject::Other(phrase)) => {
            let passive = clause::is_passive_after(lexicon, tokens, m.last + 1, s.to);
            let lower = phrase.to_lowercase();
            if lower == "there" || (lower == "it" && spec.impersonal) {
                // "There must be accountability", "It is essential that …": a normative
                // with no one addressed.
            } else if passive {
                if lower == "it" {
                    return None; // "It should be noted that …"
                }
                if let Some((start, _)) = subject_span {
                    object_start = start;
                }
            } else if is_pronoun(&lower) {
                // After a fronted clause ("As technology reshapes …, it must …") the
                // pronoun looks back into it, where referents from earlier sentences
                // do not reach: no addressee rather than a wrong one.
                let fronted = matches!(
                    tokens.word(s.from),
                    "as" | "when"
                        | "while"
                        | "if"
                        | "because"
                        | "since"
                        | "although"
                        | "though"
                        | "unless"
                        | "once"
                        | "whereas"
                );
                addressee = if fronted {
                    None
                } else {
                    Some(context.referents.resolve(&lower)?)
                };
            } else if clause::is_empty_subject(phrase) {
                return None;
            } else if let Some((start, end)) =
                subject_span.filter(|&(s, e)| is_addressable(tokens, s, e))
            {
                addressee = Some(addressee_text(tokens.span_text(start, end)));
            }
        }
        _ => {}
    }
    Some((kind, addressee, object_start))
}
