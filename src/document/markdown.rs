//! Markdown's inline syntax, removed so that only the words remain.
//!
//! Archive copies of statements are Markdown: `**bold**` lead sentences and headings,
//! `*italic*` titles, `[links](url)`, `21<sup>st</sup>`, backslash escapes (`\###`,
//! `\*\*\*`) and hard line breaks. None of that may reach a sentence, a heading or an
//! act's object, so each line is cleaned once, before any reading. The words are kept
//! as written; only the markers go.

use std::borrow::Cow;

/// Whether a text reads as Markdown: a front matter block, or Markdown's own marks
/// (ATX headings, paired `**`, links) in its first lines.
pub fn looks_like_markdown(text: &str) -> bool {
    let sample = &text[..text.floor_char_boundary(16 * 1024)];
    let mut signals = 0;
    for line in sample.lines().take(200) {
        let line = line.trim_start();
        let hashes = line.len() - line.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            signals += 1;
        }
        if line.matches("**").count() >= 2 || line.contains("](") || line.contains("<sup>") {
            signals += 1;
        }
        if line.starts_with("\\#") || line.starts_with("\\*") {
            signals += 1;
        }
        if signals >= 2 {
            return true;
        }
    }
    false
}

/// Whether the whole line is strong emphasis: `**A NEW ERA**`, `__Introduction__`.
pub fn is_strong_line(line: &str) -> bool {
    let line = line.trim();
    ["**", "__"].iter().any(|m| {
        line.len() > 2 * m.len()
            && line.starts_with(m)
            && line.ends_with(m)
            && !line[m.len()..line.len() - m.len()].contains(m)
    })
}

/// Inline tags that carry no words of their own.
const TAGS: &[&str] = &[
    "sup", "/sup", "sub", "/sub", "b", "/b", "i", "/i", "em", "/em", "strong", "/strong", "u",
    "/u", "span", "/span", "small", "/small", "mark", "/mark",
];

/// The line without Markdown's inline markers. Borrowed when there are none.
pub fn clean(line: &str) -> Cow<'_, str> {
    if !line
        .bytes()
        .any(|b| matches!(b, b'*' | b'_' | b'\\' | b'[' | b'<' | b'`' | b'!'))
    {
        return Cow::Borrowed(line);
    }
    let line = line.strip_prefix("> ").unwrap_or(line);
    let chars: Vec<char> = line.chars().collect();
    let emphasis = paired_emphasis(&chars);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' => {
                match chars.get(i + 1) {
                    Some(&next) if next.is_ascii_punctuation() => {
                        out.push(next);
                        i += 2;
                    }
                    // A trailing backslash is a hard line break.
                    None => i += 1,
                    Some(_) => {
                        out.push(c);
                        i += 1;
                    }
                }
                continue;
            }
            '*' | '_' => {
                let run = chars[i..].iter().take_while(|&&d| d == c).count();
                let strong = run >= 2 && (c == '*' || at_word_edge(&chars, i, run));
                if strong || emphasis.contains(&i) {
                    i += run;
                    continue;
                }
                out.extend(std::iter::repeat_n(c, run));
                i += run;
                continue;
            }
            '`' => {
                i += 1;
                continue;
            }
            '!' if chars.get(i + 1) == Some(&'[') => {
                // An image: its alt text is page furniture.
                if let Some(end) = link_end(&chars, i + 1) {
                    i = end;
                    continue;
                }
            }
            '[' => {
                if let Some((text_end, end)) = link(&chars, i) {
                    out.extend(&chars[i + 1..text_end]);
                    i = end;
                    continue;
                }
            }
            '<' => {
                if let Some((len, is_break)) = tag_at(&chars, i) {
                    if is_break {
                        out.push(' ');
                    }
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        i += 1;
    }
    Cow::Owned(collapse_spaces(&out))
}

/// Positions of single `*` / `_` that open or close an emphasis span on this line:
/// an opener is followed by a non-space, a closer preceded by one, `_` only at word
/// edges. Unpaired ones ("5 * 3", a footnote star) are text.
fn paired_emphasis(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    for marker in ['*', '_'] {
        let mut open: Option<usize> = None;
        for i in 0..chars.len() {
            if chars[i] != marker
                || chars.get(i + 1) == Some(&marker)
                || (i > 0 && chars[i - 1] == marker)
            {
                continue;
            }
            let before = i.checked_sub(1).map(|k| chars[k]);
            let after = chars.get(i + 1).copied();
            let opens = after.is_some_and(|a| !a.is_whitespace())
                && before.is_none_or(|b| b.is_whitespace() || is_open_punct(b));
            let closes = before.is_some_and(|b| !b.is_whitespace())
                && after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation());
            let closes = closes && (marker == '*' || after.is_none_or(|a| !a.is_alphanumeric()));
            match open {
                Some(o) if closes => {
                    out.push(o);
                    out.push(i);
                    open = None;
                }
                _ if opens => open = Some(i),
                _ => {}
            }
        }
    }
    out
}

fn is_open_punct(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '"' | '\'' | '“' | '‘' | '—' | '–' | '-' | '/'
    )
}

fn at_word_edge(chars: &[char], at: usize, run: usize) -> bool {
    let before = at.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(at + run).copied();
    before.is_none_or(|b| !b.is_alphanumeric()) || after.is_none_or(|a| !a.is_alphanumeric())
}

/// `[text](url)` or `[text][ref]` at `open`: where the text ends and the link ends.
fn link(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = (open + 1..chars.len().min(open + 500)).find(|&k| chars[k] == ']')?;
    let end = link_end(chars, open)?;
    Some((close, end))
}

/// The end (exclusive) of `[...](...)` or `[...][...]` starting at `open`.
fn link_end(chars: &[char], open: usize) -> Option<usize> {
    let close = (open + 1..chars.len().min(open + 500)).find(|&k| chars[k] == ']')?;
    let (opener, closer) = match chars.get(close + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let _ = opener;
    let end = (close + 2..chars.len().min(close + 2000)).find(|&k| chars[k] == closer)?;
    Some(end + 1)
}

/// An inline HTML tag at `at` from [`TAGS`] (or `<br>`): its length and whether it
/// is a line break.
fn tag_at(chars: &[char], at: usize) -> Option<(usize, bool)> {
    if !chars
        .get(at + 1)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == '/')
    {
        return None;
    }
    let close = (at + 1..chars.len().min(at + 200)).find(|&k| chars[k] == '>')?;
    let inner: String = chars[at + 1..close].iter().collect();
    let name = inner
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_ascii_lowercase();
    if name == "br" {
        return Some((close + 1 - at, true));
    }
    TAGS.contains(&name.as_str())
        .then_some((close + 1 - at, false))
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_markers_go_words_stay() {
        assert_eq!(
            clean("**We commit ourselves to it.** Across the globe, *all* nations"),
            "We commit ourselves to it. Across the globe, all nations"
        );
        assert_eq!(
            clean("II. ** GROWING REGIONAL PARTNERSHIP **"),
            "II. GROWING REGIONAL PARTNERSHIP"
        );
        assert_eq!(
            clean("the _Blue Plan_ and snake_case"),
            "the Blue Plan and snake_case"
        );
        assert_eq!(clean("jobs**.** The"), "jobs. The");
        assert_eq!(
            clean("III. **ECONOMIC GROWTH AND THE"),
            "III. ECONOMIC GROWTH AND THE"
        );
    }

    #[test]
    fn unpaired_single_stars_are_text() {
        assert_eq!(clean("5 * 3 = 15"), "5 * 3 = 15");
        assert_eq!(clean("Ireland,* and"), "Ireland,* and");
    }

    #[test]
    fn links_tags_and_escapes() {
        assert_eq!(
            clean("See [the plan](https://example.org/plan) on the 21<sup>st</sup> day."),
            "See the plan on the 21st day."
        );
        assert_eq!(clean("\\### and \\*\\*\\*"), "### and ***");
        assert_eq!(clean("a line break\\"), "a line break");
        assert_eq!(clean("![Logo of the summit](logo.png) Text"), "Text");
        assert_eq!(clean("one<br/>two"), "one two");
        assert_eq!(clean("a < b and c > d"), "a < b and c > d");
    }

    #[test]
    fn strong_lines() {
        assert!(is_strong_line("**A NEW ERA**"));
        assert!(is_strong_line("__Introduction__"));
        assert!(!is_strong_line("**Bold lead.** Then text."));
        assert!(!is_strong_line("**"));
    }

    #[test]
    fn markdown_is_recognised() {
        assert!(looks_like_markdown("# Title\n\nSome **bold** text.\n"));
        assert!(!looks_like_markdown("Joint statement\n\nWe agree.\n"));
    }
}
