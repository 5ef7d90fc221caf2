//! The window, driven headless by `egui_kittest`: state and accessible labels, no GPU.

use dateline::app::{DatelineApp, Launch};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::fixtures::{Dir, repo};

fn harness(app: DatelineApp) -> Harness<'static, DatelineApp> {
    harness_sized(app, 1400.0, 900.0)
}

fn sample() -> DatelineApp {
    DatelineApp::with_loaded(Launch {
        paths: vec![repo().join("assets/sample")],
        rules_files: Vec::new(),
    })
}

/// The sample with the chronology table closed, for tests of labels the table repeats.
fn sample_without_table() -> DatelineApp {
    let mut app = sample();
    app.state.hide_table = true;
    app
}

#[test]
fn lanes_exist_for_the_sample_kinds() {
    let mut h = harness(sample_without_table());
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
        h.state().state.hidden_kinds.names(),
        ["missile_test".to_owned()]
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
    let mut h = harness(DatelineApp::with_loaded(Launch {
        paths: vec![dir.path().to_owned()],
        rules_files: Vec::new(),
    }));
    h.run();
    assert!(h.query_by_label_contains("Problems (1)").is_some());
    assert!(h.query_by_label_contains("broken.txt").is_some());
}

#[test]
fn an_article_dated_from_its_file_time_is_a_warning_under_problems() {
    let dir = Dir::new();
    dir.write("undated.txt", "Ministers met in Geneva on Tuesday.\n");
    let mut h = harness(DatelineApp::with_loaded(Launch {
        paths: vec![dir.path().to_owned()],
        rules_files: Vec::new(),
    }));
    h.run();
    assert!(h.query_by_label_contains("Problems (1)").is_some());
    let line = format!(
        "Warning: {} — loaded, but its date",
        dir.path().join("undated.txt").display()
    );
    assert!(h.query_by_label_contains(&line).is_some(), "{line}");
    assert!(
        h.query_by_label_contains("is estimated from the file's modification time")
            .is_some()
    );
    // The article still loaded, its guessed date marked "~" in the article list.
    let corpus = dateline::ingest::load(&[dir.path().to_owned()]);
    let date = corpus.articles[0].published.expect("the file time");
    assert!(
        h.query_by_label_contains(&format!("~{date}  undated.txt"))
            .is_some()
    );
}

/// File ▸ Export PNG… as a user fills it in: the path typed (no system dialog on a test
/// machine), a width, no source list.
fn open_export_window(h: &mut Harness<'static, DatelineApp>, path: &std::path::Path, width: f64) {
    h.get_by_label("File").click();
    // The system save dialog ends on its own thread (no portal here), and wakes the window
    // when it does: step rather than wait for the frames to settle.
    h.run_steps(8);
    h.get_by_label_contains("Export PNG").click();
    // The system save dialog ends on its own thread (no portal here), and wakes the window
    // when it does: step rather than wait for the frames to settle.
    h.run_steps(8);
    h.get_by_label("PNG file path")
        .set_text_value_accesskit(&path.display().to_string());
    h.get_by_label("Width in pixels").set_value_accesskit(width);
    // The system save dialog ends on its own thread (no portal here), and wakes the window
    // when it does: step rather than wait for the frames to settle.
    h.run_steps(8);
}

/// Steps frames until the export ends (the spinner keeps asking for frames, so `run` would
/// not settle).
fn wait_for_export(h: &mut Harness<'static, DatelineApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while h.state().export.busy() || h.state().export.outcome.is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "export did not finish"
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn the_export_window_writes_the_png_in_the_background() {
    let dir = Dir::new();
    let target = dir.path().join("figure.png");
    let mut h = harness(sample());
    h.run();
    open_export_window(&mut h, &target, 900.0);
    assert!(h.query_by_label_contains("Every event").is_some());
    h.get_by_label("Number markers and list sources").click();
    h.run_steps(4);
    h.get_by_label("Export").click();
    wait_for_export(&mut h);
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
    let mut h = harness(sample());
    h.run();
    open_export_window(&mut h, &dir.path().join("missing/figure.png"), 600.0);
    h.get_by_label("Export").click();
    wait_for_export(&mut h);
    h.step();
    // In the window and in the status bar.
    assert_eq!(
        h.query_all_by_label_contains("Export failed: could not write")
            .count(),
        2
    );
    assert!(std::fs::read_dir(dir.path()).expect("dir").next().is_none());
}

/// A kind from the user's own rules file, given as `--rules` would give it, gets its lane,
/// its entry in the side panel and its markers.
#[test]
fn a_rules_file_from_the_command_line_adds_its_kind_to_the_window() {
    let dir = Dir::new();
    let rules = dir.write(
        "protest.toml",
        "[[kind]]\nname = \"protest\"\nlabel = \"Protest\"\ncolor = \"#AA3377\"\n\n  [[kind.trigger]]\n  words = [\"protest~\", \"rall~\"]\n",
    );
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(&articles).expect("folder");
    std::fs::write(
        articles.join("a.txt"),
        "Date: 2021-03-05\n\nThousands of students protested in the capital on Wednesday against the new law.\n",
    )
    .expect("article");
    let mut h = harness(DatelineApp::with_loaded(Launch {
        paths: vec![articles],
        rules_files: vec![rules],
    }));
    h.run();
    assert!(
        h.query_by_label_contains("Protest (1)").is_some(),
        "no Protest kind in the side panel"
    );
    assert!(
        h.query_by_label_contains("protest 2021-03-03").is_some(),
        "no protest marker on Wednesday 2021-03-03"
    );
}

/// Clicking the empty canvas clears the selection; the marker nearest the pointer is the
/// one selected even when the click is a few points off its centre.
#[test]
fn a_click_near_a_marker_selects_it_and_a_click_on_nothing_deselects() {
    let mut h = harness(sample());
    h.run();
    let marker = h.get_by_label_contains("missile_test 2022-01-05").rect();
    let near = marker.center() + egui::vec2(MARKER_NUDGE, 0.0);
    h.hover_at(near);
    h.event(egui::Event::PointerButton {
        pos: near,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: near,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    assert!(
        h.state().selected.is_some(),
        "a click 8 pt off the centre missed"
    );
    let canvas = h.get_by_label("Timeline").rect();
    let empty = egui::pos2(canvas.right() - 4.0, canvas.top() + 4.0);
    h.hover_at(empty);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: empty,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(h.state().selected, None);
}

/// Off the marker's 6 pt radius, inside egui's 5 pt interact radius around it.
const MARKER_NUDGE: f32 = 8.0;

/// The sample's two agreements of 2022-01-07 are two markers, each of which selects itself.
#[test]
fn the_two_same_day_agreements_are_both_visible_and_clickable() {
    let mut h = harness(sample());
    h.run();
    let count = h
        .query_all_by_label_contains("agreement 2022-01-07")
        .count();
    assert_eq!(count, 2, "both agreements have a marker");
    let labels: Vec<String> = h
        .query_all_by_label_contains("agreement 2022-01-07")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    for label in labels {
        h.get_by_label(&label).click();
        h.run();
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        let selected = app.selected.expect("a click selects");
        let event = &loaded.timeline.events[selected];
        assert!(
            label.ends_with(&event.label),
            "{label} selected {}",
            event.label
        );
    }
}

/// The first view fits the bulk of the events, not the one ten months earlier: the sample's
/// markers spread over more than half of the timeline's width, and an edge marker says how
/// many events lie outside it.
#[test]
fn the_first_view_spreads_the_sample_over_the_width() {
    let mut h = harness(sample());
    h.run();
    let canvas = h.get_by_label("Timeline").rect();
    let xs: Vec<f32> = h
        .query_all_by_label_contains(" 202")
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .map(|n| n.rect().center().x)
        .filter(|x| canvas.x_range().contains(*x))
        .collect();
    assert!(xs.len() >= 5, "{} markers", xs.len());
    let spread =
        xs.iter().copied().fold(f32::MIN, f32::max) - xs.iter().copied().fold(f32::MAX, f32::min);
    assert!(
        spread > canvas.width() / 2.0,
        "markers spread over {spread} of {} pt",
        canvas.width()
    );
    assert!(
        h.query_by_label_contains("earlier event").is_some(),
        "the events left out are counted at the edge"
    );
}

/// Sets the view to a fortnight in 2019, far from every event of the sample.
fn look_far_from_every_event(h: &mut Harness<'static, DatelineApp>) {
    let far = dateline::timeline::axis::day_from_date(
        chrono::NaiveDate::from_ymd_opt(2019, 6, 1).expect("a date"),
    );
    h.state_mut().state.view = Some(dateline::timeline::axis::TimeView {
        start_day: far,
        end_day: far + 14.0,
    });
    h.run();
}

/// After ←/→ the selected marker lies inside the timeline, however the view was panned.
#[test]
fn stepping_to_an_event_brings_it_into_view() {
    let mut h = harness(sample());
    h.run();
    look_far_from_every_event(&mut h);
    let canvas = h.get_by_label("Timeline").rect();
    for key in [
        egui::Key::ArrowRight,
        egui::Key::ArrowRight,
        egui::Key::ArrowLeft,
    ] {
        h.key_press(key);
        h.run();
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        let event = &loaded.timeline.events[app.selected.expect("selected")];
        let label = dateline::timeline::marker_label(event, &loaded.rules.kinds);
        let marker = h.get_by_label(&label).rect();
        assert!(
            canvas.contains(marker.center()),
            "{label} at {:?}, outside {canvas:?}",
            marker.center()
        );
    }
}

/// The window explains its marks: every marker style and the small numbers.
#[test]
fn the_legend_explains_the_marks() {
    let mut h = harness(sample_without_table());
    h.run();
    for text in [
        "Legend",
        "happened",
        "planned",
        "claimed",
        "cancelled or denied",
        "date estimated",
        "no single day",
        "reported by 2 sources",
        "click to zoom in",
    ] {
        assert!(
            h.query_by_label_contains(text).is_some(),
            "no {text:?} in the legend"
        );
    }
}

/// Past 3,000 markers a lane shows a density strip whose columns count every event in view
/// and name the days they cover, for the tooltip and the zoom on click.
#[test]
fn density_columns_count_the_events_and_know_their_days() {
    use dateline::timeline::axis::{TimeView, day_from_date};
    let data = dateline::dataset::Dataset::load(
        vec![repo().join("assets/sample")],
        dateline::events::Rules::built_in(),
        &dateline::progress::Progress::default(),
    );
    let model = data
        .timeline
        .events
        .iter()
        .find(|e| e.interval.is_some_and(|iv| iv.start == iv.end))
        .expect("a one-day event")
        .clone();
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("a date");
    let events: Vec<dateline::events::Event> = (0..5000)
        .map(|k| {
            let mut e = model.clone();
            e.id = k;
            let day = first + chrono::Duration::days((k % 700) as i64);
            e.interval = Some(dateline::temporal::Interval {
                start: day,
                end: day,
                precision: dateline::temporal::Precision::Day,
            });
            e
        })
        .collect();
    let visible = vec![true; data.rules.kinds.len()];
    let shown = vec![true; events.len()];
    let view = TimeView::fit(day_from_date(first), day_from_date(first) + 700.0);
    let input = dateline::timeline::TimelineInput {
        events: &events,
        kinds: &data.rules.kinds,
        visible: &visible,
        shown: &shown,
        selected: None,
        view,
        numbers: None,
        index: None,
    };
    let ctx = egui::Context::default();
    let mut bins = Vec::new();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1200.0, 600.0));
        bins = dateline::timeline::paint::paint(ui.painter(), rect, ui.visuals(), &input).bins;
    });
    // No renderer takes the font atlas here; egui asserts that someone did.
    output.textures_delta.clear();
    assert_eq!(bins.iter().map(|b| b.count).sum::<u32>(), 5000);
    for b in &bins {
        assert!(b.end_day > b.start_day);
        // Every event counted in a column starts within (a rounding of) its days.
        let inside = events
            .iter()
            .filter_map(|e| e.interval)
            .filter(|iv| {
                let d = day_from_date(iv.start) + 0.5;
                d >= b.start_day - 1.0 && d <= b.end_day + 1.0
            })
            .count();
        assert!(
            inside as u32 >= b.count,
            "{b:?}: {inside} events in its days"
        );
    }
}

pub fn harness_sized(app: DatelineApp, width: f32, height: f32) -> Harness<'static, DatelineApp> {
    Harness::builder()
        .with_size(egui::vec2(width, height))
        // As eframe runs it: finished jobs are collected, then the frame is drawn.
        .build_ui_state(
            |ui, app: &mut DatelineApp| {
                app.logic();
                app.window_ui(ui);
            },
            app,
        )
}

/// The chronology table's rows, top to bottom: the buttons under the timeline named by an
/// event's label.
fn table_rows(h: &Harness<'static, DatelineApp>) -> Vec<(String, egui::Rect)> {
    let canvas = h.get_by_label("Timeline").rect();
    let app = h.state();
    let loaded = app.loaded.as_ref().expect("loaded");
    let mut rows: Vec<(String, egui::Rect)> = loaded
        .timeline
        .events
        .iter()
        .flat_map(|e| {
            h.query_all_by_label(&e.label)
                .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
                .map(|n| (e.label.clone(), n.rect()))
                .filter(|(_, r)| r.top() > canvas.bottom())
                .collect::<Vec<_>>()
        })
        .collect();
    rows.sort_by(|a, b| a.1.top().total_cmp(&b.1.top()));
    rows.dedup();
    rows
}

/// The table lists the sample's events in date order (undated last); clicking a row selects
/// its marker and brings it into view, and a marker clicked on the timeline selects its row.
#[test]
fn the_chronology_table_lists_events_in_date_order_and_selects_with_the_timeline() {
    let mut h = harness_sized(sample(), 1400.0, 1400.0);
    h.run();
    let expected: Vec<String> = {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        let mut dated: Vec<&dateline::Event> = loaded.timeline.events.iter().collect();
        dated.sort_by_key(|e| (e.interval.is_none(), e.interval.map(|iv| iv.start)));
        dated.iter().map(|e| e.label.clone()).collect()
    };
    let rows: Vec<String> = table_rows(&h).into_iter().map(|(l, _)| l).collect();
    assert_eq!(rows, expected, "every event, in date order");

    // Far from every event, then a row click: the marker is selected and in view.
    look_far_from_every_event(&mut h);
    let missile = table_rows(&h)
        .into_iter()
        .find(|(l, _)| l.contains("hypersonic"))
        .expect("the missile row");
    h.get_by_label(&missile.0).click();
    h.run();
    let app = h.state();
    let loaded = app.loaded.as_ref().expect("loaded");
    let event = &loaded.timeline.events[app.selected.expect("a row click selects")];
    assert_eq!(event.label, missile.0);
    let canvas = h.get_by_label("Timeline").rect();
    let marker = h
        .get_by_label(&dateline::timeline::marker_label(
            event,
            &loaded.rules.kinds,
        ))
        .rect();
    assert!(canvas.contains(marker.center()), "the marker is in view");

    // The other way: a marker clicked on the timeline marks its row selected.
    let label = h
        .query_all_by_label_contains("agreement 2022-01-07")
        .find_map(|n| n.accesskit_node().label())
        .expect("an agreement marker");
    h.get_by_label(&label).click();
    h.run();
    let app = h.state();
    let loaded = app.loaded.as_ref().expect("loaded");
    let agreement = loaded.timeline.events[app.selected.expect("selected")]
        .label
        .clone();
    let canvas = h.get_by_label("Timeline").rect();
    let selected_rows: Vec<String> = h
        .query_all_by_label(&agreement)
        .filter(|n| n.rect().top() > canvas.bottom())
        .filter(|n| n.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(selected_rows, vec![agreement]);
}

/// Clicking a heading sorts by that column; clicking it again reverses.
#[test]
fn a_table_heading_sorts_its_column() {
    let mut h = harness_sized(sample(), 1400.0, 1400.0);
    h.run();
    h.get_by_label("Sources").click();
    h.run();
    let sources = |h: &Harness<'static, DatelineApp>| -> Vec<usize> {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        table_rows(h)
            .iter()
            .map(|(label, _)| {
                loaded
                    .timeline
                    .events
                    .iter()
                    .find(|e| &e.label == label)
                    .map_or(0, |e| e.sources.len())
            })
            .collect()
    };
    let ascending = sources(&h);
    assert!(ascending.is_sorted(), "{ascending:?}");
    assert!(ascending.first() < ascending.last(), "{ascending:?}");
    h.get_by_label_contains("Sources").click();
    h.run();
    let descending = sources(&h);
    assert!(descending.iter().rev().is_sorted(), "{descending:?}");
}

/// A 640×400 window with an event selected still shows the timeline, with room to read it,
/// and the Source panel beside or under it.
#[test]
fn a_small_window_with_an_event_selected_still_shows_the_timeline() {
    let mut h = harness_sized(sample(), 640.0, 400.0);
    h.run();
    let missile = {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        loaded
            .timeline
            .events
            .iter()
            .position(|e| loaded.rules.kinds[e.kind].name == "missile_test")
            .expect("the missile event")
    };
    h.state_mut().selected = Some(missile);
    h.run();
    let canvas = h.get_by_label("Timeline").rect();
    assert!(
        canvas.width() >= 320.0 && canvas.height() >= 120.0,
        "the timeline is {canvas:?}"
    );
    // Every lane keeps a labelled sub-row and its chip row: none is cut off at the bottom.
    let lanes = h.state().loaded.as_ref().expect("loaded").rules.kinds.len();
    let lanes_h = dateline::timeline::layout::Geometry::height_for(
        lanes,
        dateline::timeline::layout::MIN_LANE_PX,
    );
    assert!(
        canvas.height() + 0.5 >= lanes_h,
        "{lanes} lanes need {lanes_h} points; the timeline is {canvas:?}"
    );
    let app = h.state();
    let loaded = app.loaded.as_ref().expect("loaded");
    let marker = h
        .get_by_label(&dateline::timeline::marker_label(
            &loaded.timeline.events[missile],
            &loaded.rules.kinds,
        ))
        .rect();
    assert!(
        canvas.contains(marker.center()),
        "the selected marker shows"
    );
    assert!(
        h.query_all_by_label_contains("hypersonic missile on Wednesday")
            .next()
            .is_some(),
        "the Source panel shows the paragraph"
    );
}

/// The search narrows everything that counts: kind counts, the undated list, the table, and
/// the lanes of kinds with nothing left collapse.
#[test]
fn filters_show_in_the_counts_the_lanes_and_the_table() {
    let mut h = harness_sized(sample(), 1400.0, 1400.0);
    h.run();
    h.state_mut().search = "hypersonic".to_owned();
    h.run();
    assert!(
        h.query_by_label_contains("Missile test (1)").is_some(),
        "the missile kind still counts its event"
    );
    let counts: Vec<String> = h
        .query_all_by_label_contains(" of ")
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.ends_with(')'))
        .collect();
    assert!(
        counts.iter().any(|l| l.starts_with("Appointment (0 of ")),
        "kinds say how many the search leaves: {counts:?}"
    );
    assert!(
        h.query_by_label_contains("Undated events (0 of 1)")
            .is_some(),
        "the undated list follows the search"
    );
    assert!(h.query_by_label_contains("(filtered)").is_some());
    assert!(
        h.query_by_label_contains("events: search \"hypersonic\"")
            .is_some(),
        "the status bar says what the filters leave out"
    );
    let app = h.state();
    let loaded = app.loaded.as_ref().expect("loaded");
    let markers: Vec<String> = h
        .query_all_by_label_contains(" 20")
        .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| loaded.rules.kinds.iter().any(|k| l.starts_with(&k.name)))
        .collect();
    assert!(
        markers.iter().all(|l| !l.starts_with("appointment")),
        "{markers:?}"
    );
    assert!(!markers.is_empty() && markers.len() < loaded.timeline.events.len());
    assert_eq!(table_rows(&h).len(), markers.len(), "one row per marker");
}

/// Presses at `from`, moves to `to` and releases, a frame between each.
fn drag(h: &mut Harness<'static, DatelineApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.step();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.step();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

/// The overview strip shows the visible range: dragging it pans, dragging its end zooms, and
/// a click elsewhere in the strip moves the view there.
#[test]
fn the_overview_strip_pans_zooms_and_jumps() {
    let mut h = harness(sample());
    h.run();
    let view = |h: &Harness<'static, DatelineApp>| h.state().state.view.expect("a view");
    let before = view(&h);
    let window = h.get_by_label("Visible range").rect();
    drag(
        &mut h,
        window.center(),
        window.center() - egui::vec2(40.0, 0.0),
    );
    let panned = view(&h);
    assert!(
        panned.start_day < before.start_day - 1.0,
        "{before:?} -> {panned:?}"
    );
    assert!(
        (panned.span() - before.span()).abs() < 0.01,
        "a pan keeps the span"
    );

    let end = h.get_by_label("Visible range end").rect();
    drag(&mut h, end.center(), end.center() - egui::vec2(60.0, 0.0));
    let zoomed = view(&h);
    assert!(
        zoomed.span() < panned.span() - 1.0,
        "{panned:?} -> {zoomed:?}"
    );
    assert!(
        (zoomed.start_day - panned.start_day).abs() < 0.01,
        "the start stays"
    );

    let strip = h.get_by_label("Overview").rect();
    let far_right = egui::pos2(strip.right() - 3.0, strip.center().y);
    h.hover_at(far_right);
    h.step();
    h.drag_at(far_right);
    h.step();
    h.drop_at(far_right);
    h.run();
    let jumped = view(&h);
    assert!(
        jumped.start_day > zoomed.end_day,
        "the view moved to the click: {zoomed:?} -> {jumped:?}"
    );
}

/// Waits (a frame at a time, up to five seconds) until `done` holds.
pub fn wait_until(
    h: &mut Harness<'static, DatelineApp>,
    done: impl Fn(&Harness<'static, DatelineApp>) -> bool,
) {
    let start = std::time::Instant::now();
    while !done(h) && start.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
}

/// With no system file dialog (none in a test), File ▸ Export JSON still works: the window
/// has a path field, and what is typed there is where the file goes.
#[test]
fn export_json_writes_to_the_typed_path_without_a_file_dialog() {
    let dir = Dir::new();
    let target = dir.path().join("typed.json");
    let mut h = harness(sample());
    h.run();
    h.get_by_label("File").click();
    h.run_steps(4);
    h.get_by_label_contains("Export JSON").click();
    h.run_steps(4);
    h.get_by_label("Export path")
        .set_text_value_accesskit(&target.display().to_string());
    h.run_steps(2);
    h.get_by_label("Save").click();
    h.step();
    wait_until(&mut h, |h| h.state().message.is_some());
    h.run();
    let message = h.state().message.clone().unwrap_or_default();
    assert!(message.starts_with("Saved "), "{message}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("written")).expect("JSON");
    let events = h
        .state()
        .loaded
        .as_ref()
        .map_or(0, |l| l.timeline.events.len());
    assert_eq!(json["events"].as_array().map(Vec::len), Some(events));
    assert!(
        h.query_by_label("Export path").is_none(),
        "the window closed"
    );
}

/// A path that cannot be written says why in the export window, which stays open.
#[test]
fn an_unwritable_text_export_path_says_so_and_keeps_the_window() {
    let dir = Dir::new();
    let mut h = harness(sample());
    h.run();
    h.state_mut().apply(dateline::app::Command::ExportText(
        dateline::formats::Format::Csv,
    ));
    h.run();
    h.state_mut().save.path = dir.path().display().to_string();
    h.run();
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("is a folder").is_some(),
        "a folder is no file to write"
    );
    h.state_mut().save.path = dir.path().join("no/such/dir/x.csv").display().to_string();
    h.get_by_label("Save").click();
    h.step();
    wait_until(&mut h, |h| h.state().save.error.is_some());
    h.run();
    assert!(
        h.query_by_label("Export path").is_some(),
        "the window stays open"
    );
    assert!(
        h.state()
            .save
            .error
            .as_deref()
            .is_some_and(|e| e.contains("Not saved"))
    );
}

/// "Read article" shows the whole article inside the app: its other paragraphs too, and the
/// cited one; closing the window closes it.
#[test]
fn read_article_shows_the_whole_article_at_the_cited_paragraph() {
    let mut h = harness(sample_without_table());
    h.run();
    h.get_by_label_contains("missile_test 2022-01-05").click();
    h.run();
    let (first_paragraph, cited) = {
        let app = h.state();
        let loaded = app.loaded.as_ref().expect("loaded");
        let event = &loaded.timeline.events[app.selected.expect("selected")];
        let source = &event.sources[0];
        let article = &loaded.corpus.articles[source.article];
        let text = |i: usize| article.paragraph_text(&article.paragraphs[i]).to_owned();
        (text(0), text(source.paragraph))
    };
    assert!(
        h.query_by_label(&first_paragraph).is_none(),
        "the panel shows only the cited paragraphs"
    );
    h.get_all_by_label("Read article")
        .next()
        .expect("a Read article button")
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("Article: ").is_some(),
        "the viewer opened"
    );
    assert!(
        h.query_by_label(&first_paragraph).is_some(),
        "the viewer shows the rest of the article"
    );
    assert!(
        h.query_all_by_label(&cited).count() >= 2,
        "the cited paragraph, in the panel and the viewer"
    );
    h.state_mut().reading = None;
    h.run();
    assert!(h.query_by_label(&first_paragraph).is_none(), "closed");
}

/// Typing a word into the search, a key per frame as a person types, keeps the field focused
/// and every letter: the view that changes with each letter must not take the focus away.
#[test]
fn the_search_field_keeps_focus_while_typing() {
    let mut h = harness_sized(sample(), 1280.0, 800.0);
    h.run();
    h.get_by_label("Search events").click();
    h.run();
    for letter in ["m", "i", "s", "s", "i", "l", "e"] {
        h.get_by_label("Search events").type_text(letter);
        h.run();
        assert!(
            h.get_by_label("Search events").is_focused(),
            "the field lost focus after {:?}",
            h.state().search
        );
    }
    assert_eq!(h.state().search, "missile");
    // With an event selected that the search then hides, in a window narrow enough to put
    // the Source panel under the timeline.
    let mut h = harness_sized(sample(), 700.0, 600.0);
    h.run();
    h.state_mut().selected = Some(0);
    h.run();
    h.get_by_label("Search events").click();
    h.run();
    for letter in ["z", "q", "x"] {
        h.get_by_label("Search events").type_text(letter);
        h.run();
    }
    assert_eq!(h.state().search, "zqx", "every letter reached the field");
}

/// Home after a search fits the events the search leaves, not the whole folder.
#[test]
fn home_fits_what_the_search_shows() {
    let mut h = harness_sized(sample(), 1280.0, 800.0);
    h.run();
    h.key_press(egui::Key::Home);
    h.run();
    let all = h.state().state.view.expect("a view").span();
    h.state_mut().search = "Austin".to_owned();
    h.run();
    h.key_press(egui::Key::Home);
    h.run();
    let view = h.state().state.view.expect("a view");
    assert!(
        view.span() < 30.0 && view.span() < all / 4.0,
        "Home after the search spans {} days, the folder {all}",
        view.span()
    );
    let austin = dateline::timeline::axis::day_from_date("2022-01-02".parse().expect("a date"));
    assert!(
        view.start_day <= austin && austin <= view.end_day,
        "{view:?}"
    );
}

/// Ctrl+F puts the keyboard in the search field, opening the side panel if it was closed.
#[test]
fn ctrl_f_focuses_the_search_field() {
    let mut h = harness_sized(sample(), 1280.0, 800.0);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::B);
    h.run();
    assert!(
        h.query_by_label("Search events").is_none(),
        "side panel closed"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.run();
    assert!(h.get_by_label("Search events").is_focused());
    h.get_by_label("Search events").type_text("missile");
    h.run();
    assert_eq!(h.state().search, "missile");
}
