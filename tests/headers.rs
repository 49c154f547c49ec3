//! Header, structure, author and sentence fixtures (`tests/fixtures/headers/`), each
//! written for these tests in the shape of a kind of page, with its expectations in
//! `NAME.expect.json`, checked field by field against the JSON export.
//!
//! An expectation file lists only the fields it pins: `title`, `title_from`,
//! `occasion`, `date`, `date_ambiguous`, `last_updated`, `published`, `reference`,
//! `place`, `from`, `source_url`, `authors`, `author_parties`, `authors_from`,
//! `people` ([name, role] pairs), `headings`, `paragraphs` (a count),
//! `first_paragraphs` (text the first paragraphs start with), `numbers` (paragraph
//! numbers), `sentences` (every sentence), `header` ([line, class, detail] of every
//! header line, exactly), `no_text` (strings no paragraph, heading or title carries).

use std::path::Path;

use communique::analysis::{Lexicons, analyse};
use communique::document::Statement;
use communique::export::{self, Format};
use serde_json::Value;

fn fixtures() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/headers");
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expect.json"))
        .collect();
    out.sort();
    out
}

fn export(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let stem = path.file_stem().unwrap().to_string_lossy();
    let markdown = path.extension().is_some_and(|e| e == "md");
    let statement = Statement::parse_with(&text, &stem, Some(markdown));
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut out = Vec::new();
    export::write(Format::Json, &statement, &analysis, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// Every mismatch between an expectation and the export, as lines for the report.
fn check(name: &str, expect: &Value, got: &Value) -> Vec<String> {
    let doc = &got["document"];
    let paragraphs = got["paragraphs"].as_array().unwrap();
    let mut errors = Vec::new();
    for (field, want) in expect.as_object().unwrap() {
        let compare = |field: &str, want: &Value, have: Value| {
            if *want != have {
                Some(format!("{name}: {field}: expected {want}, got {have}"))
            } else {
                None
            }
        };
        let mismatch = match field.as_str() {
            "title" | "occasion" | "date" | "date_ambiguous" | "published" | "reference"
            | "place" | "from" | "source_url" | "authors" | "author_parties" | "authors_from" => {
                compare(field, want, doc[field].clone())
            }
            "last_updated" => compare(field, want, doc[field].clone()),
            "title_from" => {
                let from = if doc["title"].is_null() {
                    "file_name"
                } else if got["header"].as_array().unwrap().iter().any(|h| {
                    h["class"] == "front_matter"
                        && h["text"].as_str().is_some_and(|t| t.starts_with("title:"))
                }) {
                    "front_matter"
                } else {
                    "text"
                };
                compare(field, want, Value::from(from))
            }
            "people" => {
                let people: Vec<Value> = doc["people"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| Value::from(vec![p["name"].clone(), p["role"].clone()]))
                    .collect();
                compare(field, want, Value::from(people))
            }
            "headings" => {
                let headings: Vec<Value> = got["sections"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|s| !s["heading"].is_null())
                    .map(|s| s["heading"].clone())
                    .collect();
                compare(field, want, Value::from(headings))
            }
            "paragraphs" => compare(field, want, Value::from(paragraphs.len())),
            "numbers" => {
                let numbers: Vec<Value> = paragraphs.iter().map(|p| p["number"].clone()).collect();
                compare(field, want, Value::from(numbers))
            }
            "first_paragraphs" => {
                for (i, start) in want.as_array().unwrap().iter().enumerate() {
                    let text = paragraphs
                        .get(i)
                        .and_then(|p| p["text"].as_str())
                        .unwrap_or("");
                    if !text.starts_with(start.as_str().unwrap()) {
                        errors.push(format!(
                            "{name}: paragraph {}: expected to start with {start}, got {text:?}",
                            i + 1
                        ));
                    }
                }
                None
            }
            "sentences" => {
                let sentences: Vec<Value> = paragraphs
                    .iter()
                    .flat_map(|p| {
                        p["sentences"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|s| s["text"].clone())
                    })
                    .collect();
                compare(field, want, Value::from(sentences))
            }
            "header" => {
                let header: Vec<Value> = got["header"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|h| h["class"] != "front_matter")
                    .map(|h| {
                        Value::from(vec![
                            h["line"].clone(),
                            h["class"].clone(),
                            h["detail"].clone(),
                        ])
                    })
                    .collect();
                compare(field, want, Value::from(header))
            }
            "no_text" => {
                let mut texts: Vec<String> = paragraphs
                    .iter()
                    .map(|p| p["text"].as_str().unwrap().to_string())
                    .collect();
                texts.extend(
                    got["sections"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(|s| s["heading"].as_str().map(String::from)),
                );
                texts.extend(doc["title"].as_str().map(String::from));
                for banned in want.as_array().unwrap() {
                    let banned = banned.as_str().unwrap();
                    if let Some(t) = texts.iter().find(|t| t.contains(banned)) {
                        errors.push(format!("{name}: {banned:?} reached the text: {t:?}"));
                    }
                }
                None
            }
            other => Some(format!("{name}: unknown expectation field {other}")),
        };
        errors.extend(mismatch);
    }
    errors
}

#[test]
fn every_fixture_meets_its_expectations() {
    let mut errors = Vec::new();
    let mut checked = 0;
    for path in fixtures() {
        let expect_path = path.with_extension("expect.json");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Ok(expect) = std::fs::read_to_string(&expect_path) else {
            errors.push(format!("{name}: no {}", expect_path.display()));
            continue;
        };
        let expect: Value = serde_json::from_str(&expect).unwrap();
        errors.extend(check(&name, &expect, &export(&path)));
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} fixtures");
    assert!(
        errors.is_empty(),
        "{} mismatches:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
