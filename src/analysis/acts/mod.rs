//! Commitments: the speech acts of a statement's authors, typed.
//!
//! The parts, each importing only those before it in this list: [`model`] (the six
//! kinds and an act), `inflection` and [`lexicon`] (the cues, `assets/cues.json`),
//! `words` (word classes), [`clause`] (the subject and verb group before a cue),
//! `complement` (what follows it), `people` and `speakers` (who a subject is),
//! `referents` and `context` (what carries from sentence to sentence), `grammar`
//! (checks on one sentence), `object` (what an act is about), `sentence` (the acts of
//! one sentence), `extract` (the acts of each paragraph, in order).

pub mod clause;
mod complement;
mod context;
mod extract;
mod grammar;
mod inflection;
pub mod lexicon;
pub mod model;
mod object;
mod people;
mod referents;
mod sentence;
mod speakers;
mod words;

pub use extract::Extractor;
pub use lexicon::{CueLexicon, LexiconError};
pub use model::{Commitment, CommitmentKind, MAX_OBJECT_CHARS};
pub use speakers::Speakers;
