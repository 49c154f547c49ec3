//! Drawing the compare view: the two statements named, the summary, the aligned text
//! (old | new at 120 columns and more, else one column marked inline), the act
//! changes with their badges, the selected act's two sentences word by word, the
//! query line, the status line and the help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use crate::app::compare::rows::{Mark, Stretch};
use crate::app::compare::{ComparePane, CompareView, keys};
use crate::compare::tokens::{Change, word_diff};
use crate::compare::{ActStatus, Side};
use crate::document::safe;

use super::theme::Theme;
use super::{centered, popup, truncate};

/// Draws the compare view.
pub fn draw(view: &CompareView, frame: &mut Frame) {
    let theme = Theme::for_appearance(view.appearance);
    let area = frame.area();
    if area.width < 20 || area.height < 8 {
        super::centered_message(frame, area, "communique: enlarge the window", theme.warning);
        return;
    }
    let (text_rows, act_rows) = view.pane_heights();
    let text_height = text_rows as u16 + 2;
    let acts_height = act_rows as u16 + 2;
    let mut y = area.y;
    let mut next = |h: u16| {
        let rect = Rect::new(area.x, y, area.width, h);
        y += h;
        rect
    };
    let header = next(1);
    let summary = next(1);
    let text = next(text_height);
    let acts = next(acts_height);
    let query = view.query_shown().then(|| next(1));
    let status = next(1);
    draw_header(view, frame, header, &theme);
    frame.render_widget(
        Paragraph::new(truncate(
            &view.comparison.summary.line(),
            usize::from(area.width),
        ))
        .style(theme.title),
        summary,
    );
    draw_text(view, frame, text, &theme);
    draw_acts(view, frame, acts, &theme);
    if let Some(query) = query {
        let line = format!("/{}", safe::visible(view.query.value()));
        frame.render_widget(
            Paragraph::new(truncate(&line, usize::from(area.width))),
            query,
        );
        if view.editing {
            let (_, cursor) = view.query.visual(usize::from(area.width.saturating_sub(1)));
            frame.set_cursor_position((query.x + 1 + cursor as u16, query.y));
        }
    }
    let hint = view.notice.clone().unwrap_or_else(|| {
        "? help  / filter  n N changes  Enter sentences  u unchanged  T topics  q quit".to_string()
    });
    frame.render_widget(
        Paragraph::new(truncate(&hint, usize::from(area.width))).style(theme.status),
        status,
    );
    if view.detail {
        draw_detail(view, frame, text, &theme);
    }
    if view.topics {
        draw_topics(view, frame, text, &theme);
    }
    if view.help {
        draw_help(frame, area, &theme);
    }
}

/// The changes per topic of the act's section, the topics with most changes first.
fn draw_topics(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
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

fn named(side: Side) -> String {
    let meta = &side.statement.metadata;
    match meta.date {
        Some(date) => format!("{} ({})", safe::visible(&meta.title), date.long()),
        None => safe::visible(&meta.title).into_owned(),
    }
}

fn draw_header(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let (old, new) = (view.compared.old(), view.compared.new_side());
    let (old_meta, new_meta) = (&old.statement.metadata, &new.statement.metadata);
    // A series keeps its title: say it once, with the two dates.
    let line = match (old_meta.date, new_meta.date) {
        (Some(a), Some(b)) if old_meta.title == new_meta.title => format!(
            " {}  →  {} · {}",
            a.long(),
            b.long(),
            safe::visible(&new_meta.title)
        ),
        _ => format!(" {}  →  {}", named(old), named(new)),
    };
    frame.render_widget(
        Paragraph::new(truncate(&line, usize::from(area.width))).style(theme.header),
        area,
    );
}

fn style_of(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Plain => theme.base,
        Mark::Inserted => theme.inserted(),
        Mark::Deleted => theme.deleted(),
        Mark::Label => theme.heading,
        Mark::Folded => theme.dim.add_modifier(Modifier::ITALIC),
    }
}

fn spans<'a>(stretches: &'a [Stretch], theme: &Theme) -> Vec<Span<'a>> {
    stretches
        .iter()
        .map(|s| Span::styled(s.text.as_str(), style_of(s.mark, theme)))
        .collect()
}

fn pane(title: String, focused: bool, theme: &Theme) -> Block<'static> {
    let block = Block::bordered().title(Line::styled(title, theme.title));
    if focused {
        block
            .border_type(BorderType::Thick)
            .border_style(theme.border_focus)
    } else {
        block.border_style(theme.border)
    }
}

fn draw_text(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let title = if view.two_columns {
        " Text · old │ new ".to_string()
    } else {
        " Text · struck: dropped · underlined: added ".to_string()
    };
    let block = pane(title, view.focus == ComparePane::Text, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let column = inner.width.saturating_sub(3) / 2;
    let rows = view
        .rows
        .iter()
        .skip(view.text_top)
        .take(usize::from(inner.height));
    for (k, row) in rows.enumerate() {
        let y = inner.y + k as u16;
        let full = row.right.is_empty() && !view.two_columns
            || matches!(row.left.first(), Some(s) if matches!(s.mark, Mark::Label | Mark::Folded));
        if full {
            let line = Line::from(spans(&row.left, theme));
            frame.render_widget(Paragraph::new(line), Rect::new(inner.x, y, inner.width, 1));
            continue;
        }
        if row.left.is_empty() && row.right.is_empty() {
            continue;
        }
        let left = Rect::new(inner.x, y, column, 1);
        let bar = Rect::new(inner.x + column + 1, y, 1, 1);
        let right = Rect::new(inner.x + column + 3, y, column, 1);
        frame.render_widget(Paragraph::new(Line::from(spans(&row.left, theme))), left);
        frame.render_widget(Paragraph::new("│").style(theme.border), bar);
        frame.render_widget(Paragraph::new(Line::from(spans(&row.right, theme))), right);
    }
}

fn badge_style(status: ActStatus, theme: &Theme) -> Style {
    use crate::analysis::CommitmentKind as K;
    match status {
        ActStatus::New => theme
            .inserted()
            .remove_modifier(Modifier::UNDERLINED)
            .add_modifier(Modifier::BOLD),
        ActStatus::Dropped => theme
            .deleted()
            .remove_modifier(Modifier::CROSSED_OUT)
            .add_modifier(Modifier::BOLD),
        ActStatus::Strengthened => theme.kind(K::Condemn),
        ActStatus::Weakened => theme.kind(K::Support),
        ActStatus::Changed => theme.kind(K::Demand),
        ActStatus::Reworded => theme.kind(K::Concern),
        ActStatus::Unchanged => theme.dim,
    }
}

fn draw_acts(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let total = view.comparison.acts.len();
    let title = format!(
        " Acts {}{} ",
        view.listed.len(),
        if view.show_unchanged || view.query_shown() {
            format!(" of {total}")
        } else {
            " changed".to_string()
        }
    );
    let block = pane(title, view.focus == ComparePane::Acts, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.listed.is_empty() {
        let text = if view.query.is_empty() {
            "No act changed (u lists the unchanged ones)"
        } else {
            "No act matches the query"
        };
        frame.render_widget(Paragraph::new(text).style(theme.dim), inner);
        return;
    }
    let width = usize::from(inner.width);
    let rows = view
        .listed
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(usize::from(inner.height));
    for (k, (at, &index)) in rows.enumerate() {
        let change = &view.comparison.acts[index];
        let (side, act) = match (change.new, change.old) {
            (Some(j), _) => (
                view.compared.new_side(),
                &view.compared.new_analysis.commitments[j],
            ),
            (None, Some(i)) => (
                view.compared.old(),
                &view.compared.old_analysis.commitments[i],
            ),
            (None, None) => continue,
        };
        let badge = format!("{:<9}", change.status.badge());
        let kind = format!("{:<8} ", act.kind.as_str().to_uppercase());
        let object = safe::visible(act.object(side.statement)).into_owned();
        let to = act
            .addressee
            .as_deref()
            .map(|a| format!(" → {}", safe::visible(a)))
            .unwrap_or_default();
        let why = if change.why.is_empty()
            || matches!(change.status, ActStatus::New | ActStatus::Dropped)
        {
            String::new()
        } else {
            format!("  · {}", safe::visible(&change.why))
        };
        let room = width
            .saturating_sub(badge.len() + kind.len() + to.chars().count() + why.chars().count());
        let line = Line::from(vec![
            Span::styled(badge, badge_style(change.status, theme)),
            Span::styled(kind, theme.kind(act.kind)),
            Span::raw(truncate(&object, room.max(12))),
            Span::styled(to, theme.dim),
            Span::styled(why, theme.meta),
        ]);
        let style = if at == view.cursor {
            if view.focus == ComparePane::Acts {
                theme.selected
            } else {
                theme.selected_unfocused
            }
        } else {
            Style::new()
        };
        let row = Rect::new(inner.x, inner.y + k as u16, inner.width, 1);
        frame.render_widget(Paragraph::new(line).style(style), row);
    }
}

/// The selected act's sentences, old and new, word by word: side by side when there
/// is room, else one above the other.
fn draw_detail(view: &CompareView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(change) = view.selected().map(|s| &view.comparison.acts[s]) else {
        return;
    };
    let sentence = |side: Side, act: Option<usize>| -> Option<String> {
        let act = &side.analysis.commitments[act?];
        let paragraph = &side.statement.paragraphs[act.sentence.paragraph];
        let s = paragraph.sentences[act.sentence.index];
        Some(paragraph.text[s.start..s.end].to_string())
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

fn draw_help(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines: Vec<Line> = keys::HELP
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("  {keys:<20}"), theme.key),
                Span::raw(*what),
            ])
        })
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, 78.min(area.width), height);
    popup(frame, rect, " Compare: keys ", lines, theme);
}
