//! The command line: arguments, reading the statement, and choosing what to run —
//! the reader in a terminal, an export with `--export`, or the plain rendering when
//! output is piped or the terminal is dumb.
//!
//! Everything that can fail on bad input (the file, the cue lexicon) is done here,
//! before the reader takes over the screen, so errors are never lost in the alternate
//! screen.

mod compare;
mod input;
mod library;
mod library_view;
mod reader;
pub mod remember;
mod settings;

pub use input::{EMBEDDED_STATEMENT, Input, open, parse, preview_end, read_input};

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::analysis::{CueLexicon, Lexicons};
use crate::document::{self, LoadError, safe};
use crate::export::{self, CsvOptions, Format};
use crate::generate::{self, Generated};

#[derive(Debug, Parser)]
#[command(
    name = "communique",
    version,
    about = "Read joint statements, declarations and communiqués in the terminal, and see what their signatories committed to, condemned, demanded and welcomed.",
    after_help = "Without FILE, opens the embedded Japan–NATO joint press statement of 31 October 2017.\nIn a terminal, opens the reader (press ? for keys). Piped or with TERM=dumb, prints a plain rendering.\nExamples:\n  communique statement.txt\n  communique --export json statement.txt | jq '.commitments[] | select(.kind == \"demand\")'\n  curl -s URL | communique -"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Statement to read: plain text or Markdown; `-` reads standard input. Several
    /// files or a folder open a library.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Choose statements and acts across a library: the reader's query language, and
    /// `date:2023`, `date:2021..2023`, `party:japan`, `title:summit`.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// Write the analysis to standard output instead of opening the reader.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub export: Option<ExportFormat>,

    /// Start the CSV export with a UTF-8 byte-order mark (for spreadsheets that need it).
    #[arg(long)]
    pub csv_bom: bool,

    /// Leave out the CSV header row, so the CSVs of several statements concatenate.
    #[arg(long)]
    pub no_header: bool,

    /// Width of the plain rendering, in columns.
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
    pub width: u16,

    /// Merge a cue lexicon (JSON, same shape as assets/cues.json) over the embedded one.
    #[arg(global = true, long, value_name = "FILE")]
    pub cues: Option<PathBuf>,

    /// Colour theme of the reader.
    #[arg(global = true, long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,

    /// When to use colour; `never` (or NO_COLOR set) gives a monochrome reader.
    #[arg(global = true, long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Open a file even if it looks binary.
    #[arg(global = true, long)]
    pub force: bool,

    /// Print the plain rendering even in a terminal.
    #[arg(long)]
    pub plain: bool,

    /// Leave the mouse to the terminal, so its own selection and copy work.
    #[arg(global = true, long)]
    pub no_mouse: bool,

    /// Neither restore nor keep the reading position and marks.
    #[arg(long)]
    pub no_remember: bool,

    /// A library: read and analyse every file again, and keep nothing in the cache.
    #[arg(long)]
    pub no_cache: bool,

    /// Print the settings in effect (command line over settings file over defaults), as
    /// the settings file would say them, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Print the man page or a shell's completions and exit.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub generate: Option<Generated>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Compare two statements: what changed in what they commit to, demand and
    /// condemn. In a terminal, a compare view; piped, the Markdown briefing.
    Compare(compare::CompareArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    #[value(alias = "md")]
    Markdown,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// A failure to start, reported as `communique: <label>: <reason>`.
#[derive(Debug)]
pub struct Failure {
    pub label: String,
    pub reason: String,
}

impl Failure {
    /// The label is a path from the command line and may carry escape sequences like any
    /// untrusted text: it is made visible before it can reach the terminal.
    pub(super) fn new(label: impl Into<String>, reason: impl std::fmt::Display) -> Failure {
        let label = label.into();
        Failure {
            label: safe::visible(&label).into_owned(),
            reason: safe::visible(&reason.to_string()).into_owned(),
        }
    }
}

/// The user's cue lexicon merged over the embedded one, if `--cues` names one; read
/// and checked before anything else so its errors reach the user.
pub(super) fn load_user_cues(cues: Option<&Path>) -> Result<Option<CueLexicon>, Failure> {
    let Some(path) = cues else { return Ok(None) };
    let label = path.display().to_string();
    let bytes = std::fs::File::open(path)
        .map_err(|e| LoadError::from_io(&e))
        .and_then(input::read_capped)
        .map_err(|e| Failure::new(label.clone(), e))?;
    let text =
        String::from_utf8(bytes).map_err(|_| Failure::new(label.clone(), "not valid UTF-8"))?;
    CueLexicon::embedded_with(&text)
        .map(Some)
        .map_err(|e| Failure::new(label, e))
}

/// The lexicons to analyse with: the embedded ones, with the user's cues if any.
fn lexicons(user_cues: Option<CueLexicon>) -> Cow<'static, Lexicons> {
    match user_cues {
        Some(cues) => Cow::Owned(Lexicons {
            topics: Lexicons::embedded().topics.clone(),
            cues,
        }),
        None => Cow::Borrowed(Lexicons::embedded()),
    }
}

/// Whether the plain rendering is what the user gets (no terminal, a dumb one, or asked).
pub(super) fn wants_plain(args: &Args) -> bool {
    args.plain || !io::stdout().is_terminal() || std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// Runs communique with the process's arguments; the exit code follows grep: 0 done,
/// 1 bad input, 2 bad usage (from clap).
pub fn main() -> ExitCode {
    let matches = match Args::command().try_get_matches() {
        Ok(matches) => matches,
        Err(err) => return usage(&err),
    };
    let mut args = match Args::from_arg_matches(&matches) {
        Ok(args) => args,
        Err(err) => return usage(&err),
    };
    let settings = settings::settings(&mut args, &matches);
    match settings.and_then(|path| run(&args, path.as_deref())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = writeln!(
                io::stderr(),
                "communique: {}: {}",
                failure.label,
                failure.reason
            );
            ExitCode::FAILURE
        }
    }
}

/// Help, the version or a usage error. clap quotes the arguments it rejects, and they
/// may carry escape sequences: its message goes out through `visible` like any
/// untrusted text, on stdout for help and the version, on stderr (exit 2) otherwise.
fn usage(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let text = err.render().to_string();
    let shown = safe::visible_lines(&text);
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(io::stdout(), "{shown}");
            ExitCode::SUCCESS
        }
        _ => {
            let _ = write!(io::stderr(), "{shown}");
            ExitCode::from(2)
        }
    }
}

/// Whether standard output is open. When it was closed (`>&-`), Rust's start-up opens
/// /dev/null read-write in its place, so an export would "succeed" writing nothing; a
/// shell's `> /dev/null` opens it write-only, which this tells apart.
pub(super) fn stdout_is_open() -> bool {
    let fd = libc::STDOUT_FILENO;
    // SAFETY: fcntl and fstat only read the descriptor's flags and metadata, into a
    // zeroed stat owned here.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags == -1 {
            return false;
        }
        let mut stat: libc::stat = std::mem::zeroed();
        let is_null = libc::fstat(fd, &mut stat) == 0
            && (stat.st_mode & libc::S_IFMT) == libc::S_IFCHR
            && libc::major(stat.st_rdev) == 1
            && libc::minor(stat.st_rdev) == 3;
        !(is_null && flags & libc::O_ACCMODE == libc::O_RDWR)
    }
}

fn run(args: &Args, settings_file: Option<&Path>) -> Result<(), Failure> {
    if args.print_config {
        return settings::print_settings(args, settings_file).or_else(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(Failure::new(
                "standard output",
                document::source::io_reason(&e),
            )),
        });
    }
    if let Some(what) = args.generate {
        return match generate::write(what, Args::command(), &mut io::stdout().lock()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::new(
                "standard output",
                document::source::io_reason(&e),
            )),
            _ => Ok(()),
        };
    }
    if let Some(Command::Compare(compare_args)) = &args.command {
        return compare::run(args, compare_args);
    }
    if library::wanted(args) {
        return library::run(args);
    }
    let plain = wants_plain(args);
    if (args.export.is_some() || plain) && !stdout_is_open() {
        return Err(Failure::new("standard output", "closed"));
    }
    let mut input = read_input(args.files.first().map(PathBuf::as_path), args.force)?;
    let user_cues = load_user_cues(args.cues.as_deref())?;
    if args.export.is_none() && !plain {
        return reader::run_reader(args, input, user_cues);
    }
    if let Some(warning) = input.warning {
        let _ = writeln!(
            io::stderr(),
            "communique: {}: warning: {warning}",
            safe::visible(&input.label)
        );
    }
    let stdout = io::stdout();
    let result = if let Some(format) = args.export {
        let format = match format {
            ExportFormat::Json => Format::Json,
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Csv => Format::Csv,
        };
        let (statement, analysis) = open(&mut input, &lexicons(user_cues));
        let out = &mut stdout.lock();
        match format {
            Format::Csv => {
                let options = CsvOptions {
                    bom: args.csv_bom,
                    header: !args.no_header,
                };
                export::write_csv_with(&statement, &analysis, options, out)
            }
            _ => export::write(format, &statement, &analysis, out),
        }
    } else {
        // The plain rendering is the text alone: no analysis to wait for.
        export::write_plain(
            &parse(&mut input),
            usize::from(args.width),
            &mut stdout.lock(),
        )
    };
    match result {
        // A reader that stopped reading (`| head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(
            "standard output",
            document::source::io_reason(&e),
        )),
        Ok(()) => Ok(()),
    }
}
