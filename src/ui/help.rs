//! The `?` overlay: every key, generated from the keymap itself.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::keys::help_groups;

use super::theme::Theme;
use super::truncate;

pub fn draw(frame: &mut Frame, area: Rect, scroll: usize, theme: &Theme) {
    let width = area.width.saturating_sub(2).min(76);
    // Narrow terminals get the description under its keys rather than beside them.
    let stacked = width < 64;
    let row = |keys: &str, help: &str| -> Vec<Line<'static>> {
        if stacked {
            vec![
                Line::styled(format!(" {keys}"), theme.key),
                Line::raw(format!("    {help}")),
            ]
        } else {
            vec![Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.key),
                Span::raw(help.to_string()),
            ])]
        }
    };
    let groups = help_groups();
    let mut out: Vec<Line> = vec![Line::styled(
        "C- is Ctrl, M- is Alt (or Esc, then the key)",
        theme.dim,
    )];
    for (group, rows) in groups {
        out.push(Line::styled(group.to_string(), theme.heading));
        for (keys, help) in rows {
            out.extend(row(keys, help));
        }
    }
    out.push(Line::styled(
        "Mouse: wheel scrolls the pane under the pointer; click selects.",
        theme.dim,
    ));
    let lines = out;
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    if width < 4 || height < 3 {
        return;
    }
    let popup = super::centered(area, width, height);
    let inner_width = usize::from(width.saturating_sub(2));
    let visible = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(visible));
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if unicode_width::UnicodeWidthStr::width(text.as_str()) <= inner_width {
                line
            } else {
                Line::styled(truncate(&text, inner_width), line.style)
            }
        })
        .collect();
    super::popup(
        frame,
        popup,
        " Keys — j/k scroll, any other key closes ",
        lines,
        theme,
    );
}
