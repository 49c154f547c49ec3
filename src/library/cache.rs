//! The library's cache: each file's statement and analysis kept (postcard) in the XDG
//! cache directory, so a library opens at once the second time.
//!
//! An entry is valid for one file as it was (its size and modification time), one
//! build of the program (version and executable) and one set of lexicons (a hash of
//! the user's cues): anything else changed and it is read and analysed again. Entries
//! are written to a temporary file renamed over the old one, so a crash leaves the old
//! entry or the new, never half of one; an entry that cannot be read is ignored and
//! replaced.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use crate::analysis::Analysis;
use crate::document::Statement;

/// Entries bigger than this are not read back (a statement is capped far below).
const MAX_ENTRY: u64 = 1 << 30;

#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    /// What an entry must have been written by: the build and the lexicons.
    build: u64,
    /// The topic names of the last entry read: entries made with the same lexicons
    /// share one list again, as analyses made in this run do.
    topic_names: Arc<Mutex<Option<Arc<[String]>>>>,
}

/// What an entry says it is for, ahead of the statement and analysis.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    build: u64,
    path: String,
    size: u64,
    modified: u128,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    statement: &'a Statement,
    analysis: &'a Analysis,
}

#[derive(Deserialize)]
struct EntryIn {
    statement: Statement,
    analysis: Analysis,
}

impl Cache {
    /// The cache in `$XDG_CACHE_HOME/communique/library` (or the platform's place), for
    /// this build with lexicons hashed as `lexicons`; `None` without a home for it.
    pub fn open(lexicons: u64) -> Option<Cache> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().ok()?;
        let dir = base.cache_dir().join("communique").join("library");
        Some(Cache::at(dir, build_key(lexicons)))
    }

    /// A cache in `dir` for entries of `build`.
    pub fn at(dir: PathBuf, build: u64) -> Cache {
        Cache {
            dir,
            build,
            topic_names: Arc::default(),
        }
    }

    fn entry_path(&self, path: &Path) -> PathBuf {
        let key = xxh3_64(path.as_os_str().as_encoded_bytes());
        self.dir.join(format!("{key:016x}.bin"))
    }

    fn stamp(&self, path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            build: self.build,
            path: path.to_string_lossy().into_owned(),
            size: meta.len(),
            modified: modified.as_nanos(),
        })
    }

    /// The statement and analysis kept for `path` as it is now, if any.
    pub fn load(&self, path: &Path) -> Option<(Statement, Analysis)> {
        let wanted = self.stamp(path)?;
        let entry = self.entry_path(path);
        if std::fs::metadata(&entry).ok()?.len() > MAX_ENTRY {
            return None;
        }
        let bytes = std::fs::read(entry).ok()?;
        let (stamp, rest): (Stamp, _) = postcard::take_from_bytes(&bytes).ok()?;
        if stamp != wanted {
            return None;
        }
        let entry: EntryIn = postcard::from_bytes(rest).ok()?;
        let mut analysis = entry.analysis;
        share_names(&mut analysis);
        self.share_topic_names(&mut analysis);
        Some((entry.statement, analysis))
    }

    fn share_topic_names(&self, analysis: &mut Analysis) {
        let Ok(mut kept) = self.topic_names.lock() else {
            return;
        };
        match &*kept {
            Some(names) if **names == *analysis.topic_names => {
                analysis.topic_names = Arc::clone(names);
            }
            _ => *kept = Some(Arc::clone(&analysis.topic_names)),
        }
    }

    /// Keeps the statement and analysis of `path`; a cache that cannot be written is
    /// simply not kept (the library works without it).
    pub fn store(&self, path: &Path, statement: &Statement, analysis: &Analysis) {
        let Some(stamp) = self.stamp(path) else {
            return;
        };
        let _ = self.write(path, &stamp, statement, analysis);
    }

    fn write(
        &self,
        path: &Path,
        stamp: &Stamp,
        statement: &Statement,
        analysis: &Analysis,
    ) -> Result<(), Box<dyn std::error::Error>> {
        std::fs::create_dir_all(&self.dir)?;
        let mut bytes = postcard::to_stdvec(stamp)?;
        bytes.extend(postcard::to_stdvec(&EntryOut {
            statement,
            analysis,
        })?);
        let entry = self.entry_path(path);
        let temporary = entry.with_extension(format!("{}.tmp", std::process::id()));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, &entry).inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })?;
        Ok(())
    }
}

/// This build with these lexicons: the version, the executable (a rebuild changes the
/// analysis without changing the version) and the lexicons' hash.
fn build_key(lexicons: u64) -> u64 {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .ok()
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default();
    xxh3_64(format!("{}:{exe}:{lexicons}", env!("CARGO_PKG_VERSION")).as_bytes())
}

/// The authors' name read back is a copy of the one among the acts' names; the
/// analysis shares it, as when it was made.
fn share_names(analysis: &mut Analysis) {
    if let Some(kept) = analysis.names.iter().find(|n| **n == analysis.authors) {
        analysis.authors = Arc::clone(kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Lexicons, analyse};

    fn scratch(what: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("communique-cache-{what}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    const TEXT: &str = "Joint Statement of Norway and Chile\n\n4 May 2023\n\n\
        1. Norway and Chile condemn the attack on the port.\n\n2. We commit to open the port.\n";

    fn file(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("statement.txt");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn an_entry_gives_back_the_same_statement_and_analysis_with_names_shared() {
        let dir = scratch("round");
        let path = file(&dir, TEXT);
        let cache = Cache::at(dir.join("cache"), 7);
        assert!(cache.load(&path).is_none());
        let statement = Statement::parse(TEXT, "statement");
        let analysis = analyse(&statement, Lexicons::embedded());
        cache.store(&path, &statement, &analysis);
        let (s, a) = cache.load(&path).expect("kept");
        assert_eq!(s, statement);
        assert_eq!(a.commitments, analysis.commitments);
        assert_eq!(a.sections, analysis.sections);
        assert_eq!(a.authors, analysis.authors);
        assert_eq!(a.names, analysis.names);
        assert!(Arc::ptr_eq(&a.authors, &a.names[0]));
        std::fs::create_dir_all(dir.join("other")).unwrap();
        let other = file(&dir.join("other"), TEXT);
        cache.store(&other, &statement, &analysis);
        let (_, b) = cache.load(&other).expect("kept");
        assert_eq!(b.topic_names, analysis.topic_names);
        assert!(Arc::ptr_eq(&a.topic_names, &b.topic_names));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_changed_file_another_build_or_a_corrupt_entry_is_not_taken() {
        let dir = scratch("stale");
        let path = file(&dir, TEXT);
        let cache = Cache::at(dir.join("cache"), 7);
        let statement = Statement::parse(TEXT, "statement");
        let analysis = analyse(&statement, Lexicons::embedded());
        cache.store(&path, &statement, &analysis);
        assert!(Cache::at(dir.join("cache"), 8).load(&path).is_none());
        // Another size.
        file(&dir, &format!("{TEXT}\n3. We welcome the talks.\n"));
        assert!(cache.load(&path).is_none());
        cache.store(&path, &statement, &analysis);
        assert!(cache.load(&path).is_some());
        // Cut short, then garbage: ignored, and replaced by the next store.
        let entry = cache.entry_path(&path);
        let bytes = std::fs::read(&entry).unwrap();
        std::fs::write(&entry, &bytes[..bytes.len() / 2]).unwrap();
        assert!(cache.load(&path).is_none());
        std::fs::write(&entry, b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").unwrap();
        assert!(cache.load(&path).is_none());
        cache.store(&path, &statement, &analysis);
        assert!(cache.load(&path).is_some());
        let leftovers = std::fs::read_dir(dir.join("cache"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert_eq!(leftovers, 0, "no temporary file left behind");
        let _ = std::fs::remove_dir_all(dir);
    }
}
