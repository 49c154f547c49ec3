//! The reader's behaviour, driven through `update` with actions and read back from
//! its state — no terminal involved.

use communique::analysis::{Lexicons, analyse};
use communique::app::textview::RowKind;
use communique::app::{Action, App, Edit, NavMode, Pane, update};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;

fn app_at(width: u16, height: u16) -> App {
    let statement = Statement::parse(EMBEDDED_STATEMENT, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    App::new(statement, analysis, width, height)
}

fn app() -> App {
    app_at(120, 40)
}

fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn typed(text: &str) -> Vec<Action> {
    std::iter::once(Action::StartFilter)
        .chain(text.chars().map(|c| Action::Edit(Edit::Insert(c))))
        .collect()
}

#[test]
fn starts_on_the_text_with_every_act_listed() {
    let app = app();
    assert_eq!(app.focus, Pane::Text);
    assert_eq!(app.acts.len(), 15);
    assert_eq!(app.act_cursor, Some(0));
    assert_eq!(app.text_top, 0);
    assert_eq!(app.reading_section(), 0);
}

#[test]
fn focus_cycles_through_visible_panes() {
    let mut app = app();
    apply(&mut app, [Action::FocusNext]);
    assert_eq!(app.focus, Pane::Acts);
    apply(&mut app, [Action::FocusNext]);
    assert_eq!(app.focus, Pane::Navigator);
    apply(
        &mut app,
        [Action::FocusPrevious, Action::Focus(Pane::Navigator)],
    );
    assert_eq!(app.focus, Pane::Navigator);
}

#[test]
fn text_scrolls_and_clamps() {
    let mut app = app_at(80, 24);
    apply(&mut app, [Action::Move(3)]);
    assert_eq!(app.text_top, 3);
    apply(&mut app, [Action::Bottom]);
    assert_eq!(app.text_top, app.max_text_top());
    assert_eq!(app.position_percent(), 100);
    apply(&mut app, [Action::PageDown]);
    assert_eq!(app.text_top, app.max_text_top(), "never past the end");
    apply(&mut app, [Action::Top, Action::Move(-5)]);
    assert_eq!(app.text_top, 0);
    apply(&mut app, [Action::PageDown]);
    assert_eq!(
        app.text_top,
        app.text_height() - 1,
        "a page keeps one row of context"
    );
}

#[test]
fn typing_a_filter_narrows_acts_and_marks_sections() {
    let mut app = app();
    apply(&mut app, typed("korea"));
    assert!(app.editing);
    let matches = app.matches.clone().unwrap();
    assert!(app.acts.len() < 15 && !app.acts.is_empty());
    assert_eq!(app.act_cursor, Some(0), "the best match is selected");
    assert!(app.section_marked(2) && app.section_marked(3));
    assert!(!app.section_marked(0));
    assert!(matches.sentences.len() >= 7);
    // Rows are ranked: whole words, then a word's start, then fuzzier, then score.
    let ranks: Vec<(u32, i32)> = matches.acts.iter().map(|m| (m.rank, -m.score)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    apply(
        &mut app,
        [
            Action::Edit(Edit::Backspace),
            Action::Edit(Edit::Backspace),
            Action::Edit(Edit::Backspace),
            Action::Edit(Edit::Backspace),
            Action::Edit(Edit::Backspace),
        ],
    );
    assert_eq!(app.acts.len(), 15, "an empty query lists everything again");
}

#[test]
fn enter_keeps_the_filter_and_escape_drops_it() {
    let mut app = app_at(80, 24);
    apply(&mut app, typed("korea"));
    apply(&mut app, [Action::FilterAccept]);
    assert!(!app.editing);
    assert_eq!(app.query.value(), "korea");
    assert_eq!(app.match_cursor, Some(0), "Enter goes to the first match");
    apply(&mut app, [Action::ClearFilters]);
    assert!(app.query.is_empty() && app.matches.is_none());
    apply(&mut app, typed("korea"));
    apply(&mut app, [Action::FilterCancel]);
    assert!(app.query.is_empty() && !app.editing);
}

#[test]
fn n_and_shift_n_walk_the_matches_in_reading_order() {
    let mut app = app_at(80, 24);
    apply(&mut app, typed("maritime"));
    apply(&mut app, [Action::FilterAccept]);
    let count = app.matches.as_ref().unwrap().sentences.len();
    assert!(count >= 3);
    let first = app.match_cursor.unwrap();
    apply(&mut app, [Action::NextMatch]);
    assert_eq!(app.match_cursor, Some((first + 1) % count));
    let row = app.view.sentence_row(
        &app.statement,
        app.matches.as_ref().unwrap().sentences[app.match_cursor.unwrap()]
            .at(&app.statement)
            .unwrap(),
    );
    assert!(
        row >= app.text_top && row < app.text_top + app.text_height(),
        "the match is in view"
    );
    apply(&mut app, [Action::PreviousMatch, Action::PreviousMatch]);
    assert_eq!(app.match_cursor, Some((first + count - 1) % count));
}

#[test]
fn exact_queries() {
    let mut app = app();
    apply(&mut app, typed("'Korea"));
    let m = app.matches.as_ref().unwrap();
    assert!(m.sentences.iter().all(|s| {
        app.statement
            .sentence_text(s.at(&app.statement).unwrap())
            .contains("Korea")
    }));
}

#[test]
fn enter_on_an_act_brings_its_sentence_into_view() {
    let mut app = app_at(80, 24);
    apply(
        &mut app,
        [Action::Focus(Pane::Acts), Action::Bottom, Action::Activate],
    );
    let place = app.selected_act().unwrap();
    let act = &app.analysis.commitments[place];
    assert_eq!(app.analysis.act_number(place), 15);
    let row = app.view.sentence_row(&app.statement, act.sentence);
    assert!(row >= app.text_top && row < app.text_top + app.text_height());
    assert!(app.text_top > 0);
}

#[test]
fn braces_step_through_acts_from_anywhere() {
    let mut app = app_at(80, 24);
    // The first act starts selected but not shown: the first `}` shows act 1 itself.
    apply(&mut app, [Action::NextAct]);
    assert_eq!(app.act_cursor, Some(0));
    assert_eq!(app.shown_act, app.selected_act());
    apply(&mut app, [Action::NextAct]);
    assert_eq!(app.act_cursor, Some(1));
    let act = &app.analysis.commitments[app.selected_act().unwrap()];
    let row = app.view.sentence_row(&app.statement, act.sentence);
    assert!(row >= app.text_top && row < app.text_top + app.text_height());
    apply(&mut app, [Action::PreviousAct, Action::PreviousAct]);
    assert_eq!(app.act_cursor, Some(0), "and stops at the first");
}

#[test]
fn brackets_step_through_sections_and_the_navigator_follows() {
    let mut app = app_at(80, 24);
    apply(&mut app, [Action::NextSection, Action::NextSection]);
    assert_eq!(app.reading_section(), 2);
    assert_eq!(Some(app.text_top), app.view.section_row(2));
    assert_eq!(app.nav_cursor, 2);
    apply(&mut app, [Action::PreviousSection]);
    assert_eq!(app.reading_section(), 1);
}

#[test]
fn topics_narrow_the_panel_and_guide_section_jumps() {
    let mut app = app();
    apply(
        &mut app,
        [Action::ToggleTopics, Action::Focus(Pane::Navigator)],
    );
    assert_eq!(app.nav_mode, NavMode::Topics);
    let korea = app
        .topics
        .iter()
        .position(|t| app.analysis.topic_name(t.topic) == "North Korea")
        .unwrap();
    apply(
        &mut app,
        [Action::Top, Action::Move(korea as isize), Action::Activate],
    );
    assert_eq!(app.query.value(), "topic:\"North Korea\" ");
    let chosen = app.chosen_topics.clone().unwrap();
    assert_eq!(chosen.len(), 1);
    let topic = chosen[0];
    assert_eq!(app.analysis.topic_name(topic), "North Korea");
    assert!(app.acts.iter().all(|a| {
        app.analysis
            .act_topics(&app.analysis.commitments[a])
            .contains(&topic)
    }));
    let sections = app.topics[korea].sections.clone();
    assert_eq!(
        app.reading_section(),
        sections[0],
        "choosing a topic goes to its first section"
    );
    apply(&mut app, [Action::NextSection]);
    assert_eq!(app.reading_section(), sections[1]);
    assert!(app.section_marked(sections[1]) && !app.section_marked(0));
    apply(&mut app, [Action::ClearFilters]);
    assert_eq!(app.chosen_topics, None);
    assert!(app.query.is_empty());
}

#[test]
fn navigator_enter_jumps_to_a_section() {
    let mut app = app_at(80, 24);
    apply(&mut app, [Action::Focus(Pane::Navigator)]);
    assert!(
        app.layout.navigator.is_some(),
        "focusing the folded navigator shows it"
    );
    apply(&mut app, [Action::Move(4), Action::Activate]);
    assert_eq!(app.reading_section(), 4);
}

#[test]
fn resize_reflows_and_keeps_the_reading_position() {
    let mut app = app_at(120, 40);
    apply(
        &mut app,
        [
            Action::NextSection,
            Action::NextSection,
            Action::NextSection,
        ],
    );
    let paragraph = |app: &App| match app.view.kind(&app.statement, app.text_top) {
        RowKind::Text { paragraph, .. } => Some(paragraph),
        _ => None,
    };
    let before = paragraph(&app);
    apply(&mut app, [Action::Resize(50, 20)]);
    assert_eq!(paragraph(&app), before);
    assert!(app.layout.tabs.is_some());
    // Wider and taller the whole text may fit; the paragraph stays in view.
    apply(&mut app, [Action::Resize(200, 50)]);
    let row = app.view.paragraph_row(before.unwrap()).unwrap();
    assert!(row >= app.text_top && row < app.text_top + app.text_height());
}

#[test]
fn every_size_is_safe() {
    let mut app = app();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (5, 2),
        (20, 6),
        (19, 40),
        (300, 5),
        (61, 7),
        (99, 30),
        (100, 6),
    ] {
        apply(
            &mut app,
            [
                Action::Resize(w, h),
                Action::PageDown,
                Action::NextAct,
                Action::Focus(Pane::Navigator),
                Action::Move(3),
                Action::Bottom,
            ],
        );
        apply(
            &mut app,
            [
                Action::Scroll {
                    column: w / 2,
                    row: h / 2,
                    lines: 3,
                },
                Action::Click {
                    column: w / 2,
                    row: h / 2,
                },
            ],
        );
    }
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app_at(120, 40);
    let text = app.layout.text.unwrap();
    apply(
        &mut app,
        [Action::Scroll {
            column: text.x + 5,
            row: text.y + 5,
            lines: 3,
        }],
    );
    assert_eq!(app.text_top, 3);
    assert_eq!(app.focus, Pane::Text);
}

#[test]
fn clicking_an_act_selects_it_and_shows_its_sentence() {
    let mut app = app_at(120, 40);
    let acts = app.layout.acts.unwrap();
    apply(
        &mut app,
        [Action::Click {
            column: acts.x + 3,
            row: acts.y + 1 + 14,
        }],
    );
    assert_eq!(app.focus, Pane::Acts);
    assert_eq!(app.act_cursor, Some(14));
    let act = &app.analysis.commitments[app.selected_act().unwrap()];
    let row = app.view.sentence_row(&app.statement, act.sentence);
    assert!(row >= app.text_top && row < app.text_top + app.text_height());
}

/// With an act selected, the card below the list leaves fewer rows for the list: the
/// selection stays above it, and a click on the card selects nothing.
#[test]
fn the_act_card_never_hides_the_selection() {
    let mut app = app_at(120, 24);
    let (list, card) = app.act_areas().unwrap();
    let card = card.expect("a card at 120x24");
    // 24 rows less the header and status lines and the borders, shared by the list
    // and a card of at most half of them.
    assert_eq!(list.height + card.height, 24 - 2 - 2);
    assert!(card.height <= 10 && list.height >= 10);
    apply(&mut app, [Action::Focus(Pane::Acts), Action::Bottom]);
    assert_eq!(app.act_cursor, Some(14));
    assert_eq!(app.act_offset, 15 - usize::from(list.height));
    apply(&mut app, [Action::PageUp]);
    assert_eq!(app.act_cursor, Some(14 - usize::from(list.height - 1)));
    let before = app.act_cursor;
    apply(
        &mut app,
        [Action::Click {
            column: card.x + 3,
            row: card.y + 2,
        }],
    );
    assert_eq!(app.act_cursor, before, "the card is not a list row");
}

#[test]
fn help_toggles_and_escape_closes_it() {
    let mut app = app();
    apply(&mut app, [Action::ToggleHelp]);
    assert!(app.help);
    apply(&mut app, [Action::ClearFilters]);
    assert!(!app.help);
}

#[test]
fn quit() {
    let mut app = app();
    apply(&mut app, [Action::Quit]);
    assert!(app.quit);
}

#[test]
fn the_text_shows_before_the_analysis_and_takes_it_when_ready() {
    let statement = std::sync::Arc::new(Statement::parse(EMBEDDED_STATEMENT, "t"));
    let mut app = App::pending(std::sync::Arc::clone(&statement), 80, 24);
    assert!(app.analysing);
    assert!(app.acts.is_empty());
    assert_eq!(
        app.analysis.sections.len(),
        1,
        "one section until topics are known"
    );
    assert!(matches!(
        app.view.kind(&app.statement, 0),
        RowKind::Title(_)
    ));
    // The reader can already scroll and type a filter.
    apply(&mut app, [Action::Move(12)]);
    apply(&mut app, typed("korea"));
    let top = app.text_top;
    app.set_analysis(analyse(&statement, Lexicons::embedded()));
    assert!(!app.analysing);
    assert_eq!(app.analysis.sections.len(), 6);
    assert_eq!(app.text_top, top, "the reading position is kept");
    assert!(app.editing && app.query.value() == "korea");
    assert!(
        !app.acts.is_empty() && app.acts.len() < 15,
        "the filter typed meanwhile applies"
    );
    assert!(app.section_marked(2));
}
