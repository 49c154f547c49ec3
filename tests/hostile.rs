//! The adversarial fixtures in `tests/fixtures/hostile/`, each through the real binary
//! (plain rendering and every export) and through the reader's drawing: nothing a
//! document carries may reach a terminal or a text export as a raw control code.

use std::path::PathBuf;
use std::process::{Command, Output};

use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Pane, update};
use communique::document::{Statement, decode};
use communique::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod invariants;
use invariants::{assert_clean, first_raw};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

fn run(args: &[&str], name: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_communique"))
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .args(args)
        .arg(fixture(name))
        .output()
        .unwrap()
}

const READABLE: &[&str] = &[
    "escapes.txt",
    "bidi.txt",
    "formula.txt",
    "wide.txt",
    "latin1.txt",
    "utf16le.txt",
    "no-punctuation.txt",
    "one-line.txt",
    "long-word.txt",
    "cr-only.txt",
    "unbalanced.txt",
    "many-headings.txt",
];

/// Fixtures communique refuses, with the reason it gives.
const REFUSED: &[(&str, &str)] = &[
    ("empty.txt", "file is empty"),
    ("whitespace.txt", "contains no text (only whitespace)"),
    ("nul.bin", "looks binary (use --force to open it anyway)"),
];

/// A fixture added to the folder but to neither list would never be exercised.
#[test]
fn every_fixture_is_exercised() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = READABLE
        .iter()
        .copied()
        .chain(REFUSED.iter().map(|&(name, _)| name))
        .map(String::from)
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_readable_fixture_exports_cleanly() {
    for name in READABLE {
        for args in [
            &["--plain"][..],
            &["--export", "markdown"],
            &["--export", "csv"],
            &["--export", "json"],
        ] {
            let out = run(args, name);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{name} {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout)
                .unwrap_or_else(|_| panic!("{name} {args:?}: output is UTF-8"));
            assert_clean(&format!("{name} {args:?}"), &text);
            assert_clean(
                &format!("{name} {args:?} stderr"),
                &String::from_utf8_lossy(&out.stderr),
            );
            if args[..] == ["--export", "json"] {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }
}

#[test]
fn escape_sequences_become_visible_and_json_keeps_them() {
    let plain = String::from_utf8(run(&["--plain"], "escapes.txt").stdout).unwrap();
    assert!(
        plain.contains("␛[2J")
            && plain.contains("␛]52;c;")
            && plain.contains("␛]8;;http://evil.example/")
    );
    assert!(plain.contains("␇") && plain.contains("␈"));
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["--export", "json"], "escapes.txt").stdout).unwrap();
    let text = json["paragraphs"][0]["text"].as_str().unwrap();
    assert!(text.contains("\u{1b}[2J"), "JSON keeps the text: {text:?}");
}

#[test]
fn bidi_overrides_are_named_and_zero_width_characters_dropped() {
    let plain = String::from_utf8(run(&["--plain"], "bidi.txt").stdout).unwrap();
    assert!(plain.contains("⟪RLO⟫attack⟪PDF⟫"), "{plain}");
    assert!(
        plain.contains("urge NATO to act"),
        "zero-width characters go: {plain}"
    );
}

#[test]
fn csv_cells_never_start_a_formula() {
    let csv = String::from_utf8(run(&["--export", "csv"], "formula.txt").stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        for cell in row.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
        }
    }
    assert!(
        rows.iter()
            .any(|r| r.iter().any(|c| c.starts_with("'=HYPERLINK")))
    );
}

#[test]
fn refused_inputs_fail_cleanly() {
    for &(name, reason) in REFUSED {
        let out = run(&["--export", "json"], name);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.ends_with(&format!("{reason}\n")) && err.lines().count() == 1,
            "{name}: {err}"
        );
    }
    let forced = run(&["--plain", "--force"], "nul.bin");
    assert_eq!(forced.status.code(), Some(0));
    let text = String::from_utf8(forced.stdout).unwrap();
    assert!(text.contains("␀") && !text.contains('\0'));
}

#[test]
fn other_encodings_open_with_a_warning() {
    let latin1 = run(&["--plain"], "latin1.txt");
    assert!(
        String::from_utf8_lossy(&latin1.stderr)
            .contains("warning: not UTF-8: decoded as windows-1252")
    );
    assert!(
        String::from_utf8(latin1.stdout)
            .unwrap()
            .contains("Montréal and welcome the décision of the café owners")
    );
    let mut broken = "Tōkyō, Kyōto and Ōsaka: ".as_bytes().to_vec();
    broken.extend(b"we \xFF agree.\n");
    let path = std::env::temp_dir().join(format!("communique-broken-{}.txt", std::process::id()));
    std::fs::write(&path, &broken).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_communique"))
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .args(["--plain", path.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("warning: not valid UTF-8: 1 invalid byte sequence"),
        "UTF-8 with a broken byte stays UTF-8"
    );
    let utf16 = run(&["--export", "json"], "utf16le.txt");
    assert!(String::from_utf8_lossy(&utf16.stderr).contains("warning: decoded from UTF-16"));
    let json: serde_json::Value = serde_json::from_slice(&utf16.stdout).unwrap();
    assert_eq!(json["commitments"].as_array().unwrap().len(), 2);
}

#[test]
fn shapeless_texts_still_read() {
    let parse = |name: &str| {
        let decoded = decode(std::fs::read(fixture(name)).unwrap(), false).unwrap();
        Statement::parse(&decoded.text, name)
    };
    let one = parse("one-line.txt");
    assert_eq!((one.paragraphs.len(), one.sentence_count()), (1, 1));
    assert_eq!(
        one.metadata.title, "one-line.txt",
        "a sentence is not a title"
    );
    let flat = parse("no-punctuation.txt");
    assert_eq!(flat.sentence_count(), flat.paragraphs.len());
    let cr = parse("cr-only.txt");
    assert_eq!(cr.metadata.title, "Joint statement");
    assert_eq!(cr.sentence_count(), 3);
    let headings = parse("many-headings.txt");
    let analysis = analyse(&headings, Lexicons::embedded());
    let mut titles: Vec<&str> = analysis
        .sections
        .iter()
        .map(|s| analysis.section_title(s))
        .collect();
    assert!(titles.iter().all(|t| t.chars().count() <= 40));
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(
        titles.len(),
        analysis.sections.len(),
        "titles stay distinct"
    );
}

/// Draws a fixture in the reader with an act selected and a filter typed, at several
/// sizes; every cell must hold printable text that fits.
#[test]
fn the_reader_draws_every_fixture_safely() {
    for name in READABLE {
        let decoded = decode(std::fs::read(fixture(name)).unwrap(), false).unwrap();
        let statement = Statement::parse(&decoded.text, name);
        let analysis = analyse(&statement, Lexicons::embedded());
        let mut app = App::new(statement, analysis, 80, 24);
        for (w, h) in [(120, 40), (80, 24), (40, 15), (20, 6)] {
            for action in [
                Action::Resize(w, h),
                Action::Focus(Pane::Acts),
                Action::NextAct,
                Action::Activate,
                Action::StartFilter,
                Action::Edit(communique::app::Edit::Insert('e')),
                Action::FilterAccept,
                Action::NextMatch,
            ] {
                update(&mut app, action);
            }
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
            for cell in &terminal.backend().buffer().content {
                assert!(
                    first_raw(cell.symbol()).is_none(),
                    "{name} at {w}x{h}: {:?}",
                    cell.symbol()
                );
            }
            update(&mut app, Action::FilterCancel);
        }
    }
}

#[test]
fn hostile_file_names_stay_visible_in_errors() {
    let out = Command::new(env!("CARGO_BIN_EXE_communique"))
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .arg("/nonexistent/evil\u{1b}]0;pwned\u{7}.txt")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_clean("stderr", &err);
    assert!(err.contains("evil␛]0;pwned␇.txt: no such file"), "{err}");
}

#[test]
fn wide_and_combining_characters_wrap_by_columns() {
    use communique::app::textview::{RowKind, TextView};
    use unicode_width::UnicodeWidthStr;
    let decoded = decode(std::fs::read(fixture("wide.txt")).unwrap(), false).unwrap();
    let statement = Statement::parse(&decoded.text, "wide");
    let analysis = analyse(&statement, Lexicons::embedded());
    for width in [2u16, 7, 10, 37, 80] {
        let view = TextView::new(&statement, &analysis, width);
        for row in 0..view.row_count() {
            if let RowKind::Text {
                paragraph,
                start,
                end,
                ..
            } = view.kind(&statement, row)
            {
                let text = view.display_text(&statement, paragraph);
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                assert!(
                    text[start..end].width() <= usize::from(width),
                    "width {width}: {:?}",
                    &text[start..end]
                );
            }
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("communique-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A megabyte on one line (the shape of a page saved without line breaks) is split
/// into all its sentences and every act is found; the 10 MB case is measured in
/// release builds, not here, where the unoptimised binary would take too long.
#[test]
fn a_megabyte_without_a_newline_opens() {
    let sentence = "We strongly condemn the missile launches by North Korea. ";
    let count = (1 << 20) / sentence.len();
    let path = scratch("one-line.txt");
    std::fs::write(&path, sentence.repeat(count)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_communique"))
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .args(["--export", "csv"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let kind = reader.headers().unwrap().iter().position(|h| h == "kind");
    let rows = reader
        .records()
        .map(Result::unwrap)
        .filter(|row| &row[kind.unwrap()] == "condemn")
        .count();
    assert_eq!(rows, count);
}

/// Past the limit a file is refused from its size alone, before a byte is read (the
/// file here is sparse, so the test writes nothing).
#[test]
fn a_file_over_the_limit_is_refused_with_its_size() {
    let path = scratch("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(513 << 20).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_communique"))
        .env("COMMUNIQUE_CONFIG", "/nonexistent/communique/config.toml")
        .arg("--plain")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "communique: {}: too large (513 MiB; communique reads statements up to 512 MiB)\n",
            path.display()
        )
    );
}

/// Format characters that terminals and width tables disagree on (U+070F, U+0890,
/// U+08E2, Egyptian format controls) and default ignorables never shift a border:
/// every row of the text pane ends on its border, whatever the paragraph holds.
#[test]
fn format_characters_never_push_a_border() {
    let odd = [
        '\u{070F}',
        '\u{0890}',
        '\u{08E2}',
        '\u{13430}',
        '\u{13438}',
        '\u{FE0F}',
        '\u{E0100}',
        '\u{180B}',
        '\u{115F}',
        '\u{3164}',
        '\u{2800}',
    ];
    let mut text = String::from("Joint statement\n\n");
    for c in odd {
        text.push_str(&format!("We urge{c}{c}{c} the parties to act{c} now. "));
    }
    text.push('\n');
    let statement = Statement::parse(&text, "odd");
    let analysis = analyse(&statement, Lexicons::embedded());
    let mut app = App::new(statement, analysis, 80, 24);
    update(&mut app, Action::Resize(80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let text_pane = app.layout.text.unwrap();
    for y in text_pane.y..text_pane.bottom() {
        let right = buffer[(text_pane.right() - 1, y)].symbol().to_string();
        assert!(
            matches!(
                right.as_str(),
                "┃" | "│" | "║" | "█" | "┓" | "┛" | "╮" | "╯" | "┐" | "┘"
            ),
            "row {y} ends with {right:?}"
        );
        for x in text_pane.x..text_pane.right() {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(|c| odd.contains(&c) && c != '\u{FE0F}'),
                "{symbol:?} drawn at {x},{y}"
            );
        }
    }
}
