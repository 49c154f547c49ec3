//! Fuzz target: any bytes read as a saved web page — charset sniffing, Readability,
//! the metadata read from the markup, the fallback to the visible text — then checked
//! as `extracted::check` does. Panics in our code are crashes.

#![no_main]

use communique::document::formats::Format;
use libfuzzer_sys::fuzz_target;

mod extracted;

fuzz_target!(|bytes: &[u8]| extracted::check(bytes, Format::Html));
