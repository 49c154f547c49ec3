//! Moving through the statement: scrolling, paging, and the jumps to a section, an act
//! or a match, which make their target current — ▶, the text pane's title and the card
//! agree — even at the end of a short statement, where the view scrolls past the last
//! page (as less and vim do) so the target can stand at the top.

use crate::analysis::filter::SentenceMatch;

use super::layout::{self, Mode};
use super::{App, NavMode, Pane, Target};

pub(super) fn shift(value: usize, delta: isize, len: usize) -> usize {
    value
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// One page of the pane, in rows or items.
pub(super) fn page(app: &App, pane: Pane) -> isize {
    let height = match pane {
        Pane::Text => app.text_height(),
        Pane::Navigator => app
            .layout
            .navigator
            .map_or(1, |r| usize::from(layout::inner(r).height)),
        Pane::Acts => app.act_list_height(),
    };
    isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
}

/// Scrolls the text by `delta` rows; past the last page only upwards.
pub(super) fn scroll_text(app: &mut App, delta: isize) {
    let limit = app
        .max_text_top()
        .max(if app.overscroll { app.text_top } else { 0 });
    app.text_top = app.text_top.saturating_add_signed(delta).min(limit);
    app.overscroll = app.text_top > app.max_text_top();
    app.target = None;
}

pub(super) fn move_in(app: &mut App, pane: Pane, delta: isize) {
    match pane {
        Pane::Text => scroll_text(app, delta),
        Pane::Navigator => app.nav_cursor = shift(app.nav_cursor, delta, app.nav_len()),
        Pane::Acts => {
            if !app.acts.is_empty() {
                let from = app.act_cursor.unwrap_or(0);
                app.act_cursor = Some(if app.act_cursor.is_none() && delta > 0 {
                    0
                } else {
                    shift(from, delta, app.acts.len())
                });
            }
        }
    }
}

/// The mouse wheel, Ctrl-E and Ctrl-Y scroll the view of a pane, not its selection.
pub(super) fn scroll_pane(app: &mut App, pane: Pane, lines: isize) {
    match pane {
        Pane::Text => scroll_text(app, lines),
        Pane::Navigator => {
            app.nav_offset = shift(app.nav_offset, lines, app.nav_len());
            let height = app
                .layout
                .navigator
                .map_or(1, |r| usize::from(layout::inner(r).height).max(1));
            app.nav_cursor = app
                .nav_cursor
                .clamp(app.nav_offset, app.nav_offset + height - 1);
        }
        Pane::Acts => {
            app.act_offset = shift(app.act_offset, lines, app.acts.len());
            let height = app.act_list_height();
            if let Some(c) = app.act_cursor {
                app.act_cursor = Some(c.clamp(app.act_offset, app.act_offset + height - 1));
            }
        }
    }
}

/// Makes `target` current: a section's heading at the top of the pane, a sentence a
/// quarter of the way down unless it is in view already. One pane at a time, the text
/// is shown.
pub(super) fn jump(app: &mut App, target: Target) {
    let row = app.target_row(target);
    let height = app.text_height();
    let top = match target {
        Target::Section(_) => row,
        Target::Sentence(_) if row >= app.text_top && row + 1 < app.text_top + height => {
            app.text_top
        }
        Target::Sentence(_) => row.saturating_sub(height / 4),
    };
    app.text_top = top.min(app.view.row_count().saturating_sub(1));
    app.overscroll = app.text_top > app.max_text_top();
    app.target = Some(target);
    if app.layout.mode == Mode::Narrow {
        app.focus = Pane::Text;
    }
}

pub(super) fn jump_to_section(app: &mut App, section: usize) {
    if section < app.analysis.sections.len() {
        jump(app, Target::Section(section));
        if app.nav_mode == NavMode::Sections {
            app.nav_cursor = section;
        }
        select_first_act(app, |analysis, act| analysis.act_section(act) == section);
    }
}

/// Selects the first listed act (in list order) that `wanted` accepts, so the card
/// shows an act of where the reader now is; the selection stays if none does.
fn select_first_act(
    app: &mut App,
    wanted: impl Fn(&crate::analysis::Analysis, &crate::analysis::Commitment) -> bool,
) {
    if app
        .selected_act()
        .is_some_and(|a| wanted(&app.analysis, &app.analysis.commitments[a]))
    {
        return;
    }
    if let Some(row) = app
        .acts
        .iter()
        .position(|a| wanted(&app.analysis, &app.analysis.commitments[a]))
    {
        app.act_cursor = Some(row);
    }
}

/// `]` and `[`: the next section after the one being read, or with a topic chosen, the
/// next section on that topic.
pub(super) fn step_section(app: &mut App, step: isize) {
    let sections = app.analysis.sections.len();
    if sections == 0 {
        return;
    }
    let current = app.reading_section();
    let wanted = |s: usize| app.section_on_topic(s);
    let start_of_current = app.view.section_row(current).unwrap_or(0);
    let target = if step > 0 {
        (current + 1..sections).find(|&s| wanted(s))
    } else if start_of_current < app.text_top && wanted(current) {
        // Part-way through a section, `[` goes back to its start first.
        Some(current)
    } else {
        (0..current).rev().find(|&s| wanted(s))
    };
    match target {
        Some(s) => {
            let focus = app.focus;
            jump_to_section(app, s);
            app.focus = focus;
        }
        None => {
            app.notice = Some(if step > 0 {
                "Last section".into()
            } else {
                "First section".into()
            })
        }
    }
}

/// `}` and `{`: the next act in the panel, shown in the text. The first `}` shows the
/// selected act itself when the text is not on it yet.
pub(super) fn step_act(app: &mut App, step: isize) {
    if app.acts.is_empty() {
        return;
    }
    let selected = app.selected_act();
    app.act_cursor = Some(match app.act_cursor {
        None if step > 0 => 0,
        None => app.acts.len() - 1,
        Some(c) if selected != app.shown_act && step > 0 => c,
        Some(c) => shift(c, step, app.acts.len()),
    });
    let focus = app.focus;
    show_selected_act(app);
    app.focus = focus;
}

/// Selects `act` in the panel when it is listed and shows its sentence either way.
pub(super) fn show_act(app: &mut App, act: usize) {
    let Some(commitment) = app.analysis.commitments.get(act) else {
        return;
    };
    let at = commitment.sentence;
    if let Some(row) = app.acts.position(act) {
        app.act_cursor = Some(row);
    }
    jump(app, Target::Sentence(at));
    app.shown_act = Some(act);
}

pub(super) fn show_selected_act(app: &mut App) {
    if let Some(act) = app.selected_act() {
        let at = app.analysis.commitments[act].sentence;
        jump(app, Target::Sentence(at));
        app.shown_act = Some(act);
    }
}

/// `n` and `N`: the next sentence matching the filter, in reading order, wrapping
/// round with a word to say so.
pub(super) fn step_match(app: &mut App, step: isize) {
    let Some(result) = &app.matches else { return };
    let count = result.sentences.len();
    if count == 0 {
        app.notice = Some("No matching sentence".into());
        return;
    }
    let at = |i: usize| result.sentences[i].at(&app.statement);
    // The matches are in reading order, so their rows grow with them: the first in
    // view or below is found by bisection, as a big statement has millions.
    let above = |m: &SentenceMatch| {
        m.at(&app.statement)
            .is_some_and(|at| app.view.sentence_row(&app.statement, at) < app.text_top)
    };
    let first_below = result.sentences.partition_point(above);
    let (next, wrapped) = match app.match_cursor {
        Some(c) => {
            let next = (c as isize + step).rem_euclid(count as isize) as usize;
            (next, (step > 0 && next <= c) || (step < 0 && next >= c))
        }
        None if step > 0 && first_below < count => (first_below, false),
        None if step > 0 => (0, true),
        None if first_below > 0 => (first_below - 1, false),
        None => (count - 1, true),
    };
    let Some(target) = at(next) else { return };
    app.match_cursor = Some(next);
    if wrapped && count > 1 {
        app.notice = Some(if step > 0 {
            "Search wrapped to the first match".into()
        } else {
            "Search wrapped to the last match".into()
        });
    }
    let focus = app.focus;
    jump(app, Target::Sentence(target));
    app.focus = focus;
    select_first_act(app, |_, act| act.sentence == target);
}

/// While the navigator is not in the reader's hands, its cursor follows the section
/// being read, as frogmouth's table of contents does.
pub(super) fn follow_reading_position(app: &mut App) {
    if app.focus != Pane::Navigator && app.nav_mode == NavMode::Sections {
        app.nav_cursor = app.reading_section();
        app.clamp();
    }
}
