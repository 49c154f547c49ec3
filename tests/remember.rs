//! Reading memory through the real binary in a pseudo-terminal: a statement reopens
//! where the last session left it, at another width, with its marks; `--no-remember`
//! neither reads nor writes; a corrupt state file is a warning and is replaced; a
//! state directory that cannot be written is a warning, not a failure.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Session, restored, scratch_dir};

/// A statement of our own: eight parts of five numbered paragraphs.
fn statement() -> String {
    let mut text = String::from("Communiqué of the Harbour Ministers\n\nLisbon, 2 March 2032\n\n");
    let parts = [
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight",
    ];
    for (k, part) in parts.iter().enumerate() {
        text.push_str(&format!("Part {part}\n\n"));
        for p in 1..=5 {
            let n = k * 5 + p;
            text.push_str(&format!(
                "{n}. The ministers reviewed harbour item {n} and agreed to keep the \
                 channels open to every vessel in distress.\n\n"
            ));
        }
    }
    text
}

struct Setup {
    dir: PathBuf,
    file: PathBuf,
    state: PathBuf,
}

impl Setup {
    fn new(what: &str) -> Setup {
        let dir = scratch_dir(what);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("harbour.txt");
        std::fs::write(&file, statement()).unwrap();
        let state = dir.join("state");
        Setup { dir, file, state }
    }

    fn positions(&self) -> PathBuf {
        self.state.join("communique").join("positions.jsonl")
    }

    fn open(&self, extra: &[&str], cols: u16, rows: u16) -> Session {
        let mut args: Vec<&str> = extra.to_vec();
        args.push(self.file.to_str().unwrap());
        let state = self.state.to_str().unwrap().to_string();
        Session::spawn_with(&args, cols, rows, &[("XDG_STATE_HOME", &state)], None)
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The first "Part …" heading on the screen, top to bottom (with no navigator shown,
/// the one at the top of the text).
fn first_part(screen: &str) -> Option<String> {
    let at = screen.find("Part ")?;
    let word = screen[at + 5..].split_whitespace().next()?;
    Some(format!("Part {word}"))
}

/// Jumps `count` parts forward one key at a time, waiting for each jump to show, so
/// the part read back is the one the reader is at (a loaded machine may draw a frame
/// between two keys of one burst) — and returns it.
fn jump_parts(s: &mut Session, count: usize) -> String {
    let mut at = first_part(&s.contents()).expect("a part heading in view");
    for _ in 0..count {
        s.send("]");
        let before = at.clone();
        s.wait_for("the next part", |screen| {
            first_part(&screen.contents()).is_some_and(|p| p != before)
        });
        at = first_part(&s.contents()).unwrap();
    }
    at
}

fn quit(s: &mut Session) {
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}\n{}", s.contents());
    assert!(restored(s.screen()));
}

/// The state file's lines, each parsed: the header, then one per statement.
fn json_lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .expect("the state file")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn a_statement_reopens_where_it_was_left_with_its_marks() {
    let setup = Setup::new("reopen");
    let mut first = setup.open(&[], 80, 24);
    first.wait_for_text("Harbour Ministers");
    let marked = jump_parts(&mut first, 3);
    assert_ne!(marked, "Part One", "the jumps moved:\n{}", first.contents());
    first.send("ma");
    first.wait_for_text("mark a set");
    let left = jump_parts(&mut first, 2);
    quit(&mut first);

    let state = json_lines(&setup.positions());
    assert_eq!(state[0]["version"], 1);
    assert_eq!(state.len(), 2, "{state:?}");
    let entry = &state[1];
    assert_eq!(
        entry["key"].as_str().unwrap().len(),
        16,
        "a hash of the text"
    );
    assert!(entry["marks"]["a"]["heading"] == true, "{entry}");
    assert!(entry["place"]["heading"] == true, "{entry}");

    // Another width: the part the reader left is at the top, and 'a goes to the mark.
    let mut second = setup.open(&[], 70, 20);
    second.wait_for("the part left at the top", |screen| {
        first_part(&screen.contents()).as_deref() == Some(left.as_str())
    });
    second.send("'a");
    second.wait_for("the marked part at the top", |screen| {
        first_part(&screen.contents()).as_deref() == Some(marked.as_str())
    });
    second.send("''");
    second.wait_for("back where the jump left", |screen| {
        first_part(&screen.contents()).as_deref() == Some(left.as_str())
    });
    quit(&mut second);

    // --no-remember neither goes there nor keeps anything.
    let before = std::fs::read(setup.positions()).unwrap();
    let mut third = setup.open(&["--no-remember"], 70, 20);
    third.wait_for("the top", |screen| {
        first_part(&screen.contents()).as_deref() == Some("Part One")
    });
    third.send("jjjjjjjjjj");
    third.settle(Duration::from_millis(100));
    quit(&mut third);
    assert_eq!(std::fs::read(setup.positions()).unwrap(), before);
}

#[test]
fn a_corrupt_state_file_is_a_warning_and_is_replaced() {
    let setup = Setup::new("corrupt");
    std::fs::create_dir_all(setup.positions().parent().unwrap()).unwrap();
    std::fs::write(setup.positions(), "{\"version\": 1}\n{\"key\": [oops\n").unwrap();
    let mut s = setup.open(&[], 100, 30);
    s.wait_for_text("reading positions start afresh");
    s.wait_for_text("Harbour Ministers");
    s.send("G");
    s.wait_for_text("40. The ministers");
    quit(&mut s);
    assert!(
        s.contents().contains("warning: not a state file"),
        "the warning stays on the main screen:\n{}",
        s.contents()
    );
    let state = json_lines(&setup.positions());
    assert_eq!(state.len(), 2, "the header and this statement: {state:?}");
}

#[test]
fn a_state_directory_that_cannot_be_written_is_a_warning() {
    let setup = Setup::new("unwritable");
    // A file where the directory should be: nothing can be created under it.
    std::fs::write(&setup.state, "not a directory").unwrap();
    let mut s = setup.open(&[], 100, 30);
    s.wait_for_text("Harbour Ministers");
    s.send("G");
    s.wait_for_text("40. The ministers");
    quit(&mut s);
    assert!(
        s.contents()
            .contains("warning: the reading position was not kept"),
        "{}",
        s.contents()
    );
}
