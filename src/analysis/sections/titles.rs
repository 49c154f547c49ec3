//! Section titles: candidates from a section's topics, its heading or its first
//! words, each title distinct from those given before it.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::topics::{TopicLexicon, TopicScore};
use crate::document::Statement;

use super::{MAX_TITLE_CHARS, Section};

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
    let title = shorten(first_words(statement, section)?, MAX_TITLE_CHARS);
    is_readable(&title).then_some(title)
}

/// The section's first sentence without its end mark: what a title from its own
/// words is cut from.
fn first_words<'s>(statement: &'s Statement, section: &Section) -> Option<&'s str> {
    let p = section.paragraphs().start;
    let text = &statement.paragraphs.get(p)?.text;
    let first = statement
        .paragraph_sentences(p)
        .first()
        .map(|s| &text[s.range()])?;
    Some(first.trim_end_matches(['.', '!', '?', ':', ';']))
}

/// Longest text, in bytes, [`whole_title`] gives as a title: past it (a first
/// "sentence" of a whole page) the short title is the better name, and an export that
/// repeats the title on every row stays linear.
const WHOLE_TITLE_MAX: usize = 400;

/// The text a section's title (`title`) was cut from, whole: its heading, its first
/// words or the statement's title — whichever, shortened, gives its title — else the
/// title as it is. Exports carry this; the reader shows the short title.
pub fn whole_title<'a>(title: &'a str, section: &Section, statement: &'a Statement) -> &'a str {
    let fits = |whole: &&str| whole.len() <= WHOLE_TITLE_MAX;
    if !title.ends_with('…') {
        return section.heading(statement).filter(fits).unwrap_or(title);
    }
    [
        section.heading(statement),
        first_words(statement, section),
        Some(statement.metadata.title.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(fits)
    .find(|whole| shorten(whole, MAX_TITLE_CHARS) == title)
    .unwrap_or(title)
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
    if max == 0 {
        return String::new();
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
///
/// A title is remembered by a 64-bit hash of its lowercase form, not a copy: a
/// statement of a million sections would otherwise hold every title twice. Two titles
/// sharing a hash (about one chance in 10^7 at a million titles) only cost the second a
/// number it did not need.
#[derive(Default)]
pub(super) struct UsedTitles {
    taken: HashSet<u64>,
    next_number: HashMap<String, usize>,
}

fn key(title: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(title.to_lowercase())
}

impl UsedTitles {
    fn is_free(&self, title: &str) -> bool {
        !self.taken.contains(&key(title))
    }

    fn take(&mut self, title: &str) {
        self.taken.insert(key(title));
    }

    /// Gives `section` the first free title of its candidates, and takes it.
    pub(super) fn assign(
        &mut self,
        section: &Section,
        scores: &[TopicScore],
        statement: &Statement,
        lexicon: &TopicLexicon,
    ) -> String {
        let mut options = section
            .heading(statement)
            .map(|h| shorten(h, MAX_TITLE_CHARS))
            .into_iter()
            .chain(candidates(scores, lexicon))
            .chain(std::iter::once_with(|| title_from_text(statement, section)).flatten())
            .filter(|t| is_readable(t));
        let mut first = None;
        let free = options.find(|t| {
            first.get_or_insert_with(|| t.clone());
            self.is_free(t)
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
                if self.is_free(&base) {
                    base
                } else {
                    self.numbered_variant(&base)
                }
            }
        };
        self.take(&title);
        title
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

    #[test]
    fn whole_titles_are_what_the_short_ones_were_cut_from_up_to_a_bound() {
        use crate::analysis::{Lexicons, analyse};
        let long_heading =
            "Cooperation on the waters, the ports and the people of the Northern Sea";
        let text = format!(
            "# Statement\n\n## {long_heading}\n\nThe partners agree on every point that was raised.\n"
        );
        let statement = Statement::parse(&text, "t");
        let analysis = analyse(&statement, Lexicons::embedded());
        let section = analysis.sections.last().unwrap();
        let title = analysis.section_title(section);
        assert!(title.ends_with('…'), "{title}");
        assert_eq!(whole_title(title, section, &statement), long_heading);

        let endless = format!(
            "Statement\n\n{}and so on.\n",
            "Words and more words, ".repeat(100)
        );
        let statement = Statement::parse(&endless, "t");
        let analysis = analyse(&statement, Lexicons::embedded());
        let section = &analysis.sections[0];
        let title = analysis.section_title(section);
        assert!(title.ends_with('…'), "{title}");
        assert_eq!(whole_title(title, section, &statement), title, "capped");
    }
}
