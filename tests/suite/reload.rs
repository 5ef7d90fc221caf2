//! Reading again only the files that changed gives what a full load of the folder gives.

use std::path::Path;

use dateline::{Dataset, Progress, Rules};

use crate::corrections::sample_copy;

fn load(folder: &Path) -> Dataset {
    Dataset::load(
        vec![folder.to_owned()],
        Rules::built_in(),
        &Progress::default(),
    )
}

/// Everything shown of a timeline: dates, kinds, labels, sources, problems.
fn summary(data: &Dataset) -> (Vec<String>, Vec<String>) {
    let events = data
        .timeline
        .events
        .iter()
        .map(|e| {
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| format!("{}#{}", data.corpus.articles[s.article].file, s.paragraph))
                .collect();
            format!(
                "{} {} {} {:?}",
                e.date_text(),
                data.rules.kinds[e.kind].name,
                e.label,
                sources
            )
        })
        .collect();
    let mut problems: Vec<String> = data.problems.iter().map(ToString::to_string).collect();
    problems.sort();
    (events, problems)
}

const NEW_ARTICLE: &str = "date 2022-01-10\n\nNorth Korea fired a ballistic missile into the sea on Sunday, the South Korean military said.\n\nThe launch was the second this month.\n";

#[test]
fn an_added_changed_or_removed_file_reloads_alone_as_a_full_load_would() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);

    let added = folder.join("002_new.txt");
    std::fs::write(&added, NEW_ARTICLE).expect("write");
    let data = data.reload_files(std::slice::from_ref(&added));
    assert_eq!(data.corpus.articles.len(), 3);
    assert_eq!(summary(&data), summary(&load(&folder)));
    assert!(
        data.timeline
            .events
            .iter()
            .any(|e| e.date_text() == "2022-01-09"
                && data.rules.kinds[e.kind].name == "missile_test"),
        "the new article's missile, dated from its own date line"
    );

    let first = data.corpus.articles[0].path.clone();
    let text = std::fs::read_to_string(&first).expect("read");
    std::fs::write(
        &first,
        text.replace("hypersonic missile", "hypersonic rocket"),
    )
    .expect("write");
    let data = data.reload_files(std::slice::from_ref(&first));
    assert_eq!(summary(&data), summary(&load(&folder)));

    // What the folder walk skips, a reload skips too: a file in a hidden folder.
    std::fs::create_dir(folder.join(".notes")).expect("mkdir");
    let hidden = folder.join(".notes/draft.txt");
    std::fs::write(&hidden, NEW_ARTICLE).expect("write");
    let data = data.reload_files(std::slice::from_ref(&hidden));
    assert_eq!(data.corpus.articles.len(), 3);
    assert_eq!(summary(&data), summary(&load(&folder)));

    std::fs::remove_file(&added).expect("remove");
    let data = data.reload_files(std::slice::from_ref(&added));
    assert_eq!(data.corpus.articles.len(), 2);
    assert_eq!(summary(&data), summary(&load(&folder)));
}

#[test]
fn a_file_that_turns_unreadable_becomes_a_problem_and_the_rest_stays() {
    let (_dir, folder) = sample_copy();
    let data = load(&folder);
    let first = data.corpus.articles[0].path.clone();
    std::fs::write(&first, [0u8, 159, 146, 150, 0, 0, 1, 2]).expect("write");
    let data = data.reload_files(std::slice::from_ref(&first));
    assert_eq!(data.corpus.articles.len(), 1);
    assert!(data.problems.iter().any(|p| p.path == first && !p.warning));
    assert_eq!(summary(&data), summary(&load(&folder)));
}
