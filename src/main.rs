//! The `dateline` command: opens the timeline, or runs the pipeline headless.

mod cli;

/// mimalloc instead of the system allocator: loading and extraction make millions of small
/// strings and vectors on every core, and glibc's malloc spent a tenth of ingest
/// consolidating free lists (perf, 10,000 articles). Set here, not in the library, so
/// programs that use the library keep their own allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use dateline::formats::Format;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Turn a folder of news articles into a source-linked timeline"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Folder or files to open (default: the bundled sample articles).
    paths: Vec<PathBuf>,
    /// Extra event-kind rules (TOML) for the window, added to the built-in kinds.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and print what was extracted.
    Extract {
        /// Folders (walked recursively) or article files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the JSON document instead of a text summary.
        #[arg(long)]
        json: bool,
        /// Leave out the corrections saved in the folder (dateline.corrections.json): the
        /// extractor's own output.
        #[arg(long)]
        no_corrections: bool,
        /// Extra event-kind rules (TOML), added to the built-in kinds.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Write the timeline as a PNG figure (no display or GPU needed), a CSV table, Dateline's
    /// JSON, a `TimelineJS3` timeline or a Markdown chronology.
    Export {
        /// Folders (walked recursively) or article files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The file to write.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The format (default: from the output's extension: .png, .csv, .json, .md).
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Leave out the corrections saved in the folder (dateline.corrections.json): the
        /// extractor's own output.
        #[arg(long)]
        no_corrections: bool,
        /// Start the CSV with a UTF-8 byte order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// Image width in pixels.
        #[arg(long, default_value_t = 2400)]
        width: u32,
        /// Image height in pixels, or `auto` to fit the lanes and the source list.
        #[arg(long, default_value = "auto", value_parser = parse_height)]
        height: Height,
        /// First day drawn (default: the earliest event).
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// Last day drawn (default: the latest event).
        #[arg(long, value_name = "DATE")]
        to: Option<NaiveDate>,
        /// Only these kinds, comma-separated (e.g. `meeting,missile_test`).
        #[arg(long, value_delimiter = ',')]
        kinds: Option<Vec<String>>,
        #[arg(long, value_enum, default_value_t = Theme::Light)]
        theme: Theme,
        /// Pixels per point: 2 draws everything twice as large as on a standard screen.
        #[arg(long, default_value_t = 2.0)]
        scale: f32,
        /// Leave out the marker numbers and the source list.
        #[arg(long)]
        no_sources: bool,
        /// The figure's title (default: the folder's name).
        #[arg(long)]
        title: Option<String>,
        /// Extra event-kind rules (TOML), added to the built-in kinds.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Tag time expressions: `TimeML` files into --out-dir, or plain text against --dct.
    Timex {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write tagged `TimeML` copies of the input .tml files here.
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Document creation time for plain-text input.
        #[arg(long)]
        dct: Option<NaiveDate>,
        /// Print JSON (spans, values, intervals).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Theme {
    Light,
    Dark,
}

/// A pixel height, or `None` for automatic.
#[derive(Clone, Copy)]
#[cfg_attr(
    not(feature = "gui"),
    expect(dead_code, reason = "only the PNG export reads it")
)]
struct Height(Option<u32>);

fn parse_height(s: &str) -> Result<Height, String> {
    if s.eq_ignore_ascii_case("auto") {
        return Ok(Height(None));
    }
    s.parse::<u32>()
        .ok()
        .filter(|&h| h > 0)
        .map(|h| Height(Some(h)))
        .ok_or_else(|| format!("expected a height in pixels or `auto`, not {s:?}"))
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Png,
    Csv,
    Json,
    Timelinejs,
    Markdown,
}

impl ExportFormat {
    /// The format an output file's extension names.
    fn from_extension(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(Self::Png),
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract {
            paths,
            json,
            rules,
            no_corrections,
        }) => cli::extract(&cli::Input::new(&paths, &rules, no_corrections), json),
        Some(Command::Timex {
            files,
            out_dir,
            dct,
            json,
        }) => cli::timex(&files, out_dir.as_deref(), dct, json),
        Some(Command::Export {
            paths,
            output,
            format,
            bom,
            kinds,
            rules,
            no_corrections,
            ..
        }) if format
            .or_else(|| ExportFormat::from_extension(&output))
            .is_some_and(|f| f != ExportFormat::Png) =>
        {
            let format = format.or_else(|| ExportFormat::from_extension(&output));
            let text = match format {
                Some(ExportFormat::Csv) => Format::Csv,
                Some(ExportFormat::Json) => Format::Json,
                Some(ExportFormat::Timelinejs) => Format::TimelineJs,
                _ => Format::Markdown,
            };
            let csv = dateline::formats::csv::Options { bom };
            cli::export_text(
                &cli::Input::new(&paths, &rules, no_corrections),
                &output,
                (text, csv),
                kinds.as_deref(),
            )
        }
        #[cfg(feature = "gui")]
        Some(Command::Export {
            paths,
            output,
            width,
            height,
            from,
            to,
            kinds,
            theme,
            scale,
            no_sources,
            title,
            rules,
            no_corrections,
            ..
        }) => cli::export(
            &cli::Input::new(&paths, &rules, no_corrections),
            &output,
            dateline::export::Options {
                width,
                height: height.0,
                scale,
                dark: theme == Theme::Dark,
                sources: !no_sources,
                title,
                view: None,
                kinds: kinds.map(dateline::KindSet::new),
            },
            (from, to),
        ),
        #[cfg(not(feature = "gui"))]
        Some(Command::Export { .. }) => Err(anyhow::anyhow!(
            "this dateline was built without the `gui` feature, which draws the PNG"
        )),
        None => run_app(cli.paths, cli.rules),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dateline: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the window on `paths` (or the last folder, or the bundled sample).
#[cfg(feature = "gui")]
fn run_app(paths: Vec<PathBuf>, rules_files: Vec<PathBuf>) -> anyhow::Result<()> {
    // Checked first: every other check below says why no window opens, and this one must
    // be said even then.
    let persistence_path = usable_settings_file();
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        anyhow::bail!(
            "no display to open a window on (set DISPLAY or WAYLAND_DISPLAY); the `extract`, `export` and `timex` commands work without one"
        );
    }
    // A rules file that cannot be read is said here, before a window hides the terminal.
    dateline::Rules::built_in_and(&rules_files)?;
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(dateline::app::APP_NAME)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        persistence_path,
        ..Default::default()
    };
    let launch = dateline::app::Launch { paths, rules_files };
    eframe::run_native(
        dateline::app::APP_NAME,
        options,
        Box::new(move |cc| Ok(Box::new(dateline::app::DatelineApp::new(cc, launch)))),
    )
    .map_err(|err| anyhow::anyhow!("could not open the window: {err}"))
}

/// eframe reads its settings file before any window opens, with no bound and no type check:
/// a FIFO there would hang every launch, a link to `/dev/zero` fill the memory. Such a file
/// is left alone and the settings go to a file beside it for this session.
#[cfg(feature = "gui")]
fn usable_settings_file() -> Option<PathBuf> {
    const MAX_SETTINGS_BYTES: u64 = 16 << 20;
    let dir = eframe::storage_dir(dateline::app::APP_NAME)?;
    let saved = dir.join("app.ron");
    let meta = std::fs::metadata(&saved).ok()?;
    if meta.is_file() && meta.len() <= MAX_SETTINGS_BYTES {
        return None;
    }
    let instead = dir.join("app.session.ron");
    eprintln!(
        "dateline: {} is {}; the window's settings are kept in {} instead",
        saved.display(),
        if meta.is_file() {
            "too large to be settings"
        } else {
            dateline::read::describe(&meta.file_type())
        },
        instead.display()
    );
    Some(instead)
}

#[cfg(not(feature = "gui"))]
fn run_app(_paths: Vec<PathBuf>, _rules_files: Vec<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!(
        "this dateline was built without the `gui` feature: use the `extract` and `timex` commands"
    )
}
