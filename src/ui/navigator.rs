//! The navigator: the statement's sections (the one being read marked ▶, those with
//! matches or on the chosen topic marked ●), or its topics with their counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::inner;
use crate::app::{App, NavMode, Pane};
use crate::document::safe;

use super::theme::Theme;
use super::{pane_frame, truncate};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let title = match app.nav_mode {
        NavMode::Sections => format!(" Sections {} ", app.analysis.sections.len()),
        NavMode::Topics => format!(" Topics {} ", app.topics.len()),
    };
    pane_frame(frame, app, Pane::Navigator, area, &title, theme);
    let area = inner(area);
    let width = usize::from(area.width);
    let focused = app.focus == Pane::Navigator;
    let reading = app.reading_section();
    let lines: Vec<Line> = (app.nav_offset..app.nav_len())
        .take(usize::from(area.height))
        .map(|i| {
            let (lead, label, badge, marked) = match app.nav_mode {
                NavMode::Sections => {
                    let section = &app.analysis.sections[i];
                    let hits = app.section_hits(i);
                    let badge = if hits > 0 {
                        format!(" {hits}")
                    } else {
                        String::new()
                    };
                    (
                        if i == reading { "▶" } else { " " },
                        safe::visible(&section.title).into_owned(),
                        badge,
                        app.section_marked(i),
                    )
                }
                NavMode::Topics => {
                    let t = &app.topics[i];
                    let chosen = app.topic == Some(t.topic);
                    let badge = format!(" {}§ {}", t.sections.len(), t.acts);
                    (
                        if chosen { "◆" } else { " " },
                        app.analysis.topic_name(t.topic).to_string(),
                        badge,
                        chosen,
                    )
                }
            };
            let mark = if marked && app.nav_mode == NavMode::Sections {
                "●"
            } else {
                " "
            };
            let room = width.saturating_sub(2 + badge.width());
            let label = truncate(&label, room);
            let pad = " ".repeat(room.saturating_sub(label.width()));
            let row_style = if i == app.nav_cursor {
                if focused {
                    theme.selected
                } else {
                    theme.selected_unfocused
                }
            } else {
                theme.base
            };
            Line::from(vec![
                Span::styled(lead, theme.mark),
                Span::styled(mark, theme.mark),
                Span::raw(label),
                Span::raw(pad),
                Span::styled(badge, theme.dim),
            ])
            .style(row_style)
        })
        .collect();
    super::put_lines(frame, area, &lines);
}
