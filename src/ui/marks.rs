//! Text cut to a width with the filter's matched characters marked: the helpers the
//! act rows, the card and the navigator share.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const ELLIPSIS: &str = "…";

/// `text` within `width` columns, with "…" where it is cut, and `hits` (byte ranges)
/// moved along. When the first hit would fall beyond the cut, the text is shown from
/// a little before it instead, so a match is never hidden off the end of a row.
pub fn fit(text: &str, hits: &[(usize, usize)], width: usize) -> (String, Vec<(usize, usize)>) {
    fit_from(text, hits, width, true)
}

/// [`fit`], bringing a hit into view only if `reveal`.
pub fn fit_from(
    text: &str,
    hits: &[(usize, usize)],
    width: usize,
    reveal: bool,
) -> (String, Vec<(usize, usize)>) {
    let hits = &on_boundaries(text, hits);
    if text.width() <= width {
        return (text.to_string(), hits.to_vec());
    }
    if width == 0 {
        return (String::new(), Vec::new());
    }
    let mut from = 0;
    if let Some(&(start, end)) = hits.first().filter(|_| reveal)
        && text[..end].width() + 1 > width
    {
        // Show the hit a third of the way in, from the start of a word.
        let lead = text[..start].width().saturating_sub(width / 3);
        let mut cols = 0;
        for (i, c) in text.char_indices() {
            if cols >= lead {
                from = i;
                break;
            }
            cols += c.width().unwrap_or(0);
        }
        if let Some(space) = text[from..start].find(' ') {
            from += space + 1;
        }
    }
    let prefix = if from > 0 { ELLIPSIS } else { "" };
    let room = width - prefix.width();
    let rest = &text[from..];
    let (shown, cut) = if rest.width() <= room {
        (rest.to_string(), false)
    } else {
        let mut out = String::new();
        let mut used = 0;
        for c in rest.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room.saturating_sub(1) {
                break;
            }
            used += w;
            out.push(c);
        }
        (out, true)
    };
    let end = from + shown.len();
    let moved = hits
        .iter()
        .filter(|&&(s, e)| e > from && s < end)
        .map(|&(s, e)| {
            (
                s.max(from) - from + prefix.len(),
                e.min(end) - from + prefix.len(),
            )
        })
        .collect();
    let mut out = format!("{prefix}{shown}");
    if cut {
        out.push_str(ELLIPSIS);
    }
    (out, moved)
}

/// Spans of `text` in `base` style, the byte ranges `hits` patched with `hit`.
pub fn marked<'a>(text: &str, hits: &[(usize, usize)], base: Style, hit: Style) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut at = 0;
    let hits = on_boundaries(text, hits);
    for (s, e) in hits {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        if at < s {
            spans.push(Span::styled(text[at..s].to_string(), base));
        }
        spans.push(Span::styled(text[s..e].to_string(), base.patch(hit)));
        at = e;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}

/// The ranges that lie on character boundaries of `text`, in order: a range from
/// elsewhere never panics a slice.
fn on_boundaries(text: &str, hits: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = hits
        .iter()
        .map(|&(s, e)| (s.min(text.len()), e.min(text.len())))
        .filter(|(s, e)| s < e && text.is_char_boundary(*s) && text.is_char_boundary(*e))
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_and_keeps_hits() {
        assert_eq!(
            fit("North Korea", &[(6, 11)], 20),
            ("North Korea".into(), vec![(6, 11)])
        );
        let (shown, hits) = fit("abandon its nuclear programmes", &[(0, 7)], 12);
        assert_eq!(shown, "abandon its…");
        assert_eq!(hits, [(0, 7)]);
    }

    #[test]
    fn a_hit_past_the_cut_is_brought_into_view() {
        let text = "make further efforts to apply decisive pressure on the North Korean regime";
        let at = text.find("North").unwrap();
        let (shown, hits) = fit(text, &[(at, at + 5)], 30);
        assert!(shown.starts_with('…') && shown.width() <= 30, "{shown}");
        let (s, e) = hits[0];
        assert_eq!(&shown[s..e], "North");
    }

    #[test]
    fn marked_splits_runs() {
        let spans = marked("DEMAND Korea", &[(7, 9)], Style::new(), Style::new().bold());
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["DEMAND ", "Ko", "rea"]);
    }
}
