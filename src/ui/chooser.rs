//! The chooser popup: kinds or addressees with the number of acts each would list,
//! empty rows greyed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::chooser::Chooser;
use crate::document::safe;

use super::theme::Theme;
use super::truncate;

pub fn draw(chooser: &Chooser, frame: &mut Frame, area: Rect, theme: &Theme) {
    let longest = chooser
        .items
        .iter()
        .map(|i| i.label.width() + 6)
        .max()
        .unwrap_or(10)
        .max(chooser.kind.title().width() + 4);
    let width = u16::try_from(longest + 4)
        .unwrap_or(u16::MAX)
        .min(area.width.saturating_sub(2));
    let height = u16::try_from(chooser.items.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2));
    if width < 8 || height < 3 {
        return;
    }
    let popup = super::centered(area, width, height);
    let inner = usize::from(width - 2);
    let visible = usize::from(height - 2);
    let offset = chooser.cursor.saturating_sub(visible.saturating_sub(1));
    let lines: Vec<Line> = chooser
        .items
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, item)| {
            let count = format!(" {}", item.count);
            let label = truncate(
                &safe::visible(&item.label),
                inner.saturating_sub(count.width() + 1),
            );
            let pad = inner.saturating_sub(1 + label.width() + count.width());
            let style = if i == chooser.cursor {
                theme.selected
            } else if item.count == 0 {
                theme.dim
            } else {
                theme.base
            };
            Line::from(vec![
                Span::raw(" "),
                Span::raw(label),
                Span::raw(" ".repeat(pad)),
                Span::raw(count),
            ])
            .style(style)
        })
        .collect();
    super::popup(
        frame,
        popup,
        &format!(" {} ", chooser.kind.title()),
        lines,
        theme,
    );
}
