//! The headless subcommands: `extract`, `export` and `timex`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;

use dateline::events::Rules;
use dateline::temporal::{self, timeml};

pub fn extract(paths: &[PathBuf], rules_files: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let rules = Rules::built_in_and(rules_files)?;
    let corpus = dateline::ingest::load(paths);
    let timeline = dateline::events::extract(&corpus, &rules);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let report = dateline::report::Report::new(&corpus).with_events(&corpus, &timeline, &rules);
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
        writeln!(out)?;
        for e in &timeline.events {
            let when = e
                .interval
                .map_or_else(|| "undated".to_owned(), |iv| iv.to_string());
            writeln!(
                out,
                "{when:<25}  {:<12}  {}  [{} source{}]",
                rules.kinds[e.kind].name,
                e.label,
                e.sources.len(),
                if e.sources.len() == 1 { "" } else { "s" }
            )?;
        }
        for problem in &corpus.problems {
            writeln!(out, "problem: {problem}")?;
        }
    }
    Ok(())
}

/// Tags `TimeML` files into `out_dir`, or plain-text files against `dct` as JSON.
pub fn timex(
    files: &[PathBuf],
    out_dir: Option<&Path>,
    dct: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<()> {
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        for file in files {
            let source = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            let doc =
                timeml::parse(&source).with_context(|| format!("parsing {}", file.display()))?;
            let found = temporal::tag(&doc.text, doc.dct);
            let name = file.file_name().context("file without a name")?;
            let id = Path::new(name)
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let target = dir.join(name);
            std::fs::write(&target, timeml::write(&id, &doc, &found))
                .with_context(|| format!("writing {}", target.display()))?;
        }
        return Ok(());
    }
    let Some(dct) = dct else {
        bail!("plain text needs --dct YYYY-MM-DD (or give .tml files with --out-dir)")
    };
    let mut docs = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let found = temporal::tag(&text, dct);
        docs.push(serde_json::json!({
            "file": file.display().to_string(),
            "dct": dct.to_string(),
            "timexes": found.iter().map(|t| {
                let mut v = serde_json::to_value(t).unwrap_or_default();
                v["text"] = serde_json::Value::from(&text[t.start..t.end]);
                v
            }).collect::<Vec<_>>(),
        }));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &docs)?;
        writeln!(out)?;
    } else {
        for doc in &docs {
            for t in doc["timexes"].as_array().into_iter().flatten() {
                writeln!(
                    out,
                    "{}\t{}\t{}",
                    t["text"].as_str().unwrap_or(""),
                    t["type"].as_str().unwrap_or(""),
                    t["value"].as_str().unwrap_or("")
                )?;
            }
        }
    }
    Ok(())
}

pub fn export(
    paths: &[PathBuf],
    rules_files: &[PathBuf],
    output: &Path,
    mut options: dateline::export::Options,
    (from, to): (Option<NaiveDate>, Option<NaiveDate>),
) -> anyhow::Result<()> {
    let rules = Rules::built_in_and(rules_files)?;
    let corpus = dateline::ingest::load(paths);
    for problem in &corpus.problems {
        eprintln!(
            "dateline: skipped {}: {}",
            problem.path.display(),
            problem.reason
        );
    }
    let timeline = dateline::events::extract(&corpus, &rules);
    if from.is_some() || to.is_some() {
        options.view = Some(
            dateline::export::view_between(&timeline, from, to)
                .context("--from must come before --to")?,
        );
    }
    let source = dateline::export::Source {
        corpus: &corpus,
        timeline: &timeline,
        kinds: &rules.kinds,
        paths,
    };
    let rendered = dateline::export::export_png(source, &options, output)?;
    eprintln!(
        "dateline: wrote {} ({}×{} pixels, {} events numbered)",
        output.display(),
        rendered.image.width(),
        rendered.image.height(),
        rendered.numbers.iter().flatten().count()
    );
    Ok(())
}
