//! The query language and the choosers, through `update` on the shipped statement and
//! on a statement of my own: what each query form lists.

use communique::analysis::{Commitment, CommitmentKind, Lexicons, analyse};
use communique::app::{Action, App, Edit, update};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;

fn reader(text: &str) -> App {
    let statement = Statement::parse(text, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    App::new(statement, analysis, 120, 40)
}

fn shipped() -> App {
    reader(EMBEDDED_STATEMENT)
}

fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        update(app, action);
    }
}

fn type_in(app: &mut App, text: &str) {
    update(app, Action::StartFilter);
    for c in text.chars() {
        update(app, Action::Edit(Edit::Insert(c)));
    }
}

fn query(text: &str) -> App {
    let mut app = shipped();
    type_in(&mut app, text);
    app
}

/// The numbers of the statement's acts that `keep` keeps, in reading order.
fn numbers_of(app: &App, keep: impl Fn(&Commitment) -> bool) -> Vec<u32> {
    let acts = &app.analysis.commitments;
    (0..acts.len())
        .filter(|&place| keep(&acts[place]))
        .map(|place| app.analysis.act_number(place) as u32)
        .collect()
}

/// The listed acts' ids, in reading order.
fn ids(app: &App) -> Vec<u32> {
    let mut ids: Vec<u32> = app
        .acts
        .iter()
        .map(|a| app.analysis.act_number(a) as u32)
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn an_exact_cue_finds_the_four_acts_that_urge() {
    let app = query("'urge");
    assert_eq!(ids(&app), [2, 4, 6, 9]);
    for a in app.acts.iter() {
        assert_eq!(app.analysis.commitments[a].cue(&app.statement), "urge");
    }
}

#[test]
fn terms_match_in_any_order() {
    assert_eq!(ids(&query("korea urge")), ids(&query("urge korea")));
    assert_eq!(ids(&query("korea urge")), [2, 4, 6, 9]);
    assert_eq!(ids(&query("'north 'korea")), ids(&query("korea north")));
}

#[test]
fn north_keeps_only_the_acts_that_mention_the_north() {
    let app = query("north");
    assert_eq!(ids(&app), [1, 2, 3, 4, 6, 8, 9]);
    let china = query("china");
    assert_eq!(ids(&china), [10], "the one act about the China seas");
}

#[test]
fn fields_give_exactly_the_demands_on_north_korea() {
    let app = query("kind:demand to:korea");
    let expected: Vec<u32> = numbers_of(&app, |c| {
        c.kind == CommitmentKind::Demand && c.addressee(&app.analysis) == Some("North Korea")
    });
    assert_eq!(ids(&app), expected);
    assert_eq!(ids(&query("k:dem to:korea")), expected);
    assert_eq!(ids(&query("by:japan kind:commit")), [7, 13, 14, 15]);
    assert_eq!(ids(&query("cue:committed")), [7, 13, 14, 15]);
    let app = query("topic:maritime kind:commit");
    let topic = app
        .analysis
        .topic_names
        .iter()
        .position(|n| n == "Maritime security")
        .unwrap();
    let on_topic: Vec<u32> = numbers_of(&app, |c| {
        c.kind == CommitmentKind::Commit && app.analysis.act_topics(c).contains(&topic)
    });
    assert!(on_topic.contains(&13));
    assert_eq!(ids(&app), on_topic);
}

#[test]
fn negation_alternatives_anchors_and_phrases() {
    assert_eq!(ids(&query("kind:demand !to:korea")), [5, 6, 12]);
    assert_eq!(ids(&query("kind:condemn | kind:concern")), [1, 8, 10]);
    assert_eq!(ids(&query("'urge !abductions")), [2, 4, 6]);
    assert_eq!(ids(&query("to:^all")), [5, 6]);
    assert_eq!(ids(&query("to:korea$")), [2, 3, 4, 9]);
    assert_eq!(ids(&query("\"decisive pressure\"")), [6]);
    assert_eq!(ids(&query("decisive\\ pressure")), [6]);
    let sentences = query("^we").matches.unwrap().sentences.clone();
    assert!(!sentences.is_empty());
}

#[test]
fn typing_never_widens_the_result() {
    let mut app = shipped();
    update(&mut app, Action::StartFilter);
    let mut last = (usize::MAX, usize::MAX);
    for c in "korea".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
        let m = app.matches.as_ref().unwrap();
        let now = (m.acts.len(), m.sentences.len());
        assert!(
            now.0 <= last.0 && now.1 <= last.1,
            "{c}: {now:?} after {last:?}"
        );
        last = now;
    }
}

#[test]
fn ranking_whole_words_then_prefixes() {
    let app = query("korea");
    let last = app.analysis.act_number(app.acts.last().unwrap());
    // Only act 6 says "Korean" without "Korea" as a whole word: it comes last.
    assert_eq!(last, 6);
    assert_eq!(app.act_cursor, Some(0), "the best match is selected");
}

#[test]
fn a_statement_of_my_own() {
    let text = "Joint statement\n\n\
        We condemn the attack on the port of Aden. We urge the Houthis to release the crew \
        of the Galaxy Leader. We call on Iran to stop arming them.\n\n\
        Maritime trade\n\
        We are committed to freedom of navigation in the Red Sea.\n";
    let mut app = reader(text);
    type_in(&mut app, "to:houthis");
    assert_eq!(app.acts.len(), 1);
    let mut app = reader(text);
    type_in(&mut app, "'aden");
    let listed: Vec<_> = app
        .acts
        .iter()
        .map(|a| app.analysis.commitments[a].kind)
        .collect();
    assert_eq!(
        listed,
        [CommitmentKind::Condemn],
        "only the act whose words name Aden"
    );
    let mut app = reader(text);
    type_in(&mut app, "red sea");
    assert_eq!(app.acts.len(), 1);
    let mut app = reader(text);
    type_in(&mut app, "rdsea");
    assert_eq!(app.acts.len(), 1, "fuzzy across the word start");
}

#[test]
fn the_kind_chooser_counts_greys_and_writes_the_query() {
    let mut app = shipped();
    apply(&mut app, [Action::ChooseKind]);
    let chooser = app.chooser.clone().unwrap();
    let counts: Vec<(String, usize)> = chooser
        .items
        .iter()
        .map(|i| (i.label.clone(), i.count))
        .collect();
    assert_eq!(counts[0], ("every kind".to_string(), 15));
    assert!(counts.contains(&("DEMAND".to_string(), 7)));
    assert!(counts.contains(&("SUPPORT".to_string(), 0)));
    // Moving skips the empty kind: from CONCERN (5th) down lands nowhere new.
    apply(&mut app, [Action::Move(5)]);
    let at = app.chooser.as_ref().unwrap().cursor;
    assert_eq!(app.chooser.as_ref().unwrap().items[at].label, "CONCERN");
    apply(&mut app, [Action::Move(1)]);
    assert_eq!(
        app.chooser.as_ref().unwrap().cursor,
        at,
        "SUPPORT is skipped"
    );
    apply(&mut app, [Action::Top, Action::Move(3), Action::Activate]);
    assert!(app.chooser.is_none());
    assert_eq!(app.query.value(), "kind:demand ");
    assert_eq!(app.acts.len(), 7);
    // Choosing again replaces the term; the first row lifts it.
    apply(
        &mut app,
        [Action::ChooseKind, Action::Top, Action::Activate],
    );
    assert_eq!(app.query.value(), "");
    assert_eq!(app.acts.len(), 15);
    // Esc closes a chooser without choosing.
    apply(
        &mut app,
        [Action::ChooseKind, Action::Move(1), Action::ClearFilters],
    );
    assert!(app.chooser.is_none() && app.query.is_empty());
}

#[test]
fn the_addressee_chooser_and_counts_under_the_rest_of_the_query() {
    let mut app = query("'urge");
    apply(&mut app, [Action::FilterAccept, Action::ChooseAddressee]);
    let items = app.chooser.as_ref().unwrap().items.clone();
    let north = items.iter().find(|i| i.label == "North Korea").unwrap();
    assert_eq!(north.count, 3, "urged: acts 2, 4 and 9");
    apply(&mut app, [Action::Move(1), Action::Activate]);
    assert_eq!(app.query.value(), "'urge to:\"North Korea\" ");
    assert_eq!(ids(&app), [2, 4, 9]);
}

#[test]
fn esc_clears_a_layer_at_a_time_and_an_empty_result_says_why() {
    let mut app = query("kind:demand topic:\"Maritime security\" china");
    assert!(app.acts.is_empty());
    apply(&mut app, [Action::FilterAccept, Action::ClearFilters]);
    assert_eq!(
        app.query.value(),
        "kind:demand topic:\"Maritime security\" "
    );
    assert_eq!(ids(&app), [12]);
    apply(&mut app, [Action::ClearFilters]);
    assert_eq!(app.query.value(), "kind:demand ");
    apply(&mut app, [Action::ClearFilters]);
    assert!(app.query.is_empty() && app.acts.len() == 15);
}

#[test]
fn the_query_line_edits_like_a_shell() {
    let mut app = query("urge korea");
    apply(
        &mut app,
        [
            Action::Edit(Edit::WordLeft),
            Action::Edit(Edit::Insert('\'')),
            Action::Edit(Edit::Home),
            Action::Edit(Edit::Delete),
            Action::Edit(Edit::Insert('!')),
        ],
    );
    assert_eq!(app.query.value(), "!rge 'korea");
    apply(&mut app, [Action::Edit(Edit::DeleteToStart)]);
    assert_eq!(
        app.query.value(),
        "rge 'korea",
        "what was before the cursor"
    );
    apply(
        &mut app,
        [Action::Edit(Edit::End), Action::Edit(Edit::DeleteWordBack)],
    );
    assert_eq!(app.query.value(), "rge '");
    apply(&mut app, [Action::Edit(Edit::DeleteToStart)]);
    assert!(app.query.is_empty() && app.editing);
    // Backspace on an empty query leaves the prompt.
    apply(&mut app, [Action::Edit(Edit::Backspace)]);
    assert!(!app.editing);
}

#[test]
fn a_pasted_newline_does_not_accept_the_query() {
    let mut app = shipped();
    apply(
        &mut app,
        [Action::StartFilter, Action::Paste("urge\nkorea\r\n".into())],
    );
    assert!(app.editing, "still typing");
    assert_eq!(app.query.value(), "urge korea  ");
    assert_eq!(ids(&app), [2, 4, 6, 9]);
    // Pasting in the panes opens the query line with it.
    let mut app = shipped();
    apply(&mut app, [Action::Paste("'urge".into())]);
    assert!(app.editing && app.acts.len() == 4);
    // A paste of 10 KB of words is taken whole, and matches nothing.
    let big = "lorem ipsum ".repeat(900);
    apply(
        &mut app,
        [
            Action::Edit(Edit::DeleteToStart),
            Action::Paste(big.clone()),
        ],
    );
    assert_eq!(app.query.value().len(), big.len());
    assert!(app.acts.is_empty());
}

#[test]
fn history_brings_back_accepted_queries() {
    let mut app = query("korea");
    apply(&mut app, [Action::FilterAccept]);
    type_in(&mut app, "");
    apply(&mut app, [Action::Edit(Edit::DeleteToStart)]);
    for c in "kind:commit".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    apply(&mut app, [Action::FilterAccept, Action::StartFilter]);
    apply(
        &mut app,
        [
            Action::Edit(Edit::DeleteToStart),
            Action::Edit(Edit::HistoryPrevious),
        ],
    );
    assert_eq!(app.query.value(), "kind:commit");
    assert_eq!(app.acts.len(), 4, "the filter follows the history");
    apply(&mut app, [Action::Edit(Edit::HistoryPrevious)]);
    assert_eq!(app.query.value(), "korea");
    apply(
        &mut app,
        [
            Action::Edit(Edit::HistoryNext),
            Action::Edit(Edit::HistoryNext),
        ],
    );
    assert_eq!(app.query.value(), "", "back to what was typed");
}

#[test]
fn while_the_analysis_runs_keys_wait_for_it() {
    let statement = std::sync::Arc::new(Statement::parse(EMBEDDED_STATEMENT, "t"));
    let mut app = App::pending(std::sync::Arc::clone(&statement), 120, 40);
    apply(&mut app, [Action::Progress { done: 3, total: 6 }]);
    assert_eq!(app.progress, Some((3, 6)));
    type_in(&mut app, "'urge");
    assert_eq!(app.query.value(), "'urge", "echoed at once");
    apply(&mut app, [Action::FilterAccept, Action::NextAct]);
    assert!(app.notice.is_some(), "the reader is told the key waits");
    app.set_analysis(analyse(&statement, Lexicons::embedded()));
    assert_eq!(
        app.acts.len(),
        4,
        "the query applies when the analysis lands"
    );
    assert_eq!(
        app.shown_act,
        app.selected_act(),
        "and so does the waiting }}"
    );
    assert!(app.progress.is_none());
}

#[test]
fn a_search_off_the_ui_thread_lands_only_if_it_is_the_newest() {
    use communique::analysis::filter::Filter;
    let mut app = shipped();
    app.background_filter = true;
    type_in(&mut app, "kor");
    let old = app.take_filter_request().unwrap();
    assert!(
        app.filtering && app.acts.len() == 15,
        "the last result stays meanwhile"
    );
    apply(
        &mut app,
        [Action::Edit(Edit::Insert('e')), Action::FilterAccept],
    );
    let newest = app.take_filter_request().unwrap();
    assert!(newest.generation > old.generation);
    let mut filter = Filter::default();
    let run = |filter: &mut Filter, r: &communique::app::FilterRequest| Action::Filtered {
        generation: r.generation,
        result: filter.run(&r.query, &r.statement, &r.analysis),
    };
    // A stale result is dropped; the newest is shown, and Enter's jump waited for it.
    let stale = run(&mut filter, &old);
    apply(&mut app, [stale]);
    assert!(app.filtering && app.acts.len() == 15);
    let fresh = run(&mut filter, &newest);
    apply(&mut app, [fresh]);
    assert!(!app.filtering);
    assert_eq!(app.acts.len(), 7);
    assert_eq!(
        app.match_cursor,
        Some(0),
        "Enter went to the first match once it came"
    );
}

#[test]
fn a_trailing_space_searches_nothing_again() {
    let mut app = shipped();
    app.background_filter = true;
    type_in(&mut app, "korea");
    assert!(app.take_filter_request().is_some());
    apply(&mut app, [Action::Edit(Edit::Insert(' '))]);
    assert!(
        app.take_filter_request().is_none(),
        "the parsed query is the same"
    );
    apply(&mut app, [Action::Edit(Edit::Insert('u'))]);
    assert!(app.take_filter_request().is_some());
}

/// Pasting grows the time of a search linearly: 4,000 characters used to take 49 s of
/// CPU (the query was scored against itself on every key), and Esc waited behind it.
#[test]
fn a_big_paste_costs_time_in_proportion() {
    let words = [
        "korea",
        "urge",
        "'sea",
        "!china",
        "kind:demand",
        "to:north",
        "abc",
    ];
    let paste = |chars: usize| {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < chars {
            text.push_str(words[i % words.len()]);
            text.push(' ');
            i += 1;
        }
        let mut app = shipped();
        let start = std::time::Instant::now();
        apply(&mut app, [Action::StartFilter, Action::Paste(text)]);
        apply(&mut app, [Action::FilterCancel]);
        assert!(!app.editing && app.query.is_empty());
        start.elapsed()
    };
    // The least of three runs: the machine is shared, and one slow run is noise, not
    // a cubic paste (which took 49 s at 4,000 characters).
    let least = |chars: usize| (0..3).map(|_| paste(chars)).min().unwrap();
    let small = least(4_000);
    let big = least(8_000);
    assert!(small.as_secs_f64() < 2.0, "4,000 characters took {small:?}");
    assert!(
        big.as_secs_f64() < 3.0 * small.as_secs_f64() + 0.05,
        "doubling the paste took {big:?} after {small:?}"
    );
}
