//! Everything the window can be asked to do, and the one table that gives commands their menu
//! entries and keyboard shortcuts, so a shortcut shown in a menu is always the one that works.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::source_panel::PanelCommand;
use crate::export;
use crate::formats::Format;
use crate::timeline::TimeView;

/// Applied by the app after the frame that produced it.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    Open(Vec<PathBuf>),
    PickFolder,
    PickFiles,
    Reload,
    CancelLoad,
    Select(Option<usize>),
    /// Pans (zooming out if it must) until the event is in view.
    Reveal(usize),
    Step(i32),
    SetView(TimeView),
    FitAll,
    Zoom(f64),
    ToggleKind(usize),
    FilterArticle(Option<usize>),
    /// Opens the whole article in the viewer.
    ReadArticle(usize),
    ToggleTheme,
    ToggleSidePanel,
    ToggleTable,
    /// Puts the keyboard in the search field (showing the side panel if it was closed).
    FocusSearch,
    ToggleWatch,
    /// Opens the export window for a text format.
    ExportText(crate::formats::Format),
    /// Opens the PNG export window and the save dialog.
    ExportPng,
    /// Runs the PNG export the export window was filled in for.
    WritePng {
        path: PathBuf,
        options: export::Options,
    },
    SourcePanel(PanelCommand),
    /// Adds a correction (saved, undoable).
    Correct(crate::corrections::Correction),
    /// Takes back the rejection made by the correction at this index.
    Restore(usize),
    Undo,
    Redo,
    /// Rejects the selected event (a false positive), undoably.
    RejectSelected,
}

/// Which menu an action is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    /// Drawn by the app, which names what Undo and Redo would do.
    Edit,
    View,
    /// A second key for an action that is listed once already.
    Hidden,
}

/// A menu entry, its shortcut, and the command both send.
pub struct Action {
    pub menu: Menu,
    pub label: &'static str,
    pub shortcut: Option<KeyboardShortcut>,
    pub command: Command,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn command_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// In menu order; a separator goes where the group changes.
pub const ACTIONS: &[(u8, Action)] = &[
    // Before Undo: egui matches Ctrl+Z on Ctrl+Shift+Z too, so the longer one goes first.
    (
        0,
        Action {
            menu: Menu::Edit,
            label: "Redo",
            shortcut: Some(KeyboardShortcut::new(
                Modifiers::COMMAND.plus(Modifiers::SHIFT),
                Key::Z,
            )),
            command: Command::Redo,
        },
    ),
    (
        0,
        Action {
            menu: Menu::Edit,
            label: "Undo",
            shortcut: Some(command_key(Key::Z)),
            command: Command::Undo,
        },
    ),
    (
        0,
        Action {
            menu: Menu::Hidden,
            label: "Redo",
            shortcut: Some(command_key(Key::Y)),
            command: Command::Redo,
        },
    ),
    (
        1,
        Action {
            menu: Menu::Edit,
            label: "Reject selected event",
            shortcut: Some(key(Key::Delete)),
            command: Command::RejectSelected,
        },
    ),
    (
        0,
        Action {
            menu: Menu::File,
            label: "Open folder…",
            shortcut: Some(command_key(Key::O)),
            command: Command::PickFolder,
        },
    ),
    (
        0,
        Action {
            menu: Menu::File,
            label: "Open files…",
            shortcut: None,
            command: Command::PickFiles,
        },
    ),
    (
        0,
        Action {
            menu: Menu::File,
            label: "Reload",
            shortcut: Some(key(Key::F5)),
            command: Command::Reload,
        },
    ),
    (
        1,
        Action {
            menu: Menu::File,
            label: "Export PNG…",
            shortcut: Some(command_key(Key::E)),
            command: Command::ExportPng,
        },
    ),
    (
        1,
        Action {
            menu: Menu::File,
            label: "Export JSON…",
            shortcut: None,
            command: Command::ExportText(Format::Json),
        },
    ),
    (
        1,
        Action {
            menu: Menu::File,
            label: "Export CSV…",
            shortcut: None,
            command: Command::ExportText(Format::Csv),
        },
    ),
    (
        1,
        Action {
            menu: Menu::File,
            label: "Export TimelineJS…",
            shortcut: None,
            command: Command::ExportText(Format::TimelineJs),
        },
    ),
    (
        1,
        Action {
            menu: Menu::File,
            label: "Export Markdown…",
            shortcut: None,
            command: Command::ExportText(Format::Markdown),
        },
    ),
    (
        0,
        Action {
            menu: Menu::View,
            label: "Fit what is shown",
            shortcut: Some(key(Key::Home)),
            command: Command::FitAll,
        },
    ),
    (
        0,
        Action {
            menu: Menu::View,
            label: "Zoom in",
            shortcut: Some(key(Key::Plus)),
            command: Command::Zoom(1.5),
        },
    ),
    (
        0,
        Action {
            menu: Menu::Hidden,
            label: "Zoom in",
            shortcut: Some(key(Key::Equals)),
            command: Command::Zoom(1.5),
        },
    ),
    (
        0,
        Action {
            menu: Menu::View,
            label: "Zoom out",
            shortcut: Some(key(Key::Minus)),
            command: Command::Zoom(1.0 / 1.5),
        },
    ),
    (
        0,
        Action {
            menu: Menu::View,
            label: "Previous event",
            shortcut: Some(key(Key::ArrowLeft)),
            command: Command::Step(-1),
        },
    ),
    (
        0,
        Action {
            menu: Menu::View,
            label: "Next event",
            shortcut: Some(key(Key::ArrowRight)),
            command: Command::Step(1),
        },
    ),
    (
        1,
        Action {
            menu: Menu::View,
            label: "Search events",
            shortcut: Some(command_key(Key::F)),
            command: Command::FocusSearch,
        },
    ),
    (
        1,
        Action {
            menu: Menu::View,
            label: "Show/hide side panel",
            shortcut: Some(command_key(Key::B)),
            command: Command::ToggleSidePanel,
        },
    ),
    (
        1,
        Action {
            menu: Menu::View,
            label: "Show/hide chronology table",
            shortcut: Some(command_key(Key::T)),
            command: Command::ToggleTable,
        },
    ),
    (
        0,
        Action {
            menu: Menu::View,
            label: "Deselect",
            shortcut: Some(key(Key::Escape)),
            command: Command::Select(None),
        },
    ),
];

/// The commands whose shortcuts were pressed this frame (consumed, so no widget sees them).
pub fn pressed(input: &mut egui::InputState) -> Vec<Command> {
    ACTIONS
        .iter()
        .filter_map(|(_, action)| {
            let shortcut = action.shortcut?;
            input
                .consume_shortcut(&shortcut)
                .then(|| action.command.clone())
        })
        .collect()
}

/// The entries of `menu`, with separators between groups; a click sends the command.
pub fn menu_ui(ui: &mut egui::Ui, menu: Menu, commands: &mut Vec<Command>) {
    let mut group = None;
    // Undo and Redo are named after the change by `edit_menu_ui`.
    let named = |c: &Command| matches!(c, Command::Undo | Command::Redo);
    for (g, action) in ACTIONS
        .iter()
        .filter(|(_, a)| a.menu == menu && !named(&a.command))
    {
        if group.is_some_and(|last| last != *g) {
            ui.separator();
        }
        group = Some(*g);
        let shortcut = action
            .shortcut
            .map(|s| ui.ctx().format_shortcut(&s))
            .unwrap_or_default();
        if ui
            .add(egui::Button::new(action.label).shortcut_text(shortcut))
            .clicked()
        {
            commands.push(action.command.clone());
        }
    }
}

/// The Edit menu: Undo and Redo named after the change they would take back or make again
/// ("Undo: date of “…” to 2022-01"), greyed when there is none.
pub fn edit_menu_ui(
    ui: &mut egui::Ui,
    (undo, redo): (Option<&str>, Option<&str>),
    commands: &mut Vec<Command>,
) {
    for command in [Command::Undo, Command::Redo] {
        let Some((_, action)) = ACTIONS
            .iter()
            .find(|(_, a)| a.menu == Menu::Edit && a.command == command)
        else {
            continue;
        };
        let what = if command == Command::Undo { undo } else { redo };
        let label = what.map_or_else(
            || action.label.to_owned(),
            |w| format!("{}: {w}", action.label),
        );
        let shortcut = action
            .shortcut
            .map(|s| ui.ctx().format_shortcut(&s))
            .unwrap_or_default();
        if ui
            .add_enabled(
                what.is_some(),
                egui::Button::new(label).shortcut_text(shortcut),
            )
            .clicked()
        {
            commands.push(command);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let keys: Vec<KeyboardShortcut> = ACTIONS.iter().filter_map(|(_, a)| a.shortcut).collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(a), "{a:?} is bound twice");
        }
    }

    #[test]
    fn a_pressed_shortcut_gives_its_command_once() {
        let mut input = egui::InputState::default();
        input.events.push(egui::Event::Key {
            key: Key::F5,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        assert_eq!(pressed(&mut input), vec![Command::Reload]);
        assert!(pressed(&mut input).is_empty(), "consumed");
    }
}
