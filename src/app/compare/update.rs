//! Applying an action to the compare view.

use super::{CompareAction, ComparePane, CompareView};
use crate::app::Edit;

impl CompareView {
    /// Applies `action`.
    pub fn update(&mut self, action: CompareAction) {
        if !matches!(action, CompareAction::Resize(..)) {
            self.notice = None;
        }
        let (text_height, acts_height) = self.pane_heights();
        match action {
            CompareAction::Resize(w, h) => {
                self.width = w.min(crate::app::layout::MAX_DRAWN);
                self.height = h.min(crate::app::layout::MAX_DRAWN);
            }
            CompareAction::Quit => self.quit = true,
            CompareAction::Suspend | CompareAction::Redraw => {}
            CompareAction::ToggleHelp => self.help = !self.help,
            CompareAction::ToggleTopics => self.topics = !self.topics,
            CompareAction::Move(d) => self.step(d),
            CompareAction::Page(d) => {
                let page = match self.focus {
                    ComparePane::Text => text_height,
                    ComparePane::Acts => acts_height,
                };
                self.step(d * page.saturating_sub(1).max(1) as isize);
            }
            CompareAction::Top => self.step(isize::MIN / 2),
            CompareAction::Bottom => self.step(isize::MAX / 2),
            CompareAction::NextChange(step) => self.next_change(step),
            CompareAction::SwitchPane => {
                self.focus = match self.focus {
                    ComparePane::Text => ComparePane::Acts,
                    ComparePane::Acts => ComparePane::Text,
                }
            }
            CompareAction::ToggleDetail => {
                self.detail = !self.detail && self.selected().is_some();
                self.show_selected();
            }
            CompareAction::ToggleUnchanged => {
                self.show_unchanged = !self.show_unchanged;
                self.refilter();
                self.notice = Some(
                    if self.show_unchanged {
                        "unchanged acts listed too"
                    } else {
                        "unchanged acts hidden"
                    }
                    .into(),
                );
            }
            CompareAction::StartFilter => self.editing = true,
            CompareAction::Edit(edit) => {
                if edit == Edit::Backspace && self.query.is_empty() {
                    self.editing = false;
                } else if self.query.edit(edit) {
                    self.refilter();
                }
            }
            CompareAction::Paste(text) => {
                self.editing = true;
                if self.query.paste(&text) {
                    self.refilter();
                }
            }
            CompareAction::FilterAccept => {
                self.editing = false;
                self.query.remember();
            }
            CompareAction::FilterCancel => {
                self.editing = false;
                self.query.clear();
                self.refilter();
            }
            CompareAction::Back => {
                if self.help {
                    self.help = false;
                } else if self.topics {
                    self.topics = false;
                } else if self.detail {
                    self.detail = false;
                } else if !self.query.is_empty() {
                    self.query.clear();
                    self.refilter();
                } else if self.from_library {
                    self.quit = true;
                    self.went_back = true;
                }
            }
        }
        self.relayout();
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            ComparePane::Text => {
                self.text_top = self.text_top.saturating_add_signed(delta);
            }
            ComparePane::Acts => {
                let last = self.listed.len().saturating_sub(1);
                self.cursor = self.cursor.saturating_add_signed(delta).min(last);
                self.show_selected();
            }
        }
    }
}
