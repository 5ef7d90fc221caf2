//! One integration-test binary, so heavy dependencies link once.

#[path = "suite/corrections.rs"]
mod corrections;
#[path = "suite/events.rs"]
mod events;
#[cfg(feature = "gui")]
#[path = "suite/export.rs"]
mod export;
#[path = "suite/fixtures.rs"]
mod fixtures;
#[path = "suite/formats.rs"]
mod formats;
#[path = "suite/gold.rs"]
mod gold;
#[path = "suite/hostile.rs"]
mod hostile;
#[path = "suite/ingest.rs"]
mod ingest;
#[path = "suite/layers.rs"]
mod layers;
#[cfg(feature = "gui")]
#[path = "suite/layout.rs"]
mod layout;
#[path = "suite/reload.rs"]
mod reload;
#[path = "suite/temporal.rs"]
mod temporal;
#[cfg(feature = "gui")]
#[path = "suite/ui.rs"]
mod ui;
#[cfg(feature = "gui")]
#[path = "suite/ui_corrections.rs"]
mod ui_corrections;
