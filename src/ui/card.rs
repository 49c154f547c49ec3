//! The selected act's card at the foot of the commitments panel: what a row has no
//! room for — who acts, towards whom, the words that carry the act, how strongly, the
//! whole object and the section — every field wrapped, the filter's matches marked.
//! When the pane is short, the object gives up rows first and ends in "…".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::card::{CardField, LABEL, Role, fields};

use super::marks::marked;
use super::theme::Theme;

pub fn draw(app: &App, index: usize, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    if width <= LABEL || rows < 2 {
        return;
    }
    let value_width = width - LABEL;
    let fields = fields(app, index);
    let mut wrapped: Vec<(&CardField, Vec<(usize, usize)>)> =
        fields.iter().map(|f| (f, f.rows(value_width))).collect();
    // The object gives up rows first, then the fields above it, keeping one each.
    let mut over = (wrapped.iter().map(|(_, r)| r.len()).sum::<usize>() + 1).saturating_sub(rows);
    let order: Vec<usize> = std::iter::once(wrapped.iter().position(|(f, _)| f.label == "What"))
        .flatten()
        .chain(0..wrapped.len())
        .collect();
    for i in order {
        let (_, field_rows) = &mut wrapped[i];
        let cut = over.min(field_rows.len().saturating_sub(1));
        if cut > 0 {
            field_rows.truncate(field_rows.len() - cut);
            over -= cut;
        }
    }
    let mut lines = vec![rule(app, index, width, theme)];
    for (field, field_rows) in &wrapped {
        let complete = field_rows
            .last()
            .is_none_or(|&(_, e)| e >= field.text.trim_end().len());
        for (k, &(s, e)) in field_rows.iter().enumerate() {
            let label = if k == 0 { field.label } else { "" };
            let style = match field.role {
                Role::Cue => theme.cue,
                Role::Plain => theme.base,
            };
            let hits: Vec<(usize, usize)> = field
                .hits
                .iter()
                .filter(|h| h.0 < e && h.1 > s)
                .map(|&(a, b)| (a.max(s) - s, b.min(e) - s))
                .collect();
            let mut spans = vec![Span::styled(format!("{label:<LABEL$}"), theme.dim)];
            spans.extend(marked(&field.text[s..e], &hits, style, theme.match_chars));
            if k + 1 == field_rows.len() && !complete {
                spans.push(Span::styled(" …", theme.dim));
            }
            lines.push(Line::from(spans));
        }
    }
    lines.truncate(rows);
    // Standing on the pane's bottom border, whatever its height.
    let unused = area.height.saturating_sub(lines.len() as u16);
    let area = Rect {
        y: area.y + unused,
        height: area.height - unused,
        ..area
    };
    super::put_lines(frame, area, &lines);
}

/// The card's top rule: the act's badge in its kind's style and its place in the list.
fn rule(app: &App, index: usize, width: usize, theme: &Theme) -> Line<'static> {
    let act = &app.analysis.commitments[index];
    let badge = format!(" {} ", act.kind.badge());
    let place = app
        .act_cursor
        .map(|c| format!(" {} of {} ", c + 1, app.acts.len()))
        .unwrap_or_default();
    let fill = width.saturating_sub(1 + badge.chars().count() + place.chars().count());
    Line::from(vec![
        Span::styled("─", theme.border),
        Span::styled(badge, theme.kind(act.kind)),
        Span::styled("─".repeat(fill), theme.border),
        Span::styled(place, theme.dim),
    ])
}
