//! The bars around the panes: header, tabs, query line, status line, and the message
//! for a terminal too small to read in.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Pane, keys};
use crate::document::safe;

use super::theme::Theme;
use super::{centered_message, truncate};

/// Title · authors · date · last updated.
pub fn header(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let meta = &app.statement.metadata;
    let mut facts = Vec::new();
    if let Some(authors) = &app.analysis.authorship.phrase {
        facts.push(safe::visible(authors).into_owned());
    } else if !meta.parties.is_empty() {
        facts.push(safe::visible(&meta.parties.join(", ")).into_owned());
    }
    if let Some(date) = meta.date {
        facts.push(date.long());
    }
    if let Some(updated) = meta.last_updated {
        facts.push(format!(
            "last updated {} {:02}:{:02}",
            updated.date, updated.hour, updated.minute
        ));
    }
    let width = usize::from(area.width);
    let full_title = safe::visible(&meta.title);
    // The title takes at most three fifths while facts are placed; whatever they
    // leave is the title's again.
    let placed = truncate(
        &full_title,
        width.saturating_sub(1).min(width * 3 / 5).max(8),
    );
    // Facts in order of importance, each that fits whole: a long list of authors
    // does not keep the date off the line.
    let mut tail = String::new();
    for fact in facts {
        let piece = format!(" · {fact}");
        if 1 + placed.width() + tail.width() + piece.width() <= width {
            tail.push_str(&piece);
        }
    }
    let title = truncate(&full_title, width.saturating_sub(1 + tail.width()));
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(title, theme.title),
        Span::styled(tail, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.header), area);
}

/// One tab per pane, for terminals narrower than 60 columns.
pub fn tabs(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width / 3);
    let spans: Vec<Span> = Pane::ALL
        .iter()
        .map(|&pane| {
            let label = format!("{:^width$}", truncate(pane.name(), width.saturating_sub(1)));
            let style = if app.focus == pane {
                theme.selected
            } else {
                theme.dim
            };
            Span::styled(label, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The query line: what is typed (scrolled to keep the cursor in view), and what it
/// matches.
pub fn query(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let summary = match &app.matches {
        _ if app.filtering => "  searching…".to_string(),
        Some(m) => format!(
            "  {} · {}",
            counted(m.acts.len(), "act"),
            counted(m.sentences.len(), "sentence")
        ),
        None if app.editing => "  kind: by: to: topic: cue: · ? help".to_string(),
        None => String::new(),
    };
    let width = usize::from(area.width);
    // The summary gives way to the query on a narrow line.
    let summary = if summary.width() + 12 <= width {
        summary
    } else {
        String::new()
    };
    let room = width.saturating_sub(1 + summary.width()).max(1);
    let (cursor, scroll) = app.query.visual(room.saturating_sub(1).max(1));
    let value = app.query.value();
    // Columns from `scroll` on, within the room; control characters are shown safely.
    let mut shown = String::new();
    let mut column = 0;
    for c in value.chars() {
        let w = c.width().unwrap_or(0);
        if column >= scroll && column + w <= scroll + room.saturating_sub(1) {
            shown.push(c);
        }
        column += w;
    }
    let shown = safe::visible(&shown).into_owned();
    let pad = room.saturating_sub(shown.width());
    let line = Line::from(vec![
        Span::styled("/", theme.key),
        Span::styled(shown, theme.base.add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(pad)),
        Span::styled(summary, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if app.editing {
        let x = area.x + 1 + u16::try_from(cursor.saturating_sub(scroll)).unwrap_or(0);
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// Key hints (or a notice) on the left; count, matches and position on the right.
pub fn status(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut right = Vec::new();
    if let Some(count) = app.count {
        right.push(format!("count {count}"));
    }
    if let Some(m) = &app.matches {
        right.push(match (app.match_cursor, m.sentences.len()) {
            (_, 0) => "no matching sentence".to_string(),
            (Some(c), n) => format!("match {}/{n}", c + 1),
            (None, 1) => "1 matching sentence".to_string(),
            (None, n) => format!("{n} matching sentences"),
        });
    }
    right.push(format!("{:>3}%", app.position_percent()));
    let right = format!("{} ", right.join(" · "));
    let width = usize::from(area.width);
    // Two columns always separate the hints from the figures on the right.
    let room = width.saturating_sub(right.width() + 3);
    let mut left: Vec<Span> = vec![Span::raw(" ")];
    if let Some(notice) = &app.notice {
        left.push(Span::styled(truncate(notice, room), theme.warning));
    } else if let Some(warning) = &app.warning {
        left.push(Span::styled(truncate(warning, room), theme.warning));
    } else if app.chooser.is_some() {
        left.push(Span::styled(
            truncate("Enter choose · Esc close · j/k move", room),
            theme.status,
        ));
    } else if app.editing {
        left.push(Span::styled(
            truncate("Enter keep · Esc drop · ↑↓ history · C-n/C-p acts", room),
            theme.status,
        ));
    } else {
        let mut used = 0;
        let back = app.from_library.is_some().then_some(("Esc", "library"));
        for (key, what) in back.iter().chain(keys::HINTS) {
            let item = format!("{key} {what}  ");
            if used + item.width() > room {
                break;
            }
            used += item.width();
            left.push(Span::styled(key.to_string(), theme.key));
            left.push(Span::raw(format!(" {what}  ")));
        }
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let right = truncate(&right, width.saturating_sub(used));
    let pad = width.saturating_sub(used + right.width());
    left.push(Span::raw(" ".repeat(pad)));
    left.push(Span::raw(right));
    frame.render_widget(Paragraph::new(Line::from(left)).style(theme.status), area);
}

pub fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let message = format!("Terminal too small (needs {MIN_WIDTH}×{MIN_HEIGHT})");
    let text = if usize::from(area.width) >= message.width() {
        message
    } else {
        "Too small".to_string()
    };
    centered_message(frame, area, &text, theme.warning);
}

/// "1 act", "7 acts": a count with its noun in the right number.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::{Theme, counted};
    use crate::analysis::{Lexicons, analyse};
    use crate::app::App;
    use crate::document::Statement;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn header_at(width: u16, authors: &str) -> String {
        let statement = Statement::parse(
            "Joint Statement on the Trilateral Partnership for the Northern Seas\n\n\
             12 March 2021\n\nWe commit to open the harbour.\n",
            "x",
        );
        let mut analysis = analyse(&statement, Lexicons::embedded());
        analysis.authorship.phrase = Some(authors.into());
        let app = App::new(statement, analysis, width, 24);
        let theme = Theme::for_appearance(app.appearance);
        let mut terminal = Terminal::new(TestBackend::new(width, 24)).unwrap();
        terminal
            .draw(|frame| super::header(&app, frame, frame.area(), &theme))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..width)
            .map(|x| buffer[(x, 0)].symbol())
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    #[test]
    fn a_long_list_of_authors_leaves_the_date_and_the_title_their_room() {
        let long = "Prime Minister Ana Lind of Aland, President Bo Ek of Borduria and \
                    President Cy Berg of Carpania";
        assert_eq!(
            header_at(80, long),
            " Joint Statement on the Trilateral Partnership for the Northern… · 12 March 2021"
        );
        assert_eq!(
            header_at(120, "Aland and Borduria"),
            " Joint Statement on the Trilateral Partnership for the Northern Seas · Aland and \
             Borduria · 12 March 2021"
        );
    }

    #[test]
    fn counts_take_the_noun_in_the_right_number() {
        assert_eq!(counted(1, "act"), "1 act");
        assert_eq!(counted(0, "act"), "0 acts");
        assert_eq!(counted(7, "sentence"), "7 sentences");
    }
}
