//! The table of statements and the acts pane: only the rows in view are built, so a
//! library of any size draws in the same time.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::grouped;
use crate::analysis::CommitmentKind;
use crate::app::library::{EntryState, LibraryPane, LibraryView};
use crate::document::safe;
use crate::ui::theme::Theme;
use crate::ui::{pane, truncate};

/// Columns from which the table shows the acts of each kind.
const KIND_COLUMNS: u16 = 140;
/// Columns from which it shows the parties.
const PARTY_COLUMN: u16 = 100;

/// `text` cut or padded to exactly `width` columns.
fn cell(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

fn date_of(view: &LibraryView, entry: usize) -> String {
    view.loaded(entry)
        .and_then(|l| l.date)
        .map_or_else(|| "—".to_string(), |d| d.to_string())
}

pub(super) fn draw_table(view: &LibraryView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let shown = view.rows.len();
    let mut title = if view.query_active() {
        format!(
            " Statements with matches · {} of {} · {} ",
            grouped(shown),
            grouped(view.done),
            view.sort.name()
        )
    } else {
        format!(" Statements · {} · {} ", grouped(shown), view.sort.name())
    };
    if let Some(p) = view.period {
        title = format!("{title}· {} ", view.timeline.bars[p].period.label());
    }
    let block = pane(title, view.focus == LibraryPane::Table, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let kinds = inner.width >= KIND_COLUMNS;
    let parties = inner.width >= PARTY_COLUMN;
    let acts_label = if view.query_active() { "found" } else { "acts" };
    let mut header = format!("  {:<10} {:>6} ", "date", acts_label);
    if kinds {
        for kind in CommitmentKind::ALL {
            header.push_str(&format!("{:>9}", kind.as_str()));
        }
        header.push(' ');
    }
    let fixed = header.width();
    let party_width = if parties { (width / 4).min(30) } else { 0 };
    let title_width = width.saturating_sub(fixed + party_width + usize::from(parties));
    header.push_str(&cell("title", title_width));
    if parties {
        header.push_str(" parties");
    }
    frame.render_widget(
        Paragraph::new(truncate(&header, width)).style(theme.dim),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if view.rows.is_empty() {
        let message = if view.query_active() && view.searching() {
            "searching…"
        } else if view.query_active() {
            "no statement matches: Esc clears the query"
        } else if view.analysing() {
            "reading…"
        } else {
            "no statements"
        };
        frame.render_widget(
            Paragraph::new(format!("  {message}")).style(theme.dim),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
        return;
    }
    let rows = view
        .rows
        .iter()
        .enumerate()
        .skip(view.table.offset)
        .take(view.table_height());
    for (y, (position, &entry)) in (inner.y + 1..).zip(rows) {
        let marked = view.marked.contains(&entry);
        let mark = if marked { "✓ " } else { "  " };
        let selected = position == view.table.selected;
        let style = match (selected, view.focus == LibraryPane::Table) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.base,
        };
        let e = &view.entries[entry];
        let line = match &e.state {
            EntryState::Failed(reason) => {
                let text = format!(
                    "{mark}{:<10} {:>6} ⚠ {} · {}",
                    "—",
                    "",
                    e.label,
                    safe::visible(reason)
                );
                Line::from(Span::styled(truncate(&text, width), theme.warning)).style(style)
            }
            EntryState::Waiting => continue,
            EntryState::Ready(loaded) => {
                let found = view.chosen_in(entry).map_or(0, |c| c.len());
                let mut text = format!("{mark}{:<10} {:>6} ", date_of(view, entry), found);
                if kinds {
                    for n in loaded.counts {
                        text.push_str(&format!("{n:>9}"));
                    }
                    text.push(' ');
                }
                text.push_str(&cell(&loaded.title, title_width));
                if parties {
                    text.push(' ');
                    text.push_str(&truncate(&loaded.parties, party_width));
                }
                Line::from(truncate(&text, width)).style(style)
            }
        };
        frame.render_widget(
            Paragraph::new(line).style(style),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
}

pub(super) fn draw_acts(view: &LibraryView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let by_kind: Vec<String> = CommitmentKind::ALL
        .iter()
        .zip(view.kind_totals)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {}", k.as_str(), grouped(n)))
        .collect();
    let title = if by_kind.is_empty() {
        format!(" Acts · {} ", grouped(view.acts.len()))
    } else {
        format!(
            " Acts · {} · {} ",
            grouped(view.acts.len()),
            by_kind.join(" · ")
        )
    };
    let block = pane(title, view.focus == LibraryPane::Acts, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = view
        .acts
        .iter()
        .enumerate()
        .skip(view.act_cursor.offset)
        .take(usize::from(inner.height));
    for (y, (position, &(entry, act))) in (inner.y..).zip(rows) {
        let Some(loaded) = view.loaded(entry as usize) else {
            continue;
        };
        let commitment = &loaded.analysis.commitments[act as usize];
        let selected = position == view.act_cursor.selected;
        let style = match (selected, view.focus == LibraryPane::Acts) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => Style::default(),
        };
        let head = format!("{:<10} ", date_of(view, entry as usize));
        let badge = format!("{:<9}", commitment.kind.badge());
        let room = width.saturating_sub(head.width() + badge.width());
        let object = safe::visible(&commitment.object_short(&loaded.statement, room)).into_owned();
        let rest = room.saturating_sub(object.width());
        let source = if rest > 6 {
            truncate(&format!(" — {}", loaded.title), rest)
        } else {
            String::new()
        };
        let line = Line::from(vec![
            Span::styled(head, theme.dim),
            Span::styled(badge, theme.kind(commitment.kind)),
            Span::raw(object),
            Span::styled(source, theme.dim),
        ])
        .style(style);
        frame.render_widget(
            Paragraph::new(line).style(style),
            Rect::new(inner.x, y, inner.width, 1),
        );
    }
}
