//! What carries from one sentence to the next: the subject a resolution's clauses or a
//! lead-in's items continue, the last subject (for "They …"), and the referents of
//! pronouns.
//!
//! A resolution names its subject once ("The Security Council,") and every clause
//! after it begins with the verb ("Condemns …", "Deeply concerned by …"). A lead-in
//! ending in ":" ("… we, the Foreign Ministers:") does the same for its numbered
//! items ("1. Reiterate our commitment …").

use super::lexicon::CueLexicon;
use super::referents::Referents;
use super::speakers::{Speakers, Subject, classify};
use crate::analysis::text::Tokens;
use crate::document::Paragraph;
use crate::document::header::is_subject_line;

#[derive(Debug, Default)]
pub(super) struct Context {
    pub(super) referents: Referents,
    /// A resolution's subject, continued by every clause that begins with its verb.
    resolution: Option<Subject>,
    /// A lead-in's subject, continued by the numbered items under it.
    lead_in: Option<Subject>,
    /// The last subjects, singular and plural, for "It …" and "They …".
    last_singular: Option<Subject>,
    last_plural: Option<Subject>,
}

impl Context {
    /// Updates the implicit subjects for paragraph `paragraph` (tokenised as `tokens`;
    /// `numbered` when it has a number).
    pub(super) fn begin_paragraph(
        &mut self,
        paragraph: &Paragraph,
        numbered: bool,
        tokens: &Tokens,
        speakers: &Speakers,
        lexicon: &CueLexicon,
    ) {
        let text = &*paragraph.text;
        if is_subject_line(text) {
            let end = tokens.len().saturating_sub(1);
            let subject = classify(tokens, 0, end, speakers, lexicon);
            self.resolution = subject.speaks_for_authors().then_some(subject);
            return;
        }
        if !numbered && self.lead_in.is_some() {
            self.lead_in = None;
        }
    }

    /// After a paragraph: a lead-in whose subject is the authors opens a list.
    pub(super) fn end_paragraph(&mut self, paragraph: &Paragraph, tokens: &Tokens) {
        let names_authors = (0..tokens.len()).any(|i| tokens.word(i) == "we");
        if paragraph.text.trim_end().ends_with(':') && names_authors {
            self.lead_in = Some(Subject::Authors);
        }
    }

    /// The subject of a clause that begins with its verb, if one is in force.
    pub(super) fn implicit(&self) -> Option<Subject> {
        self.resolution.clone().or_else(|| self.lead_in.clone())
    }

    pub(super) fn remember_subject(&mut self, subject: &Subject, plural: bool) {
        let slot = if plural {
            &mut self.last_plural
        } else {
            &mut self.last_singular
        };
        *slot = Some(subject.clone());
    }

    /// What a pronoun subject stands for: the last subject of the same number, if it
    /// spoke for the authors; else the closest referent.
    pub(super) fn pronoun(
        &self,
        word: &str,
        speakers: &Speakers,
        lexicon: &CueLexicon,
    ) -> Option<Subject> {
        let plural = matches!(word, "they" | "them");
        let last = if plural {
            &self.last_plural
        } else {
            &self.last_singular
        };
        if let Some(subject) = last
            && subject.speaks_for_authors()
        {
            return Some(subject.clone());
        }
        let resolved = self.referents.resolve(word)?;
        let t = Tokens::new(&resolved);
        Some(classify(&t, 0, t.len(), speakers, lexicon))
    }
}
