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
        if crate::ascii::is_alphanumeric(b) {
            i = crate::ascii::alphanumeric_run_end(bytes, i + 1);
        } else if b < 0x80 {
            i += 1;
        } else {
            // Non-ASCII: one whole character; letters of other scripts never start an English
            // time expression, and typographic punctuation is only a separator here.
            i += utf8_len(b);
            i = i.min(bytes.len());
        }
        let lex = if b < 0x80 {
            classify(text, start, i)
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

/// The class of the word `text[start..end]`.
fn classify(text: &str, start: usize, end: usize) -> Lex {
    let first = text.as_bytes()[start];
    if first.is_ascii_digit() {
        return classify_number(&text[start..end]);
    }
    if !first.is_ascii_alphabetic() {
        return Lex::Punct(first);
    }
    VOCABULARY.get(text.as_bytes(), start, end)
}

/// Longer words are never temporal: the longest in the vocabulary, "approximately", has 13.
const MAX_WORD: usize = 16;

/// [`WORDS`], months and weekdays in an open-addressed table keyed by the lowercased word
/// packed into an integer: every token is looked up, and a `match` over 170 strings compared
/// most of them in turn for the many words that are none of them.
struct Vocabulary {
    slots: Box<[(u128, Lex)]>,
}

static VOCABULARY: std::sync::LazyLock<Vocabulary> = std::sync::LazyLock::new(Vocabulary::new);

impl Vocabulary {
    /// Slots per word, at least: probes stay short.
    const SPREAD: usize = 4;

    fn new() -> Self {
        let mut entries: Vec<(&[u8], Lex)> = Vec::new();
        // Later entries win: a keyword over a month or weekday, a month over a weekday.
        for name in WEEKDAY_NAMES {
            for len in 4..=name.len() {
                if let Some(d) = std::str::from_utf8(&name[..len])
                    .ok()
                    .and_then(weekday_from_name)
                {
                    entries.push((&name[..len], Lex::Weekday(d)));
                }
            }
        }
        for name in crate::calendar::MONTH_NAMES {
            for len in 3..=name.len() {
                if let Some(m) = std::str::from_utf8(&name[..len])
                    .ok()
                    .and_then(month_from_name)
                {
                    entries.push((&name[..len], Lex::Month(m)));
                }
            }
        }
        for (words, lex) in WORDS {
            entries.extend(words.iter().map(|w| (w.as_bytes(), *lex)));
        }
        let size = (entries.len() * Self::SPREAD).next_power_of_two();
        let mut table = Self {
            slots: vec![(0, Lex::Other); size].into_boxed_slice(),
        };
        for (word, lex) in entries {
            if let Some(key) = pack(word, 0, word.len()) {
                let slot = table.slot(key);
                table.slots[slot] = (key, lex);
            }
        }
        table
    }

    /// The slot holding `key`, or the empty one where it would go.
    fn slot(&self, key: u128) -> usize {
        let mask = self.slots.len() - 1;
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
        let mut i = (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        while self.slots[i].0 != key && self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        i
    }

    fn get(&self, text: &[u8], start: usize, end: usize) -> Lex {
        pack(text, start, end).map_or(Lex::Other, |key| self.slots[self.slot(key)].1)
    }
}

/// `text[start..end]` lowercased into the bytes of an integer (never 0 for a word), if it is
/// short enough. Only ASCII letters and digits reach it: setting bit 5 of every byte lowercases
/// a letter and leaves a digit alone. Every token is packed, so the bytes come in one load
/// from the text where it runs on past the word.
fn pack(text: &[u8], start: usize, end: usize) -> Option<u128> {
    let len = end - start;
    if len == 0 || len > MAX_WORD {
        return None;
    }
    debug_assert!(text[start..end].iter().all(u8::is_ascii_alphanumeric));
    let mut buf = [0u8; 16];
    match text.get(start..start + 16) {
        Some(wide) => buf.copy_from_slice(wide),
        None => buf[..len].copy_from_slice(&text[start..end]),
    }
    let word_bytes = u128::MAX >> (8 * (16 - len));
    Some((u128::from_le_bytes(buf) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & word_bytes)
}

const WEEKDAY_NAMES: [&[u8]; 7] = [
    b"monday",
    b"tuesday",
    b"wednesday",
    b"thursday",
    b"friday",
    b"saturday",
    b"sunday",
];

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

/// The temporal vocabulary: every word with a class of its own, months and weekdays aside
/// (they come from the calendar). Any other word is `Lex::Other`.
const WORDS: &[(&[&str], Lex)] = &[
    (&["the"], Lex::Kw(Kw::The)),
    (&["a", "an"], Lex::Kw(Kw::A)),
    (&["one"], Lex::NumWord(1)),
    (&["this", "these"], Lex::Kw(Kw::This)),
    (&["that", "those"], Lex::Kw(Kw::That)),
    (&["last"], Lex::Kw(Kw::Last)),
    (&["next"], Lex::Kw(Kw::Next)),
    (&["past"], Lex::Kw(Kw::Past)),
    (&["coming", "upcoming"], Lex::Kw(Kw::Coming)),
    (&["previous", "prior", "preceding"], Lex::Kw(Kw::Previous)),
    (
        &["following", "ensuing", "subsequent"],
        Lex::Kw(Kw::Following),
    ),
    (&["same"], Lex::Kw(Kw::Same)),
    (&["latest"], Lex::Kw(Kw::Latest)),
    (&["recent"], Lex::Kw(Kw::Recent)),
    (&["ago"], Lex::Kw(Kw::Ago)),
    (&["later"], Lex::Kw(Kw::Later)),
    (&["earlier"], Lex::Kw(Kw::Earlier)),
    (&["before"], Lex::Kw(Kw::Before)),
    (&["after"], Lex::Kw(Kw::After)),
    (&["early"], Lex::Kw(Kw::Early)),
    (&["late"], Lex::Kw(Kw::Late)),
    (&["mid", "middle"], Lex::Kw(Kw::Mid)),
    (&["end", "close"], Lex::Kw(Kw::End)),
    (&["beginning", "start"], Lex::Kw(Kw::Beginning)),
    (&["of"], Lex::Kw(Kw::Of)),
    (&["fiscal"], Lex::Kw(Kw::Fiscal)),
    (&["every"], Lex::Kw(Kw::Every)),
    (&["each"], Lex::Kw(Kw::Each)),
    (&["today"], Lex::Kw(Kw::Today)),
    (&["yesterday"], Lex::Kw(Kw::Yesterday)),
    (&["tomorrow"], Lex::Kw(Kw::Tomorrow)),
    (&["tonight"], Lex::Kw(Kw::Tonight)),
    (&["now", "nowadays"], Lex::Kw(Kw::Now)),
    (&["currently"], Lex::Kw(Kw::Currently)),
    (&["current"], Lex::Kw(Kw::Current)),
    (&["recently", "lately"], Lex::Kw(Kw::Recently)),
    (&["future"], Lex::Kw(Kw::Future)),
    (&["present"], Lex::Kw(Kw::Present)),
    (&["half"], Lex::Kw(Kw::Half)),
    (&["noon", "midday"], Lex::Kw(Kw::Noon)),
    (&["midnight"], Lex::Kw(Kw::Midnight)),
    (&["daily", "nightly"], Lex::Kw(Kw::Daily)),
    (&["weekly"], Lex::Kw(Kw::Weekly)),
    (&["monthly"], Lex::Kw(Kw::Monthly)),
    (&["annually", "yearly", "annual"], Lex::Kw(Kw::Annually)),
    (&["several", "couple"], Lex::Kw(Kw::Several)),
    (&["few"], Lex::Kw(Kw::Few)),
    (&["some"], Lex::Kw(Kw::SomeQty)),
    (&["many"], Lex::Kw(Kw::Many)),
    (&["up"], Lex::Kw(Kw::Up)),
    (&["to"], Lex::Kw(Kw::To)),
    (&["more"], Lex::Kw(Kw::More)),
    (&["than"], Lex::Kw(Kw::Than)),
    (
        &["about", "around", "approximately", "roughly"],
        Lex::Kw(Kw::About),
    ),
    (&["nearly", "almost"], Lex::Kw(Kw::Nearly)),
    (&["over"], Lex::Kw(Kw::Over)),
    (&["period"], Lex::Kw(Kw::Period)),
    (&["pm"], Lex::Kw(Kw::Pm)),
    (&["am"], Lex::Kw(Kw::Am)),
    (&["ended", "ending", "ends"], Lex::Kw(Kw::Ended)),
    (&["second"], Lex::Ordinal(2)),
    (&["seconds"], Lex::Unit(Unit::Second, true)),
    (&["first"], Lex::Ordinal(1)),
    (&["spring"], Lex::Season(Season::Spring)),
    (&["summer"], Lex::Season(Season::Summer)),
    (&["fall", "autumn"], Lex::Season(Season::Fall)),
    (&["winter"], Lex::Season(Season::Winter)),
    (&["morning", "mornings"], Lex::PartOfDay(PartOfDay::Morning)),
    (&["afternoon"], Lex::PartOfDay(PartOfDay::Afternoon)),
    (&["evening"], Lex::PartOfDay(PartOfDay::Evening)),
    (&["night", "overnight"], Lex::PartOfDay(PartOfDay::Night)),
    (&["minute"], Lex::Unit(Unit::Minute, false)),
    (&["minutes"], Lex::Unit(Unit::Minute, true)),
    (&["hour"], Lex::Unit(Unit::Hour, false)),
    (&["hours"], Lex::Unit(Unit::Hour, true)),
    (&["day"], Lex::Unit(Unit::Day, false)),
    (&["days"], Lex::Unit(Unit::Day, true)),
    (&["week"], Lex::Unit(Unit::Week, false)),
    (&["weeks"], Lex::Unit(Unit::Week, true)),
    (&["weekend"], Lex::Unit(Unit::Weekend, false)),
    (&["weekends"], Lex::Unit(Unit::Weekend, true)),
    (&["month"], Lex::Unit(Unit::Month, false)),
    (&["months"], Lex::Unit(Unit::Month, true)),
    (&["quarter"], Lex::Unit(Unit::Quarter, false)),
    (&["quarters"], Lex::Unit(Unit::Quarter, true)),
    (&["year"], Lex::Unit(Unit::Year, false)),
    (&["years"], Lex::Unit(Unit::Year, true)),
    (&["decade"], Lex::Unit(Unit::Decade, false)),
    (&["decades"], Lex::Unit(Unit::Decade, true)),
    (&["century"], Lex::Unit(Unit::Century, false)),
    (&["centuries"], Lex::Unit(Unit::Century, true)),
    (&["two"], Lex::NumWord(2)),
    (&["three"], Lex::NumWord(3)),
    (&["four"], Lex::NumWord(4)),
    (&["five"], Lex::NumWord(5)),
    (&["six"], Lex::NumWord(6)),
    (&["seven"], Lex::NumWord(7)),
    (&["eight"], Lex::NumWord(8)),
    (&["nine"], Lex::NumWord(9)),
    (&["ten"], Lex::NumWord(10)),
    (&["eleven"], Lex::NumWord(11)),
    (&["twelve", "dozen"], Lex::NumWord(12)),
    (&["thirteen"], Lex::NumWord(13)),
    (&["fourteen"], Lex::NumWord(14)),
    (&["fifteen"], Lex::NumWord(15)),
    (&["sixteen"], Lex::NumWord(16)),
    (&["seventeen"], Lex::NumWord(17)),
    (&["eighteen"], Lex::NumWord(18)),
    (&["nineteen"], Lex::NumWord(19)),
    (&["twenty"], Lex::NumWord(20)),
    (&["thirty"], Lex::NumWord(30)),
    (&["forty"], Lex::NumWord(40)),
    (&["fifty"], Lex::NumWord(50)),
    (&["sixty"], Lex::NumWord(60)),
    (&["seventy"], Lex::NumWord(70)),
    (&["eighty"], Lex::NumWord(80)),
    (&["ninety"], Lex::NumWord(90)),
    (&["hundred"], Lex::NumWord(100)),
    (&["third"], Lex::Ordinal(3)),
    (&["fourth"], Lex::Ordinal(4)),
    (&["fifth"], Lex::Ordinal(5)),
    (&["sixth"], Lex::Ordinal(6)),
    (&["seventh"], Lex::Ordinal(7)),
    (&["eighth"], Lex::Ordinal(8)),
    (&["ninth"], Lex::Ordinal(9)),
    (&["tenth"], Lex::Ordinal(10)),
    (&["eleventh"], Lex::Ordinal(11)),
    (&["twelfth"], Lex::Ordinal(12)),
    (&["twentieth"], Lex::Ordinal(20)),
    (&["twenties"], Lex::Decade(1920)),
    (&["thirties"], Lex::Decade(1930)),
    (&["forties"], Lex::Decade(1940)),
    (&["fifties"], Lex::Decade(1950)),
    (&["sixties"], Lex::Decade(1960)),
    (&["seventies"], Lex::Decade(1970)),
    (&["eighties"], Lex::Decade(1980)),
    (&["nineties"], Lex::Decade(1990)),
];

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

    fn classify(word: &str) -> Lex {
        super::classify(word, 0, word.len())
    }

    #[test]
    fn vocabulary_finds_every_word_in_any_case_and_nothing_else() {
        for (words, lex) in WORDS {
            for word in *words {
                // "second" and "first" are ordinals; nothing in WORDS is shadowed.
                assert_eq!(classify(word), *lex, "{word}");
                assert_eq!(classify(&word.to_uppercase()), *lex, "{word}");
            }
        }
        assert_eq!(classify("Sept"), Lex::Month(9));
        assert_eq!(classify("DECEMBER"), Lex::Month(12));
        assert_eq!(classify("Thurs"), Lex::Weekday(Weekday::Thu));
        // Three-letter weekdays are too often other words ("wed", "sat", "sun").
        assert_eq!(classify("wed"), Lex::Other);
        assert_eq!(classify("Sun"), Lex::Other);
        for other in ["summit", "talks", "Mayor", "marched", "approximatelyy", "x"] {
            assert_eq!(classify(other), Lex::Other, "{other}");
        }
        assert_eq!(classify("approximately"), Lex::Kw(Kw::About));
    }
}
