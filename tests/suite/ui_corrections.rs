//! Corrections in the window, each undone and redone: through the form under the selected
//! event, the Rejected list, the article viewer and the Edit menu.

use std::path::Path;

use dateline::app::{DatelineApp, Launch};
use dateline::corrections::FILE_NAME;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::corrections::sample_copy;
use crate::ui::{harness_sized, wait_until};

type H = Harness<'static, DatelineApp>;

fn open(folder: &Path) -> H {
    let mut app = DatelineApp::with_loaded(Launch {
        paths: vec![folder.to_owned()],
        rules_files: Vec::new(),
    });
    app.state.hide_table = true;
    let mut h = harness_sized(app, 1400.0, 900.0);
    h.run();
    h
}

/// The events as `date kind label` lines, for before/after comparisons.
fn events(h: &H) -> Vec<String> {
    let loaded = h.state().loaded.as_ref().expect("loaded");
    loaded
        .timeline
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} {} {:?}",
                e.date_text(),
                loaded.rules.kinds[e.kind].name,
                e.label,
                e.modality
            )
        })
        .collect()
}

fn saved(folder: &Path) -> Vec<serde_json::Value> {
    let Ok(text) = std::fs::read_to_string(folder.join(FILE_NAME)) else {
        return Vec::new();
    };
    let json: serde_json::Value = serde_json::from_str(&text).expect("corrections JSON");
    json["corrections"].as_array().cloned().unwrap_or_default()
}

fn select_missile(h: &mut H) {
    h.get_by_label_contains("missile_test 2022-01-05").click();
    h.run();
    h.get_by_label("Correct this event").click();
    h.run();
}

/// Clicks the entry of an open drop-down list (a selectable button; a lane or a marker
/// may have the same name).
fn pick(h: &mut H, label: &str) {
    h.get_all_by_label_contains(label)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l == label || l.contains(" · "))
        })
        .find(|n| n.accesskit_node().toggled().is_some())
        .expect("an entry of the open list")
        .click();
    h.run();
}

/// Selects the missile and opens its first source in the article viewer.
fn open_viewer_on_missile(h: &mut H) {
    select_missile(h);
    h.get_all_by_label("Read article")
        .next()
        .expect("Read article")
        .click();
    h.run();
}

/// Types `text` into the field `field` and presses `button`.
fn fill(h: &mut H, field: &str, text: &str, button: &str) {
    h.get_by_label(field).set_text_value_accesskit(text);
    h.run();
    h.get_by_label(button).click();
    h.run();
}

/// Selects characters `range` of article `article` in the viewer's text, as a drag would.
fn select_chars(h: &mut H, article: usize, range: std::ops::Range<usize>) {
    let id = dateline::app::source_panel::article_text_id(article);
    let ctx = h.ctx.clone();
    let mut state = egui::TextEdit::load_state(&ctx, id).expect("the article is shown as text");
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(range.start),
            egui::text::CCursor::new(range.end),
        )));
    state.store(&ctx, id);
    ctx.memory_mut(|m| m.request_focus(id));
    h.run_steps(3);
}

fn selected(h: &H) -> String {
    let app = h.state();
    let loaded = app.loaded.as_ref().expect("loaded");
    let e = &loaded.timeline.events[app.selected.expect("an event is selected")];
    format!(
        "{} {} {} {:?}",
        e.date_text(),
        loaded.rules.kinds[e.kind].name,
        e.label,
        e.modality
    )
}

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

fn redo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
}

/// Undo brings back the events as they were and empties the saved list; redo repeats it.
fn undo_and_redo_restore(h: &mut H, folder: &Path, before: &[String], after: &[String]) {
    undo(h);
    assert_eq!(events(h), before, "undo restores the events");
    assert!(saved(folder).is_empty(), "undo is saved too");
    redo(h);
    assert_eq!(events(h), after, "redo makes the change again");
    assert_eq!(saved(folder).len(), 1);
}

#[test]
fn a_date_set_in_the_form_is_saved_named_in_the_edit_menu_and_undone() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    select_missile(&mut h);
    fill(&mut h, "Event date", "2022-01", "Set date");
    assert!(
        selected(&h).starts_with("2022-01 missile_test"),
        "{}",
        selected(&h)
    );
    let after = events(&h);
    assert_eq!(saved(&folder)[0]["action"], "date");
    assert_eq!(saved(&folder)[0]["date"], "2022-01");
    h.get_by_label("Edit").click();
    h.run_steps(4);
    assert!(
        h.query_by_label_contains("Undo: date of “North Korea fired")
            .is_some(),
        "the Edit menu names the change"
    );
    h.key_press(Key::Escape);
    h.run();
    undo_and_redo_restore(&mut h, &folder, &before, &after);
}

#[test]
fn a_date_that_is_no_date_is_refused_in_the_form() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    select_missile(&mut h);
    fill(&mut h, "Event date", "Jan 5th", "Set date");
    assert!(h.query_by_label_contains("is not a date").is_some());
    assert_eq!(events(&h), before);
    assert!(saved(&folder).is_empty());
}

#[test]
fn kind_status_and_label_change_and_undo() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    select_missile(&mut h);

    h.get_by_label("Event kind").click();
    h.run();
    pick(&mut h, "Statement");
    assert!(
        selected(&h).starts_with("2022-01-05 statement"),
        "{}",
        selected(&h)
    );
    let after = events(&h);
    undo_and_redo_restore(&mut h, &folder, &before, &after);
    undo(&mut h);

    h.get_by_label("Event status").click();
    h.run();
    pick(&mut h, "planned");
    assert!(selected(&h).ends_with("Planned"), "{}", selected(&h));
    let after = events(&h);
    undo_and_redo_restore(&mut h, &folder, &before, &after);
    undo(&mut h);

    fill(&mut h, "Event label", "Hypersonic missile test", "Rename");
    assert!(
        selected(&h).contains("Hypersonic missile test"),
        "{}",
        selected(&h)
    );
    assert!(
        h.query_by_label_contains(
            "rename “North Korea fired hypersonic missile” to “Hypersonic missile test”"
        )
        .is_some(),
        "the status line names the old and the new label"
    );
    let after = events(&h);
    undo_and_redo_restore(&mut h, &folder, &before, &after);
}

#[test]
fn a_rejected_event_leaves_the_timeline_and_is_restored_from_the_rejected_list() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    select_missile(&mut h);
    h.get_by_label("Reject").click();
    h.run();
    assert!(
        h.query_by_label_contains("missile_test 2022-01-05")
            .is_none()
    );
    assert_eq!(events(&h).len(), before.len() - 1);
    let after = events(&h);
    undo_and_redo_restore(&mut h, &folder, &before, &after);

    h.get_by_label("Rejected (1)").click();
    h.run();
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(events(&h), before, "restored");
    assert_eq!(saved(&folder).len(), 0, "the rejection is taken back");
    undo(&mut h);
    assert_eq!(events(&h), after, "the restore is undone like any change");
}

#[test]
fn two_events_merge_and_a_source_moves_out_to_a_new_event() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    select_missile(&mut h);
    h.get_by_label("Merge into").click();
    h.run();
    pick(&mut h, "Austin contracted");
    let after = events(&h);
    assert_eq!(after.len(), before.len() - 1);
    let merged = {
        let loaded = h.state().loaded.as_ref().expect("loaded");
        loaded
            .timeline
            .events
            .iter()
            .find(|e| e.label.starts_with("Austin contracted"))
            .map(|e| e.sources.len())
    };
    assert_eq!(
        merged,
        Some(4),
        "the missile's two sources joined the infection's two"
    );
    undo_and_redo_restore(&mut h, &folder, &before, &after);
    undo(&mut h);

    // The missile's second source becomes an event of its own.
    select_missile(&mut h);
    h.get_all_by_label("Move to new event")
        .nth(1)
        .expect("a second source")
        .click();
    h.run();
    let after = events(&h);
    assert_eq!(after.len(), before.len() + 1);
    let missiles = after.iter().filter(|e| e.contains("missile_test")).count();
    assert_eq!(missiles, 2);
    undo_and_redo_restore(&mut h, &folder, &before, &after);
}

#[test]
fn an_event_is_added_from_words_selected_in_the_article_viewer() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    open_viewer_on_missile(&mut h);
    h.get_by_label("Add an event…").click();
    h.run();
    let (article, range, words) = {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        let event = &loaded.timeline.events[app.selected.expect("selected")];
        let a = event.sources[0].article;
        let text = &loaded.corpus.articles[a].text;
        let words = "foreign and defense ministers";
        let start = text.find(words).expect("words in the article");
        (
            a,
            text[..start].chars().count()..text[..start + words.len()].chars().count(),
            words,
        )
    };
    select_chars(&mut h, article, range);
    assert!(
        h.query_by_label_contains(&format!("Selected: “{words}”"))
            .is_some()
    );
    h.get_by_label("New event date")
        .set_text_value_accesskit("2022-01-07");
    h.run();
    h.get_by_label("Add event").click();
    h.run();
    let after = events(&h);
    assert_eq!(after.len(), before.len() + 1);
    assert!(
        after
            .iter()
            .any(|e| e == &format!("2022-01-07 missile_test {words} Happened")),
        "{after:?}"
    );
    undo_and_redo_restore(&mut h, &folder, &before, &after);
}

#[test]
fn a_publication_date_set_in_the_viewer_resolves_the_article_again_and_undoes() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    open_viewer_on_missile(&mut h);
    let file = {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        let event = &loaded.timeline.events[app.selected.expect("selected")];
        loaded.corpus.articles[event.sources[0].article]
            .file
            .clone()
    };
    h.get_by_label("Publication date")
        .set_text_value_accesskit("2023-01-07");
    h.run();
    h.get_by_label("Set publication date").click();
    h.step();
    let published = |h: &H| {
        h.state().loaded.as_ref().and_then(|l| {
            l.corpus
                .articles
                .iter()
                .find(|a| a.file == file)
                .and_then(|a| a.published)
                .map(|d| d.to_string())
        })
    };
    wait_until(&mut h, |h| published(h).as_deref() == Some("2023-01-07"));
    assert_eq!(published(&h).as_deref(), Some("2023-01-07"));
    assert_ne!(
        events(&h),
        before,
        "dates resolved against the new day moved"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.step();
    wait_until(&mut h, |h| published(h).as_deref() == Some("2022-01-07"));
    h.run();
    assert_eq!(events(&h), before);
    assert!(saved(&folder).is_empty());
}

#[test]
fn an_unreadable_corrections_file_is_never_overwritten() {
    let (_dir, folder) = sample_copy();
    std::fs::write(folder.join(FILE_NAME), "{ broken").expect("write");
    let mut h = open(&folder);
    let before = events(&h);
    select_missile(&mut h);
    h.get_by_label("Reject").click();
    h.run();
    assert_eq!(events(&h), before);
    let message = h.state().message.clone().unwrap_or_default();
    assert!(message.contains("could not be read"), "{message}");
    assert_eq!(
        std::fs::read_to_string(folder.join(FILE_NAME))
            .ok()
            .as_deref(),
        Some("{ broken")
    );
}

/// A file added to the open folder is read on its own: its events appear, no full load runs,
/// and the selected event stays selected. With watching off, nothing is read.
#[test]
fn a_file_added_to_the_watched_folder_appears_without_a_full_load() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    select_missile(&mut h);
    let loads = h.state().full_loads;
    let before = events(&h).len();
    std::fs::write(
        folder.join("002_new.txt"),
        "date 2022-01-10\n\nNorth Korea fired a ballistic missile into the sea on Sunday, the South Korean military said.\n",
    )
    .expect("write");
    let articles = |h: &H| {
        h.state()
            .loaded
            .as_ref()
            .map_or(0, |l| l.corpus.articles.len())
    };
    wait_until(&mut h, |h| articles(h) == 3);
    h.run();
    assert_eq!(articles(&h), 3, "the new file was read");
    assert!(
        events(&h)
            .iter()
            .any(|e| e.starts_with("2022-01-09 missile_test")),
        "{:?}",
        events(&h)
    );
    assert_eq!(events(&h).len(), before + 1);
    assert_eq!(h.state().full_loads, loads, "no full load");
    let message = h.state().message.clone().unwrap_or_default();
    assert!(
        message.contains("002_new.txt"),
        "the status names the file: {message}"
    );
    assert!(
        selected(&h).starts_with("2022-01-05 missile_test"),
        "the selection stays"
    );

    h.get_by_label("View").click();
    h.run_steps(4);
    h.get_by_label("Watch the folder for changes").click();
    h.run_steps(4);
    assert!(h.state().state.watch_paused);
    std::fs::remove_file(folder.join("002_new.txt")).expect("remove");
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_millis(800) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert_eq!(articles(&h), 3, "not watching: nothing read");
}

/// "Open file" says so when no application opens the file, and points to the viewer.
#[test]
fn open_file_says_when_no_application_opens_it() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    h.state_mut().open_with = Some(folder.join("no-such-opener"));
    select_missile(&mut h);
    h.get_all_by_label("Open file")
        .next()
        .expect("Open file")
        .click();
    h.step();
    wait_until(&mut h, |h| {
        h.state()
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("No application opened"))
    });
    let message = h.state().message.clone().unwrap_or_default();
    assert!(message.contains("Read article"), "{message}");
}

/// The corrections file changed by someone else (by hand, another window, a `git pull`) is
/// applied as it now is; broken, it is shown as a problem and never saved over.
#[test]
fn a_corrections_file_changed_on_disk_is_applied_and_a_broken_one_is_kept() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h).len();
    let anchor = {
        let loaded = h.state().loaded.as_ref().expect("loaded");
        let missile = loaded
            .timeline
            .events
            .iter()
            .find(|e| loaded.rules.kinds[e.kind].name == "missile_test")
            .expect("missile");
        dateline::corrections::Anchor::of_event(&loaded.corpus, missile).expect("anchor")
    };
    dateline::corrections::Store::for_paths(std::slice::from_ref(&folder))
        .expect("store")
        .save(&[dateline::corrections::Correction::Reject { event: anchor }])
        .expect("saved elsewhere");
    wait_until(&mut h, |h| events(h).len() == before - 1);
    assert_eq!(
        events(&h).len(),
        before - 1,
        "the other window's rejection shows"
    );

    std::fs::write(folder.join(FILE_NAME), "{ half-written").expect("write");
    wait_until(&mut h, |h| {
        h.state()
            .message
            .as_deref()
            .is_some_and(|m| m.contains("not saved until the file is fixed"))
    });
    assert_eq!(events(&h).len(), before - 1, "what was shown stays");
    h.get_by_label("Rejected (1)").click();
    h.run();
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(folder.join(FILE_NAME))
            .ok()
            .as_deref(),
        Some("{ half-written"),
        "a file that cannot be read is never overwritten"
    );
}

/// Delete rejects the selected event (listed in the Edit menu), and Ctrl+Z brings it back.
#[test]
fn the_delete_key_rejects_the_selected_event() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(events(&h), before, "nothing selected, nothing rejected");
    h.get_by_label_contains("missile_test 2022-01-05").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(events(&h).len(), before.len() - 1);
    assert_eq!(saved(&folder)[0]["action"], "reject");
    undo(&mut h);
    assert_eq!(events(&h), before);
}

/// An article with no event of its own opens from the article list, and an event is added
/// from it: the case where the extractor missed everything in one article.
#[test]
fn an_event_is_added_from_an_article_opened_from_the_list() {
    let (_dir, folder) = sample_copy();
    let mut h = open(&folder);
    let before = events(&h);
    h.get_by_label_contains("001_585025c503813674.txt").click();
    h.run();
    h.get_by_label("Read").click();
    h.run();
    assert!(
        h.query_by_label_contains("Article: ").is_some(),
        "the viewer opened"
    );
    h.get_by_label("Add an event…").click();
    h.run();
    let words = "shared their concerns";
    let range = {
        let loaded = h.state().loaded.as_ref().expect("loaded");
        let a = loaded
            .corpus
            .articles
            .iter()
            .position(|a| a.file == "001_585025c503813674.txt")
            .expect("article");
        let text = &loaded.corpus.articles[a].text;
        let start = text.find(words).expect("words");
        (
            a,
            text[..start].chars().count()..text[..start + words.len()].chars().count(),
        )
    };
    select_chars(&mut h, range.0, range.1);
    h.get_by_label("New event kind").click();
    h.run();
    pick(&mut h, "Statement");
    h.get_by_label("Add event").click();
    h.run();
    let after = events(&h);
    assert_eq!(after.len(), before.len() + 1);
    assert!(
        after
            .iter()
            .any(|e| e == &format!("2022-01-07 statement {words} Happened")),
        "{after:?}"
    );
}
