//! `y`: the sentence in hand as a quotation with its citation, for the clipboard —
//! what an analyst pastes into a note: “…” — title, date, ¶ number (file).

use crate::document::{SentenceRef, Statement, safe};

use super::{App, Pane};

/// Longest quotation put on the clipboard, in bytes: terminals cap what OSC 52 takes
/// (some at 100 KB of encoded text), and a sentence is never near it.
const MAX_QUOTE: usize = 16 * 1024;

/// The sentence `y` copies: in the text pane the current match, else the first
/// sentence in view; elsewhere the selected act's.
fn sentence_in_hand(app: &App) -> Option<SentenceRef> {
    if app.focus == Pane::Text {
        if let Some(m) = app
            .matches
            .as_ref()
            .zip(app.match_cursor)
            .and_then(|(result, cursor)| result.sentences.get(cursor))
        {
            return m.at(&app.statement);
        }
        return first_sentence_in_view(app);
    }
    let act = app.selected_act()?;
    Some(app.analysis.commitments.get(act)?.sentence)
}

fn first_sentence_in_view(app: &App) -> Option<SentenceRef> {
    let rows = app.text_top..app.view.row_count();
    rows.take(64)
        .find_map(|row| match app.view.kind(&app.statement, row) {
            super::textview::RowKind::Text {
                paragraph, start, ..
            } => {
                let sentences = app.statement.paragraph_sentences(paragraph);
                let display = app.view.display(&app.statement, paragraph);
                let index = sentences
                    .iter()
                    .position(|s| display.map(s.end()) > start)
                    .unwrap_or(0);
                (!sentences.is_empty()).then_some(SentenceRef::new(paragraph, index))
            }
            _ => None,
        })
}

/// The quotation and what to call it in the status line ("¶3"), or `None` when there
/// is no sentence in hand.
pub fn quotation(app: &App) -> Option<(String, String)> {
    let at = sentence_in_hand(app)?;
    let statement = &app.statement;
    let text = safe::visible(statement.sentence_text(at));
    let cut = text.floor_char_boundary(MAX_QUOTE);
    let quoted = if cut < text.len() {
        format!("{}…", &text[..cut])
    } else {
        text.into_owned()
    };
    let number = statement.paragraph_number(at.paragraph());
    Some((
        format!("“{quoted}” — {}", citation(statement, &number)),
        format!("¶{number}"),
    ))
}

/// "Joint press statement, 31 October 2017, ¶3 (statement.txt)".
fn citation(statement: &Statement, number: &str) -> String {
    let meta = &statement.metadata;
    let mut out = safe::visible(&meta.title).into_owned();
    if let Some(date) = meta.date {
        out.push_str(", ");
        out.push_str(&date.long());
    }
    out.push_str(", ¶");
    out.push_str(&safe::visible(number));
    if let Some(name) = statement.file_name() {
        out.push_str(&format!(" ({})", safe::visible(&name)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Lexicons, analyse};
    use crate::app::{Action, update};
    use std::sync::Arc;

    fn app(text: &str) -> App {
        let mut statement = Statement::parse(text, "t");
        statement.source = Some("/home/someone/briefs/statement.txt".into());
        let analysis = analyse(&statement, Lexicons::embedded());
        App::new(Arc::new(statement), analysis, 100, 30)
    }

    #[test]
    fn the_selected_act_is_quoted_with_title_date_paragraph_and_file() {
        let mut app = app(
            "Joint Statement\n\n4 May 2024\n\n7. We agree on ports.\n\n8. We condemn the seizure of the lighthouse. It was wrong.\n",
        );
        update(&mut app, Action::Focus(Pane::Acts));
        update(&mut app, Action::Move(1));
        let (quote, what) = quotation(&app).expect("an act is selected");
        assert_eq!(
            quote,
            "“We condemn the seizure of the lighthouse.” — Joint Statement, 4 May 2024, ¶8 (statement.txt)"
        );
        assert_eq!(what, "¶8");
    }

    #[test]
    fn control_characters_are_made_visible() {
        let app = app("Statement\n\nWe condemn\u{1b}[2J the attack.\n");
        let (quote, _) = quotation(&app).unwrap();
        assert!(!quote.chars().any(char::is_control), "{quote:?}");
    }
}
