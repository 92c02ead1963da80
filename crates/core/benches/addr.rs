//! Speed of the address maths on plans far bigger than real ones (a VPC holds at most 150
//! vSwitches), so that a slow path shows up long before a user could hit it.
//!
//! `cargo bench -p easnet-core --bench addr` (add `-- --quick` for a short run).

use std::hint::black_box;
use std::net::Ipv4Addr;

use criterion::{criterion_group, criterion_main, Criterion};
use easnet_core::addr::{first_free_block, free_blocks, overlapping_pairs};
use ipnet::IpNet;

/// `count` /24 and /28 blocks at pseudo-random places in 10.0.0.0/8, the same on every run:
/// a fixed-seed LCG (Knuth's MMIX constants), so results compare across runs and machines.
fn blocks(count: usize) -> Vec<IpNet> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            // The high bits of an LCG are the random ones.
            let bits = (state >> 32) as u32;
            let prefix = if bits & 1 == 0 { 24 } else { 28 };
            let addr = Ipv4Addr::from(0x0a00_0000 | (bits >> 8));
            IpNet::new(addr.into(), prefix)
                .expect("24 and 28 are IPv4 prefixes")
                .trunc()
        })
        .collect()
}

fn bench_addr(c: &mut Criterion) {
    let used = blocks(10_000);
    let space: Vec<IpNet> = vec!["10.0.0.0/8".parse().expect("a CIDR")];

    c.bench_function("overlapping_pairs/10k", |b| {
        b.iter(|| overlapping_pairs(black_box(&used)))
    });
    c.bench_function("free_blocks/10k", |b| {
        b.iter(|| free_blocks(black_box(&space), black_box(&used)))
    });
    c.bench_function("first_free_block/10k", |b| {
        b.iter(|| first_free_block(black_box(&space), black_box(&used), black_box(20)))
    });
}

criterion_group!(benches, bench_addr);
criterion_main!(benches);
