//! How a paragraph is numbered, kept small: a statement may number millions of
//! paragraphs.

use super::saturating_u32;

/// How a paragraph is numbered: the marker as written and the number in it, in one
/// string kept inline up to 24 bytes, so that a numbered paragraph (most of them, in
/// many statements) pays for one small allocation rather than three.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Numbering {
    /// The marker, followed by the number when it is not part of the marker.
    text: compact_str::CompactString,
    marker_len: u32,
    /// Where the number lies in `text`.
    number: (u32, u32),
}

impl Numbering {
    /// The numbering of `marker` ("1.", "(a)", "iv)") with number `number` ("1", "a",
    /// "iv").
    pub fn new(marker: &str, number: &str) -> Numbering {
        let mut text = compact_str::CompactString::from(marker);
        let start = marker.find(number).unwrap_or_else(|| {
            text.push_str(number);
            marker.len()
        });
        Numbering {
            text,
            marker_len: saturating_u32(marker.len()),
            number: (saturating_u32(start), saturating_u32(start + number.len())),
        }
    }

    /// The number without decoration: "1", "a", "iv".
    pub fn number(&self) -> &str {
        let (start, end) = self.number;
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// The number as it is written in the text: "1.", "(a)", "iv)".
    pub fn marker(&self) -> &str {
        self.text
            .get(..self.marker_len as usize)
            .unwrap_or_default()
    }
}
