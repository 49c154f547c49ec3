//! The JSON export: the contract other tools rely on.
//!
//! Field names are fixed (see the README). Ids are 1-based; `start`/`end` are byte
//! offsets into the paragraph's `text`.

use std::io::{self, Write};

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::analysis::sections::whole_title;
use crate::analysis::{Analysis, CommitmentKind};
use crate::document::{Statement, safe};

/// The whole export. Serialised straight from the statement and its analysis, item by
/// item, so a large statement is never copied into a second, JSON-shaped structure.
struct Export<'a> {
    statement: &'a Statement,
    analysis: &'a Analysis,
}

/// A JSON array produced from an iterator made when it is written.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Serialize)]
pub(super) struct DocumentOut<'a> {
    /// The document's own title; null when the text has none.
    title: Option<&'a str>,
    occasion: Option<&'a str>,
    parties: &'a [String],
    people: Vec<PersonOut<'a>>,
    date: Option<String>,
    last_updated: Option<String>,
    source: Option<&'a str>,
    place: Option<&'a str>,
    /// How to name the authors together; null when the text does not say who they are.
    authors: Option<&'a str>,
    author_parties: &'a [String],
    /// Where the authors were read: formula, title, occasion, first_sentence.
    authors_from: Option<&'static str>,
    published: Option<String>,
    reference: Option<&'a str>,
    from: Option<&'a str>,
    source_url: Option<&'a str>,
    /// The date was numeric and could be read either way (see the README).
    date_ambiguous: bool,
}

#[derive(Serialize)]
struct HeaderLineOut<'a> {
    line: usize,
    text: &'a str,
    class: &'static str,
    detail: &'static str,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    name: &'a str,
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct SectionOut<'a, P: Serialize> {
    id: usize,
    title: &'a str,
    topics: Vec<&'a str>,
    heading: Option<&'a str>,
    paragraphs: P,
}

#[derive(Serialize)]
struct ParagraphOut<'a, S: Serialize> {
    id: usize,
    section: usize,
    number: Option<&'a str>,
    text: &'a str,
    sentences: S,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    id: usize,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
pub(super) struct CommitmentOut<'a> {
    id: usize,
    kind: CommitmentKind,
    actor: &'a str,
    addressee: Option<&'a str>,
    sentence: usize,
    cue: &'a str,
    cue_start: usize,
    cue_end: usize,
    object: &'a str,
    intensity: u8,
    paragraph: usize,
    section: usize,
    topics: Vec<&'a str>,
}

impl Serialize for Export<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (statement, analysis) = (self.statement, self.analysis);
        let topic_names = |topics: &[usize]| {
            topics
                .iter()
                .map(|&t| analysis.topic_name(t))
                .collect::<Vec<_>>()
        };
        let mut out = serializer.serialize_struct("Export", 5)?;
        out.serialize_field("document", &document_out(statement, analysis))?;
        out.serialize_field(
            "header",
            &Seq(|| {
                statement.header.iter().map(|h| HeaderLineOut {
                    line: h.line as usize,
                    text: &h.text,
                    class: h.class.as_str(),
                    detail: h.detail,
                })
            }),
        )?;
        out.serialize_field(
            "sections",
            &Seq(|| {
                analysis.sections.iter().map(move |s| SectionOut {
                    id: s.id(),
                    title: whole_title(analysis.section_title(s), s, statement),
                    topics: topic_names(analysis.topics_of(s)),
                    heading: s.heading(statement),
                    paragraphs: Seq(move || s.paragraphs().map(|p| p + 1)),
                })
            }),
        )?;
        out.serialize_field(
            "paragraphs",
            &Seq(|| {
                statement
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(move |(i, p)| ParagraphOut {
                        id: i + 1,
                        section: analysis.sections[analysis.paragraph_section[i] as usize].id(),
                        number: statement.number(i),
                        text: &p.text,
                        sentences: Seq(move || {
                            statement.paragraph_sentences(i).iter().enumerate().map(
                                move |(k, s)| SentenceOut {
                                    id: p.first_sentence() + k + 1,
                                    text: &p.text[s.range()],
                                    start: s.start(),
                                    end: s.end(),
                                },
                            )
                        }),
                    })
            }),
        )?;
        out.serialize_field(
            "commitments",
            &Seq(|| {
                (0..analysis.commitments.len())
                    .map(move |place| commitment_out(statement, analysis, place))
            }),
        )?;
        out.end()
    }
}

/// The `document` object of an export: the statement's header facts.
pub(super) fn document_out<'a>(
    statement: &'a Statement,
    analysis: &'a Analysis,
) -> DocumentOut<'a> {
    let meta = &statement.metadata;
    DocumentOut {
        title: meta.own_title(),
        occasion: meta.occasion.as_deref(),
        parties: &meta.parties,
        people: meta
            .people
            .iter()
            .map(|p| PersonOut {
                name: &p.name,
                role: p.role.as_deref(),
            })
            .collect(),
        date: meta.date.map(|d| d.to_string()),
        last_updated: meta.last_updated.map(|d| d.to_string()),
        source: statement.source.as_deref(),
        place: meta.place.as_deref(),
        authors: analysis.authorship.phrase.as_deref(),
        author_parties: &analysis.authorship.parties,
        authors_from: analysis.authorship.evidence.as_str(),
        published: meta.published.map(|d| d.to_string()),
        reference: meta.reference.as_deref(),
        from: meta.from.as_deref(),
        source_url: meta.source_url.as_deref(),
        date_ambiguous: meta.date_ambiguous,
    }
}

/// The act at `place` as the export gives it.
pub(super) fn commitment_out<'a>(
    statement: &'a Statement,
    analysis: &'a Analysis,
    place: usize,
) -> CommitmentOut<'a> {
    let c = &analysis.commitments[place];
    CommitmentOut {
        id: analysis.act_number(place),
        kind: c.kind,
        actor: c.actor(analysis),
        addressee: c.addressee(analysis),
        sentence: super::sentence_id(statement, c.sentence),
        cue: c.cue(statement),
        cue_start: c.cue_range().0,
        cue_end: c.cue_range().1,
        object: c.object(statement),
        intensity: c.intensity,
        paragraph: c.sentence.paragraph() + 1,
        section: analysis.sections[analysis.act_section(c)].id(),
        topics: analysis
            .act_topics(c)
            .iter()
            .map(|&t| analysis.topic_name(t))
            .collect(),
    }
}

/// Pretty JSON, with characters a terminal could act on escaped as `\uXXXX`.
pub fn write_json(
    statement: &Statement,
    analysis: &Analysis,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_formatted(
        &Export {
            statement,
            analysis,
        },
        SafeFormatter(PrettyFormatter::new()),
        out,
    )
}

/// The statement and its analysis as one line of JSON, for JSON Lines (one statement a
/// line), escaped as [`write_json`] escapes.
pub fn write_json_line(
    statement: &Statement,
    analysis: &Analysis,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_formatted(
        &Export {
            statement,
            analysis,
        },
        SafeFormatter(CompactFormatter),
        out,
    )
}

/// Pretty JSON of `value`, escaped as [`write_json`] escapes.
pub(super) fn write_safe(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    write_formatted(value, SafeFormatter(PrettyFormatter::new()), out)
}

/// `value` as JSON by `formatter`, then a newline.
fn write_formatted(
    value: &impl Serialize,
    formatter: impl Formatter,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = io::BufWriter::new(out);
    let mut ser = serde_json::Serializer::with_formatter(&mut writer, formatter);
    // io::Error::from keeps the kind of a write error (a closed pipe stays one).
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

/// serde_json escapes C0 controls; this also escapes DEL, C1 controls, bidi and
/// zero-width characters, which serde_json would write raw.
struct SafeFormatter<F>(F);

impl<F: Formatter> Formatter for SafeFormatter<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Printable ASCII, nearly all of a statement, goes out as it is; characters are
        // looked at one by one only from the first byte that may need escaping.
        let bytes = fragment.as_bytes();
        let Some(first) = bytes.iter().position(|&b| !(0x20..0x7F).contains(&b)) else {
            return writer.write_all(bytes);
        };
        let mut clean_from = 0;
        for (i, c) in fragment[first..]
            .char_indices()
            .map(|(i, c)| (i + first, c))
        {
            if c == '\u{7F}' || safe::is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[clean_from..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                clean_from = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[clean_from..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}
