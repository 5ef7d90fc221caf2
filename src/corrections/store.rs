//! Where a folder's corrections live: `dateline.corrections.json` in the folder, or, when the
//! folder cannot be written, a file in the user's data directory named after the folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Correction;

pub const FILE_NAME: &str = "dateline.corrections.json";

/// Far more than anyone corrects by hand; a bigger file is not ours.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Bumped when the format changes in a way older versions would misread.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Saved {
    version: u32,
    corrections: Vec<Correction>,
}

/// The two places a folder's corrections can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    /// `dateline.corrections.json` in the folder.
    pub in_folder: PathBuf,
    /// In the data directory, for a folder that cannot be written.
    pub fallback: Option<PathBuf>,
}

impl Store {
    /// The store for what was opened: the first folder, or the folder of the first file.
    #[must_use]
    pub fn for_paths(paths: &[PathBuf]) -> Option<Self> {
        let first = paths.first()?;
        let folder = if first.is_dir() {
            first.clone()
        } else {
            first.parent()?.to_owned()
        };
        let absolute = std::path::absolute(&folder).unwrap_or_else(|_| folder.clone());
        let fallback = data_dir().map(|dir| {
            dir.join("corrections").join(format!(
                "{}.json",
                super::paragraph_hash(&absolute.to_string_lossy())
            ))
        });
        Some(Self {
            in_folder: folder.join(FILE_NAME),
            fallback,
        })
    }

    /// The corrections saved for the folder and the file they came from; none saved yet is an
    /// empty list. An unreadable or malformed file is an error naming it (and the line).
    pub fn load(&self) -> Result<(Vec<Correction>, Option<PathBuf>), String> {
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        // A read-only folder's own file may sit beside newer corrections in the fallback.
        let source = match (
            modified(&self.in_folder),
            self.fallback
                .as_deref()
                .and_then(|f| modified(f).map(|t| (f, t))),
        ) {
            (Some(folder), Some((fallback, t))) if t > folder => fallback.to_owned(),
            (Some(_), _) => self.in_folder.clone(),
            (None, Some((fallback, _))) => fallback.to_owned(),
            (None, None) => return Ok((Vec::new(), None)),
        };
        let text = crate::read::read_regular_text(&source, MAX_BYTES)
            .map_err(|e| format!("corrections not read from {}: {e}", source.display()))?;
        let saved: Saved = serde_json::from_str(&text).map_err(|e| {
            format!(
                "corrections not read from {} (line {}, column {}): {e}",
                source.display(),
                e.line(),
                e.column()
            )
        })?;
        if saved.version > VERSION {
            return Err(format!(
                "corrections in {} are from a newer Dateline (format {}); not applied",
                source.display(),
                saved.version
            ));
        }
        Ok((saved.corrections, Some(source)))
    }

    /// Writes `list` atomically into the folder, or to the fallback when the folder cannot
    /// be written; returns where it went.
    pub fn save(&self, list: &[Correction]) -> Result<PathBuf, String> {
        let saved = Saved {
            version: VERSION,
            corrections: list.to_vec(),
        };
        let text = serde_json::to_string_pretty(&saved).map_err(|e| e.to_string())? + "\n";
        // A folder that cannot take the file (read-only, a mounted archive, permissions) sends
        // it to the data directory; a name taken by something other than a file is refused.
        let in_folder_error =
            match crate::atomic::write_atomically(&self.in_folder, text.as_bytes()) {
                Ok(()) => return Ok(self.in_folder.clone()),
                Err(err @ crate::atomic::WriteError::NotRegular { .. }) => {
                    return Err(format!("corrections not saved: {err}"));
                }
                Err(err) => err,
            };
        let fallback = self.fallback.as_ref().ok_or_else(|| {
            format!("corrections not saved: {in_folder_error}, and there is no data directory")
        })?;
        if let Some(dir) = fallback.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("corrections not saved: {}: {e}", dir.display()))?;
        }
        crate::atomic::write_atomically(fallback, text.as_bytes())
            .map_err(|e| format!("corrections not saved: {e}"))?;
        Ok(fallback.clone())
    }
}

/// `$XDG_DATA_HOME/dateline`, else `~/.local/share/dateline` (`%APPDATA%` on Windows).
fn data_dir() -> Option<PathBuf> {
    let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let base = non_empty("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("APPDATA").map(PathBuf::from))
        .or_else(|| non_empty("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("dateline"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> Vec<Correction> {
        vec![Correction::Published {
            file: "a.txt".into(),
            date: chrono::NaiveDate::from_ymd_opt(2022, 1, 5).unwrap(),
        }]
    }

    #[test]
    fn saves_beside_the_articles_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::for_paths(&[dir.path().to_owned()]).unwrap();
        assert_eq!(store.load().unwrap().0, Vec::new());
        let at = store.save(&list()).unwrap();
        assert_eq!(at, dir.path().join(FILE_NAME));
        let (read, from) = store.load().unwrap();
        assert_eq!(read, list());
        assert_eq!(from, Some(at));
    }

    #[test]
    fn a_malformed_file_is_an_error_naming_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "{\n  \"version\": 1,\n  \"corrections\": [x]\n}",
        )
        .unwrap();
        let store = Store::for_paths(&[dir.path().to_owned()]).unwrap();
        let err = store.load().unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn a_folder_that_cannot_take_the_file_saves_to_the_fallback() {
        let dir = tempfile::tempdir().unwrap();
        // What no one can write into, root included: a "folder" that is a file.
        let not_a_folder = dir.path().join("article.txt");
        std::fs::write(&not_a_folder, "text").unwrap();
        let mut store = Store::for_paths(std::slice::from_ref(&dir.path().to_owned())).unwrap();
        store.in_folder = not_a_folder.join(FILE_NAME);
        store.fallback = Some(dir.path().join("data/corrections/x.json"));
        let at = store.save(&list()).unwrap();
        assert_eq!(at, dir.path().join("data/corrections/x.json"));
        assert_eq!(store.load().unwrap().0, list());
        assert_eq!(std::fs::read_to_string(&not_a_folder).unwrap(), "text");
    }

    #[test]
    fn a_folder_entry_that_is_no_file_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
        let mut store = Store::for_paths(&[dir.path().to_owned()]).unwrap();
        store.fallback = Some(dir.path().join("data/x.json"));
        assert!(
            store
                .save(&list())
                .unwrap_err()
                .contains("not a regular file")
        );
        assert!(dir.path().join(FILE_NAME).is_dir());
    }
}
