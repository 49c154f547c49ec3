//! Where the library view's panes go for a terminal size: shared by the update (paging,
//! keeping the selection in view) and the UI (drawing), so both agree.
//!
//! At 100 columns and more the acts and the timeline sit side by side under the table;
//! narrower, they share the place under the table and Tab brings either; on a short
//! terminal one pane fills the screen at a time.

use ratatui::layout::Rect;

use super::{LibraryPane, LibraryView};

/// Smallest terminal the view draws in; below it, a "too small" message.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
const SIDE_BY_SIDE: u16 = 100;
/// Below this many rows one pane shows at a time.
const STACKED: u16 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub too_small: bool,
    pub header: Rect,
    pub table: Option<Rect>,
    pub acts: Option<Rect>,
    pub timeline: Option<Rect>,
    pub query: Option<Rect>,
    pub status: Rect,
}

impl LibraryView {
    /// Whether the query line shows: while editing, or with a query.
    pub fn query_shown(&self) -> bool {
        self.editing || !self.query.is_empty()
    }

    pub fn panes(&self) -> Panes {
        let (width, height) = (self.width, self.height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Panes {
                too_small: true,
                ..Panes::default()
            };
        }
        let query = self.query_shown();
        let bottom = 1 + u16::from(query);
        let main = Rect::new(0, 1, width, height - 1 - bottom);
        let mut panes = Panes {
            too_small: false,
            header: Rect::new(0, 0, width, 1),
            query: query.then(|| Rect::new(0, height - 2, width, 1)),
            status: Rect::new(0, height - 1, width, 1),
            ..Panes::default()
        };
        if height < STACKED {
            match self.focus {
                LibraryPane::Table => panes.table = Some(main),
                LibraryPane::Acts => panes.acts = Some(main),
                LibraryPane::Timeline => panes.timeline = Some(main),
            }
            return panes;
        }
        let table_height = (main.height * 11 / 20).max(5);
        panes.table = Some(Rect::new(0, main.y, width, table_height));
        let below = Rect::new(0, main.y + table_height, width, main.height - table_height);
        if width >= SIDE_BY_SIDE {
            let timeline = (width * 2 / 5).max(36);
            panes.acts = Some(Rect::new(0, below.y, width - timeline, below.height));
            panes.timeline = Some(Rect::new(width - timeline, below.y, timeline, below.height));
        } else if self.focus == LibraryPane::Timeline {
            panes.timeline = Some(below);
        } else {
            panes.acts = Some(below);
        }
        panes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(width: u16, height: u16) -> LibraryView {
        LibraryView::new(Vec::new(), width, height)
    }

    #[test]
    fn wide_terminals_show_every_pane_and_the_panes_fill_the_screen_without_overlap() {
        let panes = view(120, 40).panes();
        let (table, acts, timeline) = (
            panes.table.unwrap(),
            panes.acts.unwrap(),
            panes.timeline.unwrap(),
        );
        assert_eq!(table.y, 1);
        assert_eq!(acts.y, table.bottom());
        assert_eq!(acts.right(), timeline.x);
        assert_eq!(timeline.right(), 120);
        assert_eq!(acts.bottom(), panes.status.y);
    }

    #[test]
    fn narrow_terminals_share_the_place_under_the_table_and_short_ones_show_one_pane() {
        let mut v = view(80, 24);
        assert!(v.panes().acts.is_some() && v.panes().timeline.is_none());
        v.focus = LibraryPane::Timeline;
        assert!(v.panes().acts.is_none() && v.panes().timeline.is_some());
        let mut short = view(60, 10);
        short.focus = LibraryPane::Acts;
        let panes = short.panes();
        assert!(panes.table.is_none() && panes.acts.unwrap().height == 8);
        assert!(view(19, 10).panes().too_small);
    }
}
