//! What must hold for any statement and its analysis, whatever the input: shared by
//! the proptest properties and the cargo-fuzz target (`fuzz/`), so both check the same
//! promises. Each check panics with the broken promise, which proptest shrinks and
//! libFuzzer records as a crash.

// Each test binary that includes this module uses only some of it.
#![allow(dead_code)]

use communique::analysis::Analysis;
use communique::document::{Statement, safe};
use communique::export;

/// Every sentence lies on character boundaries inside its paragraph, in order.
pub fn check_statement(statement: &Statement) {
    for (i, p) in statement.paragraphs.iter().enumerate() {
        let mut previous_end = 0;
        for s in statement.paragraph_sentences(i) {
            assert!(
                s.start() <= s.end() && s.end() <= p.text.len(),
                "paragraph {i}: sentence {}..{} outside {} bytes",
                s.start(),
                s.end(),
                p.text.len()
            );
            assert!(
                p.text.is_char_boundary(s.start()) && p.text.is_char_boundary(s.end()),
                "paragraph {i}: sentence {}..{} splits a character",
                s.start(),
                s.end()
            );
            assert!(
                s.start() >= previous_end,
                "paragraph {i}: sentences overlap"
            );
            previous_end = s.end();
        }
    }
}

/// Every act points at a real sentence, its spans lie on character boundaries with
/// the cue inside the sentence, it belongs to a real section, and every section has a
/// short human title.
pub fn check_analysis(statement: &Statement, analysis: &Analysis) {
    assert_eq!(analysis.paragraph_section.len(), statement.paragraphs.len());
    for act in &analysis.commitments {
        let p = &statement.paragraphs[act.sentence.paragraph()];
        let sentence = statement
            .sentence(act.sentence)
            .expect("an act's sentence is one of its paragraph's");
        for (start, end) in [act.cue_range(), act.object_range()] {
            assert!(
                start <= end && end <= p.text.len(),
                "span {start}..{end} outside paragraph"
            );
            assert!(
                p.text.is_char_boundary(start) && p.text.is_char_boundary(end),
                "span {start}..{end} splits a character"
            );
        }
        assert!(
            act.cue_range().0 >= sentence.start() && act.cue_range().1 <= sentence.end(),
            "cue outside its sentence"
        );
        assert!(
            analysis.act_section(act) < analysis.sections.len(),
            "act in a missing section"
        );
        assert!(
            act.object_range() == (0, 0)
                || (act.object_range().0 >= sentence.start()
                    && act.object_range().1 <= sentence.end()),
            "object outside its sentence"
        );
        assert!(
            act.object_short(statement, 120).chars().count() <= 120,
            "object not shortened for drawing"
        );
    }
    for section in &analysis.sections {
        let title = analysis.section_title(section);
        assert!(
            !title.is_empty() && title.chars().count() <= 40,
            "bad section title {title:?}"
        );
    }
}

/// A character that must never be written raw after `previous`: controls (but the
/// line ends text formats use), C1, bidi and invisible characters (a joiner is fine
/// right after an emoji or a letter beyond Latin).
pub fn raw_control_after(previous: Option<char>, c: char) -> bool {
    c != '\n' && c != '\r' && (c.is_control() || !safe::may_show(previous, c))
}

/// The first raw control character of `text`, with its byte offset.
pub fn first_raw(text: &str) -> Option<(usize, char)> {
    let mut previous = None;
    text.char_indices().find(|&(_, c)| {
        let raw = raw_control_after(previous, c);
        previous = Some(c);
        raw
    })
}

/// Panics, naming `what` and the place, if `text` carries a raw control character.
pub fn assert_clean(what: &str, text: &str) {
    if let Some((i, c)) = first_raw(text) {
        panic!(
            "{what}: raw {c:?} at byte {i}: …{}…",
            text.get(i.saturating_sub(20)..i).unwrap_or("")
        );
    }
}

/// Every export writes UTF-8 with no raw control character; JSON parses back and
/// keeps every paragraph's text; no CSV cell starts a spreadsheet formula.
pub fn check_exports(statement: &Statement, analysis: &Analysis) {
    let render = |what: &str, write: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut out = Vec::new();
        write(&mut out).unwrap_or_else(|e| panic!("{what}: {e}"));
        let text = String::from_utf8(out).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
        assert_clean(what, &text);
        text
    };
    render("plain", &|out| export::write_plain(statement, 80, out));
    render("markdown", &|out| {
        export::write_markdown(statement, analysis, out)
    });
    let csv = render("csv", &|out| export::write_csv(statement, analysis, out));
    for row in csv::Reader::from_reader(csv.as_bytes()).records() {
        for cell in row.expect("CSV reads back").iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula cell {cell:?}"
            );
        }
    }
    let json = render("json", &|out| export::write_json(statement, analysis, out));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON parses back");
    let paragraphs = value["paragraphs"].as_array().expect("JSON has paragraphs");
    assert_eq!(paragraphs.len(), statement.paragraphs.len());
    for (written, p) in paragraphs.iter().zip(&statement.paragraphs) {
        assert_eq!(
            written["text"].as_str(),
            Some(&*p.text),
            "JSON keeps the text"
        );
    }
}

/// Property-test cases: `base`, times `COMMUNIQUE_FUZZ_SCALE` when set — CI runs the
/// base, a long fuzzing session sets the scale (see the README's Safety section).
pub fn cases(base: u32) -> u32 {
    std::env::var("COMMUNIQUE_FUZZ_SCALE")
        .ok()
        .and_then(|scale| scale.parse::<u32>().ok())
        .map_or(base, |scale| base.saturating_mul(scale.max(1)))
}
