//! Folder → articles: walking, decoding, paragraphs with byte ranges, publication dates.
//!
//! ```no_run
//! let corpus = dateline::ingest::load(&["assets/sample".into()]);
//! for article in &corpus.articles {
//!     println!("{} {:?} {} paragraphs", article.file, article.published, article.paragraphs.len());
//! }
//! for problem in &corpus.problems {
//!     eprintln!("{problem}");
//! }
//! ```

mod date_line;
pub mod decode;
pub mod html;
pub mod main_text;
pub mod paragraphs;
pub mod pubdate;
mod siblings;
pub mod web_date;

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use crate::progress::Progress;
use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;
use serde::Serialize;

pub use pubdate::DateSource;

/// Files larger than this are refused: no news article is 64 MiB, a data dump is.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

const EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "text"];

/// One paragraph: its position and byte range in [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

impl Paragraph {
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A decoded article.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    /// Path relative to the folder it was loaded from, with `/` separators.
    pub file: String,
    pub title: Option<String>,
    /// Decoded text with `\n` line endings; paragraph ranges index into it.
    pub text: String,
    pub encoding: &'static str,
    pub paragraphs: Vec<Paragraph>,
    pub published: Option<NaiveDate>,
    pub published_from: Option<DateSource>,
    /// A dateline's day and month whose year is still unknown after reading the file alone.
    pending_dateline: Option<pubdate::PartialDate>,
    modified: Option<NaiveDate>,
}

impl Article {
    #[must_use]
    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        &self.text[paragraph.range()]
    }

    /// The publication day, or "undated".
    #[must_use]
    pub fn published_text(&self) -> String {
        self.published
            .map_or_else(|| crate::calendar::UNDATED.to_owned(), |d| d.to_string())
    }
}

/// A file that could not be loaded, or (a warning) one that loaded with something to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub path: PathBuf,
    pub reason: String,
    /// Loaded, but repaired or guessed: the article is on the timeline.
    pub warning: bool,
}

impl Problem {
    /// A file that is not on the timeline.
    #[must_use]
    pub fn error(path: &Path, reason: String) -> Self {
        Self {
            path: path.to_owned(),
            reason,
            warning: false,
        }
    }

    /// A file that loaded, with something its reader should check.
    #[must_use]
    pub fn warning(path: &Path, reason: String) -> Self {
        Self {
            path: path.to_owned(),
            reason,
            warning: true,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.reason, self.path.display())
    }
}

/// Everything loaded from a set of paths: the articles in path order, and the problems.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// Loads every article under `paths` (folders are walked recursively; hidden entries skipped).
#[must_use]
pub fn load(paths: &[PathBuf]) -> Corpus {
    load_with_progress(paths, &Progress::default())
}

/// [`load`], reporting into `progress` and stopping early (with what was read) once cancelled.
#[must_use]
pub fn load_with_progress(paths: &[PathBuf], progress: &Progress) -> Corpus {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for root in paths {
        collect_files(root, &mut files, &mut problems);
    }
    progress.files_total.store(files.len(), Ordering::Relaxed);
    let results: Vec<Result<(Article, Vec<Problem>), Problem>> = files
        .par_iter()
        .filter(|_| !progress.is_cancelled())
        .map(|(path, file)| {
            let result = load_file(path, file.clone());
            progress.files_done.fetch_add(1, Ordering::Relaxed);
            result
        })
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((article, warnings)) => {
                articles.push(article);
                problems.extend(warnings);
            }
            Err(problem) => problems.push(problem),
        }
    }
    siblings::recover_missing_years(&mut articles);
    problems.extend(articles.iter().filter_map(estimated_date_warning));
    Corpus { articles, problems }
}

/// `corpus` with the files at `changed` read again: a changed file replaces its article, a
/// new one is added, a removed one leaves (with its problems). `roots` are the paths the
/// corpus was loaded from, which name the files. Returns the new corpus and, per article,
/// whether it is new or its publication date moved (its events must be found again).
#[must_use]
pub fn reload(corpus: &Corpus, roots: &[PathBuf], changed: &[PathBuf]) -> (Corpus, Vec<bool>) {
    let changed: std::collections::HashSet<&Path> = changed.iter().map(PathBuf::as_path).collect();
    let warnings: Vec<Problem> = corpus
        .articles
        .iter()
        .filter_map(estimated_date_warning)
        .collect();
    let mut problems: Vec<Problem> = corpus
        .problems
        .iter()
        .filter(|p| !changed.contains(p.path.as_path()) && !warnings.contains(p))
        .cloned()
        .collect();
    let before: std::collections::HashMap<&Path, Option<NaiveDate>> = corpus
        .articles
        .iter()
        .map(|a| (a.path.as_path(), a.published))
        .collect();
    let mut articles: Vec<Article> = corpus
        .articles
        .iter()
        .filter(|a| !changed.contains(a.path.as_path()))
        .cloned()
        .collect();
    let mut files = Vec::new();
    for path in &changed {
        if !path.exists() {
            continue;
        }
        // A path outside every root is not part of what was opened; one under a hidden
        // folder or itself hidden is skipped by the folder walk, so here too.
        let Some(root) = roots.iter().find(|r| path.starts_with(r)) else {
            continue;
        };
        let hidden = path
            .strip_prefix(root)
            .is_ok_and(|rel| rel.components().any(|c| is_hidden(c.as_os_str())));
        if hidden {
            continue;
        }
        if path.is_dir() {
            let mut inner = Vec::new();
            collect_files(path, &mut inner, &mut problems);
            files.extend(inner.into_iter().map(|(p, _)| p));
        } else if has_article_extension(path) {
            files.push(path.to_path_buf());
        }
    }
    files.sort();
    files.dedup();
    for path in files {
        if articles.iter().any(|a| a.path == path) {
            continue;
        }
        let Some(root) = roots.iter().find(|r| path.starts_with(r)) else {
            continue;
        };
        let name = if root.is_dir() {
            relative_name(root, &path)
        } else {
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        match load_file(&path, name) {
            Ok((article, found)) => {
                articles.push(article);
                problems.extend(found);
            }
            Err(problem) => problems.push(problem),
        }
    }
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    // Dates borrowed from the folder are borrowed again: the files lending them changed.
    for article in &mut articles {
        if article.published_from.is_some_and(|s| {
            matches!(
                s,
                DateSource::Sibling
                    | DateSource::Folder
                    | DateSource::FolderMiddle
                    | DateSource::FileTime
            )
        }) {
            article.published = None;
            article.published_from = None;
        }
    }
    siblings::recover_missing_years(&mut articles);
    problems.extend(articles.iter().filter_map(estimated_date_warning));
    let fresh = articles
        .iter()
        .map(|a| {
            changed.contains(a.path.as_path())
                || a.path.ancestors().any(|p| changed.contains(p))
                || before.get(a.path.as_path()) != Some(&a.published)
        })
        .collect();
    (Corpus { articles, problems }, fresh)
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Collects `(path, name relative to its root)` for every loadable file under `root`.
fn collect_files(root: &Path, out: &mut Vec<(PathBuf, String)>, problems: &mut Vec<Problem>) {
    let meta = match std::fs::metadata(root) {
        Ok(meta) => meta,
        Err(err) => {
            problems.push(Problem::error(root, format!("cannot open ({err})")));
            return;
        }
    };
    // Anything but a folder is one file; reading it says what it is if it is no regular file.
    if !meta.is_dir() {
        let name = root
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        out.push((root.to_owned(), name));
        return;
    }
    let mut stack = vec![root.to_owned()];
    let mut found = Vec::new();
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                problems.push(Problem::error(&dir, format!("cannot list folder ({err})")));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if is_hidden(&entry.file_name()) {
                continue;
            }
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(_) if has_article_extension(&path) => found.push(path),
                Ok(_) => {}
                Err(err) => problems.push(Problem::error(&path, format!("cannot read ({err})"))),
            }
        }
    }
    found.sort();
    out.extend(found.into_iter().map(|path| {
        let name = relative_name(root, &path);
        (path, name)
    }));
}

/// The UTC day of a file time; `None` outside the calendar's range (a file system can hold
/// times hundreds of thousands of years away).
fn date_of(time: std::time::SystemTime) -> Option<NaiveDate> {
    let seconds = match time.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok()?,
        Err(before) => i64::try_from(before.duration().as_secs())
            .ok()?
            .checked_neg()?,
    };
    DateTime::<Utc>::from_timestamp(seconds, 0).map(|t| t.date_naive())
}

/// A warning for an article whose date was guessed: its events may sit on the wrong day,
/// and the Problems list is where people look for what to check.
pub(crate) fn estimated_date_warning(article: &Article) -> Option<Problem> {
    let source = article.published_from.filter(|s| s.is_estimated())?;
    let date = article.published?;
    let reason = match source {
        DateSource::DateLineUnsettled => format!(
            "loaded, but its date {date} is uncertain: its date line's day/month order could be either (read day first)"
        ),
        DateSource::PageModified => format!(
            "loaded, but its date {date} is only the page's last update: the first publication may be earlier"
        ),
        DateSource::Sibling => format!(
            "loaded, but its date {date} takes its year from a sibling article of the same story: its dateline gives day and month only"
        ),
        DateSource::Folder => format!(
            "loaded, but its date {date} takes its year from the folder's other articles: its dateline gives day and month only"
        ),
        _ => format!(
            "loaded, but its date {date} is estimated from {}: the file states no date Dateline could read",
            source.describe()
        ),
    };
    Some(Problem::warning(&article.path, reason))
}

/// Dot files and folders (`.git`, `.obsidian`, editors' swap files) are not articles.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The article in `path`, and warnings about what in it had to be repaired or guessed.
fn load_file(path: &Path, file: String) -> Result<(Article, Vec<Problem>), Problem> {
    let (bytes, meta) = crate::read::read_regular(path, MAX_FILE_BYTES)
        .map_err(|e| Problem::error(path, e.to_string()))?;
    let modified = meta.modified().ok().and_then(date_of);
    article_from_bytes(path, file, bytes, modified)
}

/// One article from a file's bytes, as [`load`] reads it: `path` tells HTML from text and
/// names the problems, `file` is the name shown, `modified` the file time. Whatever the
/// bytes, the result is an article (with warnings about what was repaired) or a problem.
pub fn article_from_bytes(
    path: &Path,
    file: String,
    bytes: Vec<u8>,
    modified: Option<NaiveDate>,
) -> Result<(Article, Vec<Problem>), Problem> {
    let problem = |reason: String| Problem::error(path, reason);
    let warning = |reason: String| Problem::warning(path, reason);
    let decoded = decode::decode_owned(bytes).map_err(|e| problem(e.to_string()))?;
    let mut warnings: Vec<Problem> = decoded
        .warning
        .as_ref()
        .map(|w| warning(format!("loaded, but {w}")))
        .into_iter()
        .collect();
    let is_html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let article = if is_html {
        let meta_date = web_date::published(&decoded.text, modified)
            .map(|(d, source)| (pubdate::PartialDate::from(d), source));
        // The whole page's text is stripped only when it is needed: for the title when the
        // article has none, or as the text when no article stands out.
        let (text, title) = if let Some(main) = main_text::main_text(&decoded.text) {
            let title = main.title.or_else(|| html::extract(&decoded.text).title);
            (main.text, title)
        } else {
            let page = html::extract(&decoded.text);
            if !page.text.trim().is_empty() {
                warnings.push(warning(
                    "loaded, but no article body stands out in this page: kept all its text, menus and links included".to_owned(),
                ));
            }
            (page.text, page.title)
        };
        build_article(
            path,
            file,
            text,
            decoded.encoding,
            title,
            meta_date,
            modified,
        )
    } else {
        build_article(
            path,
            file,
            decoded.text,
            decoded.encoding,
            None,
            None,
            modified,
        )
    };
    if article.paragraphs.is_empty() {
        return Err(problem("no text (only markup or white space)".to_owned()));
    }
    Ok((article, warnings))
}

fn build_article(
    path: &Path,
    file: String,
    text: String,
    encoding: &'static str,
    mut title: Option<String>,
    meta_date: Option<(pubdate::PartialDate, DateSource)>,
    modified: Option<NaiveDate>,
) -> Article {
    let mut found = meta_date;
    let mut body_start = 0;
    if let Some((date, fm_title, body)) = pubdate::front_matter(&text) {
        body_start = body;
        title = title.or(fm_title);
        found = found.or(date.map(|d| (d, DateSource::FrontMatter)));
    }
    if let Some((date, body)) = pubdate::header(&text, body_start) {
        // Only a header on the first lines is chopped off; the body keeps the rest.
        if text[body_start..]
            .lines()
            .take(3)
            .any(|l| !l.trim().is_empty())
        {
            body_start = body;
        }
        found = found.or(Some((date, DateSource::Header)));
    }
    let ranges = paragraphs::split(&text, body_start);
    let first = ranges.first().map_or("", |r| &text[r.clone()]);
    // The wire dateline opens the first paragraph, or the second under a headline.
    let wire_dateline = pubdate::dateline(first).or_else(|| {
        let second = ranges.get(1).map(|r| &text[r.clone()])?;
        // A headline (with perhaps a date line under it) is short and ends no sentence.
        let headline = first.len() < 200 && !first.trim_end().ends_with(['.', '!', '?']);
        headline.then(|| pubdate::dateline(second)).flatten()
    });
    if found.is_none() {
        found = date_line_of(&text[body_start..], wire_dateline)
            .map(|(d, source)| (pubdate::PartialDate::from(d), source));
    }
    if found.is_none() {
        found = wire_dateline.map(|d| (d, DateSource::Dateline));
    }
    if found.is_none() {
        // A paragraph of the opening that leads with the day, as a dateline would.
        const OPENING_PARAGRAPHS: usize = 6;
        found = ranges
            .iter()
            .take(OPENING_PARAGRAPHS)
            .find_map(|r| date_line::leading_date(&text[r.clone()]))
            .map(|d| (pubdate::PartialDate::from(d), DateSource::Dateline));
    }
    let opening_end = ranges.get(2).or(ranges.last()).map_or(0, |r| r.end);
    let mut published = found.and_then(|(d, source)| d.full().map(|d| (d, source)));
    let pending_dateline = match found {
        Some((d, DateSource::Dateline)) if d.year.is_none() => Some(d),
        _ => None,
    };
    if published.is_none() && pending_dateline.is_none() {
        published = pubdate::written_date(&text[body_start..opening_end.max(body_start)])
            .and_then(pubdate::PartialDate::full)
            .map(|d| (d, DateSource::Text))
            .or_else(|| {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default();
                pubdate::from_file_name(&name).map(|d| (d, DateSource::FileName))
            });
    }
    if title.is_none() {
        title = headline(&text, &ranges);
    }
    Article {
        path: path.to_owned(),
        file,
        title,
        encoding,
        paragraphs: ranges
            .into_iter()
            .enumerate()
            .map(|(index, r)| Paragraph {
                index,
                start: r.start,
                end: r.end,
            })
            .collect(),
        published: published.map(|(d, _)| d),
        published_from: published.map(|(_, s)| s),
        pending_dateline,
        modified,
        text,
    }
}

/// The date line among the first four non-empty lines (the header block, around the title),
/// else among the last three (a footer). A slashed date whose day/month order is open is
/// settled by the wire dateline's month and day, else by the article's other slashed dates
/// (`23/11/2005` elsewhere is written day first); otherwise it is read day first and marked.
fn date_line_of(body: &str, wire: Option<pubdate::PartialDate>) -> Option<(NaiveDate, DateSource)> {
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    let head = lines.iter().take(4);
    let foot = lines.iter().skip(4).rev().take(3);
    let found = head.chain(foot).find_map(|l| date_line::date_line(l))?;
    let Some(other) = found.other_order else {
        return Some((found.date, DateSource::DateLine));
    };
    let agrees = |d: NaiveDate| {
        wire.is_some_and(|w| {
            use chrono::Datelike as _;
            w.month == d.month() && w.day == d.day()
        })
    };
    Some(if agrees(found.date) {
        (found.date, DateSource::DateLine)
    } else if agrees(other) {
        (other, DateSource::DateLine)
    } else {
        match slashed_order(body) {
            Some(true) => (found.date, DateSource::DateLine),
            Some(false) => (other, DateSource::DateLine),
            None => (found.date, DateSource::DateLineUnsettled),
        }
    })
}

/// Whether the article writes slashed dates day first (`Some(true)`), month first
/// (`Some(false)`), or nothing says: a first number above 12 can only be a day, a second
/// above 12 only a day too. Contradicting dates settle nothing.
fn slashed_order(text: &str) -> Option<bool> {
    static SLASHED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b")
            .unwrap_or_else(|e| unreachable!("slashed date pattern: {e}"))
    });
    let (mut day_first, mut month_first) = (false, false);
    for c in SLASHED.captures_iter(text) {
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        day_first |= a > 12 && b <= 12;
        month_first |= b > 12 && a <= 12;
    }
    match (day_first, month_first) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Paragraphs searched for the headline: a timestamp, a byline or a label may come first.
const HEADLINE_SEARCH: usize = 4;

/// The headline: among the first paragraphs, past date lines, bylines and datelines, the
/// first short line that ends no sentence (`# Heading`, an ALL-CAPS line, a plain title
/// line). The search stops at the first real sentence: the body has begun.
fn headline(text: &str, ranges: &[Range<usize>]) -> Option<String> {
    if ranges.len() < 2 {
        return None;
    }
    for range in ranges.iter().take(HEADLINE_SEARCH) {
        let paragraph = text[range.clone()].trim();
        let line = paragraph.trim_start_matches('#').trim();
        if line.is_empty() || date_line::date_line(line).is_some() || is_byline(line) {
            continue;
        }
        let looks_like_title = line.len() <= 140
            && !line.contains('\n')
            && !line.ends_with(['.', ',', ':', ';', '/'])
            && pubdate::dateline(line).is_none()
            && pubdate::find_date(line).is_none_or(|(_, r)| r.len() < line.len() / 2);
        if looks_like_title {
            return Some(line.to_owned());
        }
        return None;
    }
    None
}

/// `By Jane Doe`, `Von Hans Muster`, `Par Marie Dupont`, `Reporting by …`: who wrote it.
fn is_byline(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    words <= 12
        && [
            "by ",
            "von ",
            "par ",
            "por ",
            "di ",
            "door ",
            "reporting by",
            "written by",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod file_time_tests {
    use super::*;
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    #[test]
    fn file_times_off_the_calendar_are_no_date_not_a_panic() {
        let far = UNIX_EPOCH.checked_add(Duration::from_secs(8_210_298_412_799 * 1000));
        if let Some(far) = far {
            assert_eq!(date_of(far), None);
        }
        let day = UNIX_EPOCH + Duration::from_secs(86_400 * 365);
        assert_eq!(date_of(day), NaiveDate::from_ymd_opt(1971, 1, 1));
        let before = UNIX_EPOCH - Duration::from_secs(86_400);
        assert_eq!(date_of(before), NaiveDate::from_ymd_opt(1969, 12, 31));
        assert!(date_of(SystemTime::now()).is_some());
    }
}

#[cfg(test)]
mod title_tests {
    use super::*;

    fn title_of(name: &str, text: &str) -> Option<String> {
        article_from_bytes(
            Path::new(name),
            name.to_owned(),
            text.as_bytes().to_vec(),
            None,
        )
        .ok()
        .and_then(|(a, _)| a.title)
    }

    #[test]
    fn the_headline_is_found_past_timestamps_bylines_and_markup() {
        let body = "\n\nMinisters met in Geneva on Friday, officials said.\n";
        for (head, want) in [
            (
                "MINISTERS EXPECT SHORT MEETING",
                "MINISTERS EXPECT SHORT MEETING",
            ),
            ("# Allies meet in Tokyo", "Allies meet in Tokyo"),
            (
                "14-FEB-1989 10:02:44.17\n\nTRADE TALKS RESUME",
                "TRADE TALKS RESUME",
            ),
            (
                "Posted on 05/09/2003\n\nTalks resume in Vienna",
                "Talks resume in Vienna",
            ),
            (
                "Talks resume in Vienna\n\nBy Jane Doe",
                "Talks resume in Vienna",
            ),
            (
                "By Jane Doe\n\nTalks resume in Vienna",
                "Talks resume in Vienna",
            ),
        ] {
            let text = format!("{head}{body}");
            assert_eq!(title_of("a.txt", &text).as_deref(), Some(want), "{head:?}");
        }
    }

    #[test]
    fn a_timestamp_a_byline_or_a_sentence_is_never_the_title() {
        for text in [
            "14-FEB-1989 10:02:44.17\n\nMinisters met in Geneva on Friday, officials said.\n",
            "By Jane Doe\n\nMinisters met in Geneva on Friday, officials said.\n",
            "Ministers met in Geneva on Friday, officials said.\n\nThey agreed to meet again.\n",
            "GENEVA, Jan. 7 (Reuters) - Ministers met on Friday.\n\nThey agreed.\n",
        ] {
            assert_eq!(title_of("a.txt", text), None, "{text:?}");
        }
    }

    #[test]
    fn a_web_page_takes_its_headline_from_its_metadata() {
        let page = "<html><head><title>Grain deal signed | Daily</title>\
            <meta property=\"og:title\" content=\"Grain deal signed\"></head><body>\
            <h1>Grain deal signed</h1><p>Russia and Ukraine signed an agreement in Istanbul on \
            Friday to reopen the Black Sea ports to grain exports, officials said.</p></body></html>";
        assert_eq!(
            title_of("a.html", page).as_deref(),
            Some("Grain deal signed")
        );
    }
}
