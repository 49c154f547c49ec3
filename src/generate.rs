//! `--generate`: the man page and the shell completions, made from the command line's
//! own definition (clap_mangen, clap_complete) so they never drift from it; the man
//! page also lists every key of the reader, from the keymap the `?` help is made from.

use std::io::{self, Write};

use clap::ValueEnum;
use clap_complete::Shell;

use crate::app::keys::help_groups;

/// What `--generate` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generated {
    Man,
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

/// Writes `what` for `command` (the program's clap command) to `out`.
pub fn write(what: Generated, mut command: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let shell = match what {
        Generated::Man => return man_page(command, out),
        Generated::Bash => Shell::Bash,
        Generated::Zsh => Shell::Zsh,
        Generated::Fish => Shell::Fish,
        Generated::Elvish => Shell::Elvish,
        Generated::Powershell => Shell::PowerShell,
    };
    let name = command.get_name().to_string();
    clap_complete::generate(shell, &mut command, name, out);
    Ok(())
}

fn man_page(command: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let man = clap_mangen::Man::new(command);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH KEYS")?;
    writeln!(
        out,
        "In the reader (press ? there for the same list). C\\- is Ctrl, M\\- is Alt."
    )?;
    for (group, rows) in help_groups() {
        writeln!(out, ".SS {}", roff(group))?;
        for (keys, help) in rows {
            writeln!(out, ".TP\n.B {}\n{}", roff(keys), roff(help))?;
        }
    }
    writeln!(out, ".SH EXIT STATUS")?;
    writeln!(
        out,
        "0 done; 1 bad input (a one\\-line reason on standard error); 2 bad usage. \
         After SIGTERM, SIGINT or SIGHUP the terminal is restored and communique dies \
         by that signal."
    )?;
    man.render_version_section(out)?;
    man.render_authors_section(out)
}

/// Text as roff shows it literally: backslashes and hyphens escaped, and a leading dot
/// or quote kept from being read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_text_is_literal() {
        assert_eq!(roff("C-l"), "C\\-l");
        assert_eq!(roff(".hidden"), "\\&.hidden");
        assert_eq!(roff("a\\b"), "a\\eb");
    }
}
