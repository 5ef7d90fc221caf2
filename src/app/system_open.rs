//! Opening a file in the system's application for it, and saying so when there is none:
//! the opener's exit status is waited for on a background thread.

use std::path::Path;
use std::process::{Command, Stdio};

/// The command that opens `path` with the desktop's default application.
fn opener(path: &Path) -> Command {
    if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(path);
        c
    } else if cfg!(windows) {
        // `start`'s first quoted argument is the window title.
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(path);
        c
    }
}

/// Opens `path` (with `program` instead of the desktop's opener, if given) and waits for
/// the opener; the error says what to do instead.
pub fn open(program: Option<&Path>, path: &Path) -> Result<(), String> {
    let none = |why: String| {
        format!(
            "No application opened {} ({why}). \"Read article\" shows it here.",
            path.display()
        )
    };
    let mut command = match program {
        Some(program) => {
            let mut c = Command::new(program);
            c.arg(path);
            c
        }
        None => opener(path),
    };
    let status = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| none(format!("no opener: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(none(format!("the opener ended with {status}")))
    }
}
