//! Sections and their titles.
//!
//! Headings make sections; text before the first heading is an untitled lead section.
//! A statement without headings gets one section per paragraph, a paragraph joining the
//! one before when both are about the same thing (same leading topic and aspect). Every
//! section gets a short, distinct title built from its topics — "North Korea: nuclear
//! and missile tests" — or its heading when it has one.
//!
//! Sections are built as the paragraphs' topic scores arrive ([`Builder`]), so only the
//! open section's scores are held, whatever the length of the statement.

mod titles;

use std::ops::Range;

use crate::document::{Statement, saturating_u32};

use super::topics::{TopicLexicon, TopicScore, merge_scores};
use titles::UsedTitles;
pub use titles::{shorten, whole_title};

/// Longest section title, in characters.
pub const MAX_TITLE_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// 1-based, as shown to people ([`Section::id`]).
    id: u32,
    /// Where its title lies in [`crate::analysis::Analysis::section_titles`] (start
    /// and end): the titles of all sections in one string, as a statement may have
    /// millions of sections and most titles are too long to keep inline.
    title: (u32, u32),
    /// Where its topics lie in [`crate::analysis::Analysis::section_topics`] (start and
    /// end): the topics of all sections in one vector, not an allocation per section.
    topics: (u32, u32),
    /// Its paragraphs' indexes, start and end ([`Section::paragraphs`]).
    paragraphs: (u32, u32),
    /// Index of the heading in [`Statement::headings`] ([`Section::heading_index`]);
    /// [`NO_HEADING`] when it has none.
    heading_index: u32,
}

/// The heading index of a section without a heading.
const NO_HEADING: u32 = u32::MAX;

impl Section {
    /// Section `id` (1-based) of `paragraphs`, under heading `heading_index`, untitled
    /// and without topics until they are known.
    pub fn new(id: usize, paragraphs: Range<usize>, heading_index: Option<usize>) -> Section {
        Section {
            id: saturating_u32(id),
            title: (0, 0),
            topics: (0, 0),
            paragraphs: (
                saturating_u32(paragraphs.start),
                saturating_u32(paragraphs.end),
            ),
            heading_index: heading_index.map_or(NO_HEADING, saturating_u32),
        }
    }

    /// 1-based, as shown to people.
    pub fn id(&self) -> usize {
        self.id as usize
    }

    /// Where its title lies in [`crate::analysis::Analysis::section_titles`].
    pub fn title(&self) -> Range<usize> {
        self.title.0 as usize..self.title.1 as usize
    }

    /// Where its topics lie in [`crate::analysis::Analysis::section_topics`].
    pub fn topics(&self) -> Range<usize> {
        self.topics.0 as usize..self.topics.1 as usize
    }

    /// The indexes of its paragraphs.
    pub fn paragraphs(&self) -> Range<usize> {
        self.paragraphs.0 as usize..self.paragraphs.1 as usize
    }

    /// Index of its heading in [`Statement::headings`], if it has one.
    pub fn heading_index(&self) -> Option<usize> {
        (self.heading_index != NO_HEADING).then_some(self.heading_index as usize)
    }

    /// The section's heading as written, if it has one (kept once, in the statement).
    pub fn heading<'s>(&self, statement: &'s Statement) -> Option<&'s str> {
        self.heading_index()
            .and_then(|h| statement.headings.get(h))
            .map(|h| h.text.as_str())
    }
}

/// Builds the sections of a statement from its paragraphs' topic scores, given in
/// reading order, one paragraph at a time.
pub struct Builder<'a> {
    statement: &'a Statement,
    lexicon: &'a TopicLexicon,
    titles: UsedTitles,
    sections: Vec<Section>,
    /// The topics of the sections closed, one after another.
    topics: Vec<usize>,
    /// The titles of the sections closed, one after another.
    title_text: String,
    open: Option<Open>,
    /// With headings, the spans of the sections still to open; without, `None`: runs
    /// of paragraphs on one topic make the sections.
    spans: Option<HeadingSpans<'a>>,
    /// The leading topic and aspect of the last paragraph.
    last_lead: Option<(usize, Option<usize>)>,
}

/// The section paragraphs are being added to.
struct Open {
    heading_index: Option<usize>,
    paragraphs: Range<usize>,
    scores: Vec<TopicScore>,
}

impl<'a> Builder<'a> {
    pub fn new(statement: &'a Statement, lexicon: &'a TopicLexicon) -> Builder<'a> {
        Builder {
            statement,
            lexicon,
            titles: UsedTitles::default(),
            // With headings there is a section per heading (and the lead before the
            // first): sized ahead, as for the pending sections.
            sections: Vec::with_capacity(statement.headings.len() + 1),
            topics: Vec::new(),
            title_text: String::new(),
            open: None,
            spans: (!statement.headings.is_empty()).then(|| heading_spans(statement)),
            last_lead: None,
        }
    }

    /// Adds paragraph `p` (the next in reading order) and returns the index of the
    /// section it is in.
    pub fn paragraph(&mut self, p: usize, scores: &[TopicScore]) -> usize {
        if self.spans.is_some() {
            while self.open.as_ref().is_none_or(|o| p >= o.paragraphs.end) {
                let Some((heading_index, paragraphs)) =
                    self.spans.as_mut().and_then(Iterator::next)
                else {
                    break;
                };
                self.close();
                self.open = Some(Open {
                    heading_index,
                    paragraphs,
                    scores: Vec::new(),
                });
            }
        } else {
            let lead = lead(scores);
            let joins = lead.is_some() && lead == self.last_lead && self.open.is_some();
            self.last_lead = lead;
            if !joins {
                self.close();
                self.open = Some(Open {
                    heading_index: None,
                    paragraphs: p..p,
                    scores: Vec::new(),
                });
            }
        }
        let Some(open) = self.open.as_mut() else {
            return self.sections.len().saturating_sub(1);
        };
        open.paragraphs.end = open.paragraphs.end.max(p + 1);
        if open.scores.is_empty() {
            open.scores = scores.to_vec();
        } else {
            merge_scores(&mut open.scores, scores);
        }
        self.sections.len()
    }

    /// The sections, the last closed and any without paragraphs (a heading at the end)
    /// added, with their topics (every section's after the one before's, strongest
    /// first) and their titles (one after another).
    pub fn finish(mut self) -> (Vec<Section>, Vec<usize>, String) {
        self.close();
        while let Some((heading_index, paragraphs)) = self.spans.as_mut().and_then(Iterator::next) {
            self.open = Some(Open {
                heading_index,
                paragraphs,
                scores: Vec::new(),
            });
            self.close();
        }
        (self.sections, self.topics, self.title_text)
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let mut section =
            Section::new(self.sections.len() + 1, open.paragraphs, open.heading_index);
        let start = self.topics.len();
        self.topics.extend(open.scores.iter().map(|s| s.topic));
        section.topics = (saturating_u32(start), saturating_u32(self.topics.len()));
        let title = self
            .titles
            .assign(&section, &open.scores, self.statement, self.lexicon);
        section.title = push_title(&mut self.title_text, &title);
        self.sections.push(section);
    }
}

/// A paragraph's leading topic and aspect: what tells whether it goes on the last
/// paragraph's subject.
fn lead(scores: &[TopicScore]) -> Option<(usize, Option<usize>)> {
    scores
        .first()
        .map(|s| (s.topic, s.ranked_aspects().first().copied()))
}

/// Adds `title` to the titles in `text`; returns where it lies.
fn push_title(text: &mut String, title: &str) -> (u32, u32) {
    let start = text.len();
    text.push_str(title);
    (saturating_u32(start), saturating_u32(text.len()))
}

/// The sections known before topics are: one per heading (and the lead), or one for
/// the whole text, titled by the headings or the statement's title; and their titles,
/// one after another.
pub fn pending(statement: &Statement) -> (Vec<Section>, String) {
    let whole = statement
        .headings
        .is_empty()
        .then_some((None, 0..statement.paragraphs.len()));
    // Sized ahead (a section per heading and the lead, or the whole text): a statement
    // may have millions of headings, and a vector grown by doubling would hold up to
    // twice their sections while the real ones are built.
    let mut sections = Vec::with_capacity(statement.headings.len() + 1);
    let spans = whole.into_iter().chain(heading_spans(statement));
    let mut titles = String::new();
    sections.extend(spans.enumerate().map(|(i, (heading_index, paragraphs))| {
        let heading = heading_index.map(|h| statement.headings[h].text.as_str());
        let title = shorten(
            heading.unwrap_or(&statement.metadata.title),
            MAX_TITLE_CHARS,
        );
        let mut section = Section::new(i + 1, paragraphs, heading_index);
        section.title = push_title(&mut titles, &title);
        section
    }));
    titles.shrink_to_fit();
    (sections, titles)
}

/// The heading sections' paragraphs, made as they are asked for (a statement may have
/// millions of headings): the untitled lead before the first heading if there is text
/// there, then one per heading.
fn heading_spans(statement: &Statement) -> HeadingSpans<'_> {
    let lead = statement
        .headings
        .first()
        .is_some_and(|h| h.before_paragraph() > 0);
    HeadingSpans {
        statement,
        next: 0,
        lead,
    }
}

struct HeadingSpans<'a> {
    statement: &'a Statement,
    /// The next heading's index.
    next: usize,
    /// Whether the lead section is still to come.
    lead: bool,
}

impl Iterator for HeadingSpans<'_> {
    type Item = (Option<usize>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let headings = &self.statement.headings;
        let start_of = |h: usize| {
            headings
                .get(h)
                .map_or(self.statement.paragraphs.len(), |next| {
                    next.before_paragraph()
                })
        };
        if std::mem::take(&mut self.lead) {
            return Some((None, 0..start_of(0)));
        }
        let h = self.next;
        let heading = headings.get(h)?;
        self.next += 1;
        Some((Some(h), heading.before_paragraph()..start_of(h + 1)))
    }
}
