//! Running a format's extractor (HTML, PDF) so that a hostile or broken file costs one
//! line of error, never a crash, a hang or a garbled screen.
//!
//! The extractors are third-party parsers over untrusted bytes; some of them unwrap and
//! index freely. Each runs on a thread of its own, under `catch_unwind`, and the caller
//! waits at most a time limit. A panic on that thread is silent — its message would
//! otherwise be printed over the reader's screen, and the terminal's panic hook would
//! restore the terminal for a panic that was caught (see [`quiet`]).

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;
use std::sync::mpsc;
use std::time::Duration;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Whether the current thread runs a contained extractor, whose panics are caught and
/// reported as an error: panic hooks leave such a panic alone.
pub fn quiet() -> bool {
    QUIET.with(Cell::get)
}

/// Why a contained job gave no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failed {
    /// The job panicked: the input broke the parser.
    Panicked,
    /// The job was still running at the time limit. It is left to finish on its own
    /// thread (a thread cannot be killed); its result is dropped.
    TimedOut,
}

/// Runs `job` on a thread of its own and waits for it at most `limit`.
pub fn run<T: Send + 'static>(
    limit: Duration,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failed> {
    install_quiet_hook();
    let (sender, receiver) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("communique-extract".into())
        .spawn(move || {
            QUIET.with(|q| q.set(true));
            let outcome = panic::catch_unwind(AssertUnwindSafe(job));
            let _ = sender.send(outcome.map_err(|_| Failed::Panicked));
        });
    let Ok(thread) = spawned else {
        return Err(Failed::Panicked);
    };
    let outcome = match receiver.recv_timeout(limit) {
        Ok(outcome) => outcome,
        // Left running, detached: it cannot be stopped.
        Err(mpsc::RecvTimeoutError::Timeout) => return Err(Failed::TimedOut),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failed::Panicked),
    };
    // The thread has sent (or died): wait for it to end, so no finished extractor's
    // thread outlives its call (a library reads thousands of files).
    let _ = thread.join();
    outcome
}

/// Wraps the panic hook in place so that a contained thread's panic prints nothing;
/// any other panic goes to the hook that was there before.
fn install_quiet_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !quiet() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_comes_back() {
        assert_eq!(run(Duration::from_secs(5), || 6 * 7), Ok(42));
    }

    #[test]
    fn a_panic_is_an_error_not_a_crash() {
        let outcome: Result<(), Failed> = run(Duration::from_secs(5), || panic!("broken input"));
        assert_eq!(outcome, Err(Failed::Panicked));
        assert!(!quiet(), "only the contained thread is quiet");
    }

    #[test]
    fn a_job_past_its_limit_is_given_up() {
        let started = std::time::Instant::now();
        let outcome = run(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
        });
        assert_eq!(outcome, Err(Failed::TimedOut));
        assert!(started.elapsed() < Duration::from_secs(1));
    }
}
