//! Acts of two statements paired and the change of each pair named: acts of the same
//! kind, to the same addressee, on a like object, in paragraphs the alignment paired,
//! are one act; then whether it hardened, softened, changed or was only reworded.

use serde::Serialize;

use super::Side;
use super::paragraphs::ParagraphChange;
use super::strength::{cue_step, kind_step};
use super::tokens::{WordSet, dice, normalised};
use crate::analysis::Commitment;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActStatus {
    Unchanged,
    Reworded,
    Strengthened,
    Weakened,
    Changed,
    New,
    Dropped,
}

impl ActStatus {
    pub const ALL: [ActStatus; 7] = [
        ActStatus::Unchanged,
        ActStatus::Reworded,
        ActStatus::Strengthened,
        ActStatus::Weakened,
        ActStatus::Changed,
        ActStatus::New,
        ActStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActStatus::Unchanged => "unchanged",
            ActStatus::Reworded => "reworded",
            ActStatus::Strengthened => "strengthened",
            ActStatus::Weakened => "weakened",
            ActStatus::Changed => "changed",
            ActStatus::New => "new",
            ActStatus::Dropped => "dropped",
        }
    }

    /// The badge the compare view shows.
    pub fn badge(self) -> &'static str {
        match self {
            ActStatus::Unchanged => "SAME",
            ActStatus::Reworded => "REWORDED",
            ActStatus::Strengthened => "STRONGER",
            ActStatus::Weakened => "WEAKER",
            ActStatus::Changed => "CHANGED",
            ActStatus::New => "NEW",
            ActStatus::Dropped => "DROPPED",
        }
    }
}

/// One act of the comparison: indices into the two analyses' acts, and why it has
/// its status ("“strongly” added", "concern → condemn").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActChange {
    pub status: ActStatus,
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub why: String,
}

/// Object words two acts must share (Dice) to be one act, or with like sentences less.
const SAME_OBJECT: f32 = 0.5;
const LIKE_OBJECT: f32 = 0.25;
const LIKE_SENTENCE: f32 = 0.6;

struct ActWords {
    object: WordSet,
    sentence: WordSet,
}

fn words(side: &Side, act: &Commitment) -> ActWords {
    ActWords {
        object: WordSet::of(act.object(side.statement)),
        sentence: WordSet::of(side.statement.sentence_text(act.sentence)),
    }
}

/// The acts of `old` and `new` paired and classified, in the new statement's order
/// with dropped acts after the acts around them.
pub fn align(old: &Side, new: &Side, paragraphs: &[ParagraphChange]) -> Vec<ActChange> {
    let old_acts = &old.analysis.commitments;
    let new_acts = &new.analysis.commitments;
    let old_words: Vec<ActWords> = old_acts.iter().map(|a| words(old, a)).collect();
    let new_words: Vec<ActWords> = new_acts.iter().map(|a| words(new, a)).collect();
    let mut paragraph_pair = vec![None; new.statement.paragraphs.len()];
    for change in paragraphs {
        if let (Some(i), Some(j)) = (change.old, change.new) {
            paragraph_pair[j] = Some(i);
        }
    }
    let mut pair_of_new: Vec<Option<usize>> = vec![None; new_acts.len()];
    let mut paired_old = vec![false; old_acts.len()];
    let score = |i: usize, j: usize| -> Option<f32> {
        let (a, b) = (&old_acts[i], &new_acts[j]);
        let object = dice(&old_words[i].object, &new_words[j].object);
        if object < LIKE_OBJECT {
            return None;
        }
        let sentence = dice(&old_words[i].sentence, &new_words[j].sentence);
        if object < SAME_OBJECT && sentence < LIKE_SENTENCE {
            return None;
        }
        let aligned = paragraph_pair[b.sentence.paragraph()] == Some(a.sentence.paragraph());
        Some(
            object
                + 0.5 * sentence
                + if a.kind == b.kind { 0.25 } else { 0.0 }
                + if a.addressee(old.analysis) == b.addressee(new.analysis) {
                    0.15
                } else {
                    0.0
                }
                + if aligned { 0.3 } else { 0.0 },
        )
    };
    // First within each pair of aligned paragraphs, where nearly every act is; then
    // what is left, each with each: a revision's few new and dropped acts.
    let (old_in, new_in) = (acts_by_paragraph(old), acts_by_paragraph(new));
    for change in paragraphs {
        if let (Some(i), Some(j)) = (change.old, change.new) {
            let olds: Vec<usize> = old_in[i].clone().collect();
            let news: Vec<usize> = new_in[j].clone().collect();
            pair_greedily(&olds, &news, &score, &mut paired_old, &mut pair_of_new);
        }
    }
    let olds: Vec<usize> = (0..old_acts.len()).filter(|&i| !paired_old[i]).collect();
    let news: Vec<usize> = (0..new_acts.len())
        .filter(|&j| pair_of_new[j].is_none())
        .collect();
    pair_greedily(&olds, &news, &score, &mut paired_old, &mut pair_of_new);
    let mut out = Vec::with_capacity(old_acts.len().max(new_acts.len()));
    let mut next_old = 0;
    for (j, pair) in pair_of_new.iter().enumerate() {
        match *pair {
            Some(i) => {
                // Acts dropped before this one's old self stand here.
                while next_old <= i {
                    if !paired_old[next_old] {
                        out.push(dropped(next_old));
                    }
                    next_old += 1;
                }
                let (status, why) = classify(old, &old_acts[i], new, &new_acts[j]);
                out.push(ActChange {
                    status,
                    old: Some(i),
                    new: Some(j),
                    why,
                });
            }
            None => out.push(ActChange {
                status: ActStatus::New,
                old: None,
                new: Some(j),
                why: "not in the old statement".into(),
            }),
        }
    }
    while next_old < old_acts.len() {
        if !paired_old[next_old] {
            out.push(dropped(next_old));
        }
        next_old += 1;
    }
    out
}

/// The acts of each paragraph, as ranges of the analysis's acts (in reading order).
fn acts_by_paragraph(side: &Side) -> Vec<std::ops::Range<usize>> {
    let mut ranges = vec![0..0; side.statement.paragraphs.len()];
    let acts = &side.analysis.commitments;
    let mut start = 0;
    while start < acts.len() {
        let p = acts[start].sentence.paragraph();
        let end = start
            + acts[start..]
                .iter()
                .take_while(|a| a.sentence.paragraph() == p)
                .count();
        if let Some(range) = ranges.get_mut(p) {
            *range = start..end;
        }
        start = end;
    }
    ranges
}

/// Pairs acts of `olds` with acts of `news`, the best-scoring pairs first, each act at
/// most once.
fn pair_greedily(
    olds: &[usize],
    news: &[usize],
    score: &impl Fn(usize, usize) -> Option<f32>,
    paired_old: &mut [bool],
    pair_of_new: &mut [Option<usize>],
) {
    let mut candidates = Vec::new();
    for &j in news {
        for &i in olds {
            if let Some(s) = score(i, j) {
                candidates.push((s, i, j));
            }
        }
    }
    super::take_best(candidates, paired_old, pair_of_new);
}

fn dropped(i: usize) -> ActChange {
    ActChange {
        status: ActStatus::Dropped,
        old: Some(i),
        new: None,
        why: "not in the new statement".into(),
    }
}

/// What changed from act `a` to act `b`, and why it is called that.
fn classify(old: &Side, a: &Commitment, new: &Side, b: &Commitment) -> (ActStatus, String) {
    let mut reasons = Vec::new();
    let (mut up, mut down) = (false, false);
    let mut other = false;
    match kind_step(a.kind, b.kind) {
        Some(0) => {}
        Some(step) => {
            up |= step > 0;
            down |= step < 0;
            reasons.push(format!("{} → {}", a.kind.as_str(), b.kind.as_str()));
        }
        None => {
            other = true;
            reasons.push(format!(
                "kind changed: {} → {}",
                a.kind.as_str(),
                b.kind.as_str()
            ));
        }
    }
    if a.intensity != b.intensity {
        let word = |i: u8| match i {
            0 => "plainly",
            1 => "“strongly”",
            _ => "“in the strongest terms”",
        };
        reasons.push(if b.intensity > a.intensity && a.intensity == 0 {
            format!("{} added", word(b.intensity))
        } else if b.intensity < a.intensity && b.intensity == 0 {
            format!("{} dropped", word(a.intensity))
        } else {
            format!("{} → {}", word(a.intensity), word(b.intensity))
        });
        up |= b.intensity > a.intensity;
        down |= b.intensity < a.intensity;
    }
    let (cue_a, cue_b) = (a.cue(old.statement), b.cue(new.statement));
    if let Some(step) = cue_step(cue_a, cue_b).filter(|&s| s != 0) {
        up |= step > 0;
        down |= step < 0;
        reasons.push(format!(
            "“{}” → “{}”",
            cue_a.to_lowercase(),
            cue_b.to_lowercase()
        ));
    }
    let (to_a, to_b) = (a.addressee(old.analysis), b.addressee(new.analysis));
    if to_a != to_b {
        other = true;
        let name = |n: Option<&str>| n.unwrap_or("no one named").to_string();
        reasons.push(format!("addressee: {} → {}", name(to_a), name(to_b)));
    }
    let status = match (up, down, other) {
        (true, false, false) => ActStatus::Strengthened,
        (false, true, false) => ActStatus::Weakened,
        (false, false, false) => {
            let same_words = normalised(a.object(old.statement))
                == normalised(b.object(new.statement))
                && cue_a.to_lowercase() == cue_b.to_lowercase();
            if same_words {
                return (ActStatus::Unchanged, String::new());
            }
            reasons.push("worded differently".into());
            ActStatus::Reworded
        }
        _ => ActStatus::Changed,
    };
    (status, reasons.join("; "))
}
