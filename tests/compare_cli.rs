//! `communique compare OLD NEW` through the real binary: the JSON contract, the
//! Markdown briefing (a snapshot), piped output, and the errors.

use std::process::{Command, Output};

const OLD: &str = "tests/fixtures/compare/old.txt";
const NEW: &str = "tests/fixtures/compare/new.txt";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_communique"))
        .args(args)
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run communique")
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn the_json_keeps_its_contract() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["compare", "--export", "json", OLD, NEW]))).unwrap();
    assert_eq!(json["old"]["document"]["date"], "2030-06-12");
    assert_eq!(json["new"]["document"]["date"], "2031-06-03");
    assert_eq!(json["old"]["document"]["source"], OLD);
    let summary = &json["summary"];
    for (field, n) in [
        ("unchanged", 5),
        ("reworded", 0),
        ("strengthened", 1),
        ("weakened", 0),
        ("changed", 0),
        ("new", 1),
        ("dropped", 1),
    ] {
        assert_eq!(summary[field], n, "{field}");
    }
    let acts = json["acts"].as_array().unwrap();
    assert_eq!(acts.len(), 8);
    let stronger = acts.iter().find(|a| a["status"] == "strengthened").unwrap();
    assert_eq!(stronger["why"], "“strongly” added");
    assert_eq!(stronger["old"]["intensity"], 0);
    assert_eq!(stronger["new"]["intensity"], 1);
    assert_eq!(stronger["new"]["kind"], "condemn");
    assert!(
        stronger["new"]["sentence_text"]
            .as_str()
            .unwrap()
            .starts_with("We strongly condemn the illegal dumping")
    );
    let new = acts.iter().find(|a| a["status"] == "new").unwrap();
    assert!(new["old"].is_null());
    let dropped = acts.iter().find(|a| a["status"] == "dropped").unwrap();
    assert!(dropped["new"].is_null());
    assert_eq!(dropped["old"]["addressee"], "all flag states");
    let paragraphs = json["paragraphs"].as_array().unwrap();
    let moved = paragraphs.iter().find(|p| p["status"] == "moved").unwrap();
    assert_eq!(
        (moved["old"].as_u64(), moved["new"].as_u64()),
        (Some(6), Some(3))
    );
    assert_eq!(moved["old_number"], "6");
    let changed = paragraphs
        .iter()
        .find(|p| p["status"] == "changed")
        .unwrap();
    let inserted: Vec<&str> = changed["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["op"] == "insert")
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert_eq!(inserted, [" strongly"]);
    assert_eq!(
        paragraphs.iter().filter(|p| p["status"] == "same").count(),
        5
    );
}

#[test]
fn the_markdown_briefing_reads_as_a_note() {
    let briefing = stdout(&run(&["compare", "--export", "markdown", OLD, NEW]));
    insta::assert_snapshot!("compare_briefing", briefing);
    // Piped without --export: the same briefing.
    assert_eq!(stdout(&run(&["compare", OLD, NEW])), briefing);
}

#[test]
fn an_identical_pair_says_nothing_changed() {
    let briefing = stdout(&run(&["compare", "--export", "md", OLD, OLD]));
    assert!(briefing.contains("No act changed."), "{briefing}");
    assert!(
        briefing.contains("+0 acts · −0 · 7 unchanged"),
        "{briefing}"
    );
}

#[test]
fn errors_are_one_line() {
    let both = run(&["compare", "-", "-"]);
    assert_eq!(both.status.code(), Some(1));
    let err = String::from_utf8(both.stderr).unwrap();
    assert_eq!(
        err,
        "communique: standard input: only one of the two statements can come from standard input\n"
    );
    let missing = run(&["compare", OLD, "tests/fixtures/compare/none.txt"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8(missing.stderr).unwrap();
    assert!(
        err.starts_with("communique: tests/fixtures/compare/none.txt: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    let usage = run(&["compare", OLD]);
    assert_eq!(usage.status.code(), Some(2));
}
