//! YAML front matter: the metadata block archive copies put above a Markdown text.
//!
//! ```text
//! ---
//! title: "Ruritania\u2013Freedonia Joint Statement"
//! date: '2021-03-12'
//! modified_time: 2021-03-12 11:58:09-05:00
//! ---
//! ```
//! The block is metadata, never text. Only the top level's `key: scalar` pairs are
//! read, from the YAML parser's events: quoting, escapes (`\u2019`, `\_`) and folded
//! lines come out as YAML defines them, and aliases are never expanded, so a hostile
//! block cannot grow in memory. A block that does not parse still never reaches the
//! text; the pairs read before the error are kept.

use saphyr_parser::{Event, Parser};

/// The largest block read as front matter; anything longer is taken as text.
const MAX_BYTES: usize = 64 * 1024;
const MAX_LINES: usize = 400;

/// The fields of a front matter block and how many lines of the input it spans.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Top-level keys (lowercase) and their values, in order. Sequences of scalars are
    /// joined with ", "; nested mappings are skipped.
    pub fields: Vec<(String, String)>,
    /// Lines taken by the block, both `---` delimiters included.
    pub lines: usize,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// The first present field of `keys`.
    pub fn first_of(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }
}

/// Splits a front matter block off the start of `text`: the block, and the byte offset
/// where the rest of the text begins. `None` when the text does not open with `---`
/// on a line of its own followed, within the limits, by a closing `---` or `...`.
pub fn split(text: &str) -> Option<(FrontMatter, usize)> {
    let text_start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let body = &text[text_start..];
    let first_end = body.find('\n')?;
    if body[..first_end].trim_end() != "---" {
        return None;
    }
    let mut at = first_end + 1;
    let mut lines = 1;
    loop {
        if at > MAX_BYTES || lines > MAX_LINES {
            return None;
        }
        let end = body[at..].find('\n').map_or(body.len(), |e| at + e);
        let line = body[at..end].trim_end();
        lines += 1;
        if line == "---" || line == "..." {
            let yaml = &body[first_end + 1..at];
            let fields = read_fields(yaml);
            let rest = (end + 1).min(body.len());
            return Some((FrontMatter { fields, lines }, text_start + rest));
        }
        if end >= body.len() {
            return None;
        }
        at = end + 1;
    }
}

/// The top-level scalar pairs of a YAML mapping, read event by event.
fn read_fields(yaml: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let mut depth = 0usize;
    let mut key: Option<String> = None;
    // A sequence value being collected at depth 2: its key and its items.
    let mut sequence: Option<(String, Vec<String>)> = None;
    for event in Parser::new_from_str(yaml) {
        let Ok((event, _)) = event else { break };
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 1 {
                    match (&event, key.take()) {
                        (Event::SequenceStart(..), Some(k)) => sequence = Some((k, Vec::new())),
                        _ => sequence = None,
                    }
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                depth = depth.saturating_sub(1);
                if depth == 1
                    && let Some((k, items)) = sequence.take()
                {
                    fields.push((k, items.join(", ")));
                }
            }
            Event::Scalar(value, ..) => match depth {
                1 => match key.take() {
                    Some(k) => fields.push((k, value.into_owned())),
                    None => key = Some(value.trim().to_lowercase()),
                },
                2 => {
                    if let Some((_, items)) = &mut sequence {
                        items.push(value.into_owned());
                    }
                }
                _ => {}
            },
            // A value that is an alias: the key gets nothing.
            Event::Alias(_) if depth == 1 => key = None,
            _ => {}
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(String, String)> {
        split(text).map(|(fm, _)| fm.fields).unwrap_or_default()
    }

    #[test]
    fn plain_quoted_and_dated_values() {
        let text = "---\ntags: statements-releases\ndate: '2021-03-12'\nmodified_time: 2021-03-12 11:58:09-05:00\ntitle: Joint Statement\n---\nBody\n";
        let (fm, rest) = split(text).unwrap();
        assert_eq!(&text[rest..], "Body\n");
        assert_eq!(fm.lines, 6);
        assert_eq!(fm.get("date"), Some("2021-03-12"));
        assert_eq!(fm.get("modified_time"), Some("2021-03-12 11:58:09-05:00"));
        assert_eq!(fm.get("title"), Some("Joint Statement"));
    }

    #[test]
    fn escapes_and_folded_double_quoted_titles() {
        let f = fields(
            "---\ntitle: \"Ruritania \\u2013 Freedonia Leaders\\u2019 Statement on\\\n  \\ the Joint\\_Plan\"\n---\n",
        );
        assert_eq!(
            f,
            [(
                "title".to_string(),
                "Ruritania – Freedonia Leaders’ Statement on the Joint\u{A0}Plan".to_string()
            )]
        );
        let folded = fields("---\ntitle: \"A long title\n  folded here\"\n---\n");
        assert_eq!(folded[0].1, "A long title folded here");
    }

    #[test]
    fn sequences_are_joined_and_mappings_skipped() {
        let f = fields("---\ntags: [a, b]\nauthor:\n  name: X\ntitle: T\n---\n");
        assert_eq!(
            f,
            [
                ("tags".to_string(), "a, b".to_string()),
                ("title".to_string(), "T".to_string())
            ]
        );
    }

    #[test]
    fn not_front_matter() {
        assert!(split("Title\n---\n").is_none());
        assert!(split("---\nno end").is_none());
        assert!(split("--- \nx: 1\n").is_none());
        let long = format!("---\n{}---\n", "k: v\n".repeat(MAX_LINES + 1));
        assert!(split(&long).is_none());
    }

    #[test]
    fn broken_yaml_is_still_front_matter() {
        let (fm, rest) = split("---\ntitle: ok\n: : [\n---\nText\n").unwrap();
        assert_eq!(fm.get("title"), Some("ok"));
        assert_eq!(rest, "---\ntitle: ok\n: : [\n---\n".len());
    }

    #[test]
    fn aliases_are_not_expanded() {
        let f = fields("---\na: &x big\nb: *x\n---\n");
        assert_eq!(f, [("a".to_string(), "big".to_string())]);
    }
}
