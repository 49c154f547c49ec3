//! Paragraph numbers and list bullets at the start of a line.
//!
//! Statements number their paragraphs in every style: "1.", "12)", "(a)", "iv.",
//! "1.1", "1 -", with any gap after the number (already one space here). The number is
//! kept apart from the text, never left in the sentence.

/// A paragraph number at the start of a line: "1. ", "12) ", "(a) ", "iv. ", "(ii) ",
/// "1.2 ", "1 - ". Returns the marker as written, the bare number and the rest of the line.
pub fn paragraph_number(text: &str) -> Option<(&str, &str, &str)> {
    if let Some(found) = dashed_number(text) {
        return Some(found);
    }
    let (marker, number) = if let Some(inner) = text.strip_prefix('(') {
        let close = inner.find(')')?;
        (&text[..close + 2], &inner[..close])
    } else {
        let end = text.find(['.', ')'])?;
        let mut end = end;
        // "1.2.3 ": a dotted number of several levels.
        while text.as_bytes().get(end) == Some(&b'.')
            && text.as_bytes().get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            end += 1 + text[end + 1..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
        }
        let marker_end = if text
            .as_bytes()
            .get(end)
            .is_some_and(|b| matches!(b, b'.' | b')'))
        {
            end + 1
        } else {
            end
        };
        (&text[..marker_end], &text[..end])
    };
    let rest = text[marker.len()..].strip_prefix(' ')?;
    let is_number = !number.is_empty()
        && (number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit())
            || is_dotted(number)
            || number.len() == 1 && number.bytes().all(|b| b.is_ascii_lowercase())
            || number.len() <= 6 && number.bytes().all(|b| b"ivxlc".contains(&b)));
    (is_number && !rest.trim().is_empty()).then_some((marker, number, rest.trim_start()))
}

/// "1.2", "3.1.4": levels of at most three digits.
fn is_dotted(number: &str) -> bool {
    let parts: Vec<&str> = number.split('.').collect();
    parts.len() >= 2
        && parts.len() <= 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// "1 - At the consultations …", "12 – The ministers …".
fn dashed_number(text: &str) -> Option<(&str, &str, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let after = &text[digits..];
    let dash = ["- ", "– ", "— "].iter().find_map(|d| {
        after
            .strip_prefix(' ')
            .and_then(|a| a.strip_prefix(d))
            .map(|rest| (1 + d.len(), rest))
    })?;
    let rest = dash.1;
    rest.starts_with(|c: char| c.is_uppercase())
        .then(|| (text[..digits + dash.0].trim_end(), &text[..digits], rest))
}

/// A bulleted item: "• text", "- text", "* text", "– text".
pub fn bullet_item(text: &str) -> Option<&str> {
    let first = text.chars().next()?;
    if !matches!(first, '•' | '▪' | '◦' | '‣' | '-' | '*' | '–' | '●') {
        return None;
    }
    let rest = text[first.len_utf8()..].strip_prefix(' ')?.trim();
    (!rest.is_empty()).then_some(rest)
}

/// A section marker before a heading: "I.", "IV.", "A." — the marker and the rest.
pub fn section_marker(text: &str) -> Option<(&str, &str)> {
    let (marker, rest) = text.split_once(' ')?;
    let number = marker.strip_suffix('.')?;
    let roman = !number.is_empty()
        && number.len() <= 5
        && number.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    let letter = number.len() == 1 && number.chars().all(|c| c.is_ascii_uppercase());
    (roman || letter).then_some((marker, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_recognised() {
        assert_eq!(
            paragraph_number("1. Today, we meet."),
            Some(("1.", "1", "Today, we meet."))
        );
        assert_eq!(
            paragraph_number("(a) maritime security;"),
            Some(("(a)", "a", "maritime security;"))
        );
        assert_eq!(paragraph_number("iv) cyber"), Some(("iv)", "iv", "cyber")));
        assert_eq!(
            paragraph_number("1.2 We agree."),
            Some(("1.2", "1.2", "We agree."))
        );
        assert_eq!(
            paragraph_number("3.1. We agree."),
            Some(("3.1.", "3.1", "We agree."))
        );
        assert_eq!(
            paragraph_number("1 - At the talks, ministers met."),
            Some(("1 -", "1", "At the talks, ministers met."))
        );
        assert_eq!(
            paragraph_number("12 – The ministers agreed."),
            Some(("12 –", "12", "The ministers agreed."))
        );
        assert_eq!(paragraph_number("2017. We"), None);
        assert_eq!(paragraph_number("U.S. policy"), None);
        assert_eq!(paragraph_number("1."), None);
        assert_eq!(paragraph_number("2 abstentions (France)"), None);
        assert_eq!(paragraph_number("10 - 15 years"), None);
        assert_eq!(
            paragraph_number("1.5 degrees"),
            Some(("1.5", "1.5", "degrees"))
        );
    }

    #[test]
    fn section_markers() {
        assert_eq!(
            section_marker("II. Growing partnership"),
            Some(("II.", "Growing partnership"))
        );
        assert_eq!(section_marker("A. Security"), Some(("A.", "Security")));
        assert_eq!(section_marker("Mr. Sample"), None);
    }
}
