//! The text pane: the rows in view, with the selected act's sentence and cue and the
//! filter's matches highlighted, and a scrollbar.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::text_area;
use crate::app::textview::RowKind;
use crate::app::{App, Pane};
use crate::document::{Sentence, safe};

use super::theme::Theme;
use super::{pane_frame, truncate};

/// A styled byte range of a paragraph's display text.
type Decoration = (usize, usize, Style);

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let section = app.reading_section();
    let title = app
        .analysis
        .sections
        .get(section)
        .map(|s| format!(" {} ", safe::visible(app.analysis.section_title(s))))
        .unwrap_or_default();
    let title = truncate(&title, usize::from(area.width.saturating_sub(4)));
    pane_frame(frame, app, Pane::Text, area, &title, theme);
    let text = text_area(area);
    let height = usize::from(text.height);
    let end = (app.text_top + height).min(app.view.row_count());
    let visible: Vec<RowKind> = (app.text_top.min(end)..end)
        .map(|r| app.view.kind(&app.statement, r))
        .collect();
    let paragraphs: Vec<usize> = visible
        .iter()
        .filter_map(|r| match r {
            RowKind::Text { paragraph, .. } => Some(*paragraph),
            _ => None,
        })
        .collect();
    let decorations = decorations(
        app,
        theme,
        paragraphs.first().copied(),
        paragraphs.last().copied(),
    );
    let lines: Vec<Line> = visible
        .iter()
        .map(|row| row_line(app, row, &decorations, theme, usize::from(text.width)))
        .collect();
    super::put_lines(frame, text, &lines);

    if app.view.row_count() > height && area.height > 2 {
        let mut state = ScrollbarState::new(app.max_text_top())
            .position(app.text_top)
            .viewport_content_length(height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .thumb_style(if app.focus == Pane::Text {
                theme.border_focus
            } else {
                theme.dim
            });
        frame.render_stateful_widget(
            bar,
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            &mut state,
        );
    }
}

/// Highlights for paragraphs `first..=last`, per paragraph, in the order they apply.
fn decorations(
    app: &App,
    theme: &Theme,
    first: Option<usize>,
    last: Option<usize>,
) -> Vec<(usize, Decoration)> {
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let in_view = |p: usize| (first..=last).contains(&p);
    let mut out = Vec::new();
    if let Some(result) = &app.matches {
        let paragraph = app.statement.paragraphs.get(first);
        let from = paragraph.map_or(usize::MAX, |p| p.first_sentence());
        let start = result.sentences.partition_point(|m| m.ordinal() < from);
        for (k, m) in result.sentences.iter().enumerate().skip(start) {
            let Some(at) = m.at(&app.statement).filter(|at| in_view(at.paragraph())) else {
                break;
            };
            let display = app.view.display(&app.statement, at.paragraph());
            let Some(sentence) = app.statement.sentence(at) else {
                continue;
            };
            let (s, e) = display.map_range(sentence.start(), sentence.end());
            let style = if app.match_cursor == Some(k) {
                theme.match_current
            } else {
                theme.match_sentence
            };
            out.push((at.paragraph(), (s, e, style)));
            for (cs, ce) in result.ranges_of(&app.statement, &app.analysis, m) {
                let (cs, ce) = display.map_range(cs, ce);
                out.push((at.paragraph(), (cs, ce, theme.match_chars)));
            }
        }
    }
    if let Some(act) = app.selected_act().map(|i| &app.analysis.commitments[i]) {
        let p = act.sentence.paragraph();
        if in_view(p) {
            let display = app.view.display(&app.statement, p);
            let sentence = app
                .statement
                .sentence(act.sentence)
                .unwrap_or(Sentence::new(0, 0));
            let (s, e) = display.map_range(sentence.start(), sentence.end());
            out.push((p, (s, e, theme.sentence)));
            let (cs, ce) = display.map_range(act.cue_range().0, act.cue_range().1);
            out.push((p, (cs, ce, theme.cue)));
        }
    }
    out
}

fn row_line<'a>(
    app: &App,
    kind: &RowKind,
    decorations: &[(usize, Decoration)],
    theme: &Theme,
    width: usize,
) -> Line<'a> {
    match kind {
        RowKind::Blank => Line::default(),
        // Styled spans, not styled lines: a line's style fills the whole row.
        RowKind::Title(text) => Line::from(Span::styled(truncate(text, width), theme.title)),
        RowKind::Meta(text) => Line::from(Span::styled(truncate(text, width), theme.meta)),
        RowKind::Heading { text, .. } => {
            Line::from(Span::styled(truncate(text, width), theme.heading))
        }
        &RowKind::Text {
            paragraph,
            start,
            end,
            first,
        } => {
            let marker = crate::app::textview::marker(&app.statement, paragraph);
            let mut spans = Vec::new();
            if !marker.is_empty() {
                let lead = if first {
                    format!("{marker} ")
                } else {
                    " ".repeat(marker.width() + 1)
                };
                spans.push(Span::styled(lead, theme.marker));
            }
            let text = app.view.display_text(&app.statement, paragraph);
            let ours: Vec<&Decoration> = decorations
                .iter()
                .filter(|(p, (s, e, _))| *p == paragraph && *s < end && *e > start)
                .map(|(_, d)| d)
                .collect();
            let mut cuts = vec![start, end];
            for &&(s, e, _) in &ours {
                cuts.push(s.clamp(start, end));
                cuts.push(e.clamp(start, end));
            }
            cuts.sort_unstable();
            cuts.dedup();
            for pair in cuts.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let style = ours
                    .iter()
                    .filter(|(s, e, _)| *s <= a && *e >= b)
                    .fold(theme.base, |style, (_, _, d)| style.patch(*d));
                if let Some(piece) = text.get(a..b) {
                    spans.push(Span::styled(piece.to_string(), style));
                }
            }
            Line::from(spans)
        }
    }
}
