//! Properties over arbitrary input: parsing, analysis, filtering and drawing never
//! panic, every span they hand out lies on character boundaries inside its
//! paragraph, and no export carries a raw control character.

use communique::analysis::filter::{Filter, HitField, Query};
use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Edit, Pane, update};
use communique::document::Statement;
use communique::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod invariants;

/// Text built from the pieces statements are made of — words, cues, names, numbers,
/// abbreviations, punctuation, line breaks, bullets, controls and wide characters — so
/// the generator reaches the parser's and extractor's corners, not just random noise.
fn statement_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("We ".to_string()),
        Just("condemn ".to_string()),
        Just("urge North Korea to ".to_string()),
        Just("are committed to ".to_string()),
        Just("must ".to_string()),
        Just("them ".to_string()),
        Just("H.E. Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("1.5°C ".to_string()),
        Just("(a) ".to_string()),
        Just("12. ".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("“".to_string()),
        Just("” ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("  • 31 Oct. 2017 -\n".to_string()),
        Just("# ".to_string()),
        Just("PART 1 – ".to_string()),
        Just("issued on the occasion of the meeting between ".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("岸田文雄".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩🏽‍🔬".to_string()),
        Just("\u{70f}\u{890}\u{8e2}".to_string()),
        Just("\u{fe0f}\u{fe0f}\u{e0100}".to_string()),
        Just("\u{200d}\u{3164}\u{2800}".to_string()),
        Just("＝1+1 ".to_string()),
        Just(" =HYPERLINK(".to_string()),
        Just("x;=1 ".to_string()),
        Just("We express serious concern about X and strongly urge Y to stop, ".to_string()),
        "[A-Za-z]{1,12} ",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(invariants::cases(512)))]

    #[test]
    fn parse_and_analyse_anything(text in prop_oneof![any::<String>(), statement_like()]) {
        let statement = Statement::parse(&text, "fuzz");
        invariants::check_statement(&statement);
        let analysis = analyse(&statement, Lexicons::embedded());
        invariants::check_analysis(&statement, &analysis);
        invariants::check_exports(&statement, &analysis);
    }

    #[test]
    fn filter_anything(text in statement_like(), query in ".{0,12}") {
        let statement = Statement::parse(&text, "fuzz");
        let analysis = analyse(&statement, Lexicons::embedded());
        if let Some(query) = Query::parse(&query) {
            let result = Filter::default().run(&query, &statement, &analysis);
            for m in &result.sentences {
                let at = m.at(&statement);
                prop_assert!(at.is_some());
                let p = &statement.paragraphs[at.unwrap().paragraph()];
                for (s, e) in result.ranges_of(&statement, &analysis, m) {
                    prop_assert!(p.text.is_char_boundary(s) && p.text.is_char_boundary(e) && e <= p.text.len());
                }
            }
            for m in &result.acts {
                let act = &analysis.commitments[m.act as usize];
                let text = &statement.paragraphs[act.sentence.paragraph()].text;
                for hit in result.hits_of(&statement, &analysis, m) {
                    let field = match hit.field {
                        HitField::Text => &**text,
                        HitField::Kind => act.kind.as_str(),
                        HitField::Actor => act.actor(&analysis),
                        HitField::Addressee => act.addressee(&analysis).unwrap_or(""),
                    };
                    let (s, e) = hit.range();
                    prop_assert!(s < e && field.get(s..e).is_some(), "{hit:?} in {field:?}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(invariants::cases(96)))]

    #[test]
    fn the_reader_draws_anything_at_any_size(
        text in statement_like(),
        sizes in prop::collection::vec((0u16..140, 0u16..50), 1..4),
        keys in prop::collection::vec(0usize..22, 0..30),
    ) {
        let statement = Statement::parse(&text, "fuzz");
        let analysis = analyse(&statement, Lexicons::embedded());
        let mut app = App::new(statement, analysis, 80, 24);
        let actions = [
            Action::Move(1), Action::Move(-3), Action::PageDown, Action::Bottom, Action::NextSection,
            Action::PreviousAct, Action::NextAct, Action::Activate, Action::FocusNext, Action::ToggleTopics,
            Action::StartFilter, Action::Edit(Edit::Insert('e')), Action::FilterAccept, Action::NextMatch,
            Action::ChooseKind, Action::ChooseAddressee, Action::ToggleRowHeight, Action::Paste("to:\"x\n".into()),
            Action::Edit(Edit::WordLeft), Action::ClearFilters, Action::Digit(3), Action::ScrollView(-2),
        ];
        for (w, h) in sizes {
            update(&mut app, Action::Resize(w, h));
            for &k in &keys {
                update(&mut app, actions[k].clone());
            }
            update(&mut app, Action::Focus(Pane::Text));
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|frame| ui::draw(&app, frame)).unwrap();
        }
    }
}

/// A query term of the forms that only narrow as they are typed: fuzzy, `'exact`,
/// `^anchored`, with an optional `$` at the end.
fn narrowing_term() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(""), Just("'"), Just("^")],
        "[aeiounrtkcmNK]{1,6}",
        prop_oneof![Just(""), Just(""), Just("$")],
    )
        .prop_map(|(lead, word, end)| format!("{lead}{word}{end}"))
}

/// What a query matched: acts, sentences (paragraph, index) and section titles.
type Matched = (Vec<usize>, Vec<(usize, usize)>, Vec<usize>);

/// What a query matched, as sets.
fn matched(
    filter: &mut Filter,
    raw: &str,
    s: &Statement,
    a: &communique::analysis::Analysis,
) -> Option<Matched> {
    let query = Query::parse(raw)?;
    let r = filter.run(&query, s, a);
    let mut acts: Vec<usize> = r.acts.iter().map(|m| m.act as usize).collect();
    acts.sort_unstable();
    let sentences = r
        .sentences
        .iter()
        .map(|m| {
            let at = m.at(s).unwrap();
            (at.paragraph(), at.index())
        })
        .collect();
    let titles = r.section_titles.iter().map(|&t| t as usize).collect();
    Some((acts, sentences, titles))
}

fn within<T: PartialEq>(narrow: &[T], wide: &[T]) -> bool {
    narrow.iter().all(|x| wide.contains(x))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(invariants::cases(160)))]

    /// Typing one more character never widens what the filter finds.
    #[test]
    fn adding_a_character_never_widens(
        text in statement_like(),
        terms in prop::collection::vec(narrowing_term(), 1..4),
    ) {
        let statement = Statement::parse(&text, "fuzz");
        let analysis = analyse(&statement, Lexicons::embedded());
        let full = terms.join(" ");
        let mut previous: Option<Matched> = None;
        for (end, _) in full.char_indices().skip(1).chain(std::iter::once((full.len(), ' '))) {
            let typed = &full[..end];
            // A fresh filter each time: the property is of the matching, not the cache.
            let now = matched(&mut Filter::default(), typed, &statement, &analysis);
            if let (Some(before), Some(now)) = (&previous, &now) {
                prop_assert!(within(&now.0, &before.0), "acts widened at {typed:?}");
                prop_assert!(within(&now.1, &before.1), "sentences widened at {typed:?}");
                prop_assert!(within(&now.2, &before.2), "titles widened at {typed:?}");
            }
            if now.is_some() {
                previous = now;
            }
        }
    }

    /// Searching only the last result, when the query says it narrows, gives what a
    /// fresh search gives — for every form of the language, fields, `!` and `|` too.
    #[test]
    fn typing_on_searches_only_the_last_result_safely(
        text in statement_like(),
        query in "(kind:|to:|by:|cue:|topic:|!|'|\\^)?[aeiounrtkcNK]{0,5}\\$?( \\| )?( [a-z]{1,4})?",
    ) {
        let statement = Statement::parse(&text, "fuzz");
        let analysis = analyse(&statement, Lexicons::embedded());
        let mut typing = Filter::default();
        for (end, _) in query.char_indices().skip(1).chain(std::iter::once((query.len(), ' '))) {
            let typed = &query[..end];
            let incremental = matched(&mut typing, typed, &statement, &analysis);
            let fresh = matched(&mut Filter::default(), typed, &statement, &analysis);
            prop_assert_eq!(incremental, fresh, "{}", typed);
        }
    }
}
