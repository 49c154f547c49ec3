//! Paragraphs of two statements aligned: the same text (whatever its spacing,
//! wrapping or number) paired first, in order; then the rest paired by how alike their
//! words are. A pair out of the order the others keep is a move, not a deletion and
//! an insertion.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::tokens::{Piece, WordSet, dice, normalised, word_diff};
use crate::document::Statement;

/// Words two paragraphs must share, by Dice's coefficient, to be one paragraph changed.
const SAME_PARAGRAPH: f32 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphStatus {
    Same,
    Changed,
    Moved,
    New,
    Dropped,
}

/// One paragraph of the comparison: indices into the two statements' paragraphs, and
/// for a changed or moved pair the word diff (empty for the same text).
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphChange {
    pub status: ParagraphStatus,
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub diff: Vec<Piece>,
}

/// The paragraphs of `old` and `new` aligned, in the new statement's order, a dropped
/// paragraph where it stood among those kept.
pub fn align(old: &Statement, new: &Statement) -> Vec<ParagraphChange> {
    let old_keys: Vec<String> = old.paragraphs.iter().map(|p| normalised(&p.text)).collect();
    let new_keys: Vec<String> = new.paragraphs.iter().map(|p| normalised(&p.text)).collect();
    let mut pair_of_new: Vec<Option<usize>> = vec![None; new_keys.len()];
    let mut paired_old = vec![false; old_keys.len()];
    // The same text: the n-th copy in the old statement with the n-th in the new.
    let mut copies: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, key) in old_keys.iter().enumerate().rev() {
        copies.entry(key.as_str()).or_default().push(i);
    }
    for (j, key) in new_keys.iter().enumerate() {
        if let Some(i) = copies.get_mut(key.as_str()).and_then(Vec::pop) {
            pair_of_new[j] = Some(i);
            paired_old[i] = true;
        }
    }
    // The rest by their words, the most alike first.
    let left_old: Vec<usize> = (0..old_keys.len()).filter(|&i| !paired_old[i]).collect();
    let left_new: Vec<usize> = (0..new_keys.len())
        .filter(|&j| pair_of_new[j].is_none())
        .collect();
    let old_words: Vec<WordSet> = left_old
        .iter()
        .map(|&i| WordSet::of(&old.paragraphs[i].text))
        .collect();
    let mut candidates = Vec::new();
    for &j in &left_new {
        let words = WordSet::of(&new.paragraphs[j].text);
        for (k, &i) in left_old.iter().enumerate() {
            let score = dice(&old_words[k], &words);
            if score >= SAME_PARAGRAPH && !words.is_empty() {
                candidates.push((score, i, j));
            }
        }
    }
    super::take_best(candidates, &mut paired_old, &mut pair_of_new);
    let in_order = longest_in_order(&pair_of_new);
    let mut out = Vec::with_capacity(old_keys.len().max(new_keys.len()));
    let mut next_old = 0;
    let mut emitted_old = vec![false; old_keys.len()];
    let mut drop_until = |out: &mut Vec<ParagraphChange>, until: usize, emitted: &mut [bool]| {
        while next_old < until {
            if !paired_old[next_old] && !emitted[next_old] {
                emitted[next_old] = true;
                out.push(ParagraphChange {
                    status: ParagraphStatus::Dropped,
                    old: Some(next_old),
                    new: None,
                    diff: Vec::new(),
                });
            }
            next_old += 1;
        }
    };
    for (j, pair) in pair_of_new.iter().enumerate() {
        let Some(i) = *pair else {
            out.push(ParagraphChange {
                status: ParagraphStatus::New,
                old: None,
                new: Some(j),
                diff: Vec::new(),
            });
            continue;
        };
        if in_order[j] {
            drop_until(&mut out, i, &mut emitted_old);
        }
        let same = old_keys[i] == new_keys[j];
        let status = match (in_order[j], same) {
            (false, _) => ParagraphStatus::Moved,
            (true, true) => ParagraphStatus::Same,
            (true, false) => ParagraphStatus::Changed,
        };
        let diff = if same {
            Vec::new()
        } else {
            word_diff(&old.paragraphs[i].text, &new.paragraphs[j].text)
        };
        out.push(ParagraphChange {
            status,
            old: Some(i),
            new: Some(j),
            diff,
        });
    }
    drop_until(&mut out, old_keys.len(), &mut emitted_old);
    out
}

/// Which paired new paragraphs keep the old order: the longest run of pairs whose old
/// indices increase with the new (patience sorting, n log n). The others moved.
fn longest_in_order(pair_of_new: &[Option<usize>]) -> Vec<bool> {
    let pairs: Vec<(usize, usize)> = pair_of_new
        .iter()
        .enumerate()
        .filter_map(|(j, p)| p.map(|i| (j, i)))
        .collect();
    // tails[k]: index into `pairs` of the smallest old index ending a run of k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, i)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < i);
        previous[k] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut keep = vec![false; pair_of_new.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        keep[pairs[k].0] = true;
        at = previous[k];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_moved_pair_among_ordered_ones() {
        let pairs = [Some(0), Some(3), Some(1), Some(2), None, Some(4)];
        assert_eq!(
            longest_in_order(&pairs),
            [true, false, true, true, false, true]
        );
        assert!(longest_in_order(&[]).is_empty());
    }
}
