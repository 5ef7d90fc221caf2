//! Writing a file so that a reader sees the old bytes or the new, never half of either: a
//! uniquely named temporary file created exclusively beside the target, then renamed over
//! it. A target that exists and is not a regular file (a device, a FIFO, a symlink, a
//! folder) is refused rather than replaced.

use std::io::Write as _;
use std::path::Path;

/// Why a write was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path} exists and is not a regular file; choose another name")]
    NotRegular { path: String },
    // The OS error is part of the message, not a `source`: a chain-printing caller would
    // say it twice.
    #[error("could not write {path}: {error}")]
    Io { path: String, error: std::io::Error },
}

/// Replaces `path` with `bytes` atomically; on any failure the existing file is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let shown = || path.display().to_string();
    let io = |error| WriteError::Io {
        path: shown(),
        error,
    };
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(WriteError::NotRegular { path: shown() });
        }
        Ok(meta) => Some(meta.permissions()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(io(err)),
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dateline-").suffix(".tmp");
    // A temporary file is private (0600); what it becomes is an ordinary file, readable as
    // the umask allows, like any file a program saves (an exported figure goes to others).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(folder).map_err(io)?;
    // A file replaced keeps its permissions.
    if let Some(permissions) = existing {
        tmp.as_file().set_permissions(permissions).map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    // On failure the temporary file is dropped, and with it deleted.
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        std::fs::write(&target, "old").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_a_folder_and_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomically(dir.path(), b"x").unwrap_err();
        assert!(matches!(err, WriteError::NotRegular { .. }), "{err}");
        assert!(dir.path().is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symlink_and_leaves_its_target_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("v.txt");
        std::fs::write(&victim, "v").unwrap();
        let link = dir.path().join("o.png");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(write_atomically(&link, b"png").is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "v");
        // A file planted at the old fixed temporary name is not written through either.
        std::fs::remove_file(&link).unwrap();
        let planted = dir.path().join("o.png.tmp");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomically(&link, b"png").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "v");
        assert_eq!(std::fs::read(&link).unwrap(), b"png");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_as_the_umask_allows_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("figure.png");
        write_atomically(&target, b"png").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // The mode any program's newly created file gets under this umask, not the
        // temporary file's private 0600.
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        assert_eq!(mode(&target), mode(&plain));
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&target, b"png2").unwrap();
        assert_eq!(mode(&target), 0o640);
    }
}
