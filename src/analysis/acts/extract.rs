//! Finding the acts of each sentence: cues, their clause, their subject and addressee.
//!
//! For every sentence, cues from the lexicon are found; each is checked against its
//! clause (see [`super::clause`]): the subject must be the authors (or one of the
//! parties, or a reported author body) — except for normative modals, where anyone may
//! be told what they must do. The act records who speaks, who is addressed, the cue, its
//! object and how strongly it is put.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::complement;
use super::context::Context;
use super::grammar::Sentence;
use super::lexicon::CueLexicon;
use super::model::Commitment;
use super::object::{addressee_text, object_phrase};
use super::referents::Referents;
use super::sentence::sentence_acts;
use super::speakers::{Speakers, is_common_capitalised};
use crate::analysis::text::Tokens;
use crate::document::{SentenceRef, Statement};

/// Extracts every act of `statement`.
/// Extracts acts paragraph by paragraph, carrying from one to the next what a later
/// pronoun may stand for. Working a paragraph at a time keeps only that paragraph's
/// tokens in memory, whatever the size of the statement.
pub struct Extractor<'a> {
    speakers: &'a Speakers,
    lexicon: &'a CueLexicon,
    context: Context,
    /// Every actor and addressee named so far, in the order first named, and the place
    /// of each name among them: acts name them by place.
    names: Vec<Arc<str>>,
    places: HashMap<Arc<str>, u32>,
}

impl<'a> Extractor<'a> {
    pub fn new(speakers: &'a Speakers, lexicon: &'a CueLexicon) -> Extractor<'a> {
        Extractor {
            speakers,
            lexicon,
            context: Context::default(),
            // The authors first, so the analysis names them once.
            names: vec![Arc::clone(&speakers.authors)],
            places: HashMap::from_iter([(Arc::clone(&speakers.authors), 0)]),
        }
    }

    /// The names the acts extracted so far refer to ([`crate::analysis::Analysis::names`]).
    pub fn names(self) -> Vec<Arc<str>> {
        let mut names = self.names;
        names.shrink_to_fit();
        names
    }

    /// Appends the acts of paragraph `pi` to `out`, numbered after those already there.
    pub fn paragraph(
        &mut self,
        statement: &Statement,
        pi: usize,
        tokens: &Tokens,
        out: &mut Vec<Commitment>,
    ) {
        let (lexicon, speakers) = (self.lexicon, self.speakers);
        let paragraph = &statement.paragraphs[pi];
        let ids = lexicon.word_ids(tokens);
        self.context.begin_paragraph(
            paragraph,
            statement.number(pi).is_some(),
            tokens,
            speakers,
            lexicon,
        );
        let mut t = 0;
        for (si, sentence) in statement.paragraph_sentences(pi).iter().enumerate() {
            while t < tokens.len() && tokens.tokens[t].start() < sentence.start() {
                t += 1;
            }
            let from = t;
            while t < tokens.len() && tokens.tokens[t].start() < sentence.end() {
                t += 1;
            }
            let to = t;
            let (drafts, clause_starts) = sentence_acts(
                &Sentence {
                    tokens,
                    ids: &ids,
                    from,
                    to,
                },
                lexicon,
                speakers,
                &mut self.context,
            );
            // Sorted, so each act finds its clause's end by bisection: a sentence of
            // thousands of clauses stays linear.
            let mut clause_starts = clause_starts;
            clause_starts.sort_unstable();
            for draft in drafts {
                let next = clause_starts.partition_point(|&s| s <= draft.object_start);
                let object_end = clause_starts.get(next).copied().unwrap_or(to);
                let follows_cue = draft.object_start == draft.cue.last + 1;
                let (object_span, manner) =
                    object_phrase(lexicon, tokens, draft.object_start, object_end, follows_cue);
                let intensity =
                    complement::intensity(lexicon, tokens, draft.group_start, draft.cue.last + 1)
                        .max(manner);
                let actor = self.place(&draft.actor);
                let addressee = draft.addressee.map(|a| self.place(&a));
                let cue_span = narrow((
                    tokens.tokens[draft.cue.first].start(),
                    tokens.tokens[draft.cue.last].end(),
                ));
                out.push(Commitment::new(
                    draft.kind,
                    (actor, addressee),
                    SentenceRef::new(pi, si),
                    (cue_span, narrow(object_span)),
                    intensity,
                ));
            }
            remember_names(tokens, from, to, speakers, &mut self.context.referents);
        }
        self.context.end_paragraph(paragraph, tokens);
    }

    /// The place of `name` among the names, added when new.
    fn place(&mut self, name: &str) -> u32 {
        if let Some(&known) = self.places.get(name) {
            return known;
        }
        let place = crate::document::saturating_u32(self.names.len());
        let name: Arc<str> = name.into();
        self.names.push(Arc::clone(&name));
        self.places.insert(name, place);
        place
    }
}

/// A byte range of a paragraph as stored in an act. Input is capped far below 4 GiB,
/// so the offsets always fit.
fn narrow((start, end): (usize, usize)) -> (u32, u32) {
    use crate::document::saturating_u32;
    (saturating_u32(start), saturating_u32(end))
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
        if tokens.is_capitalised(i) || !complement::is_agent_noun(tokens.word(i)) {
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
        // "Article 5", "Chapter VII": a reference, not someone a pronoun stands for.
        let reference = tokens.tokens.get(i).is_some_and(|t| t.is_word())
            && tokens.word(i).bytes().all(|b| b.is_ascii_digit());
        if !reference && speakers.mentioned_in(tokens, start, i).next().is_none() {
            referents.push_name(name);
        }
    }
}
