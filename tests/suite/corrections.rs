//! Corrections saved beside the articles: each one applied on load, kept across an edit of
//! an unrelated line, listed as a problem when its paragraph is gone, and left out by
//! `--no-corrections`.

use std::path::{Path, PathBuf};

use dateline::corrections::{Anchor, Correction, FILE_NAME, Store};
use dateline::{Dataset, Event, Modality, Progress, Rules};

use crate::fixtures::{Dir, dateline_output, repo};

/// A copy of the sample in a fresh folder (corrections are written beside the articles).
pub fn sample_copy() -> (Dir, PathBuf) {
    let dir = Dir::new();
    let folder = dir.path().join("sample");
    std::fs::create_dir(&folder).expect("folder");
    for entry in std::fs::read_dir(repo().join("assets/sample")).expect("sample") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), folder.join(entry.file_name())).expect("copy");
    }
    (dir, folder)
}

fn load(folder: &Path) -> Dataset {
    Dataset::load(
        vec![folder.to_owned()],
        Rules::built_in(),
        &Progress::default(),
    )
}

fn kind_of(data: &Dataset, name: &str) -> usize {
    data.rules
        .kinds
        .iter()
        .position(|k| k.name == name)
        .expect("kind")
}

fn event_of_kind<'a>(data: &'a Dataset, name: &str) -> &'a Event {
    let kind = kind_of(data, name);
    data.timeline
        .events
        .iter()
        .find(|e| e.kind == kind)
        .expect("event of kind")
}

fn save(folder: &Path, list: &[Correction]) {
    Store::for_paths(&[folder.to_owned()])
        .expect("store")
        .save(list)
        .expect("saved");
}

fn missile_anchor(data: &Dataset) -> Anchor {
    Anchor::of_event(&data.corpus, event_of_kind(data, "missile_test")).expect("anchor")
}

#[test]
fn a_corrected_date_survives_an_edit_elsewhere_in_the_article() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);
    let anchor = missile_anchor(&data);
    save(
        &folder,
        &[Correction::Date {
            event: anchor.clone(),
            date: "2022-01-04".into(),
        }],
    );
    assert!(folder.join(FILE_NAME).is_file());
    // An unrelated paragraph before the corrected one changes, so every byte after it moves.
    let place = anchor.resolve(&data.corpus).expect("resolves");
    assert!(
        place.paragraph > 1,
        "the sample's missile is reported past the lede"
    );
    let article = &data.corpus.articles[place.article];
    let earlier = article.paragraph_text(&article.paragraphs[1]);
    let file = folder.join(&anchor.file);
    let text = std::fs::read_to_string(&file).expect("article");
    let edited = text.replacen(
        earlier,
        &format!("{earlier} (This paragraph was updated.)"),
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&file, edited).expect("edit");

    let again = load(&folder);
    let missile = event_of_kind(&again, "missile_test");
    assert_eq!(missile.date_text(), "2022-01-04");
    assert!(missile.corrected);
    assert!(
        again.corrections.problems.is_empty(),
        "{:?}",
        again.corrections.problems
    );
}

#[test]
fn a_correction_whose_paragraph_was_deleted_is_a_problem() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);
    let anchor = missile_anchor(&data);
    save(
        &folder,
        &[Correction::Label {
            event: anchor.clone(),
            label: "Hypersonic test".into(),
        }],
    );
    let article = data
        .corpus
        .articles
        .iter()
        .find(|a| a.file == anchor.file)
        .expect("article");
    let place = anchor
        .resolve(&data.corpus)
        .expect("resolves before the edit");
    let paragraph = &article.paragraphs[place.paragraph];
    let original = std::fs::read_to_string(folder.join(&anchor.file)).expect("article");
    let gone = original.replace(article.paragraph_text(paragraph), "");
    assert_ne!(gone, original, "the paragraph is in the file as read");
    std::fs::write(folder.join(&anchor.file), gone).expect("edit");

    let again = load(&folder);
    let problem = again
        .problems
        .iter()
        .find(|p| p.reason.contains("no longer matches its article"))
        .expect("the lost correction is listed");
    assert!(problem.reason.contains(&anchor.quote), "{}", problem.reason);
    assert!(
        again
            .timeline
            .events
            .iter()
            .all(|e| e.label != "Hypersonic test")
    );
}

#[test]
fn every_kind_of_correction_applies() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);
    let missile = missile_anchor(&data);
    let statement =
        Anchor::of_event(&data.corpus, event_of_kind(&data, "statement")).expect("anchor");
    let infection = event_of_kind(&data, "infection");
    let infection_anchor = Anchor::of_event(&data.corpus, infection).expect("anchor");
    let second_source = Anchor::of_source(&data.corpus, &infection.sources[1]).expect("anchor");
    let agreement =
        Anchor::of_event(&data.corpus, event_of_kind(&data, "agreement")).expect("anchor");
    let article = &data.corpus.articles[0];
    let words = article.paragraphs[2].start..article.paragraphs[2].start + 12;
    let added = Anchor::new(article, 2, words).expect("anchor");
    let before = data.timeline.events.len();
    save(
        &folder,
        &[
            Correction::Kind {
                event: missile.clone(),
                kind: "statement".into(),
            },
            Correction::Modality {
                event: missile.clone(),
                modality: Modality::Claimed,
            },
            Correction::Reject { event: statement },
            Correction::Split {
                source: second_source,
            },
            Correction::Merge {
                event: agreement,
                into: infection_anchor,
            },
            Correction::Add {
                at: added,
                kind: "meeting".into(),
                date: "2022-01".into(),
                label: "Talks announced".into(),
            },
        ],
    );
    let again = load(&folder);
    let problems = &again.corrections.problems;
    assert!(problems.is_empty(), "{problems:?}");
    let find = |anchor: &Anchor| {
        let (e, _) = anchor
            .event_in(&again.corpus, &again.timeline.events)
            .expect("event");
        &again.timeline.events[e]
    };
    let changed = find(&missile);
    assert_eq!(changed.kind, kind_of(&again, "statement"));
    assert_eq!(changed.modality, Modality::Claimed);
    assert_eq!(again.corrections.rejected.len(), 1);
    let added = again
        .timeline
        .events
        .iter()
        .find(|e| e.label == "Talks announced")
        .expect("added event");
    assert_eq!(added.date_text(), "2022-01");
    // One rejected, one merged away, one split off, one added.
    assert_eq!(again.timeline.events.len(), before - 1 - 1 + 1 + 1);
    let ids: Vec<usize> = again.timeline.events.iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        (0..ids.len()).collect::<Vec<_>>(),
        "ids follow the new order"
    );
}

#[test]
fn the_command_line_applies_the_corrections_unless_told_not_to() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);
    save(
        &folder,
        &[Correction::Date {
            event: missile_anchor(&data),
            date: "2021-12".into(),
        }],
    );
    let folder_arg = folder.to_string_lossy().into_owned();
    let missile_date = |args: &[&str]| {
        let out = dateline_output(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        json["events"]
            .as_array()
            .expect("events")
            .iter()
            .find(|e| e["category"] == "missile_test")
            .map(|e| e["start"].as_str().unwrap_or_default().to_owned())
            .expect("missile event")
    };
    assert_eq!(
        missile_date(&["extract", &folder_arg, "--json"]),
        "2021-12-01"
    );
    assert_eq!(
        missile_date(&["extract", &folder_arg, "--json", "--no-corrections"]),
        "2022-01-05"
    );
}

#[test]
fn a_malformed_corrections_file_is_a_problem_and_is_not_overwritten() {
    let (_dir, folder) = sample_copy();
    std::fs::write(folder.join(FILE_NAME), "{ not json").expect("write");
    let data = load(&folder);
    assert!(data.corrections.unreadable.is_some());
    assert!(
        data.problems
            .iter()
            .any(|p| p.reason.contains("corrections not read"))
    );
    assert_eq!(data.timeline.events.len(), data.raw().events.len());
}

#[test]
fn a_corrected_publication_date_resolves_the_articles_dates_again() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);
    let article = &data.corpus.articles[0];
    assert!(
        data.problems
            .iter()
            .any(|p| p.path == article.path && p.reason.contains("takes its year"))
    );
    save(
        &folder,
        &[Correction::Published {
            file: article.file.clone(),
            date: chrono::NaiveDate::from_ymd_opt(2023, 1, 7).expect("date"),
        }],
    );
    let again = load(&folder);
    let corrected = &again.corpus.articles[0];
    assert_eq!(
        corrected.published.map(|d| d.to_string()).as_deref(),
        Some("2023-01-07")
    );
    assert_eq!(
        corrected.published_from,
        Some(dateline::DateSource::Corrected)
    );
    // The estimate's warning is gone, and "Friday" now resolves a year later.
    assert!(
        !again
            .problems
            .iter()
            .any(|p| p.path == corrected.path && p.reason.contains("takes its year"))
    );
    assert!(again.timeline.events.iter().any(|e| {
        e.sources.iter().any(|s| s.article == 0)
            && e.interval
                .is_some_and(|iv| iv.start.to_string().starts_with("2023-01"))
    }));
}

/// Exports say which events a person changed: the CSV's `corrected` column and the JSON's
/// `corrected` field.
#[test]
fn exports_mark_the_corrected_events() {
    let (dir, folder) = sample_copy();
    let data = load(&folder);
    save(
        &folder,
        &[Correction::Label {
            event: missile_anchor(&data),
            label: "Hypersonic missile test".into(),
        }],
    );
    let out = dir.path().join("chronology.csv");
    let run = dateline_output(&[
        "export",
        &folder.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut reader = csv::Reader::from_path(&out).expect("csv");
    let header = reader.headers().expect("header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (label, corrected) = (column("label"), column("corrected"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    for row in &rows {
        let expected = if &row[label] == "Hypersonic missile test" {
            "true"
        } else {
            "false"
        };
        assert_eq!(&row[corrected], expected, "{row:?}");
    }
    assert!(rows.iter().any(|r| &r[label] == "Hypersonic missile test"));
    let json = crate::fixtures::extract_json(&[&folder.to_string_lossy()]);
    let marked: Vec<&str> = json["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["corrected"] == true)
        .filter_map(|e| e["label"].as_str())
        .collect();
    assert_eq!(marked, ["Hypersonic missile test"]);
}

/// Two identical paragraphs (a repeated boilerplate line): the anchor finds the one whose
/// span still holds its words, and a moved paragraph is found where it went.
#[test]
fn an_anchor_finds_its_paragraph_among_identical_ones_and_after_a_move() {
    let text = "Date: 2022-01-07\n\nMinisters met in Tokyo on Friday.\n\nMore to follow.\n\nThe envoy signed the accord on Thursday.\n\nMore to follow.\n";
    let (article, _) = dateline::ingest::article_from_bytes(
        Path::new("a.txt"),
        "a.txt".into(),
        text.as_bytes().to_vec(),
        None,
    )
    .expect("article");
    let last = article.paragraphs.len() - 1;
    let p = &article.paragraphs[last];
    let anchor = Anchor::new(&article, last, p.start..p.start + 4).expect("anchor");
    let corpus = dateline::Corpus {
        articles: vec![article.clone()],
        problems: Vec::new(),
    };
    let place = anchor.resolve(&corpus).expect("resolves");
    assert_eq!(
        &article.text[place.range.clone()],
        "More",
        "an identical paragraph holds the same words: either is right"
    );

    // The signing paragraph moves to the top: its anchor follows it.
    let signing = article
        .paragraphs
        .iter()
        .position(|p| article.paragraph_text(p).starts_with("The envoy"))
        .expect("signing");
    let sp = &article.paragraphs[signing];
    let signed = Anchor::new(&article, signing, sp.start + 10..sp.start + 16).expect("anchor");
    let moved = "Date: 2022-01-07\n\nThe envoy signed the accord on Thursday.\n\nMinisters met in Tokyo on Friday.\n";
    let (moved, _) = dateline::ingest::article_from_bytes(
        Path::new("a.txt"),
        "a.txt".into(),
        moved.as_bytes().to_vec(),
        None,
    )
    .expect("article");
    let corpus = dateline::Corpus {
        articles: vec![moved.clone()],
        problems: Vec::new(),
    };
    let place = signed.resolve(&corpus).expect("found after the move");
    assert_eq!(&moved.text[place.range], "signed");
    // A span that no longer fits its paragraph resolves to nothing, never out of bounds.
    let mut broken = signed.clone();
    broken.span = [0, 10_000];
    assert_eq!(broken.resolve(&corpus), None);
}
