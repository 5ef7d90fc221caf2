//! The publication date of a saved web page, read from the whole page (not from the article
//! text picked out of it, so the answer does not depend on which text extractor ran).
//!
//! Evidence in the order a page's own publisher states it most reliably: structured metadata
//! naming the original publication (JSON-LD `datePublished`, `OpenGraph`, `itemprop`, Dublin
//! Core and the other common `<meta>` names, `<time pubdate>`), then a full date in the page's
//! canonical URL, then a visible date in an element the page marks as a date or byline, then
//! any `<time datetime>`, and only then "updated"/"modified" dates. Metadata the page never
//! shows its readers yields to a byline date it does show. A date after the file was saved
//! or before 1800 is no publication date.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::{DateSource, date_line};

/// Why a page has the date it has, strongest first: the strongest kind with a plausible date
/// wins, and within a kind the first in page order (the article's own metadata and byline
/// come before the dates of comments and "more stories"). Measured on htmldate's development
/// pages: taking the earliest stated date instead scores 0.815, against 0.858; the earliest
/// within a day (a UTC date past midnight) 0.854.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    /// JSON-LD `datePublished`, `article:published_time` and the like, and a full date in the
    /// canonical URL (`/2020/06/07/`).
    Stated,
    /// `itemprop="datePublished"` on an element, `<time pubdate>`, an element whose class
    /// says "published" or "posted".
    Marked,
    /// The text of an element whose class or id says date, time, byline …, or a short run
    /// of text that is a date line (`Datum: 22.12.2012`, `[Stand: 09.10.2017, 01:40 Uhr]`).
    Visible,
    /// Any other `<time datetime>`.
    Time,
    /// A full date in the page's title (`<title>`, `og:title`, the description): the
    /// title names this page, so a date in it is this page's (`Bericht vom 22.04.2020`).
    Title,
    /// A "publish…" key in a script's data (`"published_at":"2019-03-02T06:22:28+01:00"`,
    /// `'first-publication':'2019-07-30'`): a data layer describing this page.
    ScriptData,
    /// A bare `<meta name="date">` (or `dc.date`, `dcterms.date`): many publishing systems
    /// fill it with the day the page was last generated.
    LooseMeta,
    /// A full date in the address of the page's lead image (`/files/2016/05/04/…`).
    ImageUrl,
    /// `dateModified`, `article:modified_time`, `last-modified`: a late bound, not the day.
    Modified,
}

const KINDS: usize = Evidence::Modified as usize + 1;

/// `<meta>` names (lowercase; `name`, `property`, `itemprop` or `http-equiv`) that give the
/// original publication.
const PUBLISHED_META: [&str; 33] = [
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "article.published",
    "article_date_original",
    "article.created",
    "datepublished",
    "datecreated",
    "pubdate",
    "pub_date",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "publication_date",
    "publicationdate",
    "originalpublicationdate",
    "date_published",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "rnews:datepublished",
    "cxenseparse:recs:publishtime",
    "displaydate",
    "release_date",
    "created",
];

const LOOSE_META: [&str; 3] = ["date", "dc.date", "dcterms.date"];

const MODIFIED_META: [&str; 9] = [
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "modified",
];

/// Class or id words that mark an element holding the page's date or byline.
static DATE_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"date|time|publi|posted|created|updated|modified|lastmod|byline|submitted|dateline|entry-meta|post-meta|article-meta|meta-info|datum|fecha|data-pub")
        .unwrap_or_else(|e| unreachable!("date class pattern: {e}"))
});

static JSON_LD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(datepublished|datecreated|publicationdate|uploaddate|datemodified)"\s*:\s*"([^"]{6,40})""#)
        .unwrap_or_else(|e| unreachable!("JSON-LD date pattern: {e}"))
});

/// A quoted key that says "publish" and not "modif"/"update", with a quoted value.
static SCRIPT_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"["'][a-z_-]*publi(?:shed|sh|cation)[a-z_-]*["']\s*:\s*["']([^"'\\]{8,40})["']"#)
        .unwrap_or_else(|e| unreachable!("script date pattern: {e}"))
});

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[/_-](?:((?:19|20)\d{2})[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])|(0[1-9]|[12]\d|3[01])[-.](0[1-9]|1[0-2])[-.]((?:19|20)\d{2}))(?:[/_.-]|$|\D)",
    )
    .unwrap_or_else(|e| unreachable!("URL date pattern: {e}"))
});

/// Bytes of visible text read after an element marked as a date.
const VISIBLE_SNIPPET: usize = 160;

impl Evidence {
    fn source(self) -> DateSource {
        match self {
            Self::Stated
            | Self::Marked
            | Self::Time
            | Self::LooseMeta
            | Self::Title
            | Self::ScriptData => DateSource::HtmlMeta,
            Self::ImageUrl => DateSource::PageUrl,
            Self::Visible => DateSource::PageByline,
            Self::Modified => DateSource::PageModified,
        }
    }
}

/// The page's publication date and what stated it, or `None` when it states none. `saved` is
/// the day the file was last written: a page cannot be published after it was saved.
#[must_use]
pub fn published(html: &str, saved: Option<NaiveDate>) -> Option<(NaiveDate, DateSource)> {
    let mut found = Found {
        saved,
        dates: [None; KINDS],
        stated_in_utc: false,
        in_article: false,
        outside_article: [None; KINDS],
        day_first: None,
        utc_offset: None,
        shown: Vec::new(),
    };
    // Tags and attribute names are ASCII: one lowercase copy makes every match
    // case-insensitive without allocating per tag.
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &lower.as_bytes()[at..]) {
        // Nothing outranks a stated date, and the first one stated wins.
        if found.settled() {
            break;
        }
        let start = at + lt;
        found.text_run(&html[at..start]);
        if lower[start..].starts_with("<!--") {
            at = lower[start..]
                .find("-->")
                .map_or(lower.len(), |e| start + e + 3);
            continue;
        }
        let Some(len) = memchr::memchr(b'>', &lower.as_bytes()[start..]) else {
            break;
        };
        let tag = &lower[start + 1..start + len];
        at = start + len + 1;
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let name = &tag[..name_end];
        // Closing tags, doctypes and bare tags (`<p>`, `</div>`) carry no date.
        if name == "article" || name == "main" {
            found.in_article = true;
        }
        let bare = name_end == tag.len() && !matches!(name, "time" | "title" | "script");
        if name.starts_with(['/', '!', '?']) || bare {
            if name == "style" {
                at = skip_past_close(&lower, at, name);
            }
            continue;
        }
        let attrs = Attrs::of(&tag[name_end..]);
        match name {
            "script" => {
                let end = skip_past_close(&lower, at, name);
                if attrs.kind.is_some_and(|t| t.contains("ld+json")) {
                    found.json_ld(&lower[at..end]);
                } else if found.dates[Evidence::ScriptData as usize].is_none() {
                    found.script_data(&lower[at..end]);
                }
                at = end;
            }
            "style" => at = skip_past_close(&lower, at, name),
            "html" => {
                found.day_first = attrs.lang.and_then(day_first_in);
                found.utc_offset = attrs.lang.and_then(usual_utc_offset);
            }
            "title" => {
                let end = lower[at..].find("</title").map_or(at, |e| at + e);
                found.offer(Evidence::Title, date_in(&html[at..end]));
            }
            "meta" => found.meta(&attrs),
            "link" => {
                if attrs.rel == Some("canonical") {
                    found.offer(Evidence::Stated, attrs.href.and_then(url_date));
                }
            }
            _ => found.element(name, &attrs, html, at),
        }
    }
    found.best()
}

/// What the page has stated so far, one date per kind of evidence.
struct Found {
    saved: Option<NaiveDate>,
    dates: [Option<NaiveDate>; KINDS],
    stated_in_utc: bool,
    /// Past the opening of `<article>` or `<main>`: a date shown there is the story's, one
    /// shown before it (a header's "today", a menu of events) is the site's.
    in_article: bool,
    outside_article: [Option<NaiveDate>; KINDS],
    /// How the page's language writes `02/10/2020`: `None` when it does not say (plain
    /// `en`, no `lang`), and such a date is then no evidence.
    day_first: Option<bool>,
    /// The usual offset from UTC, in hours in winter, of where pages in the page's language
    /// are written: a UTC timestamp becomes the publisher's own day.
    utc_offset: Option<i64>,
    /// Dates the page's text shows its readers (the first [`MAX_SHOWN`]).
    shown: Vec<NaiveDate>,
}

const MAX_SHOWN: usize = 200;

/// Kinds of evidence whose dates inside `<article>`/`<main>` beat those outside it.
const SCOPED: [Evidence; 3] = [Evidence::Marked, Evidence::Visible, Evidence::Time];

impl Found {
    fn offer(&mut self, evidence: Evidence, date: Option<NaiveDate>) {
        use chrono::Datelike as _;
        let Some(date) = date else { return };
        if date.year() < 1800 || self.saved.is_some_and(|s| date > s) {
            return;
        }
        let slots = if self.kept_apart(evidence) {
            &mut self.outside_article
        } else {
            &mut self.dates
        };
        slots[evidence as usize].get_or_insert(date);
    }

    /// Whether a date of this kind seen here goes with the dates outside `<article>`/`<main>`.
    fn kept_apart(&self, evidence: Evidence) -> bool {
        SCOPED.contains(&evidence) && !self.in_article
    }

    /// A stated publication date from `value` (`2023-11-09T03:28:35Z`, `2023-11-08`). A UTC
    /// timestamp's day is not the publisher's day when it is past midnight in UTC but still
    /// evening where the story was written: a later statement of the previous day in local
    /// time (`2023-11-08T22:28:35-05:00`, `2023-11-08`) corrects it.
    fn stated(&mut self, value: &str) {
        let slot = Evidence::Stated as usize;
        let Some(mut date) = date_in(value) else {
            return;
        };
        let mut in_utc = is_utc(value);
        if in_utc && let Some(local) = self.utc_offset.and_then(|o| local_day(value, date, o)) {
            date = local;
            in_utc = false;
        }
        match self.dates[slot] {
            None => {
                self.offer(Evidence::Stated, Some(date));
                self.stated_in_utc = self.dates[slot].is_some() && in_utc;
            }
            Some(had) if self.stated_in_utc && !in_utc && date.succ_opt() == Some(had) => {
                self.dates[slot] = Some(date);
                self.stated_in_utc = false;
            }
            Some(_) => {}
        }
    }

    /// Nothing later in the page can change the answer: a stated date, in the publisher's
    /// own day, that the page also shows.
    fn settled(&self) -> bool {
        self.dates[Evidence::Stated as usize]
            .is_some_and(|stated| !self.stated_in_utc && self.shown.contains(&stated))
    }

    fn best(&self) -> Option<(NaiveDate, DateSource)> {
        const ORDER: [Evidence; KINDS] = [
            Evidence::Stated,
            Evidence::Marked,
            Evidence::Visible,
            Evidence::Title,
            Evidence::ScriptData,
            Evidence::LooseMeta,
            Evidence::Time,
            Evidence::ImageUrl,
            Evidence::Modified,
        ];
        // Metadata the page never shows its readers loses to the date it does show in a
        // byline: such metadata is often the day a system re-published or re-indexed the
        // page. On htmldate's development pages: 0.891 without this rule, 0.906 with it.
        if let Some(stated) = self.dates[Evidence::Stated as usize]
            && !self.shown.contains(&stated)
        {
            let shown_byline = [Evidence::Marked, Evidence::Visible]
                .into_iter()
                .find_map(|e| self.dates[e as usize])
                .or_else(|| {
                    [Evidence::Marked, Evidence::Visible]
                        .into_iter()
                        .find_map(|e| self.outside_article[e as usize])
                });
            if let Some(byline) = shown_byline.filter(|b| *b != stated) {
                return Some((byline, DateSource::PageByline));
            }
        }
        // Within a kind, what the story shows of itself comes before what the page shows.
        ORDER.into_iter().find_map(|e| {
            let date = self.dates[e as usize].or(self.outside_article[e as usize]);
            date.map(|d| (d, e.source()))
        })
    }

    fn meta(&mut self, attrs: &Attrs<'_>) {
        let key = attrs
            .property
            .or(attrs.name)
            .or(attrs.itemprop)
            .or(attrs.http_equiv);
        let (Some(key), Some(content)) = (key, attrs.content) else {
            return;
        };
        // `schema:dateCreated`, `og:article:published_time`, `sw-pubdate`: the vocabulary's or
        // the vendor's prefix varies.
        let bare = key.rsplit([':', '.', '-']).next().unwrap_or(key);
        if LOOSE_META.contains(&key) {
            self.offer(Evidence::LooseMeta, date_in(content));
        } else if PUBLISHED_META.contains(&key) || PUBLISHED_META.contains(&bare) {
            self.stated(content);
        } else if MODIFIED_META.contains(&key) || MODIFIED_META.contains(&bare) {
            self.offer(Evidence::Modified, date_in(content));
        } else if key == "og:url" {
            self.offer(Evidence::Stated, url_date(content));
        } else if matches!(
            key,
            "og:title" | "twitter:title" | "description" | "og:description"
        ) {
            self.offer(Evidence::Title, date_in(content));
        } else if key == "og:image" || key == "twitter:image" {
            self.offer(Evidence::ImageUrl, url_date(content));
        }
    }

    fn script_data(&mut self, script: &str) {
        let date = SCRIPT_PUBLISHED
            .captures_iter(script)
            .find_map(|c| date_in(&c[1]));
        self.offer(Evidence::ScriptData, date);
    }

    fn json_ld(&mut self, script: &str) {
        for c in JSON_LD_DATE.captures_iter(script) {
            let (evidence, date) = match &c[1] {
                "datemodified" => (Evidence::Modified, date_in(&c[2])),
                // A video's or image's upload, not the article's publication.
                "uploaddate" => (Evidence::Time, date_in(&c[2])),
                _ => {
                    self.stated(&c[2]);
                    continue;
                }
            };
            self.offer(evidence, date);
        }
    }

    /// `<time>`, elements with `itemprop`, and elements whose class or id says date.
    fn element(&mut self, name: &str, attrs: &Attrs<'_>, html: &str, after: usize) {
        // `itemprop` (microdata) or `property` (RDFa, any vocabulary prefix).
        let bare_property = attrs.property.map(|p| p.rsplit(':').next().unwrap_or(p));
        let marked = matches!(attrs.itemprop, Some("datepublished" | "datecreated"))
            || matches!(bare_property, Some("datepublished" | "datecreated"));
        let class = attrs.class.unwrap_or("");
        let id = attrs.id.unwrap_or("");
        let class_says_date = DATE_CLASS.is_match(class) || DATE_CLASS.is_match(id);
        // Nearly every tag says nothing about dates: one pattern test decides.
        if !(class_says_date
            || marked
            || attrs.pubdate
            || attrs.itemprop.is_some()
            || name == "time")
        {
            return;
        }
        let says = |words: &[&str]| words.iter().any(|w| class.contains(w) || id.contains(w));
        let says_modified = matches!(attrs.itemprop, Some("datemodified"))
            || says(&["updated", "modified", "lastmod"]);
        let says_published = says(&["publi", "posted", "created"]);
        let evidence = if marked || attrs.pubdate || (says_published && !says_modified) {
            Evidence::Marked
        } else if says_modified {
            Evidence::Modified
        } else if name == "time" {
            Evidence::Time
        } else if class_says_date {
            Evidence::Visible
        } else {
            return;
        };
        if self.has(evidence) && evidence != Evidence::Modified {
            return;
        }
        let stated = attrs.datetime.or(attrs.content).and_then(date_in);
        let date = stated.or_else(|| visible_date(html, after, self.day_first));
        self.offer(evidence, date);
    }

    /// Whether a date of this kind, in the current part of the page, is already known.
    fn has(&self, evidence: Evidence) -> bool {
        let slots = if self.kept_apart(evidence) {
            &self.outside_article
        } else {
            &self.dates
        };
        slots[evidence as usize].is_some()
    }

    /// A short run of text between tags that is a date line on its own.
    fn text_run(&mut self, text: &str) {
        if text.len() <= SHORT_DATE_RUN_BYTES
            && !self.has(Evidence::Visible)
            && let Some(date) = short_dotted_date(text, self.saved)
        {
            self.shown.push(date);
            self.offer(Evidence::Visible, Some(date));
            return;
        }
        if text.len() > MAX_DATE_RUN_BYTES || !has_year(text) {
            return;
        }
        let decoded = super::html::decode_entities(text);
        if self.shown.len() < MAX_SHOWN
            && let Some(date) = date_in_order(&decoded, self.day_first)
        {
            self.shown.push(date);
        }
        if self.has(Evidence::Visible) {
            return;
        }
        let date =
            date_line::date_line(&decoded).and_then(|d| match (d.other_order, self.day_first) {
                (None, _) | (Some(_), Some(true)) => Some(d.date),
                (Some(month_first), Some(false)) => Some(month_first),
                (Some(_), None) => None,
            });
        self.offer(Evidence::Visible, date);
    }
}

/// The longest run that can be a bare two-digit-year date and its punctuation.
const SHORT_DATE_RUN_BYTES: usize = 16;

/// A run of text that is only a day, a month and a year joined by dots or bars, as date
/// fields print them: `02.12.19` and `, 8.5.12` (two-digit years, common in German
/// bylines), `26 | 01 | 2022`. Such dates are day first; a two-digit year takes the century
/// that does not put the day after the page was saved.
fn short_dotted_date(text: &str, saved: Option<NaiveDate>) -> Option<NaiveDate> {
    fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    }
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '·'));
    let mut parts = text.split(['.', '|']).map(str::trim);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (d, m): (u32, u32) = (number(d)?, number(m)?);
    if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
        let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d)?;
        return (saved.is_none_or(|s| date <= s) && chrono::Datelike::year(&date) >= 1900)
            .then_some(date);
    }
    if y.len() != 2 {
        return None;
    }
    let y: i32 = number(y)?;
    let this_century = NaiveDate::from_ymd_opt(2000 + y, m, d)?;
    let latest = saved.unwrap_or_else(|| chrono::Utc::now().date_naive());
    if this_century <= latest {
        Some(this_century)
    } else {
        NaiveDate::from_ymd_opt(1900 + y, m, d)
    }
}

/// Whether `text` holds four digits in a row starting 1 or 2, as every full date Dateline
/// reads does: most runs of page text (prices, times, counts) are dismissed by this alone.
fn has_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| matches!(w[0], b'1' | b'2') && w[1..].iter().all(u8::is_ascii_digit))
}

/// Text runs longer than this are prose, not a date line (a date line has at most 90 chars).
const MAX_DATE_RUN_BYTES: usize = 400;

/// A timestamp given in UTC (`…Z`, `+00:00`, `UTC`, `GMT`), whose day may not be the
/// publisher's.
fn is_utc(value: &str) -> bool {
    let v = value.trim_end();
    let ends_with_any_case = |suffix: &[u8]| {
        v.len() >= suffix.len()
            && v.as_bytes()[v.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    v.contains(':')
        && (ends_with_any_case(b"z")
            || v.ends_with("+00:00")
            || v.ends_with("+0000")
            || ends_with_any_case(b"utc")
            || ends_with_any_case(b"gmt"))
}

/// The first full date in the visible text that follows byte `from` of `html`.
fn visible_date(html: &str, from: usize, day_first: Option<bool>) -> Option<NaiveDate> {
    let mut text = String::with_capacity(VISIBLE_SNIPPET);
    let mut rest = html.get(from..)?;
    while text.len() < VISIBLE_SNIPPET && !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let piece = &rest[..lt];
        let room = VISIBLE_SNIPPET - text.len();
        let cut = (0..=room.min(piece.len()))
            .rev()
            .find(|&i| piece.is_char_boundary(i))
            .unwrap_or(0);
        text.push_str(&piece[..cut]);
        text.push(' ');
        rest = &rest[lt..];
        rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
    }
    date_in_order(&super::html::decode_entities(&text), day_first)
}

/// The first full date anywhere in `s`, in any form [`date_line`] reads.
fn date_in(s: &str) -> Option<NaiveDate> {
    date_in_order(s, None)
}

/// [`date_in`], reading open slashed dates in the order `day_first` says.
fn date_in_order(s: &str, day_first: Option<bool>) -> Option<NaiveDate> {
    let mut starts = s.char_indices().filter(|&(i, c)| {
        c.is_alphanumeric()
            && s[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphanumeric())
    });
    starts.find_map(|(i, _)| date_line::date_at_in_order(&s[i..], day_first))
}

/// A full date in a URL's path: `/2020/06/07/`, `/2020-06-07-title`, `/20200607/`,
/// `/meldungen/07-06-2020` (day first: no one writes a month first with dashes in a path).
fn url_date(url: &str) -> Option<NaiveDate> {
    let c = URL_DATE.captures(url)?;
    let num = |i: usize| c.get(i)?.as_str().parse::<u32>().ok();
    let (y, m, d) = if c.get(1).is_some() {
        (num(1)?, num(2)?, num(3)?)
    } else {
        (num(6)?, num(5)?, num(4)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Whether a page in language `lang` (`en-us`, `de`, `en-gb`) writes a slashed date day
/// first: American (and Philippine) English write month first, every other locale day
/// first; plain `en` says nothing.
fn day_first_in(lang: &str) -> Option<bool> {
    match lang {
        "en" | "" => None,
        "en-us" | "en_us" | "en-ph" | "en_ph" => Some(false),
        _ => Some(true),
    }
}

/// The winter UTC offset of where a language's pages are mostly written, for the languages
/// whose speakers share one: central European languages +1, Portuguese 0 (Lisbon; Brazil's
/// pages say `pt-br`), British English 0, American English −5 (the Eastern time of most US
/// newsrooms). Plain `en`, `es` (Spain and the Americas) and the rest: unknown.
fn usual_utc_offset(lang: &str) -> Option<i64> {
    let base = lang.split(['-', '_']).next().unwrap_or(lang);
    match (base, lang) {
        (_, "en-gb" | "en_gb" | "pt-pt" | "pt_pt") => Some(0),
        (_, "en-us" | "en_us") => Some(-5),
        (_, "pt-br" | "pt_br") => Some(-3),
        ("de" | "fr" | "it" | "nl" | "pl" | "cs" | "da" | "sv" | "nb" | "no" | "hu" | "sk", _) => {
            Some(1)
        }
        _ => None,
    }
}

/// The local day of a UTC timestamp (`2021-11-04t23:00z`) `offset` hours from UTC, with
/// summer time from April to October.
fn local_day(value: &str, utc_day: NaiveDate, offset: i64) -> Option<NaiveDate> {
    use chrono::Datelike as _;
    static HOUR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[t ](\d{2}):(\d{2})").unwrap_or_else(|e| unreachable!("hour pattern: {e}"))
    });
    let c = HOUR.captures(value)?;
    let minutes: i64 = c[1].parse::<i64>().ok()? * 60 + c[2].parse::<i64>().ok()?;
    let summer = (4..=10).contains(&utc_day.month()) && offset != -3;
    let local = minutes + (offset + i64::from(summer)) * 60;
    match local {
        l if l < 0 => utc_day.pred_opt(),
        l if l >= 24 * 60 => utc_day.succ_opt(),
        _ => Some(utc_day),
    }
}

/// Where the text after an element that hides its content (`script`, `style`) resumes.
fn skip_past_close(lower: &str, from: usize, name: &str) -> usize {
    static SCRIPT_END: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"</script"));
    static STYLE_END: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"</style"));
    let finder = if name == "script" {
        &*SCRIPT_END
    } else {
        &*STYLE_END
    };
    finder
        .find(&lower.as_bytes()[from..])
        .map_or(lower.len(), |e| from + e)
}

/// The attributes a date can hide in, read from a lowercased tag's source in one pass.
#[derive(Debug, Default)]
struct Attrs<'t> {
    property: Option<&'t str>,
    name: Option<&'t str>,
    itemprop: Option<&'t str>,
    http_equiv: Option<&'t str>,
    content: Option<&'t str>,
    datetime: Option<&'t str>,
    class: Option<&'t str>,
    id: Option<&'t str>,
    rel: Option<&'t str>,
    href: Option<&'t str>,
    kind: Option<&'t str>,
    lang: Option<&'t str>,
    pubdate: bool,
}

impl<'t> Attrs<'t> {
    fn of(mut rest: &'t str) -> Self {
        let mut out = Self::default();
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if rest.is_empty() {
                return out;
            }
            let name_end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
                .unwrap_or(rest.len());
            let name = &rest[..name_end];
            rest = rest[name_end..].trim_start();
            let mut value = "";
            if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                (value, rest) = if let Some(&q @ (b'"' | b'\'')) = after.as_bytes().first() {
                    let body = &after[1..];
                    let end = body.find(char::from(q)).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                } else {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                };
            }
            let slot = match name {
                "property" => &mut out.property,
                "name" => &mut out.name,
                "itemprop" => &mut out.itemprop,
                "http-equiv" => &mut out.http_equiv,
                "content" => &mut out.content,
                "datetime" => &mut out.datetime,
                "class" => &mut out.class,
                "id" => &mut out.id,
                "rel" => &mut out.rel,
                "href" => &mut out.href,
                "type" => &mut out.kind,
                // XHTML pages may declare their language only as `xml:lang`.
                "lang" | "xml:lang" => &mut out.lang,
                "pubdate" => {
                    out.pubdate = true;
                    continue;
                }
                _ => continue,
            };
            slot.get_or_insert(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn read(html: &str) -> Option<NaiveDate> {
        published(html, day("2026-01-01")).map(|(d, _)| d)
    }

    #[test]
    fn structured_metadata_names_the_original_publication() {
        let page = r#"<html><head>
            <meta property="article:modified_time" content="2020-06-09T08:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle",
              "dateModified":"2020-06-10T10:00:00+02:00","datePublished":"2020-06-07T23:30:00-04:00"}</script>
            </head><body><p>Updated <time datetime="2020-06-10">June 10</time></p></body></html>"#;
        assert_eq!(read(page), day("2020-06-07"));
        let og = r#"<meta property="article:published_time" content="2019-03-04T09:00:00Z">"#;
        assert_eq!(read(og), day("2019-03-04"));
        let dc = r#"<META NAME="DC.date.issued" CONTENT="2004-11-03">"#;
        assert_eq!(read(dc), day("2004-11-03"));
        let item = r#"<span itemprop="datePublished" content="2018-02-15">15. Februar</span>"#;
        assert_eq!(read(item), day("2018-02-15"));
    }

    #[test]
    fn a_utc_timestamp_past_midnight_yields_to_the_local_day() {
        let page = r#"<script type="application/ld+json">{"dateCreated":"2023-11-09T03:28:35Z"}</script>
            <meta name="sailthru.date" content="2023-11-08 22:28:35">"#;
        assert_eq!(read(page), day("2023-11-08"));
        // Only the day before: an older date belongs to something else on the page.
        let page = r#"<script type="application/ld+json">{"dateCreated":"2023-11-09T03:28:35Z"}</script>
            <meta name="sailthru.date" content="2023-11-02">"#;
        assert_eq!(read(page), day("2023-11-09"));
        // A local timestamp is the publisher's day already.
        let page = r#"<meta property="article:published_time" content="2023-11-09T03:28:35+01:00">
            <meta name="sailthru.date" content="2023-11-08">"#;
        assert_eq!(read(page), day("2023-11-09"));
    }

    #[test]
    fn the_page_language_puts_a_utc_timestamp_on_the_publishers_day() {
        let page = |lang: &str, stamp: &str| {
            format!(
                r#"<html lang="{lang}"><meta property="article:published_time" content="{stamp}">"#
            )
        };
        assert_eq!(read(&page("de", "2021-11-04T23:00Z")), day("2021-11-05"));
        // Summer time: 22:04 UTC in October is past midnight in Berlin.
        assert_eq!(read(&page("de", "2019-10-18T22:04:00Z")), day("2019-10-19"));
        assert_eq!(
            read(&page("en-US", "2023-11-09T03:28:35Z")),
            day("2023-11-08")
        );
        assert_eq!(
            read(&page("en-GB", "2023-11-09T03:28:35Z")),
            day("2023-11-09")
        );
        // A stamp in local time, or a language without one time zone, stays as written.
        assert_eq!(
            read(&page("de", "2021-11-04T23:00+01:00")),
            day("2021-11-04")
        );
        assert_eq!(read(&page("es", "2021-11-04T23:30Z")), day("2021-11-04"));
    }

    #[test]
    fn a_bare_date_meta_yields_to_the_dates_the_page_shows() {
        let page = r#"<meta name="date" content="2021-12-20T11:02:44+01:00">
            <h1>Riesling</h1><span class="date">27.01.2022</span>"#;
        assert_eq!(read(page), day("2022-01-27"));
        assert_eq!(
            read(r#"<meta name="date" content="2021-12-20">"#),
            day("2021-12-20")
        );
        let video = r#"<script type="application/ld+json">[{"@type":"VideoObject","uploadDate":"2018-02-23"},
            {"@type":"NewsArticle","datePublished":"2020-10-13T20:48:33.000Z"}]</script>"#;
        assert_eq!(read(video), day("2020-10-13"));
    }

    #[test]
    fn an_updated_date_is_only_the_last_resort() {
        let page = r#"<meta property="article:modified_time" content="2021-05-05">
            <p class="byline">Posted on 3 May 2021 by Ann</p>"#;
        assert_eq!(read(page), day("2021-05-03"));
        let only = r#"<meta property="article:modified_time" content="2021-05-05">"#;
        assert_eq!(
            published(only, None),
            Some((
                NaiveDate::from_ymd_opt(2021, 5, 5).expect("a day"),
                DateSource::PageModified
            ))
        );
        assert!(DateSource::PageModified.is_estimated());
    }

    #[test]
    fn the_canonical_url_dates_a_page_without_metadata() {
        let page = r#"<link rel="canonical" href="https://example.org/news/2020/06/07/talks-end/">
            <p>Text</p>"#;
        assert_eq!(read(page), day("2020-06-07"));
        assert_eq!(
            url_date("https://x.org/a/20200607-title.html"),
            day("2020-06-07")
        );
        assert_eq!(
            url_date("https://x.org/a/2020-06-07-title"),
            day("2020-06-07")
        );
        assert_eq!(url_date("https://x.org/2020/06/title"), None);
        assert_eq!(url_date("https://x.org/item/123456789012"), None);
    }

    #[test]
    fn visible_dates_in_european_languages_and_cjk() {
        let german = r#"<div class="article-date"><span>7. Juni 2020</span></div>"#;
        assert_eq!(read(german), day("2020-06-07"));
        let dotted = r#"<span class="datum">07.06.2020, 14:05 Uhr</span>"#;
        assert_eq!(read(dotted), day("2020-06-07"));
        let french = r#"<p class="publication">Publié le 7 juin 2020</p>"#;
        assert_eq!(read(french), day("2020-06-07"));
        let spanish = r#"<span class="fecha">7 de junio de 2020</span>"#;
        assert_eq!(read(spanish), day("2020-06-07"));
        let dutch = "<time>7 juni 2020</time>";
        assert_eq!(read(dutch), day("2020-06-07"));
        let japanese = r#"<p class="date">2022年1月7日 10時</p>"#;
        assert_eq!(read(japanese), day("2022-01-07"));
    }

    #[test]
    fn the_title_and_the_article_element_locate_the_story_date() {
        let titled = "<title>Bericht zur Lage vom 22.04.2020 | Achgut</title><p>Text</p>";
        assert_eq!(read(titled), day("2020-04-22"));
        // The site header's "today" comes first in the page, the article's date inside it.
        let page = r#"<header><span class="date">26.02.2020</span></header>
            <article><h1>Titanic</h1><span class="date">01.05.2017</span></article>"#;
        assert_eq!(read(page), day("2017-05-01"));
        let rdfa =
            r#"<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span>"#;
        assert_eq!(read(rdfa), day("2022-01-28"));
        let data = r#"<script>var page = {"published_at":"2019-03-02T06:22:28+01:00"};</script>"#;
        assert_eq!(read(data), day("2019-03-02"));
        let path = r#"<link rel="canonical" href="https://example.org/meldungen/29-10-2021">"#;
        assert_eq!(read(path), day("2021-10-29"));
    }

    #[test]
    fn a_slashed_date_is_read_in_the_order_of_the_page_language() {
        let page =
            |lang: &str| format!(r#"<html lang="{lang}"><span class="time">02/10/2020</span>"#);
        assert_eq!(read(&page("en-GB")), day("2020-10-02"));
        assert_eq!(read(&page("de")), day("2020-10-02"));
        assert_eq!(read(&page("en-US")), day("2020-02-10"));
        assert_eq!(read(&page("en")), None);
        // Date fields printed with dots or bars, a two-digit year in its century.
        assert_eq!(
            read("<p><a>Klaus Peter</a>, 8.5.12 </p>"),
            day("2012-05-08")
        );
        assert_eq!(read("<span>31.10.23</span>"), day("2023-10-31"));
        assert_eq!(read("<td>26 | 01 | 2022 </td>"), day("2022-01-26"));
        assert_eq!(
            published("<span>02.12.99</span>", day("2020-01-01")).map(|(d, _)| d),
            day("1999-12-02"),
            "a year that would be after the save is the last century's"
        );
        // A version number or a score is no date.
        assert_eq!(read("<span>1.2.3</span>"), None);
        assert_eq!(read("<span>10.40.22</span>"), None);
        // XHTML says it as `xml:lang`.
        let xhtml = r#"<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB"><span class="time">02/10/2020</span>"#;
        assert_eq!(read(xhtml), day("2020-10-02"));
        // A byline field ends at its separator.
        let byline = "<p>Von Christian am 03.05.2013, 11:51 | 0 Meinungen</p>";
        assert_eq!(read(byline), day("2013-05-03"));
        let slashed = "<p>Peter Grimm / 07.11.2023 / 09:30 /</p>";
        assert_eq!(read(slashed), day("2023-11-07"));
    }

    #[test]
    fn a_vendor_prefixed_publication_meta_is_read() {
        let page = "<meta name='sw-pubdate' content='2021-11-19'><div class=\"date\">18.11.2021</div><div class=\"pubdate\">19.11.2021</div>";
        assert_eq!(read(page), day("2021-11-19"));
    }

    #[test]
    fn metadata_the_page_never_shows_loses_to_the_byline_it_shows() {
        let hidden = r#"<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">
            <article><h1>Pike</h1><p class="date">12.01.2022</p><p>Text.</p></article>"#;
        assert_eq!(read(hidden), day("2022-01-12"));
        let shown = r#"<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">
            <article><h1>Pike</h1><p class="date">29.11.2021</p><p>Updated 12.01.2022</p></article>"#;
        assert_eq!(read(shown), day("2021-11-29"));
        // With no byline to prefer, the metadata stands.
        let alone =
            r#"<meta property="article:published_time" content="2021-11-29T14:13:37+00:00">"#;
        assert_eq!(read(alone), day("2021-11-29"));
    }

    #[test]
    fn implausible_dates_are_refused() {
        let future =
            r#"<meta name="date" content="2030-07-01"><time datetime="2020-01-02"></time>"#;
        assert_eq!(read(future), day("2020-01-02"));
        let ancient = r#"<meta name="date" content="1700-07-01">"#;
        assert_eq!(read(ancient), None);
        assert_eq!(read("<p>No date here.</p>"), None);
    }

    #[test]
    fn scripts_comments_and_broken_tags_do_not_mislead() {
        let page = r#"<!-- <meta name="date" content="2001-01-01"> -->
            <script>var d = "2002-02-02"; // <time datetime="2003-03-03"></script>
            <meta name="date" content="2004-04-04"><p class="date"#;
        assert_eq!(read(page), day("2004-04-04"));
    }
}
