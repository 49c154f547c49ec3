//! The event loop: the only code that touches the terminal.
//!
//! It enters raw mode, the alternate screen and mouse capture, and promises to leave
//! them on every path: a normal quit, an error, a panic (panic hook), SIGTERM, SIGHUP
//! and SIGINT (signal flags checked by the loop), a terminal that hangs up (its device
//! polled), and Ctrl-Z or SIGTSTP from outside, which restore the screen, stop the
//! process and, on `fg`, take the screen back and redraw it in full. The ratatui
//! terminal is never dropped (its Drop can panic on a dead terminal) and draws at most
//! 1000x1000 cells, whatever size the window claims.
//! Nothing is drawn when nothing happens: the loop sleeps on a channel and only wakes
//! to check for signals.
//!
//! Input is read on a thread of its own. crossterm 0.29 loops forever inside `poll`
//! and `read` once the terminal reaches end of file (a closed pty reads 0 bytes, which
//! it retries), so a loop that polled in place would never see the SIGHUP that comes
//! with it, and would spin at full CPU; reading apart keeps the main loop free to quit.

use std::io::{self, Stdout, Write};
use std::mem::ManuallyDrop;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::layout::MAX_DRAWN;

mod compare;
mod library;
mod reader;

pub use compare::run_compare;
pub use library::{LibraryOpener, LibrarySource, run_library};
pub use reader::{AnalyseJob, Background, ReadJob, run};

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// Ended by a signal (its number).
    Signal(i32),
}

/// What the loops wait for: input, and what their workers deliver. One channel for
/// all views, so a reader opened from the library reads the same input; a message for
/// a view not in front is kept for it ([`Waiting`]).
enum Message {
    Input(io::Result<Event>),
    /// For the reader of the given number (a reader opened from the library is not
    /// the one before it).
    Reader(u64, reader::ReaderMessage),
    Library(library::LibraryMessage),
}

/// The terminal taken for the program's views, given back when dropped.
struct Session {
    terminal: Screen,
    signals: Signals,
    tty: Tty,
    sender: Sender<Message>,
    messages: Receiver<Message>,
    /// Library messages that came while another view was in front.
    kept: Vec<library::LibraryMessage>,
    _guard: Guard,
}

/// What waiting on the channel gave.
enum Waited {
    Message(Message),
    /// Nothing came in time (and the terminal is still there).
    Nothing,
    /// A signal or a hang-up ends the program.
    End(Ending),
    Suspended,
}

impl Session {
    /// Takes the terminal: signals watched, raw mode, the alternate screen, input read
    /// on a thread into `sender`'s channel.
    fn start(sender: Sender<Message>, messages: Receiver<Message>) -> io::Result<Session> {
        let signals = Signals::register()?;
        install_panic_hook();
        let mut out = io::stdout();
        enter(&mut out)?;
        let guard = Guard;
        let (width, height) = size();
        let terminal = new_terminal(width, height)?;
        let tty = Tty::open();
        spawn_reader(sender.clone(), Message::Input);
        Ok(Session {
            terminal,
            signals,
            tty,
            sender,
            messages,
            kept: Vec::new(),
            _guard: guard,
        })
    }

    /// The next message, waiting `wait` at most; signals, a hang-up and Ctrl-Z from
    /// outside are answered first.
    fn wait(&mut self, wait: Duration) -> io::Result<Waited> {
        if let Some(sig) = self.signals.received() {
            return Ok(Waited::End(Ending::Signal(sig)));
        }
        if self.signals.stopped() {
            suspend(&mut self.terminal)?;
            return Ok(Waited::Suspended);
        }
        match self.messages.recv_timeout(wait) {
            Ok(message) => Ok(Waited::Message(message)),
            Err(RecvTimeoutError::Timeout) if self.tty.hung_up() => {
                Ok(Waited::End(Ending::Signal(signal_hook::consts::SIGHUP)))
            }
            Err(RecvTimeoutError::Timeout) => Ok(Waited::Nothing),
            Err(RecvTimeoutError::Disconnected) => {
                Err(io::Error::other("the terminal's input closed"))
            }
        }
    }

    /// A message already waiting, without waiting.
    fn pending(&self) -> Option<Message> {
        self.messages.try_recv().ok()
    }

    /// How a view's serving ended (see [`ended`]).
    fn ended(&self, served: io::Result<Ending>) -> io::Result<Ending> {
        ended(served, &self.signals, &self.tty)
    }
}

/// A channel for the loops' messages.
fn channel() -> (Sender<Message>, Receiver<Message>) {
    mpsc::channel()
}

/// Whether the terminal is currently in the reader's modes, so restoring twice (from
/// the guard, the panic hook and a signal) is harmless.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// How long the loop sleeps between checks for signals when no input arrives.
const SIGNAL_CHECK: Duration = Duration::from_millis(250);
/// Events handled before a redraw at most, so a resize storm draws once at the end.
const EVENTS_PER_FRAME: usize = 512;

/// Whether the reader takes the mouse; off (`--no-mouse`), the terminal's own selection
/// works.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Sets whether the reader captures the mouse; before [`run`].
pub fn capture_mouse(on: bool) {
    MOUSE.store(on, Ordering::SeqCst);
}

fn enter(out: &mut Stdout) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts `text` on the clipboard through the terminal (OSC 52), as tmux, kitty,
/// WezTerm, iTerm2, foot and xterm (when allowed) take it; over SSH too. The text is
/// encoded, so nothing in it reaches the terminal as itself.
fn copy_to_clipboard(out: &mut impl Write, text: &str) -> io::Result<()> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}

/// Leaves raw mode, mouse capture and the alternate screen, and shows the cursor.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// The terminal's size, to lay the reader out once at the size it will be drawn at
/// (80x24 when it cannot be told).
pub fn size() -> (u16, u16) {
    crossterm::terminal::size().unwrap_or((80, 24))
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
        // A format extractor's panic is caught and reported as an error: the screen
        // stays as it is.
        if !crate::document::contained::quiet() {
            restore();
        }
        previous(info);
    }));
}

/// Reads terminal events on a thread of its own and sends them to the loop, each
/// wrapped as the loop's messages are; it ends on the first read error, after passing
/// it on.
fn spawn_reader<M: Send + 'static>(sender: Sender<M>, wrap: fn(io::Result<Event>) -> M) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(wrap(event)).is_err() || failed {
                return;
            }
        }
    });
}

/// How a loop's serving ended: a terminal that went away fails the write that noticed
/// it, which is a hang-up (exit 129), not an error.
fn ended(served: io::Result<Ending>, signals: &Signals, tty: &Tty) -> io::Result<Ending> {
    match served {
        Err(_) if signals.received().is_some() || tty.hung_up() => Ok(Ending::Signal(
            signals.received().unwrap_or(signal_hook::consts::SIGHUP),
        )),
        ending => ending,
    }
}

/// The ratatui terminal told the window's new size, drawn at most [`MAX_DRAWN`] square.
fn resize(terminal: &mut Screen, width: u16, height: u16) -> io::Result<()> {
    terminal.resize(Rect::new(0, 0, width.min(MAX_DRAWN), height.min(MAX_DRAWN)))
}

/// The signals the loops watch: SIGTERM, SIGHUP and SIGINT end them (by number in
/// `ending`), SIGTSTP from outside suspends like Ctrl-Z (`stop`).
struct Signals {
    ending: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        let ending = Arc::new(AtomicUsize::new(0));
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register_usize(sig, Arc::clone(&ending), sig as usize)?;
        }
        let stop = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&stop))?;
        Ok(Signals { ending, stop })
    }

    fn received(&self) -> Option<i32> {
        received(&self.ending)
    }

    fn stopped(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }
}

fn received(signal: &AtomicUsize) -> Option<i32> {
    match signal.load(Ordering::SeqCst) {
        0 => None,
        sig => i32::try_from(sig).ok(),
    }
}

/// Ctrl-L: clear the screen and draw everything again on the next frame, from a new
/// `Terminal` with empty buffers (see [`suspend`] for why not `Terminal::clear`).
fn redraw(terminal: &mut Screen) -> io::Result<()> {
    execute!(io::stdout(), Clear(ClearType::All))?;
    let (width, height) = size();
    *terminal = new_terminal(width, height)?;
    Ok(())
}

/// The ratatui terminal, never dropped: its Drop shows the cursor and, when that fails
/// on a terminal that is gone, prints with `eprintln!`, which panics on a dead stderr.
/// [`restore`] shows the cursor instead, ignoring failures.
type Screen = ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>;

/// A terminal drawing at most [`MAX_DRAWN`] columns and rows, at the top left.
fn new_terminal(width: u16, height: u16) -> io::Result<Screen> {
    let area = Rect::new(0, 0, width.min(MAX_DRAWN), height.min(MAX_DRAWN));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    Terminal::with_options(CrosstermBackend::new(io::stdout()), options).map(ManuallyDrop::new)
}

/// The terminal device, watched for a hang-up: once it is gone crossterm's reader loops
/// on end of file without telling anyone, so the loop asks the device itself.
struct Tty(Option<std::fs::File>);

impl Tty {
    fn open() -> Tty {
        Tty(std::fs::File::open("/dev/tty").ok())
    }

    /// Whether the terminal hung up (or the device is gone).
    fn hung_up(&self) -> bool {
        use std::os::fd::AsRawFd;
        let Some(file) = &self.0 else { return false };
        let mut fd = libc::pollfd {
            fd: file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one pollfd, owned here, and no waiting.
        let ready = unsafe { libc::poll(&mut fd, 1, 0) };
        ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}

/// Ctrl-Z: give the shell its screen back, stop, and take the screen again on `fg`.
///
/// The redraw after `fg` starts from a new `Terminal` (empty buffers: everything is
/// drawn) on a screen cleared here. `Terminal::clear` would ask the terminal where its
/// cursor is, and the answer can't be read while the input thread holds crossterm's
/// event reader.
fn suspend(terminal: &mut Screen) -> io::Result<()> {
    restore();
    // SIGSTOP, not SIGTSTP: SIGTSTP has our handler, which would only call us again.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    let mut out = io::stdout();
    enter(&mut out)?;
    execute!(out, Clear(ClearType::All))?;
    let (width, height) = size();
    *terminal = new_terminal(width, height)?;
    Ok(())
}
