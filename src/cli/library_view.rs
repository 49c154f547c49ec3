//! `communique DIR` in a terminal: the library view, with the reader and the compare
//! view it opens.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::input::{parse, read_input};
use super::reader::{appearance, die_by};
use super::{Args, Failure, lexicons, load_user_cues};
use crate::analysis::{self, Lexicons};
use crate::app::compare::{CompareView, Compared};
use crate::app::library::{LibraryView, OpenRequest};
use crate::app::{self, Action, App, Appearance};
use crate::compare::{self, Side};
use crate::document::{self, Statement, safe};
use crate::library::cache::Cache;
use crate::library::{self, search::Loaded};
use crate::terminal::{self, Ending, LibraryOpener, LibrarySource};
use xxhash_rust::xxh3::xxh3_64;

/// The folders and files named, read the command line's way, through the cache.
struct Folders {
    roots: Vec<PathBuf>,
    force: bool,
    lexicons: Cow<'static, Lexicons>,
    cache: Option<Cache>,
}

impl LibrarySource for Folders {
    fn discover(&self) -> Vec<(PathBuf, String)> {
        labelled(&self.roots, library::discover(&self.roots))
    }

    fn open(&self, path: &Path) -> library::Opened {
        if let Some(kept) = self.cache.as_ref().and_then(|c| c.load(path)) {
            return Ok(kept);
        }
        // A warning (a guessed encoding) has nowhere to go in the alternate screen;
        // the statement opens as it would on its own.
        let mut input = read_input(Some(path), self.force).map_err(|f| f.reason)?;
        let statement: Statement = parse(&mut input);
        let analysis = analysis::analyse(&statement, &self.lexicons);
        if let Some(cache) = &self.cache {
            cache.store(path, &statement, &analysis);
        }
        Ok((statement, analysis))
    }
}

/// Each file with the label the table shows: its path inside the folder it was found
/// in, or as it was named.
fn labelled(roots: &[PathBuf], files: Vec<PathBuf>) -> Vec<(PathBuf, String)> {
    files
        .into_iter()
        .map(|path| {
            let inside = roots
                .iter()
                .filter(|r| r.is_dir())
                .find_map(|r| path.strip_prefix(r).ok())
                .unwrap_or(&path);
            let label = safe::visible(&inside.display().to_string()).into_owned();
            (path, label)
        })
        .collect()
}

/// Opens readers and compare views drawn as the command line asks.
struct Views {
    appearance: Appearance,
}

impl LibraryOpener for Views {
    fn reader(&mut self, request: &OpenRequest, width: u16, height: u16) -> App {
        let loaded = &request.loaded;
        let mut app = App::new(
            Arc::clone(&loaded.statement),
            Arc::clone(&loaded.analysis),
            width,
            height,
        );
        app.appearance = self.appearance;
        app.from_library = Some(request.query.clone());
        if !request.query.trim().is_empty() {
            app.filter_by(&request.query);
        }
        if let Some(act) = request.act {
            app::update(&mut app, Action::ShowAct(act));
        }
        app
    }

    fn compare(&mut self, old: &Loaded, new: &Loaded, width: u16, height: u16) -> CompareView {
        let compared = Compared {
            old: Arc::clone(&old.statement),
            old_analysis: Arc::clone(&old.analysis),
            new: Arc::clone(&new.statement),
            new_analysis: Arc::clone(&new.analysis),
        };
        let comparison = compare::compare(
            Side {
                statement: &old.statement,
                analysis: &old.analysis,
            },
            Side {
                statement: &new.statement,
                analysis: &new.analysis,
            },
        );
        let mut view = CompareView::new(compared, comparison, width, height);
        view.appearance = self.appearance;
        view
    }
}

/// Runs the library view on `files` (found in `args.files`).
pub(super) fn run(args: &Args, files: Vec<PathBuf>) -> Result<(), Failure> {
    // The user's cues change the analysis: their bytes are part of the cache's key.
    let cues = match args.cues.as_deref() {
        Some(path) => std::fs::read(path).map_or(1, |bytes| xxh3_64(&bytes)),
        None => 0,
    };
    let source = Folders {
        roots: args.files.clone(),
        force: args.force,
        lexicons: lexicons(load_user_cues(args.cues.as_deref())?),
        cache: (!args.no_cache).then(|| Cache::open(cues)).flatten(),
    };
    let (width, height) = terminal::size();
    let mut view = LibraryView::new(labelled(&source.roots, files), width, height);
    view.appearance = appearance(args);
    if let Some(query) = &args.query {
        view.set_query(query);
    }
    terminal::capture_mouse(!args.no_mouse);
    let mut views = Views {
        appearance: view.appearance,
    };
    match terminal::run_library(&mut view, Arc::new(source), &mut views) {
        Ok(Ending::Quit) => Ok(()),
        Ok(Ending::Signal(sig)) => die_by(sig),
        Err(e) => Err(Failure::new("terminal", document::source::io_reason(&e))),
    }
}
