//! Publication dates of real web pages, the reading alone (decode + one scan of the page),
//! pages per second: the figure `bench/pubdate.sh` sets beside htmldate's.
//!
//! `DATELINE_PAGES=folder cargo bench --bench pubdate` (skipped without the variable: the
//! pages are public benchmarks that this repository does not carry).

mod allocator;

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

const ROUNDS: usize = 5;

fn main() {
    let Some(folder) = std::env::var_os("DATELINE_PAGES").map(PathBuf::from) else {
        eprintln!("pubdate bench skipped: set DATELINE_PAGES to a folder of .html pages");
        return;
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        eprintln!("pubdate bench: cannot list {}", folder.display());
        return;
    };
    let pages: Vec<Vec<u8>> = entries
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let read_one = |raw: &Vec<u8>| {
        dateline::ingest::decode::decode_owned(raw.clone())
            .ok()
            .and_then(|d| dateline::ingest::web_date::published(&d.text, None))
            .is_some()
    };
    for (threads, label) in [(1, "1 thread"), (0, "all cores")] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap_or_else(|e| unreachable!("thread pool: {e}"));
        let mut best = f64::INFINITY;
        let mut dated = 0;
        for _ in 0..ROUNDS {
            let start = Instant::now();
            dated = pool.install(|| pages.par_iter().filter(|p| read_one(p)).count());
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "pubdate, {label}: {} pages ({:.0} MB) in {best:.3} s = {:.0} pages/s, {:.0} MB/s ({dated} dated; best of {ROUNDS})",
            pages.len(),
            bytes as f64 / 1e6,
            pages.len() as f64 / best,
            bytes as f64 / 1e6 / best,
        );
    }
}
