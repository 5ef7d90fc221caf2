//! One way to run work off the UI thread: a named thread, a channel for its result, a
//! repaint when it ends, a cancel flag, and a panic turned into an error the UI can show
//! instead of a progress bar that never moves again.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::progress::Progress;

/// A running background job.
pub struct Job<T> {
    /// What the job reports and how it is cancelled.
    pub progress: Arc<Progress>,
    result: Receiver<Result<T, String>>,
}

/// Runs `work` on a thread named `dateline-{name}`; `ctx` is asked to repaint when it ends.
pub fn spawn<T: Send + 'static>(
    name: &str,
    ctx: &egui::Context,
    work: impl FnOnce(&Progress) -> T + Send + 'static,
) -> Result<Job<T>, String> {
    let progress = Arc::new(Progress::default());
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    let shared = Arc::clone(&progress);
    let what = name.to_owned();
    std::thread::Builder::new()
        .name(format!("dateline-{name}"))
        .spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&shared)))
                .map_err(|panic| {
                    let message = panic
                        .downcast_ref::<&str>()
                        .map(ToString::to_string)
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "no message".to_owned());
                    format!("{what} stopped on an internal error ({message}); please report it")
                });
            let _ = tx.send(outcome);
            ctx.request_repaint();
        })
        .map_err(|err| format!("could not start {name}: {err}"))?;
    Ok(Job {
        progress,
        result: rx,
    })
}

impl<T> Job<T> {
    /// The result once the job has ended; `None` while it runs.
    #[must_use]
    pub fn poll(&self) -> Option<Result<T, String>> {
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("the job ended without a result".into())),
        }
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

impl<T> Drop for Job<T> {
    /// A job nobody waits for any more stops at its next check.
    fn drop(&mut self) {
        self.progress.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T>(job: &Job<T>) -> Result<T, String> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Some(outcome) = job.poll() {
                return outcome;
            }
            assert!(std::time::Instant::now() < deadline, "job never ended");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_result_arrives() {
        let job = spawn("sum", &egui::Context::default(), |_| 2 + 2).unwrap();
        assert_eq!(wait(&job), Ok(4));
    }

    #[test]
    fn a_panic_becomes_an_error_message() {
        let job = spawn("load", &egui::Context::default(), |_| -> u8 {
            panic!("No such local time")
        })
        .unwrap();
        let err = wait(&job).unwrap_err();
        assert!(
            err.contains("load stopped") && err.contains("No such local time"),
            "{err}"
        );
    }
}
