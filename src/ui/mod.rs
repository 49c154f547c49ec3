//! Drawing the reader from its state, and nothing else: every function here takes the
//! [`App`] by shared reference and writes into a ratatui frame.

mod acts;
mod card;
mod chooser;
mod chrome;
pub mod compare;
mod help;
pub mod library;
mod marks;
mod navigator;
mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::layout::Mode;
use crate::app::{App, Pane};
use theme::Theme;

/// Draws the whole reader.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = Theme::for_appearance(app.appearance);
    let layout = &app.layout;
    if layout.mode == Mode::TooSmall || layout.area != area {
        chrome::too_small(frame, area, &theme);
        return;
    }
    chrome::header(app, frame, layout.header, &theme);
    if let Some(tabs) = layout.tabs {
        chrome::tabs(app, frame, tabs, &theme);
    }
    if let Some(rect) = layout.navigator {
        navigator::draw(app, frame, rect, &theme);
    }
    if let Some(rect) = layout.text {
        text::draw(app, frame, rect, &theme);
    }
    if let Some(rect) = layout.acts {
        acts::draw(app, frame, rect, &theme);
    }
    if let Some(rect) = layout.query {
        chrome::query(app, frame, rect, &theme);
    }
    chrome::status(app, frame, layout.status, &theme);
    if let Some(chooser) = &app.chooser {
        chooser::draw(chooser, frame, area, &theme);
    }
    if app.help {
        help::draw(frame, area, app.help_scroll, &theme);
    }
}

/// A pane's frame: its border (thick and brighter when it has the focus) and title.
/// Drawn cell by cell: ratatui's Block also restyles every cell inside, which cost a
/// third of a frame.
fn pane_frame(frame: &mut Frame, app: &App, pane: Pane, area: Rect, title: &str, theme: &Theme) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let focused = app.focus == pane;
    let set = if focused {
        border::THICK
    } else {
        border::ROUNDED
    };
    let style = if focused {
        theme.border_focus
    } else {
        theme.border
    };
    let buffer = frame.buffer_mut();
    let inner = usize::from(area.width - 2);
    let (right, bottom) = (area.right(), area.bottom() - 1);
    let top = format!(
        "{}{}{}",
        set.top_left,
        set.horizontal_top.repeat(inner),
        set.top_right
    );
    let base = format!(
        "{}{}{}",
        set.bottom_left,
        set.horizontal_bottom.repeat(inner),
        set.bottom_right
    );
    put_span(buffer, area.x, area.y, &top, style, right);
    put_span(buffer, area.x, bottom, &base, style, right);
    for y in area.y + 1..bottom {
        put_span(buffer, area.x, y, set.vertical_left, style, right);
        put_span(buffer, right - 1, y, set.vertical_right, style, right);
    }
    let title = truncate(title, inner);
    put_span(buffer, area.x + 1, area.y, &title, theme.title, right - 1);
}

/// `text` cut to `width` columns, with "…" where it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Writes one line per row of `area`, each row first filled with its line's style so
/// selections span the whole width. Cheaper than a Paragraph: no reflow, no wrapping.
fn put_lines(frame: &mut Frame, area: Rect, lines: &[Line]) {
    let buffer = frame.buffer_mut();
    for (line, y) in lines.iter().zip(area.top()..area.bottom()) {
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        if line.style != Style::default() {
            buffer.set_style(row, line.style);
        }
        let mut x = area.x;
        for span in &line.spans {
            if x >= area.right() {
                break;
            }
            x = put_span(
                buffer,
                x,
                y,
                &span.content,
                line.style.patch(span.style),
                area.right(),
            );
        }
    }
}

/// Whether a character is a grapheme of its own and one column wide, so it can go into
/// a cell directly: Latin letters and marks before the combining range, and the
/// punctuation, arrows and box drawing the reader uses.
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A1}'..='\u{2FF}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2190}'..='\u{21FF}' | '\u{2500}'..='\u{25FF}')
        && c != '\u{AD}'
}

/// Writes `text` at (`x`, `y`) up to column `right`; returns the column after it.
/// Text of simple characters is written a cell per character; anything else (combining
/// marks, wide and emoji characters) goes through ratatui's grapheme-aware path.
fn put_span(
    buffer: &mut ratatui::buffer::Buffer,
    x: u16,
    y: u16,
    text: &str,
    style: Style,
    right: u16,
) -> u16 {
    if !text.chars().all(is_simple) {
        let width = usize::from(right.saturating_sub(x));
        return buffer.set_stringn(x, y, text, width, style).0;
    }
    let right = right.min(buffer.area.right());
    if x >= right || y < buffer.area.top() || y >= buffer.area.bottom() {
        return x;
    }
    // The row is contiguous in the buffer: index it once, not once per cell.
    let first = buffer.index_of(x, y);
    let count = text.chars().take(usize::from(right - x)).count();
    let mut utf8 = [0u8; 4];
    for (cell, c) in buffer.content[first..first + count]
        .iter_mut()
        .zip(text.chars())
    {
        cell.set_symbol(c.encode_utf8(&mut utf8)).set_style(style);
    }
    x + u16::try_from(count).unwrap_or(0)
}

/// A pane's frame: thick and bright when it has the keys.
fn pane(title: String, focused: bool, theme: &Theme) -> ratatui::widgets::Block<'static> {
    use ratatui::widgets::{Block, BorderType};
    let block = Block::bordered().title(Line::styled(title, theme.title));
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(theme.border_focus)
    } else {
        block.border_style(theme.border)
    }
}

/// A view's keys in a popup: each key padded to `key_width`, then what it does.
fn keys_popup(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    keys: &[(&str, &str)],
    (key_width, width): (usize, u16),
    theme: &Theme,
) {
    let lines: Vec<Line> = keys
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                ratatui::text::Span::styled(format!("  {keys:<key_width$}"), theme.key),
                ratatui::text::Span::raw(*what),
            ])
        })
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, width.min(area.width), height);
    popup(frame, rect, title, lines, theme);
}

/// A popup over the panes: cleared, framed thick, titled, with `lines` inside.
fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, theme: &Theme) {
    frame.render_widget(ratatui::widgets::Clear, area);
    let block = ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Line::styled(title.to_string(), theme.title));
    frame.render_widget(Paragraph::new(lines).block(block).style(theme.base), area);
}

/// A rectangle of `width` × `height` in the middle of `area`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A one-line message in the middle of `area`.
/// `text` wrapped to the width of `area` and centred in it; what does not fit its
/// height is cut, the last line shown ending in "…".
fn centered_message(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let width = usize::from(area.width);
    let mut lines: Vec<&str> = crate::document::wrap::wrap(text, width)
        .into_iter()
        .map(|(start, end)| text[start..end].trim())
        .collect();
    let height = usize::from(area.height);
    let cut = lines.len() > height;
    lines.truncate(height);
    let first = area.y + (area.height - lines.len() as u16) / 2;
    for (k, line) in lines.iter().enumerate() {
        let shown = if cut && k + 1 == lines.len() {
            truncate(&format!("{line} …"), width)
        } else {
            truncate(line, width)
        };
        frame.render_widget(
            Paragraph::new(shown).style(style).centered(),
            Rect {
                y: first + k as u16,
                height: 1,
                ..area
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_by_columns() {
        assert_eq!(truncate("North Korea", 20), "North Korea");
        assert_eq!(truncate("North Korea", 6), "North…");
        assert_eq!(truncate("日本と北朝鮮", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn simple_characters_are_one_cell_each() {
        for c in ['a', ' ', '’', '“', '—', '…', 'é', '→', '│', '█'] {
            assert!(is_simple(c), "{c}");
            assert_eq!(c.width(), Some(1), "{c}");
        }
        for c in ['\u{301}', '日', '😀', '\u{AD}', '\u{200D}'] {
            assert!(!is_simple(c), "{c:?}");
        }
    }

    #[test]
    fn put_span_matches_ratatui() {
        use ratatui::buffer::Buffer;
        for text in ["North Korea’s tests — “now”…", "e\u{301}t\u{e9} 日本 😀 ok"] {
            let area = Rect::new(0, 0, 30, 1);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            let style = Style::new().bold();
            let end = put_span(&mut ours, 0, 0, text, style, 30);
            let (their_end, _) = theirs.set_stringn(0, 0, text, 30, style);
            assert_eq!(ours, theirs, "{text}");
            assert_eq!(end, their_end);
        }
    }

    #[test]
    fn a_message_wider_than_its_pane_wraps_and_one_taller_is_cut() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let text = "No act addressed to korea — Esc to clear the filter";
        let screen = |w: u16, h: u16| -> Vec<String> {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|f| centered_message(f, f.area(), text, Style::new()))
                .unwrap();
            let buffer = terminal.backend().buffer().clone();
            (0..h)
                .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>())
                .map(|row| row.trim().to_string())
                .filter(|row| !row.is_empty())
                .collect()
        };
        let rows = screen(30, 7);
        assert_eq!(rows.join(" "), text, "{rows:?}");
        assert!(rows.len() >= 2);
        let rows = screen(20, 1);
        assert_eq!(rows.len(), 1);
        assert!(
            rows[0].starts_with("No act") && rows[0].ends_with('…'),
            "{rows:?}"
        );
    }
}
