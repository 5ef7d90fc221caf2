//! What the window remembers across launches, and how it is read back: field by field, each
//! checked, so one broken or out-of-range value (a view at `NaN`, a width of 0) falls back to
//! its default instead of failing the launch or losing the rest.

use std::path::PathBuf;

use serde::de::DeserializeOwned;

use super::export_dialog::ExportSettings;
use crate::events::KindSet;
use crate::export::{MAX_SIDE_PX, MIN_HEIGHT_PX, MIN_WIDTH_PX};
use crate::timeline::TimeView;

/// What is remembered across launches (never the loaded data).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent on/off settings (theme, panels, watching), each remembered"
)]
pub struct State {
    pub last_paths: Vec<PathBuf>,
    pub hidden_kinds: KindSet,
    pub view: Option<TimeView>,
    pub dark: bool,
    pub export: ExportSettings,
    /// Panels the user closed (Ctrl+B, Ctrl+T); shown by default.
    pub hide_side: bool,
    pub hide_table: bool,
    pub sort: super::chronology::Sort,
    /// The kinds hidden in each folder opened, by its path: what one story hides is no concern
    /// of another.
    pub hidden_by_folder: std::collections::BTreeMap<String, KindSet>,
    /// Watching the open folder for changed files was turned off (it is on by default).
    pub watch_paused: bool,
}

/// How many folders' hidden kinds are remembered; the oldest entries go first.
const MAX_REMEMBERED_FOLDERS: usize = 200;

impl State {
    /// The key a set of opened paths is remembered under.
    #[must_use]
    pub fn folder_key(paths: &[PathBuf]) -> String {
        paths
            .iter()
            .map(|p| p.to_string_lossy())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Makes the kinds hidden for `paths` the current ones.
    pub fn enter_folder(&mut self, paths: &[PathBuf]) {
        self.hidden_kinds = self
            .hidden_by_folder
            .get(&Self::folder_key(paths))
            .cloned()
            .unwrap_or_default();
    }

    /// Remembers the current hidden kinds for `paths`.
    pub fn remember_hidden(&mut self, paths: &[PathBuf]) {
        let key = Self::folder_key(paths);
        if self.hidden_kinds == KindSet::default() {
            self.hidden_by_folder.remove(&key);
        } else {
            self.hidden_by_folder.insert(key, self.hidden_kinds.clone());
            while self.hidden_by_folder.len() > MAX_REMEMBERED_FOLDERS {
                self.hidden_by_folder.pop_first();
            }
        }
    }
}

/// Days from 1970 that a view may start or end at: chrono's calendar, with room to spare.
const MAX_VIEW_DAY: f64 = 90_000_000.0;

impl State {
    /// The state saved as RON by [`eframe::set_value`]; what cannot be read is the default.
    #[must_use]
    pub fn from_ron(text: &str) -> Self {
        fn field<T: DeserializeOwned>(map: &ron::Map, name: &str) -> Option<T> {
            map.get(&ron::Value::String(name.to_owned()))
                .cloned()
                .and_then(|v| v.into_rust().ok())
        }
        let Ok(ron::Value::Map(map)) = ron::from_str::<ron::Value>(text) else {
            return Self::default();
        };
        let defaults = Self::default();
        Self {
            last_paths: field(&map, "last_paths").unwrap_or(defaults.last_paths),
            hidden_kinds: field(&map, "hidden_kinds").unwrap_or(defaults.hidden_kinds),
            view: field::<Option<TimeView>>(&map, "view")
                .flatten()
                .filter(view_is_usable),
            dark: field(&map, "dark").unwrap_or(defaults.dark),
            export: field::<ExportSettings>(&map, "export")
                .map(ExportSettings::validated)
                .unwrap_or(defaults.export),
            hide_side: field(&map, "hide_side").unwrap_or(defaults.hide_side),
            hide_table: field(&map, "hide_table").unwrap_or(defaults.hide_table),
            sort: field(&map, "sort").unwrap_or(defaults.sort),
            hidden_by_folder: field(&map, "hidden_by_folder").unwrap_or(defaults.hidden_by_folder),
            watch_paused: field(&map, "watch_paused").unwrap_or(defaults.watch_paused),
        }
    }
}

/// The settings file is a few hundred bytes; anything past this is not one.
const MAX_STATE_BYTES: u64 = 1 << 20;

impl State {
    /// Where Dateline keeps its state: its own file beside eframe's (which holds the window's
    /// size), written atomically, read only if it is a regular file of sensible size.
    #[must_use]
    pub fn default_file() -> Option<PathBuf> {
        eframe::storage_dir(super::APP_NAME).map(|dir| dir.join("state.ron"))
    }

    /// The state in `path`; `Ok(None)` when there is none yet, an error message when the
    /// file is there but cannot be used (the defaults then apply).
    pub fn load_from(path: &std::path::Path) -> Result<Option<Self>, String> {
        match crate::read::read_regular_text(path, MAX_STATE_BYTES) {
            Ok(text) => Ok(Some(Self::from_ron(&text))),
            Err(crate::read::ReadError::Open(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(None)
            }
            Err(e) => Err(format!(
                "Saved settings not used ({}: {e}); starting with the defaults.",
                path.display()
            )),
        }
    }

    /// Writes the state to `path` atomically.
    pub fn save_to(&self, path: &std::path::Path) -> Result<(), String> {
        let text = ron::to_string(self).map_err(|e| e.to_string())?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        crate::atomic::write_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
    }
}

fn view_is_usable(view: &TimeView) -> bool {
    let finite = |d: f64| d.is_finite() && d.abs() <= MAX_VIEW_DAY;
    finite(view.start_day) && finite(view.end_day) && view.end_day > view.start_day
}

impl ExportSettings {
    /// Each setting inside the range the export window allows, else its default.
    #[must_use]
    pub fn validated(self) -> Self {
        let defaults = Self::default();
        let side = |px: u32, min: u32, default: u32| {
            if (min..=MAX_SIDE_PX).contains(&px) {
                px
            } else {
                default
            }
        };
        Self {
            width: side(self.width, MIN_WIDTH_PX, defaults.width),
            height: side(self.height, MIN_HEIGHT_PX, defaults.height),
            scale: if self.scale.is_finite() && (0.5..=8.0).contains(&self.scale) {
                self.scale
            } else {
                defaults.scale
            },
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_kinds_belong_to_the_folder_they_were_hidden_in() {
        let (summit, election) = (
            vec![PathBuf::from("/news/summit")],
            vec![PathBuf::from("/news/election")],
        );
        let mut state = State::default();
        state.enter_folder(&summit);
        state.hidden_kinds.toggle("meeting");
        state.remember_hidden(&summit);
        state.enter_folder(&election);
        assert_eq!(
            state.hidden_kinds,
            KindSet::default(),
            "another folder starts with all kinds"
        );
        state.enter_folder(&summit);
        assert_eq!(state.hidden_kinds, KindSet::new(["meeting".to_owned()]));
        // Remembered across launches.
        let text = ron::to_string(&state).unwrap_or_default();
        let mut back = State::from_ron(&text);
        back.enter_folder(&summit);
        assert_eq!(back.hidden_kinds, KindSet::new(["meeting".to_owned()]));
        // Showing every kind again forgets the entry.
        state.hidden_kinds.toggle("meeting");
        state.remember_hidden(&summit);
        assert!(state.hidden_by_folder.is_empty());
    }

    #[test]
    fn saved_atomically_and_read_back_and_a_fifo_is_not_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.ron");
        assert_eq!(State::load_from(&path), Ok(None));
        let state = State {
            dark: true,
            ..State::default()
        };
        state.save_to(&path).unwrap();
        assert_eq!(State::load_from(&path), Ok(Some(state)));
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo.ron");
            if std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .is_ok_and(|s| s.success())
            {
                let err = State::load_from(&fifo).unwrap_err();
                assert!(err.contains("a FIFO"), "{err}");
                assert!(
                    State::default().save_to(&fifo).is_err(),
                    "a FIFO is not replaced"
                );
            }
        }
    }

    #[test]
    fn a_saved_state_reads_back() {
        let state = State {
            last_paths: vec![PathBuf::from("/news")],
            hidden_kinds: KindSet::new(["meeting".to_owned()]),
            view: Some(TimeView {
                start_day: 18_000.0,
                end_day: 19_000.0,
            }),
            dark: true,
            export: ExportSettings::default(),
            hide_side: true,
            hide_table: true,
            watch_paused: true,
            sort: crate::app::chronology::Sort {
                by: crate::app::chronology::SortBy::Sources,
                descending: true,
            },
            hidden_by_folder: [("/news".to_owned(), KindSet::new(["meeting".to_owned()]))].into(),
        };
        let text = ron::to_string(&state).unwrap();
        assert_eq!(State::from_ron(&text), state);
    }

    #[test]
    fn broken_fields_fall_back_one_by_one() {
        for view in ["NaN", "inf", "-inf", "1e308", "-1e308"] {
            let text = format!(
                "(last_paths: [\"/news\"], view: Some((start_day: {view}, end_day: 10.0)), dark: true)"
            );
            let state = State::from_ron(&text);
            assert_eq!(state.view, None, "{view}");
            assert!(state.dark, "the other fields survive");
            assert_eq!(state.last_paths, [PathBuf::from("/news")]);
        }
        let state = State::from_ron("(dark: 5, export: (width: 0, scale: NaN, dark: true))");
        assert!(!state.dark);
        assert_eq!(state.export.width, ExportSettings::default().width);
        assert!((state.export.scale - ExportSettings::default().scale).abs() < f32::EPSILON);
        assert!(state.export.dark);
        for junk in [
            "",
            "(",
            "[1, 2]",
            "\u{0}\u{1}",
            "(view: Some((start_day: 5.0, end_day: 1.0)))",
        ] {
            assert_eq!(State::from_ron(junk).view, None, "{junk:?}");
        }
    }
}
