//! Reading memory on disk: where the reader left each statement and its marks, in
//! `$XDG_STATE_HOME/communique/positions.json` (`~/.local/state/…` by default).
//!
//! A statement is known by a hash of its text, not its path, so a renamed or piped copy
//! opens where the last one was left, and an edited file starts afresh. The file keeps
//! the [`MAX_STATEMENTS`] statements read most recently, so it never grows with use; it
//! is read again and merged just before it is written, so two readers quitting one
//! after the other both keep theirs, and written to a temporary file renamed over the
//! old one, so a crash mid-write never leaves half a file. A file that cannot be read
//! or parsed is reported and replaced, never fatal.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use etcetera::BaseStrategy;
use serde::{Deserialize, Serialize};

use crate::app::marks::Remembered;
use crate::document::source::io_reason;

/// Statements remembered at most: the least recently read are forgotten first.
pub const MAX_STATEMENTS: usize = 1000;

/// A state file larger than this is not ours to read (1,000 statements with 52 marks
/// each take about 4 MB).
const MAX_FILE_BYTES: u64 = 16 << 20;

const VERSION: u32 = 1;

/// The key of a statement: a 64-bit hash of its text, in hex. xxh3 is specified and
/// stable across versions and platforms (std's hashers are not), and hashes 100 MB in
/// about 10 ms.
pub fn key(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// Where the state file lives, if there is a home or an XDG state directory.
pub fn path() -> Option<PathBuf> {
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.state_dir()?.join("communique").join("positions.json"))
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    #[serde(default)]
    statements: BTreeMap<String, Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    /// When the statement was last closed, in seconds since 1970: the oldest go first.
    seen: u64,
    #[serde(flatten)]
    remembered: Remembered,
}

/// The remembered statements, read from `path`.
#[derive(Debug, Default)]
pub struct Positions {
    file: StateFile,
}

impl Positions {
    /// The file at `path`: empty when there is none yet, a one-line reason when it
    /// cannot be read or is not a state file.
    pub fn load(path: &Path) -> Result<Positions, String> {
        let file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Positions::default());
            }
            Err(e) => return Err(io_reason(&e)),
        };
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| io_reason(&e))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(format!("larger than {} MB", MAX_FILE_BYTES >> 20));
        }
        Positions::parse(&bytes)
    }

    fn parse(bytes: &[u8]) -> Result<Positions, String> {
        let file: StateFile =
            serde_json::from_slice(bytes).map_err(|e| format!("not a state file ({e})"))?;
        if file.version != VERSION {
            return Err(format!(
                "written by another version (format {})",
                file.version
            ));
        }
        Ok(Positions { file })
    }

    /// What was kept of the statement with `key`.
    pub fn recall(&self, key: &str) -> Option<Remembered> {
        self.file
            .statements
            .get(key)
            .map(|entry| entry.remembered.clone())
    }

    /// Keeps `remembered` for `key` (or forgets the statement, when there is nothing
    /// to keep), seen at `now`, and the most recent [`MAX_STATEMENTS`] of all.
    pub fn keep(&mut self, key: &str, remembered: Remembered, now: u64) {
        self.file.version = VERSION;
        let statements = &mut self.file.statements;
        if remembered.is_empty() {
            statements.remove(key);
        } else {
            let entry = Entry {
                seen: now,
                remembered,
            };
            statements.insert(key.to_string(), entry);
        }
        if statements.len() > MAX_STATEMENTS {
            let mut by_age: Vec<(u64, String)> = statements
                .iter()
                .map(|(k, e)| (e.seen, k.clone()))
                .collect();
            by_age.sort_unstable();
            for (_, old) in &by_age[..by_age.len() - MAX_STATEMENTS] {
                statements.remove(old);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.file.statements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.file.statements.is_empty()
    }

    /// Writes the file at `path` atomically: a temporary file beside it, renamed over it.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| io_reason(&e))?;
        let mut json = serde_json::to_vec(&self.file).map_err(|e| e.to_string())?;
        json.push(b'\n');
        let temporary = dir.join(format!(".positions.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temporary)
            .and_then(|mut out| {
                out.write_all(&json)?;
                out.sync_all()
            })
            .and_then(|()| std::fs::rename(&temporary, path));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(io_reason(&e));
        }
        Ok(())
    }
}

/// Seconds since 1970, for [`Positions::keep`].
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Keeps what the reader remembers of `key` in the file at `path`, merged with what
/// other readers wrote there meanwhile. A file that went bad is replaced.
pub fn save(path: &Path, key: &str, remembered: Remembered) -> Result<(), String> {
    let mut positions = Positions::load(path).unwrap_or_default();
    positions.keep(key, remembered, now());
    positions.write(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::marks::Place;

    fn at(paragraph: usize) -> Remembered {
        Remembered {
            place: Some(Place {
                paragraph,
                offset: 3,
                heading: false,
            }),
            marks: [
                ('a', None),
                (
                    'Z',
                    Some(Place {
                        paragraph: 1,
                        offset: 0,
                        heading: true,
                    }),
                ),
            ]
            .into(),
        }
    }

    #[test]
    fn the_key_is_stable_and_tells_texts_apart() {
        assert_eq!(key("We condemn."), key("We condemn."));
        assert_ne!(key("We condemn."), key("We condemn!"));
        assert_eq!(key("").len(), 16);
        // Pinned: a different hash would lose every user's positions on upgrade.
        assert_eq!(key("abc"), "78af5f94892f3950");
    }

    #[test]
    fn what_is_kept_comes_back_and_empty_is_forgotten() {
        let mut positions = Positions::default();
        positions.keep("k", at(7), 10);
        assert_eq!(positions.recall("k"), Some(at(7)));
        let json = serde_json::to_vec(&positions.file).unwrap();
        let again = Positions::parse(&json).unwrap();
        assert_eq!(again.recall("k"), Some(at(7)));
        positions.keep("k", Remembered::default(), 11);
        assert_eq!(positions.recall("k"), None);
        assert!(positions.is_empty());
    }

    #[test]
    fn the_oldest_are_forgotten_past_the_cap() {
        let mut positions = Positions::default();
        for i in 0..MAX_STATEMENTS + 50 {
            // Pairs of statements seen at the same second, to test ties at the cut.
            positions.keep(&format!("{i:04}"), at(i), (i / 2) as u64);
        }
        assert_eq!(positions.len(), MAX_STATEMENTS);
        assert_eq!(positions.recall("0049"), None);
        assert!(positions.recall("0050").is_some());
        assert!(
            positions
                .recall(&format!("{:04}", MAX_STATEMENTS + 49))
                .is_some()
        );
    }

    #[test]
    fn bad_files_are_reasons_not_panics() {
        assert!(
            Positions::parse(b"{not json")
                .unwrap_err()
                .starts_with("not a state file")
        );
        assert!(Positions::parse(b"[]").is_err());
        let other = Positions::parse(br#"{"version": 9, "statements": {}}"#).unwrap_err();
        assert_eq!(other, "written by another version (format 9)");
        let hostile = br#"{"version":1,"statements":{"k":{"seen":1,"place":{"paragraph":18446744073709551615,"offset":18446744073709551615},"marks":{"ab":null}}}}"#;
        assert!(
            Positions::parse(hostile).is_err(),
            "a mark is one character"
        );
    }

    #[test]
    fn writing_is_atomic_and_merges_with_what_is_there() {
        let dir = std::env::temp_dir().join(format!("communique-remember-{}", std::process::id()));
        let path = dir.join("deep").join("positions.json");
        save(&path, "one", at(1)).unwrap();
        save(&path, "two", at(2)).unwrap();
        let positions = Positions::load(&path).unwrap();
        assert_eq!(positions.recall("one"), Some(at(1)));
        assert_eq!(positions.recall("two"), Some(at(2)));
        std::fs::write(&path, "garbage").unwrap();
        assert!(Positions::load(&path).is_err());
        save(&path, "three", at(3)).unwrap();
        let replaced = Positions::load(&path).unwrap();
        assert_eq!((replaced.len(), replaced.recall("three")), (1, Some(at(3))));
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name() != "positions.json")
            .collect();
        assert!(
            leftovers.is_empty(),
            "no temporary file stays: {leftovers:?}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
