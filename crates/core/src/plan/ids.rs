//! What a cloud ID looks like: its kind's prefix, then letters, digits and `-` (domain-facts
//! §2, ID prefixes). NET002 warns about plan IDs that do not; `easnet networking` refuses them.

/// The kinds of ID a plan or a networking names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Vpc,
    VSwitch,
    SecurityGroup,
    RouteTable,
    NatGateway,
    ResourceGroup,
}

impl IdKind {
    /// The prefix the cloud gives every ID of this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            IdKind::Vpc => "vpc-",
            IdKind::VSwitch => "vsw-",
            IdKind::SecurityGroup => "sg-",
            IdKind::RouteTable => "vtb-",
            IdKind::NatGateway => "ngw-",
            IdKind::ResourceGroup => "eas-r-",
        }
    }

    /// The kind in words, as messages name it.
    pub fn name(self) -> &'static str {
        match self {
            IdKind::Vpc => "VPC",
            IdKind::VSwitch => "vSwitch",
            IdKind::SecurityGroup => "security group",
            IdKind::RouteTable => "route table",
            IdKind::NatGateway => "NAT gateway",
            IdKind::ResourceGroup => "resource group",
        }
    }

    /// Whether `id` is this kind's prefix followed by letters, digits and `-`.
    ///
    /// # Examples
    /// ```
    /// use easnet_core::plan::ids::IdKind;
    /// assert!(IdKind::VSwitch.looks_like("vsw-bp1e3se98n9fq8hle"));
    /// assert!(!IdKind::VSwitch.looks_like("vsw-"));
    /// assert!(!IdKind::VSwitch.looks_like("vsw-a b"));
    /// assert!(!IdKind::Vpc.looks_like("vsw-a"));
    /// ```
    pub fn looks_like(self, id: &str) -> bool {
        id.strip_prefix(self.prefix()).is_some_and(|rest| {
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
    }
}

#[cfg(test)]
mod tests {
    use super::IdKind;

    #[test]
    fn id_shapes() {
        assert!(IdKind::VSwitch.looks_like("vsw-bp1e3se98n9fq8hle"));
        assert!(IdKind::VSwitch.looks_like("vsw-eas-a"));
        assert!(IdKind::ResourceGroup.looks_like("eas-r-w1ttszneb9n994"));
        assert!(!IdKind::VSwitch.looks_like("vsw-"));
        assert!(!IdKind::VSwitch.looks_like("vsw_eas"));
        assert!(!IdKind::VSwitch.looks_like("vsw-eas a"));
        assert!(!IdKind::VSwitch.looks_like("vpc-1"));
        assert!(!IdKind::VSwitch.looks_like("vsw-bp1****"));
    }
}
