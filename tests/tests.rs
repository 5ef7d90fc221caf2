//! One integration-test binary, so heavy dependencies link once.

#[path = "suite/events.rs"]
mod events;
#[path = "suite/export.rs"]
mod export;
#[path = "suite/fixtures.rs"]
mod fixtures;
#[path = "suite/ingest.rs"]
mod ingest;
#[path = "suite/temporal.rs"]
mod temporal;
#[path = "suite/ui.rs"]
mod ui;
