//! The user's settings: `$XDG_CONFIG_HOME/communique/config.toml` (or
//! `~/.config/communique/config.toml`; `COMMUNIQUE_CONFIG` names another file). Every
//! key is optional; a flag on the command line wins over the file, the file over the
//! defaults. A missing file is no error; a malformed one is, naming its line.

use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use serde::Deserialize;

/// The settings a file can give.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub theme: Option<Theme>,
    pub color: Option<Colour>,
    /// `false`: leave the mouse to the terminal (as `--no-mouse`).
    pub mouse: Option<bool>,
    /// `false`: neither restore nor keep reading positions (as `--no-remember`).
    pub remember: Option<bool>,
    /// Width of the plain rendering, in columns (as `--width`).
    pub width: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    Auto,
    Always,
    Never,
}

/// Narrowest plain rendering, as `--width` allows.
pub const MIN_WIDTH: u16 = 20;

/// Where the settings file is looked for: `COMMUNIQUE_CONFIG`, else the XDG config
/// directory (an `XDG_CONFIG_HOME` that is not absolute is ignored, as the
/// specification says).
pub fn path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("COMMUNIQUE_CONFIG").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.config_dir().join("communique").join("config.toml"))
}

/// The settings in the file at `path`: the defaults when there is no such file, or a
/// one-line reason ("line 3: unknown field `colour`, expected one of …").
pub fn load(path: &Path) -> Result<Config, String> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| "not valid UTF-8".to_string())?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(crate::document::source::io_reason(&e)),
    };
    parse(&text)
}

/// The settings in `text`, or a one-line reason naming the line.
pub fn parse(text: &str) -> Result<Config, String> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let message = e
            .message()
            .lines()
            .next()
            .unwrap_or("malformed")
            .to_string();
        match e.span() {
            Some(span) => format!("line {}: {message}", line_of(text, span.start)),
            None => message,
        }
    })?;
    if let Some(width) = config.width
        && width < MIN_WIDTH
    {
        let at = text.find("width").unwrap_or(0);
        return Err(format!(
            "line {}: width must be at least {MIN_WIDTH}",
            line_of(text, at)
        ));
    }
    Ok(config)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..text.floor_char_boundary(offset)]
        .matches('\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read() {
        let config = parse(
            "theme = \"light\"\ncolor = \"never\"\nmouse = false\nremember = false\nwidth = 100\n",
        )
        .unwrap();
        assert_eq!(
            config,
            Config {
                theme: Some(Theme::Light),
                color: Some(Colour::Never),
                mouse: Some(false),
                remember: Some(false),
                width: Some(100),
            }
        );
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_their_line() {
        let unknown = parse("theme = \"dark\"\n\ncolour = \"never\"\n").unwrap_err();
        assert!(
            unknown.starts_with("line 3: unknown field `colour`"),
            "{unknown}"
        );
        let bad_value = parse("mouse = true\ntheme = \"pink\"\n").unwrap_err();
        assert!(
            bad_value.starts_with("line 2: unknown variant `pink`"),
            "{bad_value}"
        );
        let syntax = parse("width = 80\nmouse = \n").unwrap_err();
        assert!(syntax.starts_with("line 2:"), "{syntax}");
        assert!(!syntax.contains('\n'), "one line: {syntax:?}");
        let narrow = parse("\nwidth = 5\n").unwrap_err();
        assert_eq!(narrow, "line 2: width must be at least 20");
    }
}
