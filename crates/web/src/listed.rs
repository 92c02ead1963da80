//! What the editors' lists need of each plan object: a title, a fresh one, a copy.

use easnet_core::plan::{
    service_edit, NatGateway, NatKind, Peering, PeeringKind, Protocol, ResourceGroup, RouteTable,
    RouteTableKind, SecurityGroup, SecurityGroupKind, ServiceEntry, ServiceJson, ServiceSpec,
    SnatEntry, Target, VSwitch, Vpc,
};

use crate::list::copy_id;

pub trait Listed: Clone + PartialEq + 'static {
    /// The summary line (usually the ID).
    fn title(&self) -> String;
    /// A new object for "+ Add", given how many the list has.
    fn fresh(n: usize) -> Self;
    /// A duplicate with an ID of its own.
    fn copied(&self) -> Self;
}

impl Listed for VSwitch {
    fn title(&self) -> String {
        format!("{} {}", self.id, self.cidr)
    }
    fn fresh(n: usize) -> Self {
        VSwitch {
            id: format!("vsw-new-{}", n + 1),
            zone: None,
            cidr: String::new(),
            route_table: None,
            other_ips: 0,
        }
    }
    fn copied(&self) -> Self {
        VSwitch {
            id: copy_id(&self.id),
            ..self.clone()
        }
    }
}

impl Listed for RouteTable {
    fn title(&self) -> String {
        format!("{} ({})", self.id, self.kind.as_str())
    }
    fn fresh(n: usize) -> Self {
        let kind = if n == 0 {
            RouteTableKind::System
        } else {
            RouteTableKind::Custom
        };
        RouteTable {
            id: format!("vtb-new-{}", n + 1),
            kind,
            routes: Vec::new(),
        }
    }
    fn copied(&self) -> Self {
        // A VPC has one system table: a copy is custom.
        RouteTable {
            id: copy_id(&self.id),
            kind: RouteTableKind::Custom,
            ..self.clone()
        }
    }
}

impl Listed for SecurityGroup {
    fn title(&self) -> String {
        self.id.clone()
    }
    fn fresh(n: usize) -> Self {
        SecurityGroup {
            id: format!("sg-new-{}", n + 1),
            kind: SecurityGroupKind::Basic,
            egress: Vec::new(),
        }
    }
    fn copied(&self) -> Self {
        SecurityGroup {
            id: copy_id(&self.id),
            ..self.clone()
        }
    }
}

impl Listed for NatGateway {
    fn title(&self) -> String {
        self.id.clone()
    }
    fn fresh(n: usize) -> Self {
        NatGateway {
            id: format!("ngw-new-{}", n + 1),
            kind: NatKind::Internet,
            vswitch: None,
            snat_table_id: None,
            eips: Vec::new(),
            snat_entries: Vec::new(),
        }
    }
    /// The copy is another gateway: the cloud's IDs of the original's SNAT table and entries
    /// are not its own.
    fn copied(&self) -> Self {
        NatGateway {
            id: copy_id(&self.id),
            snat_table_id: None,
            snat_entries: (self.snat_entries.iter())
                .map(|e| SnatEntry {
                    id: None,
                    ..e.clone()
                })
                .collect(),
            ..self.clone()
        }
    }
}

impl Listed for Vpc {
    fn title(&self) -> String {
        format!("{} {}", self.id, self.cidrs.join(", "))
    }
    fn fresh(n: usize) -> Self {
        Vpc {
            id: format!("vpc-new-{}", n + 1),
            cidrs: vec!["10.0.0.0/16".into()],
            vswitches: Vec::new(),
            route_tables: Vec::new(),
            security_groups: Vec::new(),
            nat_gateways: Vec::new(),
        }
    }
    fn copied(&self) -> Self {
        Vpc {
            id: copy_id(&self.id),
            ..self.clone()
        }
    }
}

impl Listed for ServiceEntry {
    fn title(&self) -> String {
        let v = self.service.value().unwrap_or_default();
        (ServiceSpec::read(&v, "")
            .ok()
            .and_then(|s| s.name.map(str::to_owned)))
        .unwrap_or_default()
    }
    fn fresh(n: usize) -> Self {
        let service = ServiceJson::from_value(
            &serde_json::json!({"metadata": {"name": format!("service-{}", n + 1), "instance": 1}}),
        );
        ServiceEntry {
            service,
            needs_internet: false,
            targets: Vec::new(),
        }
    }
    fn copied(&self) -> Self {
        let name = format!("{}-copy", self.title());
        ServiceEntry {
            service: service_edit::set(&self.service, service_edit::NAME, Some(name.into())),
            ..self.clone()
        }
    }
}

impl Listed for Peering {
    fn title(&self) -> String {
        format!("{} {}", self.id, self.vpcs.join(" ↔ "))
    }
    fn fresh(n: usize) -> Self {
        Peering {
            id: format!("pcc-new-{}", n + 1),
            kind: PeeringKind::VpcPeer,
            vpcs: vec![String::new(), String::new()],
        }
    }
    fn copied(&self) -> Self {
        Peering {
            id: copy_id(&self.id),
            ..self.clone()
        }
    }
}

impl Listed for ResourceGroup {
    fn title(&self) -> String {
        self.id.clone()
    }
    fn fresh(n: usize) -> Self {
        ResourceGroup {
            id: format!("eas-r-new-{}", n + 1),
            networking: None,
        }
    }
    fn copied(&self) -> Self {
        ResourceGroup {
            id: copy_id(&self.id),
            ..self.clone()
        }
    }
}

impl Listed for Target {
    fn title(&self) -> String {
        format!(
            "{}{}",
            self.display_name(),
            self.port.map(|p| format!(":{p}")).unwrap_or_default()
        )
    }
    fn fresh(_: usize) -> Self {
        Target {
            name: None,
            address: String::new(),
            port: Some(443),
            protocol: Protocol::Tcp,
            whitelist: None,
            kind: None,
            instance_id: None,
        }
    }
    fn copied(&self) -> Self {
        self.clone()
    }
}
