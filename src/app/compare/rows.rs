//! The compare view's text laid out in rows for one width: each aligned paragraph a
//! block (its change named, then its words with insertions and deletions marked),
//! runs of unchanged paragraphs folded into one row. At 120 columns and more the old
//! text stands left of the new; below, one column carries both, marked inline.

use unicode_width::UnicodeWidthStr;

use crate::compare::tokens::{Change, Piece};
use crate::compare::{Comparison, ParagraphStatus};
use crate::document::{Statement, safe};

/// How a stretch of a row is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Inserted,
    Deleted,
    /// The block's label: "¶6 → ¶3 moved".
    Label,
    /// A fold of unchanged paragraphs.
    Folded,
}

/// A stretch of text of one mark, made safe to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stretch {
    pub mark: Mark,
    pub text: String,
}

/// One row: the old column and the new (in one column, `left` only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub left: Vec<Stretch>,
    pub right: Vec<Stretch>,
    /// The paragraph change (index into [`Comparison::paragraphs`]) the row shows.
    pub block: usize,
}

/// Columns from which old and new stand side by side.
pub const TWO_COLUMNS: u16 = 120;

/// The rows of `comparison` for a text area `width` columns wide; `two` puts the old
/// text left of the new, each `(width - 3) / 2` wide.
pub fn layout(
    comparison: &Comparison,
    old: &Statement,
    new: &Statement,
    width: u16,
    two: bool,
) -> Vec<Row> {
    let column = if two {
        usize::from(width.saturating_sub(3) / 2).max(8)
    } else {
        usize::from(width).max(8)
    };
    let mut rows = Vec::new();
    let changes = &comparison.paragraphs;
    let mut b = 0;
    while b < changes.len() {
        let change = &changes[b];
        if change.status == ParagraphStatus::Same {
            let run = changes[b..]
                .iter()
                .take_while(|c| c.status == ParagraphStatus::Same)
                .count();
            let label = format!(
                "⋯ {run} paragraph{} the same",
                if run == 1 { "" } else { "s" }
            );
            rows.push(Row {
                left: vec![Stretch {
                    mark: Mark::Folded,
                    text: label,
                }],
                right: Vec::new(),
                block: b,
            });
            rows.push(Row {
                block: b,
                ..Row::default()
            });
            b += run;
            continue;
        }
        let number = |s: &Statement, p: Option<usize>| {
            p.map(|p| safe::visible(&s.paragraph_number(p)).into_owned())
        };
        let label = match (number(old, change.old), number(new, change.new)) {
            (Some(a), Some(bb)) if change.status == ParagraphStatus::Moved => {
                format!("¶{a} moved to ¶{bb}")
            }
            (Some(a), Some(bb)) if a == bb => format!("¶{a} changed"),
            (Some(a), Some(bb)) => format!("¶{a} → ¶{bb} changed"),
            (None, Some(bb)) => format!("¶{bb} new"),
            (Some(a), None) => format!("¶{a} dropped"),
            (None, None) => String::new(),
        };
        let pieces: Vec<Piece> = match (change.old, change.new, change.diff.is_empty()) {
            (_, Some(j), true) if change.status != ParagraphStatus::New => vec![Piece {
                change: Change::Equal,
                text: new.paragraphs[j].text.to_string(),
            }],
            (_, Some(j), true) => vec![Piece {
                change: Change::Insert,
                text: new.paragraphs[j].text.to_string(),
            }],
            (Some(i), None, _) => vec![Piece {
                change: Change::Delete,
                text: old.paragraphs[i].text.to_string(),
            }],
            _ => change.diff.clone(),
        };
        let label_row = Stretch {
            mark: Mark::Label,
            text: label,
        };
        let (left, right) = if two {
            let keep = |keep: Change| -> Vec<&Piece> {
                pieces
                    .iter()
                    .filter(|p| p.change == Change::Equal || p.change == keep)
                    .collect()
            };
            let left = if change.old.is_some() {
                wrap(&keep(Change::Delete), column)
            } else {
                Vec::new()
            };
            let right = if change.new.is_some() {
                wrap(&keep(Change::Insert), column)
            } else {
                Vec::new()
            };
            (left, right)
        } else {
            (wrap(&pieces.iter().collect::<Vec<_>>(), column), Vec::new())
        };
        rows.push(Row {
            left: vec![label_row],
            right: Vec::new(),
            block: b,
        });
        for k in 0..left.len().max(right.len()) {
            rows.push(Row {
                left: left.get(k).cloned().unwrap_or_default(),
                right: right.get(k).cloned().unwrap_or_default(),
                block: b,
            });
        }
        rows.push(Row {
            block: b,
            ..Row::default()
        });
        b += 1;
    }
    rows
}

fn mark_of(change: Change) -> Mark {
    match change {
        Change::Equal => Mark::Plain,
        Change::Insert => Mark::Inserted,
        Change::Delete => Mark::Deleted,
    }
}

/// Pieces filled into lines of at most `width` columns, broken between words (a word
/// longer than a line is cut).
fn wrap(pieces: &[&Piece], width: usize) -> Vec<Vec<Stretch>> {
    let mut lines: Vec<Vec<Stretch>> = Vec::new();
    let mut line: Vec<Stretch> = Vec::new();
    let mut used = 0;
    for piece in pieces {
        let mark = mark_of(piece.change);
        let text = safe::visible(&piece.text);
        for (k, word) in text.split_whitespace().enumerate() {
            // A piece that started with a space starts its first word with one.
            let spaced = (k > 0 || text.starts_with(char::is_whitespace)) && used > 0;
            let mut word = word.to_string();
            while !word.is_empty() {
                let need = word.width() + usize::from(spaced && used > 0);
                if used > 0 && used + need > width {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                let room = width - used - usize::from(spaced && used > 0);
                let (head, rest) = split_at_width(&word, room);
                let head = if spaced && used > 0 {
                    format!(" {head}")
                } else {
                    head.to_string()
                };
                used += head.width();
                match line.last_mut() {
                    Some(last) if last.mark == mark => last.text.push_str(&head),
                    _ => line.push(Stretch { mark, text: head }),
                }
                word = rest.to_string();
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest start of `word` that fits in `room` columns (at least one character),
/// and the rest.
fn split_at_width(word: &str, room: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room && i > 0 {
            return word.split_at(i);
        }
        used += w;
    }
    (word, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(change: Change, text: &str) -> Piece {
        Piece {
            change,
            text: text.into(),
        }
    }

    #[test]
    fn pieces_wrap_between_words_keeping_their_marks() {
        let pieces = [
            piece(Change::Equal, "We"),
            piece(Change::Insert, " strongly"),
            piece(Change::Equal, " condemn the attack"),
        ];
        let lines = wrap(&pieces.iter().collect::<Vec<_>>(), 14);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(text, ["We strongly", "condemn the", "attack"]);
        assert_eq!(lines[0][1].mark, Mark::Inserted);
        assert_eq!(lines[0][1].text, " strongly");
        let long = [piece(Change::Equal, "abcdefghijkl")];
        assert_eq!(wrap(&long.iter().collect::<Vec<_>>(), 5).len(), 3);
    }
}
