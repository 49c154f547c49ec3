//! Where each pane goes for a given terminal size and reader state.
//!
//! A pure function shared by [`super::update`] (paging, wrapping, mouse hits) and the
//! UI (drawing), so both agree on the geometry. At 100 columns and more the three panes
//! sit side by side; from 60 to 99 the navigator folds away (a key brings it back) and
//! the commitments sit below the text, or beside it when the terminal is short; under
//! 60 columns one pane shows at a time, with tabs.

use ratatui::layout::Rect;

use super::action::Pane;

/// Smallest terminal the reader draws in; below it, a "too small" message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Columns and rows drawn at most: a bigger window gets the reader in its top-left
/// corner and blank around it, instead of a buffer of gigabytes.
pub const MAX_DRAWN: u16 = 1000;
const WIDE: u16 = 100;
const MEDIUM: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    TooSmall,
    Narrow,
    Medium,
    Wide,
}

/// Pane rectangles (with their borders) and the bars around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub mode: Mode,
    pub area: Rect,
    pub header: Rect,
    pub tabs: Option<Rect>,
    pub navigator: Option<Rect>,
    pub text: Option<Rect>,
    pub acts: Option<Rect>,
    pub query: Option<Rect>,
    pub status: Rect,
}

/// What of the reader's state the layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutState {
    pub focus: Pane,
    pub navigator_open: bool,
    pub query_line: bool,
}

pub fn compute(width: u16, height: u16, state: LayoutState) -> Layout {
    let area = Rect::new(0, 0, width, height);
    let mut layout = Layout {
        mode: Mode::TooSmall,
        area,
        header: Rect::default(),
        tabs: None,
        navigator: None,
        text: None,
        acts: None,
        query: None,
        status: Rect::default(),
    };
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return layout;
    }
    layout.header = Rect::new(0, 0, width, 1);
    layout.status = Rect::new(0, height - 1, width, 1);
    let mut body = Rect::new(0, 1, width, height - 2);
    if state.query_line {
        layout.query = Some(Rect::new(0, height - 2, width, 1));
        body.height -= 1;
    }
    if width < MEDIUM {
        layout.mode = Mode::Narrow;
        layout.tabs = Some(Rect::new(0, 1, width, 1));
        let pane = Rect::new(0, 2, width, body.height - 1);
        match state.focus {
            Pane::Navigator => layout.navigator = Some(pane),
            Pane::Text => layout.text = Some(pane),
            Pane::Acts => layout.acts = Some(pane),
        }
        return layout;
    }
    if width < WIDE {
        layout.mode = Mode::Medium;
        let show_navigator = state.navigator_open || state.focus == Pane::Navigator;
        let (nav, rest) = if show_navigator {
            let nav_width = (width / 3).clamp(18, 30);
            split_columns(body, nav_width)
        } else {
            (None, body)
        };
        layout.navigator = nav;
        if rest.height >= 16 {
            let text_height = rest.height * 3 / 5;
            layout.text = Some(Rect {
                height: text_height,
                ..rest
            });
            layout.acts = Some(Rect {
                y: rest.y + text_height,
                height: rest.height - text_height,
                ..rest
            });
        } else {
            let acts_width = (rest.width * 2 / 5).max(20);
            let text_width = rest.width.saturating_sub(acts_width);
            layout.text = Some(Rect {
                width: text_width,
                ..rest
            });
            layout.acts = Some(Rect {
                x: rest.x + text_width,
                width: acts_width,
                ..rest
            });
        }
        return layout;
    }
    layout.mode = Mode::Wide;
    let (nav_width, text_width, acts_width) = wide_widths(width);
    layout.navigator = Some(Rect {
        width: nav_width,
        ..body
    });
    layout.text = Some(Rect {
        x: nav_width,
        width: text_width,
        ..body
    });
    layout.acts = Some(Rect {
        x: nav_width + text_width,
        width: acts_width,
        ..body
    });
    layout
}

/// Navigator, text and commitments widths side by side: the text gets the most up to
/// a comfortable reading measure, and past 160 columns the commitments take most of
/// what is left, as their rows carry whole objects.
fn wide_widths(width: u16) -> (u16, u16, u16) {
    let beyond = width.saturating_sub(160);
    let nav = (width / 6 + beyond * 3 / 10).clamp(22, 44);
    let acts = (width * 37 / 100 + beyond * 3 / 10).clamp(34, width.saturating_sub(nav + 40));
    (nav, width - nav - acts, acts)
}

fn split_columns(area: Rect, left: u16) -> (Option<Rect>, Rect) {
    let left = left.min(area.width);
    (
        Some(Rect {
            width: left,
            ..area
        }),
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    )
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

/// The text area inside the text pane: one column of padding each side.
pub fn text_area(rect: Rect) -> Rect {
    let inside = inner(rect);
    Rect {
        x: inside.x.saturating_add(1),
        width: inside.width.saturating_sub(2),
        ..inside
    }
}

/// The commitments pane needs this many rows inside before it shows a card.
const CARD_PANE_ROWS: u16 = 10;
/// Rows of the card at most; a longer object ends in "…".
pub const CARD_ROWS: u16 = 14;

/// The commitments pane `rect` split inside its border into the list and, when an act
/// is selected and the pane is tall enough, the card below: half the pane, up to
/// [`CARD_ROWS`]. The same for every act, so the list does not jump as the selection
/// moves.
pub fn act_areas(rect: Rect, selected: bool) -> (Rect, Option<Rect>) {
    let inside = inner(rect);
    if !selected || inside.height < CARD_PANE_ROWS {
        return (inside, None);
    }
    let card_height = (inside.height / 2).min(CARD_ROWS);
    let list = Rect {
        height: inside.height - card_height,
        ..inside
    };
    let card = Rect {
        y: list.bottom(),
        height: card_height,
        ..inside
    };
    (list, Some(card))
}

impl Layout {
    /// The pane under a screen position.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains((column, row).into()));
        [
            (self.navigator, Pane::Navigator),
            (self.text, Pane::Text),
            (self.acts, Pane::Acts),
        ]
        .into_iter()
        .find(|(r, _)| hit(*r))
        .map(|(_, p)| p)
    }

    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Navigator => self.navigator,
            Pane::Text => self.text,
            Pane::Acts => self.acts,
        }
    }

    /// Panes visible in this layout, in focus order.
    pub fn visible_panes(&self) -> Vec<Pane> {
        if self.mode == Mode::Narrow {
            return Pane::ALL.to_vec();
        }
        Pane::ALL
            .into_iter()
            .filter(|p| self.rect(*p).is_some())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATE: LayoutState = LayoutState {
        focus: Pane::Text,
        navigator_open: false,
        query_line: false,
    };

    #[test]
    fn the_act_card_takes_the_foot_of_a_tall_commitments_pane() {
        let pane = Rect::new(80, 1, 40, 38);
        let (list, card) = act_areas(pane, true);
        let card = card.expect("room for the card");
        assert_eq!(card.height, CARD_ROWS);
        assert_eq!((list.y, list.bottom(), card.bottom()), (2, card.y, 38));
        assert_eq!((list.x, list.width), (81, 38));
        assert_eq!(
            act_areas(pane, false),
            (inner(pane), None),
            "nothing selected"
        );
        let (list, card) = act_areas(Rect::new(80, 1, 40, 22), true);
        assert_eq!(card.unwrap().height, 10, "half the pane at most");
        assert_eq!(list.height, 10);
        let short = Rect::new(80, 1, 40, CARD_PANE_ROWS + 1);
        assert_eq!(
            act_areas(short, true),
            (inner(short), None),
            "the list comes first"
        );
    }

    #[test]
    fn wide_has_three_panes_side_by_side() {
        let l = compute(120, 40, STATE);
        assert_eq!(l.mode, Mode::Wide);
        let (n, t, a) = (l.navigator.unwrap(), l.text.unwrap(), l.acts.unwrap());
        assert_eq!(n.width + t.width + a.width, 120);
        assert!(t.width > n.width && t.width > a.width, "text is the widest");
        assert_eq!(n.height, 38);
    }

    #[test]
    fn wide_commitments_grow_past_160_columns() {
        let at = |w| {
            let l = compute(w, 50, STATE);
            (l.text.unwrap().width, l.acts.unwrap().width)
        };
        let (text160, acts160) = at(160);
        let (text200, acts200) = at(200);
        assert!(
            acts200 - acts160 > text200.saturating_sub(text160),
            "{acts160}->{acts200}"
        );
        assert!(text200 >= 70, "{text200}");
        for w in 100..400 {
            let l = compute(w, 50, STATE);
            let (n, t, a) = (l.navigator.unwrap(), l.text.unwrap(), l.acts.unwrap());
            assert_eq!(n.width + t.width + a.width, w);
            assert!(t.width >= 40 && a.width >= 34, "{w}");
        }
    }

    #[test]
    fn medium_folds_the_navigator_and_stacks() {
        let l = compute(80, 24, STATE);
        assert_eq!(l.mode, Mode::Medium);
        assert!(l.navigator.is_none());
        let (t, a) = (l.text.unwrap(), l.acts.unwrap());
        assert!(a.y > t.y && t.width == 80, "commitments below the text");
        let open = compute(
            80,
            24,
            LayoutState {
                navigator_open: true,
                ..STATE
            },
        );
        assert!(open.navigator.is_some());
        let short = compute(80, 12, STATE);
        assert!(
            short.acts.unwrap().x > short.text.unwrap().x,
            "beside when short"
        );
    }

    #[test]
    fn narrow_shows_one_pane_with_tabs() {
        let l = compute(
            40,
            15,
            LayoutState {
                focus: Pane::Acts,
                ..STATE
            },
        );
        assert_eq!(l.mode, Mode::Narrow);
        assert!(l.tabs.is_some() && l.acts.is_some() && l.text.is_none() && l.navigator.is_none());
    }

    #[test]
    fn too_small_and_degenerate_sizes() {
        for (w, h) in [(0, 0), (1, 1), (19, 6), (20, 5), (200, 3)] {
            assert_eq!(compute(w, h, STATE).mode, Mode::TooSmall, "{w}x{h}");
        }
        let l = compute(20, 6, STATE);
        assert_eq!(l.mode, Mode::Narrow);
        assert!(l.text.unwrap().height >= 3);
        let with_query = compute(
            20,
            6,
            LayoutState {
                query_line: true,
                ..STATE
            },
        );
        assert!(with_query.query.is_some());
    }

    #[test]
    fn every_size_fits_inside_the_screen() {
        for w in 0..130u16 {
            for h in 0..45u16 {
                for query_line in [false, true] {
                    let l = compute(
                        w,
                        h,
                        LayoutState {
                            query_line,
                            ..STATE
                        },
                    );
                    for r in [l.navigator, l.text, l.acts, l.query, l.tabs]
                        .into_iter()
                        .flatten()
                    {
                        assert!(r.right() <= w && r.bottom() <= h, "{w}x{h}: {r:?}");
                    }
                }
            }
        }
    }
}
