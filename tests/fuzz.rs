//! A mutation fuzzer on stable Rust: the checked-in corpus under `tests/fuzz/corpus/` is run
//! first, then proptest mutates its entries (byte flips, insertions, deletions, splices of
//! two entries) for `DATELINE_FUZZ_SECONDS` per target (default 3; `.ci/run` gives it more).
//! Targets: ingest of arbitrary bytes, the temporal tagger on arbitrary text with document
//! dates across chrono's whole calendar, the saved-state loader, and a folder's corrections
//! file applied to the sample. Each input must neither
//! panic nor break an invariant (byte ranges inside the text and on character boundaries,
//! intervals in order). A failing input is printed, to be added to the corpus.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut entries: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("the fuzz corpus is checked in")
        .flatten()
        .map(|e| {
            let path = e.path();
            let bytes = std::fs::read(&path).expect("corpus entry");
            (path, bytes)
        })
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no corpus in {}", dir.display());
    entries
}

fn budget() -> Duration {
    let seconds = std::env::var("DATELINE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    Duration::from_secs_f64(seconds)
}

/// One edit of a byte string: where (a fraction of its length), what, and with which byte.
#[derive(Debug, Clone)]
enum Edit {
    Flip(f64, u8),
    Insert(f64, Vec<u8>),
    Delete(f64, usize),
    /// Replaces the tail from here with another entry's tail.
    Splice(f64, usize, f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that matter to the parsers more often than chance would give them.
    let interesting = prop_oneof![
        any::<u8>(),
        Just(b'<'),
        Just(b'>'),
        Just(b'-'),
        Just(b'\n'),
        Just(0u8),
        Just(0xE2),
        Just(0xFF),
        Just(b'&'),
        Just(b'#'),
        Just(b'"'),
    ];
    prop_oneof![
        (0.0..1.0f64, interesting.clone()).prop_map(|(at, b)| Edit::Flip(at, b)),
        (0.0..1.0f64, prop::collection::vec(interesting, 1..16))
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (0.0..1.0f64, 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        (0.0..1.0f64, any::<usize>(), 0.0..1.0f64)
            .prop_map(|(at, other, from)| Edit::Splice(at, other, from)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit], entries: &[(PathBuf, Vec<u8>)]) -> Vec<u8> {
    let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
    for e in edits {
        match e {
            Edit::Flip(f, b) => {
                if !bytes.is_empty() {
                    let i = at(*f, bytes.len() - 1);
                    bytes[i] = *b;
                }
            }
            Edit::Insert(f, new) => {
                let i = at(*f, bytes.len());
                bytes.splice(i..i, new.iter().copied());
            }
            Edit::Delete(f, n) => {
                let i = at(*f, bytes.len());
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
            Edit::Splice(f, other, from) => {
                let other = &entries[other % entries.len()].1;
                let i = at(*f, bytes.len());
                let j = at(*from, other.len());
                bytes.truncate(i);
                bytes.extend_from_slice(&other[j..]);
            }
        }
    }
    bytes
}

/// Runs `check` on every corpus entry, then on mutations of them until the budget is spent.
fn fuzz(
    target: &str,
    extra: impl Strategy<Value = i64> + Clone,
    check: impl Fn(&Path, &[u8], i64) -> Result<(), TestCaseError>,
) {
    let entries = corpus(target);
    for (path, bytes) in &entries {
        if let Err(err) = check(path, bytes, 0) {
            panic!("corpus entry {}: {err}", path.display());
        }
    }
    let strategy = (any::<usize>(), prop::collection::vec(edit(), 1..8), extra);
    let deadline = Instant::now() + budget();
    let mut runs = 0u64;
    while Instant::now() < deadline {
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&strategy, |(pick, edits, extra)| {
            let (path, seed) = &entries[pick % entries.len()];
            let input = apply(seed.clone(), &edits, &entries);
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(path, &input, extra)))
                .map_err(|_| TestCaseError::fail(format!("panicked on {input:?}")))?
        });
        if let Err(err) = result {
            panic!("{target}: {err}");
        }
        runs += 64;
    }
    eprintln!("{target}: {runs} mutated inputs");
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<(), TestCaseError> {
    if ok {
        Ok(())
    } else {
        Err(TestCaseError::fail(what()))
    }
}

#[test]
fn ingest_of_arbitrary_bytes() {
    fuzz("ingest", 0i64..1, |path, bytes, _| {
        let modified = NaiveDate::from_ymd_opt(2024, 1, 1);
        match dateline::ingest::article_from_bytes(path, "f".into(), bytes.to_vec(), modified) {
            Err(problem) => ensure(!problem.reason.is_empty(), || {
                "a problem with no reason".into()
            }),
            Ok((article, _)) => {
                for p in &article.paragraphs {
                    let r = p.range();
                    ensure(
                        r.start <= r.end
                            && r.end <= article.text.len()
                            && article.text.is_char_boundary(r.start)
                            && article.text.is_char_boundary(r.end),
                        || format!("paragraph {r:?} outside {} bytes", article.text.len()),
                    )?;
                }
                ensure(
                    article
                        .published
                        .is_none_or(|d| (1..=9999).contains(&d.year())),
                    || format!("published {:?}", article.published),
                )
            }
        }
    });
}

#[test]
fn the_tagger_on_arbitrary_text_and_any_document_date() {
    let (min, max) = (
        i64::from(NaiveDate::MIN.num_days_from_ce()),
        i64::from(NaiveDate::MAX.num_days_from_ce()),
    );
    // Most dates anywhere on the calendar, some at its very ends.
    let days = prop_oneof![min..=max, Just(min), Just(max), Just(738_000i64)];
    fuzz("temporal", days, |_, bytes, day| {
        let text = String::from_utf8_lossy(bytes);
        let day = if day == 0 { 738_000 } else { day };
        let Some(dct) = i32::try_from(day)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
        else {
            return Ok(());
        };
        for t in dateline::temporal::tag(&text, dct) {
            ensure(
                t.start < t.end
                    && t.end <= text.len()
                    && text.is_char_boundary(t.start)
                    && text.is_char_boundary(t.end),
                || format!("span {}..{} at {dct}", t.start, t.end),
            )?;
            if let Some(iv) = t.interval {
                ensure(iv.start <= iv.end, || format!("{iv:?} at {dct}"))?;
                ensure(iv.start.year() >= 1 && iv.end.year() <= 9999, || {
                    format!("{} → {iv:?} at {dct}", &text[t.start..t.end])
                })?;
            }
        }
        Ok(())
    });
}

#[cfg(feature = "gui")]
#[test]
fn the_saved_state_loader() {
    fuzz("state", 0i64..1, |_, bytes, _| {
        let state = dateline::app::State::from_ron(&String::from_utf8_lossy(bytes));
        if let Some(view) = state.view {
            ensure(
                view.start_day.is_finite() && view.end_day > view.start_day,
                || format!("{view:?}"),
            )?;
        }
        let e = &state.export;
        ensure(
            e.width >= dateline::export::MIN_WIDTH_PX
                && e.width <= dateline::export::MAX_SIDE_PX
                && e.scale.is_finite(),
            || format!("{e:?}"),
        )
    });
}

/// A corrections file of any content, applied to the sample: never a panic, ids in order,
/// every correction that did not apply listed as a problem at most once.
#[test]
fn corrections_files_of_any_content() {
    let folder = tempfile::tempdir().expect("temp dir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    for entry in std::fs::read_dir(&sample).expect("sample").flatten() {
        std::fs::copy(entry.path(), folder.path().join(entry.file_name())).expect("copy");
    }
    let paths = vec![folder.path().to_owned()];
    let data = dateline::Dataset::load_with(
        paths.clone(),
        dateline::Rules::built_in(),
        false,
        &dateline::Progress::default(),
    );
    let store = dateline::corrections::Store::for_paths(&paths).expect("store");
    let file = store.in_folder.clone();
    fuzz("corrections", 0i64..1, |_, bytes, _| {
        std::fs::write(&file, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let saved = store.load().map(|(list, _)| list);
        let count = saved.as_ref().map_or(0, Vec::len);
        if let Ok(list) = &saved {
            let mut corpus = (*data.corpus).clone();
            let _ = dateline::corrections::apply_published(&mut corpus, list, &file);
        }
        let corrected = data.with_saved_corrections(saved);
        let ids: Vec<usize> = corrected.timeline.events.iter().map(|e| e.id).collect();
        ensure(ids == (0..ids.len()).collect::<Vec<_>>(), || {
            format!("ids {ids:?}")
        })?;
        ensure(corrected.corrections.problems.len() <= count + 1, || {
            format!("{:?}", corrected.corrections.problems)
        })?;
        for e in &corrected.timeline.events {
            if let Some(iv) = e.interval {
                ensure(iv.start <= iv.end, || format!("{iv:?}"))?;
            }
            for s in &e.sources {
                let text = &corrected.corpus.articles[s.article].text;
                for t in &s.triggers {
                    ensure(text.get(t.clone()).is_some(), || format!("trigger {t:?}"))?;
                }
            }
        }
        Ok(())
    });
}
