//! Release export time at 2400×1000: the bundled sample, and a generated 10,000-event
//! timeline. Everything is counted: the offscreen passes, tessellation, rasterizing and PNG
//! encoding. `cargo bench --bench export`.

mod generated;

use std::time::Instant;

use dateline::events::{Rules, Timeline};
use dateline::export::{self, Options};

fn time(name: &str, source: export::Source<'_>, options: &Options) {
    let runs = 5;
    let mut best = f64::MAX;
    let mut total = 0.0;
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let rendered = match export::render(source, options) {
            Ok(r) => r,
            Err(err) => {
                eprintln!("{name}: {err}");
                return;
            }
        };
        let png = match export::encode_png(&rendered.image) {
            Ok(png) => png,
            Err(err) => {
                eprintln!("{name}: {err}");
                return;
            }
        };
        let secs = start.elapsed().as_secs_f64();
        bytes = png.len();
        best = best.min(secs);
        total += secs;
    }
    println!(
        "{name:<28} best {:.3} s  mean {:.3} s  ({} KB PNG)",
        best,
        total / f64::from(runs),
        bytes / 1024
    );
}

fn main() {
    let options = Options {
        width: 2400,
        height: Some(1000),
        ..Options::default()
    };
    let paths = vec![dateline::app::sample_folder()];
    let corpus = dateline::ingest::load(&paths);
    let rules = Rules::built_in();
    let timeline = dateline::events::extract(&corpus, &rules);
    let sample = export::Source {
        corpus: &corpus,
        timeline: &timeline,
        kinds: &rules.kinds,
        paths: &paths,
    };
    time("sample, 2400×1000", sample, &options);

    let generated = Timeline {
        events: generated::events(10_000),
    };
    let empty = dateline::ingest::Corpus::default();
    let big = export::Source {
        corpus: &empty,
        timeline: &generated,
        kinds: &rules.kinds,
        paths: &[],
    };
    time("10,000 events, 2400×1000", big, &options);
}
