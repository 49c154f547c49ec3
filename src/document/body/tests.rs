//! Tests of the body reader on small texts of each shape.

use super::*;
use crate::document::lines;

/// The body of `text`, all of it.
fn body_of(text: &str) -> Body {
    read(|| lines::lines(text), 1)
}

fn parse(text: &str) -> (Vec<Heading>, Vec<Paragraph>) {
    let body = body_of(text);
    (body.headings, body.paragraphs)
}

/// Each paragraph's marker and number, `None` for one without.
fn numbering(text: &str) -> Vec<Option<(String, String)>> {
    let body = body_of(text);
    (0..body.paragraphs.len())
        .map(|p| {
            let found = body.numbering.iter().find(|(at, _)| *at as usize == p);
            found.map(|(_, n)| (n.marker().to_string(), n.number().to_string()))
        })
        .collect()
}

fn numbers(text: &str) -> Vec<Option<String>> {
    numbering(text)
        .into_iter()
        .map(|n| n.map(|(_, number)| number))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    parse(text)
        .1
        .into_iter()
        .map(|p| p.text.into_string())
        .collect()
}

#[test]
fn heading_directly_above_its_paragraph() {
    let (h, p) = parse(
        "Deepening our partnership\nWe decided to deepen our cooperation in the area of maritime security\nand cyber defence.\n",
    );
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].text, "Deepening our partnership");
    assert_eq!(p.len(), 1);
    assert_eq!(
        &*p[0].text,
        "We decided to deepen our cooperation in the area of maritime security and cyber defence."
    );
}

#[test]
fn wrapped_first_line_is_not_a_heading() {
    let (h, p) = parse(
        "We condemn in the strongest terms the nuclear tests and missile\nlaunches carried out this year, which violate the resolutions.\n",
    );
    assert!(h.is_empty());
    assert_eq!(p.len(), 1);
}

#[test]
fn long_lines_are_paragraphs_each() {
    let long1 = "We ".to_string() + &"condemn the attacks ".repeat(8) + "today.";
    let long2 = "We ".to_string() + &"welcome the progress ".repeat(8) + "made.";
    let (_, p) = parse(&format!("{long1}\n{long2}\n"));
    assert_eq!(p.len(), 2);
}

#[test]
fn hyphenated_line_ends_are_joined() {
    let (_, p) = parse("We will strengthen our self-\ndefence and counter-\nTerrorism work.\n");
    assert_eq!(
        &*p[0].text,
        "We will strengthen our self-defence and counter- Terrorism work."
    );
}

#[test]
fn numbered_paragraphs_and_parts() {
    let text = "PART 1 – THE PARTNERSHIP\n\n  1. Today, Ruritania and the Alliance stand together.\n     \n  2. The region is not at peace.\n\nPART 2 – AREAS OF COOPERATION\n\n  3. We will cooperate.\n";
    let (h, p) = parse(text);
    assert_eq!(
        h.iter()
            .map(|h| (h.text.as_str(), h.before_paragraph))
            .collect::<Vec<_>>(),
        [
            ("PART 1 – THE PARTNERSHIP", 0),
            ("PART 2 – AREAS OF COOPERATION", 2)
        ]
    );
    assert_eq!(
        numbers(text),
        [Some("1".into()), Some("2".into()), Some("3".into())]
    );
    assert_eq!(
        &*p[0].text,
        "Today, Ruritania and the Alliance stand together."
    );
}

#[test]
fn numbered_lines_without_blank_lines() {
    let (_, p) = parse(
        "1. We agree on the first point of the\nagenda.\n2. We agree on the second.\n(a) And a sub point.\n",
    );
    assert_eq!(p.len(), 3);
    assert_eq!(&*p[0].text, "We agree on the first point of the agenda.");
    let numbered = numbering(
        "1. We agree on the first point of the\nagenda.\n2. We agree on the second.\n(a) And a sub point.\n",
    );
    assert_eq!(numbered[2], Some(("(a)".into(), "a".into())));
}

#[test]
fn markdown_and_section_headings() {
    let (h, _) = parse("## Cyber defence\n\nWe will act.\n\nSection 2\n\nWe will act again.\n");
    assert_eq!(h[0].text, "Cyber defence");
    assert_eq!(h[0].level, 2);
    assert_eq!(h[1].text, "Section 2");
}

#[test]
fn speaker_labels_are_not_headings() {
    let (h, p) = parse("PRESIDENT EXAMPLE:\nThank you very much.\n");
    assert!(h.is_empty());
    assert_eq!(p.len(), 1);
}

#[test]
fn single_short_last_line_is_a_paragraph() {
    let (h, p) = parse("We agree.\n\nThank you\n");
    assert!(h.is_empty());
    assert_eq!(p.len(), 2);
}

#[test]
fn sentence_numbering_runs_through_the_body() {
    let (_, p) = parse("One. Two.\n\nThree.\n");
    assert_eq!((p[0].first_sentence(), p[1].first_sentence()), (0, 2));
    assert_eq!((p[0].sentence_count(), p[1].sentence_count()), (2, 1));
}

#[test]
fn subject_line_is_its_own_paragraph() {
    let p =
        texts("The Security Council,\nRecalling its resolution 1 (1999),\n\n1. Decides to act;\n");
    assert_eq!(
        p,
        [
            "The Security Council,",
            "Recalling its resolution 1 (1999),",
            "Decides to act;"
        ]
    );
}

#[test]
fn a_stray_blank_line_inside_a_clause_is_joined() {
    let p = texts(
        "Noting that the situation hinders the creation of\n\nconditions for elections,\n\nWelcoming the efforts,\n",
    );
    assert_eq!(
        p,
        [
            "Noting that the situation hinders the creation of conditions for elections,",
            "Welcoming the efforts,"
        ]
    );
}

#[test]
fn footnotes_and_their_markers_are_dropped() {
    let body = body_of(
        "The Security Council,\n\nHaving considered the report, 7\n\n1. Decides to act.\n\n7 See document S/1.\n",
    );
    let texts: Vec<&str> = body.paragraphs.iter().map(|p| p.text.as_ref()).collect();
    assert_eq!(
        texts,
        [
            "The Security Council,",
            "Having considered the report,",
            "Decides to act."
        ]
    );
    assert_eq!(body.dropped[0].detail, "footnote");
    assert_eq!(body.dropped[0].line, 7);
}

#[test]
fn wrapped_capital_headings_and_roman_sections() {
    let (h, p) = parse(
        "I. SECURE THE REGION\n\nWe act.\n\nIII. ECONOMIC GROWTH, TECHNOLOGY AND TACKLING THE\nCLIMATE CRISIS\n\nWe act again.\n\nIV. Building a stronger, fairer future\n\nWe act once more.\n",
    );
    let h: Vec<&str> = h.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        h,
        [
            "I. SECURE THE REGION",
            "III. ECONOMIC GROWTH, TECHNOLOGY AND TACKLING THE CLIMATE CRISIS",
            "IV. Building a stronger, fairer future"
        ]
    );
    assert_eq!(p.len(), 3);
}

#[test]
fn separators_and_signatures_are_not_paragraphs() {
    let p = texts(
        "-\nWe, the ministers, reaffirm our commitment.\n-\n\n***\n\nWe act.\n\nAnna Example\nBruno Sample\nJuly 15, 2021\n\n###\n",
    );
    assert_eq!(
        p,
        ["We, the ministers, reaffirm our commitment.", "We act."]
    );
}

#[test]
fn strong_lines_are_headings_but_bold_leads_are_not() {
    let text = "**Introduction**\n\n**We commit to it.** Across the globe, we act.\n";
    let cleaned = || {
        lines::lines(text).map(|mut line| {
            lines::clean_markdown_line(&mut line);
            line
        })
    };
    let body = read(cleaned, 1);
    assert_eq!(body.headings[0].text, "Introduction");
    assert_eq!(
        &*body.paragraphs[0].text,
        "We commit to it. Across the globe, we act."
    );
}

#[test]
fn run_in_markers_go_numbers_stay() {
    let p = texts(
        "The Security Council,\n\nRecalling the letter to the Council, 183 the decision of 3 May 1999, 353 (1999) and paragraphs 4 and 8, 21\n",
    );
    assert_eq!(
        p[1],
        "Recalling the letter to the Council, the decision of 3 May 1999, 353 (1999) and paragraphs 4 and 8,"
    );
}

#[test]
fn underlined_headings() {
    let (h, p) =
        parse("Principles\n==========\n\nWe agree.\n\nCooperation\n-----------\nWe will act.\n");
    let h: Vec<&str> = h.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(h, ["Principles", "Cooperation"]);
    assert_eq!(p.len(), 2);
}

#[test]
fn dropped_lines_keep_their_numbers_after_runs_of_blank_lines() {
    let text = "The Security Council,\n\n\n\nHaving considered the report, 7\n\n\n1. Decides to act.\n\n\n\n7 See document S/1.\n";
    let body = body_of(text);
    assert_eq!(body.dropped[0].detail, "footnote");
    assert_eq!(body.dropped[0].line, 12);
}

#[test]
fn a_numbering_gives_back_its_marker_and_number_from_one_string() {
    let numbered = numbering("(iv) We agree.\n\n12. We note.\n\n3 – We urge all sides.\n");
    let pair = |marker: &str, number: &str| Some((marker.to_string(), number.to_string()));
    assert_eq!(
        numbered,
        [pair("(iv)", "iv"), pair("12.", "12"), pair("3 –", "3")]
    );
    // Longer than is kept inline.
    let long = Numbering::new("Paragraph 1.2.3.4.5.6.7.8:", "1.2.3.4.5.6.7.8");
    assert_eq!(long.marker(), "Paragraph 1.2.3.4.5.6.7.8:");
    assert_eq!(long.number(), "1.2.3.4.5.6.7.8");
    // A number that is not part of its marker is kept after it.
    let apart = Numbering::new("§ 7:", "seven");
    assert_eq!((apart.marker(), apart.number()), ("§ 7:", "seven"));
    let empty = Numbering::new("•", "");
    assert_eq!((empty.marker(), empty.number()), ("•", ""));
}

#[test]
fn a_statement_finds_each_numbered_paragraph_among_unnumbered_ones() {
    let s = crate::document::Statement::parse(
        "Joint statement\n\nWe open the meeting.\n\n1. We agree.\n\nWe note it.\n\n(b) We act.\n",
        "t",
    );
    let got: Vec<_> = (0..s.paragraphs.len())
        .map(|p| (s.marker(p), s.number(p)))
        .collect();
    assert_eq!(
        got,
        [
            (None, None),
            (Some("1."), Some("1")),
            (None, None),
            (Some("(b)"), Some("b"))
        ]
    );
    assert_eq!(s.number(s.paragraphs.len()), None);
    assert_eq!(s.paragraph_number(2), "3", "cited by its place");
    assert_eq!(s.paragraph_number(3), "b");
}
