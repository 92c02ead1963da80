//! Reading an `easnet snapshot` file (what `easnet import` and the page's importer do with
//! one), on VPCs with many security groups: one call each, so hundreds of calls. The calls
//! are found by their key in a map, not by a scan of those read so far.
//!
//! `cargo bench -p easnet-core --bench snapshot`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use easnet_core::cloud::read_paste;
use easnet_core::cloud::snapshot::take;
use serde_json::json;

/// A snapshot of a VPC with `groups` security groups, each with one egress rule.
fn snapshot(groups: usize) -> String {
    let snap = take("cn-hangzhou", "vpc-a", |req| {
        Ok(match req.call.operation.name() {
            "DescribeVpcs" => json!({"TotalCount": 1, "PageNumber": 1, "PageSize": 50,
                "Vpcs": {"Vpc": [{"VpcId": "vpc-a", "CidrBlock": "10.0.0.0/16"}]}}),
            // One page of all the groups, as a token page that says there is no next.
            "DescribeSecurityGroups" => json!({"NextToken": "", "SecurityGroups": {"SecurityGroup":
                (0..groups).map(|i| json!({"SecurityGroupId": format!("sg-{i}"), "VpcId": "vpc-a"}))
                    .collect::<Vec<_>>()}}),
            "DescribeSecurityGroupAttribute" => json!({"NextToken": "",
                "Permissions": {"Permission": [{"Direction": "egress", "Policy": "Accept",
                    "IpProtocol": "ALL", "PortRange": "-1/-1", "DestCidrIp": "0.0.0.0/0"}]}}),
            name if name.starts_with("List") => json!({"NextToken": ""}),
            _ => json!({"TotalCount": 0, "PageNumber": 1, "PageSize": 50}),
        })
    })
    .expect("the fake answers every call");
    snap.to_json()
}

fn read(c: &mut Criterion) {
    let mut group = c.benchmark_group("snapshot/read");
    group.sample_size(10);
    for groups in [50usize, 200, 800] {
        let text = snapshot(groups);
        group.bench_with_input(BenchmarkId::from_parameter(groups), &text, |b, text| {
            b.iter(|| read_paste(std::hint::black_box(text)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
