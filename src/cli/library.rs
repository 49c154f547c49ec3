//! A library on the command line: `communique DIR`, `communique FILE FILE…`, or any
//! FILE with `--query`. Every statement found is read and analysed on all cores; with
//! `--export` the chosen statements are written (JSON Lines, one CSV, one Markdown
//! briefing with a table of contents), on a terminal the library view, else a table
//! of them, newest first.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::input::{parse, read_input};
use super::{Args, ExportFormat, Failure, lexicons, load_user_cues, stdout_is_open, wants_plain};
use crate::analysis::{Analysis, CommitmentKind};
use crate::document::{self, Statement, safe};
use crate::export::{self, CsvOptions};
use crate::library::{self, LibraryQuery};

/// Whether the command line names a library rather than one statement.
pub(super) fn wanted(args: &Args) -> bool {
    args.files.len() > 1 || args.files.first().is_some_and(|p| p.is_dir()) || args.query.is_some()
}

pub(super) fn run(args: &Args) -> Result<(), Failure> {
    if !stdout_is_open() {
        return Err(Failure::new("standard output", "closed"));
    }
    let query = LibraryQuery::parse(args.query.as_deref().unwrap_or(""))
        .map_err(|reason| Failure::new("--query", reason))?;
    let files = library::discover(&args.files);
    if files.is_empty() {
        let label = args
            .files
            .first()
            .map_or("-".into(), |p| p.display().to_string());
        return Err(Failure::new(
            label,
            "no statements in it (.txt, .md, .markdown)",
        ));
    }
    // Nothing named exists: a mistyped command line, said at once (each name, as cat
    // does) rather than in a library of failures.
    if !args.files.is_empty() && args.files.iter().all(|p| !p.exists()) {
        let (last, rest) = args.files.split_last().expect("not empty");
        for missing in rest {
            let _ = writeln!(
                io::stderr(),
                "communique: {}: no such file or folder",
                safe::visible(&missing.display().to_string())
            );
        }
        return Err(Failure::new(
            last.display().to_string(),
            "no such file or folder",
        ));
    }
    if args.export.is_none() && !wants_plain(args) {
        return super::library_view::run(args, files);
    }
    let lexicons = lexicons(load_user_cues(args.cues.as_deref())?);
    let open = |path: &Path| -> Result<Statement, String> {
        let mut input = read_input(Some(path), args.force).map_err(|f| f.reason)?;
        if let Some(warning) = input.warning.take() {
            let _ = writeln!(
                io::stderr(),
                "communique: {}: warning: {warning}",
                safe::visible(&input.label)
            );
        }
        Ok(parse(&mut input))
    };
    let mut failed = 0;
    let mut note_failure = |path: &Path, reason: &str| {
        failed += 1;
        let _ = writeln!(
            io::stderr(),
            "communique: {}: {}",
            safe::visible(&path.display().to_string()),
            safe::visible(reason)
        );
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match args.export {
        Some(format) => {
            let mut writer = Writer::new(format, args);
            let result = library::for_each(&files, &lexicons, open, |path, opened| {
                match opened {
                    Err(reason) => note_failure(path, &reason),
                    Ok((statement, analysis)) => {
                        if let Some(chosen) = query.apply(&statement, &analysis) {
                            writer.write(&statement, &chosen, &mut out)?;
                        }
                    }
                }
                Ok(())
            });
            result.and_then(|()| writer.finish(&mut out))
        }
        None => {
            let mut rows = Vec::new();
            let result = library::for_each(&files, &lexicons, open, |path, opened| {
                match opened {
                    Err(reason) => note_failure(path, &reason),
                    Ok((statement, analysis)) => {
                        if let Some(chosen) = query.apply(&statement, &analysis) {
                            rows.push(Row::of(path, &statement, &chosen));
                        }
                    }
                }
                Ok::<(), io::Error>(())
            });
            result.and_then(|()| write_table(&mut rows, &mut out))
        }
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(Failure::new(
                "standard output",
                document::source::io_reason(&e),
            ));
        }
        _ => {}
    }
    if failed > 0 {
        return Err(Failure::new(
            "library",
            format!(
                "{failed} of {} files could not be read (see above)",
                files.len()
            ),
        ));
    }
    Ok(())
}

/// Writes the chosen statements in one export format, as they come.
struct Writer {
    format: ExportFormat,
    csv: CsvOptions,
    /// Markdown: the briefings, kept aside until the table of contents is known.
    briefings: Option<std::fs::File>,
    briefings_path: PathBuf,
    contents: Vec<(String, String)>,
    slugs: std::collections::HashMap<String, usize>,
}

impl Writer {
    fn new(format: ExportFormat, args: &Args) -> Writer {
        Writer {
            format,
            csv: CsvOptions {
                bom: args.csv_bom,
                header: !args.no_header,
            },
            briefings: None,
            briefings_path: std::env::temp_dir()
                .join(format!("communique-briefings-{}.md", std::process::id())),
            contents: Vec::new(),
            slugs: Default::default(),
        }
    }

    fn write(
        &mut self,
        statement: &Statement,
        analysis: &Analysis,
        out: &mut impl Write,
    ) -> io::Result<()> {
        match self.format {
            ExportFormat::Json => export::write_json_line(statement, analysis, out),
            ExportFormat::Csv => {
                export::write_csv_with(statement, analysis, self.csv, out)?;
                // One header and one byte-order mark for the whole library.
                self.csv = CsvOptions {
                    bom: false,
                    header: false,
                };
                Ok(())
            }
            ExportFormat::Markdown => {
                if self.briefings.is_none() {
                    self.briefings = Some(std::fs::File::create(&self.briefings_path)?);
                }
                let title = statement.metadata.title.clone();
                let slug = self.slug(&title);
                let date = statement.metadata.date.map(|d| format!(" ({})", d.long()));
                self.contents
                    .push((format!("{}{}", title, date.unwrap_or_default()), slug));
                let file = self.briefings.as_mut().expect("opened above");
                export::write_markdown(statement, analysis, file)?;
                writeln!(file, "\n---\n")
            }
        }
    }

    /// The anchor a Markdown renderer gives a heading (GitHub's rule: lowercase,
    /// punctuation dropped, spaces as hyphens, repeats numbered).
    fn slug(&mut self, title: &str) -> String {
        let base: String = safe::visible(title)
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                ' ' => Some('-'),
                _ => None,
            })
            .collect();
        let seen = self.slugs.entry(base.clone()).or_insert(0);
        let slug = if *seen == 0 {
            base
        } else {
            format!("{base}-{seen}")
        };
        *seen += 1;
        slug
    }

    fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.format != ExportFormat::Markdown {
            return Ok(());
        }
        let n = self.contents.len();
        writeln!(
            out,
            "# Library: {n} statement{}\n",
            if n == 1 { "" } else { "s" }
        )?;
        for (k, (title, slug)) in self.contents.iter().enumerate() {
            writeln!(out, "{}. [{}](#{slug})", k + 1, md_link_text(title))?;
        }
        writeln!(out, "\n---\n")?;
        if let Some(file) = self.briefings.take() {
            drop(file);
            let mut briefings = std::fs::File::open(&self.briefings_path)?;
            io::copy(&mut briefings, out)?;
        }
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.briefings_path);
    }
}

fn md_link_text(text: &str) -> String {
    safe::visible(text)
        .chars()
        .flat_map(|c| {
            let escape = matches!(c, '[' | ']' | '\\' | '*' | '_' | '`' | '<' | '>');
            escape.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

/// A line of the table.
struct Row {
    date: Option<crate::document::dates::Date>,
    counts: [usize; 6],
    title: String,
    file: String,
}

impl Row {
    fn of(path: &Path, statement: &Statement, analysis: &Analysis) -> Row {
        let mut counts = [0; 6];
        for (k, (_, n)) in analysis.kind_counts().iter().enumerate() {
            counts[k] = *n;
        }
        Row {
            date: statement.metadata.date,
            counts,
            title: safe::visible(&statement.metadata.title).into_owned(),
            file: safe::visible(&path.display().to_string()).into_owned(),
        }
    }
}

/// The statements newest first (undated last), with their acts by kind.
fn write_table(rows: &mut [Row], out: &mut impl Write) -> io::Result<()> {
    rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.file.cmp(&b.file)));
    write!(out, "{:<10}  {:>5}", "date", "acts")?;
    for kind in CommitmentKind::ALL {
        write!(out, " {:>8}", kind.as_str())?;
    }
    writeln!(out, "  title · file")?;
    for row in rows.iter() {
        let date = row.date.map_or_else(|| "—".to_string(), |d| d.to_string());
        write!(out, "{date:<10}  {:>5}", row.counts.iter().sum::<usize>())?;
        for n in row.counts {
            write!(out, " {n:>8}")?;
        }
        writeln!(out, "  {} · {}", row.title, row.file)?;
    }
    Ok(())
}
