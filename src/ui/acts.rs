//! The commitments panel: one row per act (two with `w`) — the kind's badge, then the
//! object, which carries the meaning, then at the right who is addressed and who acts
//! when it is not the authors — with the counts per kind in its title, the filter's
//! matched characters marked, and the selected act's card below when there is room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::analysis::filter::{Hit, HitField};
use crate::analysis::{Commitment, CommitmentKind};
use crate::app::card::span_shown;
use crate::app::filters::why_empty;
use crate::app::{App, Pane};
use crate::document::safe::SafeText;

use super::marks::{fit, fit_from, marked};
use super::theme::Theme;
use super::{card, centered_message, pane_frame};

/// Columns of the badge ("REAFFIRM") and the space after it.
const BADGE: usize = 9;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    pane_frame(frame, app, Pane::Acts, area, &title(app, area.width), theme);
    // The same split update uses for paging and clicks, so both agree on the rows.
    let Some((area, card_area)) = app.act_areas() else {
        return;
    };
    if let (Some(card_area), Some(index)) = (card_area, app.selected_act()) {
        card::draw(app, index, frame, card_area, theme);
    }
    if app.acts.is_empty() {
        centered_message(frame, area, &empty_message(app), theme.dim);
        return;
    }
    let width = usize::from(area.width);
    let tall = app.tall_rows;
    let mut lines: Vec<Line> = Vec::new();
    for (row, index) in app.acts.rows(app.act_offset, app.act_list_height()) {
        let base = match (app.act_cursor == Some(row), app.focus == Pane::Acts) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => theme.base,
        };
        lines.extend(act_lines(app, row, index, width, tall, base, theme));
    }
    super::put_lines(frame, area, &lines);
}

/// " Commitments 4/15 · demand 4 · … ": the count listed of all, then per kind.
fn title(app: &App, width: u16) -> String {
    let total = app.analysis.commitments.len();
    let mut title = if app.acts.len() == total {
        format!(" Commitments {total}")
    } else {
        format!(" Commitments {}/{total}", app.acts.len())
    };
    // The most frequent kinds first, as many as the border has room for.
    let mut counts: Vec<_> = CommitmentKind::ALL
        .into_iter()
        .zip(app.kind_counts)
        .filter(|(_, n)| *n > 0)
        .collect();
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let room = usize::from(width.saturating_sub(4));
    for (kind, count) in counts {
        let piece = format!(" · {kind} {count}");
        if title.width() + piece.width() + 2 > room {
            title.push_str(" …");
            break;
        }
        title.push_str(&piece);
    }
    title.push(' ');
    title
}

/// What an empty list says: still analysing, nothing found, or why nothing matches.
fn empty_message(app: &App) -> String {
    if app.reading {
        return "Reading the rest of the statement…".to_string();
    }
    if app.analysing {
        return match app.progress {
            Some((done, total)) if total > 0 => {
                format!("Analysing… {}%", done * 100 / total)
            }
            _ => "Analysing…".to_string(),
        };
    }
    if app.analysis.commitments.is_empty() {
        return "No commitments found".to_string();
    }
    match &app.parsed {
        Some(query) => {
            let topics: Vec<&str> = app
                .chosen_topics
                .iter()
                .flatten()
                .map(|&t| app.analysis.topic_name(t))
                .collect();
            why_empty(query, &topics)
        }
        None => "No act matches".to_string(),
    }
}

/// The right-hand part of a row: "→ North Korea", "by Japan", with its hits.
fn who(
    app: &App,
    act: &Commitment,
    hits: &[crate::analysis::filter::Hit],
) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut add = |lead: &str, value: &str, field: HitField| {
        let shown = SafeText::new(value);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(lead);
        let base = text.len();
        text.push_str(shown.text(value));
        for h in hits.iter().filter(|h| h.field == field) {
            let (s, e) = h.range();
            let (s, e) = shown.map_range(s, e);
            ranges.push((base + s, base + e));
        }
    };
    if let Some(addressee) = act.addressee(&app.analysis) {
        add("→ ", addressee, HitField::Addressee);
    }
    let actor = act.actor(&app.analysis);
    if actor != &*app.analysis.authors {
        add("by ", actor, HitField::Actor);
    }
    (text, ranges)
}

fn act_lines<'a>(
    app: &App,
    row: usize,
    index: usize,
    width: usize,
    tall: bool,
    base: Style,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let act = &app.analysis.commitments[index];
    let hits = app.hits_of(row);
    let badge = act.kind.badge();
    let kind_hits: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| h.field == HitField::Kind)
        .map(Hit::range)
        .collect();
    let mut first = marked(
        &format!("{badge:<BADGE$}"),
        &kind_hits,
        base.patch(theme.kind(act.kind)),
        theme.match_chars,
    );
    let avail = width.saturating_sub(BADGE);
    let (who, who_hits) = who(app, act, &hits);
    // Who is addressed gets up to 45% of the row, enough for most names whole.
    let who_room = if who.is_empty() {
        0
    } else {
        (avail * 9 / 20).max(10).min(who.width())
    };
    let (who, who_hits) = fit(&who, &who_hits, who_room);
    let paragraph = &app.statement.paragraphs[act.sentence.paragraph()].text;
    let (text, text_hits) = span_shown(paragraph, act.object_range(), &hits);
    let object_room = avail.saturating_sub(if who.is_empty() { 0 } else { who.width() + 1 });
    let mut lines = Vec::new();
    let last_line_text = if tall && text.width() > object_room {
        let rows = crate::app::textview::wrap(&text, avail.max(1));
        let (s, e) = rows.first().copied().unwrap_or((0, 0));
        let head: Vec<(usize, usize)> = text_hits
            .iter()
            .filter(|h| h.0 < e)
            .map(|&(a, b)| (a, b.min(e)))
            .collect();
        first.extend(marked(&text[s..e], &head, base, theme.match_chars));
        lines.push(Line::from(first).style(base));
        first = vec![Span::styled(" ".repeat(BADGE.min(width)), base)];
        let rest_start = rows.get(1).map_or(e, |r| r.0);
        let tail: Vec<(usize, usize)> = text_hits
            .iter()
            .filter(|h| h.1 > rest_start)
            .map(|&(a, b)| (a.max(rest_start) - rest_start, b - rest_start))
            .collect();
        fit_from(&text[rest_start..], &tail, object_room, who_hits.is_empty())
    } else {
        // The object is shown from its start unless a match would be hidden otherwise.
        fit_from(&text, &text_hits, object_room, who_hits.is_empty())
    };
    let (shown, shown_hits) = last_line_text;
    let pad = avail.saturating_sub(shown.width() + who.width());
    first.extend(marked(&shown, &shown_hits, base, theme.match_chars));
    first.push(Span::styled(" ".repeat(pad), base));
    first.extend(marked(
        &who,
        &who_hits,
        base.patch(theme.dim),
        theme.match_chars,
    ));
    lines.push(Line::from(first).style(base));
    if tall && lines.len() < 2 {
        lines.push(Line::from(Span::styled(" ".repeat(width), base)).style(base));
    }
    lines
}
