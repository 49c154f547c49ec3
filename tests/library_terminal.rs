//! The library view in a pseudo-terminal: a folder opens at once and fills in, a query
//! narrows it, Enter opens the reader at the match and Esc comes back to the library
//! as it was; the compare view opened from it; the terminal restored on quit.

mod common;

use common::{Session, restored};

fn folder() -> String {
    format!("{}/tests/fixtures/library", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_query_then_enter_opens_the_reader_and_esc_comes_back_with_the_query() {
    let mut s = Session::spawn(&[&folder()], 120, 40);
    s.wait_for_text("Library · 5 statements");
    s.wait_for_text("Statements · 5 · newest first");
    assert!(s.screen().alternate_screen());
    s.send("/kind:condemn");
    s.wait_for_text("Statements with matches · 3 of 5");
    s.send("\r");
    s.send("\r");
    // The newest statement with a condemnation, at it, with the query in the reader.
    s.wait_for_text("Commitments 1/3");
    s.wait_for_text("Esc library");
    s.wait_for_text("1. Norway and Chile strongly condemn the renewed");
    s.send("\x1b");
    s.wait_for_text("Statements with matches · 3 of 5");
    s.wait_for_text("/kind:condemn");
    // Backspace comes back too, after the query changed in the reader.
    s.send("\t\r");
    s.wait_for_text("Commitments 1/3");
    s.send("\x7f");
    s.wait_for_text("Statements with matches · 3 of 5");
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(restored(s.screen()), "{}", s.contents());
}

#[test]
fn the_previous_statement_of_the_parties_opens_in_the_compare_view_and_esc_comes_back() {
    let mut s = Session::spawn(&[&folder()], 120, 40);
    s.wait_for_text("Statements · 5 · newest first");
    // The newest row: the 2023 trade declaration, against the May 2023 one.
    s.send("p");
    s.wait_for_text("→");
    s.wait_for_text("Text · old │ new");
    s.send("\x1b");
    s.wait_for_text("Statements · 5 · newest first");
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(restored(s.screen()), "{}", s.contents());
}

/// The cache's entries and when each was written.
fn entries(cache: &std::path::Path) -> Vec<(std::path::PathBuf, std::time::SystemTime)> {
    let dir = cache.join("communique/library");
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| (e.path(), e.metadata().unwrap().modified().unwrap()))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn the_second_opening_takes_every_statement_from_the_cache_and_no_cache_keeps_none() {
    let cache = common::scratch_dir("library-cache");
    let env = [("XDG_CACHE_HOME", cache.to_str().unwrap())];
    let open = |extra: &[&str]| {
        let folder = folder();
        let mut args = vec![folder.as_str()];
        args.extend(extra);
        let mut s = Session::spawn_with(&args, 120, 40, &env, None);
        s.wait_for_text("Statements · 5 · newest first");
        s.wait_for_text("2021-03-12");
        s.wait_for_text("Notes on a Meeting of Chile and Kenya");
        s.send("q");
        assert!(s.wait_exit().success());
    };
    open(&["--no-cache"]);
    assert!(entries(&cache).is_empty(), "--no-cache keeps nothing");
    open(&[]);
    let first = entries(&cache);
    assert_eq!(first.len(), 5, "one entry per statement");
    std::thread::sleep(std::time::Duration::from_millis(20));
    open(&[]);
    assert_eq!(entries(&cache), first, "taken back, not written again");
    // A corrupt entry is read and analysed again, and replaced.
    std::fs::write(&first[0].0, b"not an entry").unwrap();
    open(&[]);
    let again = entries(&cache);
    assert_eq!(again.len(), 5);
    assert!(std::fs::read(&again[0].0).unwrap().len() > 100);
    let _ = std::fs::remove_dir_all(cache);
}

#[test]
fn a_broken_file_in_the_folder_is_a_row_with_its_reason_and_the_rest_open() {
    let dir = common::scratch_dir("library-broken");
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(format!("{}/norway-chile", folder())).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(dir.join("scan.txt"), b"\x00\x01\x02 not text \x00").unwrap();
    let mut s = Session::spawn(&[dir.to_str().unwrap()], 120, 40);
    s.wait_for_text("Statements · 4 · newest first");
    s.wait_for_text("⚠ scan.txt · looks binary");
    s.wait_for_text("Norway–Chile Trade Declaration");
    // Enter on it says why instead of opening.
    s.send("G\r");
    s.wait_for("the reason in the status line", |screen| {
        screen
            .rows(0, 120)
            .nth(39)
            .is_some_and(|row| row.contains("looks binary"))
    });
    s.send("g\r");
    s.wait_for_text("Esc library");
    s.send("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn piped_the_library_is_a_table() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_communique"))
        .arg(folder())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("date"), "{text}");
    assert_eq!(text.lines().count(), 6);
}
