//! A line that is a date: how saved articles state their own date in a header line under the
//! title or in a footer, in whatever form the source wrote it. The rule is one of shape, not
//! a list of layouts: an optional label (`Posted on`, `Filed`, `Updated:` …), an optional
//! weekday, one full date in any common written or numeric form, an optional time and zone,
//! and hardly anything else on the line.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::calendar::{month_from_name, weekday_from_name};

/// A date read from a line, and the other reading when the line's day/month order is open
/// (`06/07/2001`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineDate {
    pub date: NaiveDate,
    pub other_order: Option<NaiveDate>,
}

/// Lines longer than this are prose, not a date line.
const MAX_LINE_CHARS: usize = 90;
/// Words on the line besides label, weekday, date, time and zone (an agency, a byline's
/// separator): more than this and the date is part of a sentence.
const MAX_OTHER_WORDS: usize = 3;

const LABELS: &str = r"(?i)^(?:(?:last\s+|first\s+)?(?:dated|date|published|posted|updated|modified|filed|issued|released|pubdate|publication\s+date|created|publié|veröffentlicht|publicado|pubblicato|gepubliceerd|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato|stand|datum|erstellt|erschienen|fecha|data|date\s+de\s+publication)(?:\s+(?:on|at|am|vom|le|du|el|del|il|op|em))?\s*[:\-–—|]?\s*)";

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(LABELS).unwrap_or_else(|e| unreachable!("label pattern: {e}")));

/// The date forms, each anchored at the start of what is left of the line.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})|(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})[./-](?P<y>\d{4}))(?:\b|[Tt])",
    )
    .unwrap_or_else(|e| unreachable!("numeric date pattern: {e}"))
});

static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:le|am|el|il|op|em)\s+)?(?:(?P<d1>\d{1,2})(?:st|nd|rd|th|er|º)?[\s\-.]+(?:(?:of|de)\s+)?(?P<m1>\p{L}{3,10})\.?[\s\-,.]+(?:de\s+|del\s+)?(?P<y1>\d{4})|(?P<m2>\p{L}{3,10})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))\b",
    )
    .unwrap_or_else(|e| unreachable!("written date pattern: {e}"))
});

static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
        .unwrap_or_else(|e| unreachable!("CJK date pattern: {e}"))
});

/// What may follow the date: a time, seconds with fractions, am/pm, a zone or offset.
static TIME_AND_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,T]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)?\s*(?:\(?(?:utc|gmt|z|[a-z]{2,4}t|[+-]\d{2}:?\d{2})\)?)?")
        .unwrap_or_else(|e| unreachable!("time pattern: {e}"))
});

/// The date `line` consists of, if it is a date line.
#[must_use]
pub fn date_line(line: &str) -> Option<LineDate> {
    // Markup and separators around the line (`**`, `# `, `[…]`, `/ 07.11.2023 /`) say nothing.
    let line = line.trim_matches(|c: char| !c.is_alphanumeric());
    if line.is_empty() || line.chars().count() > MAX_LINE_CHARS {
        return None;
    }
    let mut rest = line;
    if let Some(m) = LABEL.find(rest) {
        rest = &rest[m.end()..];
    }
    rest = skip_weekday(rest);
    // A place, an agency or a byline may come first (`Hamburg, 2. November 2021`, `by Ann
    // on 3 May 2021`): those words count against the few a date line may hold.
    let mut lead_words = 0;
    let (found, after) = loop {
        if let Some(parsed) = parse_date(rest) {
            break parsed;
        }
        lead_words += 1;
        if lead_words > MAX_OTHER_WORDS {
            return None;
        }
        let word_end = rest
            .find(|c: char| !c.is_alphanumeric())
            .filter(|&i| i > 0)?;
        let next = rest[word_end..].find(char::is_alphanumeric)?;
        rest = skip_weekday(&rest[word_end + next..]);
    };
    let after = TIME_AND_ZONE
        .find(after)
        .map_or(after, |m| &after[m.end()..]);
    // A separator ends the date's field: `03.05.2013, 11:51 | 0 comments` is a date line.
    let after = after
        .trim_start()
        .strip_prefix(['|', '·', '•', '/'])
        .map_or(after, |_| "");
    let other_words = lead_words
        + after
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
    (other_words <= MAX_OTHER_WORDS && plausible(found.date)).then_some(found)
}

/// The full date `s` starts with, in any form a date line may take, reading an open slashed
/// date (`06/07/2001`) day first or month first as `day_first` says (a page's language
/// settles what its author meant); `None` when the order stays open or the date is
/// implausible for news.
pub(super) fn date_at_in_order(s: &str, day_first: Option<bool>) -> Option<NaiveDate> {
    let (found, _) = parse_date(s)?;
    let date = match (found.other_order, day_first) {
        (None, _) | (Some(_), Some(true)) => found.date,
        (Some(month_first), Some(false)) => month_first,
        (Some(_), None) => return None,
    };
    plausible(date).then_some(date)
}

/// The date a paragraph opens with, as a press release or a wire story leads
/// (`01.02.2022 „Der Arbeitsmarkt …`, `27.1.2022 - Bei der …`, `7 June 2020: Ministers …`):
/// a full date whose order nothing leaves open, then the paragraph's text.
#[must_use]
pub fn leading_date(paragraph: &str) -> Option<NaiveDate> {
    let (found, rest) = parse_date(paragraph.trim_start())?;
    let rest = TIME_AND_ZONE.find(rest).map_or(rest, |m| &rest[m.end()..]);
    let text = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '|' | '/')
    });
    // A date alone is a date line (read elsewhere); a date and a number is a table row.
    let opens_text = text
        .starts_with(|c: char| c.is_alphabetic() || matches!(c, '„' | '"' | '“' | '«'))
        && text.split_whitespace().count() >= 3;
    (found.other_order.is_none() && opens_text && plausible(found.date)).then_some(found.date)
}

/// Weekday names of the languages of [`MONTHS`], lowercase.
/// The longest of [`WEEKDAYS`] in characters ("segunda-feira"): lowercasing never makes a
/// word fewer characters, so a longer word is none of them.
const MAX_WEEKDAY_CHARS: usize = 13;

const WEEKDAYS: [&str; 41] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// "Monday, ", "Tue ", "Donnerstag, ": a weekday before the date says nothing more.
fn skip_weekday(s: &str) -> &str {
    let word_end = s
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(s.len());
    let word = &s[..word_end];
    // Every header line passes here: lowercase a word once, and only a word that could be one.
    let named = || {
        weekday_from_name(word.trim_end_matches('-')).is_some()
            || (word.chars().count() <= MAX_WEEKDAY_CHARS
                && WEEKDAYS.contains(&word.to_lowercase().as_str()))
    };
    if word_end >= 3 && named() {
        s[word_end..].trim_start_matches(['.', ',', ' ', '\t'])
    } else {
        s
    }
}

/// A full date at the start of `s`, and what follows it.
fn parse_date(s: &str) -> Option<(LineDate, &str)> {
    // Each pattern is anchored and opens with a digit (numeric, CJK) or a letter or digit
    // (written): the first character rules most lines out before any regex runs. `\d` also
    // matches other scripts' digits, but only ASCII digits parse as numbers below, so a line
    // opening with another digit never gave a date from the numeric or CJK pattern.
    let digit_first = s.starts_with(|c: char| c.is_ascii_digit());
    if !digit_first && !s.starts_with(char::is_alphanumeric) {
        return None;
    }
    if digit_first && let Some(c) = NUMERIC.captures(s) {
        let end = c.get(0)?.end();
        let num = |name: &str| c.name(name)?.as_str().parse::<u32>().ok();
        let year = |name: &str| c.name(name)?.as_str().parse::<i32>().ok();
        if c.name("iy").is_some() {
            let date = NaiveDate::from_ymd_opt(year("iy")?, num("im")?, num("id")?)?;
            return Some((
                LineDate {
                    date,
                    other_order: None,
                },
                &s[end..],
            ));
        }
        let (a, b, y) = (num("a")?, num("b")?, year("y")?);
        let day_first = NaiveDate::from_ymd_opt(y, b, a);
        let month_first = NaiveDate::from_ymd_opt(y, a, b);
        // Dots and dashes are written day first (03.11.2004, 14-02-1989); a slash is either.
        let dotted = c.name("sep").is_some_and(|m| m.as_str() != "/");
        let found = match (day_first, month_first) {
            (Some(d), _) if dotted => LineDate {
                date: d,
                other_order: None,
            },
            (Some(d), Some(m)) if d != m => LineDate {
                date: d,
                other_order: Some(m),
            },
            (Some(d), _) => LineDate {
                date: d,
                other_order: None,
            },
            (None, Some(m)) => LineDate {
                date: m,
                other_order: None,
            },
            (None, None) => return None,
        };
        return Some((found, &s[end..]));
    }
    if let Some(c) = WRITTEN.captures(s) {
        let end = c.get(0)?.end();
        let (d, m, y) = if c.name("d1").is_some() {
            ("d1", "m1", "y1")
        } else {
            ("d2", "m2", "y2")
        };
        let month = month_in_any_language(c.name(m)?.as_str())?;
        let day = c.name(d)?.as_str().parse().ok()?;
        let year = c.name(y)?.as_str().parse().ok()?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        return Some((
            LineDate {
                date,
                other_order: None,
            },
            &s[end..],
        ));
    }
    if !digit_first {
        return None;
    }
    let c = CJK.captures(s)?;
    let end = c.get(0)?.end();
    let date = NaiveDate::from_ymd_opt(
        c.name("y")?.as_str().parse().ok()?,
        c.name("m")?.as_str().parse().ok()?,
        c.name("d")?.as_str().parse().ok()?,
    )?;
    Some((
        LineDate {
            date,
            other_order: None,
        },
        &s[end..],
    ))
}

/// Month names of the languages news is most often saved in besides English: German,
/// French, Spanish, Italian, Portuguese, Dutch.
const MONTHS: [[&str; 12]; 6] = [
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
];

fn month_in_any_language(name: &str) -> Option<u32> {
    month_from_name(name).or_else(|| {
        let lower = name.trim_end_matches('.').to_lowercase();
        MONTHS.iter().find_map(|names| {
            (1..=12)
                .zip(names)
                .find(|(_, n)| **n == lower || (lower.len() >= 3 && n.starts_with(&lower)))
                .map(|(m, _)| m)
        })
    })
}

/// Publication dates of news: not before 1800, not in a far future.
fn plausible(date: NaiveDate) -> bool {
    use chrono::Datelike as _;
    (1800..=2100).contains(&date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_weekday_name_is_longer_than_the_bound() {
        let longest = WEEKDAYS.iter().map(|w| w.chars().count()).max();
        assert_eq!(longest, Some(MAX_WEEKDAY_CHARS));
        assert_eq!(skip_weekday("SEGUNDA-FEIRA, 7 de junho"), "7 de junho");
        assert_eq!(skip_weekday("Sábado 7"), "7");
        assert_eq!(skip_weekday("Sabbatical 7"), "Sabbatical 7");
    }

    fn day(s: &str) -> Option<String> {
        date_line(s).map(|d| d.date.to_string())
    }

    #[test]
    fn labelled_and_bare_dates_in_every_common_form() {
        for (line, want) in [
            ("Posted on 23/11/2005", "2005-11-23"),
            ("08.11.2005", "2005-11-08"),
            ("Filed 7 April 1997", "1997-04-07"),
            ("01-Apr-1987", "1987-04-01"),
            ("31-MAR-1987 12:45:20.94", "1987-03-31"),
            ("14-FEB-1989 10:02:44.17", "1989-02-14"),
            ("Date: 2022-01-07T09:00:00Z", "2022-01-07"),
            ("Published: January 7, 2022", "2022-01-07"),
            (
                "Updated: Friday, January 7, 2022 10:15 a.m. EST",
                "2022-01-07",
            ),
            ("Fri, 07 Jan 2022 10:00:00 +0000", "2022-01-07"),
            ("7. Juni 2020", "2020-06-07"),
            ("2022年1月7日", "2022-01-07"),
            ("Filed 30 November 2005", "2005-11-30"),
            ("Dated 03.11.2004", "2004-11-03"),
            ("le 7 juin 2020", "2020-06-07"),
            ("7 de junio de 2020", "2020-06-07"),
            ("Publié le 7 juin 2020", "2020-06-07"),
            ("7 maart 2020", "2020-03-07"),
            ("Donnerstag, 15.2.2018, 19:51", "2018-02-15"),
            ("Datum: 22.12.2012, Rubrik: USA", "2012-12-22"),
            ("[Stand: 09.10.2017, 01:40 Uhr]", "2017-10-09"),
            ("Hamburg, 2. November 2021", "2021-11-02"),
            ("Handball Schweiz • 02.02.2022", "2022-02-02"),
            ("Erstellt am: 01.11.2023", "2023-11-01"),
            ("Posted by Ann on 3 May 2021", "2021-05-03"),
            ("vendredi 7 juin 2019", "2019-06-07"),
        ] {
            assert_eq!(day(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn a_date_inside_a_sentence_is_no_date_line() {
        for line in [
            "The hostages will be returned on July 1, 2030, officials said on Tuesday.",
            "Ministers met on 7 January 2022 in Tokyo to discuss the alliance and trade",
            "Posted on Facebook by the minister",
            "1987",
            "Page 3 of 12",
            "March 3",
            "The talks of 7 January 2022 in Tokyo failed",
            "Der Beitrag wurde vor am Samstag, 3. Dezember 2011 veröffentlicht",
        ] {
            assert_eq!(day(line), None, "{line}");
        }
    }

    #[test]
    fn a_slashed_date_keeps_its_other_reading_when_both_are_days() {
        let found = date_line("Posted on 06/07/2001").unwrap();
        assert_eq!(found.date.to_string(), "2001-07-06");
        assert_eq!(
            found.other_order.map(|d| d.to_string()).as_deref(),
            Some("2001-06-07")
        );
        // A day past 12 settles it; dots are written day first.
        assert_eq!(date_line("11/23/2005").unwrap().other_order, None);
        assert_eq!(day("11/23/2005").as_deref(), Some("2005-11-23"));
        assert_eq!(date_line("06.07.2001").unwrap().other_order, None);
    }

    #[test]
    fn implausible_years_are_refused() {
        assert_eq!(day("Filed 7 April 1297"), None);
        assert_eq!(day("2222-01-01"), None);
    }

    #[test]
    fn a_paragraph_that_leads_with_its_day_gives_it() {
        let lead = |s: &str| leading_date(s).map(|d| d.to_string());
        assert_eq!(
            lead("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr gestartet."),
            Some("2022-02-01".into())
        );
        assert_eq!(
            lead("27.1.2022 - Bei der Erinnerung an die Verfolgten"),
            Some("2022-01-27".into())
        );
        assert_eq!(
            lead("7 June 2020: Ministers met in Paris on Sunday."),
            Some("2020-06-07".into())
        );
        assert_eq!(
            lead("2021-03-04 10:15 – The council approved the budget"),
            Some("2021-03-04".into())
        );
        // A day/month order left open, a date alone, a table row, a date inside a sentence.
        assert_eq!(lead("06/07/2001 The ministers met"), None);
        assert_eq!(lead("01.02.2022"), None);
        assert_eq!(lead("01.02.2022 1.234 5.678"), None);
        assert_eq!(lead("On 01.02.2022 the ministers met in Paris."), None);
    }
}
