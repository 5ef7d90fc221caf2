//! The same 40,000 one-line reports as one file and as 40 files of 1,000: the whole pipeline
//! must cost about the same either way (it compared every pair of mentions within a file, so
//! one big file took 25 times longer). `cargo bench --bench one_file`.

mod allocator;

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use dateline::{Dataset, Progress, Rules};

const REPORTS: usize = 40_000;
const PLACES: [&str; 8] = [
    "Geneva", "Tokyo", "Paris", "Nairobi", "Lima", "Ottawa", "Seoul", "Berlin",
];
const NAMES: [&str; 8] = [
    "Smith", "Tanaka", "Dupont", "Otieno", "Garcia", "Tremblay", "Kim", "Schmidt",
];
const VERBS: [&str; 5] = [
    "met",
    "held talks with",
    "signed an agreement with",
    "appointed",
    "fired a missile near",
];
const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn reports() -> Vec<String> {
    (0..REPORTS)
        .map(|i| {
            format!(
                "Officials in {} {} Minister {} on {} about item {i}.",
                PLACES[i % 8],
                VERBS[(i / 8) % 5],
                NAMES[(i / 40) % 8],
                DAYS[(i / 320) % 5]
            )
        })
        .collect()
}

fn write(path: &Path, lines: &[String]) {
    let mut text = String::from("Date: 2021-03-05\n\n");
    for line in lines {
        let _ = write!(text, "{line}\n\n");
    }
    std::fs::write(path, text).expect("bench file");
}

fn best_of(runs: usize, dir: &Path) -> (f64, usize) {
    let rules = Rules::built_in();
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let data = Dataset::load(vec![dir.to_owned()], rules.clone(), &Progress::default());
            (start.elapsed().as_secs_f64(), data.timeline.events.len())
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or((f64::NAN, 0))
}

fn main() {
    let lines = reports();
    let one = tempfile::tempdir().expect("temp dir");
    write(&one.path().join("all.txt"), &lines);
    let many = tempfile::tempdir().expect("temp dir");
    for (k, chunk) in lines.chunks(REPORTS / 40).enumerate() {
        write(&many.path().join(format!("part{k:02}.txt")), chunk);
    }
    let (split, split_events) = best_of(5, many.path());
    let (single, single_events) = best_of(5, one.path());
    println!("{REPORTS} one-line reports, best of 5:");
    println!("  40 files of 1,000   {split:.3} s  ({split_events} events)");
    println!("  one file            {single:.3} s  ({single_events} events)");
    println!("  one file / 40 files {:.2}×", single / split);
}
