//! The library view without a terminal: a folder of our own statements delivered as the
//! workers would deliver them, searched with the real searcher, and the table, the
//! acts, the timeline, Enter, the marks and compare requests checked; snapshots of the
//! view at 120x40 and 80x24.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use communique::analysis::{Lexicons, analyse};
use communique::app::Edit;
use communique::app::library::{LibraryAction, LibraryPane, LibraryView};
use communique::document::Statement;
use communique::library;
use communique::library::search::{Loaded, Searcher};
use communique::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FOLDER: &str = "tests/fixtures/library";

fn files() -> Vec<(PathBuf, String)> {
    library::discover(&[PathBuf::from(FOLDER)])
        .into_iter()
        .map(|p| {
            let label = p.strip_prefix(FOLDER).unwrap().display().to_string();
            (p, label)
        })
        .collect()
}

fn load(path: &Path) -> Result<Arc<Loaded>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let markdown = path.extension().is_some_and(|e| e == "md");
    let statement = Statement::parse_with(&text, &name, Some(markdown));
    let analysis = analyse(&statement, Lexicons::embedded());
    Ok(Arc::new(Loaded::new(
        path.to_path_buf(),
        statement,
        analysis,
    )))
}

/// The library with every file landed, the ones named in `failing` failed.
fn library(width: u16, height: u16, failing: &[&str]) -> LibraryView {
    let files = files();
    let mut view = LibraryView::new(files.clone(), width, height);
    let landed = files
        .iter()
        .enumerate()
        .map(|(k, (path, label))| {
            let result = if failing.contains(&label.as_str()) {
                Err("looks binary (use --force to open it anyway)".to_string())
            } else {
                load(path)
            };
            (k, result)
        })
        .collect();
    view.update(LibraryAction::Delivered {
        landed,
        searched: Vec::new(),
    });
    view
}

/// Runs the searches the view asks for, as the worker would, and delivers them.
fn search(view: &mut LibraryView, searcher: &mut Searcher) {
    let requests = view.take_searches();
    let searched = requests
        .into_iter()
        .map(|r| communique::app::library::Searched {
            generation: r.generation,
            first: r.first,
            chosen: searcher.search(&r.query, r.first, &r.part),
            whole: r.whole,
        })
        .collect();
    view.update(LibraryAction::Delivered {
        landed: Vec::new(),
        searched,
    });
}

fn type_query(view: &mut LibraryView, searcher: &mut Searcher, query: &str) {
    view.update(LibraryAction::StartFilter);
    for c in query.chars() {
        view.update(LibraryAction::Edit(Edit::Insert(c)));
    }
    search(view, searcher);
    view.update(LibraryAction::FilterAccept);
}

fn titles_and_dates(view: &LibraryView) -> Vec<String> {
    view.rows
        .iter()
        .map(|&k| {
            let entry = &view.entries[k];
            match entry.loaded() {
                Some(l) => format!(
                    "{} {}",
                    l.date.map_or("-".to_string(), |d| d.to_string()),
                    entry.label
                ),
                None => format!("! {}", entry.label),
            }
        })
        .collect()
}

#[test]
fn the_table_lists_every_statement_newest_first_with_the_undated_and_the_failed_last() {
    let view = library(120, 40, &["undated-notes.txt"]);
    assert_eq!(
        titles_and_dates(&view),
        [
            "2023-11-20 norway-chile/2023-trade.md",
            "2023-05-04 norway-chile/2023-ports.txt",
            "2022-02-02 kenya-norway/2022-press.txt",
            "2021-03-12 norway-chile/2021-ports.txt",
            "! undated-notes.txt",
        ]
    );
    assert!(!view.analysing());
    // Every act of every statement, in the table's order.
    assert_eq!(view.acts.len(), 3 + 3 + 3 + 4);
    assert_eq!(view.acts[0].0 as usize, view.rows[0]);
}

#[test]
fn statements_fill_in_as_they_land_and_the_top_stays_the_top() {
    let files = files();
    let mut view = LibraryView::new(files.clone(), 120, 40);
    assert!(view.analysing() && view.rows.is_empty());
    for (k, (path, _)) in files.iter().enumerate().rev() {
        view.update(LibraryAction::Delivered {
            landed: vec![(k, load(path))],
            searched: Vec::new(),
        });
    }
    assert_eq!(view.done, files.len());
    assert_eq!(view.table.selected, 0);
    assert_eq!(
        view.entries[view.rows[0]].label,
        "norway-chile/2023-trade.md"
    );
}

#[test]
fn a_query_narrows_the_table_and_lists_the_matching_acts_across_statements() {
    let mut view = library(120, 40, &[]);
    let mut searcher = Searcher::default();
    type_query(&mut view, &mut searcher, "kind:condemn");
    assert_eq!(
        titles_and_dates(&view),
        [
            "2023-05-04 norway-chile/2023-ports.txt",
            "2022-02-02 kenya-norway/2022-press.txt",
            "2021-03-12 norway-chile/2021-ports.txt",
        ]
    );
    assert_eq!(view.acts.len(), 3);
    assert_eq!(view.kind_totals, [0, 0, 0, 3, 0, 0]);
    for &(entry, act) in &view.acts {
        let loaded = view.loaded(entry as usize).unwrap();
        assert_eq!(loaded.kind_of(act).as_str(), "condemn");
    }
    // Statement terms narrow by date, party and title.
    view.update(LibraryAction::StartFilter);
    for c in " date:2023".chars() {
        view.update(LibraryAction::Edit(Edit::Insert(c)));
    }
    search(&mut view, &mut searcher);
    assert_eq!(
        titles_and_dates(&view),
        ["2023-05-04 norway-chile/2023-ports.txt"]
    );
    view.update(LibraryAction::Clear);
    view.update(LibraryAction::Clear);
    search(&mut view, &mut searcher);
    assert_eq!(view.rows.len(), 5);
    let mut view = library(120, 40, &[]);
    type_query(&mut view, &mut searcher, "party:kenya");
    assert_eq!(
        titles_and_dates(&view),
        ["2022-02-02 kenya-norway/2022-press.txt"]
    );
}

#[test]
fn a_stale_search_is_dropped_and_the_newest_query_wins() {
    let mut view = library(120, 40, &[]);
    let mut searcher = Searcher::default();
    view.update(LibraryAction::StartFilter);
    view.update(LibraryAction::Edit(Edit::Insert('x')));
    let stale = view.take_searches();
    view.update(LibraryAction::Edit(Edit::Backspace));
    for c in "salmon".chars() {
        view.update(LibraryAction::Edit(Edit::Insert(c)));
    }
    let fresh = view.take_searches();
    assert_eq!(fresh.len(), 1, "one search for the query as it stands");
    // The stale result lands last: it changes nothing.
    let deliver = |view: &mut LibraryView,
                   searcher: &mut Searcher,
                   r: &communique::app::library::SearchRequest| {
        let part = communique::app::library::Searched {
            generation: r.generation,
            first: r.first,
            chosen: searcher.search(&r.query, r.first, &r.part),
            whole: r.whole,
        };
        view.update(LibraryAction::Delivered {
            landed: Vec::new(),
            searched: vec![part],
        });
    };
    deliver(&mut view, &mut searcher, &fresh[0]);
    assert_eq!(
        titles_and_dates(&view),
        ["2023-11-20 norway-chile/2023-trade.md"]
    );
    for r in &stale {
        deliver(&mut view, &mut searcher, r);
    }
    assert_eq!(
        titles_and_dates(&view),
        ["2023-11-20 norway-chile/2023-trade.md"]
    );
    assert!(!view.searching());
}

#[test]
fn a_statement_landing_under_a_query_is_searched_on_its_own() {
    let files = files();
    let mut view = LibraryView::new(files.clone(), 120, 40);
    let mut searcher = Searcher::default();
    view.set_query("salmon");
    search(&mut view, &mut searcher);
    assert!(view.rows.is_empty());
    let k = files
        .iter()
        .position(|(_, l)| l.ends_with("2023-trade.md"))
        .unwrap();
    view.update(LibraryAction::Delivered {
        landed: vec![(k, load(&files[k].0))],
        searched: Vec::new(),
    });
    search(&mut view, &mut searcher);
    assert_eq!(view.rows, [k]);
}

#[test]
fn enter_opens_a_statement_at_its_first_match_or_at_the_act_chosen() {
    let mut view = library(120, 40, &[]);
    let mut searcher = Searcher::default();
    type_query(&mut view, &mut searcher, "port date:2021");
    view.update(LibraryAction::Activate);
    let request = view.open_request.take().expect("Enter opens the reader");
    assert!(request.loaded.path.ends_with("2021-ports.txt"));
    assert_eq!(request.query, "port");
    let first = request.act.expect("at the first match");
    let chosen = view.chosen_in(view.rows[0]).unwrap();
    assert_eq!(Some(first), chosen.first());
    // On the acts pane, the act under the cursor.
    view.update(LibraryAction::NextPane(1));
    assert_eq!(view.focus, LibraryPane::Acts);
    view.update(LibraryAction::Bottom);
    let (_, last) = view.selected_act().unwrap();
    view.update(LibraryAction::Activate);
    assert_eq!(view.open_request.take().unwrap().act, Some(last));
    // With no query, the statement opens at its top.
    let mut view = library(120, 40, &[]);
    view.update(LibraryAction::Activate);
    let request = view.open_request.take().unwrap();
    assert_eq!((request.act, request.query.as_str()), (None, ""));
}

#[test]
fn enter_typed_before_the_search_lands_opens_what_it_finds() {
    let mut view = library(120, 40, &[]);
    let mut searcher = Searcher::default();
    view.update(LibraryAction::StartFilter);
    for c in "salmon".chars() {
        view.update(LibraryAction::Edit(Edit::Insert(c)));
    }
    view.update(LibraryAction::FilterAccept);
    view.update(LibraryAction::Activate);
    assert!(view.open_request.is_none());
    search(&mut view, &mut searcher);
    let request = view.open_request.take().expect("opened once searched");
    assert!(request.loaded.path.ends_with("2023-trade.md"));
}

#[test]
fn a_failed_file_says_why_on_enter() {
    let mut view = library(120, 40, &["undated-notes.txt"]);
    view.update(LibraryAction::Bottom);
    view.update(LibraryAction::Activate);
    assert!(view.open_request.is_none());
    assert!(view.notice.as_deref().unwrap().contains("looks binary"));
}

#[test]
fn the_timeline_counts_acts_by_period_and_a_bar_narrows_the_table() {
    let mut view = library(120, 40, &[]);
    let labels = |view: &LibraryView| -> Vec<String> {
        view.timeline
            .bars
            .iter()
            .filter(|b| b.statements > 0)
            .map(|b| format!("{} {}", b.period.label(), b.total()))
            .collect()
    };
    // Under three years: by month, from the first month to the last.
    assert_eq!(
        labels(&view),
        ["2021-03 4", "2022-02 3", "2023-05 3", "2023-11 3"]
    );
    assert_eq!(view.timeline.bars.len(), 33);
    view.update(LibraryAction::TimelineUnit);
    assert_eq!(labels(&view), ["2021 4", "2022 3", "2023 6"]);
    assert_eq!(view.timeline.undated, 1);
    view.update(LibraryAction::NextPane(-1));
    assert_eq!(view.focus, LibraryPane::Timeline);
    // The first move from no bar chooses the latest one.
    view.update(LibraryAction::Move(-1));
    assert_eq!(view.period, Some(2));
    assert_eq!(view.rows.len(), 2);
    view.update(LibraryAction::Move(-1));
    assert_eq!(
        titles_and_dates(&view),
        ["2022-02-02 kenya-norway/2022-press.txt"]
    );
    view.update(LibraryAction::Clear);
    assert_eq!(view.period, None);
    assert_eq!(view.rows.len(), 5);
}

#[test]
fn sorting_cycles_through_its_keys() {
    let mut view = library(120, 40, &[]);
    view.update(LibraryAction::Sort);
    let most = view.loaded(view.rows[0]).unwrap();
    assert_eq!(most.acts(), 4, "most acts first");
    view.update(LibraryAction::Sort);
    let title = |v: &LibraryView, k: usize| v.loaded(v.rows[k]).unwrap().title.clone();
    assert!(title(&view, 0) <= title(&view, 1));
    view.update(LibraryAction::Sort);
    assert_eq!(
        view.entries[view.rows[0]].label,
        "kenya-norway/2022-press.txt"
    );
}

#[test]
fn two_marked_statements_are_compared_earlier_first_and_p_finds_the_previous_of_the_parties() {
    let mut view = library(120, 40, &[]);
    let row_of = |v: &LibraryView, label: &str| {
        v.rows
            .iter()
            .position(|&k| v.entries[k].label == label)
            .unwrap()
    };
    // 2023 ports, marked, then 2021 ports: compared 2021 → 2023.
    view.table.selected = row_of(&view, "norway-chile/2023-ports.txt");
    view.update(LibraryAction::ToggleMark);
    view.table.selected = row_of(&view, "norway-chile/2021-ports.txt");
    view.update(LibraryAction::Compare);
    let (old, new) = view.compare_request.take().unwrap();
    assert_eq!(view.entries[old].label, "norway-chile/2021-ports.txt");
    assert_eq!(view.entries[new].label, "norway-chile/2023-ports.txt");
    // The previous statement of Norway and Chile before the 2023 trade declaration is
    // the 2023 ports statement, not the Kenya–Norway one (one party shared).
    view.update(LibraryAction::Clear);
    assert!(view.marked.is_empty());
    view.table.selected = row_of(&view, "norway-chile/2023-trade.md");
    view.update(LibraryAction::ComparePrevious);
    let (old, new) = view.compare_request.take().unwrap();
    assert_eq!(view.entries[old].label, "norway-chile/2023-ports.txt");
    assert_eq!(view.entries[new].label, "norway-chile/2023-trade.md");
    // The earliest has no previous one.
    view.table.selected = row_of(&view, "norway-chile/2021-ports.txt");
    view.update(LibraryAction::ComparePrevious);
    assert!(view.compare_request.is_none());
    assert!(
        view.notice
            .as_deref()
            .unwrap()
            .contains("no earlier statement")
    );
}

#[test]
fn a_rescan_reads_every_file_again_and_keeps_the_query() {
    let mut view = library(120, 40, &[]);
    view.set_query("port");
    view.update(LibraryAction::Rescan);
    assert!(view.rescan);
    view.reset(files());
    assert_eq!(view.done, 0);
    assert!(view.rows.is_empty());
    assert_eq!(view.query.value(), "port");
    assert_eq!(view.take_searches().len(), 1);
}

fn draw(view: &LibraryView) -> String {
    let mut terminal = Terminal::new(TestBackend::new(view.width, view.height)).unwrap();
    terminal
        .draw(|frame| ui::library::draw(view, frame))
        .unwrap();
    common::buffer_text(terminal.backend().buffer())
}

#[test]
fn snapshot_at_120x40_with_a_query() {
    let mut view = library(120, 40, &["undated-notes.txt"]);
    let mut searcher = Searcher::default();
    type_query(&mut view, &mut searcher, "port");
    insta::assert_snapshot!(draw(&view));
}

#[test]
fn snapshot_at_80x24() {
    let view = library(80, 24, &["undated-notes.txt"]);
    insta::assert_snapshot!(draw(&view));
}

#[test]
fn the_view_draws_at_every_size_with_its_header_and_status_or_says_it_is_too_small() {
    for (w, h) in [
        (200, 50),
        (120, 40),
        (80, 24),
        (30, 10),
        (20, 6),
        (10, 3),
        (1, 1),
    ] {
        let mut view = library(w, h, &[]);
        for pane in [LibraryPane::Table, LibraryPane::Acts, LibraryPane::Timeline] {
            view.focus = pane;
            let text = draw(&view);
            let rows: Vec<&str> = text.split('\n').collect();
            assert_eq!(rows.len(), usize::from(h));
            if w >= 20 && h >= 6 {
                assert!(rows[0].contains("Library"), "{w}x{h}: {text}");
                assert!(
                    rows[usize::from(h) - 1].starts_with("? help"),
                    "{w}x{h}: {text}"
                );
            } else if w >= 10 {
                assert!(text.contains("too small"), "{w}x{h}: {text}");
            }
        }
    }
}

#[test]
fn a_query_that_cannot_be_parsed_says_why() {
    let mut view = library(120, 40, &[]);
    view.set_query("date:soon");
    assert!(view.parsed.is_err());
    assert!(draw(&view).contains("date:soon is not a year"));
}
