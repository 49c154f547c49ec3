//! Paragraphs and sentences: the body's text, kept small, as a statement may hold
//! millions of them.

use super::saturating_u32;

/// One paragraph of the body: its text (lines joined) and where its sentences are in
/// [`super::Statement::paragraph_sentences`]. A statement may hold millions of paragraphs,
/// many of a few words: a text of up to 24 bytes is kept in the paragraph itself, a
/// longer one in an allocation of its exact size, and the sentences of all paragraphs
/// in one vector, not an allocation per paragraph.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    pub text: compact_str::CompactString,
    /// Place of this paragraph's first sentence in the statement's reading order.
    first_sentence: u32,
    sentence_count: u32,
}

/// A sentence as a byte range of its paragraph's text, in u32: a paragraph is never
/// near 4 GiB (inputs stop at 512 MiB), and two such sentences fit in a paragraph
/// without an allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    start: u32,
    end: u32,
}

impl Sentence {
    pub fn new(start: usize, end: usize) -> Sentence {
        Sentence {
            start: saturating_u32(start),
            end: saturating_u32(end),
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
}

/// A sentence's place in the statement: which paragraph, which sentence of it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct SentenceRef {
    paragraph: u32,
    index: u32,
}

/// In u32, as every act and every matching sentence holds one: a statement has fewer
/// than 4 billion paragraphs (inputs stop at 512 MiB).
impl SentenceRef {
    pub fn new(paragraph: usize, index: usize) -> SentenceRef {
        SentenceRef {
            paragraph: saturating_u32(paragraph),
            index: saturating_u32(index),
        }
    }

    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// Which sentence of its paragraph, from 0.
    pub fn index(&self) -> usize {
        self.index as usize
    }
}

impl Paragraph {
    /// A paragraph of `text`, whose sentences are `sentences` of the statement's.
    pub fn new(text: compact_str::CompactString, sentences: std::ops::Range<usize>) -> Paragraph {
        Paragraph {
            text,
            first_sentence: saturating_u32(sentences.start),
            sentence_count: saturating_u32(sentences.len()),
        }
    }

    /// Place of the paragraph's first sentence in the statement's reading order.
    pub fn first_sentence(&self) -> usize {
        self.first_sentence as usize
    }

    pub fn sentence_count(&self) -> usize {
        self.sentence_count as usize
    }
}
