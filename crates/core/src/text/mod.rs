//! Text that messages, reports and commands share, written the same way everywhere.
//! - [`decimal`]: thresholds, percentages and coordinates without std's float formatting (a
//!   size cut for the page).
//! - [`words`]: wording (plurals).
//! - [`shell`]: one shell word quoted.
//! - [`command`]: every command easnet prints, built from typed parts: plan values quoted
//!   (through [`shell`]), placeholders bare, `--Name=value` for a value starting with `-`.

pub mod command;
pub mod decimal;
pub mod shell;
pub mod words;
