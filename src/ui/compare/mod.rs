//! Drawing the compare view: the two statements named, the summary, the aligned text
//! (old | new at 120 columns and more, else one column marked inline), the act
//! changes with their badges, the selected act's two sentences word by word, the
//! query line, the status line and the help.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::compare::rows::{Mark, Stretch};
use crate::app::compare::{ComparePane, CompareView};
use crate::compare::{ActStatus, Side};
use crate::document::safe;

mod popups;

use super::theme::Theme;
use super::{pane, truncate};
use popups::{draw_detail, draw_help, draw_topics};

/// Draws the compare view.
pub fn draw(view: &CompareView, frame: &mut Frame) {
    let theme = Theme::for_appearance(view.appearance);
    let area = frame.area();
    if area.width < 20 || area.height < 8 {
        let message = if area.width >= 30 {
            "Terminal too small (needs 20×8)"
        } else {
            "too small"
        };
        super::centered_message(frame, area, message, theme.warning);
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
        // On a short screen the sentences take the act list's rows too.
        let room = if text.height < 12 {
            text.union(acts)
        } else {
            text
        };
        draw_detail(view, frame, room, &theme);
    }
    if view.topics {
        draw_topics(view, frame, text, &theme);
    }
    if view.help {
        draw_help(frame, area, &theme);
    }
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

pub(super) fn badge_style(status: ActStatus, theme: &Theme) -> Style {
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
            .addressee(side.analysis)
            .map(|a| format!(" → {}", safe::visible(a)))
            .unwrap_or_default();
        let why = if change.why.is_empty()
            || matches!(change.status, ActStatus::New | ActStatus::Dropped)
        {
            String::new()
        } else {
            format!("  · {}", safe::visible(&change.why))
        };
        // On a narrow list the object keeps its room: the why goes first, then who.
        let fixed = badge.len() + kind.len();
        let room_with = |extra: usize| width.saturating_sub(fixed + extra);
        let (to, why) = if room_with(to.chars().count() + why.chars().count()) >= 24 {
            (to, why)
        } else if room_with(to.chars().count()) >= 16 {
            (to, String::new())
        } else {
            (String::new(), String::new())
        };
        let room = room_with(to.chars().count() + why.chars().count());
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
