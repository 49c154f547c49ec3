//! Reading memory in the reader's state: the place at the top of the view holds at
//! any width, marks set with `m` + letter are gone back to with `'` + letter, `''`
//! goes back to where the last jump left, and a place past the beginning of a long
//! statement waits for the rest to be read.

use communique::analysis::{Lexicons, analyse};
use communique::app::marks::{Place, Remembered};
use communique::app::textview::RowKind;
use communique::app::{Action, App, Edit, update};
use communique::document::Statement;

/// A statement of our own with headings over numbered paragraphs long enough to wrap.
fn statement() -> String {
    let mut text = String::from("Joint Declaration on River Basins\n\nGeneva, 4 May 2031\n\n");
    for (h, heading) in ["Water", "Trade", "Security", "Follow-up"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!("{heading}\n\n"));
        for p in 0..6 {
            text.push_str(&format!(
                "{}. The Parties commit to sharing data on the {heading} basin number {p}, \
                 and they call on all riparian states to publish their flow records in \
                 full every season.\n\n",
                h * 6 + p + 1
            ));
        }
    }
    text
}

fn app_at(text: &str, width: u16, height: u16) -> App {
    let statement = Statement::parse(text, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    App::new(statement, analysis, width, height)
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let action = match c {
            'm' if app.awaiting_mark.is_none() => {
                Action::Mark(communique::app::marks::MarkKey::Set)
            }
            '\'' if app.awaiting_mark.is_none() => {
                Action::Mark(communique::app::marks::MarkKey::Jump)
            }
            c if app.awaiting_mark.is_some() => Action::MarkName(Some(c)),
            'j' => Action::Move(1),
            'G' => Action::Bottom,
            'g' => Action::Top,
            ']' => Action::NextSection,
            other => panic!("no key {other:?} in these tests"),
        };
        update(app, action);
    }
}

/// The paragraph and display byte the top row of the view shows, if text.
fn top_text(app: &App) -> Option<(usize, usize, usize)> {
    match app.view.kind(&app.statement, app.text_top) {
        RowKind::Text {
            paragraph,
            start,
            end,
            ..
        } => Some((paragraph, start, end)),
        _ => None,
    }
}

#[test]
fn the_place_holds_at_any_width() {
    let text = statement();
    let mut wide = app_at(&text, 120, 30);
    update(&mut wide, Action::Move(17));
    let remembered = wide.remembered();
    let Some(Place {
        paragraph, offset, ..
    }) = remembered.place
    else {
        panic!("17 rows down is a place: {remembered:?}");
    };
    for (w, h) in [(200, 50), (80, 24), (40, 15), (120, 30)] {
        let mut other = app_at(&text, w, h);
        other.restore(remembered.clone());
        let (p, start, end) = top_text(&other).expect("text at the top");
        assert_eq!(p, paragraph, "{w}x{h}");
        assert!(start <= offset && offset < end.max(start + 1), "{w}x{h}");
    }
}

#[test]
fn a_heading_at_the_top_comes_back_at_the_top() {
    let text = statement();
    let mut app = app_at(&text, 100, 30);
    keys(&mut app, "]]");
    let RowKind::Heading { text: heading, .. } = app.view.kind(&app.statement, app.text_top) else {
        panic!("a section jump puts its heading at the top");
    };
    let heading = heading.to_string();
    let remembered = app.remembered();
    assert!(remembered.place.is_some_and(|p| p.heading));
    let mut narrow = app_at(&text, 44, 20);
    narrow.restore(remembered);
    assert!(
        matches!(narrow.view.kind(&narrow.statement, narrow.text_top), RowKind::Heading { text, .. } if text == heading)
    );
}

#[test]
fn the_top_is_remembered_as_nothing() {
    let app = app_at(&statement(), 100, 30);
    assert_eq!(app.remembered(), Remembered::default());
    assert!(app.remembered().is_empty());
}

#[test]
fn marks_set_and_gone_back_to() {
    let text = statement();
    let mut app = app_at(&text, 100, 30);
    keys(&mut app, "jjjjjjjjjjjj");
    let marked = app.text_top;
    keys(&mut app, "ma");
    assert_eq!(app.notice.as_deref(), Some("mark a set"));
    keys(&mut app, "G");
    let bottom = app.text_top;
    assert!(bottom > marked);
    keys(&mut app, "'a");
    assert_eq!(app.text_top, marked, "'a goes to the mark");
    keys(&mut app, "''");
    assert_eq!(app.text_top, bottom, "'' goes back to before the jump");
    keys(&mut app, "''");
    assert_eq!(app.text_top, marked, "and back again");
    // Marks survive a session, at another width.
    let remembered = app.remembered();
    assert_eq!(remembered.marks.len(), 1);
    let mut next = app_at(&text, 60, 20);
    next.restore(remembered);
    keys(&mut next, "'a");
    let mark = app.marks[&'a'].expect("a place in the text");
    let (p, start, end) = top_text(&next).expect("text at the top");
    assert_eq!(p, mark.paragraph);
    assert!(
        start <= mark.offset && mark.offset < end,
        "the row with the mark"
    );
}

#[test]
fn unknown_marks_and_other_keys_say_so() {
    let mut app = app_at(&statement(), 100, 30);
    keys(&mut app, "jjj");
    let top = app.text_top;
    keys(&mut app, "'b");
    assert_eq!(app.notice.as_deref(), Some("no mark b (mb sets it)"));
    assert_eq!(app.text_top, top);
    keys(&mut app, "m1");
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("a mark is a letter")
    );
    assert!(app.marks.is_empty());
    keys(&mut app, "''");
    assert_eq!(app.notice.as_deref(), Some("no jump to go back from yet"));
}

#[test]
fn esc_after_m_drops_it_and_leaves_the_query() {
    let mut app = app_at(&statement(), 100, 30);
    update(&mut app, Action::StartFilter);
    for c in "basin".chars() {
        update(&mut app, Action::Edit(Edit::Insert(c)));
    }
    update(&mut app, Action::FilterAccept);
    keys(&mut app, "m");
    assert!(app.awaiting_mark.is_some());
    update(&mut app, Action::MarkName(None));
    assert!(app.awaiting_mark.is_none());
    assert_eq!(
        app.query.value(),
        "basin",
        "Esc here only drops the mark key"
    );
    assert!(app.marks.is_empty());
    // Any other action drops it too: the next letter is not a mark name.
    keys(&mut app, "m");
    update(&mut app, Action::Move(1));
    assert!(app.awaiting_mark.is_none());
}

#[test]
fn a_place_past_the_beginning_waits_for_the_rest() {
    let text = statement();
    let whole = Statement::parse(&text, "t");
    let cut = text.find("Security").unwrap();
    let first = Statement::parse(&text[..cut], "t");
    assert!(first.paragraphs.len() < whole.paragraphs.len());
    let last = whole.paragraphs.len() - 1;
    let place = Place {
        paragraph: last,
        offset: 0,
        heading: false,
    };
    let mut app = App::pending(first, 100, 30);
    app.reading = true;
    app.restore(Remembered {
        place: Some(place),
        marks: Default::default(),
    });
    assert_eq!(app.text_top, 0, "not there yet");
    assert_eq!(
        app.remembered().place,
        Some(place),
        "kept if the reader quits now"
    );
    let analysis = analyse(&whole, Lexicons::embedded());
    let view = communique::app::textview::TextView::new(&whole, &analysis, app.text_width());
    app.set_statement(std::sync::Arc::new(whole), analysis, view);
    assert_eq!(top_text(&app).map(|(p, ..)| p), Some(last));
    assert_eq!(app.spot(), Some(place));
}

#[test]
fn a_place_from_a_stranger_file_is_the_end_not_a_panic() {
    let mut app = app_at(&statement(), 100, 30);
    for place in [
        Place {
            paragraph: usize::MAX,
            offset: usize::MAX,
            heading: false,
        },
        Place {
            paragraph: 3,
            offset: usize::MAX,
            heading: true,
        },
        Place {
            paragraph: 2,
            offset: usize::MAX,
            heading: false,
        },
    ] {
        app.restore(Remembered {
            place: Some(place),
            marks: [('é', None), ('a', Some(place))].into(),
        });
        assert!(app.text_top < app.view.row_count());
        assert_eq!(app.marks.len(), 1, "marks are ASCII letters");
    }
}
