//! Finding an article's publication date in its header, front matter, dateline, first
//! sentences or file name, and saying where it came from.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::calendar::month_from_name;

/// Where an article's publication date came from, so the UI can show how far to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// YAML front matter `date:`.
    FrontMatter,
    /// HTML `article:published_time`, `<meta name="date">`, `<time datetime>`.
    HtmlMeta,
    /// A full date in the page's canonical URL (`/2020/06/07/`).
    PageUrl,
    /// A visible date in an element the page marks as its date or byline.
    PageByline,
    /// Only an "updated"/"modified" date: the page is at least that old, its first
    /// publication may be earlier.
    PageModified,
    /// A `Date:`/`Published:` line or a `date 2022-01-07` prefix.
    Header,
    /// A line of the header or footer that is a date (`Posted on 23/11/2005`, `Filed 7
    /// April 1997`, `31-MAR-1987 12:45:20.94`).
    DateLine,
    /// Such a line whose day/month order nothing in the article settles (`06/07/2001`):
    /// read day first, and shown as uncertain.
    DateLineUnsettled,
    /// A wire dateline such as `WASHINGTON, Jan. 7 (Reuters) -`.
    Dateline,
    /// A full written date in the first sentences.
    Text,
    /// A date inside the file name.
    FileName,
    /// Year taken from a sibling article of the same story with the same day and month.
    Sibling,
    /// Year taken from the nearest fully dated article in the folder.
    Folder,
    /// Set by a correction.
    Corrected,
    /// No date in the file: the middle of the dates of the folder's other articles.
    FolderMiddle,
    /// The file's modification time.
    FileTime,
}

impl DateSource {
    /// Human wording for the UI's "date from …" note.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::FrontMatter => "front matter",
            Self::HtmlMeta => "HTML metadata",
            Self::PageUrl => "date in the page's address",
            Self::PageByline => "date shown by the page's byline",
            Self::PageModified => "the page's last-updated date (first publication may be earlier)",
            Self::Header => "header line",
            Self::DateLine => "date line above or below the article",
            Self::DateLineUnsettled => {
                "date line whose day/month order is uncertain (read day first)"
            }
            Self::Dateline => "dateline",
            Self::Text => "date in the first sentences",
            Self::FileName => "file name",
            Self::Sibling => "year from a sibling article",
            Self::Folder => "year from the folder's other articles",
            Self::FolderMiddle => "the middle date of the folder's other articles",
            Self::FileTime => "the file's modification time",
            Self::Corrected => "your correction",
        }
    }

    /// True when the date was guessed rather than read.
    #[must_use]
    pub fn is_estimated(self) -> bool {
        matches!(
            self,
            Self::Sibling
                | Self::Folder
                | Self::FolderMiddle
                | Self::FileTime
                | Self::DateLineUnsettled
                | Self::PageModified
        )
    }
}

/// A calendar date that may lack its year (`Tokyo, 7 January`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        use chrono::Datelike as _;
        Self {
            year: Some(d.year()),
            month: d.month(),
            day: d.day(),
        }
    }
}

impl PartialDate {
    #[must_use]
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year?, self.month, self.day)
    }

    #[must_use]
    pub fn with_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }
}

/// What the text itself says about its date: a date (perhaps without year), its source, and
/// how many leading bytes are a header that is not part of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: PartialDate,
    pub source: DateSource,
}

const MONTH: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// Every article's opening is searched. Word boundaries are ASCII (`(?-u:\b)`): a Unicode
/// `\b` stops the fast lazy DFA at the first non-ASCII byte (a curly quote, a dash) and the
/// search falls back to a far slower engine; dates are ASCII digits and month names anyway.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?-u:\b)(?:(?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?:(?-u:\b)|T)|(?P<mm>{MONTH})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<my>\d{{4}})(?-u:\b))?|(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm>{MONTH})(?:,?\s+(?P<dy>\d{{4}})(?-u:\b))?|(?P<um>\d{{1,2}})/(?P<ud>\d{{1,2}})/(?P<uy>\d{{4}}|\d{{2}})(?-u:\b)|(?P<ed>\d{{1,2}})\.(?P<em>\d{{1,2}})\.(?P<ey>\d{{4}})(?-u:\b))"
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("date pattern: {e}"))
});

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:date|published|posted|updated|dated|pubdate|publication date)(?:[ \t]*:[ \t]*|[ \t]+)")
        .unwrap_or_else(|e| unreachable!("header pattern: {e}"))
});

static FRONT_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^(date|published|pubdate|title)[ \t]*:[ \t]*(.+?)[ \t]*$")
        .unwrap_or_else(|e| unreachable!("front matter pattern: {e}"))
});

static FILE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)",
    )
    .unwrap_or_else(|e| unreachable!("file date pattern: {e}"))
});

/// A place name opening a dateline: capitalised words, optionally `, State` or `, Country`.
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Lu}][\p{L}.'’\- ]{1,40}(?:,[ \t]*[\p{Lu}][\p{L}.'’\- ]{1,30})?,?[ \t]*(?:\([^)]{1,30}\)[ \t]*)?$")
        .unwrap_or_else(|e| unreachable!("dateline pattern: {e}"))
});

/// The first date-like phrase in `s` with its byte range.
#[must_use]
pub fn find_date(s: &str) -> Option<(PartialDate, std::ops::Range<usize>)> {
    DATE.captures_iter(s).find_map(|c| {
        let whole = c.get(0)?;
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let year = |name: &str| {
            c.name(name).and_then(|m| {
                let y: i32 = m.as_str().parse().ok()?;
                Some(if m.as_str().len() == 2 {
                    expand_two_digit_year(y)
                } else {
                    y
                })
            })
        };
        let date = if c.name("iy").is_some() {
            PartialDate {
                year: year("iy"),
                month: num("im")?,
                day: num("id")?,
            }
        } else if let Some(m) = c.name("mm") {
            PartialDate {
                year: year("my"),
                month: month_from_name(m.as_str())?,
                day: num("md")?,
            }
        } else if let Some(m) = c.name("dm") {
            PartialDate {
                year: year("dy"),
                month: month_from_name(m.as_str())?,
                day: num("dd")?,
            }
        } else if c.name("ed").is_some() {
            // Dots between day, month and year are the European order: 21.02.2022.
            PartialDate {
                year: year("ey"),
                month: num("em")?,
                day: num("ed")?,
            }
        } else {
            PartialDate {
                year: year("uy"),
                month: num("um")?,
                day: num("ud")?,
            }
        };
        let valid_day = NaiveDate::from_ymd_opt(date.year.unwrap_or(2000), date.month, date.day);
        valid_day.map(|_| (date, whole.range()))
    })
}

/// `89` → 1989, `22` → 2022: news archives span both centuries.
fn expand_two_digit_year(y: i32) -> i32 {
    if y < 50 { 2000 + y } else { 1900 + y }
}

/// YAML front matter at the very start: its date and title, and where the body begins.
#[must_use]
pub fn front_matter(text: &str) -> Option<(Option<PartialDate>, Option<String>, usize)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---")?;
    let block = &rest[..end];
    let body_start = 4 + end + 4;
    let body_start = text[body_start..]
        .find('\n')
        .map_or(text.len(), |i| body_start + i + 1);
    let mut date = None;
    let mut title = None;
    for c in FRONT_KEY.captures_iter(block) {
        let value = c[2].trim_matches(['"', '\'']);
        if c[1].eq_ignore_ascii_case("title") {
            title = Some(value.to_owned());
        } else if date.is_none() {
            date = find_date(value).map(|(d, _)| d);
        }
    }
    Some((date, title, body_start))
}

/// A header line (`Date: Jan 7, 2022`, or `date 2022-01-07` running into the text) among the
/// first lines of `text[from..]`: the date and the byte offset where the body resumes.
#[must_use]
pub fn header(text: &str, from: usize) -> Option<(PartialDate, usize)> {
    let mut offset = from;
    for line in text[from..].split_inclusive('\n').take(6) {
        if let Some(m) = HEADER.find(line) {
            let after = &line[m.end()..];
            if let Some((date, range)) = find_date(after)
                && range.start <= 2
            {
                let mut end = offset + m.end() + range.end;
                end += text[end..].len()
                    - text[end..]
                        .trim_start_matches([' ', '\t', ',', '|', '-'])
                        .len();
                return Some((date, end));
            }
        }
        offset += line.len();
    }
    None
}

/// A wire dateline at the start of the first paragraph: `Tokyo, 7 January, /AJMEDIA/`,
/// `WASHINGTON, Jan. 7 (Reuters) -`, `LONDON, March 3, 2021 —`.
#[must_use]
pub fn dateline(first_paragraph: &str) -> Option<PartialDate> {
    let head = &first_paragraph[..floor_char_boundary(first_paragraph, 160)];
    let (date, range) = find_date(head)?;
    let place = &head[..range.start];
    if place.is_empty() || !DATELINE_PLACE.is_match(place) {
        return None;
    }
    let after = head[range.end..].trim_start();
    let delimited = after.is_empty()
        || after.starts_with([',', '(', '/', '-', '—', '–', ':', '|'])
        || after.starts_with('\n');
    delimited.then_some(date)
}

/// A full date written in the opening text (`… said on Jan. 7, 2022`).
#[must_use]
pub fn written_date(opening: &str) -> Option<PartialDate> {
    let head = &opening[..floor_char_boundary(opening, 600)];
    DATE.find_iter(head)
        .filter_map(|m| find_date(m.as_str()).map(|(d, _)| d))
        .find(|d| d.year.is_some())
}

/// A date embedded in a file name: `2022-01-07_talks.txt`, `reuters_20220107.html`.
#[must_use]
pub fn from_file_name(name: &str) -> Option<NaiveDate> {
    let c = FILE_DATE.captures(name)?;
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pd(year: Option<i32>, month: u32, day: u32) -> PartialDate {
        PartialDate { year, month, day }
    }

    #[test]
    fn written_date_formats() {
        let cases = [
            ("January 7, 2022", pd(Some(2022), 1, 7)),
            ("7 Jan 2022", pd(Some(2022), 1, 7)),
            ("7 Jan. 2022", pd(Some(2022), 1, 7)),
            ("2022/01/07", pd(Some(2022), 1, 7)),
            ("2022-01-07T10:00:00+09:00", pd(Some(2022), 1, 7)),
            ("01/07/2022", pd(Some(2022), 1, 7)),
            ("11/02/89", pd(Some(1989), 11, 2)),
            ("Sept. 30th, 1998", pd(Some(1998), 9, 30)),
            ("the 4th of July", pd(None, 7, 4)),
            ("Jan. 7", pd(None, 1, 7)),
            ("21.02.2022", pd(Some(2022), 2, 21)),
            ("MOSCOW, 22.02.2022 (Interfax)", pd(Some(2022), 2, 22)),
        ];
        for (text, want) in cases {
            assert_eq!(find_date(text).map(|(d, _)| d), Some(want), "{text}");
        }
        assert_eq!(find_date("February 30, 2022"), None);
        assert_eq!(find_date("31.02.2022"), None, "no such day");
        assert_eq!(find_date("may 2 be"), Some((pd(None, 5, 2), 0..5)));
    }

    #[test]
    fn header_running_into_the_first_paragraph() {
        let text = " date 2022-01-07 Japanese and U.S. chiefs on Friday shared";
        let (date, body) = header(text, 0).unwrap();
        assert_eq!(date, pd(Some(2022), 1, 7));
        assert_eq!(&text[body..body + 8], "Japanese");
    }

    #[test]
    fn header_lines() {
        let text = "Allies meet\nPublished: March 3, 2021\n\nBody.";
        let (date, body) = header(text, 0).unwrap();
        assert_eq!(date, pd(Some(2021), 3, 3));
        assert_eq!(text[body..].trim_start(), "Body.");
        assert_eq!(
            header("Date: 2021-03-03\n", 0).unwrap().0,
            pd(Some(2021), 3, 3)
        );
        assert_eq!(header("Dated letters were found on 3 March.", 0), None);
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("Tokyo, 7 January, /AJMEDIA/"),
            Some(pd(None, 1, 7))
        );
        assert_eq!(
            dateline("WASHINGTON, Jan. 7 (Reuters) - U.S. officials said"),
            Some(pd(None, 1, 7))
        );
        assert_eq!(
            dateline("LONDON, March 3, 2021 — Britain said"),
            Some(pd(Some(2021), 3, 3))
        );
        assert_eq!(
            dateline("NEW DELHI, India, Oct. 12 (AP) — officials"),
            Some(pd(None, 10, 12))
        );
        assert_eq!(dateline("The talks on March 3 were held"), None);
        assert_eq!(
            dateline("SEOUL, South Korea (AP) — North Korea fired"),
            None
        );
    }

    #[test]
    fn dated_first_sentence_after_a_dateline_without_date() {
        let text = "SEOUL, South Korea (AP) — North Korea on Jan. 5, 2022 fired a missile.";
        assert_eq!(written_date(text), Some(pd(Some(2022), 1, 5)));
    }

    #[test]
    fn front_matter_date_and_title() {
        let text = "---\ntitle: \"Allies meet\"\ndate: 2021-10-04\n---\nBody text.";
        let (date, title, body) = front_matter(text).unwrap();
        assert_eq!(date, Some(pd(Some(2021), 10, 4)));
        assert_eq!(title.as_deref(), Some("Allies meet"));
        assert_eq!(&text[body..], "Body text.");
    }

    #[test]
    fn file_names() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 7);
        assert_eq!(from_file_name("2022-01-07_talks.txt"), d);
        assert_eq!(from_file_name("reuters_20220107.html"), d);
        assert_eq!(from_file_name("001_585025c503813674.txt"), None);
    }
}
