//! Connectivity probes to put in front of a service's start-up command, so that the
//! instance log shows at once whether each target is reachable.

use std::net::IpAddr;

use ipnet::IpNet;

use super::lookup::find_service;
use super::ExportError;
use crate::addr::{contains_net, parse_cidr_lenient};
use crate::plan::{Plan, Protocol, Target};
use crate::text::command::{Command, Value};

/// The seed FAQ's test: a browser-like user agent (some sites refuse curl's), headers only,
/// a 5-second connect timeout, so a missing NAT path fails fast instead of hanging start-up.
fn curl(url: Value) -> Command {
    let mut cmd = Command::new("curl");
    for word in [
        "-I",
        "-A",
        "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0\"",
        "--connect-timeout",
        "5",
    ] {
        cmd = cmd.word(Value::shell(word));
    }
    cmd.word(url)
}

/// `PROGRAM WORDS…` for easnet's own words.
fn fixed(program: &'static str, words: &[&'static str]) -> Command {
    (words.iter()).fold(Command::new(program), |c, w| c.word(Value::shell(w)))
}

/// The public URL the FAQ tests when the service only needs "the internet".
const DEFAULT_URL: &str = "https://www.aliyun.com";

/// The private ranges of RFC 1918: an address in one is private even outside the plan's VPCs.
const RFC1918: [&str; 3] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/// The test commands for the service's start-up command, one per line:
/// - each public TCP target: `curl -I -A "…" --connect-timeout 5 URL`, where the URL is
///   `http://ADDR` for port 80, `https://ADDR` for 443, `https://ADDR:PORT` otherwise;
/// - when the service `needs_internet` and has no public TCP target: the same against
///   `https://www.aliyun.com`;
/// - each private TCP target: `timeout 5 bash -c '</dev/tcp/ADDR/PORT' && echo open || echo
///   closed` (bash's own TCP redirection: no tool needs to be in the image);
/// - ICMP targets: `ping -c 3 -W 5 ADDR`. UDP has no generic probe and gets none.
///
/// A target is private when its address lies in a VPC CIDR of the plan or in an RFC 1918
/// range (plan-format.md); an address that does not parse gets no probe (it is CIDR001).
///
/// # Examples
/// ```
/// use easnet_core::export::test_commands;
/// use easnet_core::plan::parse_plan;
///
/// let plan = parse_plan(r#"{"version": 1, "services": [{
///   "service": {"metadata": {"name": "s"}}, "needs_internet": true,
///   "targets": [{"name": "db", "address": "10.0.5.10", "port": 3306},
///               {"name": "hub", "address": "203.0.113.5", "port": 443}]}]}"#).unwrap();
/// assert_eq!(test_commands(&plan, "s").unwrap(), [
///     "timeout 5 bash -c '</dev/tcp/10.0.5.10/3306' && echo open || echo closed",
///     "curl -I -A \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.0.0\" --connect-timeout 5 https://203.0.113.5",
/// ]);
/// assert!(test_commands(&plan, "t").unwrap_err().to_string().contains("the plan has: s"));
/// ```
pub fn test_commands(plan: &Plan, service: &str) -> Result<Vec<String>, ExportError> {
    let (_, entry) = find_service(plan, service)?;
    let vpc_cidrs: Vec<IpNet> = (plan.vpcs.iter())
        .flat_map(|v| &v.cidrs)
        .chain(&RFC1918.map(str::to_owned))
        .filter_map(|c| parse_cidr_lenient(c).ok())
        .map(|n| n.trunc())
        .collect();
    let mut lines = Vec::new();
    let mut public_tcp = false;
    for target in &entry.targets {
        let Some(addr) = host(target) else { continue };
        let private = vpc_cidrs
            .iter()
            .any(|c| contains_net(c, &IpNet::from(addr)));
        match (target.protocol, target.port) {
            // The script for `bash -c` is code to the inner bash: it holds only a parsed
            // address and a number, never the plan's text.
            (Protocol::Tcp, Some(port)) if private => lines.push(
                fixed("timeout", &["5", "bash", "-c"])
                    .word(Value::data(format!("</dev/tcp/{addr}/{port}")))
                    .and(fixed("echo", &["open"]))
                    .or(fixed("echo", &["closed"]))
                    .to_string(),
            ),
            (Protocol::Tcp, Some(port)) => {
                public_tcp = true;
                lines.push(curl(Value::data(url(addr, port))).to_string());
            }
            (Protocol::Icmp, _) => lines.push(
                fixed("ping", &["-c", "3", "-W", "5"])
                    .word(Value::data(addr.to_string()))
                    .to_string(),
            ),
            _ => {}
        }
    }
    if entry.needs_internet && !public_tcp {
        lines.push(curl(Value::shell(DEFAULT_URL)).to_string());
    }
    Ok(lines)
}

/// The address to probe: the target's address, or the first address of its CIDR.
fn host(target: &Target) -> Option<IpAddr> {
    parse_cidr_lenient(target.address.trim())
        .ok()
        .map(|n| n.addr())
}

fn url(addr: IpAddr, port: u64) -> String {
    let host = match addr {
        IpAddr::V4(a) => a.to_string(),
        IpAddr::V6(a) => format!("[{a}]"),
    };
    match port {
        80 => format!("http://{host}"),
        443 => format!("https://{host}"),
        _ => format!("https://{host}:{port}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse_plan;

    #[test]
    fn urls() {
        let v4: IpAddr = "203.0.113.5".parse().unwrap();
        let v6: IpAddr = "2001:db8::1".parse().unwrap();
        assert_eq!(url(v4, 80), "http://203.0.113.5");
        assert_eq!(url(v4, 8443), "https://203.0.113.5:8443");
        assert_eq!(url(v6, 443), "https://[2001:db8::1]");
    }

    #[test]
    fn kinds_of_targets() {
        let plan = parse_plan(
            r#"{"version": 1, "vpcs": [{"id": "vpc-a", "cidrs": ["100.100.0.0/16"]}],
            "services": [{"service": {"metadata": {"name": "s"}}, "needs_internet": true,
            "targets": [
              {"address": "100.100.3.4", "port": 6379},
              {"address": "8.8.8.8", "protocol": "icmp"},
              {"address": "8.8.4.4", "protocol": "udp", "port": 53},
              {"address": "not-an-ip", "port": 1},
              {"address": "198.51.100.7", "port": 80}]},
            {"service": {"metadata": {"name": "quiet"}}}]}"#,
        )
        .unwrap();
        let lines = test_commands(&plan, "s").unwrap();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(lines[0].contains("</dev/tcp/100.100.3.4/6379"));
        assert_eq!(lines[1], "ping -c 3 -W 5 8.8.8.8");
        assert!(lines[2].ends_with("--connect-timeout 5 http://198.51.100.7"));
        assert!(test_commands(&plan, "quiet").unwrap().is_empty());
    }
}
