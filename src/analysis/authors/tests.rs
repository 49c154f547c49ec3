//! Tests of author detection on statements of each shape (made-up texts).

use super::*;
use crate::document::Statement;

fn authors(text: &str) -> Authors {
    of(&Statement::parse(text, "file"), PartyLexicon::embedded())
}

#[test]
fn occasion_parties_in_the_statement_s_own_order() {
    let a = authors(
        "Joint press statement\n\nissued on the occasion of the meeting between the NATO Secretary General, H.E. Mr A. Example and H.E. Mr B. Sample, Prime Minister of Japan\n\nJapan and NATO are partners. We condemn the tests.\n",
    );
    assert_eq!(a.parties, ["NATO", "Japan"]);
    assert_eq!(a.phrase.as_deref(), Some("Japan and NATO"));
    assert_eq!(a.evidence, Evidence::Occasion);
}

#[test]
fn nothing_is_guessed_from_any_x_and_y() {
    let a = authors(
        "Remarks at the Official Visit and State Dinner\n\nThank you all. Peace and Stability matter to Iraq and Kuwait.\n",
    );
    assert!(a.parties.is_empty());
    assert_eq!(a.phrase, None);
    assert_eq!(&*a.display(), "the authors");
}
