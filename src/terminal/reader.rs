//! The reader's loop: the statement drawn at once, the rest of a long one read and
//! the analysis done on a second thread, big statements filtered on a third and laid
//! out again for a new width on a fourth.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::Duration;

use super::{
    EVENTS_PER_FRAME, Ending, Message, SIGNAL_CHECK, Session, Waited, channel, copy_to_clipboard,
    redraw, resize, size, suspend,
};
use crate::analysis::Analysis;
use crate::analysis::filter::{Filter, FilterResult};
use crate::app::textview::TextView;
use crate::app::{self, Action, App, FilterRequest, LayoutRequest};
use crate::document::Statement;
use crate::memory;
use crate::ui;

/// What the reader's workers deliver.
pub(super) enum ReaderMessage {
    /// The whole statement, its pending analysis and its view, when the reader opened
    /// on its beginning.
    Read(Box<(Arc<Statement>, Analysis, TextView)>),
    Analysed(Box<Analysis>),
    Filtered(u64, Arc<FilterResult>),
    /// The text laid out again for a new width, for the layout request numbered so.
    Laid(u64, Box<TextView>),
}

/// Statements with more sentences than this are filtered off the UI thread, so a
/// keystroke is echoed at once however long the search takes.
const BACKGROUND_FILTER_SENTENCES: usize = 5_000;

/// Statements with more paragraphs than this are laid out again for a new width off
/// the UI thread (about 10 ms of wrapping here), so a resize never holds keys up.
const BACKGROUND_LAYOUT_PARAGRAPHS: usize = 20_000;

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
    let (sender, messages) = channel();
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
    let mut session = Session::start(sender, messages)?;
    let served = serve(&mut session, app, 0, &progress);
    session.ended(served)
}

/// Serves `app` (the reader numbered `id`) in the session until it quits.
pub(super) fn serve(
    session: &mut Session,
    app: &mut App,
    id: u64,
    progress: &AtomicUsize,
) -> io::Result<Ending> {
    let (width, height) = size();
    resize(&mut session.terminal, width, height)?;
    app::update(app, Action::Resize(width, height));
    let mut searches: Option<Sender<FilterRequest>> = None;
    let mut layouts: Option<Sender<LayoutRequest>> = None;
    let mut dirty = true;
    // The panic path restores the terminal; the test that proves it needs a panic.
    let panic_for_tests = std::env::var_os("COMMUNIQUE_PANIC_FOR_TESTS").is_some();
    loop {
        if searches.is_none() && app.statement.sentence_count() > BACKGROUND_FILTER_SENTENCES {
            app.background_filter = true;
            searches = Some(spawn_filter(session.sender.clone(), id));
        }
        if let (Some(searches), Some(request)) = (&searches, app.take_filter_request()) {
            let _ = searches.send(request);
        }
        if layouts.is_none() && app.statement.paragraphs.len() > BACKGROUND_LAYOUT_PARAGRAPHS {
            app.lay_out_in_background();
            layouts = Some(spawn_layout(session.sender.clone(), id));
        }
        if let (Some(layouts), Some(request)) = (&layouts, app.take_layout_request()) {
            let _ = layouts.send(request);
        }
        if dirty {
            session.terminal.draw(|frame| ui::draw(app, frame))?;
            dirty = false;
            if panic_for_tests {
                panic!("panic requested by COMMUNIQUE_PANIC_FOR_TESTS");
            }
        }
        let wait = if app.analysing {
            PROGRESS_TICK
        } else {
            SIGNAL_CHECK
        };
        let first = match session.wait(wait)? {
            Waited::Message(message) => message,
            Waited::End(ending) => return Ok(ending),
            Waited::Suspended => {
                dirty = true;
                continue;
            }
            Waited::Nothing => {
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
        };
        // Take every pending message before drawing again.
        let mut next = Some(first);
        for _ in 0..EVENTS_PER_FRAME {
            let Some(message) = next.take() else { break };
            match message {
                Message::Reader(to, message) if to == id => take(app, message),
                // A message for a reader closed since.
                Message::Reader(..) => {}
                Message::Library(message) => session.kept.push(message),
                Message::Input(event) => {
                    if let Some(action) = app::keys::action_for(app, &event?) {
                        if let Action::Resize(width, height) = action {
                            resize(&mut session.terminal, width, height)?;
                        }
                        if action == Action::Suspend {
                            suspend(&mut session.terminal)?;
                        } else if action == Action::Redraw {
                            redraw(&mut session.terminal)?;
                        } else {
                            app::update(app, action);
                            if let Some(text) = app.clipboard.take() {
                                copy_to_clipboard(session.terminal.backend_mut(), &text)?;
                            }
                        }
                    }
                }
            }
            dirty = true;
            if app.quit {
                return Ok(Ending::Quit);
            }
            next = session.pending();
        }
    }
}

/// A worker's delivery put in place.
fn take(app: &mut App, message: ReaderMessage) {
    match message {
        ReaderMessage::Read(read) => {
            let (statement, analysis, view) = *read;
            app.set_statement(statement, analysis, view);
            memory::give_back();
        }
        ReaderMessage::Analysed(analysis) => {
            app.set_analysis(*analysis);
            memory::give_back();
        }
        ReaderMessage::Filtered(generation, result) => {
            app::update(app, Action::Filtered { generation, result });
        }
        ReaderMessage::Laid(generation, view) => {
            app.take_view(generation, *view);
        }
    }
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
                if sender
                    .send(Message::Reader(0, ReaderMessage::Read(read)))
                    .is_err()
                {
                    return;
                }
                whole
            }
            None => statement,
        };
        let report = memory::giving_back(|done| progress.store(done, Ordering::Relaxed));
        let analysis = (background.analyse)(&statement, &report);
        let _ = sender.send(Message::Reader(
            0,
            ReaderMessage::Analysed(Box::new(analysis)),
        ));
    });
}

/// Runs searches on a thread of its own, the newest request first: the ones it
/// replaced are dropped unsearched. Its filter is kept while the analysis is the same,
/// so typing on searches only the last result.
fn spawn_filter(sender: Sender<Message>, id: u64) -> Sender<FilterRequest> {
    let (requests, inbox) = mpsc::channel::<FilterRequest>();
    std::thread::spawn(move || {
        let mut filter = Filter::default();
        let mut searched: Option<Arc<Analysis>> = None;
        while let Ok(request) = inbox.recv() {
            let request = newest(&inbox, request);
            if !searched
                .as_ref()
                .is_some_and(|a| Arc::ptr_eq(a, &request.analysis))
            {
                filter = Filter::default();
                searched = Some(Arc::clone(&request.analysis));
            }
            let result = filter.run(&request.query, &request.statement, &request.analysis);
            let filtered = ReaderMessage::Filtered(request.generation, result);
            if sender.send(Message::Reader(id, filtered)).is_err() {
                return;
            }
            // A search of a big statement frees as much as it keeps.
            memory::give_back();
        }
    });
    requests
}

/// Lays the text out for the newest width asked for, one layout at a time.
fn spawn_layout(sender: Sender<Message>, id: u64) -> Sender<LayoutRequest> {
    let (requests, inbox) = mpsc::channel::<LayoutRequest>();
    std::thread::spawn(move || {
        while let Ok(request) = inbox.recv() {
            let request = newest(&inbox, request);
            let view = TextView::new(&request.statement, &request.analysis, request.width);
            let laid = ReaderMessage::Laid(request.generation, Box::new(view));
            if sender.send(Message::Reader(id, laid)).is_err() {
                return;
            }
        }
    });
    requests
}

/// The newest of `request` and those waiting behind it in `inbox`: a worker skips the
/// requests a newer one has made stale.
fn newest<T>(inbox: &mpsc::Receiver<T>, request: T) -> T {
    inbox.try_iter().last().unwrap_or(request)
}
