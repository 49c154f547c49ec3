//! The command line: arguments, reading the statement, and choosing what to run —
//! the reader in a terminal, an export with `--export`, or the plain rendering when
//! output is piped or the terminal is dumb.
//!
//! Everything that can fail on bad input (the file, the cue lexicon) is done here,
//! before the reader takes over the screen, so errors are never lost in the alternate
//! screen.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches, Parser, ValueEnum};

use crate::analysis::{self, Analysis, CueLexicon, Lexicons};
use crate::app::{App, Appearance};
use crate::config;
use crate::document::source::{MAX_BYTES, Warning};
use crate::document::{self, LoadError, Statement, safe};
use crate::export::{self, CsvOptions, Format};
use crate::generate::{self, Generated};
use crate::memory;
use crate::terminal::{self, Ending};

/// The statement shipped with communique, opened when no file is given.
pub const EMBEDDED_STATEMENT: &str =
    include_str!("../assets/japan-nato-joint-press-statement-2017.txt");
const EMBEDDED_TITLE: &str = "Japan–NATO joint press statement";

#[derive(Debug, Parser)]
#[command(
    name = "communique",
    version,
    about = "Read joint statements, declarations and communiqués in the terminal, and see what their signatories committed to, condemned, demanded and welcomed.",
    after_help = "Without FILE, opens the embedded Japan–NATO joint press statement of 31 October 2017.\nIn a terminal, opens the reader (press ? for keys). Piped or with TERM=dumb, prints a plain rendering.\nExamples:\n  communique statement.txt\n  communique --export json statement.txt | jq '.commitments[] | select(.kind == \"demand\")'\n  curl -s URL | communique -"
)]
pub struct Args {
    /// Statement to read: plain text or Markdown; `-` reads standard input.
    pub file: Option<PathBuf>,

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
    #[arg(long, value_name = "FILE")]
    pub cues: Option<PathBuf>,

    /// Colour theme of the reader.
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,

    /// When to use colour; `never` (or NO_COLOR set) gives a monochrome reader.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Open a file even if it looks binary.
    #[arg(long)]
    pub force: bool,

    /// Print the plain rendering even in a terminal.
    #[arg(long)]
    pub plain: bool,

    /// Leave the mouse to the terminal, so its own selection and copy work.
    #[arg(long)]
    pub no_mouse: bool,

    /// Print the settings in effect (command line over settings file over defaults), as
    /// the settings file would say them, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Print the man page or a shell's completions and exit.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub generate: Option<Generated>,
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

/// A statement read from somewhere, ready to parse.
#[derive(Debug)]
pub struct Input {
    /// How errors and warnings name it: the path, or "standard input".
    pub label: String,
    /// The path for the JSON `source` field.
    pub source: Option<String>,
    pub fallback_title: String,
    pub text: String,
    pub warning: Option<Warning>,
    /// From the file name: `.md` and `.markdown` are Markdown; `None` lets the parser
    /// decide from the text.
    pub markdown: Option<bool>,
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
    fn new(label: impl Into<String>, reason: impl std::fmt::Display) -> Failure {
        let label = label.into();
        Failure {
            label: safe::visible(&label).into_owned(),
            reason: safe::visible(&reason.to_string()).into_owned(),
        }
    }
}

/// The bytes of a file or stream, at most [`MAX_BYTES`]: the cap is on what is read, not the
/// size announced, so /dev/zero, a FIFO, `<(yes)` or a file that grows while read stop
/// there with an error instead of filling memory.
fn read_capped(input: impl Read) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge(None));
    }
    Ok(bytes)
}

/// Whether standard input carries a statement: a pipe, a socket or a regular file, as
/// `less` and `bat` read it. A terminal, `/dev/null` (also what a closed descriptor
/// becomes) and other devices do not.
fn stdin_carries_text() -> bool {
    let mut stat = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: fstat only writes the descriptor's metadata into the zeroed stat owned
    // here, and it is read only when fstat succeeded.
    let mode = unsafe {
        if libc::fstat(libc::STDIN_FILENO, stat.as_mut_ptr()) != 0 {
            return false;
        }
        stat.assume_init().st_mode & libc::S_IFMT
    };
    matches!(mode, libc::S_IFIFO | libc::S_IFREG | libc::S_IFSOCK)
}

pub fn read_input(file: Option<&Path>, force: bool) -> Result<Input, Failure> {
    let piped = file.is_none() && stdin_carries_text();
    let file = if piped { Some(Path::new("-")) } else { file };
    let Some(path) = file else {
        return Ok(Input {
            label: "embedded statement".into(),
            source: None,
            fallback_title: EMBEDDED_TITLE.into(),
            text: EMBEDDED_STATEMENT.into(),
            warning: None,
            markdown: Some(false),
        });
    };
    let (label, source, fallback_title, bytes) = if path.as_os_str() == "-" {
        let bytes =
            read_capped(io::stdin().lock()).map_err(|e| Failure::new("standard input", e))?;
        (
            "standard input".to_string(),
            None,
            "Statement from standard input".to_string(),
            bytes,
        )
    } else {
        let label = path.display().to_string();
        if path.is_dir() {
            return Err(Failure::new(label, LoadError::IsDirectory));
        }
        if let Ok(meta) = std::fs::metadata(path)
            && meta.len() > MAX_BYTES
        {
            return Err(Failure::new(
                label,
                LoadError::TooLarge(Some(meta.len() >> 20)),
            ));
        }
        let bytes = std::fs::File::open(path)
            .map_err(|e| LoadError::from_io(&e))
            .and_then(read_capped)
            .map_err(|e| Failure::new(label.clone(), e))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| label.clone());
        (label.clone(), Some(label), stem, bytes)
    };
    let decoded = document::decode(bytes, force).map_err(|e| Failure::new(label.clone(), e))?;
    let markdown = match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if e == "md" || e == "markdown" => Some(true),
        _ => None,
    };
    Ok(Input {
        label,
        source,
        fallback_title,
        text: decoded.text,
        warning: decoded.warning,
        markdown,
    })
}

/// Parses an input. The text is taken out of it and dropped once parsed, so a large
/// file is not held twice while it is analysed.
pub fn parse(input: &mut Input) -> Statement {
    let text = std::mem::take(&mut input.text);
    let mut statement = Statement::parse_with(&text, &input.fallback_title, input.markdown);
    statement.source = input.source.clone();
    statement
}

/// Statements longer than this open on their beginning, this long, while the rest is
/// read: the first screen then costs about what reading the file does.
const PREVIEW_BYTES: usize = 256 * 1024;

/// Where the beginning shown first ends, for a text long enough to need one: at the
/// first blank line past [`PREVIEW_BYTES`], so no paragraph is cut.
pub fn preview_end(text: &str) -> Option<usize> {
    if text.len() < 2 * PREVIEW_BYTES {
        return None;
    }
    let bytes = text.as_bytes();
    let from = PREVIEW_BYTES;
    let blank = memchr::memmem::find(&bytes[from..], b"\n\n").map(|i| from + i + 2);
    let line = || memchr::memchr(b'\n', &bytes[from..]).map(|i| from + i + 1);
    blank
        .filter(|&end| end - from < PREVIEW_BYTES)
        .or_else(line)
        .filter(|&end| text.is_char_boundary(end))
}

fn statement_of(text: &str, input: &Input) -> Statement {
    let mut statement = Statement::parse_with(text, &input.fallback_title, input.markdown);
    statement.source = input.source.clone();
    statement
}

/// Parses and analyses an input with the given lexicons.
pub fn open(input: &mut Input, lexicons: &Lexicons) -> (Statement, Analysis) {
    let statement = parse(input);
    memory::give_back();
    let analysis =
        analysis::analyse_with_progress(&statement, lexicons, &memory::giving_back(|_| {}));
    (statement, analysis)
}

/// The user's cue lexicon merged over the embedded one, if `--cues` names one; read
/// and checked before anything else so its errors reach the user.
fn load_user_cues(cues: Option<&Path>) -> Result<Option<CueLexicon>, Failure> {
    let Some(path) = cues else { return Ok(None) };
    let label = path.display().to_string();
    let bytes = std::fs::File::open(path)
        .map_err(|e| LoadError::from_io(&e))
        .and_then(read_capped)
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
fn wants_plain(args: &Args) -> bool {
    args.plain || !io::stdout().is_terminal() || std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// Opens the reader in the terminal: the text at once, the analysis as soon as it is
/// done on a second thread (compiling the embedded lexicons is most of start-up).
fn run_reader(args: &Args, mut input: Input, user_cues: Option<CueLexicon>) -> Result<(), Failure> {
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
    let settings = settings(&mut args, &matches);
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

/// Applies the settings file under what the command line gave; returns its path.
fn settings(args: &mut Args, matches: &clap::ArgMatches) -> Result<Option<PathBuf>, Failure> {
    use clap::parser::ValueSource;
    let Some(path) = config::path() else {
        return Ok(None);
    };
    let config = config::load(&path).map_err(|reason| {
        Failure::new(safe::visible(&path.to_string_lossy()).into_owned(), reason)
    })?;
    let unset = |id: &str| matches.value_source(id) != Some(ValueSource::CommandLine);
    if let Some(theme) = config.theme.filter(|_| unset("theme")) {
        args.theme = match theme {
            config::Theme::Dark => ThemeName::Dark,
            config::Theme::Light => ThemeName::Light,
        };
    }
    if let Some(color) = config.color.filter(|_| unset("color")) {
        args.color = match color {
            config::Colour::Auto => ColorChoice::Auto,
            config::Colour::Always => ColorChoice::Always,
            config::Colour::Never => ColorChoice::Never,
        };
    }
    if let Some(width) = config.width.filter(|_| unset("width")) {
        args.width = width;
    }
    if config.mouse == Some(false) {
        args.no_mouse = true;
    }
    Ok(Some(path))
}

/// The settings in effect, as the settings file would say them.
fn print_settings(args: &Args, path: Option<&Path>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match path {
        Some(path) => writeln!(
            out,
            "# settings file: {}{}",
            safe::visible(&path.to_string_lossy()),
            if path.exists() { "" } else { " (none there)" }
        )?,
        None => writeln!(
            out,
            "# no settings file (neither XDG_CONFIG_HOME nor HOME is set)"
        )?,
    }
    let name = |v: &dyn Fn() -> Option<clap::builder::PossibleValue>| {
        v().map(|p| p.get_name().to_string()).unwrap_or_default()
    };
    writeln!(
        out,
        "theme = \"{}\"",
        name(&|| args.theme.to_possible_value())
    )?;
    writeln!(
        out,
        "color = \"{}\"",
        name(&|| args.color.to_possible_value())
    )?;
    writeln!(out, "mouse = {}", !args.no_mouse)?;
    writeln!(out, "width = {}", args.width)?;
    out.flush()
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
fn stdout_is_open() -> bool {
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
        return print_settings(args, settings_file).or_else(|e| match e.kind() {
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
    let plain = wants_plain(args);
    if (args.export.is_some() || plain) && !stdout_is_open() {
        return Err(Failure::new("standard output", "closed"));
    }
    let mut input = read_input(args.file.as_deref(), args.force)?;
    let user_cues = load_user_cues(args.cues.as_deref())?;
    if args.export.is_none() && !plain {
        return run_reader(args, input, user_cues);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_ends_at_a_blank_line_past_its_length() {
        assert_eq!(preview_end("short text"), None);
        let paragraph = "We are committed to peace. ".repeat(20) + "\n\n";
        let text = paragraph.repeat(2 * PREVIEW_BYTES / paragraph.len() + 2);
        let end = preview_end(&text).unwrap();
        assert!(end >= PREVIEW_BYTES && end < PREVIEW_BYTES + paragraph.len());
        assert!(text[..end].ends_with("\n\n") || text[..end].ends_with('\n'));
        assert!(text[end..].starts_with("We are"), "no paragraph is cut");
    }
}
