//! Every statement shape of FORMATS.md and every listed text hazard, on fixtures
//! written for these tests (`tests/fixtures/formats/`).

use communique::analysis::{Lexicons, analyse};
use communique::document::{LineClass, SentenceRef, Statement};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn parse(name: &str) -> Statement {
    Statement::parse(&fixture(name), name.split('.').next().unwrap())
}

fn texts(s: &Statement) -> Vec<&str> {
    s.paragraphs.iter().map(|p| &*p.text).collect()
}

#[test]
fn shape2_headings_directly_above_paragraphs() {
    let s = parse("shape2-headings.txt");
    assert_eq!(s.metadata.date.unwrap().to_string(), "2022-02-02");
    assert_eq!(
        s.metadata.last_updated.unwrap().to_string(),
        "2022-02-03T11:31"
    );
    assert_eq!(s.metadata.parties, ["Alliance", "Ruritania"]);
    let headings: Vec<(&str, usize)> = s
        .headings
        .iter()
        .map(|h| (h.text.as_str(), h.before_paragraph()))
        .collect();
    assert_eq!(
        headings,
        [
            ("A changing security environment", 1),
            ("Deepening our partnership", 2)
        ]
    );
    assert_eq!(s.paragraphs.len(), 3);
    assert!(
        s.paragraphs[1]
            .text
            .starts_with("The international community is facing")
    );
    let analysis = analyse(&s, Lexicons::embedded());
    let sections: Vec<(Option<&str>, std::ops::Range<usize>)> = analysis
        .sections
        .iter()
        .map(|x| (x.heading(&s), x.paragraphs()))
        .collect();
    assert_eq!(
        sections,
        [
            (None, 0..1),
            (Some("A changing security environment"), 1..2),
            (Some("Deepening our partnership"), 2..3)
        ]
    );
    assert!(
        !analysis.section_title(&analysis.sections[0]).is_empty(),
        "the untitled lead section still gets a title"
    );
}

#[test]
fn shape3_numbered_paragraphs_and_parts() {
    let s = parse("shape3-numbered.txt");
    assert_eq!(
        s.metadata.title,
        "Partnership Programme between the Alliance and Ruritania for 2023 – 2026"
    );
    assert_eq!(s.metadata.occasion, None);
    assert_eq!(
        s.metadata.parties,
        ["Alliance", "Ruritania"],
        "parties from the title's between … and …"
    );
    assert!(s.metadata.people.is_empty());
    let headings: Vec<&str> = s.headings.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        headings,
        [
            "PART 1 – THE PARTNERSHIP",
            "PART 2 – AREAS OF COOPERATION",
            "Section 3"
        ]
    );
    let numbers: Vec<Option<&str>> = (0..s.paragraphs.len()).map(|p| s.number(p)).collect();
    assert_eq!(
        numbers,
        [
            Some("1"),
            Some("2"),
            Some("3"),
            Some("a"),
            Some("b"),
            Some("iv"),
            Some("4")
        ]
    );
    let markers: Vec<Option<&str>> = (0..s.paragraphs.len()).map(|p| s.marker(p)).collect();
    assert_eq!(markers[3], Some("(a)"));
    assert!(
        s.paragraphs[0].text.starts_with("Today, Ruritania"),
        "the number is not part of the text"
    );
    // The whitespace-only line inside the list separates paragraphs 1 and 2 cleanly.
    assert!(
        s.paragraphs[1]
            .text
            .starts_with("The region is not at peace.")
    );
}

#[test]
fn shape4_remarks_open_without_invented_metadata() {
    let s = parse("shape4-remarks.txt");
    let m = &s.metadata;
    assert_eq!(
        m.title,
        "Press point by the Secretary General with the Prime Minister of Ruritania"
    );
    assert_eq!(
        (m.occasion.as_deref(), m.date, m.last_updated),
        (None, None, None)
    );
    assert!(m.parties.is_empty() && m.people.is_empty());
    assert!(texts(&s)[0].starts_with("SECRETARY GENERAL: Good morning."));
    let delivery: Vec<(&str, &str)> = s
        .header
        .iter()
        .filter(|h| h.class == LineClass::Furniture)
        .map(|h| (h.text.as_str(), h.detail))
        .collect();
    assert_eq!(
        delivery,
        [("(As delivered)", "delivery")],
        "a delivery label is furniture"
    );
    assert!(s.headings.is_empty(), "speaker labels are not headings");
}

#[test]
fn hard_wrapped_lines_are_joined_and_headings_stay() {
    let s = parse("hard-wrapped.txt");
    assert_eq!(s.metadata.date.unwrap().to_string(), "2016-07-08");
    assert_eq!(s.metadata.place.as_deref(), Some("Capital City"));
    assert_eq!(
        s.metadata.dateline().as_deref(),
        Some("Capital City, 8 July 2016")
    );
    assert_eq!(s.headings.len(), 1);
    assert_eq!(s.headings[0].text, "Counter-terrorism");
    assert_eq!(s.paragraphs.len(), 3);
    assert!(texts(&s)[0].contains("met today in Capital City. We remain committed to the principles of the Charter of the United Nations"));
    // A hyphen at a line end is kept: without a dictionary, "self-defence" must not lose it.
    assert!(texts(&s)[1].contains("to inter-national stability"));
    assert!(texts(&s)[1].contains("our self-defence capacity"));
    assert!(!texts(&s).iter().any(|t| t.contains('\n')));
}

#[test]
fn furniture_crlf_tabs_and_spaces() {
    let lf = fixture("furniture.txt");
    let crlf = lf.replace('\n', "\r\n");
    for text in [lf, crlf] {
        let s = Statement::parse(&text, "furniture");
        assert_eq!(s.metadata.title, "Joint declaration on maritime security");
        assert_eq!(s.metadata.date.unwrap().to_string(), "2021-05-05");
        assert_eq!(
            s.metadata.last_updated.unwrap().to_string(),
            "2021-05-06T09:12"
        );
        assert_eq!(
            texts(&s),
            [
                "We are committed to freedom of navigation.",
                "We urge all states to respect the law of the sea."
            ]
        );
    }
    let nbsp = Statement::parse("Title\n\nWe\u{A0}condemn\u{A0}it.\u{A0}\n", "t");
    assert_eq!(&*nbsp.paragraphs[0].text, "We condemn it.");
}

#[test]
fn markdown_headings() {
    let s = parse("markdown.md");
    assert_eq!(s.metadata.title, "Joint Statement on Cyber Defence");
    let headings: Vec<(&str, u8)> = s
        .headings
        .iter()
        .map(|h| (h.text.as_str(), h.level))
        .collect();
    assert_eq!(headings, [("Principles", 2), ("Cooperation", 2)]);
    assert_eq!(s.paragraphs.len(), 2);
}

#[test]
fn no_header_at_all() {
    let s = parse("no-header.txt");
    assert_eq!(
        s.metadata.title, "no-header",
        "title falls back to the file name"
    );
    assert_eq!(s.paragraphs.len(), 2);
    assert_eq!(s.sentence_count(), 3);
    let analysis = analyse(&s, Lexicons::embedded());
    assert_eq!(analysis.commitments[0].actor(&analysis), "the authors");
    let titles: Vec<&str> = analysis
        .sections
        .iter()
        .map(|x| analysis.section_title(x))
        .collect();
    assert!(
        titles
            .iter()
            .all(|t| !t.is_empty() && t.chars().count() <= 40)
    );
    assert_ne!(titles[0], titles[1]);
}

#[test]
fn text_hazards() {
    let s = parse("hazards.txt");
    let m = &s.metadata;
    assert_eq!(
        m.date.unwrap().to_string(),
        "2017-10-31",
        "October 31, 2017"
    );
    assert_eq!(
        m.last_updated.unwrap().to_string(),
        "2017-11-01T08:00",
        "ISO date"
    );
    assert_eq!(m.people[0].name, "KISHIDA Fumio");
    assert_eq!(m.parties, ["Japan", "Ruritania"]);
    let sentences: Vec<&str> = s.sentences().map(|(_, t)| t).collect();
    assert_eq!(
        sentences[..7],
        [
            "H.E. Mr. KISHIDA Fumio (岸田文雄) met Dr. B. Sample of the U.S. Department of State and the U.K. delegation, i.e. the team led by Amb. C. Other.",
            "They discussed Res. 2375 and Art. 5, e.g. collective defence, in No. 10 Street on 14 Sept. 2019.",
            "Warming of 1.5°C and growth of 2.5 per cent were discussed.",
            "The Council adopted resolution S/RES/2375 (2017).",
            "The parties agreed on \"a stable and secure region.\"",
            "The liaison officer joined NATO's Maritime Command (MARCOM).",
            "We welcome this.",
        ]
    );
    let long = s.paragraphs.last().unwrap();
    assert!(long.text.len() > 800);
    assert_eq!(long.sentence_count(), 1);
    // ALL CAPS words in a sentence do not make it a heading.
    assert!(s.headings.is_empty());
}

#[test]
fn wide_characters_keep_their_offsets() {
    let s = Statement::parse("Title\n\n岸田文雄首相と会談した。We welcome this.\n", "t");
    let p = &s.paragraphs[0];
    assert_eq!(p.sentence_count(), 2);
    for sentence in s.paragraph_sentences(0) {
        assert!(
            p.text.is_char_boundary(sentence.start()) && p.text.is_char_boundary(sentence.end())
        );
    }
    assert_eq!(s.sentence_text(SentenceRef::new(0, 1)), "We welcome this.");
}

#[test]
fn sentences_a_doctored_cache_misplaces_are_none_not_a_panic() {
    let s = Statement::parse("Title\n\nWe agree. We act.\n", "t");
    let mut value = serde_json::to_value(&s).unwrap();
    value["paragraphs"][0]["first_sentence"] = serde_json::json!(99);
    let doctored: Statement = serde_json::from_value(value).unwrap();
    assert_eq!(doctored.paragraphs[0].sentence_count(), 2);
    assert!(doctored.paragraph_sentences(0).is_empty());
    assert!(doctored.paragraph_sentences(7).is_empty());
    assert_eq!(doctored.sentence(SentenceRef::new(0, 1)), None);
    assert_eq!(doctored.sentence_text(SentenceRef::new(0, 1)), "");
    assert_eq!(s.sentence_text(SentenceRef::new(0, 1)), "We act.");
}

#[test]
fn a_sentence_is_found_again_from_its_place_in_reading_order() {
    // A numbered paragraph, a one-word line, a paragraph of three sentences.
    let s = Statement::parse(
        "Title\n\n1. We agree. We act.\n\nSecurity\n\nWe meet. We talk. We part.\n",
        "t",
    );
    let all: Vec<SentenceRef> = s.sentences().map(|(at, _)| at).collect();
    assert!(all.len() >= 5, "{all:?}");
    for (ordinal, &at) in all.iter().enumerate() {
        assert_eq!(s.sentence_ordinal(at), ordinal);
        assert_eq!(s.sentence_at(ordinal), Some(at), "{ordinal}");
    }
    assert_eq!(s.sentence_at(all.len()), None);
    assert_eq!(s.sentence_at(usize::MAX), None);
    assert_eq!(Statement::parse("", "t").sentence_at(0), None);
}
