//! The library's loop: the files read and analysed on all cores while the first screen
//! is up, searches run on a worker (the newest query wins, results stream in by
//! parts), and the reader or the compare view opened in the same terminal session and
//! left back to the library as it was.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};

use super::{
    EVENTS_PER_FRAME, Ending, Message, SIGNAL_CHECK, Session, Waited, channel, compare, reader,
    redraw, resize, size, suspend,
};
use crate::app::App;
use crate::app::compare::CompareView;
use crate::app::library::{LibraryAction, LibraryView, OpenRequest, SearchRequest, Searched, keys};
use crate::library::search::{Loaded, Searcher};
use crate::ui;

/// Statements searched between two looks for a newer query, and per part sent.
const SEARCH_PART: usize = 256;

/// Where the library's files come from: shared with the worker threads.
pub trait LibrarySource: Send + Sync {
    /// The files of the library, with their labels (found again on `R`).
    fn discover(&self) -> Vec<(PathBuf, String)>;
    /// Reads and analyses one file (with the command line's size cap and decoding), or
    /// takes it from the cache.
    fn open(&self, path: &Path) -> crate::library::Opened;
}

/// Opens the views the library leads to.
pub trait LibraryOpener {
    /// A reader on a statement of the library, where the request says.
    fn reader(&mut self, request: &OpenRequest, width: u16, height: u16) -> App;
    fn compare(&mut self, old: &Loaded, new: &Loaded, width: u16, height: u16) -> CompareView;
}

/// What the library's workers deliver.
pub(super) enum LibraryMessage {
    Landed {
        scan: u64,
        entry: usize,
        landed: Result<Arc<Loaded>, String>,
    },
    Searched(Searched),
}

/// A reading of every file, stopped when a rescan replaces it or the library closes.
struct Scan {
    number: u64,
    stop: Arc<AtomicBool>,
}

impl Scan {
    fn start(
        number: u64,
        files: Vec<PathBuf>,
        source: &Arc<dyn LibrarySource>,
        sender: Sender<Message>,
    ) -> Scan {
        let stop = Arc::new(AtomicBool::new(false));
        let (source, halt) = (Arc::clone(source), Arc::clone(&stop));
        std::thread::spawn(move || {
            let each = |entry: usize, opened: crate::library::Opened| {
                let landed = opened.map(|(statement, analysis)| {
                    Arc::new(Loaded::new(files[entry].clone(), statement, analysis))
                });
                let message = LibraryMessage::Landed {
                    scan: number,
                    entry,
                    landed,
                };
                if sender.send(Message::Library(message)).is_err() {
                    halt.store(true, Ordering::Relaxed);
                }
            };
            crate::library::open_each(&files, |path| source.open(path), each, &halt);
        });
        Scan { number, stop }
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Runs the library view until it quits or is told to stop.
pub fn run_library(
    view: &mut LibraryView,
    source: Arc<dyn LibrarySource>,
    opener: &mut dyn LibraryOpener,
) -> io::Result<Ending> {
    let (sender, messages) = channel();
    let files = view.entries.iter().map(|e| e.path.clone()).collect();
    // Started first: the cores read while the terminal is set up.
    let mut scan = Scan::start(0, files, &source, sender.clone());
    let searches = spawn_search(sender.clone());
    let mut session = Session::start(sender, messages)?;
    let served = serve(&mut session, view, &source, opener, &mut scan, &searches);
    scan.stop();
    session.ended(served)
}

fn serve(
    session: &mut Session,
    view: &mut LibraryView,
    source: &Arc<dyn LibrarySource>,
    opener: &mut dyn LibraryOpener,
    scan: &mut Scan,
    searches: &Sender<SearchRequest>,
) -> io::Result<Ending> {
    let (width, height) = size();
    resize(&mut session.terminal, width, height)?;
    view.update(LibraryAction::Resize(width, height));
    let mut dirty = true;
    let mut readers = 0;
    loop {
        for request in view.take_searches() {
            let _ = searches.send(request);
        }
        if std::mem::take(&mut view.rescan) {
            scan.stop();
            let files = source.discover();
            let paths = files.iter().map(|(p, _)| p.clone()).collect();
            view.reset(files);
            *scan = Scan::start(scan.number + 1, paths, source, session.sender.clone());
            for request in view.take_searches() {
                let _ = searches.send(request);
            }
            view.notice = Some("reading every file again".into());
            dirty = true;
        }
        if let Some(request) = view.open_request.take() {
            readers += 1;
            let (width, height) = size();
            let mut app = opener.reader(&request, width, height);
            match reader::serve(session, &mut app, readers, &AtomicUsize::new(0))? {
                Ending::Quit if app.went_back => {}
                ending => return Ok(ending),
            }
            back(session, view, scan.number)?;
            dirty = true;
        }
        if let Some((old, new)) = view.compare_request.take()
            && let (Some(old), Some(new)) = (view.loaded(old).cloned(), view.loaded(new).cloned())
        {
            let (width, height) = size();
            let mut compared = opener.compare(&old, &new, width, height);
            compared.from_library = true;
            match compare::serve(session, &mut compared)? {
                Ending::Quit if compared.went_back => {}
                ending => return Ok(ending),
            }
            back(session, view, scan.number)?;
            dirty = true;
        }
        if dirty {
            session
                .terminal
                .draw(|frame| ui::library::draw(view, frame))?;
            dirty = false;
        }
        let first = match session.wait(SIGNAL_CHECK)? {
            Waited::Message(message) => message,
            Waited::End(ending) => return Ok(ending),
            Waited::Suspended => {
                dirty = true;
                continue;
            }
            Waited::Nothing => continue,
        };
        // Everything waiting is taken before the next frame; what the workers sent is
        // applied at once, so the lists are derived once per frame however much came.
        let mut delivered = Vec::new();
        let mut next = Some(first);
        for _ in 0..EVENTS_PER_FRAME {
            let Some(message) = next.take() else { break };
            match message {
                Message::Library(message) => delivered.push(message),
                Message::Reader(..) => {}
                Message::Input(event) => {
                    if let Some(action) = keys::action_for(view, &event?) {
                        match action {
                            LibraryAction::Suspend => suspend(&mut session.terminal)?,
                            LibraryAction::Redraw => redraw(&mut session.terminal)?,
                            LibraryAction::Resize(w, h) => {
                                resize(&mut session.terminal, w, h)?;
                                view.update(action);
                            }
                            other => view.update(other),
                        }
                    }
                    if view.quit {
                        return Ok(Ending::Quit);
                    }
                    // A key that opens another view is served before more input.
                    if view.open_request.is_some() || view.compare_request.is_some() {
                        break;
                    }
                }
            }
            dirty = true;
            next = session.pending();
        }
        deliver(view, scan.number, delivered);
    }
}

/// Back in the library from another view: at the terminal's size now, with what the
/// workers sent meanwhile.
fn back(session: &mut Session, view: &mut LibraryView, scan: u64) -> io::Result<()> {
    let (width, height) = size();
    resize(&mut session.terminal, width, height)?;
    view.update(LibraryAction::Resize(width, height));
    let kept = std::mem::take(&mut session.kept);
    deliver(view, scan, kept);
    Ok(())
}

fn deliver(view: &mut LibraryView, current_scan: u64, messages: Vec<LibraryMessage>) {
    if messages.is_empty() {
        return;
    }
    let mut landed = Vec::new();
    let mut searched = Vec::new();
    for message in messages {
        match message {
            LibraryMessage::Landed {
                scan,
                entry,
                landed: result,
            } if scan == current_scan => landed.push((entry, result)),
            LibraryMessage::Landed { .. } => {}
            LibraryMessage::Searched(part) => searched.push(part),
        }
    }
    view.update(LibraryAction::Delivered { landed, searched });
}

/// Runs searches on a thread of its own: the newest query's first, the older ones
/// dropped, each searched a part at a time so that a newer query stops it early.
fn spawn_search(sender: Sender<Message>) -> Sender<SearchRequest> {
    let (requests, inbox) = mpsc::channel::<SearchRequest>();
    std::thread::spawn(move || {
        let mut searcher = Searcher::default();
        let mut queue: VecDeque<SearchRequest> = VecDeque::new();
        loop {
            if queue.is_empty() {
                match inbox.recv() {
                    Ok(request) => queue.push_back(request),
                    Err(_) => return,
                }
            }
            queue.extend(inbox.try_iter());
            let newest = queue.iter().map(|r| r.generation).max().unwrap_or(0);
            queue.retain(|r| r.generation == newest);
            let Some(request) = queue.pop_front() else {
                continue;
            };
            for start in (0..request.part.len()).step_by(SEARCH_PART) {
                queue.extend(inbox.try_iter());
                if queue.iter().any(|r| r.generation > request.generation) {
                    break;
                }
                let end = (start + SEARCH_PART).min(request.part.len());
                let first = request.first + start;
                let chosen = searcher.search(&request.query, first, &request.part[start..end]);
                let part = Searched {
                    generation: request.generation,
                    first,
                    chosen,
                    whole: request.whole,
                };
                if sender
                    .send(Message::Library(LibraryMessage::Searched(part)))
                    .is_err()
                {
                    return;
                }
            }
        }
    });
    requests
}
