//! Tests of the cue lexicon: loading, inflections, gaps, user lexicons.

use super::*;

fn cues_in(lexicon: &CueLexicon, text: &str) -> Vec<(String, String)> {
    let t = Tokens::new(text);
    lexicon
        .find(&lexicon.word_ids(&t), 0, t.len())
        .into_iter()
        .map(|m| {
            (
                lexicon.cues[m.cue].spec.pattern.clone(),
                t.span_text(m.first, m.last + 1).to_string(),
            )
        })
        .collect()
}

#[test]
fn embedded_lexicon_loads() {
    let lexicon = CueLexicon::embedded();
    assert!(lexicon.cues.len() > 100);
    assert!(lexicon.is_adverb("strongly"));
}

#[test]
fn inflections_and_gaps() {
    let lexicon = CueLexicon::embedded();
    assert_eq!(
        cues_in(&lexicon, "We expressed our serious concern."),
        [(
            "express|state|convey|voice|share concern|alarm|dismay".into(),
            "expressed our serious concern".into()
        )]
    );
    assert_eq!(
        cues_in(&lexicon, "They urged restraint."),
        [("urge".into(), "urged".into())]
    );
    assert_eq!(
        cues_in(&lexicon, "We are also committed to it."),
        [("be committed to".into(), "are also committed to".into())]
    );
    assert_eq!(
        cues_in(&lexicon, "We remain committed to it."),
        [("remain committed".into(), "remain committed".into())]
    );
}

#[test]
fn modals_do_not_inflect() {
    let lexicon = CueLexicon::embedded();
    assert_eq!(
        cues_in(&lexicon, "We are willing to help."),
        [("be willing to".into(), "are willing to".into())]
    );
}

#[test]
fn user_lexicon_adds_and_replaces() {
    let lexicon = CueLexicon::embedded_with(r#"{ "cues": [ { "pattern": "deplore", "kind": "concern" }, { "pattern": "lament", "kind": "concern" } ] }"#).unwrap();
    let deplore = lexicon
        .cues
        .iter()
        .find(|c| c.spec.pattern == "deplore")
        .unwrap();
    assert_eq!(deplore.spec.kind, CommitmentKind::Concern);
    assert!(lexicon.cues.iter().any(|c| c.spec.pattern == "lament"));
    assert_eq!(lexicon.cues.len(), CueLexicon::embedded().cues.len() + 1);
}

#[test]
fn malformed_lexicon_is_located() {
    let err = CueLexicon::embedded_with(
        "{\n  \"cues\": [\n    { \"pattern\": \"x\", \"kind\": \"promise\" }\n  ]\n}",
    )
    .unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.column > 0);
    assert!(err.message.contains("promise"), "{}", err.message);
    let err = CueLexicon::embedded_with("{ \"cues\": [ ").unwrap_err();
    assert_eq!(err.line, 1);
}
