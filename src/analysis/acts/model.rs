//! The act model: the six kinds, and one act of the authors in one sentence.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::document::{SentenceRef, Statement};

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

    /// Its place in [`CommitmentKind::ALL`].
    pub fn index(self) -> usize {
        match self {
            CommitmentKind::Commit => 0,
            CommitmentKind::Reaffirm => 1,
            CommitmentKind::Demand => 2,
            CommitmentKind::Condemn => 3,
            CommitmentKind::Concern => 4,
            CommitmentKind::Support => 5,
        }
    }

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

/// The addressee index of an act addressed to no one.
const NO_ONE: u32 = u32::MAX;

/// One act of the authors in one sentence: 32 bytes, as a statement may hold millions.
/// Its number is its place in reading order ([`Analysis::act_number`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Commitment {
    pub kind: CommitmentKind,
    /// Who acts, as an index into [`Analysis::names`] ([`Commitment::actor`]): most
    /// acts of a statement have the same actor, its authors, named once.
    actor: u32,
    /// To whom, likewise ([`Commitment::addressee`]); [`NO_ONE`] when to no one.
    addressee: u32,
    pub sentence: SentenceRef,
    /// Where the cue starts in its paragraph's text and how long it is
    /// ([`Commitment::cue_range`]): a cue is a few words, so its length fits in 16
    /// bits; one that does not is kept empty rather than cut inside a character.
    cue_start: u32,
    cue_len: u16,
    /// Byte range of the object in its paragraph's text ([`Commitment::object_range`]);
    /// u32 as a statement may hold millions of acts.
    object_span: (u32, u32),
    /// 0 plain, 1 marked ("strongly"), 2 maximal ("in the strongest terms").
    pub intensity: u8,
}

impl Commitment {
    /// An act of the name `actor` to the name `addressee` (indexes into
    /// [`Analysis::names`]), placed and put as `sentence`, `cue_span`, `object_span`
    /// and `intensity` say. Its section is its paragraph's ([`Analysis::act_section`]).
    pub fn new(
        kind: CommitmentKind,
        (actor, addressee): (u32, Option<u32>),
        sentence: SentenceRef,
        (cue_span, object_span): ((u32, u32), (u32, u32)),
        intensity: u8,
    ) -> Commitment {
        let cue_len = u16::try_from(cue_span.1.saturating_sub(cue_span.0)).unwrap_or(0);
        Commitment {
            kind,
            actor,
            addressee: addressee.unwrap_or(NO_ONE),
            sentence,
            cue_start: cue_span.0,
            cue_len,
            object_span,
            intensity,
        }
    }

    /// Who acts: "Japan and NATO", "the Council".
    pub fn actor<'a>(&self, analysis: &'a Analysis) -> &'a str {
        analysis.name(self.actor).unwrap_or("")
    }

    /// To whom, when the act is addressed to someone: "the DPRK".
    pub fn addressee<'a>(&self, analysis: &'a Analysis) -> Option<&'a str> {
        analysis.name(self.addressee)
    }

    /// The actor's place in [`Analysis::names`]: acts by the same actor share it.
    pub fn actor_index(&self) -> u32 {
        self.actor
    }

    /// The addressee's place in [`Analysis::names`], `None` when to no one.
    pub fn addressee_index(&self) -> Option<u32> {
        (self.addressee != NO_ONE).then_some(self.addressee)
    }

    /// Byte range of the cue in its paragraph's text.
    pub fn cue_range(&self) -> (usize, usize) {
        let start = self.cue_start as usize;
        (start, start + usize::from(self.cue_len))
    }

    /// Byte range of the object in its paragraph's text.
    pub fn object_range(&self) -> (usize, usize) {
        (self.object_span.0 as usize, self.object_span.1 as usize)
    }

    /// The cue as written: "urge" in "We strongly urge", "are also committed to".
    pub fn cue<'s>(&self, statement: &'s Statement) -> &'s str {
        let text = &statement.paragraphs[self.sentence.paragraph()].text;
        let (start, end) = self.cue_range();
        text.get(start..end).unwrap_or("")
    }

    /// How strongly the act is put, in words; `None` when plainly.
    pub fn strength(&self) -> Option<&'static str> {
        match self.intensity {
            0 => None,
            1 => Some("strongly"),
            _ => Some("in the strongest terms"),
        }
    }

    /// What is committed to, demanded, condemned…, whole, as the text words it. Kept
    /// as a span, as a statement may have millions of acts.
    pub fn object<'s>(&self, statement: &'s Statement) -> &'s str {
        let text = &statement.paragraphs[self.sentence.paragraph()].text;
        let (start, end) = self.object_range();
        text.get(start..end).unwrap_or("")
    }

    /// The object cut at a word to at most `max` characters, for drawing it in a row.
    pub fn object_short(&self, statement: &Statement, max: usize) -> String {
        crate::analysis::sections::shorten(self.object(statement), max)
    }
}

/// Longest object phrase shown in a list row, in characters.
pub const MAX_OBJECT_CHARS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SentenceRef;

    fn act(cue: (u32, u32)) -> Commitment {
        let sentence = SentenceRef::new(0, 0);
        Commitment::new(
            CommitmentKind::Demand,
            (0, None),
            sentence,
            (cue, (9, 20)),
            1,
        )
    }

    #[test]
    fn an_act_is_thirty_two_bytes() {
        // A big statement holds millions of them.
        assert_eq!(std::mem::size_of::<Commitment>(), 32);
    }

    #[test]
    fn the_cue_and_object_ranges_come_back_as_given() {
        let urge = act((3, 8));
        assert_eq!(urge.cue_range(), (3, 8));
        assert_eq!(urge.object_range(), (9, 20));
        assert_eq!(urge.addressee_index(), None);
        assert_eq!(urge.strength(), Some("strongly"));
    }

    #[test]
    fn a_cue_too_long_to_keep_is_empty_rather_than_cut() {
        let start = 70_000;
        let long = act((start, start + 70_000));
        assert_eq!(long.cue_range(), (start as usize, start as usize));
        let longest_kept = act((0, u32::from(u16::MAX)));
        assert_eq!(longest_kept.cue_range(), (0, usize::from(u16::MAX)));
    }
}
