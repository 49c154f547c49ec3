//! communique: a terminal reader for joint statements, declarations and communiqués.
//!
//! The crate is layered, each layer depending only on those above it in this list:
//! [`document`] (model and parsing) → [`analysis`] (sections, topics, commitments) →
//! [`export`] (JSON, Markdown, CSV, plain text) and [`app`] (reader state and its
//! `update`) → [`ui`] (drawing from state) → [`terminal`] (the event loop, the only code
//! that touches the terminal) and [`cli`] (arguments, files, choosing what to run).

pub mod analysis;
pub mod app;
pub mod cli;
pub mod compare;
pub mod config;
pub mod document;
pub mod export;
pub mod generate;
pub mod library;
pub mod memory;
pub mod terminal;
pub mod ui;
