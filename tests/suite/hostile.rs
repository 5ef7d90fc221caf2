//! Hostile input, one test per defect of the audit (issue 17): special files, unbounded
//! reads, file times off the calendar, paths that do not exist.

use std::process::Command;

use dateline::ingest::load;

#[cfg(unix)]
use crate::fixtures::mkfifo;
use crate::fixtures::{Dir, dateline_output as dateline};

const GOOD: &str = "Date: 2021-03-03\n\nMinisters met in Geneva on Tuesday.\n";

fn reasons(corpus: &dateline::Corpus) -> Vec<String> {
    corpus
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path.display(), p.reason))
        .collect()
}

/// A FIFO in a folder, or given directly, is a problem entry, and the load ends.
#[cfg(unix)]
#[test]
fn a_fifo_is_listed_not_waited_for() {
    let dir = Dir::new();
    dir.write("good.txt", GOOD);
    let fifo = dir.path().join("p.txt");
    mkfifo(&fifo);
    let corpus = load(&[dir.path().to_owned()]);
    assert_eq!(corpus.articles.len(), 1);
    let problems = reasons(&corpus);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("p.txt") && problems[0].contains("a FIFO"),
        "{problems:?}"
    );
    let direct = load(std::slice::from_ref(&fifo));
    let problems = reasons(&direct);
    assert!(
        problems[0].contains("not a regular file (a FIFO)"),
        "{problems:?}"
    );
}

/// A good article and `z.txt`, a link to `/dev/zero`.
#[cfg(unix)]
fn folder_with_a_link_to_dev_zero() -> Dir {
    let dir = Dir::new();
    dir.write("good.txt", GOOD);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("z.txt")).expect("symlink");
    dir
}

/// A link to `/dev/zero` is listed at once: its reported length is 0, and reading it would
/// never end.
#[cfg(unix)]
#[test]
fn a_link_to_an_endless_device_is_listed_without_reading_it() {
    let dir = folder_with_a_link_to_dev_zero();
    let corpus = load(&[dir.path().to_owned()]);
    assert_eq!(corpus.articles.len(), 1);
    let problems = reasons(&corpus);
    assert!(
        problems.len() == 1 && problems[0].contains("a character device"),
        "{problems:?}"
    );
}

/// A file time far past chrono's calendar (possible on tmpfs) loads with no date from it.
#[cfg(unix)]
#[test]
fn a_file_time_off_the_calendar_does_not_stop_the_load() {
    let dir = Dir::new();
    let file = dir.write("far.txt", "Negotiators returned to the table.\n");
    let touched = Command::new("touch")
        .arg("-d")
        .arg("@8210298412799")
        .arg(&file)
        .status();
    if !touched.is_ok_and(|s| s.success()) {
        eprintln!("skipped: this file system refuses the time (the conversion has a unit test)");
        return;
    }
    let corpus = load(&[dir.path().to_owned()]);
    let errors = corpus.problems.iter().filter(|p| !p.warning).count();
    assert_eq!(corpus.articles.len() + errors, 1, "{:?}", corpus.problems);
}

/// `extract` on nothing readable fails, as ripgrep does, and says why.
#[test]
fn extract_of_a_missing_path_exits_non_zero() {
    let out = dateline(&["extract", "/nonexistent/folder"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/folder"), "{err}");
}

/// The export never replaces what is not a regular file, and never writes through a link
/// planted at the old fixed temporary name.
#[cfg(unix)]
#[test]
fn export_refuses_special_targets_and_ignores_planted_temporaries() {
    let dir = Dir::new();
    let fifo = dir.path().join("o.png");
    mkfifo(&fifo);
    let out = dateline(&[
        "export",
        "assets/sample",
        "-o",
        &fifo.display().to_string(),
        "--width",
        "600",
        "--no-sources",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a regular file"), "{err}");
    let still = std::fs::symlink_metadata(&fifo).expect("still there");
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&still.file_type()));

    let victim = dir.write("v.txt", "v");
    let target = dir.path().join("x.png");
    std::os::unix::fs::symlink(&victim, dir.path().join("x.png.tmp")).expect("symlink");
    let out = dateline(&[
        "export",
        "assets/sample",
        "-o",
        &target.display().to_string(),
        "--width",
        "600",
        "--no-sources",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "v");
    assert!(std::fs::read(&target).expect("png").starts_with(b"\x89PNG"));
}

/// A width or height no figure fits in is named as such, once, and nothing is written.
#[test]
fn export_sizes_out_of_range_are_named() {
    let dir = Dir::new();
    let target = dir.path().join("x.png");
    let target = target.display().to_string();
    let out = dateline(&["export", "assets/sample", "-o", &target, "--width", "0"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("width") && !err.contains("height"),
        "{err}"
    );
    let out = dateline(&["export", "assets/sample", "-o", &target, "--height", "1"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("height must be"),
        "{err}"
    );
    assert!(!dir.path().join("x.png").exists());
    // An unwritable folder: the OS error is said once.
    let out = dateline(&[
        "export",
        "assets/sample",
        "-o",
        &dir.path().join("missing/x.png").display().to_string(),
        "--width",
        "600",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

/// A rules file that is a device is refused at once, not read forever.
#[cfg(unix)]
#[test]
fn a_rules_file_that_is_a_device_is_refused() {
    let out = dateline(&["extract", "assets/sample", "--rules", "/dev/zero"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a regular file"), "{err}");
}

/// `timex --out-dir` refuses two inputs whose outputs would overwrite each other.
#[test]
fn timex_refuses_two_inputs_of_one_name() {
    let dir = Dir::new();
    let doc =
        "<TimeML><DCT><TIMEX3 value=\"2022-01-07\">x</TIMEX3></DCT><TEXT>Friday</TEXT></TimeML>";
    let a = dir.write("a/doc.tml", doc);
    let b = dir.write("b/doc.tml", doc);
    let out_dir = dir.path().join("out");
    let out = dateline(&[
        "timex",
        &a.display().to_string(),
        &b.display().to_string(),
        "--out-dir",
        &out_dir.display().to_string(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("doc.tml") && err.contains("overwrite"),
        "{err}"
    );
    assert!(std::fs::read_dir(&out_dir).map_or(true, |mut d| d.next().is_none()));
}

/// Loading a folder that holds a link to `/dev/zero` fits in 200 MB of data (the shell's
/// `ulimit -d`), and the link is listed.
#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_loads_in_under_200_mb() {
    let dir = folder_with_a_link_to_dev_zero();
    let script = format!(
        "ulimit -d 204800 && exec '{}' extract '{}'",
        env!("CARGO_BIN_EXE_dateline"),
        dir.path().display()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .output()
        .expect("sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("z.txt") && stdout.contains("not a regular file"),
        "{stdout}"
    );
}

/// An expression that resolves off the calendar is left out of `timex --json` with a note.
#[test]
fn off_calendar_dates_are_dropped_with_a_note() {
    let dir = Dir::new();
    let file = dir.write("a.txt", "It will happen tomorrow.");
    let out = dateline(&[
        "timex",
        "--dct",
        "9999-12-31",
        &file.display().to_string(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json[0]["timexes"].as_array().map(Vec::len),
        Some(0),
        "{json}"
    );
    assert_eq!(json[0]["dropped"][0]["text"], "tomorrow", "{json}");
    assert!(
        json[0]["dropped"][0]["note"]
            .as_str()
            .is_some_and(|n| n.contains("1-9999"))
    );
}

/// A FIFO where eframe keeps its settings is named and left alone, before anything else.
#[cfg(unix)]
#[test]
fn a_fifo_for_the_settings_file_is_named_not_opened() {
    let data = Dir::new();
    let folder = data.path().join("dateline");
    std::fs::create_dir_all(&folder).expect("folder");
    let fifo = folder.join("app.ron");
    mkfifo(&fifo);
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_DATA_HOME", data.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run dateline");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("app.ron is a FIFO"), "{err}");
}
