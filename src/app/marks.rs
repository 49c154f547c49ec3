//! Places in the text that outlive the layout and the session: where the reader is,
//! and the marks set with `m` + letter and gone back to with `'` + letter (as in
//! less). A [`Place`] names a paragraph and a byte of its display text, so it holds at
//! any width; what is kept between sessions is a [`Remembered`], which the command
//! line stores (this layer only turns places into rows and back).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::layout::Mode;
use super::textview::{RowKind, TextView};
use super::{App, Pane};
use crate::document::Statement;

/// Rows looked at below the top for the text or heading it shows (blank rows and
/// the title block carry no place of their own).
const LOOK_AHEAD: usize = 8;

/// A width-independent place in the text: the row holding display byte `offset` of
/// paragraph `paragraph`, or with `heading`, the first heading standing before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub paragraph: usize,
    #[serde(default)]
    pub offset: usize,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
}

/// Where the view starts: `None` is the very top (the title block).
pub type Spot = Option<Place>;

/// What the reader keeps of a statement between sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// Where the view started when the reader quit.
    #[serde(default)]
    pub place: Spot,
    #[serde(default)]
    pub marks: BTreeMap<char, Spot>,
}

impl Remembered {
    /// Nothing worth keeping: the top, and no marks.
    pub fn is_empty(&self) -> bool {
        self.place.is_none() && self.marks.is_empty()
    }
}

/// Whether `c` can name a mark: an ASCII letter, as in less and vim.
pub fn is_mark_name(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// What the key after `m` or `'` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKey {
    Set,
    Jump,
}

/// The place the view starting at `top` shows: the first heading or text at or below
/// it, or, past the end, the last one above it.
pub fn spot_at(statement: &Statement, view: &TextView, top: usize) -> Spot {
    let place = |row: usize| match view.kind(statement, row) {
        RowKind::Heading { before, .. } => Some(Place {
            paragraph: before,
            offset: 0,
            heading: true,
        }),
        RowKind::Text {
            paragraph, start, ..
        } => Some(Place {
            paragraph,
            offset: start,
            heading: false,
        }),
        _ => None,
    };
    if top == 0
        || matches!(
            view.kind(statement, top),
            RowKind::Title(_) | RowKind::Meta(_)
        )
    {
        return None;
    }
    (top..top + LOOK_AHEAD)
        .find_map(place)
        .or_else(|| (top.saturating_sub(LOOK_AHEAD)..top).rev().find_map(place))
}

/// The row a place stands on in `view` (a place past the end, from another version of
/// the parser, is the last row).
pub fn row_of_spot(statement: &Statement, view: &TextView, spot: Spot) -> usize {
    let Some(place) = spot else { return 0 };
    let last = view.row_count().saturating_sub(1);
    let paragraphs = view.paragraph_count();
    if place.paragraph > paragraphs || (place.paragraph == paragraphs && !place.heading) {
        return last;
    }
    if !place.heading {
        return view.row_of(statement, place.paragraph, place.offset);
    }
    let mut row = view
        .paragraph_row(place.paragraph)
        .unwrap_or(view.row_count());
    while row > 0
        && matches!(view.kind(statement, row - 1), RowKind::Heading { before, .. } if before == place.paragraph)
    {
        row -= 1;
    }
    row.min(last)
}

impl App {
    /// The place at the top of the text pane.
    pub fn spot(&self) -> Spot {
        spot_at(&self.statement, &self.view, self.text_top)
    }

    /// What to keep of this session: where the reader is and the marks. A place that
    /// waits for the rest of a long statement is kept as it was.
    pub fn remembered(&self) -> Remembered {
        Remembered {
            place: self.spot_after_reading.unwrap_or_else(|| self.spot()),
            marks: self.marks.clone(),
        }
    }

    /// Opens where an earlier session left off, with its marks.
    pub fn restore(&mut self, remembered: Remembered) {
        self.marks = remembered
            .marks
            .into_iter()
            .filter(|(c, _)| is_mark_name(*c))
            .collect();
        self.go_to_spot(remembered.place);
    }

    /// Puts `spot` at the top of the text pane. A place past the beginning a long
    /// statement opened on is gone to when the rest has been read.
    pub fn go_to_spot(&mut self, spot: Spot) {
        if self.reading && spot.is_some_and(|p| p.paragraph >= self.statement.paragraphs.len()) {
            self.spot_after_reading = Some(spot);
            return;
        }
        self.text_top = row_of_spot(&self.statement, &self.view, spot);
        self.overscroll = self.text_top > self.max_text_top();
        self.target = None;
        if self.layout.mode == Mode::Narrow {
            self.focus = Pane::Text;
        }
    }

    /// The key after `m` or `'`.
    pub(super) fn mark_key(&mut self, key: MarkKey, name: char) {
        match key {
            MarkKey::Set if is_mark_name(name) => {
                self.marks.insert(name, self.spot());
                self.notice = Some(format!("mark {name} set"));
            }
            MarkKey::Jump if name == '\'' => match self.jumped_from {
                Some(spot) => self.go_to_spot(spot),
                None => self.notice = Some("no jump to go back from yet".into()),
            },
            MarkKey::Jump if is_mark_name(name) => match self.marks.get(&name) {
                Some(&spot) => self.go_to_spot(spot),
                None => self.notice = Some(format!("no mark {name} (m{name} sets it)")),
            },
            _ => {
                self.notice = Some("a mark is a letter: m then a–z or A–Z sets it".into());
            }
        }
    }
}
