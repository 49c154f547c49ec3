//! Fuzz target: any bytes read as a saved web page — charset sniffing, Readability,
//! the metadata read from the markup, the fallback to the visible text — then parsed,
//! analysed and exported. Panics in our code are crashes, as is any broken promise in
//! `tests/invariants`; the extraction runs contained, as the program runs it.

#![no_main]

use communique::analysis::{Lexicons, analyse};
use communique::document::Statement;
use communique::document::formats::{self, Format};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(extracted) = formats::extract(bytes.to_vec(), Format::Html, true) else {
        return;
    };
    let mut statement = Statement::parse_with(&extracted.text, "fuzz", extracted.markdown);
    formats::adopt(&mut statement, &extracted.lines);
    invariants::check_statement(&statement);
    let analysis = analyse(&statement, Lexicons::embedded());
    invariants::check_analysis(&statement, &analysis);
    invariants::check_exports(&statement, &analysis);
});
