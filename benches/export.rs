//! Release export time at 2400×1000: the bundled sample, and a generated 10,000-event
//! timeline. Everything is counted: the offscreen passes, tessellation, rasterizing and PNG
//! encoding. `cargo bench --bench export`.

mod allocator;

mod generated;

use std::time::Instant;

use dateline::export::{self, Options};
use dateline::{Dataset, Progress, Rules, Timeline};

fn time(name: &str, data: &Dataset, options: &Options) {
    let runs = 5;
    let mut best = f64::MAX;
    let mut total = 0.0;
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let rendered = match export::render(data, options) {
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
    let sample = Dataset::load(
        vec![dateline::app::sample_folder()],
        Rules::built_in(),
        &Progress::default(),
    );
    time("sample, 2400×1000", &sample, &options);

    let big = Dataset::of_events(
        Rules::built_in(),
        Timeline {
            events: generated::events(10_000),
        },
    );
    time("10,000 events, 2400×1000", &big, &options);
}
