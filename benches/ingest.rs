//! Ingest throughput on a generated 10,000-article folder: `cargo bench --bench ingest`.

mod allocator;

mod common;

use std::time::Instant;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = common::write_corpus(dir.path(), 10_000);
    let paths = [dir.path().to_owned()];
    // One warm-up pass so the page cache holds the files, as it does when a user reloads.
    let corpus = dateline::ingest::load(&paths);
    assert_eq!(
        corpus.articles.len(),
        10_000,
        "{:?}",
        corpus.problems.first()
    );
    let mut best = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        let corpus = dateline::ingest::load(&paths);
        best = best.min(start.elapsed().as_secs_f64());
        std::hint::black_box(corpus);
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "ingest: {} articles, {mb:.1} MB in {:.3} s (best of 5) = {:.0} MB/s on {} threads",
        10_000,
        best,
        mb / best,
        rayon::current_num_threads()
    );
}
