//! What the `html` and `pdf` targets share: bytes read in a format as the program reads
//! a file (extraction contained, as in the program), then parsed, analysed and
//! exported, with every promise of `tests/invariants` checked.

use communique::analysis::{Lexicons, analyse};
use communique::document::Statement;
use communique::document::formats::{self, Format};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

pub fn check(bytes: &[u8], format: Format) {
    let Ok(extracted) = formats::extract(bytes.to_vec(), format, true) else {
        return;
    };
    let mut statement = Statement::parse_with(&extracted.text, "fuzz", extracted.markdown);
    formats::adopt(&mut statement, &extracted.lines);
    invariants::check_statement(&statement);
    let analysis = analyse(&statement, Lexicons::embedded());
    invariants::check_analysis(&statement, &analysis);
    invariants::check_exports(&statement, &analysis);
}
