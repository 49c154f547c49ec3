//! Jumps that land: a section, an act or a match chosen becomes current — ▶, the text
//! pane's title and the card agree — at every height, even at the end of a short
//! statement; and the habits of less and vim (counts, Ctrl-E/Y, n wrapping).

use communique::analysis::{Lexicons, analyse};
use communique::app::textview::RowKind;
use communique::app::{Action, App, Edit, Pane, Target, update};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;

const SIZES: [(u16, u16); 5] = [(200, 50), (120, 40), (80, 24), (40, 15), (60, 10)];

fn app_at(width: u16, height: u16) -> App {
    let statement = Statement::parse(EMBEDDED_STATEMENT, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    App::new(statement, analysis, width, height)
}

/// The navigator, its last section, Enter.
const TO_THE_LAST_SECTION: [Action; 3] = [
    Action::Focus(Pane::Navigator),
    Action::Bottom,
    Action::Activate,
];

fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

/// The section the navigator marks ▶, the one the text pane is titled with and the
/// one the reader is in are the same.
fn agree(app: &App, section: usize) {
    assert_eq!(app.reading_section(), section);
    assert_eq!(app.nav_cursor, section, "the navigator follows");
    let row = app.view.section_row(section).unwrap();
    assert!(row >= app.text_top && row < app.text_top + app.text_height().max(1));
}

#[test]
fn the_last_section_becomes_current_at_every_size() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        let last = app.analysis.sections.len() - 1;
        apply(
            &mut app,
            [
                Action::Focus(Pane::Navigator),
                Action::Bottom,
                Action::Activate,
            ],
        );
        agree(&app, last);
        assert_eq!(
            Some(app.text_top),
            app.view.section_row(last),
            "{w}x{h}: at the top"
        );
        assert!(
            matches!(
                app.view.kind(&app.statement, app.text_top),
                RowKind::Text { first: true, .. }
            ),
            "{w}x{h}: its first paragraph at the top, past the last page if need be"
        );
        if w < 60 {
            assert_eq!(
                app.focus,
                Pane::Text,
                "one pane at a time, Enter shows the text"
            );
        }
    }
}

#[test]
fn brackets_reach_every_section_and_say_when_there_is_no_more() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        let sections = app.analysis.sections.len();
        for s in 1..sections {
            apply(&mut app, [Action::NextSection]);
            agree(&app, s);
        }
        apply(&mut app, [Action::NextSection]);
        assert_eq!(app.notice.as_deref(), Some("Last section"), "{w}x{h}");
        agree(&app, sections - 1);
        for s in (0..sections - 1).rev() {
            apply(&mut app, [Action::PreviousSection]);
            agree(&app, s);
        }
    }
}

#[test]
fn scrolling_down_past_the_end_goes_no_further_but_up_works() {
    let mut app = app_at(200, 50);
    let last = app.analysis.sections.len() - 1;
    apply(&mut app, TO_THE_LAST_SECTION);
    let top = app.text_top;
    assert!(
        top > app.max_text_top(),
        "the jump went past the last full page"
    );
    apply(&mut app, [Action::Focus(Pane::Text), Action::Move(3)]);
    assert_eq!(app.text_top, top);
    apply(&mut app, [Action::Move(-2)]);
    assert_eq!(app.text_top, top - 2);
    apply(&mut app, [Action::Move(2)]);
    assert_eq!(
        app.text_top,
        top - 2,
        "down, it stops where it is past the end"
    );
    // A resize keeps the section at the top.
    apply(
        &mut app,
        [
            Action::Focus(Pane::Navigator),
            Action::Bottom,
            Action::Activate,
            Action::Resize(120, 40),
        ],
    );
    assert_eq!(Some(app.text_top), app.view.section_row(last));
}

#[test]
fn the_first_brace_goes_to_act_one_and_the_card_agrees() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        apply(&mut app, [Action::NextAct]);
        assert_eq!(app.act_cursor, Some(0), "{w}x{h}");
        let place = app.selected_act().unwrap();
        let act = &app.analysis.commitments[place];
        assert_eq!(app.analysis.act_number(place), 1);
        assert_eq!(app.target, Some(Target::Sentence(act.sentence)));
        assert_eq!(
            app.reading_section(),
            app.analysis.act_section(act),
            "{w}x{h}: card and ▶ agree"
        );
        for _ in 0..14 {
            apply(&mut app, [Action::NextAct]);
            let place = app.selected_act().unwrap();
            let act = &app.analysis.commitments[place];
            let row = app.view.sentence_row(&app.statement, act.sentence);
            assert!(row >= app.text_top && row < app.text_top + app.text_height().max(1));
            assert_eq!(
                app.reading_section(),
                app.analysis.act_section(act),
                "{w}x{h}: act {}",
                app.analysis.act_number(place)
            );
        }
    }
}

#[test]
fn enter_on_an_act_in_one_pane_shows_its_sentence() {
    let mut app = app_at(40, 15);
    apply(
        &mut app,
        [Action::Focus(Pane::Acts), Action::Move(9), Action::Activate],
    );
    assert_eq!(app.focus, Pane::Text);
    let act = &app.analysis.commitments[app.selected_act().unwrap()];
    let row = app.view.sentence_row(&app.statement, act.sentence);
    assert!(row >= app.text_top && row < app.text_top + app.text_height());
}

#[test]
fn n_says_when_it_wraps() {
    let mut app = app_at(120, 40);
    apply(&mut app, [Action::StartFilter]);
    for c in "maritime".chars() {
        apply(&mut app, [Action::Edit(Edit::Insert(c))]);
    }
    apply(&mut app, [Action::FilterAccept]);
    let count = app.matches.as_ref().unwrap().sentences.len();
    assert!(app.notice.is_none());
    for _ in 1..count {
        apply(&mut app, [Action::NextMatch]);
        assert!(app.notice.is_none());
    }
    apply(&mut app, [Action::NextMatch]);
    assert_eq!(app.match_cursor, Some(0));
    assert_eq!(
        app.notice.as_deref(),
        Some("Search wrapped to the first match")
    );
    apply(&mut app, [Action::PreviousMatch]);
    assert_eq!(
        app.notice.as_deref(),
        Some("Search wrapped to the last match")
    );
    apply(&mut app, [Action::Move(1)]);
    assert!(app.notice.is_none(), "a notice lasts one action");
}

#[test]
fn counts_repeat_the_next_move() {
    let mut app = app_at(80, 24);
    apply(
        &mut app,
        [Action::Digit(1), Action::Digit(2), Action::Move(1)],
    );
    assert_eq!(app.text_top, 12);
    assert_eq!(app.count, None, "a count is used once");
    apply(
        &mut app,
        [Action::Top, Action::Digit(3), Action::NextSection],
    );
    assert_eq!(app.reading_section(), 3);
    apply(&mut app, [Action::Digit(2), Action::PreviousSection]);
    assert_eq!(app.reading_section(), 1);
    apply(&mut app, [Action::Digit(4), Action::NextAct]);
    assert_eq!(
        app.act_cursor,
        Some(3),
        "act 1 shown first, then three more"
    );
    // A count before a key that takes none is dropped.
    apply(
        &mut app,
        [Action::Digit(5), Action::ToggleRowHeight, Action::Move(1)],
    );
    assert_eq!(app.count, None);
    apply(&mut app, [Action::Digit(0)]);
    assert_eq!(app.count, None, "0 alone is no count");
}

#[test]
fn ctrl_e_and_ctrl_y_scroll_the_view_not_the_selection() {
    let mut app = app_at(120, 24);
    apply(&mut app, [Action::Focus(Pane::Acts), Action::Move(5)]);
    let cursor = app.act_cursor;
    apply(&mut app, [Action::ScrollView(2)]);
    assert_eq!(app.act_offset, 2);
    assert_eq!(app.act_cursor, cursor);
    apply(
        &mut app,
        [
            Action::Focus(Pane::Text),
            Action::ScrollView(3),
            Action::ScrollView(-1),
        ],
    );
    assert_eq!(app.text_top, 2);
}

#[test]
fn two_line_rows_halve_the_acts_a_page_holds() {
    let mut app = app_at(120, 40);
    let one = app.act_list_height();
    apply(&mut app, [Action::ToggleRowHeight]);
    assert!(app.tall_rows);
    assert_eq!(app.act_list_height(), one / 2);
    apply(&mut app, [Action::Focus(Pane::Acts), Action::Bottom]);
    assert!(
        app.act_offset + app.act_list_height() > 14,
        "the last act is in view"
    );
}

#[test]
fn the_top_of_the_statement_stays_the_top_through_resizes() {
    let mut app = app_at(80, 24);
    for (w, h) in [(120, 40), (200, 50), (40, 15), (80, 24)] {
        apply(&mut app, [Action::Resize(w, h)]);
        assert_eq!(app.text_top, 0, "{w}x{h}");
    }
}

#[test]
fn a_section_or_a_match_chosen_brings_the_card_along() {
    let mut app = app_at(120, 40);
    let last = app.analysis.sections.len() - 1;
    apply(&mut app, TO_THE_LAST_SECTION);
    let act = &app.analysis.commitments[app.selected_act().unwrap()];
    assert_eq!(
        app.analysis.act_section(act),
        last,
        "the card shows an act of the section"
    );
    apply(&mut app, [Action::StartFilter]);
    for c in "abductions".chars() {
        apply(&mut app, [Action::Edit(Edit::Insert(c))]);
    }
    apply(&mut app, [Action::FilterAccept]);
    let act = &app.analysis.commitments[app.selected_act().unwrap()];
    let at = app.matches.as_ref().unwrap().sentences[app.match_cursor.unwrap()]
        .at(&app.statement)
        .unwrap();
    assert_eq!(act.sentence, at, "and a match, an act of its sentence");
}

#[test]
fn a_sentence_jumped_to_stays_in_view_when_the_terminal_is_resized() {
    let mut app = app_at(120, 40);
    apply(
        &mut app,
        [Action::NextAct, Action::NextAct, Action::NextAct],
    );
    let Some(Target::Sentence(at)) = app.target else {
        panic!("an act's sentence is the target");
    };
    let in_view = |app: &App| {
        let row = app.view.sentence_row(&app.statement, at);
        row >= app.text_top && row < app.text_top + app.text_height().max(1)
    };
    assert!(in_view(&app));
    for (w, h) in [(80, 24), (30, 10), (200, 50), (80, 24)] {
        apply(&mut app, [Action::Resize(w, h)]);
        assert!(in_view(&app), "{w}x{h}: top {}", app.text_top);
        assert_eq!(app.target, Some(Target::Sentence(at)), "{w}x{h}");
    }
}

#[test]
fn enter_on_a_filter_goes_to_the_first_match_from_where_the_reader_is() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        apply(&mut app, [Action::Focus(Pane::Text), Action::PageDown]);
        let top = app.text_top;
        assert!(top > 0, "{w}x{h}");
        apply(&mut app, [Action::StartFilter]);
        for c in "we".chars() {
            apply(&mut app, [Action::Edit(Edit::Insert(c))]);
        }
        apply(&mut app, [Action::FilterAccept]);
        let result = app.matches.clone().unwrap();
        let row = |k: usize| {
            let at = result.sentences[k].at(&app.statement).unwrap();
            app.view.sentence_row(&app.statement, at)
        };
        let chosen = app.match_cursor.unwrap();
        assert!(row(chosen) >= top, "{w}x{h}");
        assert!(
            chosen == 0 || row(chosen - 1) < top,
            "{w}x{h}: the first below"
        );
    }
}
