//! The `dateline` command: opens the timeline, or runs the pipeline headless.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { paths, json, rules }) => cli::extract(&paths, &rules, json),
        Some(Command::Timex {
            files,
            out_dir,
            dct,
            json,
        }) => cli::timex(&files, out_dir.as_deref(), dct, json),
        None => run_app(cli.paths),
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
fn run_app(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        anyhow::bail!(
            "no display to open a window on (set DISPLAY or WAYLAND_DISPLAY); the `extract` and `timex` commands work without one"
        );
    }
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Dateline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Dateline",
        options,
        Box::new(move |cc| Ok(Box::new(dateline::app::DatelineApp::new(cc, paths)))),
    )
    .map_err(|err| anyhow::anyhow!("could not open the window: {err}"))
}
