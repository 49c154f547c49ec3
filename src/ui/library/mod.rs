//! Drawing the library view: a header with the reading and search progress, the table
//! of statements, the acts the query matched across them, the timeline, the query
//! line, the status line and the help.

mod table;
mod timeline;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{centered_message, keys_popup, truncate};
use crate::app::library::{LibraryView, keys};
use crate::document::safe;

/// Draws the library view.
pub fn draw(view: &LibraryView, frame: &mut Frame) {
    let theme = Theme::for_appearance(view.appearance);
    let area = frame.area();
    let panes = view.panes();
    if panes.too_small {
        let message = if area.width >= 30 {
            "Terminal too small (needs 20×6)"
        } else {
            "too small"
        };
        centered_message(frame, area, message, theme.warning);
        return;
    }
    draw_header(view, frame, panes.header, &theme);
    if let Some(rect) = panes.table {
        table::draw_table(view, frame, rect, &theme);
    }
    if let Some(rect) = panes.acts {
        table::draw_acts(view, frame, rect, &theme);
    }
    if let Some(rect) = panes.timeline {
        timeline::draw(view, frame, rect, &theme);
    }
    if let Some(rect) = panes.query {
        draw_query(view, frame, rect, &theme);
    }
    draw_status(view, frame, panes.status, &theme);
    if view.help {
        draw_help(frame, area, &theme);
    }
}

/// `3,412`: thousands grouped, as counts of a big library are read.
pub(super) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn draw_header(view: &LibraryView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let total = view.entries.len();
    let mut line = format!(
        " Library · {} statement{}",
        grouped(total),
        if total == 1 { "" } else { "s" }
    );
    let progress = if view.analysing() {
        Some(("analysing", view.done))
    } else if view.searching() {
        Some(("searching", view.searched))
    } else {
        None
    };
    let width = usize::from(area.width);
    let mut bar = String::new();
    if let Some((doing, done)) = progress {
        line.push_str(&format!(
            " · {doing} {} / {}",
            grouped(done),
            grouped(total)
        ));
        // A bar of what is left, when there is room for one.
        let room = width.saturating_sub(line.chars().count() + 3).min(30);
        if room >= 8 {
            let filled = done * room / total.max(1);
            bar = format!(" {}{}", "█".repeat(filled), "░".repeat(room - filled));
        }
    }
    let spans = vec![
        Span::styled(line, theme.header),
        Span::styled(bar, theme.key),
    ];
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.header), area);
}

fn draw_query(view: &LibraryView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width);
    let mut line = format!("/{}", safe::visible(view.query.value()));
    if let Err(reason) = &view.parsed {
        line = format!("{line}   ⚠ {}", safe::visible(reason));
    }
    let style = if view.parsed.is_err() {
        theme.warning
    } else {
        theme.base
    };
    frame.render_widget(Paragraph::new(truncate(&line, width)).style(style), area);
    if view.editing {
        let (_, cursor) = view.query.visual(width.saturating_sub(1));
        frame.set_cursor_position((area.x + 1 + cursor as u16, area.y));
    }
}

fn draw_status(view: &LibraryView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let hint = match &view.notice {
        Some(notice) => safe::visible(notice).into_owned(),
        None if view.editing => {
            "Enter keep · Esc leave · Tab pane · date:2021..2023 party:NAME title:WORD kind:condemn"
                .to_string()
        }
        None => {
            "? help  / filter  Enter open  Tab pane  x mark  c compare  p previous  s sort  q quit"
                .to_string()
        }
    };
    frame.render_widget(
        Paragraph::new(truncate(&hint, usize::from(area.width))).style(theme.status),
        area,
    );
}

fn draw_help(frame: &mut Frame, area: Rect, theme: &Theme) {
    keys_popup(frame, area, " Library: keys ", keys::HELP, (18, 96), theme);
}
