//! `ecs DescribeSecurityGroups` → security groups: VPC and kind (`normal` → basic,
//! `enterprise` → enterprise). No rules: those come from `DescribeSecurityGroupAttribute`.

use serde_json::Value;

use crate::cloud::facts::{Facts, GroupFact};
use crate::cloud::read::{list, text};
use crate::cloud::summary::{Kind, Said};
use crate::plan::SecurityGroupKind;

pub(super) fn map(v: &Value, facts: &mut Facts) -> usize {
    facts.see_region(text(v, "RegionId"));
    let items = list(v, "SecurityGroups", "SecurityGroup");
    for g in &items {
        let Some(id) = text(g, "SecurityGroupId") else {
            facts.skip(
                Kind::SecurityGroup,
                "?",
                Said::new("summary.skip.group_no_id"),
            );
            continue;
        };
        let kind = text(g, "SecurityGroupType").and_then(|t| group_kind(&t));
        facts.groups.insert(
            id,
            GroupFact {
                vpc: text(g, "VpcId"),
                kind,
            },
        );
    }
    items.len()
}

/// `normal` (basic) or `enterprise` (advanced), in any case.
fn group_kind(t: &str) -> Option<SecurityGroupKind> {
    match t.to_ascii_lowercase().as_str() {
        "normal" | "basic" => Some(SecurityGroupKind::Basic),
        "enterprise" => Some(SecurityGroupKind::Enterprise),
        _ => None,
    }
}
