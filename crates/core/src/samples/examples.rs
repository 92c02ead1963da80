//! The example plans embedded in every front end: the page's default plan and examples menu,
//! and the CLI's tests. The files live in the repository's `examples/` folder.

/// One embedded example plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// Short name, also the file name without `.json`.
    pub name: &'static str,
    /// What it shows, in one line.
    pub title: &'static str,
    /// The plan JSON.
    pub json: &'static str,
}

/// Every embedded example; the first is the page's default plan.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "quickstart-broken",
        title: "The classic mistakes: a small vSwitch, no SNAT entry, a one-IP whitelist",
        json: include_str!("../../../../examples/quickstart-broken.json"),
    },
    Example {
        name: "healthy",
        title: "The same network with every finding fixed",
        json: include_str!("../../../../examples/healthy.json"),
    },
    Example {
        name: "two-zones",
        title: "A service over two zones: a small second vSwitch, a whitelist that misses it",
        json: include_str!("../../../../examples/two-zones.json"),
    },
];

/// The example a fresh page opens with.
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}
