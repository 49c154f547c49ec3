//! Reading memory on disk: where the reader left each statement and its marks, in
//! `$XDG_STATE_HOME/communique/positions.jsonl` (`~/.local/state/…` by default).
//!
//! A statement is known by a hash of its text, not its path, so a renamed or piped copy
//! opens where the last one was left, and an edited file starts afresh. The file keeps
//! the [`MAX_STATEMENTS`] statements read most recently, so it never grows with use; it
//! is read again and merged just before it is written, so two readers quitting one
//! after the other both keep theirs, and written to a temporary file renamed over the
//! old one, so a crash mid-write never leaves half a file. A file that cannot be read
//! or parsed is reported and replaced, never fatal.
//!
//! JSON Lines, one statement a line, each line starting `{"key":"…","seen":N`: opening
//! a statement parses only its own line, and keeping one copies the others as they
//! are, so a full file (1,000 statements with 52 marks each, 2 MB) costs about a
//! millisecond, not the tens a whole JSON document would.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use etcetera::BaseStrategy;
use serde::{Deserialize, Serialize};

use crate::app::marks::Remembered;
use crate::document::source::io_reason;

/// Statements remembered at most: the least recently read are forgotten first.
pub const MAX_STATEMENTS: usize = 1000;

/// A state file larger than this is not ours to read (a full one takes about 2 MB).
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
    Some(base.state_dir()?.join("communique").join("positions.jsonl"))
}

/// The first line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    version: u32,
}

/// A statement's line, its fields in this order.
#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    key: String,
    /// When the statement was last closed, in seconds since 1970: the oldest go first.
    seen: u64,
    #[serde(flatten)]
    remembered: Remembered,
}

/// One statement's line as read: its key and age, the rest left unparsed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Line {
    key: String,
    seen: u64,
    json: String,
}

/// The remembered statements of a state file.
#[derive(Debug, Default)]
pub struct Positions {
    lines: Vec<Line>,
}

/// `{"key":"` — how every line written starts.
const KEY_AT: usize = 8;

impl Line {
    /// The key and age of a line as written, read without parsing the rest; another
    /// spelling of the same JSON is parsed whole.
    fn read(json: &str) -> Result<Line, String> {
        let fast = || -> Option<Line> {
            let key = json.strip_prefix("{\"key\":\"")?.get(..16)?;
            let rest = json.get(KEY_AT + 16..)?.strip_prefix("\",\"seen\":")?;
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let seen = rest[..digits].parse().ok()?;
            let next = rest.as_bytes().get(digits).copied();
            (key.bytes().all(|b| b.is_ascii_hexdigit()) && matches!(next, Some(b',' | b'}'))).then(
                || Line {
                    key: key.to_string(),
                    seen,
                    json: json.to_string(),
                },
            )
        };
        if let Some(line) = fast() {
            return Ok(line);
        }
        let entry: Entry =
            serde_json::from_str(json).map_err(|e| format!("not a state file ({e})"))?;
        Ok(Line {
            key: entry.key,
            seen: entry.seen,
            json: json.to_string(),
        })
    }
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
        // Sized from the file: growing the buffer read by read costs more than the parse.
        let announced = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
        let mut bytes = Vec::with_capacity(announced as usize + 1);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| io_reason(&e))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(format!("larger than {} MB", MAX_FILE_BYTES >> 20));
        }
        let text =
            String::from_utf8(bytes).map_err(|_| "not a state file (not UTF-8)".to_string())?;
        Positions::parse(&text)
    }

    fn parse(text: &str) -> Result<Positions, String> {
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let header: Header = serde_json::from_str(lines.next().unwrap_or(""))
            .map_err(|e| format!("not a state file ({e})"))?;
        if header.version != VERSION {
            return Err(format!(
                "written by another version (format {})",
                header.version
            ));
        }
        let lines = lines.map(Line::read).collect::<Result<Vec<_>, _>>()?;
        Ok(Positions { lines })
    }

    /// What was kept of the statement with `key`.
    pub fn recall(&self, key: &str) -> Result<Option<Remembered>, String> {
        let Some(line) = self.lines.iter().rev().find(|l| l.key == key) else {
            return Ok(None);
        };
        let entry: Entry =
            serde_json::from_str(&line.json).map_err(|e| format!("not a state file ({e})"))?;
        Ok(Some(entry.remembered))
    }

    /// Keeps `remembered` for `key` (or forgets the statement, when there is nothing
    /// to keep), seen at `now`, and the most recent [`MAX_STATEMENTS`] of all.
    pub fn keep(&mut self, key: &str, remembered: Remembered, now: u64) -> Result<(), String> {
        self.lines.retain(|l| l.key != key);
        if !remembered.is_empty() {
            let entry = Entry {
                key: key.to_string(),
                seen: now,
                remembered,
            };
            let json = serde_json::to_string(&entry).map_err(|e| e.to_string())?;
            self.lines.push(Line {
                key: key.to_string(),
                seen: now,
                json,
            });
        }
        if self.lines.len() > MAX_STATEMENTS {
            // Newest last; the oldest (ties in file order) go.
            self.lines.sort_by_key(|l| l.seen);
            let cut = self.lines.len() - MAX_STATEMENTS;
            self.lines.drain(..cut);
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Writes the file at `path` atomically: a temporary file beside it, renamed over it.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| io_reason(&e))?;
        let mut text =
            serde_json::to_string(&Header { version: VERSION }).map_err(|e| e.to_string())?;
        text.push('\n');
        for line in &self.lines {
            text.push_str(&line.json);
            text.push('\n');
        }
        let temporary = dir.join(format!(".positions.{}.tmp", std::process::id()));
        // No fsync: the rename keeps a crash of the reader from leaving half a file,
        // and a power cut losing the last place read is not worth the tens of
        // milliseconds (seconds, on a busy disk) an fsync can add to every exit.
        let written = std::fs::write(&temporary, text.as_bytes())
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
    positions.keep(key, remembered, now())?;
    positions.write(path)
}

#[cfg(test)]
mod tests;
