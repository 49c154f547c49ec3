//! The query line: an editable line (tui-input: cursor, words, graphemes) and the
//! queries accepted earlier in the session, browsed with ↑ and ↓ as in a shell.

use tui_input::{Input, InputRequest};

use super::action::Edit;

/// Queries kept in the history at most.
const HISTORY: usize = 100;

#[derive(Debug, Clone, Default)]
pub struct QueryLine {
    input: Input,
    history: Vec<String>,
    /// The history entry shown, while browsing it.
    browsing: Option<usize>,
    /// What was typed before browsing began, to come back to.
    draft: String,
}

impl QueryLine {
    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn is_empty(&self) -> bool {
        self.input.value().is_empty()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// The cursor's column and the first column shown, for a line `width` wide.
    pub fn visual(&self, width: usize) -> (usize, usize) {
        (self.input.visual_cursor(), self.input.visual_scroll(width))
    }

    /// Replaces the text, with the cursor at its end.
    pub fn set(&mut self, value: String) {
        self.input = Input::new(value);
        self.browsing = None;
    }

    pub fn clear(&mut self) {
        self.set(String::new());
    }

    /// Applies an edit; returns whether the text changed.
    pub fn edit(&mut self, edit: Edit) -> bool {
        let request = match edit {
            Edit::Insert(c) if c.is_control() => return false,
            Edit::Insert(c) => InputRequest::InsertChar(c),
            Edit::Left => InputRequest::GoToPrevChar,
            Edit::Right => InputRequest::GoToNextChar,
            Edit::WordLeft => InputRequest::GoToPrevWord,
            Edit::WordRight => InputRequest::GoToNextWord,
            Edit::Home => InputRequest::GoToStart,
            Edit::End => InputRequest::GoToEnd,
            Edit::Backspace => InputRequest::DeletePrevChar,
            Edit::Delete => InputRequest::DeleteNextChar,
            Edit::DeleteWordBack => InputRequest::DeletePrevWord,
            Edit::DeleteToStart => InputRequest::DeleteFromStart,
            Edit::DeleteToEnd => InputRequest::DeleteTillEnd,
            Edit::HistoryPrevious => return self.browse(-1),
            Edit::HistoryNext => return self.browse(1),
        };
        let changed = self.input.handle(request).is_some_and(|c| c.value);
        if changed {
            self.browsing = None;
        }
        changed
    }

    /// Inserts pasted text at the cursor, its line breaks and tabs as spaces so a
    /// pasted newline never accepts the query half-way.
    pub fn paste(&mut self, text: &str) -> bool {
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if clean.is_empty() {
            return false;
        }
        let value = self.input.value();
        let at = value
            .char_indices()
            .nth(self.input.cursor())
            .map_or(value.len(), |(i, _)| i);
        let cursor = self.input.cursor() + clean.chars().count();
        let joined = format!("{}{clean}{}", &value[..at], &value[at..]);
        self.input = Input::new(joined).with_cursor(cursor);
        self.browsing = None;
        true
    }

    /// Keeps the query in the history (not twice in a row).
    pub fn remember(&mut self) {
        let value = self.input.value().trim().to_string();
        self.browsing = None;
        if value.is_empty() || self.history.last() == Some(&value) {
            return;
        }
        self.history.push(value);
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
    }

    fn browse(&mut self, step: isize) -> bool {
        if self.history.is_empty() {
            return false;
        }
        let next = match (self.browsing, step < 0) {
            (None, true) => {
                self.draft = self.input.value().to_string();
                Some(self.history.len() - 1)
            }
            (None, false) => return false,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < self.history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        let value = match next {
            Some(i) => self.history[i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        let changed = value != self.input.value();
        self.input = Input::new(value);
        self.browsing = next;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> QueryLine {
        let mut line = QueryLine::default();
        for c in text.chars() {
            line.edit(Edit::Insert(c));
        }
        line
    }

    #[test]
    fn editing_moves_and_deletes_by_words() {
        let mut line = typed("urge north korea");
        line.edit(Edit::WordLeft);
        line.edit(Edit::DeleteWordBack);
        assert_eq!(line.value(), "urge korea");
        line.edit(Edit::Home);
        line.edit(Edit::Delete);
        assert_eq!(line.value(), "rge korea");
        line.edit(Edit::End);
        line.edit(Edit::Backspace);
        assert_eq!(line.value(), "rge kore");
        line.edit(Edit::WordLeft);
        line.edit(Edit::DeleteToStart);
        assert_eq!(line.value(), "kore");
        line.edit(Edit::DeleteToEnd);
        assert_eq!(line.value(), "");
    }

    #[test]
    fn paste_inserts_at_the_cursor_without_line_breaks() {
        let mut line = typed("urge ");
        line.edit(Edit::Home);
        assert!(line.paste("north\nkorea\r\n"));
        assert_eq!(line.value(), "north korea  urge ");
        assert_eq!(line.cursor(), 13);
    }

    #[test]
    fn history_goes_back_and_returns_to_the_draft() {
        let mut line = typed("korea");
        line.remember();
        line.set("kind:demand".into());
        line.remember();
        line.set("dra".into());
        assert!(line.edit(Edit::HistoryPrevious));
        assert_eq!(line.value(), "kind:demand");
        line.edit(Edit::HistoryPrevious);
        line.edit(Edit::HistoryPrevious);
        assert_eq!(line.value(), "korea");
        line.edit(Edit::HistoryNext);
        line.edit(Edit::HistoryNext);
        assert_eq!(line.value(), "dra");
        assert!(!line.edit(Edit::HistoryNext));
    }
}
