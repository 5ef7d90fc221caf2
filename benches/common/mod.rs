//! A generated corpus for the benchmarks: the sample articles rewritten with shifted dates,
//! other places and numbers, in several on-disk styles, so the folder looks like a real archive.

use std::path::Path;

const SAMPLE: [&str; 2] = [
    include_str!("../../assets/sample/000_9c6cc9a4abd8fbcc.txt"),
    include_str!("../../assets/sample/001_585025c503813674.txt"),
];
const PLACES: [&str; 6] = ["Tokyo", "Seoul", "Paris", "Nairobi", "Lima", "Ottawa"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Writes `count` articles (≈4 KB each) into `dir` and returns the total bytes written.
pub fn write_corpus(dir: &Path, count: usize) -> usize {
    let mut total = 0;
    for i in 0..count {
        let month = MONTHS[i % 12];
        let day = 1 + i % 28;
        let year = 2000 + (i / 12) % 25;
        let body = SAMPLE[i % 2]
            .replace("Tokyo", PLACES[i % PLACES.len()])
            .replace("March", MONTHS[(i + 2) % 12])
            .replace("1.05", &format!("{}.{:02}", i % 9 + 1, i % 100));
        let text = match i % 3 {
            0 => format!("Published: {month} {day}, {year}\n\n{body}"),
            1 => format!(
                "{}, {day} {month}, /WIRE/\n{body}",
                PLACES[i % PLACES.len()]
            ),
            _ => format!(
                "---\ntitle: Report {i}\ndate: {year}-{:02}-{day:02}\n---\n{body}",
                i % 12 + 1
            ),
        };
        let sub = dir.join(format!("batch{:03}", i / 500));
        std::fs::create_dir_all(&sub).expect("bench folder");
        std::fs::write(sub.join(format!("{i:05}.txt")), &text).expect("bench file");
        total += text.len();
    }
    total
}
