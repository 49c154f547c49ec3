//! Fuzz target: any bytes, decoded as the reader decodes a file (binary forced open),
//! parsed, analysed and exported. Panics are crashes; so is any broken promise in
//! `tests/invariants` (spans on character boundaries, short section titles, no raw
//! control character in an export, CSV formula-safe, JSON keeping the text).

#![no_main]

use communique::analysis::{Lexicons, analyse};
use communique::document::{Statement, decode};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes.to_vec(), true) else {
        return;
    };
    let statement = Statement::parse(&decoded.text, "fuzz");
    invariants::check_statement(&statement);
    let analysis = analyse(&statement, Lexicons::embedded());
    invariants::check_analysis(&statement, &analysis);
    invariants::check_exports(&statement, &analysis);
});
