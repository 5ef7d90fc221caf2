//! The timeline view, shared by the window and the PNG export: one lane per event kind,
//! markers by modality, imprecise dates as bars, a density strip when markers would crowd.
//!
//! - [`arrange`]: what a frame shows and where (labels, stacking, density), with no drawing;
//! - [`axis`]: the time view, the day ↔ x mapping, ticks and fit-all;
//! - [`index`]: which events a view reaches, found by date instead of by scanning them all;
//! - [`layout`]: pure placement (lanes, what is in view, the marker nearest a point);
//! - [`overview`]: the strip under the lanes with the whole extent and the visible range;
//! - [`paint`]: draws into a painter and returns the placed markers;
//! - [`widget`]: the window's canvas, turning pan, zoom, hover and click into commands.

pub mod arrange;
pub mod axis;
pub mod index;
pub mod layout;
pub mod overview;
pub mod paint;
pub mod widget;

pub use axis::TimeView;
pub use paint::{TimelineInput, draw_estimate_halo, draw_marker, kind_color};
pub use widget::{TimelineCommand, marker_label, timeline_ui};
