//! Reading CIDRs and addresses from plan strings, strictly.
//!
//! The plan is a contract, so a string either means exactly one network or it is an error:
//! no trimming, no leading zeros (`010.0.0.0` is octal to some tools and decimal to others),
//! no `+24`, no zone ids. Addresses are read with `std`'s parser, which already refuses those
//! spellings; the prefix length is read here and handed to [`IpNet::new`] for the range check.

use std::error::Error;
use std::fmt;
use std::net::IpAddr;

use ipnet::IpNet;

/// Why a CIDR or address string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CidrError {
    /// The string is not a CIDR (`10.0.1.0/24`, `fd00::/64`) or a bare address.
    Syntax,
    /// The string is not an IP address (`10.0.5.10`, `fd00::1`).
    AddrSyntax,
    /// The CIDR is well formed but has bits set after the prefix (`10.0.1.5/24`);
    /// `network` is the truncated network (`10.0.1.0/24`), for a message to suggest.
    HostBitsSet {
        /// The CIDR with its host bits cleared.
        network: IpNet,
    },
}

impl fmt::Display for CidrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CidrError::Syntax => f.write_str("expected a CIDR such as 10.0.1.0/24"),
            CidrError::AddrSyntax => f.write_str("expected an IP address such as 10.0.5.10"),
            CidrError::HostBitsSet { network } => {
                write!(f, "host bits are set; the network is {network}")
            }
        }
    }
}

impl Error for CidrError {}

/// Parses a CIDR strictly: `a.b.c.d/p`, `x::/p`, or a bare address as a /32 or /128.
///
/// Host bits must be clear; when they are not, the error carries the truncated network.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::{parse_cidr, CidrError};
///
/// assert_eq!(parse_cidr("10.0.1.0/24").unwrap().to_string(), "10.0.1.0/24");
/// assert_eq!(parse_cidr("10.0.5.10").unwrap().to_string(), "10.0.5.10/32");
/// assert_eq!(parse_cidr("fd00::/64").unwrap().to_string(), "fd00::/64");
///
/// // Host bits set: the error names the network the user probably meant.
/// let err = parse_cidr("10.0.1.5/24").unwrap_err();
/// assert_eq!(err, CidrError::HostBitsSet { network: "10.0.1.0/24".parse().unwrap() });
/// assert_eq!(err.to_string(), "host bits are set; the network is 10.0.1.0/24");
///
/// // Nothing is trimmed, and prefixes past the family's width are refused.
/// assert_eq!(parse_cidr(" 10.0.1.0/24"), Err(CidrError::Syntax));
/// assert_eq!(parse_cidr("10.0.1.0/33"), Err(CidrError::Syntax));
/// ```
pub fn parse_cidr(s: &str) -> Result<IpNet, CidrError> {
    let net = parse_cidr_lenient(s)?;
    let network = net.trunc();
    if network == net {
        Ok(net)
    } else {
        Err(CidrError::HostBitsSet { network })
    }
}

/// Parses a CIDR like [`parse_cidr`] but allows host bits, returning the net as written.
///
/// Whitelists accept entries such as `10.23.12.24/24`; callers that need the block call
/// [`IpNet::trunc`].
///
/// # Examples
///
/// ```
/// use easnet_core::addr::{parse_cidr_lenient, CidrError};
///
/// let net = parse_cidr_lenient("10.23.12.24/24").unwrap();
/// assert_eq!(net.to_string(), "10.23.12.24/24");
/// assert_eq!(net.trunc().to_string(), "10.23.12.0/24");
///
/// assert_eq!(parse_cidr_lenient("10.23.12.24/"), Err(CidrError::Syntax));
/// assert_eq!(parse_cidr_lenient("10.23.12.24/24 "), Err(CidrError::Syntax));
/// ```
pub fn parse_cidr_lenient(s: &str) -> Result<IpNet, CidrError> {
    let Some((addr, prefix)) = s.split_once('/') else {
        // A bare address is a single-address network.
        return s
            .parse::<IpAddr>()
            .map(IpNet::from)
            .map_err(|_| CidrError::Syntax);
    };
    let addr: IpAddr = addr.parse().map_err(|_| CidrError::Syntax)?;
    let prefix = parse_prefix(prefix).ok_or(CidrError::Syntax)?;
    // `IpNet::new` owns the family's range check (/33 or /129 is an error there).
    IpNet::new(addr, prefix).map_err(|_| CidrError::Syntax)
}

/// Reads a prefix length: one to three ASCII digits, no sign, no leading zero (`/08`).
fn parse_prefix(s: &str) -> Option<u8> {
    let canonical = match s.as_bytes() {
        [b'0'] => true,
        [first, rest @ ..] => {
            (b'1'..=b'9').contains(first) && rest.len() <= 2 && rest.iter().all(u8::is_ascii_digit)
        }
        [] => false,
    };
    if canonical {
        s.parse().ok()
    } else {
        None
    }
}

/// Parses an IP address strictly (no spaces, no leading zeros). An address written as a block
/// of one address, `/32` or `/128`, is that address (rules.md, "Settled readings": EIPs and
/// SNAT IPs may be written so); any other prefix is an error.
///
/// # Examples
///
/// ```
/// use easnet_core::addr::{parse_addr, CidrError};
///
/// assert_eq!(parse_addr("10.0.5.10").unwrap().to_string(), "10.0.5.10");
/// assert_eq!(parse_addr("fd00::1").unwrap().to_string(), "fd00::1");
/// assert_eq!(parse_addr("10.0.5.10/32").unwrap().to_string(), "10.0.5.10");
/// assert_eq!(parse_addr("fd00::1/128").unwrap().to_string(), "fd00::1");
///
/// assert_eq!(parse_addr("10.0.5.10/24"), Err(CidrError::AddrSyntax));
/// assert_eq!(parse_addr("10.0.5.10/032"), Err(CidrError::AddrSyntax));
/// assert_eq!(parse_addr("010.0.5.10"), Err(CidrError::AddrSyntax));
/// ```
pub fn parse_addr(s: &str) -> Result<IpAddr, CidrError> {
    if s.contains('/') {
        return match parse_cidr(s) {
            Ok(net) if net.prefix_len() == net.max_prefix_len() => Ok(net.addr()),
            _ => Err(CidrError::AddrSyntax),
        };
    }
    s.parse().map_err(|_| CidrError::AddrSyntax)
}

/// Whether two networks are of the same family (both IPv4 or both IPv6).
///
/// # Examples
///
/// ```
/// use easnet_core::addr::same_family;
/// use ipnet::IpNet;
///
/// let v4: IpNet = "10.0.0.0/8".parse().unwrap();
/// let v6: IpNet = "fd00::/8".parse().unwrap();
/// assert!(same_family(&v4, &"0.0.0.0/0".parse().unwrap()));
/// assert!(!same_family(&v4, &v6));
/// ```
pub fn same_family(a: &IpNet, b: &IpNet) -> bool {
    matches!(
        (a, b),
        (IpNet::V4(_), IpNet::V4(_)) | (IpNet::V6(_), IpNet::V6(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> IpNet {
        s.parse().unwrap()
    }

    #[test]
    fn strict_accepts() {
        let table = [
            ("10.0.0.0/16", "10.0.0.0/16"),
            ("10.0.1.0/24", "10.0.1.0/24"),
            ("10.0.1.8/29", "10.0.1.8/29"),
            ("10.0.1.4/30", "10.0.1.4/30"),
            ("10.0.1.6/31", "10.0.1.6/31"),
            ("10.0.1.7/32", "10.0.1.7/32"),
            ("10.0.1.7", "10.0.1.7/32"),
            ("0.0.0.0/0", "0.0.0.0/0"),
            ("255.255.255.255/32", "255.255.255.255/32"),
            ("fd00:1::/64", "fd00:1::/64"),
            ("::/0", "::/0"),
            ("fd00::1", "fd00::1/128"),
            ("fd00::1/128", "fd00::1/128"),
            ("::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104"),
        ];
        for (input, want) in table {
            assert_eq!(parse_cidr(input), Ok(net(want)), "{input}");
        }
    }

    #[test]
    fn strict_rejects_syntax() {
        let table = [
            "",
            "/",
            "/24",
            "10.0.1.0/",
            " 10.0.1.0/24",
            "10.0.1.0/24 ",
            "10.0.1.0 /24",
            "10.0.1.0/ 24",
            "10.0.1.0/33",
            "10.0.1.0/-1",
            "10.0.1.0/+24",
            "10.0.1.0/024",
            "10.0.0.0/0000",
            "010.0.1.0/24",
            "10.0.1/24",
            "10.0.1.0.0/24",
            "256.0.0.0/8",
            "10.0.1.0/24/24",
            "fd00::/129",
            "fd00::/1280",
            "fe80::1%eth0/64",
            "fd00:::/64",
            "10.0.1.0/24\n",
            "１０.0.0.0/8",
        ];
        for input in table {
            assert_eq!(parse_cidr(input), Err(CidrError::Syntax), "{input:?}");
            assert_eq!(
                parse_cidr_lenient(input),
                Err(CidrError::Syntax),
                "{input:?}"
            );
        }
    }

    #[test]
    fn host_bits() {
        let table = [
            ("10.0.1.5/24", "10.0.1.0/24"),
            ("10.0.255.255/16", "10.0.0.0/16"),
            ("10.0.1.9/29", "10.0.1.8/29"),
            ("10.0.1.7/31", "10.0.1.6/31"),
            ("1.2.3.4/0", "0.0.0.0/0"),
            ("fd00::1/64", "fd00::/64"),
            ("::1/0", "::/0"),
        ];
        for (input, network) in table {
            let network = net(network);
            assert_eq!(
                parse_cidr(input),
                Err(CidrError::HostBitsSet { network }),
                "{input}"
            );
            let lenient = parse_cidr_lenient(input).unwrap();
            assert_eq!(lenient.to_string(), input);
            assert_eq!(lenient.trunc(), network);
        }
    }

    #[test]
    fn addresses() {
        assert_eq!(parse_addr("0.0.0.0"), Ok("0.0.0.0".parse().unwrap()));
        assert_eq!(parse_addr("::"), Ok("::".parse().unwrap()));
        assert_eq!(parse_addr("10.0.0.1/32"), Ok("10.0.0.1".parse().unwrap()));
        assert_eq!(parse_addr("fd00::1/128"), Ok("fd00::1".parse().unwrap()));
        for bad in [
            "",
            " 10.0.0.1",
            "10.0.0.1 ",
            "10.0.0.1/31",
            "10.0.0.0/24",
            "10.0.0.1/032",
            "fd00::1/64",
            "10.0.0",
            "::/0",
            "x",
        ] {
            assert_eq!(parse_addr(bad), Err(CidrError::AddrSyntax), "{bad:?}");
        }
    }

    #[test]
    fn messages() {
        assert_eq!(
            CidrError::Syntax.to_string(),
            "expected a CIDR such as 10.0.1.0/24"
        );
        assert_eq!(
            CidrError::AddrSyntax.to_string(),
            "expected an IP address such as 10.0.5.10"
        );
        assert_eq!(
            CidrError::HostBitsSet {
                network: net("fd00::/64")
            }
            .to_string(),
            "host bits are set; the network is fd00::/64"
        );
    }

    #[test]
    fn families() {
        assert!(same_family(&net("10.0.0.0/8"), &net("192.168.0.0/16")));
        assert!(same_family(&net("::/0"), &net("fd00::/8")));
        assert!(!same_family(&net("0.0.0.0/0"), &net("::/0")));
        assert!(!same_family(
            &net("::ffff:10.0.0.0/104"),
            &net("10.0.0.0/8")
        ));
    }
}
