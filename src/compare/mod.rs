//! Two statements compared: what changed in what they commit to, demand and condemn.
//!
//! Paragraphs are aligned by their text ([`paragraphs`]), acts paired by kind,
//! addressee and the words of their objects ([`acts`]), and each pair named —
//! unchanged, reworded, strengthened, weakened, changed — with the unpaired acts new
//! or dropped. Nothing here reads files or draws: the command line and the reader
//! hand in two analysed statements.

pub mod acts;
pub mod paragraphs;
mod strength;
pub mod tokens;

pub use acts::{ActChange, ActStatus};
pub use paragraphs::{ParagraphChange, ParagraphStatus};

use std::collections::BTreeSet;

use crate::analysis::Analysis;
use crate::document::Statement;

/// One of the two statements, with its analysis.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub statement: &'a Statement,
    pub analysis: &'a Analysis,
}

/// How many acts have each status, in [`ActStatus::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts(pub [usize; 7]);

impl Counts {
    pub fn of(&self, status: ActStatus) -> usize {
        self.0[status as usize]
    }

    fn add(&mut self, status: ActStatus) {
        self.0[status as usize] += 1;
    }

    /// Acts that changed in any way.
    pub fn changes(&self) -> usize {
        self.0.iter().sum::<usize>() - self.of(ActStatus::Unchanged)
    }
}

/// The changes of one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicChanges {
    pub topic: String,
    pub counts: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub counts: Counts,
    /// Addressees the new statement's acts name that the old one's do not.
    pub new_addressees: Vec<String>,
    /// Per topic (of the act's section), the topics with changes first.
    pub topics: Vec<TopicChanges>,
}

impl Summary {
    /// "+12 acts · −5 · 3 strengthened · 1 weakened · 2 new addressees".
    pub fn line(&self) -> String {
        let c = &self.counts;
        let mut parts = vec![
            format!("+{} acts", c.of(ActStatus::New)),
            format!("−{}", c.of(ActStatus::Dropped)),
        ];
        for (status, word) in [
            (ActStatus::Strengthened, "strengthened"),
            (ActStatus::Weakened, "weakened"),
            (ActStatus::Changed, "changed"),
            (ActStatus::Reworded, "reworded"),
            (ActStatus::Unchanged, "unchanged"),
        ] {
            if c.of(status) > 0 {
                parts.push(format!("{} {word}", c.of(status)));
            }
        }
        let n = self.new_addressees.len();
        if n > 0 {
            parts.push(format!(
                "{n} new addressee{}",
                if n == 1 { "" } else { "s" }
            ));
        }
        parts.join(" · ")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub paragraphs: Vec<ParagraphChange>,
    pub acts: Vec<ActChange>,
    pub summary: Summary,
}

/// Compares statement `old` with statement `new`.
pub fn compare(old: Side, new: Side) -> Comparison {
    let paragraphs = paragraphs::align(old.statement, new.statement);
    let acts = acts::align(&old, &new, &paragraphs);
    let summary = summarise(&old, &new, &acts);
    Comparison {
        paragraphs,
        acts,
        summary,
    }
}

/// Pairs old item `i` with new item `j` for the candidates `(score, i, j)`, the best
/// first (ties in reading order), each item at most once.
fn take_best(
    mut candidates: Vec<(f32, usize, usize)>,
    paired_old: &mut [bool],
    pair_of_new: &mut [Option<usize>],
) {
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in candidates {
        if !paired_old[i] && pair_of_new[j].is_none() {
            paired_old[i] = true;
            pair_of_new[j] = Some(i);
        }
    }
}

fn summarise(old: &Side, new: &Side, acts: &[ActChange]) -> Summary {
    let mut counts = Counts::default();
    let mut topics: Vec<TopicChanges> = Vec::new();
    for change in acts {
        counts.add(change.status);
        let (side, act) = match (change.new, change.old) {
            (Some(j), _) => (new, &new.analysis.commitments[j]),
            (None, Some(i)) => (old, &old.analysis.commitments[i]),
            (None, None) => continue,
        };
        for &t in side.analysis.act_topics(act) {
            let name = side.analysis.topic_name(t);
            let at = match topics.iter().position(|c| c.topic == name) {
                Some(at) => at,
                None => {
                    topics.push(TopicChanges {
                        topic: name.to_string(),
                        counts: Counts::default(),
                    });
                    topics.len() - 1
                }
            };
            topics[at].counts.add(change.status);
        }
    }
    topics.sort_by(|a, b| {
        b.counts
            .changes()
            .cmp(&a.counts.changes())
            .then_with(|| a.topic.cmp(&b.topic))
    });
    let named = |side: &Side| -> BTreeSet<String> {
        side.analysis
            .commitments
            .iter()
            .filter_map(|a| a.addressee(side.analysis))
            .map(str::to_string)
            .collect()
    };
    let before = named(old);
    let new_addressees = named(new)
        .into_iter()
        .filter(|a| !before.contains(a))
        .collect();
    Summary {
        counts,
        new_addressees,
        topics,
    }
}
