//! The selected act's card at the foot of the commitments panel: what a row has no
//! room for — who acts, towards whom, the words that carry the act, how strongly, the
//! object and the section — so an act can be read without leaving the list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::analysis::Commitment;
use crate::app::App;
use crate::document::safe;

use super::theme::Theme;
use super::truncate;

/// Width of the labels column ("What ").
const LABEL: usize = 5;

pub fn draw(app: &App, act: &Commitment, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = usize::from(area.width);
    let rows = usize::from(area.height);
    if width <= LABEL || rows < 2 {
        return;
    }
    let value_width = width - LABEL;
    let statement = &app.statement;
    let section = &app.analysis.sections[act.section];

    let field = |label: &str, value: &str, style: Style| {
        Line::from(vec![
            Span::styled(format!("{label:<LABEL$}"), theme.dim),
            Span::styled(truncate(&safe::visible(value), value_width), style),
        ])
    };
    let mut lines = vec![
        rule(app, act, width, theme),
        field("By", &act.actor, theme.base),
    ];
    if let Some(addressee) = &act.addressee {
        lines.push(field("To", addressee, theme.base));
    }
    lines.push(field(
        "Cue",
        &format!("“{}”", act.cue(statement)),
        theme.cue,
    ));
    if let Some(strength) = act.strength() {
        lines.push(field("How", strength, theme.base));
    }
    let section_line = field(
        "In",
        &format!("§{} {}", section.id, section.title),
        theme.base,
    );
    // The object takes the rows left, wrapped, its last row cut with "…" if need be.
    let room = rows.saturating_sub(lines.len() + 1).max(1);
    let object = safe::visible(act.object(statement)).into_owned();
    // Hyphenated words stay whole, as in the text pane.
    let options =
        textwrap::Options::new(value_width).word_splitter(textwrap::WordSplitter::NoHyphenation);
    let wrapped = textwrap::wrap(&object, options);
    for (i, piece) in wrapped.iter().take(room).enumerate() {
        let piece = if i + 1 == room && wrapped.len() > room {
            truncate(&format!("{piece} …"), value_width)
        } else {
            piece.to_string()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<LABEL$}", if i == 0 { "What" } else { "" }),
                theme.dim,
            ),
            Span::styled(piece, theme.base),
        ]));
    }
    lines.push(section_line);
    // Standing on the pane's bottom border, whatever its height.
    let unused = area.height.saturating_sub(lines.len() as u16);
    let area = Rect {
        y: area.y + unused,
        height: area.height - unused,
        ..area
    };
    super::put_lines(frame, area, &lines);
}

/// The card's top rule: the act's badge in its kind's style and its place in the list.
fn rule(app: &App, act: &Commitment, width: usize, theme: &Theme) -> Line<'static> {
    let badge = format!(" {} ", act.kind.badge());
    let place = app
        .act_cursor
        .map(|c| format!(" {} of {} ", c + 1, app.acts.len()))
        .unwrap_or_default();
    let fill = width.saturating_sub(1 + badge.chars().count() + place.chars().count());
    Line::from(vec![
        Span::styled("─", theme.border),
        Span::styled(badge, theme.kind(act.kind)),
        Span::styled("─".repeat(fill), theme.border),
        Span::styled(place, theme.dim),
    ])
}
