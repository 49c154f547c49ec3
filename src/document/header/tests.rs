//! Tests of the header reader on small headers of each shape.

use super::*;
use crate::document::lines;

fn header(text: &str) -> Header {
    read(&lines::split(text), 1, None, "fallback")
}

#[test]
fn shape_one_header() {
    let h = header(
        "Joint press statement\n\nissued on the occasion of the meeting between the Secretary General of the Alliance, H.E. Mr A. Example and H.E. Ms B. Sample, Prime Minister of Ruritania\n\n  • 14 Mar. 2019 -\n  • |\n  • Last updated: 15 Mar. 2019 09:05\n\nRuritania and the Alliance are close partners.\n",
    );
    let m = &h.metadata;
    assert_eq!(m.title, "Joint press statement");
    assert_eq!(m.date.unwrap().to_string(), "2019-03-14");
    assert_eq!(m.last_updated.unwrap().to_string(), "2019-03-15T09:05");
    assert_eq!(m.parties, ["Alliance", "Ruritania"]);
    assert_eq!(h.body_start, 8, "the first line of text");
}

#[test]
fn furniture_before_the_title_is_skipped() {
    let h = header(
        "Skip to main content\nEN | FR | RU\nPress Release\n\nJoint Statement\n\nWe agree.\n",
    );
    assert_eq!(h.metadata.title, "Joint Statement");
}

#[test]
fn place_and_date_line() {
    let h = header("Warsaw Summit Declaration\nCapital City, 8 July 2016\n\nWe agree.\n");
    assert_eq!(h.metadata.date.unwrap().to_string(), "2016-07-08");
    assert_eq!(h.metadata.place.as_deref(), Some("Capital City"));
}

#[test]
fn last_updated_in_french() {
    let h = header(
        "Déclaration commune\n\n  • Dernière mise à jour : 15 mars 2019 09:05\n\nNous condamnons.\n",
    );
    assert_eq!(
        h.metadata.last_updated.unwrap().to_string(),
        "2019-03-15T09:05"
    );
}

#[test]
fn sentence_first_line_is_body_and_title_falls_back() {
    let h = header("We condemn the attack. We urge restraint.\n");
    assert_eq!(h.metadata.title, "fallback");
    assert_eq!(h.body_start, 0);
}

#[test]
fn markdown_title() {
    let h = header("# Joint Statement on Ruritania\n\nWe agree.\n");
    assert_eq!(h.metadata.title, "Joint Statement on Ruritania");
}

#[test]
fn nothing_is_invented() {
    let h = header("Remarks by the Secretary General\n\n(As delivered)\n\nGood morning.\n");
    let m = &h.metadata;
    assert_eq!(
        (m.occasion.as_ref(), m.date, m.last_updated),
        (None, None, None)
    );
    assert!(m.parties.is_empty() && m.people.is_empty());
}

#[test]
fn the_beginning_of_a_long_text_reads_as_the_whole_of_it() {
    let lines_of = |line: &str, n: usize, gap: &str| {
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(line);
            text.push_str(gap);
        }
        text + "We agree to act together on every point.\n"
    };
    let texts = [
        // Header-like lines, each alone, far past what the header reads.
        lines_of("Press release", 3 * TEXT_LINES, "\n\n"),
        // One block of them, joined as far as joining goes.
        lines_of("Ministry of Foreign Affairs of", 3 * TEXT_LINES, "\n"),
        // Blank lines between them, which cost no text line.
        lines_of("Related content", TEXT_LINES, "\n\n\n\n"),
        // No body start at all: the fallback looks at the last line of text.
        lines_of("12 March 2024", 3 * TEXT_LINES, "\n\n")
            .replace("We agree to act together on every point.\n", ""),
        // A short text, wholly read.
        "Joint statement\n\n12 March 2024\n\nWe agree.\n".to_string(),
    ];
    for text in &texts {
        let all = lines::split(text);
        let beginning = beginning(lines::lines(text));
        assert!(beginning.len() <= all.len());
        let (whole, begun) = (
            read(&all, 1, None, "fallback"),
            read(&beginning, 1, None, "fallback"),
        );
        assert_eq!(whole.body_start, begun.body_start, "{}", &text[..40]);
        assert_eq!(whole.metadata, begun.metadata);
        assert_eq!(whole.lines, begun.lines);
    }
    // Far fewer lines than the text has.
    let long = &texts[0];
    assert!(beginning(lines::lines(long)).len() < lines::split(long).len() / 2);
}
