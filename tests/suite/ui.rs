//! The window, driven headless by `egui_kittest`: state and accessible labels, no GPU.

use dateline::app::DatelineApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::fixtures::{Dir, repo};

fn harness(app: DatelineApp) -> Harness<'static, DatelineApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut DatelineApp| app.window_ui(ui), app)
}

fn sample() -> DatelineApp {
    DatelineApp::with_loaded(vec![repo().join("assets/sample")])
}

#[test]
fn lanes_exist_for_the_sample_kinds() {
    let mut h = harness(sample());
    h.run();
    for kind in ["Meeting", "Missile test", "Appointment", "Infection"] {
        assert!(
            h.query_by_label_contains(kind).is_some(),
            "no {kind} in the window"
        );
    }
}

#[test]
fn clicking_the_missile_marker_shows_both_source_paragraphs() {
    let mut h = harness(sample());
    h.run();
    h.get_by_label_contains("missile_test 2022-01-05").click();
    h.run();
    let app = h.state();
    let selected = app.selected.expect("an event is selected");
    let loaded = app.loaded.as_ref().expect("loaded");
    let event = &loaded.timeline.events[selected];
    assert_eq!(loaded.rules.kinds[event.kind].name, "missile_test");
    let quoted = h
        .query_all_by_label_contains("hypersonic missile on Wednesday")
        .count();
    assert_eq!(quoted, 2, "the paragraph from each article is shown");
}

#[test]
fn hiding_a_kind_hides_its_markers() {
    let mut h = harness(sample());
    h.run();
    assert!(
        h.query_by_label_contains("missile_test 2022-01-05")
            .is_some()
    );
    h.get_by_label_contains("Missile test (").click();
    h.run();
    assert!(
        h.query_by_label_contains("missile_test 2022-01-05")
            .is_none()
    );
    assert_eq!(
        h.state().state.hidden_kinds,
        vec!["missile_test".to_owned()]
    );
}

#[test]
fn arrow_keys_step_through_events_in_date_order() {
    let mut h = harness(sample());
    h.run();
    let dates = |h: &Harness<'_, DatelineApp>| {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        app.selected
            .and_then(|id| loaded.timeline.events[id].interval)
            .map(|iv| iv.start)
    };
    let mut seen = Vec::new();
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowRight);
        h.run();
        seen.push(dates(&h).expect("selected a dated event"));
    }
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(dates(&h), Some(seen[2]));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().selected, None);
}

#[test]
fn a_folder_with_a_bad_file_lists_it_under_problems() {
    let dir = Dir::new();
    dir.write(
        "good.txt",
        "Date: 2021-03-03\n\nMinisters met in Geneva on Tuesday.\n",
    );
    dir.write("broken.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let mut h = harness(DatelineApp::with_loaded(vec![dir.path().to_owned()]));
    h.run();
    assert!(h.query_by_label_contains("Problems (1)").is_some());
    assert!(h.query_by_label_contains("broken.txt").is_some());
}

#[test]
fn the_export_window_writes_the_png_in_the_background() {
    let dir = Dir::new();
    let target = dir.path().join("figure.png");
    let mut app = sample();
    // Opened as Ctrl+E would, minus the system save dialog, which a test machine lacks.
    app.export.open = true;
    app.export.path = target.display().to_string();
    app.state.export.width = 900;
    app.state.export.sources = false;
    let mut h = harness(app);
    h.run();
    assert!(h.query_by_label_contains("Every event").is_some());
    h.get_by_label("Export").click();
    // The spinner keeps asking for frames while the export runs, so step rather than run.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while h.state().export.busy() || h.state().export.outcome.is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "export did not finish"
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let outcome = h.state().export.outcome.clone().expect("an outcome");
    assert!(outcome.is_ok(), "{outcome:?}");
    let image = image::open(&target).expect("the PNG decodes");
    assert_eq!(image.width(), 900);
    assert_eq!(
        h.state().state.export.last_path.as_deref(),
        Some(target.as_path())
    );
}

#[test]
fn an_unwritable_export_path_says_so_in_the_window() {
    let dir = Dir::new();
    let mut app = sample();
    app.export.open = true;
    app.export.path = dir.path().join("missing/figure.png").display().to_string();
    app.state.export.width = 600;
    let mut h = harness(app);
    h.run();
    h.get_by_label("Export").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while h.state().export.outcome.is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "export did not finish"
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.step();
    // In the window and in the status bar.
    assert_eq!(
        h.query_all_by_label_contains("Export failed: could not write")
            .count(),
        2
    );
    assert!(std::fs::read_dir(dir.path()).expect("dir").next().is_none());
}
