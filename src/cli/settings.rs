//! The settings file under the command line: what a flag leaves unset, the file
//! gives (see [`crate::config`]); `--print-config` shows the result.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{Args, ColorChoice, Failure, ThemeName};
use crate::config;
use crate::document::safe;

/// Applies the settings file under what the command line gave; returns its path.
pub(super) fn settings(
    args: &mut Args,
    matches: &clap::ArgMatches,
) -> Result<Option<PathBuf>, Failure> {
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
    if config.remember == Some(false) {
        args.no_remember = true;
    }
    Ok(Some(path))
}

/// The settings in effect, as the settings file would say them.
pub(super) fn print_settings(args: &Args, path: Option<&Path>) -> io::Result<()> {
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
    writeln!(out, "remember = {}", !args.no_remember)?;
    writeln!(out, "width = {}", args.width)?;
    out.flush()
}
