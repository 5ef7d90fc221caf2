//! The headless subcommands: `extract`, `export` and `timex`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::NaiveDate;

use dateline::temporal::{self, timeml};
use dateline::{Dataset, Progress, Rules};

/// A text file named on the command line: only a regular file, never more than an article's
/// size limit.
fn read_text(file: &Path) -> anyhow::Result<String> {
    dateline::read::read_regular_text(file, dateline::ingest::MAX_FILE_BYTES)
        .with_context(|| format!("reading {}", file.display()))
}

/// What a subcommand reads: articles, extra rules, and whether the saved corrections apply.
pub struct Input<'a> {
    pub paths: &'a [PathBuf],
    pub rules_files: &'a [PathBuf],
    pub corrections: bool,
}

impl<'a> Input<'a> {
    pub fn new(paths: &'a [PathBuf], rules_files: &'a [PathBuf], no_corrections: bool) -> Self {
        Self {
            paths,
            rules_files,
            corrections: !no_corrections,
        }
    }
}

/// Reads the rules, then runs the whole pipeline on the input's paths.
fn load(input: &Input) -> anyhow::Result<Dataset> {
    let rules = Rules::built_in_and(input.rules_files)?;
    Ok(Dataset::load_with(
        input.paths.to_vec(),
        rules,
        input.corrections,
        &Progress::default(),
    ))
}

pub fn extract(input: &Input, json: bool) -> anyhow::Result<()> {
    let Dataset {
        corpus,
        rules,
        timeline,
        problems,
        ..
    } = load(input)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let report = dateline::report::Report::new(&corpus)
            .with_events(&corpus, &timeline, &rules)
            .with_problems(&problems);
        serde_json::to_writer_pretty(&mut out, &report)
            .context("writing JSON to standard output")?;
        writeln!(out)?;
    } else {
        for article in &corpus.articles {
            let date = article.published_text();
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
            let when = e.when_text();
            writeln!(
                out,
                "{when:<25}  {:<12}  {}  [{} source{}]",
                rules.kinds[e.kind].name,
                e.label,
                e.sources.len(),
                if e.sources.len() == 1 { "" } else { "s" }
            )?;
        }
        for problem in &problems {
            let what = if problem.warning {
                "warning"
            } else {
                "problem"
            };
            writeln!(out, "{what}: {problem}")?;
        }
    }
    nothing_read(&corpus)
}

/// An error when no article could be read but something was wrong, so scripts notice (as
/// ripgrep exits non-zero on errors); an empty folder is no error.
fn nothing_read(corpus: &dateline::Corpus) -> anyhow::Result<()> {
    match corpus.problems.first() {
        Some(first) if corpus.articles.is_empty() => {
            let more = corpus.problems.len() - 1;
            let others = match more {
                0 => String::new(),
                1 => " (and 1 more problem)".to_owned(),
                n => format!(" (and {n} more problems)"),
            };
            bail!("no article could be read: {first}{others}")
        }
        _ => Ok(()),
    }
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
        // Two inputs of one name would write one output over the other.
        let mut names = std::collections::HashSet::new();
        for file in files {
            let name = file.file_name().context("file without a name")?;
            if !names.insert(name) {
                bail!(
                    "two inputs are named {}: their outputs in {} would overwrite each other",
                    Path::new(name).display(),
                    dir.display()
                );
            }
        }
        for file in files {
            let source = read_text(file)?;
            let doc =
                timeml::parse(&source).with_context(|| format!("parsing {}", file.display()))?;
            let found = temporal::tag(&doc.text, doc.dct);
            let name = file.file_name().context("file without a name")?;
            let id = Path::new(name)
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let target = dir.join(name);
            dateline::atomic::write_atomically(
                &target,
                timeml::write(&id, &doc, &found).as_bytes(),
            )?;
        }
        return Ok(());
    }
    let Some(dct) = dct else {
        bail!("plain text needs --dct YYYY-MM-DD (or give .tml files with --out-dir)")
    };
    let mut docs = Vec::new();
    for file in files {
        let text = read_text(file)?;
        let mut tagger = temporal::Tagger::default();
        let found = tagger.tag(&text, dct).to_vec();
        // Expressions that resolved off the calendar are left out, and said so here.
        let dropped: Vec<serde_json::Value> = tagger
            .dropped()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "start": r.start,
                    "end": r.end,
                    "text": &text[r.clone()],
                    "note": "resolves to a date outside the years 1-9999; left out",
                })
            })
            .collect();
        docs.push(serde_json::json!({
            "file": file.display().to_string(),
            "dct": dct.to_string(),
            "dropped": dropped,
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

#[cfg(feature = "gui")]
pub fn export(
    input: &Input,
    output: &Path,
    mut options: dateline::export::Options,
    (from, to): (Option<NaiveDate>, Option<NaiveDate>),
) -> anyhow::Result<()> {
    use dateline::export::{self, ExportError};
    let data = load(input)?;
    print_problems(&data);
    if from.is_some() || to.is_some() {
        options.view = Some(
            export::view_between(&data.timeline, from, to)
                .context("--from must come before --to")?,
        );
    }
    let rendered = export::export_png(&data, &options, output).map_err(|err| {
        // The library's errors name no flags; the command line knows which ones help.
        let hint = match &err {
            ExportError::TooLarge { fitted: true, .. } => {
                "; give --height, a shorter span, or --no-sources"
            }
            ExportError::TooLarge { .. } => "; give a smaller --width or --height",
            ExportError::Scale(_) => " (--scale)",
            ExportError::Width(_) => " (--width)",
            ExportError::Height(_) => " (--height)",
            _ => "",
        };
        anyhow::anyhow!("{err}{hint}")
    })?;
    eprintln!(
        "dateline: wrote {} ({}×{} pixels, {} events numbered)",
        output.display(),
        rendered.image.width(),
        rendered.image.height(),
        rendered.numbers.iter().flatten().count()
    );
    Ok(())
}

/// Each file that was skipped or loaded with a warning, on stderr.
fn print_problems(data: &Dataset) {
    for problem in &data.problems {
        let what = if problem.warning {
            "warning:"
        } else {
            "skipped"
        };
        eprintln!(
            "dateline: {what} {}: {}",
            problem.path.display(),
            problem.reason
        );
    }
}

/// Writes the chronology of `paths` to `output` atomically, only the `kinds` named if given.
pub fn export_text(
    input: &Input,
    output: &Path,
    (format, csv): (dateline::formats::Format, dateline::formats::csv::Options),
    kinds: Option<&[String]>,
) -> anyhow::Result<()> {
    use dateline::formats;
    let data = load(input)?;
    print_problems(&data);
    let wanted: Option<Vec<usize>> = kinds.map(|names| {
        data.rules
            .kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| names.iter().any(|n| n == &k.name))
            .map(|(i, _)| i)
            .collect()
    });
    if let (Some(names), Some(found)) = (kinds, &wanted)
        && found.len() < names.len()
    {
        let known: Vec<&str> = data.rules.kinds.iter().map(|k| k.name.as_str()).collect();
        anyhow::bail!(
            "--kinds names a kind that does not exist; the kinds are {}",
            known.join(", ")
        );
    }
    let events = &data.timeline.events;
    let keep = |i: usize| {
        wanted
            .as_ref()
            .is_none_or(|w| events.get(i).is_some_and(|e| w.contains(&e.kind)))
    };
    let bytes = formats::render(&data, format, &keep, csv).map_err(anyhow::Error::msg)?;
    dateline::atomic::write_atomically(output, &bytes)
        .with_context(|| format!("writing {}", output.display()))?;
    let count = (0..events.len()).filter(|&i| keep(i)).count();
    eprintln!("dateline: wrote {} ({count} events)", output.display());
    Ok(())
}
