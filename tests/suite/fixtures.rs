//! Helpers shared by the integration tests: temp folders of hostile files, running the CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary folder that tests fill with files of their own making.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Self {
        Self {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.tmp.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create fixture folder");
        }
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }
}

/// The repository's own folder (assets, shared data beside it).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `dateline` binary and returns its standard output, failing the test on error.
pub fn run_dateline(args: &[&str]) -> String {
    let out = dateline_output(args);
    assert!(
        out.status.success(),
        "dateline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs the `dateline` binary in the repository and returns all it did, success or not.
pub fn dateline_output(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run dateline")
}

/// Makes a FIFO at `path` (Unix's `mkfifo`), failing the test if it cannot.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

pub fn extract_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    all.push("--json");
    serde_json::from_str(&run_dateline(&all)).expect("valid JSON")
}

/// `../shared` (gold data, TBAQ, the reference scorers) when it sits beside the checkout and
/// python3 runs. A fresh clone has neither: the test that asked prints why and skips, except
/// under `CI=true`, where CI must have them and a missing one fails the test.
pub fn shared() -> Option<PathBuf> {
    let dir = repo().join("../shared");
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing = if !dir.is_dir() {
        "../shared is not beside the checkout"
    } else if !python {
        "python3 is not installed"
    } else {
        return Some(dir);
    };
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but {missing}"
    );
    eprintln!("skipped: {missing}");
    None
}

/// Runs a Python scorer from `../shared/tools` with `stdin`, returning its report.
pub fn python_scorer(script: &Path, args: &[&Path], stdin: &str) -> String {
    use std::io::Write as _;
    let mut scorer = Command::new("python3")
        .arg(script)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs the scorer");
    scorer
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("pipe JSON");
    let out = scorer.wait_with_output().expect("scorer output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
