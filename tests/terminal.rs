//! The reader against a real pseudo-terminal: what reaches the terminal, and that the
//! terminal is always given back — after a panic, SIGTERM, SIGHUP and SIGINT, Ctrl-Z
//! and fg, a storm of resizes, input from a pipe, and TERM=dumb.

mod common;

use std::time::Duration;

use common::{Session, restored};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/hostile/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Byte sequences a document tried to smuggle to the terminal.
const SMUGGLED: &[&[u8]] = &[
    b"\x1b]52",
    b"\x1b]0;",
    b"\x1b]8;",
    b"\x1bP",
    b"\x07",
    b"\x08",
    b"\x7f",
    "\u{9b}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{2066}".as_bytes(),
];

#[test]
fn no_escape_sequence_from_a_document_reaches_the_terminal() {
    for name in ["escapes.txt", "bidi.txt"] {
        let path = fixture(name);
        let mut s = Session::spawn(&[&path], 100, 30);
        s.wait_for_text("Commitments");
        for keys in ["/e", "\r", "n", "}", "T", "?"] {
            s.send(keys);
            s.settle(Duration::from_millis(50));
        }
        // Esc and q apart: sent together they read as Alt-q.
        s.send("\x1b");
        s.settle(Duration::from_millis(100));
        s.send("q");
        assert!(s.wait_exit().success());
        for seq in SMUGGLED {
            assert!(
                !s.raw.windows(seq.len()).any(|w| w == *seq),
                "{name}: {seq:?} reached the terminal"
            );
        }
        assert!(s.raw.windows(3).any(|w| w == "␛".as_bytes()) || name != "escapes.txt");
    }
}

#[test]
fn a_statement_from_a_pipe_with_keys_from_the_terminal() {
    let file = format!(
        "{}/assets/japan-nato-joint-press-statement-2017.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let line = format!("cat '{file}' | \"$COMMUNIQUE_BIN\" -; echo exit=$?");
    let mut s = Session::spawn_with(&[], 100, 30, &[], Some(&line));
    s.wait_for_text("Commitments 15");
    s.send("/korea");
    s.wait_for_text("Commitments 7/15");
    s.send("\rq");
    s.wait_for_text("exit=0");
    assert!(restored(s.screen()));
}

#[test]
fn a_storm_of_resizes_ends_on_a_clean_frame() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    let mut seed: u32 = 7;
    for _ in 0..200 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let cols = 1 + (seed >> 16) as u16 % 160;
        let rows = 1 + (seed >> 8) as u16 % 50;
        s.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(4));
    }
    s.resize(90, 28);
    s.settle(Duration::from_millis(300));
    let after_storm = s.contents();
    // A fresh reader at the same size draws the same screen.
    let mut fresh = Session::spawn(&[], 90, 28);
    fresh.wait_for_text("Commitments 15");
    fresh.settle(Duration::from_millis(300));
    assert_eq!(after_storm, fresh.contents());
    for session in [&mut s, &mut fresh] {
        session.send("q");
        assert!(session.wait_exit().success());
    }
}

/// Runs the reader under `sh`, then prints the terminal's modes, to see that raw mode
/// was switched off (`icanon` and `echo` back on).
fn reader_then_stty(extra: &[(&str, &str)]) -> Session {
    let line = "\"$COMMUNIQUE_BIN\"; echo exit=$?; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo modes-done";
    Session::spawn_with(&[], 100, 30, extra, Some(line))
}

fn assert_cooked(s: &Session) {
    let screen = s.contents();
    assert!(screen.contains("icanon echo"), "raw mode is off:\n{screen}");
    assert!(restored(s.screen()), "screen restored:\n{screen}");
}

#[test]
fn signals_restore_the_terminal_and_its_modes() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let mut s = reader_then_stty(&[]);
        s.wait_for_text("Commitments 15");
        let pid = reader_pid(&s);
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .unwrap();
        assert!(status.success());
        s.wait_for_text("modes-done");
        assert!(
            s.contents().contains(&format!("exit={code}")),
            "SIG{signal}:\n{}",
            s.contents()
        );
        assert_cooked(&s);
    }
}

#[test]
fn a_panic_restores_the_terminal_and_says_why() {
    let mut s = reader_then_stty(&[("COMMUNIQUE_PANIC_FOR_TESTS", "1")]);
    s.wait_for_text("modes-done");
    let screen = s.contents();
    assert!(screen.contains("exit=101"), "{screen}");
    assert!(
        screen.contains("panic requested by COMMUNIQUE_PANIC_FOR_TESTS"),
        "the message is on the main screen:\n{screen}"
    );
    assert_cooked(&s);
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let mut s = Session::spawn_with(
        &[],
        100,
        30,
        &[("PS1", "prompt$ ")],
        Some("exec bash --norc --noprofile -i"),
    );
    s.wait_for_text("prompt$");
    s.send("\"$COMMUNIQUE_BIN\"\r");
    s.wait_for_text("Commitments 15");
    s.send("\x1a");
    s.wait_for("the shell back", |screen| {
        !screen.alternate_screen() && screen.contents().contains("Stopped")
    });
    assert!(restored(s.screen()));
    s.send("fg\r");
    s.wait_for("the reader redrawn", |screen| {
        screen.alternate_screen()
            && screen.contents().contains("Commitments 15")
            && screen.contents().contains("Sections 6")
    });
    s.send("q");
    // The shell's prompt after the reader's own line: the reader has ended.
    s.wait_for("the prompt", |screen| {
        !screen.alternate_screen() && screen.contents().trim_end().ends_with("prompt$")
    });
    s.send("exit\r");
    s.wait_exit();
}

#[test]
fn a_dumb_terminal_gets_plain_text_without_escape_codes() {
    let mut s = Session::spawn_with(&[], 100, 30, &[("TERM", "dumb")], None);
    let status = s.wait_exit();
    assert!(status.success());
    assert!(
        !s.raw.contains(&0x1b),
        "no escape code at all for TERM=dumb"
    );
    assert!(String::from_utf8_lossy(&s.raw).contains("Japan and NATO are reliable"));
}

#[test]
fn a_decoding_warning_shows_in_the_status_line() {
    let path = fixture("latin1.txt");
    let mut s = Session::spawn(&[&path], 120, 30);
    s.wait_for_text("decoded as windows-1252");
    s.send("q");
    assert!(s.wait_exit().success());
}

/// The reader's pid under `sh -c`: the shell's only child.
fn reader_pid(s: &Session) -> u32 {
    let children =
        std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", s.pid())).unwrap();
    children
        .split_whitespace()
        .next()
        .expect("the reader runs")
        .parse()
        .unwrap()
}
