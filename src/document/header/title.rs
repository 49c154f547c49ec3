//! Choosing the title among the header's title-like lines.
//!
//! Pages put their site's name, taglines and section labels ("Media Center", "Press
//! Release") above the document's own heading. The title is the first candidate that
//! names a genre of document and is more than a label; failing that a label; failing
//! that the first candidate. Candidates above it are banners. A title wrapped over two
//! short lines is joined; a title repeated (in capitals, or twice) is one title, in
//! its mixed-case form. Front matter's `title` wins over all of them.

use super::TitleSource;
use super::classify::{self, Kind};
use super::lexicon::HeaderLexicon;
use super::zone::Logical;
use crate::document::lines::is_space;

/// What each logical line of the zone is to the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// A site name or tagline above the title.
    Banner,
    /// The title again.
    Repeat,
    /// A section label ("Press release") above the real title.
    Label,
    /// Not a title candidate, or one that is something else (a subtitle).
    None,
}

pub struct Titled {
    pub title: Option<(String, TitleSource)>,
    pub roles: Vec<Role>,
}

/// Chooses the title of a zone; `taken` marks lines already read as field values.
pub fn choose(
    zone: &[Logical],
    lexicon: &HeaderLexicon,
    front_title: Option<&str>,
    taken: &[bool],
) -> Titled {
    let mut roles = vec![Role::None; zone.len()];
    let groups = candidate_groups(zone, lexicon, taken);
    let text_of = |group: &[usize]| -> String {
        let joined: Vec<&str> = group
            .iter()
            .map(|&i| zone[i].text.trim_start_matches('#').trim())
            .collect();
        tidy(&joined.join(" "))
    };
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    // A database copy's "[Title] …" names the title as surely as front matter does.
    let field_title = zone.iter().find_map(|l| match &l.kind {
        Kind::Field(classify::Field::Title(t)) => Some(tidy(t)),
        _ => None,
    });
    if let Some(field) = field_title {
        for (i, l) in zone.iter().enumerate() {
            if matches!(l.kind, Kind::Candidate | Kind::Other) && !taken[i] {
                roles[i] = Role::Banner;
            }
        }
        return Titled {
            title: Some((field, TitleSource::Text)),
            roles,
        };
    }
    if let Some(front) = front_title.map(tidy).filter(|t| !t.is_empty()) {
        for group in &groups {
            if same(&text_of(group), &front) {
                group.iter().for_each(|&i| roles[i] = Role::Repeat);
            }
        }
        return Titled {
            title: Some((front, TitleSource::FrontMatter)),
            roles,
        };
    }
    let is_label = |group: &[usize]| lexicon.is_label(&classify::key(&text_of(group)));
    let has_genre = |group: &[usize]| lexicon.has_genre(&classify::words(&text_of(group)));
    let pick = groups
        .iter()
        .position(|g| has_genre(g) && !is_label(g))
        .or_else(|| groups.iter().rposition(|g| is_label(g)))
        .or(if groups.is_empty() { None } else { Some(0) });
    let Some(pick) = pick else {
        return Titled { title: None, roles };
    };
    let mut title = text_of(&groups[pick]);
    groups[pick].iter().for_each(|&i| roles[i] = Role::Title);
    for (g, group) in groups.iter().enumerate() {
        if g == pick {
            continue;
        }
        let text = text_of(group);
        let role = if same(&text, &title) {
            if is_all_caps(&title) && !is_all_caps(&text) {
                title = text;
            }
            Role::Repeat
        } else if g < pick {
            if is_label(group) {
                Role::Label
            } else {
                Role::Banner
            }
        } else if is_label(group) {
            Role::Label
        } else {
            Role::None
        };
        group.iter().for_each(|&i| roles[i] = role);
    }
    // Taglines and fragments above the title are the site's, not the document's.
    let first_title_line = groups[pick][0];
    for (i, l) in zone.iter().enumerate().take(first_title_line) {
        if roles[i] == Role::None && matches!(l.kind, Kind::Other | Kind::Prose) && !taken[i] {
            roles[i] = Role::Banner;
        }
    }
    Titled {
        title: Some((strip_site_suffix(&title, lexicon), TitleSource::Text)),
        roles,
    }
}

/// Candidates, with a title wrapped over short lines joined: "Riga" / "Summit
/// Declaration" is one candidate.
fn candidate_groups(zone: &[Logical], lexicon: &HeaderLexicon, taken: &[bool]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, l) in zone.iter().enumerate() {
        if l.kind != Kind::Candidate || taken[i] || l.bullet {
            continue;
        }
        if let Some(group) = groups.last_mut() {
            let prev = &zone[*group.last().unwrap_or(&i)];
            let adjacent = prev.block == l.block && prev.last + 1 == l.first;
            let prev_words = classify::words(&prev.text);
            let continues = prev_words.len() <= 4
                && !lexicon.has_genre(&prev_words)
                && !classify::ends_like_sentence(&prev.text)
                && !lexicon.is_label(&classify::key(&prev.text))
                && !prev.marked_heading;
            if adjacent && continues && group.len() < 3 {
                group.push(i);
                continue;
            }
        }
        groups.push(vec![i]);
    }
    groups
}

/// "… | Ministry of Foreign Affairs": the site's suffix goes, the part that names a
/// genre (or the first part) stays.
fn strip_site_suffix(title: &str, lexicon: &HeaderLexicon) -> String {
    let parts: Vec<&str> = title.split(" | ").map(str::trim).collect();
    if parts.len() < 2 {
        return title.to_string();
    }
    parts
        .iter()
        .find(|p| lexicon.has_genre(&classify::words(p)))
        .unwrap_or(&parts[0])
        .to_string()
}

fn is_all_caps(text: &str) -> bool {
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    upper >= 4 && lower * 10 <= upper
}

/// One space between words, whatever spaces the page used.
fn tidy(text: &str) -> String {
    text.split(is_space)
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}
