//! The text view's rows, sections and offsets at several widths.

use super::*;
use crate::analysis::{Lexicons, analyse};

fn view(text: &str, width: u16) -> (Statement, TextView) {
    let statement = Statement::parse(text, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    let view = TextView::new(&statement, &analysis, width);
    (statement, view)
}

#[test]
fn a_row_packs_its_tag_and_index_in_twelve_bytes() {
    assert_eq!(std::mem::size_of::<Row>(), 12);
    for tag in [Tag::Blank, Tag::Title, Tag::Meta, Tag::Heading] {
        let row = Row::new(tag, 123_456, 7, 9);
        assert_eq!(
            (row.tag(), row.index(), row.start, row.end),
            (tag, 123_456, 7, 9)
        );
    }
    let front = Row::new(Tag::Blank, FRONT_MATTER as usize, 0, 0);
    assert_eq!((front.tag(), front.owner()), (Tag::Blank, None));
    // An index past what fits saturates below the title block's mark.
    let far = Row::new(Tag::Heading, usize::MAX, 0, 1);
    assert_eq!(
        (far.tag(), far.owner()),
        (Tag::Heading, Some(FRONT_MATTER as usize - 1))
    );
    assert_eq!(Row::new(Tag::Heading, 4, 0, 1).owner(), Some(4));
    assert_eq!(Row::new(Tag::Title, 0, 0, 1).owner(), None);
}

#[test]
fn only_paragraphs_not_shown_as_written_keep_a_display_of_their_own() {
    let (s, v) = view(
        "Title\n\nWe welcome the talks.\n\nWe condemn \u{1b}[2Jthe attack.\n\nWe agree.\n",
        80,
    );
    let escaped = (0..s.paragraphs.len())
        .find(|&p| s.paragraphs[p].text.contains('\u{1b}'))
        .unwrap();
    assert_eq!(v.replaced.len(), 1);
    assert_eq!(v.display_text(&s, escaped), "We condemn ␛[2Jthe attack.");
    let attack = s.paragraphs[escaped].text.find("the attack").unwrap();
    let shown = v.display(&s, escaped).map(attack);
    assert_eq!(&v.display_text(&s, escaped)[shown..], "the attack.");
    for p in (0..s.paragraphs.len()).filter(|&p| p != escaped) {
        assert_eq!(v.display_text(&s, p), &*s.paragraphs[p].text);
        assert_eq!(v.display(&s, p).map(3), 3);
        // Clamped to the text, as for a replaced one.
        assert_eq!(v.display(&s, p).map(10_000), s.paragraphs[p].text.len());
    }
}

#[test]
fn wrap_covers_text_within_width() {
    let text = "We condemn in the strongest terms the nuclear tests and the missile launches.";
    for width in [1, 5, 10, 20, 80] {
        let lines = wrap(text, width);
        for &(s, e) in &lines {
            assert!(text[s..e].width() <= width, "{width}: {:?}", &text[s..e]);
        }
        // Every character is on some line, in order; only the breaking spaces go.
        let shown: String = lines
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect::<String>()
            .replace(' ', "");
        assert_eq!(shown, text.replace(' ', ""), "width {width}");
    }
}

#[test]
fn wide_characters_wrap_by_columns() {
    let text = "岸田文雄首相と会談した。";
    for &(s, e) in &wrap(text, 6) {
        assert!(text[s..e].width() <= 6);
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
    }
}

#[test]
fn rows_reflow_on_width() {
    let (statement, mut v) = view(
        "Title\n\nWe condemn the attack on the embassy in the strongest terms.\n",
        80,
    );
    let wide_rows = v.row_count();
    let analysis = analyse(&statement, Lexicons::embedded());
    v.layout(&statement, &analysis, 20);
    assert_eq!(v.width(), 20);
    assert!(v.row_count() > wide_rows);
}

#[test]
fn sentences_find_their_rows() {
    let (statement, v) = view(
        "Title\n\nOne short sentence. Another sentence that is rather longer than the first.\n",
        24,
    );
    let second = v.sentence_row(&statement, SentenceRef::new(0, 1));
    match v.kind(&statement, second) {
        RowKind::Text { start, end, .. } => {
            assert!(v.display_text(&statement, 0)[start..end].contains("Another"))
        }
        other => panic!("{other:?}"),
    }
    assert!(second > v.paragraph_row(0).unwrap());
}

#[test]
fn sections_start_at_their_headings() {
    let (statement, v) = view(
        "Title\n\nLead paragraph.\n\nCyber defence\nWe will act together to strengthen our cyber defence and resilience.\n",
        40,
    );
    assert!(
        matches!(v.kind(&statement, v.section_row(1).unwrap()), RowKind::Heading { text, .. } if text == "Cyber defence")
    );
    assert!(v.section_row(0) < v.section_row(1));
}

#[test]
fn sections_set_later_equal_a_fresh_layout() {
    for text in [
        crate::cli::EMBEDDED_STATEMENT,
        "Title\n\nLead paragraph.\n\nCyber defence\nWe will act together on cyber defence.\n\nMaritime\n\nWe are committed to freedom of navigation.\n\nClosing heading\n",
        "Title\n\nPart one\n\nPart two\n\nWe condemn the attack on the harbour.\n\nWe welcome the new maritime treaty.\n\nWe will fund cyber defence.\n",
    ] {
        let statement = Statement::parse(text, "t");
        let analysis = analyse(&statement, Lexicons::embedded());
        let pending = Analysis::pending(&statement);
        let mut later = TextView::new(&statement, &pending, 37);
        later.set_sections(&analysis);
        let fresh = TextView::new(&statement, &analysis, 37);
        assert_eq!(later.section_rows, fresh.section_rows);
        // Each row shows the section of the paragraph it belongs to.
        for r in 0..fresh.row_count() {
            let owner = fresh.owner(r);
            let last = analysis.sections.len() - 1;
            let expected = owner.map_or(0, |p| {
                analysis
                    .paragraph_section
                    .get(p)
                    .map_or(last, |&s| s as usize)
            });
            assert_eq!(fresh.section_at(r), expected, "row {r} of {text:.20}");
        }
        assert_eq!(later.row_count(), fresh.row_count());
        for r in 0..fresh.row_count() {
            assert_eq!(later.kind(&statement, r), fresh.kind(&statement, r));
            assert_eq!(later.section_at(r), fresh.section_at(r), "row {r}");
        }
    }
}

/// The rows as the view laid them out when it kept every one: the title block, then
/// per paragraph its headings, its lines and a blank row, then the last headings.
fn every_row<'a>(statement: &'a Statement, view: &'a TextView, width: usize) -> Vec<RowKind<'a>> {
    let mut rows: Vec<RowKind> = (0..view.front_rows)
        .map(|r| view.kind(statement, r))
        .collect();
    assert!(matches!(rows.last(), Some(RowKind::Blank)));
    let mut headings = view.kept[view.front_rows..].iter();
    let mut heading_rows = |before: usize, rows: &mut Vec<RowKind<'a>>| {
        for heading in statement.headings_before(before) {
            for line in wrap_lines(&safe::visible(&heading.text), width) {
                let kept = headings.next().expect("a kept heading row");
                let text = &view.lines[kept.start as usize..kept.end as usize];
                assert_eq!(text, line);
                rows.push(RowKind::Heading { text, before });
            }
        }
    };
    for p in 0..statement.paragraphs.len() {
        heading_rows(p, &mut rows);
        let marker = marker(statement, p);
        let indent = if marker.is_empty() {
            0
        } else {
            marker.width() + 1
        };
        let text = view.display_text(statement, p);
        for (k, (start, end)) in wrap(text, width.saturating_sub(indent).max(1))
            .into_iter()
            .enumerate()
        {
            rows.push(RowKind::Text {
                paragraph: p,
                start,
                end,
                first: k == 0,
            });
        }
        rows.push(RowKind::Blank);
    }
    heading_rows(statement.paragraphs.len(), &mut rows);
    rows
}

#[test]
fn rows_wrapped_when_asked_for_are_the_rows_of_a_whole_layout() {
    for text in [
        crate::cli::EMBEDDED_STATEMENT,
        "Title\n\nPart one\n\nPart two\n\n1. We condemn the attack on the harbour of the northern province.\n\n(b) We welcome the new \u{1b}[2Jmaritime treaty signed by both governments.\n\n岸田文雄首相と会談した。岸田文雄首相と会談した。\n\nClosing heading\n\nLast heading\n",
        "Only headings\n\nFirst\n\nSecond\n",
    ] {
        let statement = Statement::parse(text, "t");
        let analysis = analyse(&statement, Lexicons::embedded());
        for width in [1u16, 9, 23, 80] {
            let view = TextView::new(&statement, &analysis, width);
            let expected = every_row(&statement, &view, usize::from(width));
            assert_eq!(view.row_count(), expected.len(), "width {width}");
            // In order, backwards and past the end: the paragraph kept wrapped changes.
            for r in (0..expected.len()).chain((0..expected.len()).rev()) {
                assert_eq!(view.kind(&statement, r), expected[r], "row {r} at {width}");
            }
            assert_eq!(view.kind(&statement, expected.len()), RowKind::Blank);
            // Every byte of a paragraph is found on the row that shows it.
            for p in 0..statement.paragraphs.len() {
                let shown = view.display_text(&statement, p).len();
                for offset in 0..shown {
                    let row = view.row_of(&statement, p, offset);
                    let RowKind::Text { paragraph, end, .. } = expected[row] else {
                        panic!("row {row} of paragraph {p} is not text");
                    };
                    assert_eq!(paragraph, p);
                    // Past the last line's end (trailing space) is the last line.
                    let last_line = !matches!(
                        expected.get(row + 1),
                        Some(RowKind::Text { paragraph, .. }) if *paragraph == p
                    );
                    assert!(
                        offset < end || last_line,
                        "byte {offset} of {p} on row {row}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_paragraph_keeps_no_row_of_its_own() {
    let text = format!(
        "Title\n\n{}",
        "We agree on the first point of the agenda.\n\n".repeat(500)
    );
    let statement = Statement::parse(&text, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    let view = TextView::new(&statement, &analysis, 20);
    assert!(view.row_count() > 1500);
    // The title block only: the paragraphs' rows are counted, not kept.
    assert_eq!(view.kept.len(), view.front_rows);
    assert_eq!(view.paragraph_rows.len(), 500);
}
