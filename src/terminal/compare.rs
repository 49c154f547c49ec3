//! The compare view's loop: everything is computed before it starts, so it only reads
//! keys, applies them and draws — with the same promises about the terminal as the
//! reader's loop (restored on every path, signals, hang-up, Ctrl-Z).

use std::io;
use std::sync::mpsc::{self, RecvTimeoutError};

use crossterm::event::Event;

use super::{
    EVENTS_PER_FRAME, Ending, Guard, SIGNAL_CHECK, Signals, Tty, ended, enter, install_panic_hook,
    new_terminal, redraw, resize, size, spawn_reader, suspend,
};
use crate::app::compare::{CompareAction, CompareView, keys};
use crate::ui;

/// Runs the compare view until it quits or is told to stop.
pub fn run_compare(view: &mut CompareView) -> io::Result<Ending> {
    let signals = Signals::register()?;
    install_panic_hook();
    let mut out = io::stdout();
    enter(&mut out)?;
    let _guard = Guard;
    let (width, height) = size();
    let mut terminal = new_terminal(width, height)?;
    view.update(CompareAction::Resize(width, height));
    let tty = Tty::open();
    let (sender, events) = mpsc::channel::<io::Result<Event>>();
    spawn_reader(sender, |event| event);
    let mut dirty = true;
    let mut serve = || -> io::Result<Ending> {
        loop {
            if dirty {
                terminal.draw(|frame| ui::compare::draw(view, frame))?;
                dirty = false;
            }
            if let Some(sig) = signals.received() {
                return Ok(Ending::Signal(sig));
            }
            if signals.stopped() {
                suspend(&mut terminal)?;
                dirty = true;
                continue;
            }
            let first = match events.recv_timeout(SIGNAL_CHECK) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => {
                    if tty.hung_up() {
                        return Ok(Ending::Signal(signal_hook::consts::SIGHUP));
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(io::Error::other("the terminal's input closed"));
                }
            };
            let mut next = Some(first);
            for _ in 0..EVENTS_PER_FRAME {
                let Some(event) = next.take() else { break };
                if let Some(action) = keys::action_for(view, &event?) {
                    match action {
                        CompareAction::Suspend => suspend(&mut terminal)?,
                        CompareAction::Redraw => redraw(&mut terminal)?,
                        CompareAction::Resize(w, h) => {
                            resize(&mut terminal, w, h)?;
                            view.update(action);
                        }
                        other => view.update(other),
                    }
                }
                dirty = true;
                if view.quit {
                    return Ok(Ending::Quit);
                }
                next = events.try_recv().ok();
            }
        }
    };
    ended(serve(), &signals, &tty)
}
