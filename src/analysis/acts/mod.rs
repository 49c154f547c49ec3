//! Commitments: the speech acts of a statement's authors, typed.
//!
//! The parts, each importing only those above it: [`model`] (the six kinds and an act),
//! [`lexicon`] (the cues, `assets/cues.json`), [`clause`] (the subject and verb group before a cue), `complement` (what follows it),
//! `speakers` (who a subject is), `referents` (what a pronoun stands for), `context` (what carries
//! from sentence to sentence), `object` (what an act is about), `sentence` (the acts of
//! one sentence), `extract` (the acts of each paragraph, in order).

pub mod clause;
mod complement;
mod context;
mod extract;
pub mod lexicon;
pub mod model;
mod object;
mod referents;
mod sentence;
mod speakers;

pub use extract::Extractor;
pub use lexicon::{CueLexicon, LexiconError};
pub use model::{Commitment, CommitmentKind, MAX_OBJECT_CHARS};
pub use speakers::Speakers;
