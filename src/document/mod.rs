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
pub mod contained;
pub mod dates;
pub mod formats;
pub mod front_matter;
pub mod header;
pub mod html;
mod lines;
pub mod markdown;
mod numbering;
mod paragraph;
#[cfg(feature = "pdf")]
pub mod pdf;
mod people;
pub mod safe;
mod sentences;
pub mod source;
pub mod wrap;

use std::fmt;

pub use dates::{Date, DateTime};
pub use header::{HeaderLine, LineClass, TitleSource};
pub use numbering::Numbering;
pub use paragraph::{Paragraph, Sentence, SentenceRef};
pub use sentences::split_sentences;
pub use source::{Decoded, LoadError, decode};

/// A parsed statement: metadata plus body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    pub metadata: Metadata,
    /// Headings in reading order; each knows the paragraph it stands before.
    pub headings: Vec<Heading>,
    pub paragraphs: Vec<Paragraph>,
    /// Every paragraph's sentences, in reading order ([`Statement::paragraph_sentences`]).
    sentences: Vec<Sentence>,
    /// The numbered paragraphs' numbers, by paragraph index in ascending order
    /// ([`Statement::number`]): kept apart, so that the many paragraphs without a number
    /// pay nothing for it.
    numbering: Vec<(u32, Numbering)>,
    /// Where the text came from: a path, or `None` for the embedded statement and stdin.
    pub source: Option<String>,
    /// Every line read as header (front matter, title, occasion, dates, references) or
    /// dropped as furniture, above or inside the body, in line order.
    pub header: Vec<HeaderLine>,
}

/// Everything the page says about the statement rather than in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Metadata {
    /// The title to show: the document's own, or the file name when it has none
    /// ([`Metadata::title_source`] says which).
    pub title: String,
    pub title_source: TitleSource,
    /// The "issued on the occasion of …" line, as written.
    pub occasion: Option<String>,
    /// The parties named in the occasion (or title), in the order they are named.
    pub parties: Vec<String>,
    pub people: Vec<Person>,
    /// The statement's own date: its dateline or date line, else the date in its
    /// occasion or title, else when it was issued or published.
    pub date: Option<Date>,
    /// The date was numeric with day and month both 12 or less, read day first (or month
    /// first on a page that writes dates the United States' way).
    pub date_ambiguous: bool,
    /// The place given with the date ("Capital City, 8 July 2016").
    pub place: Option<String>,
    pub last_updated: Option<DateTime>,
    /// When the page says it was published ("Published 22 December 2021").
    pub published: Option<Date>,
    /// A press release number or document symbol ("Press Release (2008) 153", "SC/8215").
    pub reference: Option<String>,
    /// The issuing office of a government page ("From: Ministry of Foreign Affairs").
    pub from: Option<String>,
    /// The original page's address, from front matter.
    pub source_url: Option<String>,
}

impl Metadata {
    /// The document's own title; `None` when the text has none and the file name stands in.
    pub fn own_title(&self) -> Option<&str> {
        (self.title_source != TitleSource::FileName).then_some(self.title.as_str())
    }

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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

/// A heading line in the body ("PART 1 – THE PARTNERSHIP", "Deepening our partnership").
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    /// Kept inline up to 24 bytes: a statement may have millions of headings.
    pub text: compact_str::CompactString,
    /// 1 for part-level headings (PART, ALL CAPS, `#`), 2 and more below that.
    pub level: u8,
    /// Index of the first paragraph after this heading (`paragraphs.len()` if none
    /// follows): [`Heading::before_paragraph`].
    before_paragraph: u32,
}

impl Heading {
    pub fn new(text: &str, level: u8, before_paragraph: usize) -> Heading {
        Heading {
            text: text.into(),
            level,
            before_paragraph: saturating_u32(before_paragraph),
        }
    }

    /// Index of the first paragraph after this heading (`paragraphs.len()` if none
    /// follows).
    pub fn before_paragraph(&self) -> usize {
        self.before_paragraph as usize
    }
}

/// `n` as u32, saturating: offsets and counts kept in u32 so that what a statement
/// holds millions of stays small; nothing read reaches 4 GiB (inputs stop at 512 MiB).
pub fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Statement {
    /// Parses statement text, recognising Markdown by its marks. `fallback_title` is
    /// shown when the text names no title (typically the file name).
    pub fn parse(text: &str, fallback_title: &str) -> Statement {
        Statement::parse_with(text, fallback_title, None)
    }

    /// Parses statement text; `markdown` says whether it is Markdown (from the file
    /// name), `None` to decide from the text.
    pub fn parse_with(text: &str, fallback_title: &str, markdown: Option<bool>) -> Statement {
        let (front, rest) = match front_matter::split(text) {
            Some((front, at)) => (Some(front), &text[at..]),
            None => (None, text),
        };
        let markdown = markdown.unwrap_or(front.is_some() || markdown::looks_like_markdown(rest));
        // Read a line at a time, more than once (see body::read): every line of a text
        // at once would cost more than its paragraphs.
        let lines = || {
            lines::lines(rest).map(move |mut line| {
                if markdown {
                    lines::clean_markdown_line(&mut line);
                }
                line
            })
        };
        let first_line = front.as_ref().map_or(1, |f| f.lines + 1);
        let beginning = header::beginning(lines());
        let head = header::read(&beginning, first_line, front.as_ref(), fallback_title);
        drop(beginning);
        let body = body::read(|| lines().skip(head.body_start), first_line);
        let mut header = head.lines;
        if let Some(front) = &front {
            header.splice(0..0, front_matter_lines(text, front));
        }
        header.extend(body.dropped);
        // Grown by doubling, then kept as long as the statement: up to half of a big
        // statement's paragraphs would be spare room.
        let (mut headings, mut paragraphs, mut sentences, mut numbering) = (
            body.headings,
            body.paragraphs,
            body.sentences,
            body.numbering,
        );
        headings.shrink_to_fit();
        paragraphs.shrink_to_fit();
        sentences.shrink_to_fit();
        numbering.shrink_to_fit();
        Statement {
            metadata: head.metadata,
            headings,
            paragraphs,
            sentences,
            numbering,
            source: None,
            header,
        }
    }

    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// All sentences in reading order.
    pub fn sentences(&self) -> impl Iterator<Item = (SentenceRef, &str)> {
        self.paragraphs.iter().enumerate().flat_map(move |(pi, p)| {
            self.paragraph_sentences(pi)
                .iter()
                .enumerate()
                .map(move |(si, s)| (SentenceRef::new(pi, si), &p.text[s.range()]))
        })
    }

    /// Paragraph `p`'s sentences, as byte ranges of its text; none for a paragraph
    /// that is not there or whose sentences are not (a doctored cache).
    pub fn paragraph_sentences(&self, p: usize) -> &[Sentence] {
        self.paragraphs
            .get(p)
            .and_then(|paragraph| {
                let first = paragraph.first_sentence();
                self.sentences
                    .get(first..first.saturating_add(paragraph.sentence_count()))
            })
            .unwrap_or(&[])
    }

    /// The sentence at `at`, as a byte range of its paragraph's text; `None` past its
    /// paragraph's last.
    pub fn sentence(&self, at: SentenceRef) -> Option<Sentence> {
        self.paragraph_sentences(at.paragraph())
            .get(at.index())
            .copied()
    }

    /// The sentence at 0-based position `ordinal` in reading order; `None` past the
    /// last.
    pub fn sentence_at(&self, ordinal: usize) -> Option<SentenceRef> {
        let p = self
            .paragraphs
            .partition_point(|p| p.first_sentence() + p.sentence_count() <= ordinal);
        let paragraph = self.paragraphs.get(p)?;
        let index = ordinal.checked_sub(paragraph.first_sentence())?;
        (index < paragraph.sentence_count()).then(|| SentenceRef::new(p, index))
    }

    /// The 0-based position of a sentence in reading order.
    pub fn sentence_ordinal(&self, at: SentenceRef) -> usize {
        self.paragraphs[at.paragraph()].first_sentence() + at.index()
    }

    pub fn sentence_text(&self, at: SentenceRef) -> &str {
        let text = &self.paragraphs[at.paragraph()].text;
        self.sentence(at).map_or("", |s| &text[s.range()])
    }

    /// Paragraph `p`'s number as the statement writes it ("12", "b"), else its
    /// 1-based position: how a reader cites it.
    pub fn paragraph_number(&self, p: usize) -> String {
        self.number(p)
            .map_or_else(|| (p + 1).to_string(), str::to_string)
    }

    /// Paragraph `p`'s number without decoration ("1", "a", "iv"), if it has one.
    pub fn number(&self, p: usize) -> Option<&str> {
        self.numbering_of(p).map(Numbering::number)
    }

    /// Paragraph `p`'s number as it is written in the text ("1.", "(a)", "iv)").
    pub fn marker(&self, p: usize) -> Option<&str> {
        self.numbering_of(p).map(Numbering::marker)
    }

    fn numbering_of(&self, p: usize) -> Option<&Numbering> {
        let p = u32::try_from(p).ok()?;
        let at = self.numbering.binary_search_by_key(&p, |(q, _)| *q).ok()?;
        Some(&self.numbering[at].1)
    }

    /// The name of the file the statement came from, without its folders: what an
    /// export or a citation sent to someone else should say.
    pub fn file_name(&self) -> Option<String> {
        let source = self.source.as_deref()?;
        let name = std::path::Path::new(source)
            .file_name()
            .map_or(source.into(), |n| n.to_string_lossy());
        Some(name.into_owned())
    }

    /// Headings that stand directly before paragraph `index`.
    /// Headings are in reading order, so this is a binary search, not a scan.
    pub fn headings_before(&self, index: usize) -> impl Iterator<Item = &Heading> {
        let from = self
            .headings
            .partition_point(|h| h.before_paragraph() < index);
        self.headings[from..]
            .iter()
            .take_while(move |h| h.before_paragraph() == index)
    }
}

/// The front matter's lines, each with the key it sets.
fn front_matter_lines(text: &str, front: &front_matter::FrontMatter) -> Vec<HeaderLine> {
    text.lines()
        .take(front.lines)
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| HeaderLine {
            line: saturating_u32(i + 1),
            text: line.trim_end().into(),
            class: LineClass::FrontMatter,
            detail: if line.trim() == "---" || line.trim() == "..." {
                "delimiter"
            } else {
                "field"
            },
        })
        .collect()
}

impl fmt::Display for Person {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.role {
            Some(role) => write!(f, "{}, {}", self.name, role),
            None => f.write_str(&self.name),
        }
    }
}
