//! Reading a file the user pointed at, whatever it turns out to be: only a regular file is
//! read, and never more than a limit. A FIFO would block the reader forever, a device such as
//! `/dev/zero` would fill the memory, and a folder cannot be read at all; each is refused
//! with a reason a person understands.

use std::fs::{File, FileType, Metadata};
use std::io::Read as _;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file ({0}), so it was not read")]
    NotRegular(&'static str),
    #[error("too large (more than {} MiB)", .limit >> 20)]
    TooLarge { limit: u64 },
    #[error("cannot open ({0})")]
    Open(std::io::Error),
    #[error("cannot read ({0})")]
    Read(std::io::Error),
}

/// What kind of thing a file type is, for a message ("a FIFO", "a folder", …).
#[must_use]
pub fn describe(file_type: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

/// Opens without waiting: opening a FIFO for reading would otherwise block until a writer
/// comes, and reading a kernel file such as `/proc/kmsg` until it has news.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The bytes of the regular file at `path` (symbolic links followed), at most `limit` of
/// them, with its metadata. The type is checked on the opened file, so a file swapped for
/// a FIFO between a check and the read is still refused.
pub fn read_regular(path: &Path, limit: u64) -> Result<(Vec<u8>, Metadata), ReadError> {
    let file = open_nonblocking(path).map_err(ReadError::Open)?;
    let meta = file.metadata().map_err(ReadError::Open)?;
    if !meta.file_type().is_file() {
        return Err(ReadError::NotRegular(describe(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    // The length a file system reports can be wrong (procfs says 0): the read is bounded
    // by the limit itself, one byte over telling that there was more.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Read)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok((bytes, meta))
}

/// [`read_regular`] as UTF-8 text, for the files Dateline reads as settings (rules, state).
pub fn read_regular_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let (bytes, _) = read_regular(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Read(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text: {e}"),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "hello").unwrap();
        assert_eq!(read_regular(&file, 100).unwrap().0, b"hello");
        let err = read_regular(dir.path(), 100).unwrap_err();
        assert!(matches!(err, ReadError::NotRegular("a folder")), "{err}");
    }

    #[test]
    fn the_limit_holds_whatever_the_length_says() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "0123456789").unwrap();
        assert!(matches!(
            read_regular(&file, 9),
            Err(ReadError::TooLarge { limit: 9 })
        ));
        assert!(read_regular(&file, 10).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_blocking() {
        let err = read_regular(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(
            matches!(err, ReadError::NotRegular("a character device")),
            "{err}"
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = read_regular(&fifo, 1 << 20).unwrap_err();
            assert!(matches!(err, ReadError::NotRegular("a FIFO")), "{err}");
        }
    }
}
