//! The statement model and its parser.
//!
//! A [`Statement`] is what a joint statement, declaration or communiqué says, with the
//! page furniture stripped: its metadata (title, occasion, parties, people, dates), its
//! headings and its paragraphs, each split into sentences with byte offsets. This layer
//! knows nothing of sections, topics, commitments or any user interface.
//!
//! Text is kept as written (control characters included) so that exports can reproduce
//! it faithfully; [`safe`] turns it into something a terminal can be shown.

mod body;
pub mod dates;
mod header;
mod lines;
mod people;
pub mod safe;
mod sentences;
pub mod source;

use std::fmt;

pub use dates::{Date, DateTime};
pub use sentences::split_sentences;
pub use source::{Decoded, LoadError, decode};

/// A parsed statement: metadata plus body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub metadata: Metadata,
    /// Headings in reading order; each knows the paragraph it stands before.
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    /// Where the text came from: a path, or `None` for the embedded statement and stdin.
    pub source: Option<String>,
}

/// Everything the page says about the statement rather than in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: String,
    /// The "issued on the occasion of …" line, as written.
    pub occasion: Option<String>,
    /// The parties named in the occasion (or title), in the order they are named.
    pub parties: Vec<String>,
    pub people: Vec<Person>,
    pub date: Option<Date>,
    /// The place given with the date ("Capital City, 8 July 2016").
    pub place: Option<String>,
    pub last_updated: Option<DateTime>,
}

impl Metadata {
    /// The place and date, then when the page was last updated, as one line for
    /// people ("Brussels, 31 October 2017 · last updated 31 October 2017 06:27");
    /// `None` when the statement gives neither. The place is as written: callers
    /// make it safe to show.
    pub fn dateline(&self) -> Option<String> {
        let date = self.date.map(|date| match &self.place {
            Some(place) => format!("{place}, {}", date.long()),
            None => date.long(),
        });
        let updated = self.last_updated.map(|updated| {
            format!(
                "last updated {} {:02}:{:02}",
                updated.date.long(),
                updated.hour,
                updated.minute
            )
        });
        let parts: Vec<String> = date.into_iter().chain(updated).collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// Someone named in the occasion line, with the role the page gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

/// A heading line in the body ("PART 1 – THE PARTNERSHIP", "Deepening our partnership").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub text: String,
    /// 1 for part-level headings (PART, ALL CAPS, `#`), 2 and more below that.
    pub level: u8,
    /// Index of the first paragraph after this heading (`paragraphs.len()` if none follows).
    pub before_paragraph: usize,
}

/// One paragraph of the body: its text (lines joined) and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph number without decoration: "1", "a", "iv".
    pub number: Option<String>,
    /// The number as it is written in the text: "1.", "(a)", "iv)".
    pub marker: Option<String>,
    pub text: String,
    pub sentences: Vec<Sentence>,
    /// Index in [`Statement::sentences`] numbering of this paragraph's first sentence.
    pub first_sentence: usize,
}

/// A sentence as a byte range of its paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// A sentence's place in the statement: which paragraph, which sentence of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceRef {
    pub paragraph: usize,
    pub index: usize,
}

impl Paragraph {
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = self.sentences[index];
        &self.text[s.start..s.end]
    }
}

impl Statement {
    /// Parses statement text. `fallback_title` is used when the text names no title
    /// (typically the file name).
    pub fn parse(text: &str, fallback_title: &str) -> Statement {
        let lines = lines::split(text);
        let head = header::read(&lines, fallback_title);
        let (headings, paragraphs) = body::read(&lines[head.body_start..]);
        Statement {
            metadata: head.metadata,
            headings,
            paragraphs,
            source: None,
        }
    }

    pub fn sentence_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.sentences.len()).sum()
    }

    /// All sentences in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = (SentenceRef, &str)> {
        self.paragraphs.iter().enumerate().flat_map(|(pi, p)| {
            (0..p.sentences.len()).map(move |si| {
                (
                    SentenceRef {
                        paragraph: pi,
                        index: si,
                    },
                    p.sentence_text(si),
                )
            })
        })
    }

    /// The 0-based position of a sentence in reading order.
    pub fn sentence_ordinal(&self, at: SentenceRef) -> usize {
        self.paragraphs[at.paragraph].first_sentence + at.index
    }

    pub fn sentence_text(&self, at: SentenceRef) -> &str {
        self.paragraphs[at.paragraph].sentence_text(at.index)
    }

    /// Headings that stand directly before paragraph `index`.
    pub fn headings_before(&self, index: usize) -> impl Iterator<Item = &Heading> {
        self.headings
            .iter()
            .filter(move |h| h.before_paragraph == index)
    }
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.role {
            Some(role) => write!(f, "{}, {}", self.name, role),
            None => f.write_str(&self.name),
        }
    }
}
