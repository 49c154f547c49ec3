//! The timeline pane: a bar chart of the chosen acts per period, the selected bar
//! bright, the periods in view following the selection (the latest when none is
//! chosen), and the kinds of the selected period (or of all) spelled out under it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::grouped;
use crate::analysis::CommitmentKind;
use crate::app::library::timeline::{Period, Unit};
use crate::app::library::{LibraryPane, LibraryView};
use crate::ui::theme::Theme;
use crate::ui::{pane, truncate};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A bar's label: the year, or the month (January as the year, `'23`, to keep the
/// axis readable).
fn label(period: Period) -> String {
    match period.month {
        0 => period.year.to_string(),
        1 => format!("'{:02}", period.year % 100),
        m => MONTHS[usize::from(m - 1)].to_string(),
    }
}

pub(super) fn draw(view: &LibraryView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let timeline = &view.timeline;
    let unit = match timeline.unit {
        Unit::Year => "by year",
        Unit::Month => "by month",
    };
    let block = pane(
        format!(" Timeline · acts {unit} "),
        view.focus == LibraryPane::Timeline,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < 8 {
        return;
    }
    if timeline.bars.is_empty() {
        let message = if timeline.undated > 0 {
            "no dated statements"
        } else {
            "nothing to show yet"
        };
        frame.render_widget(
            Paragraph::new(format!(" {message}")).style(theme.dim),
            inner,
        );
        return;
    }
    let bar_width: u16 = match timeline.unit {
        Unit::Year => 4,
        Unit::Month => 3,
    };
    let fits = usize::from((inner.width + 1) / (bar_width + 1)).max(1);
    let count = timeline.bars.len();
    let selected = view.period;
    let first = match selected {
        Some(p) if p >= fits => p + 1 - fits,
        Some(_) => 0,
        None => count.saturating_sub(fits),
    };
    let bars: Vec<Bar> = timeline.bars[first..count.min(first + fits)]
        .iter()
        .enumerate()
        .map(|(k, bar)| {
            let style = if selected == Some(first + k) {
                theme.match_current
            } else {
                theme.key
            };
            Bar::default()
                .value(bar.total() as u64)
                .label(Line::from(label(bar.period)))
                .text_value(compact(bar.total()))
                .style(style)
                .value_style(style.add_modifier(Modifier::REVERSED))
        })
        .collect();
    let chart_height = inner.height - 1;
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(1)
        .label_style(theme.dim);
    frame.render_widget(
        chart,
        Rect::new(inner.x, inner.y, inner.width, chart_height),
    );
    frame.render_widget(
        Paragraph::new(truncate(&summary(view), usize::from(inner.width))).style(theme.dim),
        Rect::new(inner.x, inner.y + chart_height, inner.width, 1),
    );
}

/// `1.2k` for a bar too narrow for `1234`.
fn compact(n: usize) -> String {
    match n {
        0..1000 => n.to_string(),
        1000..10_000 => format!("{:.1}k", n as f64 / 1000.0),
        10_000..1_000_000 => format!("{}k", n / 1000),
        _ => format!("{}M", n / 1_000_000),
    }
}

/// The selected period's acts by kind, or the whole timeline's.
fn summary(view: &LibraryView) -> String {
    let timeline = &view.timeline;
    let (name, acts, statements) = match view.period {
        Some(p) => {
            let bar = &timeline.bars[p];
            (bar.period.label(), bar.acts, bar.statements)
        }
        None => {
            let mut acts = [0; 6];
            let mut statements = 0;
            for bar in &timeline.bars {
                statements += bar.statements;
                for (sum, n) in acts.iter_mut().zip(bar.acts) {
                    *sum += n;
                }
            }
            ("all".to_string(), acts, statements)
        }
    };
    let kinds: Vec<String> = CommitmentKind::ALL
        .iter()
        .zip(acts)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {}", k.as_str(), grouped(n)))
        .collect();
    let undated = match (view.period, timeline.undated) {
        (None, n) if n > 0 => format!(" (+{} undated)", grouped(n)),
        _ => String::new(),
    };
    format!(
        " {name}: {} statement{}{undated} · {}",
        grouped(statements),
        if statements == 1 { "" } else { "s" },
        if kinds.is_empty() {
            "no acts".to_string()
        } else {
            kinds.join(" · ")
        }
    )
}
