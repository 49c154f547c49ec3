//! The page header: site furniture, title, occasion line, date bullets.
//!
//! Everything before the first body line. Fields the page does not give stay empty —
//! nothing is invented — except the title, which falls back to the file name.

use super::dates::{self, DateTime};
use super::lines::Line;
use super::{Metadata, body, people};

/// The metadata and where the body starts.
pub struct Header {
    pub metadata: Metadata,
    pub body_start: usize,
}

/// Site furniture seen above the title of scraped pages (compared lowercased).
const FURNITURE: &[&str] = &[
    "skip to main content",
    "skip to content",
    "menu",
    "main menu",
    "search",
    "log in",
    "login",
    "sign in",
    "sign up",
    "home",
    "press release",
    "press releases",
    "news",
    "news release",
    "share",
    "share this",
    "print",
    "print this page",
    "email",
    "close",
    "back",
    "subscribe",
    "english",
    "français",
    "francais",
    "deutsch",
    "español",
    "italiano",
    "русский",
    "українська",
    "日本語",
    "中文",
    "en",
    "fr",
    "de",
    "es",
    "ru",
    "uk",
    "ja",
    "statement",
    "official texts",
    "speeches & transcripts",
    "toggle navigation",
    "breadcrumb",
    "you are here:",
    "facebook",
    "twitter",
    "linkedin",
    "rss",
];

/// "Last updated" in the languages institutional pages are published in.
const LAST_UPDATED: &[&str] = &[
    "last updated",
    "last modified",
    "updated",
    "dernière mise à jour",
    "derniere mise a jour",
    "mis à jour",
    "letzte aktualisierung",
    "zuletzt aktualisiert",
    "última actualización",
    "ultima actualizacion",
    "actualizado",
    "ultimo aggiornamento",
    "aggiornato",
    "última atualização",
    "atualizado",
    "последнее обновление",
    "обновлено",
    "останнє оновлення",
    "оновлено",
    "最終更新",
];

const BULLETS: &[char] = &['•', '·', '*', '-', '–', '‣', '▪', '◦'];

fn is_furniture(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let lower = line.to_lowercase();
    if FURNITURE.contains(&lower.as_str()) {
        return true;
    }
    // Language switchers and menus: "EN | FR | RU", "English / Français".
    let parts: Vec<&str> = lower.split(['|', '/', '·']).map(str::trim).collect();
    parts.len() >= 2
        && parts.len() <= 8
        && parts.iter().all(|p| {
            p.is_empty() || (p.chars().count() <= 12 && !p.contains(' ') || FURNITURE.contains(p))
        })
}

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .ends_with(['.', '!', '?', ';', ',', '。'])
}

/// A title is a short line that is not a sentence.
fn is_title_like(text: &str) -> bool {
    text.split_whitespace().count() <= 25
        && text.chars().count() <= 200
        && !ends_like_sentence(text)
}

fn markdown_heading(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches('#');
    (rest.len() < text.len()
        && text.len() - rest.len() <= 6
        && (rest.starts_with(' ') || rest.is_empty()))
    .then(|| rest.trim())
}

fn strip_bullet(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !BULLETS.contains(&first) {
        return None;
    }
    let rest = &text[first.len_utf8()..];
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim())
}

fn last_updated(text: &str) -> Option<DateTime> {
    if text.split_whitespace().nth(12).is_some() {
        return None;
    }
    let lower = text.to_lowercase();
    let label = LAST_UPDATED
        .iter()
        .find(|l| lower.starts_with(*l) && !lower[l.len()..].starts_with(char::is_alphanumeric))?;
    // Lowercasing can change byte lengths; if it did, search the whole line for the date.
    let rest = text.get(label.len()..).unwrap_or(text);
    let rest = rest.trim_start_matches([':', ' ', '-', '–']);
    dates::find_date_time(rest).map(|(dt, _)| dt)
}

/// A line that is only a date, or a place and a date ("Capital City, 8 July 2016").
fn date_line(text: &str) -> Option<(dates::Date, Option<String>)> {
    if text.split_whitespace().nth(10).is_some() {
        return None;
    }
    let found = dates::find_date(text)?;
    let tail = text[found.end..]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | '.'));
    if !tail.is_empty() {
        return None;
    }
    let place = text[..found.start]
        .trim()
        .trim_end_matches([',', '-', '–', '—'])
        .trim();
    let place = (!place.is_empty() && place.chars().next().is_some_and(char::is_uppercase))
        .then(|| place.to_string());
    Some((found.date, place))
}

pub fn read(lines: &[Line], fallback_title: &str) -> Header {
    let mut metadata = Metadata::default();
    let mut i = 0;
    let next_text = |from: usize| (from..lines.len()).find(|&k| !lines[k].is_blank());

    // Furniture first, but never the last line of text: that is the statement itself.
    let mut at = next_text(0);
    while let Some(k) = at {
        if is_furniture(&lines[k].text) && next_text(k + 1).is_some() {
            at = next_text(k + 1);
        } else {
            break;
        }
    }
    if let Some(k) = at {
        let text = &lines[k].text;
        if let Some(title) = markdown_heading(text).filter(|t| !t.is_empty()) {
            metadata.title = title.to_string();
            i = k + 1;
        } else if is_title_like(text)
            && next_text(k + 1).is_some()
            && strip_bullet(text).is_none()
            && body::paragraph_number(text).is_none()
        {
            metadata.title = text.to_string();
            i = k + 1;
        } else {
            i = k;
        }
    }
    if metadata.title.is_empty() {
        metadata.title = fallback_title.to_string();
    }

    let mut body_start = i;
    while i < lines.len() {
        let line = &lines[i];
        let text: &str = &line.text;
        if line.is_blank() {
            i += 1;
            continue;
        }
        let content = strip_bullet(text).unwrap_or(text);
        let opens_with = |prefix: &str| {
            text.get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        };
        if metadata.occasion.is_none()
            && (opens_with("issued on the occasion") || opens_with("on the occasion of"))
        {
            metadata.occasion = Some(text.to_string());
        } else if content == "|" || content.is_empty() {
            // Page furniture: the separator bullet between date and "last updated".
        } else if let Some(stamp) = last_updated(content) {
            metadata.last_updated.get_or_insert(stamp);
        } else if let Some((date, place)) = date_line(content).filter(|_| metadata.date.is_none()) {
            metadata.date = Some(date);
            metadata.place = place;
        } else if is_furniture(content) && lines[i + 1..].iter().any(|l| !l.is_blank()) {
            // Furniture between header fields ("Press Release", "Share").
        } else {
            break;
        }
        i += 1;
        body_start = i;
    }

    if let Some(occasion) = &metadata.occasion {
        let found = people::from_occasion(occasion);
        metadata.parties = found.parties;
        metadata.people = found.people;
    }
    if metadata.parties.is_empty() {
        metadata.parties = people::from_title(&metadata.title);
    }
    Header {
        metadata,
        body_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::lines;

    fn header(text: &str) -> Header {
        read(&lines::split(text), "fallback")
    }

    #[test]
    fn shape_one_header() {
        let h = header(
            "Joint press statement\n\nissued on the occasion of the meeting between the Secretary General of the Alliance, H.E. Mr A. Example and H.E. Ms B. Sample, Prime Minister of Ruritania\n\n  • 14 Mar. 2019 -\n  • |\n  • Last updated: 15 Mar. 2019 09:05\n\nRuritania and the Alliance are close partners.\n",
        );
        let m = &h.metadata;
        assert_eq!(m.title, "Joint press statement");
        assert_eq!(m.date.unwrap().to_string(), "2019-03-14");
        assert_eq!(m.last_updated.unwrap().to_string(), "2019-03-15T09:05");
        assert_eq!(m.parties, ["Alliance", "Ruritania"]);
        assert_eq!(h.body_start, 7);
    }

    #[test]
    fn furniture_before_the_title_is_skipped() {
        let h = header(
            "Skip to main content\nEN | FR | RU\nPress Release\n\nJoint Statement\n\nWe agree.\n",
        );
        assert_eq!(h.metadata.title, "Joint Statement");
    }

    #[test]
    fn place_and_date_line() {
        let h = header("Warsaw Summit Declaration\nCapital City, 8 July 2016\n\nWe agree.\n");
        assert_eq!(h.metadata.date.unwrap().to_string(), "2016-07-08");
        assert_eq!(h.metadata.place.as_deref(), Some("Capital City"));
    }

    #[test]
    fn last_updated_in_french() {
        let h = header(
            "Déclaration commune\n\n  • Dernière mise à jour : 15 mars 2019 09:05\n\nNous condamnons.\n",
        );
        assert_eq!(
            h.metadata.last_updated.unwrap().to_string(),
            "2019-03-15T09:05"
        );
    }

    #[test]
    fn sentence_first_line_is_body_and_title_falls_back() {
        let h = header("We condemn the attack. We urge restraint.\n");
        assert_eq!(h.metadata.title, "fallback");
        assert_eq!(h.body_start, 0);
    }

    #[test]
    fn markdown_title() {
        let h = header("# Joint Statement on Ruritania\n\nWe agree.\n");
        assert_eq!(h.metadata.title, "Joint Statement on Ruritania");
    }

    #[test]
    fn nothing_is_invented() {
        let h = header("Remarks by the Secretary General\n\n(As delivered)\n\nGood morning.\n");
        let m = &h.metadata;
        assert_eq!(
            (m.occasion.as_ref(), m.date, m.last_updated),
            (None, None, None)
        );
        assert!(m.parties.is_empty() && m.people.is_empty());
    }
}
