//! Applying an action to the reader's state.

use super::chooser::{Chooser, ChooserKind};
use super::keys as help;
use super::layout::{self, Mode};
use super::marks::MarkKey;
use super::navigation::{self as nav, move_in, page, scroll_pane};
use super::{Action, App, Edit, NavMode, Pane, filters};
use crate::analysis::query::{Field, with_field};

/// Counts above this are taken as this: `99999j` is a long way, not an overflow.
const MAX_COUNT: usize = 9999;

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    // What happens by itself (a resize, the analysis, a search landing) keeps the
    // message and a pending `m` or `'`; what the user does ends them.
    let by_itself = matches!(
        action,
        Action::Resize(..) | Action::Progress { .. } | Action::Filtered { .. }
    );
    let awaiting_mark = if by_itself {
        None
    } else {
        app.notice = None;
        app.awaiting_mark.take()
    };
    if let Action::MarkName(name) = action {
        if let (Some(key), Some(name)) = (awaiting_mark, name) {
            let from = app.spot();
            let top = app.text_top;
            app.mark_key(key, name);
            if app.text_top != top {
                app.jumped_from = Some(from);
            }
        }
        app.relayout();
        nav::follow_reading_position(app);
        return;
    }
    let jumped_from = (action.jumps()).then(|| (app.spot(), app.text_top));
    if let Action::Digit(d) = action {
        let count = app.count.unwrap_or(0) * 10 + usize::from(d);
        app.count = (count > 0).then_some(count.min(MAX_COUNT));
        return;
    }
    let times = if action.counts() {
        app.count.take().unwrap_or(1)
    } else {
        app.count = None;
        1
    };
    if app.analysing && action.needs_analysis() {
        app.deferred.push(action);
        app.notice = Some("Analysing… it will be done when the analysis lands".into());
        return;
    }
    if app.filtering && action.needs_result() {
        for _ in 0..times {
            app.wait_for_filter(action.clone());
        }
        return;
    }
    if app.help && help_takes(app, &action) {
        return;
    }
    if app.chooser.is_some() && chooser_takes(app, &action) {
        app.relayout();
        return;
    }
    match action {
        Action::Move(delta) => move_in(app, app.focus, delta * times as isize),
        Action::ScrollView(delta) => scroll_pane(app, app.focus, delta * times as isize),
        Action::PageDown => move_in(app, app.focus, page(app, app.focus) * times as isize),
        Action::PageUp => move_in(app, app.focus, -page(app, app.focus) * times as isize),
        Action::HalfPageDown => move_in(
            app,
            app.focus,
            (page(app, app.focus) / 2).max(1) * times as isize,
        ),
        Action::HalfPageUp => move_in(
            app,
            app.focus,
            -(page(app, app.focus) / 2).max(1) * times as isize,
        ),
        Action::NextSection | Action::PreviousSection => {
            let step = if action == Action::NextSection { 1 } else { -1 };
            for _ in 0..times {
                nav::step_section(app, step);
            }
        }
        Action::NextAct | Action::PreviousAct => {
            let step = if action == Action::NextAct { 1 } else { -1 };
            for _ in 0..times {
                nav::step_act(app, step);
            }
        }
        Action::NextMatch | Action::PreviousMatch => {
            let step = if action == Action::NextMatch { 1 } else { -1 };
            for _ in 0..times {
                nav::step_match(app, step);
            }
        }
        other => apply(app, other),
    }
    if let Some((from, top)) = jumped_from
        && app.text_top != top
    {
        app.jumped_from = Some(from);
    }
    app.relayout();
    nav::follow_reading_position(app);
}

/// Actions that take no count.
fn apply(app: &mut App, action: Action) {
    match action {
        Action::Resize(width, height) => {
            // A window of 65535x65535 is drawn in its top-left corner, not allocated.
            app.width = width.min(layout::MAX_DRAWN);
            app.height = height.min(layout::MAX_DRAWN);
        }
        Action::Progress { done, total } => app.progress = Some((done, total)),
        Action::Filtered { generation, result } if app.take_result(generation, &result) => {
            app.relayout();
            for action in app.take_after_filter() {
                update(app, action);
            }
        }
        Action::Quit => app.quit = true,
        Action::Back => {
            app.quit = true;
            app.went_back = true;
        }
        Action::ShowAct(act) => nav::show_act(app, act),
        Action::Copy => {
            app.notice = Some(match super::quotation::quotation(app) {
                Some((text, what)) => {
                    app.clipboard = Some(text);
                    format!("copied {what} with its citation")
                }
                None => "nothing to copy here".to_string(),
            });
        }
        Action::Suspend | Action::Redraw | Action::Digit(_) => {}
        Action::FocusNext => cycle_focus(app, 1),
        Action::FocusPrevious => cycle_focus(app, -1),
        Action::Focus(pane) => app.focus = pane,
        Action::Top => move_in(app, app.focus, isize::MIN / 2),
        Action::Bottom => move_in(app, app.focus, isize::MAX / 2),
        Action::Activate => activate(app),
        Action::StartFilter => start_filter(app),
        Action::Edit(edit) => edit_query(app, edit),
        Action::Paste(text) => {
            if !app.editing {
                start_filter(app);
            }
            if app.query.paste(&text) {
                app.refilter();
            }
        }
        Action::FilterAccept => {
            app.editing = false;
            app.query.remember();
            // As in less: Enter goes to the first match from where the reader is.
            if app.filtering {
                app.wait_for_filter(Action::NextMatch);
            } else if app
                .matches
                .as_ref()
                .is_some_and(|m| !m.sentences.is_empty())
            {
                nav::step_match(app, 1);
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
                app.query
                    .set(filters::without_next_layer(app.query.value()));
                app.refilter();
            }
        }
        Action::ChooseKind => app.chooser = Some(Chooser::open(app, ChooserKind::Kinds)),
        Action::ChooseAddressee => app.chooser = Some(Chooser::open(app, ChooserKind::Addressees)),
        Action::ToggleTopics => toggle_topics(app),
        Action::ToggleNavigator if app.layout.mode == Mode::Medium => {
            app.navigator_open = !app.navigator_open;
            if !app.navigator_open && app.focus == Pane::Navigator {
                app.focus = Pane::Text;
            }
        }
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::ToggleRowHeight => app.tall_rows = !app.tall_rows,
        Action::Mark(key) => {
            app.awaiting_mark = Some(key);
            app.notice = Some(
                match key {
                    MarkKey::Set => "mark this place: press a letter",
                    MarkKey::Jump => "go to a mark: press its letter, or ' for back",
                }
                .into(),
            );
        }
        Action::Scroll { column, row, lines } => {
            if let Some(pane) = app.layout.pane_at(column, row) {
                scroll_pane(app, pane, lines);
            }
        }
        Action::Click { column, row } => click(app, column, row),
        // Counted actions are applied by `update`.
        _ => {}
    }
}

/// The help overlay takes movement for itself; the UI clamps the offset.
fn help_takes(app: &mut App, action: &Action) -> bool {
    let step = match action {
        Action::Move(delta) => *delta,
        Action::PageDown => 10,
        Action::PageUp => -10,
        _ => return false,
    };
    app.help_scroll = app.help_scroll.saturating_add_signed(step).min(help::LINES);
    true
}

/// A chooser open takes moves, Enter and Esc; other keys close it and go on.
fn chooser_takes(app: &mut App, action: &Action) -> bool {
    let Some(chooser) = app.chooser.as_mut() else {
        return false;
    };
    match action {
        Action::Move(delta) => chooser.step(*delta),
        Action::Top => chooser.step(-(chooser.items.len() as isize)),
        Action::Bottom => chooser.step(chooser.items.len() as isize),
        Action::Activate => {
            let chosen = chooser.chosen(app.query.value());
            app.chooser = None;
            app.query.set(chosen);
            app.refilter();
        }
        Action::ClearFilters | Action::ChooseKind | Action::ChooseAddressee => {
            app.chooser = None;
        }
        Action::Resize(..) | Action::Progress { .. } | Action::Quit => return false,
        _ => {
            app.chooser = None;
            return false;
        }
    }
    true
}

fn start_filter(app: &mut App) {
    app.editing = true;
    app.help = false;
    // One pane at a time: show the list the filter narrows.
    if app.layout.mode == Mode::Narrow {
        app.focus = Pane::Acts;
    }
}

fn edit_query(app: &mut App, edit: Edit) {
    if edit == Edit::Backspace && app.query.is_empty() {
        // As in fzf and vim's command line: Backspace on nothing leaves the prompt.
        app.editing = false;
        return;
    }
    if app.query.edit(edit) {
        app.refilter();
    }
}

fn cycle_focus(app: &mut App, step: isize) {
    let panes = app.layout.visible_panes();
    let current = panes.iter().position(|&p| p == app.focus).unwrap_or(0);
    let next = (current as isize + step).rem_euclid(panes.len().max(1) as isize) as usize;
    app.focus = panes.get(next).copied().unwrap_or(Pane::Text);
}

fn toggle_topics(app: &mut App) {
    app.nav_mode = match app.nav_mode {
        NavMode::Sections => NavMode::Topics,
        NavMode::Topics => NavMode::Sections,
    };
    app.nav_cursor = match app.nav_mode {
        NavMode::Sections => app.reading_section(),
        NavMode::Topics => app
            .topics
            .iter()
            .position(|s| app.topic_chosen(s.topic))
            .unwrap_or(0),
    };
    app.nav_offset = 0;
    if app.layout.mode != Mode::Wide {
        app.focus = Pane::Navigator;
    }
}

fn activate(app: &mut App) {
    match app.focus {
        Pane::Acts => nav::show_selected_act(app),
        Pane::Navigator => match app.nav_mode {
            NavMode::Sections => nav::jump_to_section(app, app.nav_cursor),
            NavMode::Topics => choose_topic(app),
        },
        Pane::Text => {}
    }
}

/// Enter on a topic: the query gets `topic:"…"` (or loses it, if it was chosen), and
/// the text goes to the topic's first section.
fn choose_topic(app: &mut App) {
    let Some(summary) = app.topics.get(app.nav_cursor) else {
        return;
    };
    let (topic, first) = (summary.topic, summary.sections.first().copied());
    let chosen =
        app.topic_chosen(topic) && app.chosen_topics.as_ref().is_some_and(|c| c.len() == 1);
    let name = app.analysis.topic_name(topic).to_string();
    let value = (!chosen).then_some(name.as_str());
    app.query
        .set(with_field(app.query.value(), Field::Topic, value));
    app.refilter();
    if let (Some(s), false) = (first, chosen) {
        let focus = app.focus;
        nav::jump_to_section(app, s);
        app.focus = focus;
    }
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
        _ => app.layout.rect(pane).map(super::layout::inner),
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
            let item = app.act_offset + index / app.act_row_height();
            if item < app.acts.len() {
                app.act_cursor = Some(item);
                // A click selects and shows; it does not leave the list.
                nav::show_selected_act(app);
                app.focus = Pane::Acts;
            }
        }
        Pane::Text => {}
    }
}
