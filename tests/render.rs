//! Snapshots of the reader drawn into ratatui's TestBackend at 120x40, 80x24 and 40x15:
//! at start, with "korea" typed in the filter, with an act selected, with the help
//! overlay, and in monochrome (NO_COLOR). Styled snapshots add a mask under the text:
//! `R` reversed, `h` a background colour, `M` underlined and bold (a matched word in a
//! matching sentence), `U` underlined, `B` bold, `.` plain.

mod common;

use communique::analysis::{Lexicons, analyse};
use communique::app::{Action, App, Appearance, Pane, update};
use communique::cli::EMBEDDED_STATEMENT;
use communique::document::Statement;
use communique::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 15)];

fn app(width: u16, height: u16) -> App {
    let statement = Statement::parse(EMBEDDED_STATEMENT, "t");
    let analysis = analyse(&statement, Lexicons::embedded());
    App::new(statement, analysis, width, height)
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|frame| ui::draw(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buffer: &Buffer) -> String {
    common::buffer_text(buffer)
}

fn styled(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = Vec::new();
    for y in 0..area.height {
        out.push(
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string(),
        );
        let mask: String = (0..area.width)
            .map(|x| {
                let cell = &buffer[(x, y)];
                if cell.modifier.contains(Modifier::REVERSED) {
                    'R'
                } else if cell.bg != Color::Reset {
                    'h'
                } else if cell
                    .modifier
                    .contains(Modifier::UNDERLINED | Modifier::BOLD)
                {
                    'M'
                } else if cell.modifier.contains(Modifier::UNDERLINED) {
                    'U'
                } else if cell.modifier.contains(Modifier::BOLD) {
                    'B'
                } else {
                    '.'
                }
            })
            .collect();
        out.push(mask.trim_end_matches('.').to_string());
    }
    out.join("\n")
}

fn typed(app: &mut App, text: &str) {
    update(app, Action::StartFilter);
    for c in text.chars() {
        update(app, Action::Edit(communique::app::Edit::Insert(c)));
    }
}

#[test]
fn start() {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("start_{w}x{h}"), text(&draw(&app(w, h))));
    }
}

#[test]
fn filter_korea_typed() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        typed(&mut app, "korea");
        insta::assert_snapshot!(format!("filter_korea_{w}x{h}"), styled(&draw(&app)));
    }
}

#[test]
fn selected_act() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        for action in [Action::Focus(Pane::Acts), Action::Move(3), Action::Activate] {
            update(&mut app, action);
        }
        insta::assert_snapshot!(format!("selected_act_{w}x{h}"), styled(&draw(&app)));
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        update(&mut app, Action::ToggleHelp);
        insta::assert_snapshot!(format!("help_{w}x{h}"), text(&draw(&app)));
    }
}

#[test]
fn no_color() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        app.appearance = Appearance {
            light: false,
            monochrome: true,
        };
        for action in [Action::Focus(Pane::Acts), Action::Move(3), Action::Activate] {
            update(&mut app, action);
        }
        typed(&mut app, "korea");
        update(&mut app, Action::FilterAccept);
        let buffer = draw(&app);
        let coloured = buffer
            .content
            .iter()
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count();
        assert_eq!(coloured, 0, "monochrome uses no colour at {w}x{h}");
        let reversed = buffer
            .content
            .iter()
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .count();
        assert!(reversed > 0, "selection is still visible at {w}x{h}");
        insta::assert_snapshot!(format!("no_color_{w}x{h}"), styled(&buffer));
    }
}

#[test]
fn light_theme_draws() {
    let mut app = app(100, 30);
    app.appearance = Appearance {
        light: true,
        monochrome: false,
    };
    let buffer = draw(&app);
    assert!(text(&buffer).contains("Joint press statement"));
}

#[test]
fn tiny_sizes_draw_something_sensible() {
    for (w, h) in [(0, 0), (1, 1), (10, 3), (19, 6), (20, 6), (25, 8)] {
        let mut a = app(120, 40);
        update(&mut a, Action::Resize(w, h));
        let buffer = draw(&a);
        let shown = text(&buffer);
        if w < 20 || h < 6 {
            assert!(
                w < 9 || h == 0 || shown.contains("small"),
                "{w}x{h}: {shown}"
            );
        } else {
            assert!(shown.contains("Joint"), "{w}x{h}: {shown}");
        }
    }
}

/// On a wide terminal nothing in the navigator is cut: every section title shows whole.
#[test]
fn wide_navigator_shows_whole_titles() {
    let app = app(200, 50);
    let screen = text(&draw(&app));
    for section in &app.analysis.sections {
        let title = app.analysis.section_title(section);
        assert!(screen.contains(title), "{title:?} is cut:\n{screen}");
    }
}
