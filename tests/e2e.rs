//! The real binary in a pseudo-terminal: what a user sees and does.

mod common;

use std::time::Duration;

use common::{Session, restored};

/// The text pane at 120 columns: right of the navigator, left of the commitments.
fn text_pane(screen: &vt100::Screen) -> String {
    screen.rows(24, 56).collect::<Vec<_>>().join("\n")
}

#[test]
fn start_filter_jump_resize_quit() {
    let mut s = Session::spawn(&[], 120, 40);
    s.wait_for_text("Commitments 15");
    assert!(
        s.screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    s.wait_for_text("Japan and NATO are reliable and natural partners");
    s.wait_for_text("Sections 6");

    // Filter: the panel narrows as we type.
    s.send("/korea");
    s.wait_for_text("Commitments 9/15");
    s.wait_for_text("/korea");
    assert!(s.contents().contains("7 sentences"));
    assert!(
        !s.contents().contains("REAFFIRM"),
        "the reaffirmation does not match 'korea'"
    );

    // Keep the filter, go to the panel, pick the last act and jump to its sentence.
    s.send("\r");
    s.settle(Duration::from_millis(100));
    s.send("3G");
    s.settle(Duration::from_millis(100));
    // The selected act's card spells it out below the list.
    s.wait_for_text("By   Japan and NATO");
    s.wait_for_text("Cue  “are committed to”");
    let before = text_pane(s.screen());
    s.send("\r");
    // The last listed act is the commitment to work closely together; its sentence
    // comes into view in the text pane (it was below the fold).
    assert!(!before.contains("respond to this threat"), "{before}");
    s.wait_for("the act's sentence in the text pane", |screen| {
        text_pane(screen).contains("respond to this threat")
    });

    // Narrower: the navigator folds away and the panes stack.
    s.resize(80, 30);
    s.wait_for("the medium layout", |screen| {
        !screen.contents().contains("Sections 6")
    });
    s.resize(50, 20);
    s.wait_for_text("Commitments");
    s.wait_for("tabs", |screen| {
        screen.contents().contains("Sections") && screen.contents().contains("Text")
    });

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(restored(s.screen()), "terminal restored:\n{}", s.contents());
}

#[test]
fn help_overlay_and_ctrl_c() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    s.send("?");
    s.wait_for_text("Keys");
    s.wait_for_text("next / previous section");
    s.send("\x1b");
    s.wait_for("help closed", |screen| {
        !screen.contents().contains("any other key closes")
    });
    s.send("\x03");
    assert!(s.wait_exit().success());
    assert!(restored(s.screen()));
}

#[test]
fn topics_view() {
    let mut s = Session::spawn(&[], 120, 40);
    s.wait_for_text("Commitments 15");
    s.send("T");
    s.wait_for_text("Topics");
    s.wait_for_text("North Korea");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn sigterm_and_sigint_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("INT", 130)] {
        let mut s = Session::spawn(&[], 100, 30);
        s.wait_for_text("Commitments 15");
        assert!(s.screen().alternate_screen());
        s.signal(signal);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), code, "SIG{signal}");
        assert!(
            restored(s.screen()),
            "SIG{signal} left the terminal restored:\n{}",
            s.contents()
        );
    }
}

#[test]
fn a_closed_terminal_ends_the_reader() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    s.hang_up();
    assert!(
        s.wait_exit_quietly().is_some(),
        "the reader outlived its terminal"
    );
}

#[test]
fn idle_means_idle() {
    let mut s = Session::spawn(&[], 100, 30);
    s.wait_for_text("Commitments 15");
    s.settle(Duration::from_millis(200));
    let before = s.cpu_ticks();
    std::thread::sleep(Duration::from_secs(2));
    let used = s.cpu_ticks() - before;
    // Two seconds of waiting for input cost well under a tenth of a second of CPU.
    assert!(used <= 10, "idle reader used {used} ticks of CPU in 2 s");
    s.send("q");
    s.wait_exit();
}
