//! The event loop: the only code that touches the terminal.
//!
//! It enters raw mode, the alternate screen and mouse capture, and promises to leave
//! them on every path: a normal quit, an error, a panic (panic hook), SIGTERM, SIGHUP
//! and SIGINT (signal flags checked by the loop), and Ctrl-Z, which restores the screen,
//! stops the process and, on `fg`, takes the screen back and redraws it in full.
//! Nothing is drawn when nothing happens: the loop sleeps on a channel and only wakes
//! to check for signals.
//!
//! Input is read on a thread of its own. crossterm 0.29 loops forever inside `poll`
//! and `read` once the terminal reaches end of file (a closed pty reads 0 bytes, which
//! it retries), so a loop that polled in place would never see the SIGHUP that comes
//! with it, and would spin at full CPU; reading apart keeps the main loop free to quit.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::analysis::Analysis;
use crate::app::{self, Action, App};
use crate::ui;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Ended by a signal (its number).
    Signal(i32),
}

/// Whether the terminal is currently in the reader's modes, so restoring twice (from
/// the guard, the panic hook and a signal) is harmless.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How long the loop sleeps between checks for signals when no input arrives.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);
/// Events handled before a redraw at most, so a resize storm draws once at the end.
const EVENTS_PER_FRAME: usize = 512;

fn enter(out: &mut Stdout) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide)
}

/// Leaves raw mode, mouse capture and the alternate screen, and shows the cursor.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped, whatever way the loop is left.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// What the loop waits for: input, or the analysis finishing.
enum Message {
    Input(io::Result<Event>),
    Analysed(Box<Analysis>),
}

/// The analysis, to run on a thread of its own while the reader shows the text.
pub type AnalysisJob = Box<dyn FnOnce() -> Analysis + Send>;

/// Runs the reader until it quits or is told to stop. With a job, the reader starts on
/// the text at once and takes the analysis when the job delivers it.
pub fn run(mut app: App, job: Option<AnalysisJob>) -> io::Result<Ending> {
    let (sender, messages) = mpsc::channel();
    if let Some(job) = job {
        let sender = sender.clone();
        // Started first, so the second core compiles the lexicons while this one sets
        // up the terminal and draws the text.
        std::thread::spawn(move || {
            let _ = sender.send(Message::Analysed(Box::new(job())));
        });
    }
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    install_panic_hook();
    let mut out = io::stdout();
    enter(&mut out)?;
    let _guard = Guard;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app::update(&mut app, Action::Resize(size.width, size.height));
    spawn_reader(sender);
    let mut dirty = true;
    // The panic path restores the terminal; the test that proves it needs a panic.
    let panic_for_tests = std::env::var_os("COMMUNIQUE_PANIC_FOR_TESTS").is_some();
    loop {
        if dirty {
            terminal.draw(|frame| ui::draw(&app, frame))?;
            dirty = false;
            if panic_for_tests {
                panic!("panic requested by COMMUNIQUE_PANIC_FOR_TESTS");
            }
        }
        if let Some(sig) = received(&signal) {
            return Ok(Ending::Signal(sig));
        }
        let first = match messages.recv_timeout(SIGNAL_CHECK) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the terminal's input closed"));
            }
        };
        // Take every pending message before drawing again.
        let mut next = Some(first);
        for _ in 0..EVENTS_PER_FRAME {
            let Some(message) = next.take() else { break };
            match message {
                Message::Analysed(analysis) => app.set_analysis(*analysis),
                Message::Input(event) => {
                    if let Some(action) = app::keys::action_for(&app, &event?) {
                        if action == Action::Suspend {
                            suspend(&mut terminal)?;
                        } else {
                            app::update(&mut app, action);
                        }
                    }
                }
            }
            dirty = true;
            if app.quit {
                return Ok(Ending::Quit);
            }
            next = messages.try_recv().ok();
        }
    }
}

/// Reads terminal events on a thread of its own and sends them to the loop; it ends
/// on the first read error, after passing it on.
fn spawn_reader(sender: Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(Message::Input(event)).is_err() || failed {
                return;
            }
        }
    });
}

fn received(signal: &AtomicUsize) -> Option<i32> {
    match signal.load(Ordering::SeqCst) {
        0 => None,
        sig => i32::try_from(sig).ok(),
    }
}

/// Ctrl-Z: give the shell its screen back, stop, and take the screen again on `fg`.
///
/// The redraw after `fg` starts from a new `Terminal` (empty buffers: everything is
/// drawn) on a screen cleared here. `Terminal::clear` would ask the terminal where its
/// cursor is, and the answer can't be read while the input thread holds crossterm's
/// event reader.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    let mut out = io::stdout();
    enter(&mut out)?;
    execute!(out, Clear(ClearType::All))?;
    *terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}
