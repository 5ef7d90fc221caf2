//! Tokens and the temporal vocabulary: the tagger looks at a token's class, never re-reads
//! its text, and only tries its grammar at tokens that can start a time expression.

use chrono::Weekday;

use crate::calendar::{month_from_name, weekday_from_name};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter (`P5Y`, `PT3H`), and whether it is a time (after `T`) unit.
    #[must_use]
    pub fn duration_code(self) -> (&'static str, bool) {
        match self {
            Self::Second => ("S", true),
            Self::Minute => ("M", true),
            Self::Hour => ("H", true),
            Self::Day => ("D", false),
            Self::Week => ("W", false),
            Self::Weekend => ("WE", false),
            Self::Month => ("M", false),
            Self::Quarter => ("Q", false),
            Self::Year => ("Y", false),
            Self::Decade => ("DE", false),
            Self::Century => ("CE", false),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Spring => "SP",
            Self::Summer => "SU",
            Self::Fall => "FA",
            Self::Winter => "WI",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Morning => "MO",
            Self::Afternoon => "AF",
            Self::Evening => "EV",
            Self::Night => "NI",
        }
    }
}

/// Closed-class words the grammar branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    The,
    A,
    This,
    That,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    Latest,
    Recent,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Early,
    Late,
    Mid,
    End,
    Beginning,
    Of,
    Fiscal,
    Every,
    Each,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Future,
    Present,
    Half,
    Noon,
    Midnight,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Several,
    Few,
    SomeQty,
    Many,
    Up,
    To,
    More,
    Than,
    About,
    Nearly,
    Over,
    Period,
    Pm,
    Am,
    Ended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    Other,
    Punct(u8),
    /// Digits: value and digit count (`07` is 7 with 2 digits).
    Num(u32, u8),
    /// Digits with a suffix: `1990s`, `7th`, `'90s` come as Decade/Ordinal.
    Decade(u32),
    NumWord(u32),
    Ordinal(u32),
    Month(u32),
    Weekday(Weekday),
    Season(Season),
    PartOfDay(PartOfDay),
    Unit(Unit, bool),
    Kw(Kw),
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub lex: Lex,
    /// True when white space (not punctuation) separates this token from the previous one.
    pub space_before: bool,
    pub capitalized: bool,
}

/// Splits `text` into word, number and punctuation tokens with byte offsets.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        if b.is_ascii_alphanumeric() {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
        } else if b < 0x80 {
            i += 1;
        } else {
            // Non-ASCII: one whole character; letters of other scripts never start an English
            // time expression, and typographic punctuation is only a separator here.
            i += utf8_len(b);
            i = i.min(bytes.len());
        }
        let word = &text[start..i];
        let lex = if b < 0x80 {
            classify(word)
        } else {
            Lex::Punct(b'~')
        };
        out.push(Token {
            start: start as u32,
            end: i as u32,
            lex,
            space_before: space,
            capitalized: b.is_ascii_uppercase(),
        });
        space = false;
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

fn classify(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes[0].is_ascii_digit() {
        return classify_number(word);
    }
    if !bytes[0].is_ascii_alphabetic() {
        return Lex::Punct(bytes[0]);
    }
    if bytes.len() > 12 {
        return Lex::Other;
    }
    let mut buf = [0u8; 12];
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    if let Some(lex) = keyword(lower) {
        return lex;
    }
    if let Some(m) = month_from_name(lower) {
        // "may" and "march" are far more often a verb than a month; the grammar decides.
        return Lex::Month(m);
    }
    if let Some(d) = weekday_from_name(lower) {
        return if lower.len() > 3 {
            Lex::Weekday(d)
        } else {
            Lex::Other
        };
    }
    Lex::Other
}

fn classify_number(word: &str) -> Lex {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let value: u32 = word[..digits].parse().unwrap_or(u32::MAX);
    let suffix = &word[digits..];
    match suffix {
        "" => Lex::Num(value, digits.min(255) as u8),
        "s" if digits == 4 && value.is_multiple_of(10) => Lex::Decade(value),
        "s" if digits == 2 && value.is_multiple_of(10) => Lex::Decade(1900 + value),
        "st" | "nd" | "rd" | "th" => Lex::Ordinal(value),
        _ => Lex::Other,
    }
}

fn keyword(w: &str) -> Option<Lex> {
    use Kw::{
        A, About, After, Ago, Am, Annually, Before, Beginning, Coming, Current, Currently, Daily,
        Each, Earlier, Early, End, Ended, Every, Few, Fiscal, Following, Future, Half, Last, Late,
        Later, Latest, Many, Mid, Midnight, Monthly, More, Nearly, Next, Noon, Now, Of, Over, Past,
        Period, Pm, Present, Previous, Recent, Recently, Same, Several, SomeQty, Than, That, The,
        This, To, Today, Tomorrow, Tonight, Up, Weekly, Yesterday,
    };
    let kw = match w {
        "the" => The,
        "a" | "an" | "one" => {
            return Some(if w == "one" {
                Lex::NumWord(1)
            } else {
                Lex::Kw(A)
            });
        }
        "this" | "these" => This,
        "that" | "those" => That,
        "last" => Last,
        "next" => Next,
        "past" => Past,
        "coming" | "upcoming" => Coming,
        "previous" | "prior" | "preceding" => Previous,
        "following" | "ensuing" | "subsequent" => Following,
        "same" => Same,
        "latest" => Latest,
        "recent" => Recent,
        "ago" => Ago,
        "later" => Later,
        "earlier" => Earlier,
        "before" => Before,
        "after" => After,
        "early" => Early,
        "late" => Late,
        "mid" | "middle" => Mid,
        "end" | "close" => End,
        "beginning" | "start" => Beginning,
        "of" => Of,
        "fiscal" => Fiscal,
        "every" => Every,
        "each" => Each,
        "today" => Today,
        "yesterday" => Yesterday,
        "tomorrow" => Tomorrow,
        "tonight" => Tonight,
        "now" | "nowadays" => Now,
        "currently" => Currently,
        "current" => Current,
        "recently" | "lately" => Recently,
        "future" => Future,
        "present" => Present,
        "half" => Half,
        "noon" | "midday" => Noon,
        "midnight" => Midnight,
        "daily" | "nightly" => Daily,
        "weekly" => Weekly,
        "monthly" => Monthly,
        "annually" | "yearly" | "annual" => Annually,
        "several" | "couple" => Several,
        "few" => Few,
        "some" => SomeQty,
        "many" => Many,
        "up" => Up,
        "to" => To,
        "more" => More,
        "than" => Than,
        "about" | "around" | "approximately" | "roughly" => About,
        "nearly" | "almost" => Nearly,
        "over" => Over,
        "period" => Period,
        "pm" => Pm,
        "am" => Am,
        "ended" | "ending" | "ends" => Ended,
        "second" => return Some(Lex::Ordinal(2)),
        "seconds" => return Some(Lex::Unit(Unit::Second, true)),
        "first" => return Some(Lex::Ordinal(1)),
        "spring" => return Some(Lex::Season(Season::Spring)),
        "summer" => return Some(Lex::Season(Season::Summer)),
        "fall" | "autumn" => return Some(Lex::Season(Season::Fall)),
        "winter" => return Some(Lex::Season(Season::Winter)),
        "morning" | "mornings" => return Some(Lex::PartOfDay(PartOfDay::Morning)),
        "afternoon" => return Some(Lex::PartOfDay(PartOfDay::Afternoon)),
        "evening" => return Some(Lex::PartOfDay(PartOfDay::Evening)),
        "night" | "overnight" => return Some(Lex::PartOfDay(PartOfDay::Night)),
        _ => return unit_or_number(w),
    };
    Some(Lex::Kw(kw))
}

fn unit_or_number(w: &str) -> Option<Lex> {
    let unit = |u, plural| Some(Lex::Unit(u, plural));
    match w {
        "minute" => unit(Unit::Minute, false),
        "minutes" => unit(Unit::Minute, true),
        "hour" => unit(Unit::Hour, false),
        "hours" => unit(Unit::Hour, true),
        "day" => unit(Unit::Day, false),
        "days" => unit(Unit::Day, true),
        "week" => unit(Unit::Week, false),
        "weeks" => unit(Unit::Week, true),
        "weekend" => unit(Unit::Weekend, false),
        "weekends" => unit(Unit::Weekend, true),
        "month" => unit(Unit::Month, false),
        "months" => unit(Unit::Month, true),
        "quarter" => unit(Unit::Quarter, false),
        "quarters" => unit(Unit::Quarter, true),
        "year" => unit(Unit::Year, false),
        "years" => unit(Unit::Year, true),
        "decade" => unit(Unit::Decade, false),
        "decades" => unit(Unit::Decade, true),
        "century" => unit(Unit::Century, false),
        "centuries" => unit(Unit::Century, true),
        _ => number_word(w)
            .map(Lex::NumWord)
            .or_else(|| ordinal_word(w).map(Lex::Ordinal))
            .or_else(|| decade_word(w).map(Lex::Decade)),
    }
}

fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "twentieth" => 20,
        _ => return None,
    })
}

fn decade_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenties" => 1920,
        "thirties" => 1930,
        "forties" => 1940,
        "fifties" => 1950,
        "sixties" => 1960,
        "seventies" => 1970,
        "eighties" => 1980,
        "nineties" => 1990,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_offsets_and_classes() {
        let text = "On Wednesday, Jan. 5 the 1990s’ “two-year” ¥1.05";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let words: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.start as usize..t.end as usize])
            .collect();
        assert_eq!(
            words,
            [
                "On",
                "Wednesday",
                ",",
                "Jan",
                ".",
                "5",
                "the",
                "1990s",
                "’",
                "“",
                "two",
                "-",
                "year",
                "”",
                "¥",
                "1",
                ".",
                "05"
            ]
        );
        assert_eq!(toks[1].lex, Lex::Weekday(Weekday::Wed));
        assert_eq!(toks[3].lex, Lex::Month(1));
        assert_eq!(toks[5].lex, Lex::Num(5, 1));
        assert_eq!(toks[7].lex, Lex::Decade(1990));
        assert_eq!(toks[10].lex, Lex::NumWord(2));
        assert_eq!(toks[12].lex, Lex::Unit(Unit::Year, false));
        assert!(!toks[4].space_before && toks[5].space_before);
    }
}
