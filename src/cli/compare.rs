//! `communique compare OLD NEW`: both statements read and analysed (on two threads),
//! compared, and the result written as JSON or Markdown, or shown in the compare view.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use clap::ValueEnum;

use super::input::{Input, open, read_input};
use super::{Args, Failure, lexicons, load_user_cues, stdout_is_open, wants_plain};
use crate::analysis::{Analysis, Lexicons};
use crate::app::compare::{CompareView, Compared};
use crate::compare::{self, Comparison, Side};
use crate::document::{self, Statement, safe};
use crate::export;
use crate::terminal::{self, Ending};

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The earlier statement (`-` reads standard input).
    pub old: PathBuf,
    /// The later statement.
    pub new: PathBuf,
    /// Write the comparison to standard output instead of opening the compare view.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub export: Option<CompareFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Json,
    #[value(alias = "md")]
    Markdown,
}

pub(super) fn run(args: &Args, compare_args: &CompareArgs) -> Result<(), Failure> {
    if compare_args.old.as_os_str() == "-" && compare_args.new.as_os_str() == "-" {
        return Err(Failure::new(
            "standard input",
            "only one of the two statements can come from standard input",
        ));
    }
    let to_stdout = compare_args.export.is_some() || wants_plain(args);
    if to_stdout && !stdout_is_open() {
        return Err(Failure::new("standard output", "closed"));
    }
    let mut old_input = read_input(Some(&compare_args.old), args.force)?;
    let mut new_input = read_input(Some(&compare_args.new), args.force)?;
    let user_cues = load_user_cues(args.cues.as_deref())?;
    for input in [&old_input, &new_input] {
        if let Some(warning) = &input.warning {
            let _ = writeln!(
                io::stderr(),
                "communique: {}: warning: {warning}",
                safe::visible(&input.label)
            );
        }
    }
    let lexicons = lexicons(user_cues);
    let ((old_statement, old_analysis), (new_statement, new_analysis)) =
        analyse_both(&mut old_input, &mut new_input, &lexicons);
    let old = Side {
        statement: &old_statement,
        analysis: &old_analysis,
    };
    let new = Side {
        statement: &new_statement,
        analysis: &new_analysis,
    };
    let comparison = compare::compare(old, new);
    if !to_stdout {
        let compared = Compared {
            old: Arc::new(old_statement),
            old_analysis: Arc::new(old_analysis),
            new: Arc::new(new_statement),
            new_analysis: Arc::new(new_analysis),
        };
        return show(args, compared, comparison);
    }
    let out = &mut io::stdout().lock();
    let written = match compare_args.export {
        Some(CompareFormat::Json) => export::write_compare_json(old, new, &comparison, out),
        _ => export::write_compare_markdown(old, new, &comparison, out),
    };
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::new(
            "standard output",
            document::source::io_reason(&e),
        )),
        _ => Ok(()),
    }
}

/// The compare view in the terminal.
fn show(args: &Args, compared: Compared, comparison: Comparison) -> Result<(), Failure> {
    let (width, height) = terminal::size();
    let mut view = CompareView::new(compared, comparison, width, height);
    view.appearance = super::reader::appearance(args);
    match terminal::run_compare(&mut view) {
        Ok(Ending::Quit) => Ok(()),
        Ok(Ending::Signal(sig)) => super::reader::die_by(sig),
        Err(e) => Err(Failure::new("terminal", document::source::io_reason(&e))),
    }
}

/// Both statements parsed and analysed, the second on a thread of its own.
fn analyse_both(
    old: &mut Input,
    new: &mut Input,
    lexicons: &Lexicons,
) -> ((Statement, Analysis), (Statement, Analysis)) {
    std::thread::scope(|scope| {
        let later = scope.spawn(|| open(new, lexicons));
        let earlier = open(old, lexicons);
        let later = later
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (earlier, later)
    })
}
