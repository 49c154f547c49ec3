//! Opening the reader in the terminal on a statement read by [`super::input`], where
//! the last session on the same text left it ([`super::remember`]).

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use super::input::{Input, Parsing, preview_end, statement_of};
use super::remember;
use super::{Args, ColorChoice, Failure, ThemeName, lexicons};
use crate::analysis::{self, CueLexicon};
use crate::app::marks::Remembered;
use crate::app::{App, Appearance};
use crate::document::{self, safe};
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
    let memory = (!args.no_remember)
        .then(|| ReadingMemory::open(&text))
        .flatten();
    let (first, read) = match preview_end(&text) {
        // A long statement opens on its beginning; the rest is read on a second thread.
        Some(end) => {
            let first = statement_of(&text[..end], &input);
            let parsing = Parsing::of(&input);
            let read: terminal::ReadJob = Box::new(move || parsing.parse(&text));
            (first, Some(read))
        }
        None => (statement_of(&text, &input), None),
    };
    let mut app = App::pending(Arc::new(first), width, height);
    app.reading = read.is_some();
    app.appearance = appearance(args);
    app.warning = input
        .warning
        .map(|w| format!("{}: {w}", safe::visible(&input.label)));
    let background = terminal::Background {
        read,
        analyse: Box::new(move |statement, progress: &dyn Fn(usize)| {
            analysis::analyse_with_progress(statement, &lexicons(user_cues), progress)
        }),
    };
    if let Some(memory) = &memory {
        if let Some(remembered) = memory.recalled.clone() {
            app.restore(remembered);
        }
        app.notice = memory.trouble.clone();
    }
    terminal::capture_mouse(!args.no_mouse);
    let ending = terminal::run(&mut app, Some(background));
    // Kept however the reader ended: a closed terminal window or a SIGTERM at logout
    // should not lose the place any more than q does.
    if let Some(memory) = memory {
        memory.keep(&app);
    }
    match ending {
        Ok(Ending::Quit) => Ok(()),
        Ok(Ending::Signal(sig)) => die_by(sig),
        Err(e) => Err(Failure::new("terminal", document::source::io_reason(&e))),
    }
}

/// Where this statement's reading memory is kept, and what was kept of it.
struct ReadingMemory {
    path: PathBuf,
    key: String,
    recalled: Option<Remembered>,
    /// Why the state file was ignored, for the status line.
    trouble: Option<String>,
}

impl ReadingMemory {
    /// The memory of the statement with `text`: none without a home to keep it in. A
    /// state file that cannot be read is reported on standard error (seen when the
    /// reader ends) and in the status line, and replaced on the way out.
    fn open(text: &str) -> Option<ReadingMemory> {
        let path = remember::path()?;
        let key = remember::key(text);
        let (recalled, trouble) =
            match remember::Positions::load(&path).and_then(|positions| positions.recall(&key)) {
                Ok(recalled) => (recalled, None),
                Err(reason) => {
                    let shown = safe::visible(&path.to_string_lossy()).into_owned();
                    let reason = safe::visible(&reason).into_owned();
                    let _ = writeln!(
                        io::stderr(),
                        "communique: {shown}: warning: {reason}; reading positions start afresh"
                    );
                    (
                        None,
                        Some(format!("reading positions start afresh: {reason}")),
                    )
                }
            };
        Some(ReadingMemory {
            path,
            key,
            recalled,
            trouble,
        })
    }

    /// Keeps where the reader is and its marks; a failure is a warning, not an error.
    fn keep(self, app: &App) {
        if let Err(reason) = remember::save(&self.path, &self.key, app.remembered()) {
            let _ = writeln!(
                io::stderr(),
                "communique: {}: warning: the reading position was not kept: {}",
                safe::visible(&self.path.to_string_lossy()),
                safe::visible(&reason)
            );
        }
    }
}

/// How the reader (or the compare view) is drawn, as the flags and NO_COLOR say.
pub(super) fn appearance(args: &Args) -> Appearance {
    if args.color == ColorChoice::Always {
        crossterm::style::force_color_output(true);
    }
    Appearance {
        light: args.theme == ThemeName::Light,
        monochrome: match args.color {
            ColorChoice::Never => true,
            ColorChoice::Always => false,
            ColorChoice::Auto => std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        },
    }
}

/// Ends the process by `signal` with its default action, the terminal already given
/// back, so the shell (and `wait`) sees a death by that signal as it would without
/// our handler; 128 + the signal if it somehow returns.
pub(super) fn die_by(signal: i32) -> ! {
    let _ = io::stdout().flush();
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(128 + signal)
}
