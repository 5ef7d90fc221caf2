//! One integration-test binary, so heavy dependencies link once.

#[path = "suite/fixtures.rs"]
mod fixtures;
#[path = "suite/ingest.rs"]
mod ingest;
#[path = "suite/temporal.rs"]
mod temporal;
