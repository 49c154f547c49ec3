//! Labelled sentences of my own (`tests/fixtures/acts/`), in statements of each shape
//! of the family: every sentence with the acts it carries — kind, actor, addressee —
//! or none, near-misses included (quotations, relative clauses, notes, descriptions,
//! "Recalling its resolution", another party's "must").

use communique::analysis::{Lexicons, analyse};
use communique::document::Statement;
use serde_json::Value;

type Act = (String, String, Option<String>);

fn check(path: &std::path::Path) -> (usize, Vec<String>) {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let labelled = doc["sentences"].as_array().unwrap();
    let body: Vec<&str> = labelled.iter().map(|s| s[0].as_str().unwrap()).collect();
    let text = format!("{}{}\n", doc["header"].as_str().unwrap(), body.join("\n\n"));
    let statement = Statement::parse(&text, "labelled");
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut errors = Vec::new();
    for item in labelled {
        let sentence = item[0].as_str().unwrap();
        // A numbered clause is read without its number.
        let bare = communique_number_free(sentence);
        let want: Vec<Act> = item[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a[0].as_str().unwrap().to_string(),
                    a[1].as_str().unwrap().to_string(),
                    a[2].as_str().map(String::from),
                )
            })
            .collect();
        let found = statement.sentences().find(|(_, t)| *t == bare);
        let Some((at, _)) = found else {
            errors.push(format!(
                "{name}: sentence not found as one sentence: {sentence:?}"
            ));
            continue;
        };
        let got: Vec<Act> = analysis
            .commitments
            .iter()
            .filter(|c| c.sentence == at)
            .map(|c| {
                (
                    c.kind.to_string(),
                    c.actor(&analysis).to_string(),
                    c.addressee(&analysis).map(str::to_string),
                )
            })
            .collect();
        if got != want {
            errors.push(format!(
                "{name}: {sentence:?}\n    expected {want:?}\n    got      {got:?}"
            ));
        }
    }
    (labelled.len(), errors)
}

fn communique_number_free(sentence: &str) -> &str {
    match sentence.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => sentence,
    }
}

#[test]
fn every_labelled_sentence_has_its_acts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acts");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let mut total = 0;
    let mut errors = Vec::new();
    for path in paths {
        let (n, e) = check(&path);
        total += n;
        errors.extend(e);
    }
    assert!(total >= 80, "only {total} labelled sentences");
    assert!(
        errors.is_empty(),
        "{} of {total} sentences wrong:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
