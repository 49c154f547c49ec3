//! Terminal faults and output paths (issue 16): what happens when the terminal goes
//! away, is stopped from outside, claims an absurd size, when arguments carry escapes,
//! and when standard output is a closed pipe, closed, or full.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Session, restored};

const BIN: &str = env!("CARGO_BIN_EXE_communique");

/// A statement big enough that an export outgrows a pipe's buffer.
fn big_file(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("communique-faults-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    let mut text = String::from("Joint statement\n\n");
    for i in 0..3000 {
        text.push_str(&format!(
            "{i}. We urge the parties to release the crews held in port {i}.\n\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| !stat[stat.rfind(')').unwrap() + 2..].starts_with('Z'))
}

#[test]
fn escapes_in_arguments_never_reach_the_terminal_raw() {
    for (args, code) in [
        // clap's usage errors quote the argument.
        (vec!["--extra\u{1b}]0;pwned\u{7}\u{1b}[2J"], 2),
        (vec!["--width", "\u{1b}]52;c;ZXZpbA==\u{7}"], 2),
        // Two files are a library: each missing one is named in our own message.
        (
            vec!["statement.txt", "extra\u{1b}]0;pwned\u{7}\u{1b}[2J"],
            1,
        ),
    ] {
        let mut s = Session::spawn(&args, 100, 30);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), code, "{args:?}");
        assert!(
            !s.raw.windows(2).any(|w| w == b"\x1b]"),
            "an OSC reached the terminal"
        );
        assert!(
            !s.raw.windows(4).any(|w| w == b"\x1b[2J"),
            "a CSI reached the terminal"
        );
        let shown = s.contents();
        assert!(
            shown.contains("error:") || shown.contains("communique: extra"),
            "{shown}"
        );
    }
}

#[test]
fn an_orphaned_reader_exits_when_its_terminal_closes() {
    let dir = std::env::temp_dir().join(format!("communique-orphan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pid_file = dir.join("pid");
    let line = format!(
        "\"$COMMUNIQUE_BIN\" & echo $! > '{}'; wait",
        pid_file.display()
    );
    let mut s = Session::spawn_with(&[], 100, 30, &[], Some(&line));
    s.wait_for_text("Commitments 15");
    let reader: u32 = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // The shell dies without a word, then the terminal window is closed.
    s.signal("KILL");
    s.hang_up();
    let deadline = Instant::now() + Duration::from_secs(5);
    while alive(reader) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!alive(reader), "the reader outlived its terminal");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_hang_up_ends_the_reader_by_sighup_without_a_panic() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    s.hang_up();
    let status = s.wait_exit_quietly().expect("the reader exits");
    assert_eq!(status.signal(), Some("Hangup"), "{status:?}");
}

#[test]
fn sigtstp_from_outside_restores_the_terminal_and_cont_takes_it_back() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    for _ in 0..3 {
        s.signal("TSTP");
        s.wait_for("the shell's screen back", |screen| {
            !screen.alternate_screen()
        });
        s.wait_until_stopped();
        s.signal("CONT");
        s.wait_for("the reader's screen again", |screen| {
            screen.alternate_screen() && screen.contents().contains("Commitments 15")
        });
    }
    // Still in raw mode: one key quits, no Enter needed.
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(restored(s.screen()));
}

#[test]
fn an_absurd_window_size_is_drawn_in_a_corner() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    s.resize_pty_only(65535, 65535);
    std::thread::sleep(Duration::from_millis(500));
    s.resize(100, 30);
    s.wait_for_text("Commitments 15");
    // The huge frame may still be drawing under load: type once the screen is quiet.
    s.settle(Duration::from_millis(300));
    s.send("q");
    assert!(s.wait_exit().success(), "the reader survived 65535x65535");
}

#[test]
fn a_closed_pipe_ends_every_export_quietly() {
    let path = big_file("pipe");
    for format in ["json", "csv", "markdown"] {
        let mut child = Command::new(BIN)
            .args(["--export", format, path.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut child = Command::new(BIN)
        .args(["--plain", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert!(child.wait_with_output().unwrap().status.success());
}

#[test]
fn a_closed_or_full_standard_output_is_an_error() {
    for (redirect, reason) in [
        (">&-", "closed"),
        ("> /dev/full", "no space left on device"),
    ] {
        for format in ["--export json", "--export csv", "--plain"] {
            let out = Command::new("sh")
                .arg("-c")
                .arg(format!("exec \"$BIN\" {format} {redirect}"))
                .env("BIN", BIN)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{format} {redirect}: {err}");
            assert_eq!(err.trim(), format!("communique: standard output: {reason}"));
            assert!(!err.contains("os error"));
        }
    }
    // /dev/null opened by the shell is a place to write, not an error.
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$BIN\" --export json > /dev/null")
        .env("BIN", BIN)
        .output()
        .unwrap();
    assert!(out.status.success());
}
