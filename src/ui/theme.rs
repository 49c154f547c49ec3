//! Styles for the reader: a calm dark default, a light variant, and a monochrome one
//! (NO_COLOR, `--color never`) that marks everything with reverse video, bold and
//! underline, so nothing relies on colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::CommitmentKind;
use crate::app::Appearance;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub meta: Style,
    pub heading: Style,
    pub marker: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub sentence: Style,
    pub cue: Style,
    pub match_sentence: Style,
    pub match_current: Style,
    pub match_chars: Style,
    pub mark: Style,
    pub header: Style,
    pub status: Style,
    pub key: Style,
    pub warning: Style,
    monochrome: bool,
    light: bool,
}

impl Theme {
    pub fn for_appearance(appearance: Appearance) -> Theme {
        match appearance {
            Appearance {
                monochrome: true, ..
            } => Theme::monochrome(),
            Appearance { light: true, .. } => Theme::light(),
            _ => Theme::dark(),
        }
    }

    pub fn dark() -> Theme {
        let accent = Color::Indexed(110);
        Theme {
            base: Style::new(),
            dim: Style::new().fg(Color::Indexed(245)),
            title: Style::new().add_modifier(Modifier::BOLD),
            meta: Style::new()
                .fg(Color::Indexed(246))
                .add_modifier(Modifier::ITALIC),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            marker: Style::new().fg(Color::Indexed(245)),
            border: Style::new().fg(Color::Indexed(239)),
            border_focus: Style::new().fg(accent),
            selected: Style::new()
                .bg(Color::Indexed(24))
                .fg(Color::Indexed(255))
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::Indexed(237)),
            sentence: Style::new().bg(Color::Indexed(237)),
            cue: Style::new()
                .fg(Color::Indexed(222))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            match_sentence: Style::new().add_modifier(Modifier::UNDERLINED),
            match_current: Style::new().bg(Color::Indexed(58)),
            match_chars: Style::new()
                .fg(Color::Indexed(214))
                .add_modifier(Modifier::BOLD),
            mark: Style::new().fg(Color::Indexed(214)),
            header: Style::new().bg(Color::Indexed(236)),
            status: Style::new().bg(Color::Indexed(236)).fg(Color::Indexed(250)),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::Indexed(214))
                .add_modifier(Modifier::BOLD),
            monochrome: false,
            light: false,
        }
    }

    pub fn light() -> Theme {
        let accent = Color::Indexed(25);
        Theme {
            dim: Style::new().fg(Color::Indexed(242)),
            meta: Style::new()
                .fg(Color::Indexed(241))
                .add_modifier(Modifier::ITALIC),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            marker: Style::new().fg(Color::Indexed(242)),
            border: Style::new().fg(Color::Indexed(250)),
            border_focus: Style::new().fg(accent),
            selected: Style::new()
                .bg(Color::Indexed(153))
                .fg(Color::Indexed(16))
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().bg(Color::Indexed(254)),
            sentence: Style::new().bg(Color::Indexed(254)),
            cue: Style::new()
                .fg(Color::Indexed(130))
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            match_current: Style::new().bg(Color::Indexed(229)),
            match_chars: Style::new()
                .fg(Color::Indexed(166))
                .add_modifier(Modifier::BOLD),
            mark: Style::new().fg(Color::Indexed(166)),
            header: Style::new().bg(Color::Indexed(254)),
            status: Style::new().bg(Color::Indexed(254)).fg(Color::Indexed(238)),
            key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::Indexed(160))
                .add_modifier(Modifier::BOLD),
            light: true,
            ..Theme::dark()
        }
    }

    /// No colour at all: reverse video, bold, underline and text markers.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            base: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            meta: plain.add_modifier(Modifier::ITALIC),
            heading: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            marker: plain,
            border: plain,
            border_focus: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            selected_unfocused: plain.add_modifier(Modifier::UNDERLINED),
            sentence: plain.add_modifier(Modifier::BOLD),
            cue: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            match_sentence: plain.add_modifier(Modifier::UNDERLINED),
            match_current: plain.add_modifier(Modifier::REVERSED),
            match_chars: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            mark: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::REVERSED),
            status: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::BOLD),
            warning: plain.add_modifier(Modifier::BOLD),
            monochrome: true,
            light: false,
        }
    }

    /// The badge of a kind of act: its colour, always bold, so the text carries it too.
    pub fn kind(&self, kind: CommitmentKind) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if self.monochrome {
            return bold;
        }
        let (dark, light) = match kind {
            CommitmentKind::Commit => (114, 28),
            CommitmentKind::Reaffirm => (80, 30),
            CommitmentKind::Demand => (221, 136),
            CommitmentKind::Condemn => (203, 160),
            CommitmentKind::Concern => (176, 127),
            CommitmentKind::Support => (111, 26),
        };
        bold.fg(Color::Indexed(if self.light { light } else { dark }))
    }

    /// Words the newer statement added: green and underlined (underlined alone
    /// without colour).
    pub fn inserted(&self) -> Style {
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        if self.monochrome {
            return underlined.add_modifier(Modifier::BOLD);
        }
        underlined.fg(Color::Indexed(if self.light { 28 } else { 114 }))
    }

    /// Words the newer statement dropped: red and struck through.
    pub fn deleted(&self) -> Style {
        let struck = Style::new().add_modifier(Modifier::CROSSED_OUT);
        if self.monochrome {
            return struck.add_modifier(Modifier::DIM);
        }
        struck.fg(Color::Indexed(if self.light { 160 } else { 203 }))
    }
}
