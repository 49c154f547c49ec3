//! Properties over arbitrary input: parsing, analysis, filtering and drawing never
//! panic, every span they hand out lies on character boundaries inside its
//! paragraph, and no export carries a raw control character.

use communique::analysis::filter::{Filter, Query};
use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Pane, update};
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
        "[A-Za-z]{1,12} ",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

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
            let result = Filter::default().run(&query, &statement, &analysis, None, None);
            for m in &result.sentences {
                let p = &statement.paragraphs[m.at.paragraph];
                for &(s, e) in &m.ranges {
                    prop_assert!(p.text.is_char_boundary(s) && p.text.is_char_boundary(e) && e <= p.text.len());
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_reader_draws_anything_at_any_size(
        text in statement_like(),
        sizes in prop::collection::vec((0u16..140, 0u16..50), 1..4),
        keys in prop::collection::vec(0usize..14, 0..30),
    ) {
        let statement = Statement::parse(&text, "fuzz");
        let analysis = analyse(&statement, Lexicons::embedded());
        let mut app = App::new(statement, analysis, 80, 24);
        let actions = [
            Action::Move(1), Action::Move(-3), Action::PageDown, Action::Bottom, Action::NextSection,
            Action::PreviousAct, Action::NextAct, Action::Activate, Action::FocusNext, Action::ToggleTopics,
            Action::StartFilter, Action::FilterInput('e'), Action::FilterAccept, Action::NextMatch,
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
