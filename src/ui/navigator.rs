//! The navigator: the statement's sections (the one being read marked ▶, those with
//! matches or on the chosen topic marked ●), or its topics with their counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::inner;
use crate::app::{App, NavMode, Pane};
use crate::document::safe::SafeText;

use super::marks::{fit, marked};
use super::pane_frame;
use super::theme::Theme;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    // A legend for the figures at the right of the rows, as long as the border allows.
    let (name, count, legends): (&str, usize, &[&str]) = match app.nav_mode {
        NavMode::Sections if app.matches.is_some() => (
            "Sections",
            app.analysis.sections.len(),
            &[" · matching sentences", " · matches", ""],
        ),
        NavMode::Sections => ("Sections", app.analysis.sections.len(), &[""]),
        NavMode::Topics => (
            "Topics",
            app.topics.len(),
            &[" · sections§ acts", " · § acts", ""],
        ),
    };
    let room = usize::from(area.width.saturating_sub(3));
    let title = legends
        .iter()
        .map(|legend| format!(" {name} {count}{legend} "))
        .find(|t| t.width() <= room)
        .unwrap_or_else(|| format!(" {name} {count} "));
    pane_frame(frame, app, Pane::Navigator, area, &title, theme);
    let area = inner(area);
    let width = usize::from(area.width);
    let focused = app.focus == Pane::Navigator;
    let reading = app.reading_section();
    let lines: Vec<Line> = (app.nav_offset..app.nav_len())
        .take(usize::from(area.height))
        .map(|i| {
            let (lead, label, badge, is_marked, hits) = match app.nav_mode {
                NavMode::Sections => {
                    let section = &app.analysis.sections[i];
                    let hits = app.section_hits(i);
                    let badge = if hits > 0 {
                        format!(" {hits}")
                    } else {
                        String::new()
                    };
                    let title = app.analysis.section_title(section);
                    let shown = SafeText::new(title);
                    let hits = app.matches.as_ref().map_or_else(Vec::new, |m| {
                        m.title_ranges_of(&app.analysis, i)
                            .into_iter()
                            .map(|(s, e)| shown.map_range(s, e))
                            .collect()
                    });
                    (
                        if i == reading { "▶" } else { " " },
                        shown.text(title).to_string(),
                        badge,
                        app.section_marked(i),
                        hits,
                    )
                }
                NavMode::Topics => {
                    let t = &app.topics[i];
                    let chosen = app.topic_chosen(t.topic);
                    let badge = format!(" {}§ {}", t.sections.len(), t.acts);
                    (
                        if chosen { "◆" } else { " " },
                        app.analysis.topic_name(t.topic).to_string(),
                        badge,
                        chosen,
                        Vec::new(),
                    )
                }
            };
            let mark = if is_marked && app.nav_mode == NavMode::Sections {
                "●"
            } else {
                " "
            };
            let room = width.saturating_sub(2 + badge.width());
            let (label, hits) = fit(&label, &hits, room);
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
            let mut spans = vec![
                Span::styled(lead, theme.mark),
                Span::styled(mark, theme.mark),
            ];
            spans.extend(marked(&label, &hits, Style::new(), theme.match_chars));
            spans.push(Span::raw(pad));
            spans.push(Span::styled(badge, theme.dim));
            Line::from(spans).style(row_style)
        })
        .collect();
    super::put_lines(frame, area, &lines);
}
