//! Sections and their titles.
//!
//! Headings make sections; text before the first heading is an untitled lead section.
//! A statement without headings gets one section per paragraph, a paragraph joining the
//! one before when both are about the same thing (same leading topic and aspect). Every
//! section gets a short, distinct title built from its topics — "North Korea: nuclear
//! and missile tests" — or its heading when it has one.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::document::Statement;

use super::topics::{TopicLexicon, TopicScore, merge_scores};

/// Longest section title, in characters.
pub const MAX_TITLE_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// 1-based, as shown to people.
    pub id: usize,
    pub title: String,
    pub heading: Option<String>,
    /// Every topic the section mentions (lexicon indices), strongest first.
    pub topics: Vec<usize>,
    pub paragraphs: Range<usize>,
    /// Index of the heading in [`Statement::headings`].
    pub heading_index: Option<usize>,
}

/// Builds the sections of `statement` from per-paragraph topic scores.
pub fn build(
    statement: &Statement,
    lexicon: &TopicLexicon,
    paragraph_scores: &[Vec<TopicScore>],
) -> Vec<Section> {
    let spans = if statement.headings.is_empty() {
        topic_runs(statement.paragraphs.len(), paragraph_scores)
    } else {
        heading_spans(statement)
    };
    let mut sections = Vec::with_capacity(spans.len());
    let mut section_scores = Vec::with_capacity(spans.len());
    for (i, (heading_index, paragraphs)) in spans.into_iter().enumerate() {
        // A one-paragraph section has its paragraph's scores; only runs are merged.
        let scores: Cow<[TopicScore]> = if paragraphs.len() == 1 {
            Cow::Borrowed(&paragraph_scores[paragraphs.start])
        } else {
            let mut merged = Vec::new();
            for p in paragraphs.clone() {
                merge_scores(&mut merged, &paragraph_scores[p]);
            }
            Cow::Owned(merged)
        };
        sections.push(Section {
            id: i + 1,
            title: String::new(),
            heading: heading_index.map(|h| statement.headings[h].text.clone()),
            topics: scores.iter().map(|s| s.topic).collect(),
            paragraphs,
            heading_index,
        });
        section_scores.push(scores);
    }
    assign_titles(&mut sections, &section_scores, statement, lexicon);
    sections
}

/// The sections known before topics are: one per heading (and the lead), or one for
/// the whole text, titled by the headings or the statement's title.
pub fn pending(statement: &Statement) -> Vec<Section> {
    let spans = if statement.headings.is_empty() {
        vec![(None, 0..statement.paragraphs.len())]
    } else {
        heading_spans(statement)
    };
    spans
        .into_iter()
        .enumerate()
        .map(|(i, (heading_index, paragraphs))| {
            let heading = heading_index.map(|h| statement.headings[h].text.clone());
            let title = shorten(
                heading.as_deref().unwrap_or(&statement.metadata.title),
                MAX_TITLE_CHARS,
            );
            Section {
                id: i + 1,
                title,
                heading,
                topics: Vec::new(),
                paragraphs,
                heading_index,
            }
        })
        .collect()
}

fn heading_spans(statement: &Statement) -> Vec<(Option<usize>, Range<usize>)> {
    let mut spans = Vec::new();
    let first_heading_at = statement.headings[0].before_paragraph;
    if first_heading_at > 0 {
        spans.push((None, 0..first_heading_at));
    }
    for (h, heading) in statement.headings.iter().enumerate() {
        let end = statement
            .headings
            .get(h + 1)
            .map_or(statement.paragraphs.len(), |next| next.before_paragraph);
        spans.push((Some(h), heading.before_paragraph..end));
    }
    spans
}

/// One section per paragraph, joined when consecutive paragraphs lead with the same
/// topic and aspect.
fn topic_runs(paragraphs: usize, scores: &[Vec<TopicScore>]) -> Vec<(Option<usize>, Range<usize>)> {
    let lead = |p: usize| {
        scores[p]
            .first()
            .map(|s| (s.topic, s.ranked_aspects().first().copied()))
    };
    let mut spans: Vec<(Option<usize>, Range<usize>)> = Vec::new();
    for p in 0..paragraphs {
        let joins = p > 0 && lead(p).is_some() && lead(p) == lead(p - 1);
        match spans.last_mut() {
            Some((_, range)) if joins => range.end = p + 1,
            _ => spans.push((None, p..p + 1)),
        }
    }
    spans
}

/// Titles, in order of preference, for a section with these topic scores; built one at
/// a time, since the first is usually free.
fn candidates<'a>(
    scores: &'a [TopicScore],
    lexicon: &'a TopicLexicon,
) -> impl Iterator<Item = String> + 'a {
    let label = move |t: usize, a: usize| lexicon.topics[t].aspects[a].label.as_str();
    scores
        .first()
        .into_iter()
        .flat_map(move |lead| {
            let t = lead.topic;
            let topic = lexicon.name(t);
            let aspects = lead.ranked_aspects();
            let first = aspects.first().copied();
            first
                .map(move |a| format!("{topic}: {}", label(t, a)))
                .into_iter()
                .chain(first.map(move |a| capitalise(label(t, a))))
                .chain(
                    scores
                        .get(1)
                        .map(move |second| format!("{topic} and {}", lexicon.name(second.topic))),
                )
                .chain(
                    aspects
                        .into_iter()
                        .skip(1)
                        .map(move |a| format!("{topic}: {}", label(t, a))),
                )
                .chain(std::iter::once(topic.to_string()))
                .chain(scores.iter().skip(1).filter_map(move |other| {
                    let a = *other.ranked_aspects().first()?;
                    Some(format!(
                        "{}: {}",
                        lexicon.name(other.topic),
                        label(other.topic, a)
                    ))
                }))
        })
        .filter(|t| t.chars().count() <= MAX_TITLE_CHARS)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A title from the section's own words, for sections no topic describes.
fn title_from_text(statement: &Statement, section: &Section) -> Option<String> {
    let text = statement.paragraphs.get(section.paragraphs.start)?;
    let first = text.sentences.first().map(|s| &text.text[s.start..s.end])?;
    let title = shorten(
        first.trim_end_matches(['.', '!', '?', ':', ';']),
        MAX_TITLE_CHARS,
    );
    is_readable(&title).then_some(title)
}

/// A title needs at least a letter or a digit: "." or "—" names nothing.
fn is_readable(title: &str) -> bool {
    title.chars().any(char::is_alphanumeric)
}

/// Cuts `text` at a word boundary so it fits `max` characters, marking the cut with "…".
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let limit = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(i, _)| i);
    let cut = if text[limit..].starts_with(' ') {
        limit
    } else {
        text[..limit]
            .rfind(' ')
            .filter(|&at| at > limit / 2)
            .unwrap_or(limit)
    };
    format!(
        "{}…",
        text[..cut].trim_end_matches([',', ';', ':', ' ', '-', '–'])
    )
}

/// Titles already given, compared case-insensitively, and the next number to try for
/// each base title that ran out of alternatives.
#[derive(Default)]
struct UsedTitles {
    taken: HashSet<String>,
    next_number: HashMap<String, usize>,
}

impl UsedTitles {
    fn is_free(&self, title: &str) -> bool {
        !self.taken.contains(&title.to_lowercase())
    }

    fn take(&mut self, title: &str) {
        self.taken.insert(title.to_lowercase());
    }

    /// "North Korea (2)", "North Korea (3)" … trimmed so the suffix still fits.
    fn numbered_variant(&mut self, base: &str) -> String {
        let mut n = self.next_number.get(base).copied().unwrap_or(2);
        loop {
            let suffix = format!(" ({n})");
            let room = MAX_TITLE_CHARS - suffix.chars().count();
            let title = format!("{}{suffix}", shorten(base, room));
            n += 1;
            if self.is_free(&title) {
                self.next_number.insert(base.to_string(), n);
                return title;
            }
        }
    }
}

fn assign_titles(
    sections: &mut [Section],
    scores: &[Cow<[TopicScore]>],
    statement: &Statement,
    lexicon: &TopicLexicon,
) {
    let mut used = UsedTitles::default();
    for (section, scores) in sections.iter_mut().zip(scores) {
        let mut options = section
            .heading
            .as_deref()
            .map(|h| shorten(h, MAX_TITLE_CHARS))
            .into_iter()
            .chain(candidates(scores, lexicon))
            .chain(std::iter::once_with(|| title_from_text(statement, section)).flatten())
            .filter(|t| is_readable(t));
        let mut first = None;
        let free = options.find(|t| {
            first.get_or_insert_with(|| t.clone());
            used.is_free(t)
        });
        let title = match free {
            Some(title) => title,
            None => {
                // Nothing to go by: the statement's own title, numbered.
                let fallback = shorten(&statement.metadata.title, MAX_TITLE_CHARS);
                let base = first.unwrap_or(if is_readable(&fallback) {
                    fallback
                } else {
                    "Text".to_string()
                });
                if used.is_free(&base) {
                    base
                } else {
                    used.numbered_variant(&base)
                }
            }
        };
        used.take(&title);
        section.title = title;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("Short title", 40), "Short title");
        let long = shorten(
            "Japan and NATO are reliable and natural partners sharing values",
            40,
        );
        assert!(long.chars().count() <= 40, "{long}");
        assert!(long.ends_with('…'));
        assert_eq!(long, "Japan and NATO are reliable and natural…");
    }

    #[test]
    fn numbered_variants_fit_and_count_up() {
        let mut used = UsedTitles::default();
        let base = "A very long heading that nearly fills it";
        used.take(base);
        let v = used.numbered_variant(base);
        assert!(
            v.ends_with(" (2)") && v.chars().count() <= MAX_TITLE_CHARS,
            "{v}"
        );
        used.take(&v);
        assert!(used.numbered_variant(base).ends_with(" (3)"));
    }
}
