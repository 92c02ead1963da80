//! Offline vSwitch capacity maths for one CIDR: the CLI's `easnet capacity`.

use serde::Serialize;

use std::fmt::Write as _;

use super::ExportError;
use crate::args;
use crate::i18n::Catalogue;
use crate::views::whatif::{answer_in, Question, Split};

/// What a vSwitch CIDR offers against what a service needs. Serializes to exactly the keys
/// `cidr`, `usable`, `reserved`, `needed`, `free`, `fits`, `smallest_prefix`, `unit_size`, and
/// `split` when there is a second vSwitch; the split of `needed` is kept for text output only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Capacity {
    pub cidr: String,
    pub usable: u64,
    /// The addresses the cloud keeps for itself.
    pub reserved: Vec<String>,
    /// (Peak instances + surge) × unit size + other IPs: the whole service in `cidr`, even
    /// when it lists a second vSwitch.
    pub needed: u64,
    /// `usable − needed`, or 0 when it does not fit.
    pub free: u64,
    pub fits: bool,
    /// The smallest IPv4 vSwitch (/16–/29) that holds `needed`; `None` for IPv6, or when
    /// even a /16 is too small.
    pub smallest_prefix: Option<u8>,
    /// Machines per instance (`unit.size`), 1 unless given.
    pub unit_size: u64,
    /// With a second vSwitch: what each of the two counts, ceil(service IPs / 2), and whether
    /// it could take them all alone (CAP005).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
    #[serde(skip)]
    pub peak: u64,
    #[serde(skip)]
    pub surge: u64,
    /// Peak + surge instances, each of `unit_size` machines.
    #[serde(skip)]
    pub units: u64,
    #[serde(skip)]
    pub other_ips: u64,
}

/// The capacity of `cidr` for `instances` (peak with `max_instances`, the autoscaler's max),
/// a rolling update's `max_surge` (`"2"` or `"20%"`; absent: 2% of peak, at least 1), and
/// `other_ips` used by other things in the vSwitch. [`capacity_of`] also takes a unit size and a
/// second vSwitch.
///
/// # Examples
/// ```
/// use easnet_core::export::capacity;
///
/// let c = capacity("10.0.1.0/27", 4, Some(12), Some("20%"), 2).unwrap();
/// assert_eq!((c.usable, c.needed, c.free, c.fits), (28, 17, 11, true));
/// assert_eq!(c.reserved, ["10.0.1.0", "10.0.1.29", "10.0.1.30", "10.0.1.31"]);
/// assert_eq!(c.smallest_prefix, Some(27));
///
/// assert_eq!(
///     capacity("10.0.1.5/24", 1, None, None, 0).unwrap_err().to_string(),
///     "invalid CIDR \"10.0.1.5/24\": host bits are set; the network is 10.0.1.0/24"
/// );
/// assert!(capacity("10.0.1.0/24", 1, None, Some("120%"), 0).is_err());
/// ```
pub fn capacity(
    cidr: &str,
    instances: u64,
    max_instances: Option<u64>,
    max_surge: Option<&str>,
    other_ips: u64,
) -> Result<Capacity, ExportError> {
    capacity_of(
        &Question {
            cidr: cidr.to_owned(),
            instances: Some(instances),
            max_instances,
            max_surge: max_surge.unwrap_or_default().to_owned(),
            other_ips,
            ..Question::default()
        },
        Catalogue::english(),
    )
}

/// The capacity for a whole what-if question: `easnet capacity` with every option. A refused
/// input is [`ExportError::Invalid`] naming the option in words and its value as given, why
/// in `cat`'s words.
///
/// # Examples
/// ```
/// use easnet_core::export::capacity_of;
/// use easnet_core::i18n::Catalogue;
/// use easnet_core::views::whatif::Question;
/// let en = Catalogue::english();
///
/// let q = Question { cidr: "10.0.1.0/27".into(), instances: Some(6), max_surge: "2".into(),
///                    unit_size: Some(2), second_cidr: "10.0.2.0/28".into(),
///                    ..Default::default() };
/// let c = capacity_of(&q, en).unwrap();
/// assert_eq!((c.needed, c.units, c.unit_size), (16, 8, 2));
/// let split = c.split.unwrap();
/// assert_eq!(split.vswitches.map(|v| (v.share, v.fits, v.fits_alone)),
///            [(8, true, true), (8, true, false)]);
///
/// let overlapping = Question { second_cidr: "10.0.1.16/28".into(), ..q };
/// assert_eq!(
///     capacity_of(&overlapping, en).unwrap_err().to_string(),
///     "invalid second CIDR \"10.0.1.16/28\": 10.0.1.16/28 overlaps 10.0.1.0/27: \
///      two vSwitches of one VPC cannot overlap"
/// );
/// ```
pub fn capacity_of(question: &Question, cat: &Catalogue) -> Result<Capacity, ExportError> {
    // One computation for the page's calculator and the CLI: `whatif::answer`.
    let a = answer_in(question, None, cat).map_err(|e| {
        let (what, value) = match e.field {
            "cidr" => ("CIDR", question.cidr.clone()),
            "max_surge" => ("max surge", question.max_surge.clone()),
            "unit_size" => ("unit size", question.unit_size.unwrap_or(1).to_string()),
            "second_cidr" => ("second CIDR", question.second_cidr.clone()),
            _ => ("input", String::new()),
        };
        ExportError::Invalid {
            what,
            value,
            why: e.message,
        }
    })?;
    Ok(Capacity {
        cidr: a.cidr,
        usable: a.usable,
        reserved: a.reserved,
        needed: a.needed,
        free: a.free,
        fits: a.fits,
        smallest_prefix: a.smallest_prefix,
        unit_size: a.unit_size,
        split: a.split,
        peak: a.peak,
        surge: a.surge,
        units: a.units,
        other_ips: a.other_ips,
    })
}

/// `easnet capacity`'s answer for a terminal: one `label  value` line per fact, the labels in
/// `cat`'s words and padded to one column (a CJK character counts two columns), then with a
/// second vSwitch a line for the split, one per vSwitch, and CAP005's warnings.
///
/// # Examples
/// ```
/// use easnet_core::export::{capacity, capacity_text};
/// use easnet_core::i18n::Catalogue;
/// let c = capacity("10.0.1.0/27", 4, Some(12), Some("20%"), 2).unwrap();
/// let text = capacity_text(&c, Catalogue::english());
/// assert!(text.starts_with("cidr             10.0.1.0/27\nusable           28\n"));
/// assert!(text.contains("\nneeded           17 (peak 12 + surge 3 + other 2)\n"));
/// assert!(text.ends_with("smallest prefix  /27\n"));
/// ```
pub fn capacity_text(c: &Capacity, cat: &Catalogue) -> String {
    let label = |key: &str| cat.text(key, &[]);
    let prefix = if c.cidr.contains(':') {
        label("export.capacity.ipv6")
    } else {
        c.smallest_prefix
            .map_or_else(|| label("export.capacity.no_prefix"), |p| format!("/{p}"))
    };
    // "peak 12 + surge 3", or with units "8 × 2 machines: 6 peak + 2 surge".
    let needed = if c.unit_size == 1 {
        let service = cat.text(
            "export.capacity.service",
            args![peak = c.peak, surge = c.surge],
        );
        cat.text(
            "export.capacity.needed",
            args![needed = c.needed, service = service, other = c.other_ips],
        )
    } else {
        let service = cat.text(
            "export.capacity.service_units",
            args![
                units = c.units,
                size = c.unit_size,
                peak = c.peak,
                surge = c.surge
            ],
        );
        cat.text(
            "export.capacity.needed_units",
            args![needed = c.needed, service = service, other = c.other_ips],
        )
    };
    let fits = match (c.fits, c.split.is_some()) {
        (true, false) => label("export.capacity.yes"),
        (false, false) => label("export.capacity.no"),
        // With two vSwitches the lines above take the whole need in the first one alone.
        (true, true) => label("export.capacity.yes_alone"),
        (false, true) => label("export.capacity.no_alone"),
    };
    let mut rows: Vec<(String, String)> = vec![
        (label("export.capacity.cidr"), c.cidr.clone()),
        (label("export.capacity.usable"), c.usable.to_string()),
        (label("export.capacity.reserved"), c.reserved.join(", ")),
        (label("export.capacity.needed_label"), needed),
        (label("export.capacity.free"), c.free.to_string()),
        (label("export.capacity.fits"), fits),
        (label("export.capacity.smallest_prefix"), prefix),
    ];
    if let Some(split) = &c.split {
        // What each of the two vSwitches counts, and CAP005's warning.
        rows.push((
            label("export.capacity.two_vswitches"),
            cat.text(
                "export.capacity.split",
                args![ips = split.service_ips, share = split.vswitches[0].share],
            ),
        ));
        for (i, v) in split.vswitches.iter().enumerate() {
            let verdict = if v.fits {
                cat.text("export.capacity.share_fits", args![free = v.free])
            } else {
                label("export.capacity.share_does_not_fit")
            };
            rows.push((
                cat.text("export.capacity.vswitch", args![n = i + 1]),
                cat.text(
                    "export.capacity.share",
                    args![
                        cidr = v.cidr,
                        share = v.share,
                        other = v.other_ips,
                        needed = v.needed,
                        usable = v.usable,
                        verdict = verdict,
                    ],
                ),
            ));
        }
        for warning in split.warnings(cat) {
            rows.push((label("export.capacity.warning"), warning));
        }
    }
    // One column for the values: two spaces after the widest label of all that may show.
    let width = [
        "export.capacity.cidr",
        "export.capacity.usable",
        "export.capacity.reserved",
        "export.capacity.needed_label",
        "export.capacity.free",
        "export.capacity.fits",
        "export.capacity.smallest_prefix",
        "export.capacity.two_vswitches",
        "export.capacity.warning",
    ]
    .iter()
    .map(|k| columns(&label(k)))
    .chain([columns(&cat.text("export.capacity.vswitch", args![n = 2]))])
    .max()
    .unwrap_or(0)
        + 2;
    let mut text = String::new();
    for (name, value) in rows {
        let pad = " ".repeat(width.saturating_sub(columns(&name)));
        let _ = writeln!(text, "{name}{pad}{value}");
    }
    text
}

/// The columns `s` takes in a terminal: two for a wide (CJK or full-width) character, one for
/// any other.
fn columns(s: &str) -> usize {
    s.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}
