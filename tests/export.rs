//! Export contracts: every format of the shipped statement and of a statement of our
//! own with headings is pinned by a snapshot, and every format keeps document control
//! characters out of what it writes.

use communique::analysis::{Lexicons, analyse};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;
use communique::export::{self, Format};

fn render(format: Format, text: &str) -> String {
    let statement = Statement::parse(text, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut out = Vec::new();
    export::write(format, &statement, &analysis, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_export_of_the_shipped_statement() {
    insta::assert_snapshot!(
        "shipped_statement_json",
        render(Format::Json, EMBEDDED_STATEMENT)
    );
}

const WITH_HEADINGS: &str = include_str!("fixtures/formats/shape2-headings.txt");

#[test]
fn markdown_and_csv_exports_of_the_shipped_statement() {
    insta::assert_snapshot!(
        "shipped_statement_markdown",
        render(Format::Markdown, EMBEDDED_STATEMENT)
    );
    insta::assert_snapshot!(
        "shipped_statement_csv",
        render(Format::Csv, EMBEDDED_STATEMENT)
    );
}

#[test]
fn every_export_of_a_statement_with_headings() {
    for (name, format) in [
        ("headings_json", Format::Json),
        ("headings_markdown", Format::Markdown),
        ("headings_csv", Format::Csv),
    ] {
        insta::assert_snapshot!(name, render(format, WITH_HEADINGS));
    }
}

#[test]
fn json_contract_fields() {
    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, EMBEDDED_STATEMENT)).unwrap();
    for key in [
        "title",
        "occasion",
        "parties",
        "people",
        "date",
        "last_updated",
        "source",
    ] {
        assert!(json["document"].get(key).is_some(), "document.{key}");
    }
    for key in ["id", "title", "topics", "heading", "paragraphs"] {
        assert!(json["sections"][0].get(key).is_some(), "sections[].{key}");
    }
    for key in ["id", "section", "number", "text", "sentences"] {
        assert!(
            json["paragraphs"][0].get(key).is_some(),
            "paragraphs[].{key}"
        );
    }
    for key in ["id", "text", "start", "end"] {
        assert!(
            json["paragraphs"][0]["sentences"][0].get(key).is_some(),
            "sentences[].{key}"
        );
    }
    for key in [
        "id",
        "kind",
        "actor",
        "addressee",
        "sentence",
        "cue",
        "object",
        "intensity",
        "paragraph",
        "section",
        "topics",
    ] {
        assert!(
            json["commitments"][0].get(key).is_some(),
            "commitments[].{key}"
        );
    }
    // Sentence offsets point into the paragraph text.
    for p in json["paragraphs"].as_array().unwrap() {
        let text = p["text"].as_str().unwrap();
        for s in p["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], s["text"].as_str().unwrap());
        }
    }
}

#[test]
fn commitments_array_exists_even_when_empty() {
    let json: serde_json::Value =
        serde_json::from_str(&render(Format::Json, "Title\n\nThe weather was fine.\n")).unwrap();
    assert_eq!(json["commitments"], serde_json::json!([]));
    assert_eq!(json["document"]["date"], serde_json::Value::Null);
}

const HOSTILE: &str = "Title\x1b]0;pwned\x07\n\nWe condemn \x1b[2J\x1b]52;c;ZXZpbA==\x07the \u{202E}attack\u{202C} \u{9b}31m and \u{200B}more.\n\nWe welcome =HYPERLINK(\"http://x\").\n";

#[test]
fn json_keeps_the_text_with_controls_escaped() {
    let json = render(Format::Json, HOSTILE);
    assert!(
        !json.chars().any(|c| c.is_control() && c != '\n'),
        "no raw control characters"
    );
    assert!(!json.contains('\u{202E}') && !json.contains('\u{200B}'));
    assert!(json.contains("\\u001b[2J"));
    assert!(json.contains("\\u202e") && json.contains("\\u009b"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        value["paragraphs"][0]["text"]
            .as_str()
            .unwrap()
            .contains("\u{1b}[2J"),
        "the text round-trips"
    );
}

#[test]
fn text_formats_show_controls_as_placeholders() {
    for format in [Format::Markdown, Format::Csv] {
        let out = render(format, HOSTILE);
        let raw = |c: char| {
            c != '\n' && c != '\r' && (c.is_control() || communique::document::safe::is_unsafe(c))
        };
        assert!(!out.chars().any(raw), "{format:?}: {out:?}");
        assert!(out.contains('␛'), "{format:?}");
    }
    let mut plain = Vec::new();
    let statement = Statement::parse(HOSTILE, "t");
    export::write_plain(&statement, 80, &mut plain).unwrap();
    let plain = String::from_utf8(plain).unwrap();
    assert!(!plain.chars().any(|c| c.is_control() && c != '\n'));
    assert!(plain.contains("␛[2J") && plain.contains("⟪RLO⟫"));
}

#[test]
fn csv_defuses_formulas() {
    let csv = render(Format::Csv, HOSTILE);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let object = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "object")
        .unwrap();
    let objects: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[object].to_string())
        .collect();
    assert!(
        objects.iter().any(|o| o.starts_with("'=HYPERLINK")),
        "{objects:?}"
    );
    assert!(objects.iter().all(|o| !o.starts_with('=')));
}
