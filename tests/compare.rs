//! Comparing two statements of our own making: an identical pair changes nothing; the
//! same statement reflowed, renumbered or with other page furniture changes no act; a
//! pair with one new condemnation, one dropped demand, one "strongly" added and one
//! moved paragraph gives exactly those; and the ladders of strength name the rest.

use communique::analysis::{Analysis, Lexicons, analyse};
use communique::compare::{ActStatus, Comparison, ParagraphStatus, Side, compare};
use communique::document::Statement;

const OLD: &str = include_str!("fixtures/compare/old.txt");
const NEW: &str = include_str!("fixtures/compare/new.txt");

fn analysed(text: &str) -> (Statement, Analysis) {
    let statement = Statement::parse(text, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    (statement, analysis)
}

fn compared(old: &str, new: &str) -> Comparison {
    let (a, b) = (analysed(old), analysed(new));
    compare(
        Side {
            statement: &a.0,
            analysis: &a.1,
        },
        Side {
            statement: &b.0,
            analysis: &b.1,
        },
    )
}

fn statuses(c: &Comparison) -> Vec<ActStatus> {
    c.acts.iter().map(|a| a.status).collect()
}

fn paragraph_statuses(c: &Comparison, status: ParagraphStatus) -> usize {
    c.paragraphs.iter().filter(|p| p.status == status).count()
}

#[test]
fn an_identical_pair_changes_nothing() {
    let c = compared(OLD, OLD);
    assert!(!c.acts.is_empty());
    assert!(statuses(&c).iter().all(|&s| s == ActStatus::Unchanged));
    assert!(
        c.paragraphs
            .iter()
            .all(|p| p.status == ParagraphStatus::Same)
    );
    assert_eq!(c.summary.counts.changes(), 0);
    assert!(c.summary.new_addressees.is_empty());
}

/// The old statement hard-wrapped at 60 columns, numbered (a), (b)… and between a
/// site's navigation and footer.
fn reflowed_renumbered_furnished(text: &str) -> String {
    let mut out = String::from("Skip to main content\nHome > News > Statements\n\n");
    let letters = "abcdefghij";
    for block in text.split("\n\n") {
        let block = match block.split_once(". ") {
            Some((n, rest)) if n.parse::<usize>().is_ok() => {
                let n: usize = n.parse().unwrap();
                format!("({}) {rest}", &letters[n - 1..n])
            }
            _ => block.to_string(),
        };
        let wrapped = textwrap::fill(&block, 60);
        out.push_str(&wrapped);
        out.push_str("\n\n");
    }
    out.push_str(
        "Share this page\n\n© 2031 Northern Sea Council Secretariat. All rights reserved.\n",
    );
    out
}

#[test]
fn reflowing_renumbering_and_furniture_change_no_act() {
    let other = reflowed_renumbered_furnished(OLD);
    assert_ne!(other, OLD);
    let c = compared(OLD, &other);
    assert_eq!(
        c.summary.counts.changes(),
        0,
        "{:?}",
        c.acts
            .iter()
            .filter(|a| a.status != ActStatus::Unchanged)
            .collect::<Vec<_>>()
    );
    let (old, new) = (analysed(OLD), analysed(&other));
    assert_eq!(old.1.commitments.len(), new.1.commitments.len());
}

#[test]
fn the_pair_gives_exactly_its_four_changes() {
    let c = compared(OLD, NEW);
    let counts = &c.summary.counts;
    assert_eq!(counts.of(ActStatus::New), 1, "{:?}", c.acts);
    assert_eq!(counts.of(ActStatus::Dropped), 1);
    assert_eq!(counts.of(ActStatus::Strengthened), 1);
    assert_eq!(counts.of(ActStatus::Weakened), 0);
    assert_eq!(counts.of(ActStatus::Changed), 0);
    assert_eq!(counts.of(ActStatus::Reworded), 0);
    assert_eq!(counts.of(ActStatus::Unchanged), 5);
    let (old, new) = (analysed(OLD), analysed(NEW));
    let find = |status| c.acts.iter().find(|a| a.status == status).unwrap();
    let added = find(ActStatus::New);
    let condemnation = &new.1.commitments[added.new.unwrap()];
    assert!(condemnation.object(&new.0).contains("Polar Dawn"));
    let gone = &old.1.commitments[find(ActStatus::Dropped).old.unwrap()];
    assert_eq!(gone.kind.as_str(), "demand");
    assert!(gone.object(&old.0).contains("port state measures"));
    let stronger = find(ActStatus::Strengthened);
    assert_eq!(stronger.why, "“strongly” added");
    assert_eq!(
        c.summary.line(),
        "+1 acts · −1 · 1 strengthened · 5 unchanged"
    );

    assert_eq!(paragraph_statuses(&c, ParagraphStatus::Moved), 1);
    assert_eq!(paragraph_statuses(&c, ParagraphStatus::Changed), 1);
    assert_eq!(paragraph_statuses(&c, ParagraphStatus::New), 1);
    assert_eq!(paragraph_statuses(&c, ParagraphStatus::Dropped), 1);
    let moved = c
        .paragraphs
        .iter()
        .find(|p| p.status == ParagraphStatus::Moved)
        .unwrap();
    assert_eq!(
        (moved.old, moved.new),
        (Some(5), Some(2)),
        "the welcome moved up"
    );
    assert!(moved.diff.is_empty(), "moved as it was");
    // The new statement's order, a dropped paragraph where it stood.
    let order: Vec<(Option<usize>, Option<usize>)> =
        c.paragraphs.iter().map(|p| (p.old, p.new)).collect();
    let dropped = order
        .iter()
        .position(|&(o, n)| o == Some(2) && n.is_none())
        .unwrap();
    assert!(order[..dropped].iter().any(|&(_, n)| n == Some(1)));
}

fn one_sentence(sentence: &str) -> String {
    format!(
        "Joint Statement of the Lake Commission\n\n1. {sentence}\n\n2. The Commission will meet again next year.\n"
    )
}

fn change_of(old: &str, new: &str) -> (ActStatus, String) {
    let c = compared(&one_sentence(old), &one_sentence(new));
    let changed: Vec<_> = c
        .acts
        .iter()
        .filter(|a| a.status != ActStatus::Unchanged)
        .collect();
    assert_eq!(changed.len(), 1, "{old} → {new}: {:?}", c.acts);
    (changed[0].status, changed[0].why.clone())
}

#[test]
fn the_ladders_name_hardening_and_softening() {
    let (status, why) = change_of(
        "We express concern about the dumping of waste in the lake.",
        "We condemn the dumping of waste in the lake.",
    );
    assert_eq!(
        (status, why.as_str()),
        (ActStatus::Strengthened, "concern → condemn")
    );
    let (status, _) = change_of(
        "We condemn in the strongest terms the dumping of waste in the lake.",
        "We strongly condemn the dumping of waste in the lake.",
    );
    assert_eq!(status, ActStatus::Weakened);
    let (status, why) = change_of(
        "We urge the riparian states to stop the dumping of waste in the lake.",
        "We urge the mining companies to stop the dumping of waste in the lake.",
    );
    assert_eq!(status, ActStatus::Changed);
    assert!(
        why.starts_with("addressee: the riparian states → the mining companies"),
        "{why}"
    );
    let (status, _) = change_of(
        "We condemn the dumping of waste in the lake.",
        "We condemn the dumping of chemical waste in the lake.",
    );
    assert_eq!(status, ActStatus::Reworded);
}

#[test]
fn a_new_addressee_is_counted() {
    let c = compared(
        &one_sentence("We urge the riparian states to stop the dumping of waste."),
        &one_sentence(
            "We urge the riparian states to stop the dumping of waste. We call on the mining companies to fund the clean-up of the lake shore.",
        ),
    );
    assert_eq!(c.summary.new_addressees, ["the mining companies"]);
    assert!(c.summary.line().ends_with("1 new addressee"));
}
