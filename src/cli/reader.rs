//! Opening the reader in the terminal on a statement read by [`super::input`].

use std::io::{self, Write};
use std::sync::Arc;

use super::input::{Input, preview_end, statement_of};
use super::{Args, ColorChoice, Failure, ThemeName, lexicons};
use crate::analysis::{self, CueLexicon};
use crate::app::{App, Appearance};
use crate::document::{self, Statement, safe};
use crate::terminal::{self, Ending};

/// Opens the reader in the terminal: the text at once, the analysis as soon as it is
/// done on a second thread (compiling the embedded lexicons is most of start-up).
pub(super) fn run_reader(
    args: &Args,
    mut input: Input,
    user_cues: Option<CueLexicon>,
) -> Result<(), Failure> {
    let (width, height) = terminal::size();
    let text = std::mem::take(&mut input.text);
    let (first, read) = match preview_end(&text) {
        // A long statement opens on its beginning; the rest is read on a second thread.
        Some(end) => {
            let first = statement_of(&text[..end], &input);
            let (fallback, markdown, source) = (
                input.fallback_title.clone(),
                input.markdown,
                input.source.clone(),
            );
            let read: terminal::ReadJob = Box::new(move || {
                let mut whole = Statement::parse_with(&text, &fallback, markdown);
                whole.source = source;
                whole
            });
            (first, Some(read))
        }
        None => (statement_of(&text, &input), None),
    };
    let mut app = App::pending(Arc::new(first), width, height);
    app.reading = read.is_some();
    app.appearance = Appearance {
        light: args.theme == ThemeName::Light,
        monochrome: match args.color {
            ColorChoice::Never => true,
            ColorChoice::Always => false,
            ColorChoice::Auto => std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        },
    };
    if args.color == ColorChoice::Always {
        crossterm::style::force_color_output(true);
    }
    app.warning = input
        .warning
        .map(|w| format!("{}: {w}", safe::visible(&input.label)));
    let background = terminal::Background {
        read,
        analyse: Box::new(move |statement, progress: &dyn Fn(usize)| {
            analysis::analyse_with_progress(statement, &lexicons(user_cues), progress)
        }),
    };
    terminal::capture_mouse(!args.no_mouse);
    match terminal::run(app, Some(background)) {
        Ok(Ending::Quit) => Ok(()),
        Ok(Ending::Signal(sig)) => die_by(sig),
        Err(e) => Err(Failure::new("terminal", document::source::io_reason(&e))),
    }
}

/// Ends the process by `signal` with its default action, the terminal already given
/// back, so the shell (and `wait`) sees a death by that signal as it would without
/// our handler; 128 + the signal if it somehow returns.
fn die_by(signal: i32) -> ! {
    let _ = io::stdout().flush();
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}
