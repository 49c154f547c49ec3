//! The commitments panel: one row per act — kind badge, who it is about, what — with
//! the counts per kind in its title, and the selected act's card below when there is
//! room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::analysis::CommitmentKind;
use crate::analysis::filter::act_label;
use crate::app::{App, Pane};
use crate::document::safe;

use super::theme::Theme;
use super::{card, centered_message, highlighted, pane_frame};

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let total = app.analysis.commitments.len();
    let mut title = if app.acts.len() == total {
        format!(" Commitments {total}")
    } else {
        format!(" Commitments {}/{total}", app.acts.len())
    };
    // The most frequent kinds first, as many as the border has room for.
    let mut counts: Vec<_> = CommitmentKind::ALL
        .into_iter()
        .map(|k| {
            (
                k,
                app.acts
                    .iter()
                    .filter(|&&i| app.analysis.commitments[i].kind == k)
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let room = usize::from(area.width.saturating_sub(4));
    for (kind, count) in counts {
        let piece = format!(" · {kind} {count}");
        if title.chars().count() + piece.chars().count() + 2 > room {
            title.push_str(" …");
            break;
        }
        title.push_str(&piece);
    }
    title.push(' ');
    pane_frame(frame, app, Pane::Acts, area, &title, theme);
    // The same split update uses for paging and clicks, so both agree on the rows.
    let Some((area, card_area)) = app.act_areas() else {
        return;
    };
    if let (Some(card_area), Some(index)) = (card_area, app.selected_act()) {
        card::draw(
            app,
            &app.analysis.commitments[index],
            frame,
            card_area,
            theme,
        );
    }
    if app.acts.is_empty() {
        let message = if app.analysing {
            "Analysing…"
        } else if total == 0 {
            "No commitments found"
        } else {
            "No act matches"
        };
        centered_message(frame, area, message, theme.dim);
        return;
    }
    let width = usize::from(area.width);
    let focused = app.focus == Pane::Acts;
    let lines: Vec<Line> = app
        .acts
        .iter()
        .enumerate()
        .skip(app.act_offset)
        .take(usize::from(area.height))
        .map(|(row, &index)| {
            let act = &app.analysis.commitments[index];
            let label = safe::visible(&act_label(&app.statement, &app.analysis, act)).into_owned();
            let badge_len = act.kind.badge().chars().count();
            let hits = &app.act_hits[row];
            let selected = app.act_cursor == Some(row);
            let base = match (selected, focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                _ => theme.base,
            };
            let mut spans = Vec::new();
            // The badge keeps its kind's style; the rest carries the match highlights.
            let badge: String = label.chars().take(badge_len).collect();
            let rest: String = label.chars().skip(badge_len).collect();
            let rest_hits: Vec<usize> = hits
                .iter()
                .filter(|&&i| i >= badge_len)
                .map(|i| i - badge_len)
                .collect();
            let badge_hits: Vec<usize> = hits.iter().copied().filter(|&i| i < badge_len).collect();
            spans.extend(highlighted(
                &badge,
                &badge_hits,
                width,
                base.patch(theme.kind(act.kind)),
                theme.match_chars,
            ));
            let pad = " ".repeat(
                9usize
                    .saturating_sub(badge_len)
                    .min(width.saturating_sub(badge_len)),
            );
            spans.push(Span::styled(pad.clone(), base));
            spans.extend(highlighted(
                rest.trim_start(),
                &shift_hits(&rest, &rest_hits),
                width.saturating_sub(badge_len + pad.len()),
                base,
                theme.match_chars,
            ));
            Line::from(spans).style(base)
        })
        .collect();
    super::put_lines(frame, area, &lines);
}

/// Indices into `rest` re-based after its leading spaces are trimmed.
fn shift_hits(rest: &str, hits: &[usize]) -> Vec<usize> {
    let lead = rest.chars().take_while(|c| *c == ' ').count();
    hits.iter()
        .filter(|&&i| i >= lead)
        .map(|i| i - lead)
        .collect()
}
