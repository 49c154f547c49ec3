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
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
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

use crate::analysis::Analysis;
use crate::analysis::filter::{Filter, FilterResult};
use crate::app::layout::MAX_DRAWN;
use crate::app::textview::TextView;
use crate::app::{self, Action, App, FilterRequest};
use crate::document::Statement;
use crate::memory;
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
        restore();
        previous(info);
    }));
}

/// What the loop waits for: input, or the analysis finishing.
enum Message {
    Input(io::Result<Event>),
    /// The whole statement, its pending analysis and its view, when the reader opened
    /// on its beginning.
    Read(Box<(Arc<Statement>, Analysis, TextView)>),
    Analysed(Box<Analysis>),
    Filtered(u64, Arc<FilterResult>),
}

/// Statements with more sentences than this are filtered off the UI thread, so a
/// keystroke is echoed at once however long the search takes.
const BACKGROUND_FILTER_SENTENCES: usize = 5_000;

/// Reads the whole statement.
pub type ReadJob = Box<dyn FnOnce() -> Statement + Send>;
/// Analyses a statement, telling the function given how many paragraphs are done.
pub type AnalyseJob = Box<dyn FnOnce(&Statement, &dyn Fn(usize)) -> Analysis + Send>;

/// The work that fills the reader in after its first screen, on a thread of its own.
pub struct Background {
    /// Reads the whole statement, when the reader opened on its beginning.
    pub read: Option<ReadJob>,
    pub analyse: AnalyseJob,
}

/// How often the reader redraws the progress of a running analysis.
const PROGRESS_TICK: Duration = Duration::from_millis(100);

/// Runs the reader until it quits or is told to stop. With a job, the reader starts on
/// the text at once and takes the analysis when the job delivers it.
pub fn run(app: &mut App, background: Option<Background>) -> io::Result<Ending> {
    let (sender, messages) = mpsc::channel();
    let progress = Arc::new(AtomicUsize::new(0));
    if let Some(background) = background {
        // Started first, so the second core reads and analyses while this one sets up
        // the terminal and draws the first screen.
        spawn_background(
            background,
            Arc::clone(&app.statement),
            app.text_width(),
            Arc::clone(&progress),
            sender.clone(),
        );
    }
    let mut searches: Option<Sender<FilterRequest>> = None;
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    // `kill -TSTP` from outside is handled like Ctrl-Z: the terminal restored first.
    let stop = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&stop))?;
    install_panic_hook();
    let mut out = io::stdout();
    enter(&mut out)?;
    let _guard = Guard;
    let (width, height) = size();
    let mut terminal = new_terminal(width, height)?;
    app::update(app, Action::Resize(width, height));
    let tty = Tty::open();
    spawn_reader(sender.clone());
    let mut dirty = true;
    // The panic path restores the terminal; the test that proves it needs a panic.
    let panic_for_tests = std::env::var_os("COMMUNIQUE_PANIC_FOR_TESTS").is_some();
    let mut serve = || -> io::Result<Ending> {
        loop {
            if searches.is_none() && sentences(&app.statement) > BACKGROUND_FILTER_SENTENCES {
                app.background_filter = true;
                searches = Some(spawn_filter(sender.clone()));
            }
            if let (Some(searches), Some(request)) = (&searches, app.take_filter_request()) {
                let _ = searches.send(request);
            }
            if dirty {
                terminal.draw(|frame| ui::draw(app, frame))?;
                dirty = false;
                if panic_for_tests {
                    panic!("panic requested by COMMUNIQUE_PANIC_FOR_TESTS");
                }
            }
            if let Some(sig) = received(&signal) {
                return Ok(Ending::Signal(sig));
            }
            if stop.swap(false, Ordering::SeqCst) {
                suspend(&mut terminal)?;
                dirty = true;
                continue;
            }
            let wait = if app.analysing {
                PROGRESS_TICK
            } else {
                SIGNAL_CHECK
            };
            let first = match messages.recv_timeout(wait) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    if tty.hung_up() {
                        return Ok(Ending::Signal(signal_hook::consts::SIGHUP));
                    }
                    if app.analysing && !app.reading {
                        let done = progress.load(Ordering::Relaxed);
                        let total = app.statement.paragraphs.len();
                        if app.progress != Some((done, total)) {
                            app::update(app, Action::Progress { done, total });
                            dirty = true;
                        }
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal's input closed"));
                }
            };
            // Take every pending message before drawing again.
            let mut next = Some(first);
            for _ in 0..EVENTS_PER_FRAME {
                let Some(message) = next.take() else { break };
                match message {
                    Message::Read(read) => {
                        let (statement, analysis, view) = *read;
                        app.set_statement(statement, analysis, view);
                        memory::give_back();
                    }
                    Message::Analysed(analysis) => {
                        app.set_analysis(*analysis);
                        memory::give_back();
                    }
                    Message::Filtered(generation, result) => {
                        app::update(app, Action::Filtered { generation, result });
                    }
                    Message::Input(event) => {
                        if let Some(action) = app::keys::action_for(app, &event?) {
                            if let Action::Resize(width, height) = action {
                                let capped = (width.min(MAX_DRAWN), height.min(MAX_DRAWN));
                                terminal.resize(Rect::new(0, 0, capped.0, capped.1))?;
                            }
                            if action == Action::Suspend {
                                suspend(&mut terminal)?;
                            } else if action == Action::Redraw {
                                redraw(&mut terminal)?;
                            } else {
                                app::update(app, action);
                                if let Some(text) = app.clipboard.take() {
                                    copy_to_clipboard(terminal.backend_mut(), &text)?;
                                }
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
    };
    match serve() {
        // A terminal that went away fails the write that noticed it: that is a
        // hang-up (exit 129), not an error.
        Err(_) if received(&signal).is_some() || tty.hung_up() => Ok(Ending::Signal(
            received(&signal).unwrap_or(signal_hook::consts::SIGHUP),
        )),
        ending => ending,
    }
}

fn sentences(statement: &Statement) -> usize {
    statement
        .paragraphs
        .last()
        .map_or(0, |p| p.first_sentence + p.sentences.len())
}

/// Reads the whole statement if need be — laying it out there too, so the UI thread
/// only swaps it in — then analyses it, sending each result as it is ready.
fn spawn_background(
    background: Background,
    statement: Arc<Statement>,
    width: u16,
    progress: Arc<AtomicUsize>,
    sender: Sender<Message>,
) {
    std::thread::spawn(move || {
        let statement = match background.read {
            Some(read) => {
                let whole = Arc::new(read());
                memory::give_back();
                let pending = Analysis::pending(&whole);
                let view = TextView::new(&whole, &pending, width);
                let read = Box::new((Arc::clone(&whole), pending, view));
                if sender.send(Message::Read(read)).is_err() {
                    return;
                }
                whole
            }
            None => statement,
        };
        let report = memory::giving_back(|done| progress.store(done, Ordering::Relaxed));
        let analysis = (background.analyse)(&statement, &report);
        let _ = sender.send(Message::Analysed(Box::new(analysis)));
    });
}

/// Runs searches on a thread of its own, the newest request first: the ones it
/// replaced are dropped unsearched. Its filter is kept while the analysis is the same,
/// so typing on searches only the last result.
fn spawn_filter(sender: Sender<Message>) -> Sender<FilterRequest> {
    let (requests, inbox) = mpsc::channel::<FilterRequest>();
    std::thread::spawn(move || {
        let mut filter = Filter::default();
        let mut searched: Option<Arc<Analysis>> = None;
        while let Ok(mut request) = inbox.recv() {
            while let Ok(newer) = inbox.try_recv() {
                request = newer;
            }
            if !searched
                .as_ref()
                .is_some_and(|a| Arc::ptr_eq(a, &request.analysis))
            {
                filter = Filter::default();
                searched = Some(Arc::clone(&request.analysis));
            }
            let result = filter.run(&request.query, &request.statement, &request.analysis);
            if sender
                .send(Message::Filtered(request.generation, result))
                .is_err()
            {
                return;
            }
            // A search of a big statement frees as much as it keeps.
            memory::give_back();
        }
    });
    requests
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
