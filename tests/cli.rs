//! The real binary: exports, the plain rendering, and every error case with its exit
//! code and its one-line message.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use unicode_width::UnicodeWidthStr;

fn communique() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_communique"));
    // The tests' own settings, never the user's.
    cmd.env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml");
    cmd
}

fn run(args: &[&str]) -> Output {
    communique().args(args).output().unwrap()
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = communique()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("communique-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Asserts exit 1 and exactly one line `communique: <path>: <reason>` on stderr.
fn assert_fails(out: &Output, path: &str, reason: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stderr(out));
    assert_eq!(stderr(out), format!("communique: {path}: {reason}\n"));
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_file() {
    assert_fails(
        &run(&["/no/such/statement.txt"]),
        "/no/such/statement.txt",
        "no such file",
    );
}

#[test]
fn a_directory_without_statements() {
    // A folder is a library (tests/library.rs); one with nothing to read says so.
    let dir = temp_dir("dir");
    let path = dir.to_str().unwrap();
    assert_fails(
        &run(&[path]),
        path,
        "no statements in it (.txt, .md, .markdown)",
    );
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp_dir("unreadable").join("locked.txt");
    std::fs::write(&path, "Title\n\nWe agree.\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_err() {
        let p = path.to_str().unwrap();
        assert_fails(&run(&[p]), p, "permission denied");
    } else {
        // Running as root: permissions do not stop reads, but this file cannot be read.
        assert_fails(
            &run(&["/proc/self/mem"]),
            "/proc/self/mem",
            "cannot read: input/output error",
        );
    }
}

#[test]
fn empty_and_blank_files() {
    let dir = temp_dir("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert_fails(
        &run(&[empty.to_str().unwrap()]),
        empty.to_str().unwrap(),
        "file is empty",
    );
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, " \n\t\n").unwrap();
    assert_fails(
        &run(&[blank.to_str().unwrap()]),
        blank.to_str().unwrap(),
        "contains no text (only whitespace)",
    );
    assert_fails(
        &run_with_stdin(&["-"], b""),
        "standard input",
        "file is empty",
    );
}

#[test]
fn binary_file_unless_forced() {
    let path = temp_dir("binary").join("image.bin");
    std::fs::write(
        &path,
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
    )
    .unwrap();
    let p = path.to_str().unwrap();
    assert_fails(
        &run(&[p]),
        p,
        "looks binary (use --force to open it anyway)",
    );
    let forced = run(&[p, "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(stderr(&forced).contains("warning: binary file opened with --force"));
    assert!(
        !forced.stdout.contains(&0),
        "NUL bytes never reach the output"
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["--export", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["--width", "5"]).status.code(), Some(2));
    assert_eq!(run(&["--no-such-flag"]).status.code(), Some(2));
}

#[test]
fn json_export_of_the_embedded_statement_from_any_folder() {
    let out = communique()
        .args(["--export", "json"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["title"], "Joint press statement");
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 6);
    assert_eq!(json["commitments"].as_array().unwrap().len(), 15);
    assert_eq!(json["document"]["source"], serde_json::Value::Null);
}

#[test]
fn json_export_names_its_source() {
    let path = temp_dir("source").join("statement.txt");
    std::fs::write(&path, "Statement\n\nWe condemn the attack.\n").unwrap();
    let out = run(&["--export", "json", path.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["source"], path.to_str().unwrap());
}

/// A statement of our own with a long heading, numbered paragraphs that do not start
/// at 1, a long object and a cue after non-ASCII text.
const BRIEF: &str = "Joint Statement of Ruritania and Freedonia\n\nRuritania, 4 May 2024\n\n\
PART ONE – A PARTNERSHIP FOR THE WATERS AND THE PEOPLE OF THE NORTHERN SEA\n\n\
7. Ruritania and Freedonia note the progress made. Après deux ans, we strongly urge \
all parties to the conflict in the Northern Sea to release every sailor, fisherman, \
engineer and harbour pilot detained since the closure of the straits in the winter of \
the previous year, and to allow the return of their vessels.\n\n\
8. We condemn in the strongest terms the seizure of the lighthouse.\n";

/// The rows of a CSV export of `text` (saved as a file named `name`).
fn csv_rows(name: &str, text: &str, extra: &[&str]) -> (Vec<u8>, Vec<csv::StringRecord>) {
    let path = temp_dir("csv").join(name);
    std::fs::write(&path, text).unwrap();
    let mut args = vec!["--export", "csv"];
    args.extend_from_slice(extra);
    args.push(path.to_str().unwrap());
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0));
    let rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.stdout.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    (out.stdout, rows)
}

#[test]
fn csv_export_has_a_header_and_one_row_per_act() {
    let out = run(&["--export", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 15);
    assert_eq!(&rows[0][column("kind")], "condemn");
    assert_eq!(&rows[1][column("addressee")], "North Korea");
    assert_eq!(&rows[1][column("strength")], "strongly");
    assert_eq!(&rows[0][column("strength")], "in the strongest terms");
}

#[test]
fn csv_rows_name_their_statement_and_cue_offsets_count_characters_of_the_sentence() {
    let (_, rows) = csv_rows("brief.txt", BRIEF, &[]);
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for name in [
        "document",
        "date",
        "source",
        "paragraph_number",
        "sentence_text",
    ] {
        assert!(header.iter().any(|h| h == name), "{name} in {header:?}");
    }
    let acts = &rows[1..];
    assert_eq!(acts.len(), 2, "{acts:?}");
    for row in acts {
        assert_eq!(
            &row[column("document")],
            "Joint Statement of Ruritania and Freedonia"
        );
        assert_eq!(&row[column("date")], "2024-05-04");
        assert_eq!(
            &row[column("source")],
            "brief.txt",
            "a file name, not a path"
        );
        let sentence: Vec<char> = row[column("sentence_text")].chars().collect();
        let start: usize = row[column("cue_start")].parse().unwrap();
        let end: usize = row[column("cue_end")].parse().unwrap();
        let cue: String = sentence[start..end].iter().collect();
        assert_eq!(cue, row[column("cue")], "{row:?}");
    }
    let urge = &acts[0];
    assert_eq!(&urge[column("cue")], "urge");
    assert_eq!(
        &urge[column("paragraph_number")],
        "7",
        "the statement's own number"
    );
    assert_eq!(&urge[column("paragraph")], "1", "its position");
    assert!(urge[column("object")].ends_with("and to allow the return of their vessels"));
    assert!(urge[column("sentence_text")].starts_with("Après deux ans, we strongly urge"));
    assert_eq!(
        &urge[column("section_title")],
        "PART ONE – A PARTNERSHIP FOR THE WATERS AND THE PEOPLE OF THE NORTHERN SEA",
        "whole, where the reader shows it cut"
    );
    assert!(rows.iter().flatten().all(|cell| !cell.contains('…')));
}

#[test]
fn csv_files_concatenate_without_headers_and_can_start_with_a_bom() {
    let (with_bom, rows) = csv_rows("a.txt", BRIEF, &["--csv-bom"]);
    assert!(with_bom.starts_with("\u{FEFF}\"document\",".as_bytes()));
    let (bare, more) = csv_rows("b.txt", BRIEF, &["--no-header"]);
    assert!(bare.starts_with(b"\"Joint Statement"));
    assert_eq!(more.len(), rows.len() - 1, "the same rows, no header");
    let mut merged = String::from_utf8(with_bom).unwrap();
    merged.push_str(std::str::from_utf8(&bare).unwrap());
    let sources: Vec<String> = csv::Reader::from_reader(merged.as_bytes())
        .records()
        .map(|r| r.unwrap()[2].to_string())
        .collect();
    assert_eq!(sources, ["a.txt", "a.txt", "b.txt", "b.txt"]);
}

#[test]
fn markdown_briefing_names_the_file_and_says_how_strongly() {
    let dir = temp_dir("markdown");
    let path = dir.join("brief.md.txt");
    std::fs::write(&path, BRIEF).unwrap();
    let out = run(&["--export", "markdown", path.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("- **Source:** `brief.md.txt`"), "{text}");
    assert!(
        !text.contains(dir.to_str().unwrap()),
        "no local path:\n{text}"
    );
    assert!(!text.contains("marked"), "{text}");
    assert!(
        text.contains(
            "→ all parties to the conflict in the Northern Sea**, strongly: release every sailor"
        ),
        "{text}"
    );
    assert!(
        text.contains("in the strongest terms: the seizure of the lighthouse"),
        "{text}"
    );
    assert!(
        text.contains("_¶7 · §"),
        "the statement's own paragraph number:\n{text}"
    );
    assert!(text.contains("A PARTNERSHIP FOR THE WATERS AND THE PEOPLE OF THE NORTHERN SEA"));
    assert!(!text.contains('…'), "{text}");
}

#[test]
fn markdown_briefing() {
    let out = run(&["--export", "markdown"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# Joint press statement\n"));
    assert!(text.contains("- **Date:** 31 October 2017"));
    assert!(text.contains("- **Authors:** Japan and NATO"));
    assert!(text.contains("## Sections"));
    assert!(text.contains("### Demands (7)"));
    assert!(text.contains("### Commitments (4)"));
    assert!(text.contains("- **Japan and NATO → North Korea**: honour its commitments"));
}

#[test]
fn plain_rendering_when_piped_wraps_at_width() {
    let out = run(&["--width", "40"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Joint press statement\n=====================\n"));
    assert!(text.lines().all(|l| l.width() <= 40), "{text}");
    assert!(!text.contains('\x1b'), "no escape codes when piped");
    let wide = String::from_utf8(run(&[]).stdout).unwrap();
    assert!(wide.lines().all(|l| l.width() <= 80));
    assert!(wide.lines().any(|l| l.width() > 60));
}

#[test]
fn stdin_statement() {
    let out = run_with_stdin(
        &["-", "--export", "json"],
        b"Joint statement\n\nWe condemn the attack.\n",
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["title"], "Joint statement");
    assert_eq!(json["commitments"][0]["kind"], "condemn");
}

#[test]
fn user_cue_lexicon_is_merged() {
    let dir = temp_dir("cues");
    let cues = dir.join("cues.json");
    std::fs::write(
        &cues,
        r#"{ "cues": [ { "pattern": "lament", "kind": "concern" } ] }"#,
    )
    .unwrap();
    let statement = dir.join("s.txt");
    std::fs::write(
        &statement,
        "Statement\n\nWe lament the loss of life. We condemn the attack.\n",
    )
    .unwrap();
    let out = run(&[
        "--export",
        "json",
        "--cues",
        cues.to_str().unwrap(),
        statement.to_str().unwrap(),
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = json["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["concern", "condemn"]);
}

#[test]
fn malformed_cue_lexicon_names_line_and_column() {
    let path = temp_dir("badcues").join("cues.json");
    std::fs::write(
        &path,
        "{\n  \"cues\": [\n    { \"pattern\": \"lament\", \"kind\": \"sorrow\" }\n  ]\n}\n",
    )
    .unwrap();
    let out = run(&["--cues", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("communique: {}: line 3, column ", path.display())),
        "{err}"
    );
    assert!(err.contains("sorrow"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn closed_pipe_is_not_an_error() {
    let mut child = communique()
        .args(["--export", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn a_utf16_byte_order_mark_does_not_bypass_the_binary_check() {
    let dir = temp_dir("utf16");
    let nuls = dir.join("nuls.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(std::iter::repeat_n(0u8, 4000));
    std::fs::write(&nuls, &bytes).unwrap();
    let p = nuls.to_str().unwrap();
    assert_fails(
        &run(&[p]),
        p,
        "looks binary (use --force to open it anyway)",
    );
    // Text after the mark, with a lone surrogate and an odd last byte: both counted.
    let broken = dir.join("broken.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "We urge peace."
        .encode_utf16()
        .chain([0xD800])
        .chain(" Yes.".encode_utf16())
    {
        bytes.extend(unit.to_le_bytes());
    }
    bytes.push(b'x');
    std::fs::write(&broken, &bytes).unwrap();
    let out = run(&[broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("decoded from UTF-16: 2 invalid units shown as \u{FFFD}"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn endless_inputs_stop_at_the_cap() {
    for args in [vec!["/dev/zero"], vec!["--cues", "/dev/zero"]] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    }
}

#[test]
fn a_pipe_without_a_file_is_read() {
    let out = run_with_stdin(
        &["--export", "json"],
        b"Joint statement on rivers\n\nWe condemn the dam.\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document"]["title"], "Joint statement on rivers");
    assert_eq!(json["commitments"][0]["kind"], "condemn");
}

#[test]
fn no_file_and_no_pipe_is_the_shipped_statement() {
    // `output()` gives the child /dev/null as its standard input.
    let out = run(&["--export", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["commitments"].as_array().unwrap().len(), 15);
}

#[test]
fn man_page_and_completions_are_generated() {
    let man = run(&["--generate", "man"]);
    assert_eq!(man.status.code(), Some(0));
    let man = String::from_utf8(man.stdout).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH communique 1"),
        "{man}"
    );
    for part in [
        ".SH OPTIONS",
        "\\-\\-export",
        ".SH KEYS",
        "next / previous section",
        "C\\-l",
    ] {
        assert!(man.contains(part), "{part} in the man page:\n{man}");
    }
    for (shell, mark) in [
        ("bash", "_communique()"),
        ("zsh", "#compdef communique"),
        ("fish", "complete -c communique"),
        ("elvish", "communique"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["--generate", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(script.contains(mark), "{shell}:\n{script}");
        assert!(script.contains("csv-bom"), "{shell} completes the options");
    }
}

#[test]
fn a_settings_file_applies_under_the_command_line() {
    let dir = temp_dir("config");
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        "# mine\ntheme = \"light\"\nwidth = 40\nmouse = false\nremember = false\n",
    )
    .unwrap();
    let with = |args: &[&str]| {
        let out = communique()
            .env("COMMUNIQUE_CONFIG", &config)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = with(&["--print-config"]);
    assert!(
        shown.contains(&format!("# settings file: {}", config.display())),
        "{shown}"
    );
    for line in [
        "theme = \"light\"",
        "color = \"auto\"",
        "mouse = false",
        "remember = false",
        "width = 40",
    ] {
        assert!(shown.lines().any(|l| l == line), "{line} in:\n{shown}");
    }
    let flags = with(&["--print-config", "--width", "60", "--theme", "dark"]);
    assert!(
        flags.lines().any(|l| l == "width = 60"),
        "the flag wins:\n{flags}"
    );
    assert!(flags.lines().any(|l| l == "theme = \"dark\""), "{flags}");
    let forget = run(&["--print-config", "--no-remember"]);
    let forget = String::from_utf8(forget.stdout).unwrap();
    assert!(forget.lines().any(|l| l == "remember = false"), "{forget}");
    let plain = with(&[]);
    assert!(
        plain.lines().all(|l| l.width() <= 40),
        "the file's width:\n{plain}"
    );
    assert!(plain.lines().any(|l| l.width() > 30));
}

#[test]
fn a_malformed_settings_file_is_one_line_naming_the_line() {
    let config = temp_dir("bad-config").join("config.toml");
    std::fs::write(&config, "theme = \"dark\"\ncolour = \"never\"\n").unwrap();
    let out = communique()
        .env("COMMUNIQUE_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "communique: {}: line 2: unknown field `colour`",
            config.display()
        )),
        "{err}"
    );
}

#[test]
fn no_settings_file_means_the_defaults() {
    let out = run(&["--print-config"]);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("(none there)"), "{shown}");
    for line in [
        "theme = \"dark\"",
        "color = \"auto\"",
        "mouse = true",
        "remember = true",
        "width = 80",
    ] {
        assert!(shown.lines().any(|l| l == line), "{line} in:\n{shown}");
    }
}

#[test]
fn csv_cue_offsets_count_the_sentence_as_its_cell_shows_it() {
    // A formula sign (defused with an apostrophe), bidi controls (shown by name) and a
    // zero-width space (dropped) before the cue: each moves the cue within the cell.
    let text =
        "Joint Statement\n\n+In\u{202E}side\u{202C}\u{200B}, we condemn the attack on the port.\n";
    let (_, rows) = csv_rows("hazards.txt", text, &[]);
    let header = &rows[0];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = &rows[1];
    let sentence: Vec<char> = row[column("sentence_text")].chars().collect();
    assert!(sentence.starts_with(&['\'', '+']), "{sentence:?}");
    let start: usize = row[column("cue_start")].parse().unwrap();
    let end: usize = row[column("cue_end")].parse().unwrap();
    let cue: String = sentence[start..end].iter().collect();
    assert_eq!(cue, "condemn", "{row:?}");
}
