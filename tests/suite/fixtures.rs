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
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run dateline");
    assert!(
        out.status.success(),
        "dateline {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub fn extract_json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    all.push("--json");
    serde_json::from_str(&run_dateline(&all)).expect("valid JSON")
}
