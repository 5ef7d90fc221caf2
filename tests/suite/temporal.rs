use std::process::Command;

use crate::fixtures::{Dir, run_dateline, shared};

/// Value F1 on TBAQ-cleaned never falls below this; raise it as the tagger improves.
const TBAQ_VALUE_F1_FLOOR: f64 = 0.80;
/// Relaxed span F1 floor on the same run.
const TBAQ_RELAXED_F1_FLOOR: f64 = 0.935;

#[test]
fn tbaq_scores_stay_above_the_floor() {
    let Some(shared) = shared() else { return };
    let tbaq = shared.join("data/tempeval3/TBAQ-cleaned");
    let gold = Dir::new();
    let system = Dir::new();
    let mut files = Vec::new();
    for part in ["TimeBank", "AQUAINT"] {
        for entry in std::fs::read_dir(tbaq.join(part)).expect("TBAQ folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "tml") {
                let copy = gold.path().join(path.file_name().expect("name"));
                std::fs::copy(&path, &copy).expect("copy gold");
                files.push(copy);
            }
        }
    }
    assert_eq!(files.len(), 256);
    let mut args = vec!["timex".to_owned()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.push("--out-dir".into());
    args.push(system.path().display().to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_dateline(&args);
    let out = Command::new("python3")
        .arg(shared.join("tools/score_timex.py"))
        .arg(gold.path())
        .arg(system.path())
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&out.stdout);
    let summary = report.lines().last().expect("summary line");
    let figure = |name: &str| -> f64 {
        let at = summary
            .find(name)
            .unwrap_or_else(|| panic!("{name} in {summary}"));
        summary[at + name.len()..]
            .split([',', ' '])
            .find(|s| !s.is_empty())
            .and_then(|s| s.parse().ok())
            .expect("number")
    };
    let (relaxed, value) = (figure("relaxed F1 "), figure("value F1 "));
    println!("{summary}");
    assert!(
        value >= TBAQ_VALUE_F1_FLOOR,
        "value F1 {value} below floor: {summary}"
    );
    assert!(
        relaxed >= TBAQ_RELAXED_F1_FLOOR,
        "relaxed F1 {relaxed} below floor: {summary}"
    );
}

#[test]
fn plain_text_json_lists_spans_values_and_intervals() {
    let dir = Dir::new();
    let file = dir.write(
        "a.txt",
        "North Korea fired a missile on Wednesday, a year after talks in early October.",
    );
    let out = run_dateline(&[
        "timex",
        "--dct",
        "2022-01-07",
        &file.display().to_string(),
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let t = &json[0]["timexes"];
    assert_eq!(t[0]["text"], "Wednesday");
    assert_eq!(t[0]["value"], "2022-01-05");
    assert_eq!(t[0]["interval"]["precision"], "day");
    let early = t
        .as_array()
        .expect("list")
        .iter()
        .find(|x| x["text"] == "early October")
        .expect("early October");
    assert_eq!(early["value"], "2021-10");
    assert_eq!(early["mod"], "START");
    assert_eq!(early["interval"]["start"], "2021-10-01");
}
