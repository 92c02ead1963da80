//! Text that messages, reports and commands share, written the same way everywhere.
//! - [`decimal`]: thresholds, percentages and coordinates without std's float formatting (a
//!   size cut for the page).
//! - [`words`]: wording (plurals).
//! - [`shell`]: words of a pasted shell line: plan values quoted, placeholders bare.

pub mod decimal;
pub mod shell;
pub mod words;
