//! Fuzz target: any bytes read as a PDF — pdf-extract on a worker with its size cap and
//! time limit, running headers and footers removed — then checked as
//! `extracted::check` does. Panics in our code are crashes.

#![no_main]

use communique::document::formats::Format;
use libfuzzer_sys::fuzz_target;

mod extracted;

fuzz_target!(|bytes: &[u8]| extracted::check(bytes, Format::Pdf));
