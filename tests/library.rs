//! A library through the real binary: a folder of statements of our own (in
//! subfolders, beside a hidden file, a file of another kind and a broken one) listed
//! newest first, exported as JSON Lines, one CSV and one Markdown briefing with a table
//! of contents, and chosen with statement terms and the reader's query language.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn communique(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_communique"))
        .args(args)
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .output()
        .expect("run communique")
}

struct Library(PathBuf);

impl Drop for Library {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn statement(title: &str, date: &str, body: &str) -> String {
    format!("{title}\n\n{date}\n\n{body}\n")
}

/// Three statements over two years in two folders, and what a folder also holds.
fn library(name: &str) -> Library {
    let dir =
        std::env::temp_dir().join(format!("communique-library-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["2030", "2031/spring", ".drafts"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let write = |path: &str, text: &str| std::fs::write(dir.join(path), text).unwrap();
    write(
        "2030/lake.txt",
        &statement(
            "Joint Statement of the Lake Commission",
            "Geneva, 4 May 2030",
            "1. We condemn the dumping of waste in the lake.\n\n2. We urge the riparian states to publish their flow records.",
        ),
    );
    write(
        "2031/spring/harbour.md",
        &statement(
            "# Communiqué of the Harbour Ministers",
            "Lisbon, 2 March 2031",
            "We are committed to keeping the channels open to every vessel in distress.\n\nWe call on Japan and Korea to join the search and rescue agreement.",
        ),
    );
    write(
        "2031/summit.txt",
        &statement(
            "Summit Declaration of the Northern Council",
            "Oslo, 9 November 2031",
            "We welcome the new rescue centre.\n\nWe strongly condemn the seizure of the research vessel.",
        ),
    );
    write(
        ".drafts/draft.txt",
        &statement("Draft", "1 January 2031", "We condemn drafts."),
    );
    write("2030/notes.json", "{\"not\": \"a statement\"}");
    write(
        "2031/broken.txt",
        "\u{0}\u{1}\u{2}binary\u{0}\u{0}\u{0}\u{0}",
    );
    Library(dir)
}

fn path(lib: &Library) -> &str {
    lib.0.to_str().unwrap()
}

fn ok_stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn a_folder_is_listed_newest_first_with_its_broken_file_named() {
    let lib = library("table");
    let out = communique(&[path(&lib)]);
    let table = ok_stdout(&out);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("date"), "{table}");
    assert_eq!(
        lines.len(),
        4,
        "three statements, not the draft or the notes:\n{table}"
    );
    assert!(lines[1].starts_with("2031-11-09") && lines[1].contains("Summit Declaration"));
    assert!(lines[2].starts_with("2031-03-02") && lines[2].contains("Harbour Ministers"));
    assert!(lines[3].starts_with("2030-05-04") && lines[3].contains("Lake Commission"));
    let acts: Vec<&str> = lines[3].split_whitespace().collect();
    assert_eq!(acts[1], "2", "two acts in the lake statement: {}", lines[3]);
    // The broken file does not stop the rest: it is named, and the exit says so.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("broken.txt: "), "{err}");
    assert!(
        err.ends_with("communique: library: 1 of 4 files could not be read (see above)\n"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_lines_one_statement_a_line() {
    let lib = library("json");
    let out = communique(&["--export", "json", path(&lib)]);
    let lines: Vec<serde_json::Value> = ok_stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    // In the order of their paths: 2030/…, 2031/spring/…, 2031/summit.txt.
    let titles: Vec<&str> = lines
        .iter()
        .map(|l| l["document"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Joint Statement of the Lake Commission",
            "Communiqué of the Harbour Ministers",
            "Summit Declaration of the Northern Council"
        ]
    );
    assert_eq!(lines[0]["commitments"].as_array().unwrap().len(), 2);
}

#[test]
fn statement_terms_and_act_queries_choose() {
    let lib = library("query");
    let titles = |query: &str| -> Vec<String> {
        let out = communique(&["--export", "json", "--query", query, path(&lib)]);
        ok_stdout(&out)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["document"]["title"].as_str().unwrap().to_string()
            })
            .collect()
    };
    assert_eq!(titles("date:2030").len(), 1);
    assert_eq!(titles("date:2031").len(), 2);
    assert_eq!(titles("date:2030..2031").len(), 3);
    assert_eq!(
        titles("date:2031-03"),
        ["Communiqué of the Harbour Ministers"]
    );
    assert_eq!(
        titles("title:summit"),
        ["Summit Declaration of the Northern Council"]
    );
    assert_eq!(
        titles("kind:condemn date:2031"),
        ["Summit Declaration of the Northern Council"]
    );
    assert!(titles("zzqx").is_empty());
    // Only the acts the query chooses are written.
    let out = communique(&["--export", "json", "--query", "kind:condemn", path(&lib)]);
    for line in ok_stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let kinds: Vec<&str> = v["commitments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["kind"].as_str().unwrap())
            .collect();
        assert!(
            !kinds.is_empty() && kinds.iter().all(|k| *k == "condemn"),
            "{kinds:?}"
        );
        // A chosen act keeps the number it has in its whole statement: the summit's
        // condemnation is its second act, after the welcome.
        let numbers: Vec<u64> = v["commitments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_u64().unwrap())
            .collect();
        let title = v["document"]["title"].as_str().unwrap();
        let expected: &[u64] = if title.starts_with("Summit") {
            &[2]
        } else {
            &[1]
        };
        assert_eq!(numbers, expected, "{title}");
    }
    let bad = communique(&["--query", "date:soon", path(&lib)]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(
        err.starts_with("communique: --query: date:soon is not"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn one_csv_and_one_briefing_for_the_library() {
    let lib = library("formats");
    let csv = ok_stdout(&communique(&["--export", "csv", path(&lib)]));
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("\"document\","))
            .count(),
        1,
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 6, "a header and six acts:\n{csv}");
    let md = ok_stdout(&communique(&["--export", "markdown", path(&lib)]));
    assert!(md.starts_with("# Library: 3 statements\n"), "{md}");
    assert!(
        md.contains("1. [Joint Statement of the Lake Commission (4 May 2030)](#joint-statement-of-the-lake-commission)"),
        "{md}"
    );
    assert!(md.contains("\n# Joint Statement of the Lake Commission\n"));
    assert_eq!(md.matches("\n# ").count(), 3, "each statement's briefing");
}

#[test]
fn files_named_together_are_a_library_and_an_empty_folder_is_an_error() {
    let lib = library("files");
    let a = lib.0.join("2030/lake.txt");
    let b = lib.0.join("2031/summit.txt");
    let out = communique(&[a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ok_stdout(&out).lines().count(), 3);
    let empty = lib.0.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let out = communique(&[empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "communique: {}: no statements in it (.txt, .md, .markdown)\n",
            Path::new(&empty).display()
        )
    );
}
