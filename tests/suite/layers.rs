//! The module layering, checked from the source: each top-level module uses only modules
//! below it, and no two files of one module use each other, directly or round a circle.
//! (`use` lines and paths in code are read as text; test modules at the end of a file are
//! left out, since they may reach anywhere.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::fixtures::repo;

/// Bottom to top. A module may use those on earlier lines, never those on its own or later
/// lines (but itself).
const LAYERS: &[&[&str]] = &[
    &["ascii", "calendar", "progress", "atomic", "read"],
    &["similarity"],
    &["ingest"],
    &["temporal"],
    &["events"],
    &["corrections"],
    &["report", "dataset"],
    &["formats"],
    &["timeline"],
    &["export"],
    &["app"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its trailing test module and without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("source file");
    let end = text.find("#[cfg(test)]\nmod tests").unwrap_or(text.len());
    text[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every identifier that follows `prefix` in `code` (`crate::events::x` → `events`).
fn names_after<'a>(code: &'a str, prefix: &str) -> BTreeSet<&'a str> {
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(first) = rest
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            && !first.is_empty()
        {
            out.insert(first);
        }
        // `crate::{a, b::c}` lists several.
        if let Some(list) = rest.strip_prefix('{') {
            let list = &list[..list.find('}').unwrap_or(list.len())];
            for item in list.split(',') {
                let item = item.trim().split("::").next().unwrap_or("").trim();
                if !item.is_empty() {
                    out.insert(item);
                }
            }
        }
    }
    out
}

#[test]
fn modules_use_only_the_layers_below_them() {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|s| s.trim_end_matches(".rs"))
            .expect("a file name");
        let Some(own) = layer_of(top) else {
            assert!(
                ["lib", "main", "cli"].contains(&top),
                "{top} is in no layer: add it to LAYERS"
            );
            continue;
        };
        for used in names_after(&code(file), "crate::") {
            match layer_of(used) {
                Some(layer) if used != top && layer >= own => {
                    wrong.push(format!("{} uses {used}", relative.display()));
                }
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "uses against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_files_of_one_module_use_each_other_in_a_circle() {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // Per folder: which sibling files each file uses through `super::`.
    let mut graphs: BTreeMap<PathBuf, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in &files {
        let Some(folder) = file.parent().filter(|f| *f != src) else {
            continue;
        };
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem == "mod" {
            continue;
        }
        let code = code(file);
        let siblings: BTreeSet<String> = names_after(&code, "super::")
            .into_iter()
            .filter(|s| folder.join(format!("{s}.rs")).is_file())
            .map(str::to_owned)
            .collect();
        graphs
            .entry(folder.to_path_buf())
            .or_default()
            .insert(stem.to_owned(), siblings);
    }
    for (folder, graph) in &graphs {
        for start in graph.keys() {
            // Depth-first from `start`: reaching it again is a circle.
            let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((at, path)) = stack.pop() {
                for next in graph.get(&at).into_iter().flatten() {
                    assert!(
                        next != start,
                        "a circle in {}: {} → {next}",
                        folder.display(),
                        path.join(" → ")
                    );
                    if seen.insert(next.clone()) {
                        let mut longer = path.clone();
                        longer.push(next.clone());
                        stack.push((next.clone(), longer));
                    }
                }
            }
        }
    }
}
