//! A library of statements: the files of folders and lists, read and analysed on all
//! cores, and the statements and acts a query chooses across them.
//!
//! Files are found recursively ([`discover`]); each is read, decoded and analysed by
//! the caller's function on rayon's pool, in chunks so that a library of any size is
//! never held whole: what is done with a statement (written out, summarised) happens
//! before the next chunk is read. A file that cannot be read is an entry with its
//! one-line reason, never a stop of the rest.

pub mod cache;
pub mod search;
pub mod terms;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::analysis::filter::{Filter, Query};
use crate::analysis::{Analysis, Lexicons};
use crate::document::Statement;
// The extensions of the files a folder contributes (a file named on the command line
// is read whatever its name).
use crate::document::formats::EXTENSIONS;
use terms::StatementTerms;

/// Statements read and analysed at once: enough to keep every core busy, few enough
/// that a chunk's analyses are small beside the library.
const CHUNK: usize = 64;

/// The files of `paths`: a file as it is, a folder's statement files found
/// recursively (hidden entries skipped, symbolic links to folders not followed, so a
/// loop cannot trap it), in order of path, each once.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found);
        } else {
            found.push(path.clone());
        }
    }
    found.sort();
    found.dedup();
    found
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // An unreadable folder is listed as the one entry it stands for.
        found.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, found);
        } else if (kind.is_file() || kind.is_symlink() && path.is_file())
            && path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            found.push(path);
        }
    }
}

/// One statement of the library, read and analysed, or why it could not be.
pub type Opened = Result<(Statement, Analysis), String>;

/// Reads and analyses every file of `files` on all cores, a chunk at a time, and
/// hands each (in the order of `files`) to `each` before the next chunk is read.
/// `open` reads one file: the command line's own reader, with its size cap and
/// decoding.
pub fn for_each<E>(
    files: &[PathBuf],
    lexicons: &Lexicons,
    open: impl Fn(&Path) -> Result<Statement, String> + Sync,
    mut each: impl FnMut(&Path, Opened) -> Result<(), E>,
) -> Result<(), E> {
    for chunk in files.chunks(CHUNK) {
        let opened: Vec<Opened> = chunk
            .par_iter()
            .map(|path| {
                let statement = open(path)?;
                let analysis = crate::analysis::analyse(&statement, lexicons);
                Ok((statement, analysis))
            })
            .collect();
        for (path, opened) in chunk.iter().zip(opened) {
            each(path, opened)?;
        }
    }
    Ok(())
}

/// Opens (reads and analyses, or takes from the cache) every file of `files` on all
/// cores, handing each to `each` with its index as soon as it is done (in no set
/// order); files not begun yet are skipped once `stop` is set.
pub fn open_each(
    files: &[PathBuf],
    open: impl Fn(&Path) -> Opened + Sync,
    each: impl Fn(usize, Opened) + Sync,
    stop: &AtomicBool,
) {
    files.par_iter().enumerate().for_each(|(k, path)| {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        each(k, open(path));
    });
}

/// A library query: statement terms, and a query of the reader's language for acts.
#[derive(Debug, Clone, Default)]
pub struct LibraryQuery {
    pub statements: StatementTerms,
    /// Shared by the filters of every statement searched.
    pub acts: Option<Arc<Query>>,
    /// The query without its statement terms, as the reader is given it.
    pub acts_text: String,
}

impl LibraryQuery {
    pub fn parse(raw: &str) -> Result<LibraryQuery, String> {
        let (statements, rest) = terms::split(raw)?;
        Ok(LibraryQuery {
            statements,
            acts: Query::parse(&rest).map(Arc::new),
            acts_text: rest,
        })
    }

    /// The acts the query chooses in the statement, in reading order (every act when
    /// it names none), or `None` when the statement is not chosen (its terms fail, or
    /// no act matches). `filter` is the statement's own, kept between queries or not.
    pub fn choose(
        &self,
        statement: &Statement,
        analysis: &Analysis,
        filter: &mut Filter,
    ) -> Option<Vec<u32>> {
        if !self.statements.admit(statement, analysis) {
            return None;
        }
        let Some(query) = &self.acts else {
            return Some((0..analysis.commitments.len() as u32).collect());
        };
        let result = filter.run_acts_shared(query, statement, analysis);
        if result.acts.is_empty() {
            return None;
        }
        let mut chosen: Vec<u32> = result.acts.iter().map(|m| m.act).collect();
        chosen.sort_unstable();
        Some(chosen)
    }

    /// The statement's analysis with only the acts the query chooses (the analysis
    /// itself when the query names no acts), or `None` when the statement is not
    /// chosen.
    pub fn apply<'a>(
        &self,
        statement: &Statement,
        analysis: &'a Analysis,
    ) -> Option<Cow<'a, Analysis>> {
        let chosen = self.choose(statement, analysis, &mut Filter::default())?;
        if self.acts.is_none() {
            return Some(Cow::Borrowed(analysis));
        }
        let mut keep = vec![false; analysis.commitments.len()];
        for &act in &chosen {
            keep[act as usize] = true;
        }
        let kept = (0..keep.len()).filter(|&place| keep[place]);
        let act_numbers = kept
            .clone()
            .map(|place| crate::document::saturating_u32(analysis.act_number(place)))
            .collect();
        let commitments = kept.map(|place| analysis.commitments[place].clone());
        let commitments = commitments.collect();
        Some(Cow::Owned(Analysis {
            topic_names: Arc::clone(&analysis.topic_names),
            paragraph_section: analysis.paragraph_section.clone(),
            sections: analysis.sections.clone(),
            section_topics: analysis.section_topics.clone(),
            section_titles: analysis.section_titles.clone(),
            commitments,
            act_numbers,
            names: analysis.names.clone(),
            authors: Arc::clone(&analysis.authors),
            authorship: analysis.authorship.clone(),
        }))
    }
}
