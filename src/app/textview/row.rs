//! A row of the text pane: what it shows ([`RowKind`]) and how a kept row is packed
//! ([`Row`]).

use crate::document::saturating_u32 as small;

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind<'a> {
    Blank,
    /// The statement's title.
    Title(&'a str),
    /// Occasion, date and parties under the title.
    Meta(&'a str),
    /// A heading's row; `before` is the paragraph it stands before.
    Heading {
        text: &'a str,
        before: usize,
    },
    /// Part of paragraph `paragraph`: display bytes `start..end`; the first row of a
    /// numbered paragraph carries its marker.
    Text {
        paragraph: usize,
        start: usize,
        end: usize,
        first: bool,
    },
}

/// A kept row (of the title block or of a heading), packed in 12 bytes: its tag in
/// the top bits of `key` and its index in the rest ([`Row::tag`], [`Row::index`]),
/// `start..end` the bytes of the view's own text it shows. A heading's index is the
/// paragraph it stands before; the blank row under the title block has the index
/// [`FRONT_MATTER`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Row {
    key: u32,
    pub(super) start: u32,
    pub(super) end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Blank,
    Title,
    Meta,
    Heading,
}

/// Bits of a row's key that hold its index: a paragraph takes at least two bytes of
/// input, which stops at 512 MiB, so its index fits in 29 bits.
pub(super) const INDEX_BITS: u32 = 29;
pub(super) const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

/// The blank row under the title block, which belongs to no paragraph.
pub(super) const FRONT_MATTER: u32 = INDEX_MASK;

impl Row {
    pub(super) fn new(tag: Tag, index: usize, start: usize, end: usize) -> Row {
        let index = if index == FRONT_MATTER as usize {
            FRONT_MATTER
        } else {
            small(index).min(INDEX_MASK - 1)
        };
        Row {
            key: (tag as u32) << INDEX_BITS | index,
            start: small(start),
            end: small(end),
        }
    }

    pub(super) fn tag(&self) -> Tag {
        match self.key >> INDEX_BITS {
            0 => Tag::Blank,
            1 => Tag::Title,
            2 => Tag::Meta,
            _ => Tag::Heading,
        }
    }

    pub(super) fn index(&self) -> u32 {
        self.key & INDEX_MASK
    }

    /// The paragraph the row belongs to: for a heading the one it stands before;
    /// `None` for the title block.
    #[cfg(test)]
    pub(super) fn owner(&self) -> Option<usize> {
        match self.tag() {
            Tag::Title | Tag::Meta => None,
            Tag::Blank if self.index() == FRONT_MATTER => None,
            _ => Some(self.index() as usize),
        }
    }
}
