//! The compare view's popups: the selected act's two sentences word by word, the
//! changes per topic, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::badge_style;
use crate::app::compare::{CompareView, keys};
use crate::compare::tokens::{Change, word_diff};
use crate::compare::{ActStatus, Side};
use crate::document::safe;
use crate::ui::theme::Theme;
use crate::ui::{centered, keys_popup, popup, truncate};

/// The changes per topic of the act's section, the topics with most changes first.
pub(super) fn draw_topics(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let columns = [
        (ActStatus::New, "new"),
        (ActStatus::Dropped, "dropped"),
        (ActStatus::Strengthened, "stronger"),
        (ActStatus::Weakened, "weaker"),
        (ActStatus::Changed, "changed"),
        (ActStatus::Reworded, "reworded"),
    ];
    let mut header = vec![Span::styled(format!("  {:<28}", "topic"), theme.dim)];
    header.extend(
        columns
            .iter()
            .map(|(_, name)| Span::styled(format!("{name:>9}"), theme.dim)),
    );
    let mut lines = vec![Line::from(header)];
    let topics = &view.comparison.summary.topics;
    for topic in topics.iter().filter(|t| t.counts.changes() > 0) {
        let mut spans = vec![Span::raw(format!(
            "  {:<28}",
            truncate(&safe::visible(&topic.topic), 28)
        ))];
        spans.extend(columns.iter().map(|&(status, _)| {
            let n = topic.counts.of(status);
            let style = if n > 0 {
                badge_style(status, theme)
            } else {
                theme.dim
            };
            Span::styled(format!("{n:>9}"), style)
        }));
        lines.push(Line::from(spans));
    }
    if lines.len() == 1 {
        lines.push(Line::styled("  no act on a topic changed", theme.dim));
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, 86.min(area.width), height);
    popup(frame, rect, " Changes per topic ", lines, theme);
}

/// The selected act's sentences, old and new, word by word: side by side when there
/// is room, else one above the other.
pub(super) fn draw_detail(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(change) = view.selected().map(|s| &view.comparison.acts[s]) else {
        return;
    };
    let sentence = |side: Side, act: Option<usize>| -> Option<String> {
        let act = &side.analysis.commitments[act?];
        Some(side.statement.sentence_text(act.sentence).to_string())
    };
    let old = sentence(view.compared.old(), change.old);
    let new = sentence(view.compared.new_side(), change.new);
    let diff = word_diff(old.as_deref().unwrap_or(""), new.as_deref().unwrap_or(""));
    let side_text = |keep: Change| -> Line<'static> {
        Line::from(
            diff.iter()
                .filter(|p| p.change == Change::Equal || p.change == keep)
                .map(|p| {
                    let style = match p.change {
                        Change::Equal => theme.base,
                        Change::Insert => theme.inserted(),
                        Change::Delete => theme.deleted(),
                    };
                    Span::styled(safe::visible(&p.text).into_owned(), style)
                })
                .collect::<Vec<_>>(),
        )
    };
    let width = area.width.saturating_sub(4).min(160);
    // Tall enough for both sentences as wrapped (a little more, as words wrap early).
    let column = if view.two_columns {
        width.saturating_sub(3) / 2
    } else {
        width
    };
    let rows_of = |text: &Option<String>| {
        let columns = text.as_deref().map_or(24, UnicodeWidthStr::width);
        columns * 6 / 5 / usize::from(column.max(1)) + 2
    };
    let needed = if view.two_columns {
        rows_of(&old).max(rows_of(&new))
    } else {
        rows_of(&old) + rows_of(&new) + 1
    };
    let height = u16::try_from(needed + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, width + 2, height);
    let title = format!(
        " {} · {} ",
        change.status.badge(),
        safe::visible(&change.why)
    );
    frame.render_widget(ratatui::widgets::Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Line::styled(
            truncate(&title, usize::from(width)),
            theme.title,
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let label = |text: &str| Line::styled(text.to_string(), theme.heading);
    let old_lines = match &old {
        Some(_) => vec![label("Old"), side_text(Change::Delete)],
        None => vec![
            label("Old"),
            Line::styled("not in the old statement", theme.dim),
        ],
    };
    let new_lines = match &new {
        Some(_) => vec![label("New"), side_text(Change::Insert)],
        None => vec![
            label("New"),
            Line::styled("not in the new statement", theme.dim),
        ],
    };
    if view.two_columns {
        let half = inner.width.saturating_sub(3) / 2;
        let left = Rect::new(inner.x, inner.y, half, inner.height);
        let right = Rect::new(inner.x + half + 3, inner.y, half, inner.height);
        frame.render_widget(Paragraph::new(old_lines).wrap(Wrap { trim: false }), left);
        frame.render_widget(Paragraph::new(new_lines).wrap(Wrap { trim: false }), right);
    } else {
        let mut lines = old_lines;
        lines.push(Line::raw(""));
        lines.extend(new_lines);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

pub(super) fn draw_help(frame: &mut Frame, area: Rect, theme: &Theme) {
    keys_popup(frame, area, " Compare: keys ", keys::HELP, (20, 78), theme);
}
