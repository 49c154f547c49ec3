//! How strongly an act is put, for telling a hardened act from a softened one: the
//! ladders of `assets/strength.json` (kinds: a concern below a condemnation; cues:
//! "should" below "must"), and the intensity the analysis gives ("strongly").

use std::sync::OnceLock;

use serde::Deserialize;

use crate::analysis::CommitmentKind;

#[derive(Debug, Deserialize)]
struct Ladders {
    kinds: Vec<Vec<CommitmentKind>>,
    cues: Vec<Vec<Vec<String>>>,
}

fn ladders() -> &'static Ladders {
    static LADDERS: OnceLock<Ladders> = OnceLock::new();
    LADDERS.get_or_init(|| {
        serde_json::from_str(include_str!("../../assets/strength.json"))
            .expect("assets/strength.json is valid (checked by a test)")
    })
}

/// Up (+1), down (-1) or level (0) from kind `old` to kind `new`; `None` when the two
/// are on no ladder together (a commitment that became a demand is a change of kind).
pub fn kind_step(old: CommitmentKind, new: CommitmentKind) -> Option<i8> {
    if old == new {
        return Some(0);
    }
    ladders().kinds.iter().find_map(|ladder| {
        let from = ladder.iter().position(|&k| k == old)?;
        let to = ladder.iter().position(|&k| k == new)?;
        Some(if to > from { 1 } else { -1 })
    })
}

/// Up, down or level from cue `old` to cue `new` (as written: "urged", "must"); `None`
/// when they are not on one ladder.
pub fn cue_step(old: &str, new: &str) -> Option<i8> {
    let (old, new) = (old.to_lowercase(), new.to_lowercase());
    ladders().cues.iter().find_map(|ladder| {
        let from = step_of(ladder, &old)?;
        let to = step_of(ladder, &new)?;
        Some((to as i8 - from as i8).signum())
    })
}

/// The highest step of `ladder` that `cue` matches (a longer phrase on a higher step
/// wins: "strongly support" over "support").
fn step_of(ladder: &[Vec<String>], cue: &str) -> Option<usize> {
    let words: Vec<&str> = cue.split_whitespace().collect();
    ladder
        .iter()
        .enumerate()
        .rev()
        .find(|(_, phrases)| phrases.iter().any(|p| starts_with_phrase(&words, p)))
        .map(|(step, _)| step)
}

/// Whether `words` start with `phrase`, each word inflected or not ("urges" for
/// "urge", "called on" for "call on").
fn starts_with_phrase(words: &[&str], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split_whitespace().collect();
    wanted.len() <= words.len()
        && wanted.iter().zip(words).all(|(w, c)| {
            let stem = w.strip_suffix('e').unwrap_or(w);
            *c == *w || (c.starts_with(stem) && c.len() <= w.len() + 3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use CommitmentKind::*;

    #[test]
    fn the_ladders_load_and_order() {
        assert_eq!(kind_step(Concern, Condemn), Some(1));
        assert_eq!(kind_step(Condemn, Concern), Some(-1));
        assert_eq!(kind_step(Commit, Demand), None);
        assert_eq!(kind_step(Demand, Demand), Some(0));
        assert_eq!(cue_step("should", "must"), Some(1));
        assert_eq!(cue_step("urged", "call on"), Some(0));
        assert_eq!(cue_step("Must", "may"), Some(-1));
        assert_eq!(cue_step("support", "strongly support"), Some(1));
        assert_eq!(cue_step("will", "must"), None);
        assert_eq!(cue_step("condemn", "deplore"), None);
    }
}
