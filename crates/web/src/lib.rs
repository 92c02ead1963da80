//! easnet-web: the easnet page, a Yew app over `easnet-core`.
//!
//! No domain logic lives here: components show what the core computes and send every edit to
//! the reducer in [`state`] as an [`state::Action`]. [`browser`] is the glue to storage, the
//! URL fragment, the clipboard and downloads.

pub mod app;
pub mod browser;
pub mod components;
pub mod list;
pub mod listed;
pub mod memo;
pub mod state;
pub mod words;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
