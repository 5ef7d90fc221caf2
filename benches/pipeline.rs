//! The whole pipeline (ingest → temporal + events → merge) on a generated 10,000-article folder,
//! with the time of each stage: `cargo bench --bench pipeline`. `DATELINE_BENCH_ARTICLES=600`
//! makes the folder smaller, e.g. to count instructions under callgrind.

mod allocator;

mod common;

use std::time::Instant;

use dateline::events::{self, Rules};
use dateline::temporal;
use rayon::prelude::*;

fn main() {
    let articles = std::env::var("DATELINE_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = common::write_corpus(dir.path(), articles);
    let paths = [dir.path().to_owned()];
    let rules = Rules::built_in();
    let _warm = dateline::ingest::load(&paths);
    let mut best = [f64::MAX; 5];
    let mut counts = (0, 0);
    for _ in 0..3 {
        let t0 = Instant::now();
        let corpus = dateline::ingest::load(&paths);
        let t1 = Instant::now();
        // Temporal tagging alone, to split the extraction stage.
        let timexes: usize = corpus
            .articles
            .par_iter()
            .map(|a| a.published.map_or(0, |d| temporal::tag(&a.text, d).len()))
            .sum();
        let t2 = Instant::now();
        let mentions: Vec<Vec<events::Mention>> = corpus
            .articles
            .par_iter()
            .map_init(temporal::Tagger::default, |tagger, a| {
                events::article_mentions(tagger, a, &rules)
            })
            .collect();
        let t3 = Instant::now();
        let timeline = events::merge(&corpus, &mentions);
        let t4 = Instant::now();
        let stages = [t1 - t0, t2 - t1, t3 - t2, t4 - t3, (t1 - t0) + (t4 - t2)];
        for (b, s) in best.iter_mut().zip(stages) {
            *b = b.min(s.as_secs_f64());
        }
        counts = (timexes, timeline.events.len());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "pipeline: {articles} articles, {mb:.1} MB, {} time expressions, {} events, {} threads",
        counts.0,
        counts.1,
        rayon::current_num_threads()
    );
    println!(
        "  ingest             {:.3} s  ({:.0} MB/s)",
        best[0],
        mb / best[0]
    );
    println!(
        "  temporal (alone)   {:.3} s  ({:.0} MB/s)",
        best[1],
        mb / best[1]
    );
    println!(
        "  temporal + events  {:.3} s  ({:.0} MB/s)",
        best[2],
        mb / best[2]
    );
    println!("  merge              {:.3} s", best[3]);
    println!(
        "  whole pipeline     {:.3} s  = {:.0} MB/s (ingest + temporal/events + merge)",
        best[4],
        mb / best[4]
    );
}
