use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// (phrase as tagged, value) pairs of `text` at `dct`.
fn values(text: &str, dct: NaiveDate) -> Vec<(String, String)> {
    tag(text, dct)
        .into_iter()
        .map(|t| (text[t.start..t.end].to_owned(), t.value))
        .collect()
}

fn one(text: &str, dct: NaiveDate) -> String {
    let v = values(text, dct);
    assert_eq!(v.len(), 1, "{text}: {v:?}");
    v[0].1.clone()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

// A Friday, a Monday around a year boundary, and a leap day.
const FRI: (i32, u32, u32) = (2022, 1, 7);

#[test]
fn seed_expressions_resolve_as_the_gold_expects() {
    let dct = d(FRI.0, FRI.1, FRI.2);
    assert_eq!(
        one(
            "North Korea, which fired what it claims was a newly developed hypersonic missile on Wednesday.",
            dct
        ),
        "2022-01-05"
    );
    assert_eq!(
        one(
            "Austin was found to have contracted the novel coronavirus on Sunday and has been working from home.",
            dct
        ),
        "2022-01-02"
    );
    assert_eq!(
        one(
            "who was approved as envoy by the Senate last month, is also participating",
            dct
        ),
        "2021-12"
    );
    let t = tag(
        "since Prime Minister Fumio Kishida became Japan’s leader in early October and Hayashi took up his post in early November.",
        dct,
    );
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0].value.as_str(), t[0].modifier),
        ("2021-10", Some(Mod::Start))
    );
    let iv = t[0].interval.unwrap();
    assert!(iv.start >= d(2021, 10, 1) && iv.end <= d(2021, 10, 31) && iv.end < d(2021, 10, 31));
    assert_eq!(t[1].value, "2021-11");
    assert_eq!(
        one(
            "the talks, which were last held in person in Tokyo in March, according to",
            dct
        ),
        "2021-03"
    );
    assert_eq!(
        one(
            "The meeting, last held in person in Tokyo in March, is the first since",
            dct
        ),
        "2021-03"
    );
    let year_end = tag(
        "ahead of a review of its long-term guideline by the year-end.",
        dct,
    );
    assert_eq!(year_end[0].value, "2022-12");
    assert_eq!(
        one(
            "ministers began a virtual ministerial security meeting Friday, aiming",
            dct
        ),
        "2022-01-07"
    );
    assert_eq!(
        one("defense chiefs on Friday shared their concerns", dct),
        "2022-01-07"
    );
}

#[test]
fn duration_anchored_to_a_date_is_an_interval() {
    let dct = d(2022, 1, 7);
    let t = tag(
        "Tokyo will pay 1.05 trillion yen over five years from April.",
        dct,
    );
    assert_eq!(t[0].value, "P5Y");
    assert_eq!(t[1].value, "2022-04");
    let iv = t[0].interval.unwrap();
    assert_eq!((iv.start, iv.end), (d(2022, 4, 1), d(2027, 3, 31)));
}

#[test]
fn two_days_of_one_month_make_one_range() {
    let dct = d(2024, 5, 2);
    let text = "The summit is on 12-13 June. Talks were held June 12-13. \
                The fair runs from 12 to 14 June. They met on 3 and 4 May. \
                Pages 12, 13 June. In 2019 the talks on 13 June ended. \
                Shares bought from Sept. 14 to Thursday rose.";
    let spans: Vec<(&str, NaiveDate, NaiveDate, String)> = tag(text, dct)
        .iter()
        .filter_map(|t| {
            let iv = t.interval?;
            Some((&text[t.start..t.end], iv.start, iv.end, t.value.clone()))
        })
        .collect();
    let find = |phrase: &str| {
        spans
            .iter()
            .find(|s| s.0.trim_end_matches('.') == phrase)
            .unwrap_or_else(|| panic!("{phrase}: {spans:?}"))
    };
    assert_eq!(find("12-13 June").1, d(2024, 6, 12));
    assert_eq!(find("12-13 June").2, d(2024, 6, 13));
    assert_eq!(find("12-13 June").3, "2024-06-12");
    assert_eq!(
        (find("June 12-13").1, find("June 12-13").2),
        (d(2024, 6, 12), d(2024, 6, 13))
    );
    assert_eq!(
        (find("12 to 14 June").1, find("12 to 14 June").2),
        (d(2024, 6, 12), d(2024, 6, 14))
    );
    assert_eq!(
        (find("3 and 4 May").1, find("3 and 4 May").2),
        (d(2024, 5, 3), d(2024, 5, 4))
    );
    // A list, and a year before the day, are no ranges.
    let lone: Vec<_> = spans
        .iter()
        .filter(|s| s.0.trim_end_matches('.') == "13 June")
        .collect();
    assert_eq!(lone.len(), 2, "{spans:?}");
    assert!(lone.iter().all(|s| s.1 == s.2), "{lone:?}");
    // "14 to Thursday": the weekday takes no day number from another date.
    assert_eq!(find("Thursday").1, find("Thursday").2);
    assert_eq!(find("Sept. 14").1, find("Sept. 14").2);
}

#[test]
fn weekdays_follow_tense_from_every_weekday() {
    // DCT Monday 2021-12-27: past Friday is Dec 24, future Friday is Dec 31.
    let mon = d(2021, 12, 27);
    assert_eq!(one("The minister resigned on Friday.", mon), "2021-12-24");
    assert_eq!(
        one("The minister will resign on Friday.", mon),
        "2021-12-31"
    );
    assert_eq!(
        one("Talks are expected to resume Tuesday.", mon),
        "2021-12-28"
    );
    // DCT Sunday: "Sunday" in the lede is the day itself.
    assert_eq!(
        one("Voters went to the polls Sunday.", d(2022, 1, 2)),
        "2022-01-02"
    );
    // Across a year boundary, "next Monday" from Thursday 2021-12-30.
    assert_eq!(one("They meet next Monday.", d(2021, 12, 30)), "2022-01-03");
    assert_eq!(one("He left last Tuesday.", d(2022, 1, 1)), "2021-12-28");
}

#[test]
fn deictic_words() {
    let dct = d(2024, 3, 1); // the day after a leap day
    assert_eq!(one("Officials said yesterday.", dct), "2024-02-29");
    assert_eq!(one("The vote is today.", dct), "2024-03-01");
    assert_eq!(one("We land tomorrow.", dct), "2024-03-02");
    assert_eq!(one("He is now in Paris.", dct), "PRESENT_REF");
    assert_eq!(one("They recently agreed.", dct), "PAST_REF");
    assert_eq!(one("He arrives tonight.", dct), "2024-03-01TNI");
    assert_eq!(one("It ended this morning.", dct), "2024-03-01TMO");
    assert_eq!(
        one("He was sworn in earlier in the day.", dct),
        "2024-03-01"
    );
    assert_eq!(
        values(
            "They deplored on Thursday the blasts earlier in the day.",
            dct
        ),
        [
            pair("Thursday", "2024-02-29"),
            pair("earlier in the day", "2024-02-29")
        ]
    );
    // A clock time on a named day: "at 2:55 p.m. on Sunday", "7:30 a.m. local time on …".
    assert_eq!(
        one("The missile was launched at 2:55 p.m. on Thursday.", dct),
        "2024-02-29T14:55"
    );
    assert_eq!(
        one("It took place at 7:30 a.m. local time on Thursday.", dct),
        "2024-02-29T07:30"
    );
    // What is looked forward to lies ahead, whatever the tense of the looking.
    assert_eq!(
        one("Beijing was looking forward to his visit in May.", dct),
        "2024-05"
    );
    assert_eq!(
        one("Beijing was disappointed by his visit in May.", dct),
        "2023-05"
    );
}

#[test]
fn relative_units_and_year_boundaries() {
    let jan = d(2022, 1, 7);
    assert_eq!(one("Prices rose last month.", jan), "2021-12");
    assert_eq!(one("Prices will rise next month.", jan), "2022-02");
    assert_eq!(one("Sales fell last year.", jan), "2021");
    assert_eq!(one("Growth this year.", jan), "2022");
    assert_eq!(one("We met last week.", jan), "2021-W52");
    assert_eq!(one("It happened two days ago.", jan), "2022-01-05");
    assert_eq!(one("It happened three weeks ago.", jan), "2021-W50");
    assert_eq!(one("Sales fell in the fourth quarter.", jan), "2021-Q4");
    assert_eq!(
        one("Sales rose in the first quarter.", d(2022, 5, 1)),
        "2022-Q1"
    );
    assert_eq!(
        one(
            "The company expects results in the second half.",
            d(2022, 3, 1)
        ),
        "2022-H2"
    );
    assert_eq!(one("Leap day: Feb. 29, 2024 was busy.", jan), "2024-02-29");
    assert_eq!(
        one("Profit rose 5% from a year earlier.", d(1989, 10, 26)),
        "1988"
    );
    assert_eq!(
        one("Profit rose in the year-earlier quarter.", d(1989, 10, 26)),
        "1988-Q3"
    );
}

#[test]
fn anaphoric_expressions_use_the_last_date() {
    let dct = d(2022, 1, 7);
    let v = values(
        "The treaty was signed on March 3, 2019. Two days later, it was ratified. The next day, protests began.",
        dct,
    );
    assert_eq!(
        v,
        [
            pair("March 3, 2019", "2019-03-03"),
            pair("Two days later", "2019-03-05"),
            pair("The next day", "2019-03-06")
        ]
    );
}

#[test]
fn months_and_seasons_with_tense() {
    let jan = d(2022, 1, 7);
    assert_eq!(one("The plant closed in March.", jan), "2021-03");
    assert_eq!(one("The plant will close in March.", jan), "2022-03");
    assert_eq!(one("Prices rose in mid-2021.", jan), "2021");
    assert_eq!(
        tag("Prices rose in mid-2021.", jan)[0].modifier,
        Some(Mod::Mid)
    );
    assert_eq!(one("It worsened late last year.", jan), "2021");
    assert_eq!(one("They will decide this spring.", jan), "2022-SP");
    assert_eq!(one("The company was founded in 1998.", jan), "1998");
    assert_eq!(one("It peaked in the 1990s.", jan), "199X");
    assert_eq!(one("Results for fiscal 2022 beat forecasts.", jan), "2022");
    assert_eq!(
        one("He arrived at 3 p.m. to speak.", jan),
        "2022-01-07T15:00"
    );
    assert_eq!(one("The review ends at the end of the year.", jan), "2022");
    assert_eq!(one("Friday morning brought snow.", jan), "2022-01-07TMO");
}

#[test]
fn absolute_dates_in_common_forms() {
    let dct = d(2022, 3, 15);
    for (text, want) in [
        ("on January 7, 2022 they met", "2022-01-07"),
        ("on 7 Jan. 2022 they met", "2022-01-07"),
        ("on 2022-01-07 they met", "2022-01-07"),
        ("on 01/07/2022 they met", "2022-01-07"),
        ("They met on Jan. 7 in Geneva.", "2022-01-07"),
        ("The deal closed on the 7th.", "2022-03-07"),
        ("By Wednesday, March 2, 2022, it was over.", "2022-03-02"),
    ] {
        assert_eq!(one(text, dct), want, "{text}");
    }
}

#[test]
fn durations_and_sets_are_not_dates() {
    let dct = d(2022, 1, 7);
    let v = values(
        "He served five years, a decade in all, then 48 hours of talks and a two-year deal.",
        dct,
    );
    assert_eq!(
        v,
        [
            pair("five years", "P5Y"),
            pair("a decade", "P10Y"),
            pair("48 hours", "PT48H"),
            pair("two-year", "P2Y")
        ]
    );
    assert_eq!(
        tag("He served five years.", dct)[0].kind,
        TimexType::Duration
    );
    let sets = tag("They meet every week and report annually.", dct);
    assert_eq!(
        sets.iter()
            .map(|t| (t.kind, t.value.as_str()))
            .collect::<Vec<_>>(),
        [(TimexType::Set, "P1W"), (TimexType::Set, "P1Y")]
    );
    assert_eq!(one("They meet every Monday.", dct), "XXXX-WXX-1");
    assert_eq!(one("The ban lasts up to 180 days.", dct), "P180D");
}

#[test]
fn hostile_text_never_panics() {
    let dct = d(2022, 1, 7);
    let nasty = [
        "",
        "the",
        "the the the",
        "31/31/31",
        "Feb. 30, 2022",
        "9999-99-99",
        "the 99th",
        "every",
        "a-",
        "-year",
        "’’’",
        "mid-",
        "¥¥¥ 東京 2022年1月7日",
        "January 0",
        "12:99 p.m.",
        "0 a.m.",
        "the end of",
        "early",
        "last",
        "in",
        "up to",
    ];
    for text in nasty {
        let _ = tag(text, dct);
    }
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let words = [
        "the", "last", "next", "year", "-", "2022", "Jan", ".", "7", "week", "ago", "early", "mid",
        "of", "end", "Friday", "p", "m", "a", ":", "30", "every", "¥", "é", "quarter", "third",
        "half", "fiscal", "the", "1990s", "'", "s", "from", "later",
    ];
    for _ in 0..5000 {
        let mut s = String::new();
        for _ in 0..12 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(words[(seed % words.len() as u64) as usize]);
            if seed & 0x100 != 0 {
                s.push(' ');
            }
        }
        for t in tag(&s, dct) {
            assert!(t.start < t.end && t.end <= s.len() && s.is_char_boundary(t.start));
        }
    }
}

#[test]
fn weekdays_resolve_from_a_dct_on_every_day_of_the_week() {
    use chrono::{Datelike, Duration, Weekday};
    // Seven consecutive DCTs (Mon 2024-02-26 … Sun 2024-03-03) straddle the leap day.
    for offset in 0..7 {
        let dct = d(2024, 2, 26) + Duration::days(offset);
        for (name, wd) in [
            ("Monday", Weekday::Mon),
            ("Wednesday", Weekday::Wed),
            ("Thursday", Weekday::Thu),
            ("Saturday", Weekday::Sat),
        ] {
            // Independent of the tagger: walk day by day from the DCT.
            let mut back = dct;
            while back.weekday() != wd {
                back -= Duration::days(1);
            }
            let mut ahead = dct;
            while ahead.weekday() != wd {
                ahead += Duration::days(1);
            }
            let past = format!("The envoy arrived on {name} and left.");
            let future = format!("The envoy will arrive on {name}.");
            assert_eq!(one(&past, dct), back.to_string(), "{past} at {dct}");
            assert_eq!(one(&future, dct), ahead.to_string(), "{future} at {dct}");
        }
    }
}

#[test]
fn deadlines_and_postponements_point_the_right_way() {
    // Thursday 2000-03-30: the nearest Tuesday is two days back, the next is five ahead.
    let thu = d(2000, 3, 30);
    assert_eq!(
        one(
            "Officials postponed until Tuesday any action on the case.",
            thu
        ),
        "2000-04-04"
    );
    assert_eq!(
        one("The hearing was delayed until Monday.", thu),
        "2000-04-03"
    );
    // A deadline without a verb of delay is the nearest such day, either way.
    assert_eq!(one("The offer was open until Friday.", thu), "2000-03-31");
    assert_eq!(
        one("They gave the rebels until Wednesday.", thu),
        "2000-03-29"
    );
    // "as soon as" looks forward, across the year boundary from Thursday 2021-12-30.
    assert_eq!(
        one("It could open as soon as Monday.", d(2021, 12, 30)),
        "2022-01-03"
    );
    // Months: "through January" from late October is the coming January even in past tense.
    assert_eq!(
        one(
            "Lenders extended the credit line through January.",
            d(1989, 10, 30)
        ),
        "1990-01"
    );
}

#[test]
fn intentions_read_forward_and_their_nouns_do_not() {
    let fri = d(2000, 1, 7);
    assert_eq!(
        one("Protesters planned a large demonstration on Saturday.", fri),
        "2000-01-08"
    );
    assert_eq!(
        one(
            "The agency did not plan to remove the boy on Thursday.",
            d(2000, 3, 29)
        ),
        "2000-03-30"
    );
    // "vacation plans" is a noun: the past-tense verb decides.
    assert_eq!(
        one(
            "Albright set aside vacation plans and lifted a warning on Friday.",
            d(1998, 8, 17)
        ),
        "1998-08-14"
    );
    // "as planned" reports the plan's outcome.
    assert_eq!(
        one(
            "The offensive began as planned on Saturday.",
            d(1991, 2, 25)
        ),
        "1991-02-23"
    );
    // An infinitive after a decision: the month lies ahead of a past-tense verb.
    assert_eq!(
        one(
            "NATO has decided to admit Poland in early March.",
            d(1999, 2, 10)
        ),
        "1999-03"
    );
    assert_eq!(
        one(
            "The bank announced an agreement to acquire the holding company in January.",
            d(1989, 11, 2)
        ),
        "1990-01"
    );
    // A purpose infinitive after a verb of motion is no intention of the kind.
    assert_eq!(
        one(
            "He flew to Paris to meet the president on Monday.",
            d(2022, 1, 7)
        ),
        "2022-01-03"
    );
}

#[test]
fn a_month_with_no_verb_in_reach_is_the_last_unless_the_next_is_near() {
    // Late October: the next March is five months off, so the last one is meant.
    let v = values(
        "Nashua's stock has fluctuated sharply on takeover speculation, rising to a high for \
         the year of $42.875 a share in June from $29.75 in March.",
        d(1989, 10, 30),
    );
    assert_eq!(v, [pair("June", "1989-06"), pair("March", "1989-03")]);
    // Early December: January is a month off, so the coming one is meant.
    assert_eq!(
        one(
            "Retail sales: January, with a rise of 3.1 percent.",
            d(2021, 12, 2)
        ),
        "2022-01"
    );
}

#[test]
fn numbers_with_decimals_are_not_years() {
    let dct = d(1989, 10, 30);
    assert!(values("The index closed at 2082.1, down 4.5%.", dct).is_empty());
    assert!(values("Transportation 1190.43, off 14.76.", dct).is_empty());
    assert_eq!(one("Shares peaked in 1987.", dct), "1987");
}

#[test]
fn parts_of_days_and_periods_relative_to_a_mention() {
    // Wednesday 2024-02-28 is mentioned; the next morning is the leap day.
    let v = values(
        "The talks ended on Wednesday. The next morning, the envoy left.",
        d(2024, 3, 1),
    );
    assert_eq!(
        v,
        [
            pair("Wednesday", "2024-02-28"),
            pair("The next morning", "2024-02-29TMO")
        ]
    );
    let sat = d(2022, 1, 1);
    assert_eq!(one("The day after tomorrow, he flies.", sat), "2022-01-03");
    assert_eq!(
        one("The day before yesterday, it rained.", sat),
        "2021-12-30"
    );
    assert_eq!(
        one("Sales will rise in the second half of next year.", sat),
        "2023-H2"
    );
    assert_eq!(
        one("Profit fell in the first quarter of last year.", sat),
        "2021-Q1"
    );
    assert_eq!(
        one("Profit fell in the first quarter of 2020.", sat),
        "2020-Q1"
    );
}

#[test]
fn year_ago_periods_do_not_drift_further_back() {
    let v = values(
        "Coast lost $92.2 million for the third quarter. It earned $10.2 million in the \
         year-ago quarter. The year-ago results were restated.",
        d(1989, 11, 1),
    );
    assert_eq!(
        v,
        [
            pair("the third quarter", "1989-Q3"),
            pair("the year-ago quarter", "1988-Q3"),
            pair("The year-ago", "1988-Q3")
        ]
    );
}

/// Relative expressions at the ends of chrono's calendar are left unresolved, not a panic
/// (the audit's `--dct=+262142-12-31` with "tomorrow").
#[test]
fn the_ends_of_the_calendar_leave_expressions_unresolved() {
    let text = "They met yesterday and will meet tomorrow, next week, next month, next year, \
                on Friday, this weekend, the next morning, in the next decade and next century, \
                for five years from next month, over five years from January 9995.";
    for dct in [NaiveDate::MAX, NaiveDate::MIN, d(9999, 12, 31), d(0, 1, 1)] {
        for t in tag(text, dct) {
            if let Some(iv) = t.interval {
                assert!(
                    (1..=9999).contains(&iv.start.year()) && iv.end.year() <= 9999,
                    "{dct}: {} → {iv:?}",
                    &text[t.start..t.end]
                );
            }
            assert!(!t.value.starts_with('-'), "{dct}: {}", t.value);
        }
    }
}

/// Centuries and decades: spelled ordinals, and nothing past the four-digit years.
#[test]
fn centuries_and_decades_stay_on_the_calendar() {
    let dct = d(FRI.0, FRI.1, FRI.2);
    assert_eq!(one("in the twenty-first century", dct), "20");
    assert_eq!(one("in the 11th century", dct), "10");
    assert!(values("in the 99999th century", dct).is_empty());
    assert!(
        values("the last decade", d(0, 1, 1))
            .iter()
            .all(|(_, v)| !v.starts_with("42")),
        "{:?}",
        values("the last decade", d(0, 1, 1))
    );
    assert!(
        values("the next century", d(9999, 12, 31))
            .iter()
            .all(|(_, v)| v != "100")
    );
}
