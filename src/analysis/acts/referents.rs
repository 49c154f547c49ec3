//! What a later pronoun ("them", "they", "it") stands for.

use std::collections::VecDeque;

use super::complement;

/// People and things a later "them" or "it" may stand for, most recent last: earlier
/// addressees first (a demand's "them" is most often the last demand's addressee),
/// then names mentioned in the text.
/// Only the most recent referents are kept: a pronoun reaches back a few sentences,
/// not across the whole document (and long documents stay linear). Whether a referent
/// is plural is worked out only when a pronoun asks.
#[derive(Debug, Default)]
pub(super) struct Referents {
    addressees: VecDeque<String>,
    names: VecDeque<String>,
}

const REFERENTS_KEPT: usize = 24;

impl Referents {
    pub(super) fn push_addressee(&mut self, phrase: &str) {
        push_bounded(&mut self.addressees, phrase);
    }

    /// A name mentioned again becomes the most recent one.
    pub(super) fn push_name(&mut self, phrase: &str) {
        match self.names.iter().position(|n| n == phrase) {
            Some(at) => {
                if let Some(name) = self.names.remove(at) {
                    self.names.push_back(name);
                }
            }
            None => push_bounded(&mut self.names, phrase),
        }
    }

    /// The closest earlier referent a pronoun can stand for.
    pub(super) fn resolve(&self, pronoun: &str) -> Option<String> {
        let plural = matches!(pronoun, "them" | "they" | "those" | "these");
        let closest = |list: &VecDeque<String>| {
            list.iter()
                .rev()
                .find(|t| complement::is_plural(t) == plural)
                .cloned()
        };
        closest(&self.addressees).or_else(|| closest(&self.names))
    }
}

fn push_bounded(list: &mut VecDeque<String>, phrase: &str) {
    if list.len() == REFERENTS_KEPT {
        list.pop_front();
    }
    list.push_back(phrase.to_string());
}

pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(word, "them" | "they" | "it" | "him" | "her" | "he" | "she")
}
