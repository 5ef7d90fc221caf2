//! The `dateline` command: opens the timeline, or runs the pipeline headless.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract { paths, json }) => extract(&paths, json),
        None => {
            let paths = if cli.paths.is_empty() {
                vec![sample_folder()]
            } else {
                cli.paths
            };
            extract(&paths, false)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dateline: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The bundled sample, found next to the working directory or the crate it was built from.
fn sample_folder() -> PathBuf {
    let relative = PathBuf::from("assets/sample");
    if relative.is_dir() {
        relative
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample")
    }
}

fn extract(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let corpus = dateline::ingest::load(paths);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let report = dateline::report::Report::new(&corpus);
        serde_json::to_writer_pretty(&mut out, &report)
            .context("writing JSON to standard output")?;
        writeln!(out)?;
    } else {
        for article in &corpus.articles {
            let date = article
                .published
                .map_or_else(|| "undated".to_owned(), |d| d.to_string());
            let from = article.published_from.map_or("", |s| s.describe());
            writeln!(
                out,
                "{date}  {}  ({from}, {} paragraphs)",
                article.file,
                article.paragraphs.len()
            )?;
        }
        for problem in &corpus.problems {
            writeln!(out, "problem: {problem}")?;
        }
    }
    Ok(())
}
