//! The compare view's loop: everything is computed before it starts, so it only reads
//! keys, applies them and draws — with the same promises about the terminal as the
//! reader's loop (restored on every path, signals, hang-up, Ctrl-Z).

use std::io;

use super::{
    EVENTS_PER_FRAME, Ending, Message, SIGNAL_CHECK, Session, Waited, channel, redraw, resize,
    size, suspend,
};
use crate::app::compare::{CompareAction, CompareView, keys};
use crate::ui;

/// Runs the compare view until it quits or is told to stop.
pub fn run_compare(view: &mut CompareView) -> io::Result<Ending> {
    let (sender, messages) = channel();
    let mut session = Session::start(sender, messages)?;
    let served = serve(&mut session, view);
    session.ended(served)
}

/// Serves the compare view in the session until it quits.
pub(super) fn serve(session: &mut Session, view: &mut CompareView) -> io::Result<Ending> {
    let (width, height) = size();
    resize(&mut session.terminal, width, height)?;
    view.update(CompareAction::Resize(width, height));
    let mut dirty = true;
    loop {
        if dirty {
            session
                .terminal
                .draw(|frame| ui::compare::draw(view, frame))?;
            dirty = false;
        }
        let first = match session.wait(SIGNAL_CHECK)? {
            Waited::Message(message) => message,
            Waited::End(ending) => return Ok(ending),
            Waited::Suspended => {
                dirty = true;
                continue;
            }
            Waited::Nothing => continue,
        };
        let mut next = Some(first);
        for _ in 0..EVENTS_PER_FRAME {
            let Some(message) = next.take() else { break };
            match message {
                Message::Input(event) => {
                    if let Some(action) = keys::action_for(view, &event?) {
                        match action {
                            CompareAction::Suspend => suspend(&mut session.terminal)?,
                            CompareAction::Redraw => redraw(&mut session.terminal)?,
                            CompareAction::Resize(w, h) => {
                                resize(&mut session.terminal, w, h)?;
                                view.update(action);
                            }
                            other => view.update(other),
                        }
                    }
                    dirty = true;
                }
                Message::Library(message) => session.kept.push(message),
                Message::Reader(..) => {}
            }
            if view.quit {
                return Ok(Ending::Quit);
            }
            next = session.pending();
        }
    }
}
