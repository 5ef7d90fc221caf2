//! The chronology exports from the command line, read back by the tools they are for: the CSV
//! by the `csv` crate, the `TimelineJS` and JSON by `serde_json`, the Markdown as text.

use std::path::Path;
use std::process::Command;

use dateline::{Dataset, Progress, Rules};

use crate::fixtures::{Dir, repo};

fn sample() -> Dataset {
    Dataset::load(
        vec![repo().join("assets/sample")],
        Rules::built_in(),
        &Progress::default(),
    )
}

/// Runs `dateline export assets/sample -o OUT ARGS…` and returns what it wrote.
fn export(out: &Path, args: &[&str]) -> Vec<u8> {
    let run = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["export", "assets/sample", "-o"])
        .arg(out)
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run dateline");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read(out).expect("the export was written")
}

#[test]
fn the_csv_has_a_header_and_one_row_per_event_and_an_optional_bom() {
    let dir = Dir::new();
    let data = sample();
    let bytes = export(&dir.path().join("chronology.csv"), &[]);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().expect("a header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), data.timeline.events.len());
    for (row, e) in rows.iter().zip(&data.timeline.events) {
        assert_eq!(&row[column("label")], e.label, "rows in timeline order");
        assert_eq!(row[column("source_count")], e.sources.len().to_string());
        let sources = row[column("sources")].split("; ").count();
        assert_eq!(sources, e.sources.len(), "every source cited");
    }
    // A label with a comma or a quote survives the round trip (the quoting is the crate's).
    assert!(rows.iter().any(|r| r[column("participants")].contains(';')));

    let with_bom = export(&dir.path().join("excel.csv"), &["--bom"]);
    assert!(with_bom.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(&with_bom[3..], bytes.as_slice());
}

#[test]
fn the_markdown_lists_events_in_date_order_with_their_quoted_sources() {
    let dir = Dir::new();
    let data = sample();
    let text = String::from_utf8(export(&dir.path().join("chronology.md"), &[])).expect("UTF-8");
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(lines.len(), data.timeline.events.len(), "{text}");
    // The dated lines run in date order; the date is the first bold text.
    let dates: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.trim_start_matches("- **").split("**").next())
        .map(|d| d.trim_start_matches('~'))
        .filter(|d| *d != "undated")
        .collect();
    assert!(dates.len() >= 10);
    assert!(
        dates.windows(2).all(|w| w[0][..7] <= w[1][..7]),
        "{dates:?}"
    );
    // Every reference number on a line has its source, which quotes the paragraph.
    let missile = lines
        .iter()
        .find(|l| l.contains("hypersonic missile"))
        .expect("the missile line");
    assert!(missile.contains("claimed"), "{missile}");
    for n in missile
        .split('[')
        .skip(1)
        .filter_map(|r| r.split(']').next())
    {
        let source = text
            .lines()
            .find(|l| l.starts_with(&format!("[{n}] ")))
            .unwrap_or_else(|| panic!("no source [{n}]"));
        assert!(source.contains('¶') && source.contains('“'), "{source}");
    }
    assert!(text.contains("hypersonic missile on Wednesday"));
}

#[test]
fn the_timelinejs_export_has_one_slide_per_dated_event() {
    let dir = Dir::new();
    let data = sample();
    let bytes = export(
        &dir.path().join("timeline.json"),
        &["--format", "timelinejs"],
    );
    let doc: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let slides = doc["events"].as_array().expect("events");
    let dated = data
        .timeline
        .events
        .iter()
        .filter(|e| e.interval.is_some())
        .count();
    assert_eq!(slides.len(), dated);
    for slide in slides {
        assert!(slide["start_date"]["year"].is_i64(), "{slide}");
        assert!(slide["text"]["headline"].is_string());
        assert!(slide["group"].is_string());
    }
    // A month is a month: no day that the articles do not give.
    let month = slides
        .iter()
        .find(|s| s["text"]["headline"] == "Senate approved as envoy")
        .expect("the envoy slide");
    assert!(month["start_date"]["day"].is_null(), "{month}");
}

#[test]
fn kinds_narrow_every_text_export() {
    let dir = Dir::new();
    let bytes = export(&dir.path().join("meetings.csv"), &["--kinds", "meeting"]);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let rows = reader.records().count();
    let data = sample();
    let meetings = data
        .timeline
        .events
        .iter()
        .filter(|e| data.rules.kinds[e.kind].name == "meeting")
        .count();
    assert_eq!(rows, meetings);
    let run = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["export", "assets/sample", "--kinds", "picnic", "-o"])
        .arg(dir.path().join("none.md"))
        .current_dir(repo())
        .output()
        .expect("run dateline");
    assert!(!run.status.success(), "an unknown kind is an error");
    assert!(String::from_utf8_lossy(&run.stderr).contains("meeting"));
}
