//! Plans built to hurt (`samples::hostile`): each is read and analysed within a memory and an
//! output bound proportional to its size, and four times the plan costs about four times as
//! much, not sixteen (rules.md, "Settled readings": findings grow with the plan, not with its
//! square). Counted, not timed: bytes allocated at the peak (a counting allocator), bytes of
//! the report as the CLI prints it, and findings. Also each one's share link.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use easnet_core::analyze::analyze_text;
use easnet_core::plan::share;
use easnet_core::samples::hostile::{hostile_plans, Hostile};

/// The system allocator, counting the bytes in use and the most in use since the last reset.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let grown = new_size - layout.size();
                let now = IN_USE.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one analysis cost.
#[derive(Debug)]
struct Cost {
    /// The plan's text, in bytes.
    input: usize,
    /// The most bytes allocated at once while reading and analysing it, beyond the text.
    peak: usize,
    /// The report as JSON (what `easnet check --format json` prints), in bytes.
    output: usize,
    findings: usize,
}

/// Held by every test of this file: the counts are of one analysis, with no other test
/// allocating meanwhile.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Reads and analyses one plan, counting.
fn cost(plan: &Hostile) -> Cost {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let report = analyze_text(&plan.text);
    let output = serde_json::to_string(&report)
        .expect("a report serializes")
        .len();
    Cost {
        input: plan.text.len(),
        peak: PEAK.load(Ordering::Relaxed) - before,
        output,
        findings: report.findings.len(),
    }
}

/// The bounds: per byte of plan, at most this many bytes of memory at the peak and of report.
/// (Measured: the worst plan peaks at about 30 bytes and prints about 9 per byte of plan; a
/// plan read and analysed once holds its objects, their parsed forms and its report.)
const MEMORY_PER_BYTE: usize = 80;
const OUTPUT_PER_BYTE: usize = 25;
/// Plus this much whatever the plan (the analyzer's tables, a small plan's report).
const FIXED: usize = 4 << 20;

#[test]
fn every_hostile_plan_costs_in_proportion_to_its_size() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut problems = Vec::new();
    let (small, large) = (hostile_plans(500), hostile_plans(2000));
    for (small, large) in small.iter().zip(&large) {
        let (a, b) = (cost(small), cost(large));
        eprintln!("{}: {a:?} → {b:?}", small.name);
        for c in [&a, &b] {
            if c.peak > MEMORY_PER_BYTE * c.input + FIXED {
                problems.push(format!(
                    "{}: {} bytes at the peak for {} of plan",
                    small.name, c.peak, c.input
                ));
            }
            if c.output > OUTPUT_PER_BYTE * c.input + FIXED {
                problems.push(format!(
                    "{}: {} bytes of report for {} of plan",
                    small.name, c.output, c.input
                ));
            }
            // At most a handful of findings per object, and no object is smaller than ten
            // bytes of JSON.
            if c.findings > c.input / 10 + 10 {
                problems.push(format!(
                    "{}: {} findings for {} bytes of plan",
                    small.name, c.findings, c.input
                ));
            }
        }
        // Four times the plan: about four times the cost. A cost of the square would be
        // sixteen times; allow up to six for what is not linear (sorting, a report's fixed
        // part against a small plan's).
        let grew = |x: usize, y: usize| y as f64 / (x.max(1) as f64);
        let size = grew(a.input, b.input);
        for (what, ratio) in [
            ("memory", grew(a.peak, b.peak)),
            ("output", grew(a.output, b.output)),
            ("findings", grew(a.findings, b.findings)),
        ] {
            if ratio > 1.5 * size {
                problems.push(format!(
                    "{}: {what} grew {ratio:.1}x for a plan {size:.1}x larger",
                    small.name
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_plans_do_what_they_aim_at() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let report = |name: &str| {
        let plan = hostile_plans(1000)
            .into_iter()
            .find(|p| p.name == name)
            .unwrap();
        analyze_text(&plan.text)
    };
    let count = |r: &easnet_core::analyze::Report, code: &str| {
        r.findings.iter().filter(|f| f.code == code).count()
    };
    // One CIDR006 per vSwitch, each naming five others and counting the rest.
    let r = report("identical-vswitches");
    assert_eq!(count(&r, "CIDR006"), 1000);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "CIDR006" && f.message.ends_with("and 994 more in VPC vpc-a")));
    // One CIDR007 per CIDR of each VPC, and one CIDR008 for the peering, counting its pairs.
    let r = report("identical-vpc-cidrs");
    assert_eq!(count(&r, "CIDR007"), 2 * 1000 + 2, "{:?}", r.codes());
    assert_eq!(count(&r, "CIDR008"), 1);
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "CIDR008" && f.message.ends_with("and 999995 more")));
    // Shadowed accept rules are found, one finding each.
    let r = report("many-rules");
    assert!(count(&r, "SG003") > 1000, "{}", count(&r, "SG003"));
    // The service JSON nested too deep is one PLAN001.
    assert_eq!(report("deep-service").codes(), ["PLAN001"]);
    // Counts past what a count holds: a max_surge out of range is CAP003, and a vSwitch
    // whose services need more than 2^64 - 1 IPs does not fit.
    let r = report("max-integers");
    assert!(count(&r, "CAP003") >= 500, "{:?}", r.codes());
    assert!(r
        .findings
        .iter()
        .any(|f| f.code == "CAP001" && f.message.ends_with("= more than 18446744073709551615")));
    // Long strings are cut where the report repeats them.
    let r = report("long-strings");
    assert!(
        r.findings.iter().all(|f| f.message.len() < 4000),
        "a message is long"
    );
}

#[test]
fn each_plan_travels_in_a_share_link() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    for plan in hostile_plans(2000) {
        let link = share::encode(&plan.text);
        assert_eq!(
            share::decode(&link).as_deref(),
            Ok(plan.text.as_str()),
            "{}",
            plan.name
        );
        // Most compress to a fraction: a short link can carry a large plan.
        eprintln!(
            "{}: {} bytes in a link of {}",
            plan.name,
            plan.text.len(),
            link.len()
        );
    }
}
