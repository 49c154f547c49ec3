//! Giving freed memory back to the system while long work runs.
//!
//! glibc keeps freed memory for reuse in each thread's arena. Reading and analysing a
//! big statement frees as much as it keeps (each paragraph's words, the raw text, the
//! lines), interleaved with what it keeps, so without this the holes stay resident:
//! measured on a 10 MB statement, a third more than what is kept.

use crate::analysis::PROGRESS_EVERY;

/// Paragraphs analysed between two returns of freed memory (about a megabyte of text).
const TRIM_EVERY: usize = 4096;

/// Returns the free pages of every arena to the system (a no-op off glibc).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free pages of the allocator's own arenas.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// A progress report for [`crate::analysis::analyse_with_progress`] that passes the
/// count on to `report` and gives freed memory back every [`TRIM_EVERY`] paragraphs.
pub fn giving_back(report: impl Fn(usize)) -> impl Fn(usize) {
    move |done| {
        report(done);
        if done % TRIM_EVERY < PROGRESS_EVERY {
            give_back();
        }
    }
}
