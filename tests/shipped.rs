//! The shipped statement: its exact metadata, paragraphs and sentences, its sections,
//! and the 15 acts labelled in COMMITMENTS.md.

use communique::analysis::{Lexicons, analyse};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;
use serde::Deserialize;

fn shipped() -> Statement {
    Statement::parse(EMBEDDED_STATEMENT, "fallback")
}

/// FNV-1a, enough to notice any edit to the asset.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn embedded_asset_is_the_seed_byte_for_byte() {
    // Length and hash of ../shared/seed/japan-nato-joint-press-statement-2017.txt.
    assert_eq!(EMBEDDED_STATEMENT.len(), 3229);
    assert_eq!(fnv1a(EMBEDDED_STATEMENT.as_bytes()), 0xa97c_6001_c265_20cb);
}

#[test]
fn metadata() {
    let m = shipped().metadata;
    assert_eq!(m.title, "Joint press statement");
    assert_eq!(
        m.occasion.as_deref(),
        Some(
            "issued on the occasion of the meeting between the NATO Secretary General, H.E. Mr Jens Stoltenberg and H.E. Mr Shinzo Abe, Prime Minister of Japan"
        )
    );
    assert_eq!(m.parties, ["NATO", "Japan"]);
    let people: Vec<(&str, Option<&str>)> = m
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("Jens Stoltenberg", Some("NATO Secretary General")),
            ("Shinzo Abe", Some("Prime Minister of Japan"))
        ]
    );
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2017-10-31"));
    assert_eq!(
        m.last_updated.map(|d| d.to_string()).as_deref(),
        Some("2017-10-31T06:27")
    );
    assert_eq!(m.place, None);
    assert_eq!(
        m.dateline().as_deref(),
        Some("31 October 2017 · last updated 31 October 2017 06:27")
    );
}

#[test]
fn six_paragraphs_nineteen_sentences() {
    let s = shipped();
    assert!(s.headings.is_empty());
    assert_eq!(s.paragraphs.len(), 6);
    let per_paragraph: Vec<usize> = s.paragraphs.iter().map(|p| p.sentence_count()).collect();
    assert_eq!(per_paragraph, [1, 1, 4, 4, 4, 5]);
    assert_eq!(s.sentence_count(), 19);
    // No page furniture made it into the body.
    assert!(
        s.paragraphs
            .iter()
            .all(|p| !p.text.contains('•') && &*p.text != "|")
    );
}

#[test]
fn sentence_boundaries() {
    let s = shipped();
    let sentences: Vec<&str> = s.sentences().map(|(_, t)| t).collect();
    assert_eq!(
        sentences[0],
        "Japan and NATO are reliable and natural partners, sharing common values of freedom, democracy, human rights, and the rule of law, as well as strategic interests."
    );
    assert_eq!(
        sentences[3],
        "We strongly urge North Korea to immediately and fully comply with all relevant UN Security Council resolutions, including the latest Resolution 2375 adopted unanimously on 11 September 2017."
    );
    assert_eq!(
        sentences[4],
        "North Korea must honour its commitments in the 2005 Joint Statement of the Six-Party Talks."
    );
    assert_eq!(
        sentences[16],
        "For this purpose, we note the progress on Japan-NATO cooperation, including Japan’s designation of a liaison officer to NATO’s Maritime Command (MARCOM)."
    );
    assert_eq!(
        sentences[18],
        "This will allow us to work more effectively together and with the international community in order to ensure peace and stability in the Indo-Pacific and Euro-Atlantic regions."
    );
    for (i, p) in s.paragraphs.iter().enumerate() {
        let mut previous_end = 0;
        for sentence in s.paragraph_sentences(i) {
            assert!(sentence.start() >= previous_end && sentence.end() > sentence.start());
            assert!(
                p.text.is_char_boundary(sentence.start())
                    && p.text.is_char_boundary(sentence.end())
            );
            previous_end = sentence.end();
        }
        assert_eq!(previous_end, p.text.len());
        // Between sentences there is only whitespace.
        let covered: usize = s
            .paragraph_sentences(i)
            .iter()
            .map(|s| s.end() - s.start())
            .sum();
        let spaces = p.text.chars().filter(|c| c.is_whitespace()).count();
        assert!(p.text.len() - covered <= spaces);
    }
}

#[test]
fn sections_have_distinct_human_titles() {
    let s = shipped();
    let analysis = analyse(&s, Lexicons::embedded());
    assert_eq!(analysis.sections.len(), 6);
    let titles: Vec<&str> = analysis
        .sections
        .iter()
        .map(|x| analysis.section_title(x))
        .collect();
    for (i, t) in titles.iter().enumerate() {
        assert!(!t.is_empty() && t.chars().count() <= 40, "{t}");
        assert!(!t.to_lowercase().starts_with("paragraph"), "{t}");
        assert!(!titles[..i].contains(t), "duplicate title {t}");
    }
    assert_eq!(titles[2], "North Korea: nuclear and missile tests");
    assert!(titles[4].starts_with("Maritime security"), "{}", titles[4]);
    let topics = |i: usize| {
        analysis
            .topics_of(&analysis.sections[i])
            .iter()
            .map(|&t| analysis.topic_name(t))
            .collect::<Vec<_>>()
    };
    assert!(topics(2).contains(&"North Korea"));
    assert!(
        topics(5).contains(&"Cyber defence") && topics(5).contains(&"Women, peace and security")
    );
}

#[derive(Deserialize)]
struct Labelled {
    begins: String,
    kind: String,
    addressee: Option<String>,
}

#[test]
fn exactly_the_fifteen_labelled_acts() {
    let labelled: Vec<Labelled> =
        serde_json::from_str(include_str!("fixtures/shipped-acts.json")).unwrap();
    let s = shipped();
    let analysis = analyse(&s, Lexicons::embedded());
    let got: Vec<(String, String, Option<String>, String)> = analysis
        .commitments
        .iter()
        .map(|c| {
            (
                s.sentence_text(c.sentence).to_string(),
                c.kind.to_string(),
                c.addressee(&analysis).map(str::to_string),
                c.actor(&analysis).to_string(),
            )
        })
        .collect();
    assert_eq!(got.len(), labelled.len(), "{got:#?}");
    for (want, (sentence, kind, addressee, actor)) in labelled.iter().zip(&got) {
        assert!(
            sentence.starts_with(&want.begins),
            "{sentence} ≠ {}",
            want.begins
        );
        assert_eq!(kind, &want.kind, "{sentence}");
        assert_eq!(addressee, &want.addressee, "{sentence}");
        assert_eq!(actor, "Japan and NATO");
    }
}
