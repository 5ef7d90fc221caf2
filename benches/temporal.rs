//! Tagging throughput on all of TBAQ-cleaned repeated to ≥ 40 MB: `cargo bench --bench temporal`.

mod allocator;

use std::path::PathBuf;
use std::time::Instant;

use dateline::temporal::{self, timeml};
use rayon::prelude::*;

fn main() {
    let tbaq =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/tempeval3/TBAQ-cleaned");
    let mut docs = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        let Ok(entries) = std::fs::read_dir(tbaq.join(part)) else {
            eprintln!("TBAQ not found at {}: nothing to measure", tbaq.display());
            return;
        };
        for entry in entries.flatten() {
            let Ok(source) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            if let Ok(doc) = timeml::parse(&source) {
                docs.push(doc);
            }
        }
    }
    let once: usize = docs.iter().map(|d| d.text.len()).sum();
    let copies = (40_000_000 / once.max(1)) + 1;
    let work: Vec<&timeml::Document> = (0..copies).flat_map(|_| docs.iter()).collect();
    let bytes: usize = work.iter().map(|d| d.text.len()).sum();
    let run = |parallel: bool| {
        let start = Instant::now();
        let found: usize = if parallel {
            work.par_iter()
                .map_init(temporal::Tagger::default, |tagger, d| {
                    tagger.tag(&d.text, d.dct).len()
                })
                .sum()
        } else {
            let mut tagger = temporal::Tagger::default();
            work.iter().map(|d| tagger.tag(&d.text, d.dct).len()).sum()
        };
        (start.elapsed().as_secs_f64(), found)
    };
    let _ = run(true);
    let (best_par, found) = (0..3)
        .map(|_| run(true))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or((f64::NAN, 0));
    let (best_one, _) = (0..2)
        .map(|_| run(false))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or((f64::NAN, 0));
    let mb = bytes as f64 / 1e6;
    let docs_n = work.len();
    println!(
        "temporal: {docs_n} documents ({} TBAQ × {copies}), {mb:.1} MB, {found} expressions",
        docs.len()
    );
    println!(
        "  {} threads: {:.3} s = {:.0} MB/s = {:.0} docs/s",
        rayon::current_num_threads(),
        best_par,
        mb / best_par,
        docs_n as f64 / best_par
    );
    println!("  1 thread:  {:.3} s = {:.0} MB/s", best_one, mb / best_one);
}
