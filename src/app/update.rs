//! Applying an action to the reader's state.

use crate::analysis::CommitmentKind;

use super::keys as help;
use super::layout::{self, Mode};
use super::{Action, App, NavMode, Pane};

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    if app.help {
        // The help overlay takes movement for itself; the UI clamps the offset.
        let step = match action {
            Action::Move(delta) => Some(delta),
            Action::PageDown => Some(10),
            Action::PageUp => Some(-10),
            _ => None,
        };
        if let Some(step) = step {
            app.help_scroll = app.help_scroll.saturating_add_signed(step).min(help::LINES);
            return;
        }
    }
    match action {
        Action::Resize(width, height) => {
            app.width = width;
            app.height = height;
        }
        Action::Quit => app.quit = true,
        Action::Suspend => {}
        Action::FocusNext => cycle_focus(app, 1),
        Action::FocusPrevious => cycle_focus(app, -1),
        Action::Focus(pane) => app.focus = pane,
        Action::Move(delta) => move_in(app, app.focus, delta),
        Action::PageDown => move_in(app, app.focus, page(app, app.focus)),
        Action::PageUp => move_in(app, app.focus, -page(app, app.focus)),
        Action::HalfPageDown => move_in(app, app.focus, (page(app, app.focus) / 2).max(1)),
        Action::HalfPageUp => move_in(app, app.focus, -(page(app, app.focus) / 2).max(1)),
        Action::Top => move_in(app, app.focus, isize::MIN / 2),
        Action::Bottom => move_in(app, app.focus, isize::MAX / 2),
        Action::NextSection => step_section(app, 1),
        Action::PreviousSection => step_section(app, -1),
        Action::NextAct => step_act(app, 1),
        Action::PreviousAct => step_act(app, -1),
        Action::Activate => activate(app),
        Action::StartFilter => {
            app.editing = true;
            app.help = false;
            // One pane at a time: show the list the filter narrows.
            if app.layout.mode == Mode::Narrow {
                app.focus = Pane::Acts;
            }
        }
        Action::FilterInput(c) => {
            if !c.is_control() {
                app.query.push(c);
                app.refilter();
            }
        }
        Action::FilterBackspace => {
            app.query.pop();
            app.refilter();
        }
        Action::FilterDeleteWord => {
            let kept = app.query.trim_end().rfind(' ').map_or(0, |at| at + 1);
            app.query.truncate(kept);
            app.refilter();
        }
        Action::FilterClear => {
            app.query.clear();
            app.refilter();
        }
        Action::FilterAccept => {
            app.editing = false;
            // As in less: Enter goes to the first match from where the reader is.
            if app
                .matches
                .as_ref()
                .is_some_and(|m| !m.sentences.is_empty())
            {
                step_match(app, 1);
            }
        }
        Action::FilterCancel => {
            app.editing = false;
            app.query.clear();
            app.refilter();
        }
        Action::ClearFilters => {
            if app.help {
                app.help = false;
            } else if !app.query.is_empty() {
                app.query.clear();
            } else if app.topic.is_some() {
                app.topic = None;
            } else {
                app.kind = None;
            }
            app.refilter();
        }
        Action::NextMatch => step_match(app, 1),
        Action::PreviousMatch => step_match(app, -1),
        Action::CycleKind => {
            app.kind = match app.kind {
                None => Some(CommitmentKind::ALL[0]),
                Some(k) => CommitmentKind::ALL
                    .iter()
                    .position(|&x| x == k)
                    .and_then(|i| CommitmentKind::ALL.get(i + 1).copied()),
            };
            app.refilter();
        }
        Action::SetKind(kind) => {
            app.kind = kind;
            app.refilter();
        }
        Action::ToggleTopics => {
            app.nav_mode = match app.nav_mode {
                NavMode::Sections => NavMode::Topics,
                NavMode::Topics => NavMode::Sections,
            };
            app.nav_cursor = match app.nav_mode {
                NavMode::Sections => app.reading_section(),
                NavMode::Topics => app
                    .topic
                    .and_then(|t| app.topics.iter().position(|s| s.topic == t))
                    .unwrap_or(0),
            };
            app.nav_offset = 0;
            if app.layout.mode != Mode::Wide {
                app.focus = Pane::Navigator;
            }
        }
        Action::ToggleNavigator => {
            if app.layout.mode == Mode::Medium {
                app.navigator_open = !app.navigator_open;
                if !app.navigator_open && app.focus == Pane::Navigator {
                    app.focus = Pane::Text;
                }
            }
        }
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::Scroll { column, row, lines } => {
            if let Some(pane) = app.layout.pane_at(column, row) {
                scroll_pane(app, pane, lines);
            }
        }
        Action::Click { column, row } => click(app, column, row),
    }
    app.relayout();
    follow_reading_position(app);
}

fn cycle_focus(app: &mut App, step: isize) {
    let panes = app.layout.visible_panes();
    let current = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
    let next = (current as isize + step).rem_euclid(panes.len().max(1) as isize) as usize;
    app.focus = panes.get(next).copied().unwrap_or(Pane::Text);
}

/// One page of the pane, in rows or items.
fn page(app: &App, pane: Pane) -> isize {
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

fn shift(value: usize, delta: isize, len: usize) -> usize {
    value
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

fn move_in(app: &mut App, pane: Pane, delta: isize) {
    match pane {
        Pane::Text => app.text_top = shift(app.text_top, delta, app.max_text_top() + 1),
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

/// The mouse wheel scrolls what is under the pointer, not the selection.
fn scroll_pane(app: &mut App, pane: Pane, lines: isize) {
    match pane {
        Pane::Text => app.text_top = shift(app.text_top, lines, app.max_text_top() + 1),
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

/// Scrolls the text so `row` stands a quarter of the way down the pane.
pub(crate) fn show_row(app: &mut App, row: usize) {
    let height = app.text_height();
    let top = app.text_top;
    // Already comfortably in view: leave the text where it is.
    if row >= top && row + 1 < top + height && height > 0 {
        return;
    }
    app.text_top = row.saturating_sub(height / 4).min(app.max_text_top());
}

fn jump_to_section(app: &mut App, section: usize) {
    if let Some(&row) = app.view.section_rows.get(section) {
        app.text_top = row.min(app.max_text_top());
    }
}

/// `]` and `[`: the next section after the one being read, or with a topic chosen, the
/// next section on that topic.
fn step_section(app: &mut App, step: isize) {
    let sections = app.analysis.sections.len();
    if sections == 0 {
        return;
    }
    let current = app.reading_section();
    let wanted = |s: usize| {
        app.topic
            .is_none_or(|t| app.analysis.sections[s].topics.contains(&t))
    };
    let target = if step > 0 {
        (current + 1..sections).find(|&s| wanted(s))
    } else if app.view.section_rows[current] < app.text_top && wanted(current) {
        // Part-way through a section, `[` goes back to its start first.
        Some(current)
    } else {
        (0..current).rev().find(|&s| wanted(s))
    };
    if let Some(s) = target {
        jump_to_section(app, s);
        if app.nav_mode == NavMode::Sections {
            app.nav_cursor = s;
        }
    }
}

/// `}` and `{`: the next act in the panel, shown in the text.
fn step_act(app: &mut App, step: isize) {
    if app.acts.is_empty() {
        return;
    }
    app.act_cursor = Some(match app.act_cursor {
        None if step > 0 => 0,
        None => app.acts.len() - 1,
        Some(c) => shift(c, step, app.acts.len()),
    });
    show_selected_act(app);
}

fn show_selected_act(app: &mut App) {
    if let Some(act) = app.selected_act() {
        let at = app.analysis.commitments[act].sentence;
        let row = app.view.sentence_row(&app.statement, at);
        show_row(app, row);
    }
}

fn activate(app: &mut App) {
    match app.focus {
        Pane::Acts => show_selected_act(app),
        Pane::Navigator => match app.nav_mode {
            NavMode::Sections => jump_to_section(app, app.nav_cursor),
            NavMode::Topics => {
                let Some(summary) = app.topics.get(app.nav_cursor) else {
                    return;
                };
                let topic = summary.topic;
                let first = summary.sections.first().copied();
                app.topic = if app.topic == Some(topic) {
                    None
                } else {
                    Some(topic)
                };
                app.refilter();
                if let (Some(s), Some(_)) = (first, app.topic) {
                    jump_to_section(app, s);
                }
            }
        },
        Pane::Text => {}
    }
}

/// `n` and `N`: the next sentence matching the filter, in reading order, wrapping.
fn step_match(app: &mut App, step: isize) {
    let Some(result) = &app.matches else { return };
    let count = result.sentences.len();
    if count == 0 {
        return;
    }
    let rows: Vec<usize> = result
        .sentences
        .iter()
        .map(|m| app.view.sentence_row(&app.statement, m.at))
        .collect();
    let next = match app.match_cursor {
        Some(c) => (c as isize + step).rem_euclid(count as isize) as usize,
        None if step > 0 => rows.iter().position(|&r| r >= app.text_top).unwrap_or(0),
        None => rows
            .iter()
            .rposition(|&r| r < app.text_top)
            .unwrap_or(count - 1),
    };
    app.match_cursor = Some(next);
    show_row(app, rows[next]);
}

fn click(app: &mut App, column: u16, row: u16) {
    if let Some(tabs) = app.layout.tabs.filter(|t| t.contains((column, row).into())) {
        let third = (tabs.width / 3).max(1);
        app.focus = Pane::ALL[usize::from((column / third).min(2))];
        return;
    }
    let Some(pane) = app.layout.pane_at(column, row) else {
        return;
    };
    app.focus = pane;
    // Rows of the act card are not list rows.
    let inner = match pane {
        Pane::Acts => app.act_areas().map(|(list, _)| list),
        _ => app.layout.rect(pane).map(layout::inner),
    };
    let Some(inner) = inner else {
        return;
    };
    if !inner.contains((column, row).into()) {
        return;
    }
    let index = usize::from(row - inner.y);
    match pane {
        Pane::Navigator => {
            let item = app.nav_offset + index;
            if item < app.nav_len() {
                app.nav_cursor = item;
                activate(app);
            }
        }
        Pane::Acts => {
            let item = app.act_offset + index;
            if item < app.acts.len() {
                app.act_cursor = Some(item);
                show_selected_act(app);
            }
        }
        Pane::Text => {}
    }
}

/// While the navigator is not in the reader's hands, its cursor follows the section
/// being read, as frogmouth's table of contents does.
fn follow_reading_position(app: &mut App) {
    if app.focus != Pane::Navigator && app.nav_mode == NavMode::Sections {
        app.nav_cursor = app.reading_section();
        app.clamp();
    }
}
