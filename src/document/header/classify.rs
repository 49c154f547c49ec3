//! What one header line is, read from the line alone.
//!
//! The decisions that need the lines around it (which candidate is the title, whether
//! prose is a summary or the body, what a label line labels) are made in
//! [`super::zone`] and [`super`]; here each line gets the one reading its own words
//! support.

use super::lexicon::HeaderLexicon;
use crate::document::dates::{self, Date, DateTime, NumericOrder};

/// The reading of one (logical) header line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Punctuation only: "|", "-", "* *** *", "###".
    Separator,
    /// Dropped: menus, language switchers, notices, captions, share and print text.
    Furniture(&'static str),
    /// "Press Release (2008) 153", "SC/8215", "[S/RES/700 (1991)]".
    Reference,
    LastUpdated(DateTime),
    Issued(Date),
    Published(Date),
    /// A label alone whose value is on the next line: "Published", "From:", "Updated".
    Label(LabelOf),
    /// A date alone, or a place and a date ("Capital City, 8 July 2016", "of 30
    /// August 1974"): the date, the place, whether a numeric date was ambiguous.
    DateLine(Date, Option<String>, bool),
    /// "Issued on the occasion of …", "Meeting of the … at the level of …", "Adopted by …".
    Occasion,
    /// "Following is today's press statement by …:", "The text of the following …".
    ReleaseNote,
    /// The resolution's subject: "The Security Council,".
    SubjectLine,
    /// A numbered paragraph, a Markdown or explicit body heading: the body has begun.
    BodyMarker,
    /// A sentence or more of text.
    Prose,
    /// A line that could be a title.
    Candidate,
    /// A database copy's field: "[Title] …", "[Date] …", "[Full text]".
    Field(Field),
    /// Anything else (a fragment, a name).
    Other,
}

/// The fields database and aggregator copies put in brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title(String),
    Place(String),
    Date(Date),
    Source(String),
    /// "[Full text]": the body follows.
    FullText,
    /// "[Notes]", "[Language]" and other fields with nothing communique reads.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelOf {
    Published,
    LastUpdated,
    Issued,
    From,
}

const BULLETS: &[char] = &['•', '·', '*', '-', '–', '‣', '▪', '◦', '●', '○', '■'];

/// The line without a leading bullet ("• 14 Mar. 2019 -" → "14 Mar. 2019 -").
pub fn strip_bullet(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = &text[first.len_utf8()..];
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim())
}

/// The line as the lexicon compares it: lowercase, without final punctuation.
pub fn key(text: &str) -> String {
    text.trim()
        .trim_end_matches([':', '.', ',', ';', '|', '-', '–', '—', ' '])
        .trim()
        .to_lowercase()
}

pub fn words(text: &str) -> Vec<String> {
    lower_words(&text.to_lowercase())
        .into_iter()
        .map(String::from)
        .collect()
}

/// The words of an already lowercased text, without the punctuation around them.
fn lower_words(lower: &str) -> Vec<&str> {
    lower
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        })
        .filter(|w| !w.is_empty())
        .collect()
}

pub fn ends_like_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*'])
        .ends_with(['.', '!', '?', ';', '。'])
}

/// Punctuation and symbols only, with at least one of them.
pub fn is_separator(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '(' | ')')))
}

/// Reads one line. `next_is_value` says whether the next line could hold a label's
/// value (it is not blank).
pub fn classify(text: &str, lexicon: &HeaderLexicon, order: NumericOrder) -> Kind {
    let content = strip_bullet(text).unwrap_or(text);
    if content.is_empty() || is_separator(content) {
        return Kind::Separator;
    }
    if let Some(field) = bracketed_field(content, order) {
        return Kind::Field(field);
    }
    if content.len() > 4 * MAX_TITLE_BYTES / 3
        || content.split_whitespace().nth(LONG_WORDS).is_some()
    {
        return classify_long(content, lexicon);
    }
    let lower = content.to_lowercase();
    let k = lower
        .trim_end_matches([':', '.', ',', ';', '|', '-', '–', '—', ' '])
        .trim()
        .to_string();
    let word_count = content.split_whitespace().count();
    if let Some(kind) = dated(content, &lower, lexicon, order) {
        return kind;
    }
    if let Some(label) = label_alone(&k, lexicon) {
        return Kind::Label(label);
    }
    if is_reference(content) {
        return Kind::Reference;
    }
    if is_speaker_label(content) {
        return Kind::BodyMarker;
    }
    if lexicon.is_delivery(&k) {
        return Kind::Furniture("delivery");
    }
    if lexicon.is_notice(&lower) {
        return Kind::Furniture("notice");
    }
    if lexicon.is_furniture(&k) {
        return Kind::Furniture("furniture");
    }
    if is_language_switcher(content, lexicon) {
        return Kind::Furniture("language");
    }
    if is_menu(content) {
        return Kind::Furniture("menu");
    }
    if lexicon.is_release_note(&lower) && word_count <= 45 {
        return Kind::ReleaseNote;
    }
    if is_subject_line(content) {
        return Kind::SubjectLine;
    }
    if crate::document::body::paragraph_number(content).is_some() {
        return Kind::BodyMarker;
    }
    let ends = ends_like_sentence(content);
    if lexicon.opens_occasion(&lower) {
        // A lead-in ("On the occasion of the visit, the ministers met …:") or a first
        // sentence is text, not an occasion line.
        let lead_in = content.ends_with(':') && word_count >= 10;
        if !(lead_in || ends && word_count > 20) {
            return Kind::Occasion;
        }
    }
    let ws = lower_words(&lower);
    let genre_at = lexicon.genre_at(&ws);
    if word_count >= 8 && (ends || content.ends_with(':')) && genre_at.is_none_or(|g| g > 2) {
        return Kind::Prose;
    }
    if word_count >= 30 {
        return Kind::Prose;
    }
    // A short sentence: text once the title has been seen, a tagline before it.
    let capitalised = content.starts_with(|c: char| c.is_uppercase() || c.is_numeric());
    let full_stop = content
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?']);
    if word_count >= 2 && full_stop && capitalised && genre_at.is_none_or(|g| g > 2) {
        return Kind::Prose;
    }
    // A lead-in to a list: "The ministers agreed on the following areas:".
    if word_count >= 4 && content.ends_with(':') && capitalised {
        return Kind::Prose;
    }
    let starts_lower = content.starts_with(|c: char| c.is_lowercase());
    let title_like = word_count <= 25
        && content.chars().count() <= 200
        && content.chars().any(char::is_alphabetic)
        && !starts_lower
        && (!ends || genre_at.is_some_and(|g| g <= 2))
        && !content.ends_with([':', ',']);
    if title_like {
        Kind::Candidate
    } else {
        Kind::Other
    }
}

/// More words than this make a line text (or an occasion listing many names); only its
/// start is compared with the lexicon.
const LONG_WORDS: usize = 30;
/// Bytes a title or header field can take, at most.
const MAX_TITLE_BYTES: usize = 240;

/// A long line: a release note, an occasion, a numbered paragraph, or prose.
fn classify_long(content: &str, lexicon: &HeaderLexicon) -> Kind {
    let cut = content.floor_char_boundary(160);
    let start = content[..cut].to_lowercase();
    if lexicon.is_release_note(&start) && content.split_whitespace().nth(45).is_none() {
        return Kind::ReleaseNote;
    }
    if crate::document::body::paragraph_number(content).is_some() {
        return Kind::BodyMarker;
    }
    if lexicon.opens_occasion(&start) && !ends_like_sentence(content) && !content.ends_with(':') {
        return Kind::Occasion;
    }
    Kind::Prose
}

/// Dates with their labels: "Last updated: …", "Issued on …", "Published …", and
/// date lines.
fn dated(content: &str, lower: &str, lexicon: &HeaderLexicon, order: NumericOrder) -> Option<Kind> {
    if content.split_whitespace().nth(14).is_some() {
        return None;
    }
    let after_label = |labels: &super::lexicon::PrefixSet| {
        let label = labels.prefix_of(lower)?;
        if lower[label.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        // Lowercasing can change byte lengths; then the date is searched in the whole line.
        Some(content.get(label.len()..).unwrap_or(content))
    };
    if let Some(rest) = after_label(&lexicon.last_updated)
        && let Some((stamp, _)) = dates::find_date_time_ordered(rest, order)
    {
        return Some(Kind::LastUpdated(stamp));
    }
    if let Some(rest) = after_label(&lexicon.issued)
        && let Some(found) = dates::find_date_ordered(rest, order)
        && rest[found.end..].trim().is_empty()
    {
        return Some(Kind::Issued(found.date));
    }
    if let Some(rest) = after_label(&lexicon.published)
        && let Some(found) = dates::find_date_ordered(rest, order)
        && rest[..found.start].trim_matches([':', ' ', '-']).is_empty()
    {
        return Some(Kind::Published(found.date));
    }
    date_line(content, order).map(|(date, place, ambiguous)| Kind::DateLine(date, place, ambiguous))
}

/// "[Title] JOINT STATEMENT BY …", "[Date] April 9, 2025", "[Full text]".
fn bracketed_field(text: &str, order: NumericOrder) -> Option<Field> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find(']')?;
    let name = rest[..close].trim().to_lowercase();
    let value = rest[close + 1..].trim();
    let field = match name.as_str() {
        "title" if !value.is_empty() => Field::Title(value.to_string()),
        "place" | "location" if !value.is_empty() => Field::Place(value.to_string()),
        "date" => match dates::find_date_ordered(value, order) {
            Some(found) => Field::Date(found.date),
            None => Field::Other,
        },
        "source" | "publisher" if !value.is_empty() => Field::Source(value.to_string()),
        "full text" | "text" | "fulltext" if value.is_empty() => Field::FullText,
        "title" | "place" | "location" | "source" | "publisher" | "notes" | "note" | "language"
        | "author" | "authors" | "keywords" | "category" | "type" => Field::Other,
        _ => return None,
    };
    Some(field)
}

/// "Published", "Last updated", "From:" alone on a line: the value follows.
fn label_alone(key: &str, lexicon: &HeaderLexicon) -> Option<LabelOf> {
    if lexicon.last_updated.contains(key) {
        Some(LabelOf::LastUpdated)
    } else if lexicon.published.contains(key) {
        Some(LabelOf::Published)
    } else if lexicon.issued.contains(key) {
        Some(LabelOf::Issued)
    } else if lexicon.is_from_label(key) {
        Some(LabelOf::From)
    } else {
        None
    }
}

/// A date alone or with a place: "29 Nov. 2006 |", "United Nations, New York,
/// September 25, 2025", "8 July 2021, Capital City", "of 30 August 1974".
pub fn date_line(text: &str, order: NumericOrder) -> Option<(Date, Option<String>, bool)> {
    if text.split_whitespace().nth(10).is_some() {
        return None;
    }
    let found = dates::find_date_ordered(text, order)?;
    let is_filler =
        |c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | '.' | '|' | ')' | ']');
    let before = text[..found.start]
        .trim_matches(|c: char| is_filler(c) || matches!(c, '(' | '['))
        .trim();
    let after = text[found.end..].trim_matches(is_filler).trim();
    let before = ["of", "on", "dated", "date:", "le", "am", "el", "del"]
        .iter()
        .find_map(|p| before.strip_prefix(p).filter(|r| r.is_empty()))
        .unwrap_or(before);
    let place = match (before.is_empty(), after.is_empty()) {
        (true, true) => None,
        (false, true) => Some(before),
        (true, false) => Some(after),
        (false, false) => return None,
    };
    let place = match place {
        Some(p) if is_place(p) => Some(p.trim_end_matches([',', ':']).to_string()),
        Some(_) => return None,
        None => None,
    };
    Some((found.date, place, found.ambiguous))
}

/// A place as pages write it beside a date: capitalised words ("VIENNA", "Capital
/// City", "United Nations, New York").
fn is_place(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(
                    *w,
                    "of" | "de" | "du" | "la" | "le" | "am" | "an" | "der" | "d.c.," | "and"
                )
        })
}

/// A document symbol or a press release number.
pub fn is_reference(text: &str) -> bool {
    if text.split_whitespace().nth(6).is_some() || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let inner = text.trim_matches(['[', ']', '(', ')', ' ']);
    let tokens: Vec<&str> = inner.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 6 {
        return false;
    }
    // "S/RES/700 (1991)", "SC/8215", "A/RES/76/1", "PR/CP(2018)095".
    let symbol = |t: &str| {
        t.contains('/')
            && t.starts_with(|c: char| c.is_ascii_uppercase())
            && t.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | '(' | ')' | '*')
            })
    };
    if symbol(tokens[0])
        && tokens[1..].iter().all(|t| {
            symbol(t)
                || t.trim_matches(['(', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
        })
    {
        return true;
    }
    // "Press Release (2008) 153", "(2006)150", "Press Release No. 12/2021".
    let numbers: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .collect();
    let label_words = tokens
        .iter()
        .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
        .all(|t| {
            matches!(
                t.to_lowercase().trim_end_matches(['.', ':']),
                "press"
                    | "release"
                    | "statement"
                    | "news"
                    | "communiqué"
                    | "communique"
                    | "no"
                    | "nr"
                    | "ref"
                    | "reference"
                    | "pr"
                    | "media"
                    | "number"
                    | "#"
            )
        });
    !numbers.is_empty()
        && label_words
        && numbers.iter().all(|t| {
            t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '/' | '-' | '.' | '#'))
        })
        && (text.contains('(') || tokens.len() > numbers.len())
}

/// "EN | FR | RU", "En. / Fr. / Ru. / Ukr.", "[English] [Français]", "Japanese".
fn is_language_switcher(text: &str, lexicon: &HeaderLexicon) -> bool {
    let first = text
        .split(['|', '/', '·', '[', ']', ',', ' '])
        .find(|p| !p.is_empty())
        .unwrap_or("");
    if !lexicon.is_language(&first.to_lowercase()) {
        return false;
    }
    let parts: Vec<String> = text
        .split(['|', '/', '·', '[', ']', ','])
        .flat_map(|p| {
            let p = p.trim().to_lowercase();
            if lexicon.is_language(&p) {
                vec![p]
            } else {
                p.split_whitespace().map(String::from).collect()
            }
        })
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty() && parts.len() <= 40 && parts.iter().all(|p| lexicon.is_language(p))
}

/// A navigation menu or breadcrumb: three or more short items between " | ", or items
/// between ">" / "›" / "»".
fn is_menu(text: &str) -> bool {
    if !text.contains(['|', '>', '›', '»']) {
        return false;
    }
    let short_items = |sep: &[char], min: usize| {
        let items: Vec<&str> = text.split(sep).map(str::trim).collect();
        items.len() >= min
            && items.iter().filter(|i| !i.is_empty()).count() >= min.min(2)
            && items
                .iter()
                .all(|i| i.split_whitespace().count() <= 6 && !ends_like_sentence(i))
    };
    short_items(&['|'], 3) || short_items(&['>', '›', '»'], 2)
}

/// "SECRETARY GENERAL:", "PRESIDENT EXAMPLE:": a transcript's speaker label.
fn is_speaker_label(text: &str) -> bool {
    let Some(name) = text.strip_suffix(':') else {
        return false;
    };
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && name.split_whitespace().count() <= 6 && name.chars().all(|c| !c.is_lowercase())
}

/// "The Security Council,", "The Peace and Security Council,": the subject that every
/// clause of a resolution continues.
pub fn is_subject_line(text: &str) -> bool {
    let Some(body) = text.strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    (2..=9).contains(&words.len())
        && matches!(words[0], "The" | "THE")
        && words[1..].iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(*w, "of" | "and" | "the" | "for" | "on" | "in")
        })
        && words
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Kind {
        classify(text, HeaderLexicon::embedded(), NumericOrder::DayFirst)
    }

    #[test]
    fn separators_and_furniture() {
        assert_eq!(kind("• |"), Kind::Separator);
        assert_eq!(kind("* *** *"), Kind::Separator);
        assert_eq!(kind("\\###".trim_start_matches('\\')), Kind::Separator);
        assert_eq!(kind("Share:"), Kind::Furniture("furniture"));
        assert_eq!(kind("EN | FR | RU"), Kind::Furniture("language"));
        assert_eq!(kind("En. / Fr. / Ru. / Ukr."), Kind::Furniture("language"));
        assert_eq!(
            kind("[English] [Français] [Deutsch]"),
            Kind::Furniture("language")
        );
        assert_eq!(kind("Japanese"), Kind::Furniture("language"));
        assert_eq!(
            kind("Summits | Ministerials | Analysis | Search"),
            Kind::Furniture("menu")
        );
        assert_eq!(kind("Home > News > 2013"), Kind::Furniture("menu"));
        assert_eq!(kind("(As delivered)"), Kind::Furniture("delivery"));
        assert_eq!(
            kind("The flag is raised in the capital (Photo: Agency)"),
            Kind::Furniture("notice")
        );
        assert_eq!(
            kind("This was published under the 2019 to 2022 Example government"),
            Kind::Furniture("notice")
        );
    }

    #[test]
    fn references() {
        for r in [
            "Press Release (2008) 153",
            "(2006)150",
            "SC/8215",
            "[S/5386]",
            "S/RES/700 (1991)",
            "PR/CP(2018)095",
            "Press Release No. 12/2021",
        ] {
            assert_eq!(kind(r), Kind::Reference, "{r}");
        }
        assert_ne!(kind("Resolution 361 (1974)"), Kind::Reference);
    }

    #[test]
    fn dates_with_and_without_labels() {
        assert!(matches!(
            kind("• 03 Dec. 2008 -"),
            Kind::DateLine(_, None, false)
        ));
        assert!(matches!(kind("29 Nov. 2006 |"), Kind::DateLine(..)));
        assert!(matches!(
            kind("of 30 August 1974"),
            Kind::DateLine(_, None, _)
        ));
        match kind("United Nations, New York, September 25, 2025") {
            Kind::DateLine(d, Some(place), _) => {
                assert_eq!(d.to_string(), "2025-09-25");
                assert_eq!(place, "United Nations, New York");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            kind("8 July 2021, Capital City"),
            Kind::DateLine(_, Some(_), _)
        ));
        assert!(matches!(kind("• Issued on 03 Dec. 2008"), Kind::Issued(_)));
        assert!(matches!(
            kind("Last updated: 07 Oct. 2009 15:22"),
            Kind::LastUpdated(_)
        ));
        assert!(matches!(
            kind("Published 22 December 2021"),
            Kind::Published(_)
        ));
        assert_eq!(kind("Published"), Kind::Label(LabelOf::Published));
        assert_eq!(kind("From:"), Kind::Label(LabelOf::From));
        assert!(matches!(kind("08/10/2004"), Kind::DateLine(_, None, true)));
    }

    #[test]
    fn bracketed_fields() {
        assert_eq!(
            kind("[Title] JOINT STATEMENT BY THE MINISTERS"),
            Kind::Field(Field::Title("JOINT STATEMENT BY THE MINISTERS".into()))
        );
        assert!(matches!(
            kind("[Date] April 9, 2025"),
            Kind::Field(Field::Date(_))
        ));
        assert_eq!(kind("[Place]"), Kind::Field(Field::Other));
        assert_eq!(kind("[Full text]"), Kind::Field(Field::FullText));
        assert_ne!(kind("[English]"), Kind::Field(Field::Other));
    }

    #[test]
    fn occasions_notes_subjects_and_text() {
        assert_eq!(
            kind("issued on the occasion of the meeting between A and B"),
            Kind::Occasion
        );
        assert_eq!(
            kind("Meeting of the Council at the level of Ambassadors"),
            Kind::Occasion
        );
        assert_eq!(
            kind("Following is today’s press statement by the Council President, A. Example:"),
            Kind::ReleaseNote
        );
        assert_eq!(kind("The Security Council,"), Kind::SubjectLine);
        assert_eq!(kind("The Peace and Security Council,"), Kind::SubjectLine);
        assert_eq!(kind("The ministers,"), Kind::Other);
        assert_eq!(kind("1. Today, we meet in the capital."), Kind::BodyMarker);
        assert_eq!(
            kind("On the occasion of the visit, the ambassadors met the minister and agreed:"),
            Kind::Prose
        );
        assert_eq!(
            kind("We condemn the attack on the embassy in the strongest terms."),
            Kind::Prose
        );
        assert_eq!(kind("Joint press statement"), Kind::Candidate);
        assert_eq!(
            kind(
                "Communiqué of the Chair of the Commission in support of the decisions of the regional bloc regarding the crisis."
            ),
            Kind::Candidate
        );
        assert_eq!(kind("participating in the meeting"), Kind::Other);
    }
}
