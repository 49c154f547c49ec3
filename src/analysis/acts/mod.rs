//! Commitments: the speech acts of a statement's authors, typed.
//!
//! The parts, each importing only those above it: [`model`] (the six kinds and an act),
//! [`lexicon`] (the cues, `assets/cues.json`), [`clause`] (the grammar around a cue),
//! `speakers` (who a subject is), `referents` (what a pronoun stands for), `object`
//! (what an act is about), `extract` (the acts of each sentence).

pub mod clause;
mod extract;
pub mod lexicon;
pub mod model;
mod object;
mod referents;
mod speakers;

pub use extract::Extractor;
pub use lexicon::{CueLexicon, LexiconError};
pub use model::{Commitment, CommitmentKind, MAX_OBJECT_CHARS};
pub use speakers::Speakers;
