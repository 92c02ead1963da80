//! The plan JSON v1 (`docs/plan-format.md`): types, reading and writing.
//!
//! # Organization
//! - [`Plan`] and the network objects in `model`: plain serde data.
//! - [`parse_plan`] / [`write_plan`]: strict reading with path-naming [`PlanError`]s (the
//!   path of an error worked out by [`error_path`]).
//! - [`validate`]: the PLAN001 rules serde cannot express.
//! - [`ServiceSpec`]: the fields of the user's service JSON that the checks read.
//! - [`service_json`]: `cloud.networking` spliced into the user's service JSON text.
//! - [`effective_networking`]: which networking a service uses (its own or its resource group's).
//! - [`service_edit`]: the edits of the page's service form.
//! - [`share`]: a plan in a URL fragment (deflate + base64url).

mod error;
pub mod error_path;
pub mod ids;
mod int;
pub mod json_syntax;
pub mod locate;
mod model;
mod parse;
mod resolve;
mod service;
pub mod service_edit;
pub mod service_json;
pub mod share;
mod validate;

pub(crate) use error::unreadable;
pub use error::PlanError;
pub use model::*;
pub use parse::{parse_plan, parse_plan_shape, write_plan};
pub(crate) use resolve::resolve_networking;
pub use resolve::{effective_networking, NetworkingSource};
pub use service::{service_name, Rolling, ServiceSpec};
pub use validate::validate;
pub(crate) use validate::{problems, validate_structure, ProblemKind};
