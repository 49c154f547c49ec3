//! The page header: title, occasion, dates and references, and the furniture around them.
//!
//! Every line above the body gets one class (see [`LineClass`]); metadata goes into
//! the model and furniture is dropped, and the classified lines are kept so a user can
//! see what was read and what was dropped (`header` in the JSON export). Nothing is
//! invented: a field the page does not give stays empty. The title is the document's
//! own heading — the first line naming what the document is ("… Joint Statement",
//! "Resolution 361 (1974)") — not the site's banner; the file name stands in only
//! when the text has no title-like line.

mod classify;
mod lexicon;
mod title;
mod zone;

use super::dates::{self, Date, NumericOrder};
use super::front_matter::FrontMatter;
use super::lines::Line;
use super::{Metadata, people};
use classify::{Field, Kind, LabelOf};
pub use classify::{
    date_line, ends_like_sentence, is_separator, is_subject_line, strip_bullet, words,
};
pub use lexicon::{EMBEDDED_HEADER, HeaderLexicon};
use zone::Logical;

/// What one line above (or furniture within) the body was read as.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HeaderLine {
    /// 1-based line number in the input.
    pub line: u32,
    /// Kept inline up to 24 bytes: most header lines are short, and a library holds
    /// the header of each of thousands of statements.
    pub text: compact_str::CompactString,
    pub class: LineClass,
    /// Which field or kind of furniture: "last_updated", "reference", "banner", "footnote"…
    pub detail: &'static str,
}

/// A header line as the library's cache keeps it.
#[derive(serde::Deserialize)]
struct StoredLine {
    line: u32,
    text: compact_str::CompactString,
    class: LineClass,
    detail: String,
}

// By hand: a derived impl would ask for the input to live for ever (`&'static str`).
impl<'de> serde::Deserialize<'de> for HeaderLine {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<HeaderLine, D::Error> {
        let stored = StoredLine::deserialize(d)?;
        Ok(HeaderLine {
            line: stored.line,
            text: stored.text,
            class: stored.class,
            detail: interned(stored.detail),
        })
    }
}

/// Distinct details a process takes back from stored analyses at most: the code names a
/// few dozen; a doctored cache cannot make it keep more.
const INTERNED: usize = 256;

/// A detail read back (from the library's cache) as the one `&'static str` of its
/// text, kept once per process.
fn interned(text: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&known) = seen.get(text.as_str()) {
        return known;
    }
    if seen.len() >= INTERNED {
        return "other";
    }
    let kept: &'static str = Box::leak(text.into_boxed_str());
    seen.insert(kept);
    kept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LineClass {
    FrontMatter,
    Title,
    /// Subtitle, occasion, byline, release note or summary.
    Occasion,
    Dateline,
    Meta,
    Furniture,
    /// Read from a page's markup (meta tags, `<title>`, `<time>`), not from its text.
    Page,
}

impl LineClass {
    pub fn as_str(self) -> &'static str {
        match self {
            LineClass::FrontMatter => "front_matter",
            LineClass::Title => "title",
            LineClass::Occasion => "occasion",
            LineClass::Dateline => "dateline",
            LineClass::Meta => "meta",
            LineClass::Furniture => "furniture",
            LineClass::Page => "page",
        }
    }
}

/// Where the title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum TitleSource {
    #[default]
    Text,
    FrontMatter,
    /// The text has no title: the file name (or a stand-in) is shown instead.
    FileName,
}

/// The metadata, where the body starts, and every header line with its class.
pub struct Header {
    pub metadata: Metadata,
    pub body_start: usize,
    pub lines: Vec<HeaderLine>,
}

/// Lines of text (not blank) that the header is given, twice what it can read: the
/// zone stops after [`zone::MAX_LOGICAL`] logical lines of at most
/// [`zone::MAX_JOINED_LINES`] + 1 lines each and looks at one line past them, the
/// numeric order samples the first 60.
const TEXT_LINES: usize = 2 * zone::MAX_LOGICAL * (zone::MAX_JOINED_LINES + 1);

/// The first lines of `lines`, as many as [`read`] can look at: the header is read
/// from them, not from every line of a text that may hold millions.
pub fn beginning<'a>(lines: impl Iterator<Item = Line<'a>>) -> Vec<Line<'a>> {
    let mut text_lines = 0;
    lines
        .take_while(|line| {
            let more = text_lines < TEXT_LINES;
            text_lines += usize::from(!line.is_blank());
            more
        })
        .collect()
}

/// Reads the header of `lines` (the text after any front matter, or its
/// [`beginning`]; `first_line` is the 1-based number of `lines[0]`).
pub fn read(
    lines: &[Line],
    first_line: usize,
    front: Option<&FrontMatter>,
    fallback_title: &str,
) -> Header {
    let lexicon = HeaderLexicon::embedded();
    let order = numeric_order(lines, front);
    let titled = front.and_then(|f| f.get("title")).is_some();
    let (zone, body_start) = zone::scan(lines, lexicon, order, titled);
    let mut reading = Reading::new(&zone, order);
    reading.resolve_labels();
    let taken: Vec<bool> = reading.taken.iter().map(Option::is_some).collect();
    let titled = title::choose(&zone, lexicon, front.and_then(|f| f.get("title")), &taken);
    let mut metadata = Metadata::default();
    match &titled.title {
        Some((text, source)) => {
            metadata.title = text.clone();
            metadata.title_source = *source;
        }
        None => {
            metadata.title = fallback_title.to_string();
            metadata.title_source = TitleSource::FileName;
        }
    }
    let mut header_lines = Vec::new();
    for (idx, l) in zone.iter().enumerate() {
        let (class, detail) = match titled.roles[idx] {
            title::Role::Title => (LineClass::Title, "title"),
            title::Role::Banner => (LineClass::Furniture, "banner"),
            title::Role::Repeat => (LineClass::Furniture, "title_repeat"),
            title::Role::Label => (LineClass::Furniture, "label"),
            title::Role::None => reading.class_of(idx, &mut metadata),
        };
        header_lines.push(HeaderLine {
            line: crate::document::saturating_u32(first_line + lines[l.first].index as usize),
            text: l.text.as_str().into(),
            class,
            detail,
        });
    }
    reading.finish(&mut metadata, front, lines.get(body_start), order);
    Header {
        metadata,
        body_start,
        lines: header_lines,
    }
}

/// Day-first unless the page writes its dates the United States' way ("April 14,
/// 2024") or comes from a United States government site.
fn numeric_order(lines: &[Line], front: Option<&FrontMatter>) -> NumericOrder {
    let us_site = front
        .and_then(|f| f.first_of(&["source_url", "url", "canonical_url", "link"]))
        .is_some_and(|url| {
            let host = url
                .split("//")
                .nth(1)
                .unwrap_or(url)
                .split('/')
                .next()
                .unwrap_or("");
            host.ends_with(".gov") || host.ends_with(".mil") || host.ends_with(".us")
        });
    // Dates stand on short lines; long ones are text and are not searched.
    let sample = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(60)
        .filter(|l| l.text.len() <= 80);
    let (mut month_first, mut day_first) = (0, 0);
    for line in sample {
        if dates::is_month_first(&line.text) {
            month_first += 1;
        } else if dates::find_date(&line.text).is_some_and(|f| !f.ambiguous) {
            day_first += 1;
        }
    }
    if us_site || month_first > day_first {
        NumericOrder::MonthFirst
    } else {
        NumericOrder::DayFirst
    }
}

/// The fields read from the zone, with the lines that gave them.
struct Reading<'z> {
    zone: &'z [Logical],
    order: NumericOrder,
    /// Per logical line: consumed as a label's value or a byline item.
    taken: Vec<Option<(LineClass, &'static str)>>,
    date_line: Option<(Date, Option<String>)>,
    issued: Option<Date>,
    published: Option<Date>,
    last_updated: Option<dates::DateTime>,
    from: Vec<String>,
    byline: Vec<String>,
    ambiguous_date: bool,
}

impl<'z> Reading<'z> {
    fn new(zone: &'z [Logical], order: NumericOrder) -> Reading<'z> {
        Reading {
            zone,
            order,
            taken: vec![None; zone.len()],
            date_line: None,
            issued: None,
            published: None,
            last_updated: None,
            from: Vec::new(),
            byline: Vec::new(),
            ambiguous_date: false,
        }
    }

    /// Labels whose value is on the next line(s), and the byline items under an
    /// occasion that ends in ":" ("Joint statement with:").
    fn resolve_labels(&mut self) {
        let zone = self.zone;
        for idx in 0..zone.len() {
            let next = zone
                .get(idx + 1)
                .filter(|n| n.block == zone[idx].block || n.first == zone[idx].last + 1);
            match (&zone[idx].kind, next) {
                (Kind::Label(LabelOf::From), Some(_)) => {
                    let block = zone[idx].block;
                    for (k, value) in zone.iter().enumerate().skip(idx + 1) {
                        if value.block != block
                            || !matches!(value.kind, Kind::Candidate | Kind::Other)
                        {
                            break;
                        }
                        self.from.push(value.text.clone());
                        self.taken[k] = Some((LineClass::Meta, "from"));
                    }
                }
                (Kind::Label(label), Some(value)) => {
                    let stamp = dates::find_date_time_ordered(&value.text, self.order);
                    if let Some((stamp, _)) =
                        stamp.filter(|_| matches!(value.kind, Kind::DateLine(..)))
                    {
                        let field = match label {
                            LabelOf::LastUpdated => {
                                self.last_updated.get_or_insert(stamp);
                                "last_updated"
                            }
                            LabelOf::Published => {
                                self.published.get_or_insert(stamp.date);
                                "published"
                            }
                            _ => {
                                self.issued.get_or_insert(stamp.date);
                                "issued"
                            }
                        };
                        self.taken[idx + 1] = Some((LineClass::Meta, field));
                    }
                }
                (Kind::Occasion, _) if zone[idx].text.ends_with(':') => {
                    for (k, item) in zone.iter().enumerate().skip(idx + 1) {
                        if !item.bullet || !matches!(item.kind, Kind::Candidate | Kind::Other) {
                            break;
                        }
                        let text = strip_bullet(&item.text).unwrap_or(&item.text);
                        self.byline.push(text.to_string());
                        self.taken[k] = Some((LineClass::Occasion, "byline"));
                    }
                }
                _ => {}
            }
        }
    }

    /// The class of logical line `idx` (not a title candidate), recording its field.
    fn class_of(&mut self, idx: usize, metadata: &mut Metadata) -> (LineClass, &'static str) {
        if let Some(taken) = self.taken[idx] {
            return taken;
        }
        let l = &self.zone[idx];
        let text = strip_bullet(&l.text).unwrap_or(&l.text);
        match &l.kind {
            Kind::Separator => (LineClass::Furniture, "separator"),
            Kind::Furniture(detail) => (LineClass::Furniture, detail),
            Kind::Reference => {
                metadata
                    .reference
                    .get_or_insert_with(|| text.trim_matches(['[', ']']).to_string());
                (LineClass::Meta, "reference")
            }
            Kind::LastUpdated(stamp) => {
                self.last_updated.get_or_insert(*stamp);
                (LineClass::Meta, "last_updated")
            }
            Kind::Issued(date) => {
                self.issued.get_or_insert(*date);
                (LineClass::Meta, "issued")
            }
            Kind::Published(date) => {
                self.published.get_or_insert(*date);
                (LineClass::Meta, "published")
            }
            Kind::Label(_) => (LineClass::Meta, "label"),
            Kind::DateLine(date, place, ambiguous) => {
                if self.date_line.is_none() {
                    self.date_line = Some((*date, place.clone()));
                    self.ambiguous_date = *ambiguous;
                }
                let detail = if place.is_some() {
                    "place_date"
                } else {
                    "date"
                };
                (LineClass::Dateline, detail)
            }
            Kind::Occasion | Kind::ReleaseNote | Kind::Prose | Kind::Other | Kind::Candidate => {
                let detail = match l.kind {
                    Kind::ReleaseNote => "release_note",
                    Kind::Prose => "summary",
                    Kind::Occasion => "occasion",
                    _ => "subtitle",
                };
                let is_text = matches!(l.kind, Kind::Occasion | Kind::ReleaseNote | Kind::Prose);
                if metadata.occasion.is_none() && (is_text || l.word_count() >= 3) {
                    metadata.occasion = Some(text.to_string());
                    (LineClass::Occasion, detail)
                } else if is_text {
                    (LineClass::Occasion, detail)
                } else {
                    (LineClass::Furniture, "other")
                }
            }
            Kind::SubjectLine | Kind::BodyMarker => (LineClass::Furniture, "other"),
            Kind::Field(field) => match field {
                Field::Title(_) => (LineClass::Title, "title"),
                Field::Place(place) => {
                    metadata.place.get_or_insert_with(|| place.clone());
                    (LineClass::Dateline, "place")
                }
                Field::Date(date) => {
                    if self.date_line.is_none() {
                        self.date_line = Some((*date, None));
                    }
                    (LineClass::Dateline, "date")
                }
                Field::Source(source) => {
                    self.from.push(source.clone());
                    (LineClass::Meta, "from")
                }
                Field::FullText | Field::Other => (LineClass::Furniture, "field"),
            },
        }
    }

    fn finish(
        self,
        metadata: &mut Metadata,
        front: Option<&FrontMatter>,
        first_body_line: Option<&Line>,
        order: NumericOrder,
    ) {
        let front_date = |keys: &[&str]| {
            front
                .and_then(|f| f.first_of(keys))
                .and_then(|v| dates::find_date_time_ordered(v, order))
        };
        let run_in = first_body_line.and_then(|l| run_in_dateline(&l.text, order));
        let occasion_date = metadata
            .occasion
            .as_deref()
            .and_then(|o| dates::find_date_ordered(o, order));
        let title_date = (metadata.title_source != TitleSource::FileName)
            .then(|| dates::find_date_ordered(&metadata.title, order))
            .flatten();
        let from_date_line = self.date_line.is_some();
        let (date, place) = if let Some((date, place)) = self.date_line {
            (Some(date), place)
        } else if let Some((date, place)) = run_in {
            (Some(date), place)
        } else {
            let date = occasion_date
                .map(|f| f.date)
                .or(title_date.map(|f| f.date))
                .or(self.issued)
                .or(self.published)
                .or(front_date(&["date"]).map(|(d, _)| d.date));
            (date, None)
        };
        metadata.date = date;
        metadata.place = place.or(metadata.place.take());
        metadata.date_ambiguous = self.ambiguous_date && from_date_line;
        metadata.last_updated = self.last_updated.or_else(|| {
            front_date(&[
                "modified_time",
                "modified",
                "updated",
                "last_modified",
                "lastmod",
            ])
            .map(|(dt, _)| dt)
        });
        metadata.published = self.published.or_else(|| {
            front_date(&["published_time", "published", "date"]).map(|(dt, _)| dt.date)
        });
        metadata.source_url = front
            .and_then(|f| f.first_of(&["source_url", "url", "canonical_url", "link"]))
            .map(str::to_string);
        if !self.from.is_empty() {
            metadata.from = Some(self.from.join(", "));
        }
        if let Some(occasion) = &metadata.occasion {
            let found = people::from_occasion(occasion);
            metadata.parties = found.parties;
            metadata.people = found.people;
        }
        for item in &self.byline {
            let found = people::from_byline(item);
            for party in found.parties {
                if !metadata.parties.contains(&party) {
                    metadata.parties.push(party);
                }
            }
            metadata.people.extend(found.people);
        }
        if metadata.parties.is_empty() && metadata.title_source != TitleSource::FileName {
            metadata.parties = people::from_title(&metadata.title);
        }
    }
}

/// A dateline run into the first paragraph: "VIENNA, 12 November 2015 - In response
/// …", "11 August, 2023, Addis Ababa: The Chairperson …".
fn run_in_dateline(text: &str, order: NumericOrder) -> Option<(Date, Option<String>)> {
    let cut = [" - ", " – ", " — ", ": "]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()?;
    let head = &text[..cut];
    if head.split_whitespace().count() > 9 {
        return None;
    }
    classify::date_line(head, order).map(|(date, place, _)| (date, place))
}

#[cfg(test)]
mod tests;
