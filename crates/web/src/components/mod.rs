//! One component per file.

mod header;
mod plan_summary;

pub use header::{Header, HeaderProps};
pub use plan_summary::{PlanSummary, PlanSummaryProps};
