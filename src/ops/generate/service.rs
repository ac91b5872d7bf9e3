//! `create service clusterip|nodeport|loadbalancer` and its `--tcp` port specs.

use super::ordered::{O, empty, map, s, string_map};
use super::{Generated, object_meta};
use crate::api::{Error, Kind, Result};

/// Parses `--tcp=port[:targetPort]` as kubectl's `parsePorts`.
fn parse_tcp(spec: &str) -> Result<(i64, O)> {
    let mut parts = spec.split(':');
    let p = parts.next().unwrap_or("");
    let port: u64 = p.parse().map_err(|_| {
        Error::msg(format!(
            "strconv.ParseUint: parsing {}: invalid syntax",
            crate::api::error::go_quote(p)
        ))
    })?;
    if port == 0 || port > 65535 {
        return Err(Error::msg("must be between 1 and 65535, inclusive"));
    }
    let Some(t) = parts.next() else {
        return Ok((port as i64, O::Int(port as i64)));
    };
    match t.parse::<i64>() {
        Ok(n) if (1..=65535).contains(&n) => Ok((port as i64, O::Int(n))),
        Ok(_) => Err(Error::msg("must be between 1 and 65535, inclusive")),
        Err(_) => {
            // validation.IsValidPortName
            let mut errs = Vec::new();
            if t.len() > 15 {
                errs.push("must be no more than 15 characters");
            }
            if t.is_empty()
                || !t
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
            }
            if !t.chars().any(|c| c.is_ascii_lowercase()) {
                errs.push("must contain at least one letter (a-z)");
            }
            if t.contains("--") {
                errs.push("must not contain consecutive hyphens");
            }
            if t.starts_with('-') || t.ends_with('-') {
                errs.push("must not begin or end with a hyphen");
            }
            if !errs.is_empty() {
                return Err(Error::msg(errs.join(",")));
            }
            Ok((port as i64, s(t)))
        }
    }
}

pub struct ServiceOpts<'a> {
    pub name: &'a str,
    pub namespace: Option<&'a str>,
    /// ClusterIP, NodePort or LoadBalancer.
    pub type_: &'a str,
    pub tcp: &'a [String],
    pub cluster_ip: Option<&'a str>,
    pub node_port: i64,
}

/// `kubectl create service clusterip|nodeport|loadbalancer`.
pub fn service(o: &ServiceOpts<'_>) -> Result<Generated> {
    if o.tcp.is_empty() && o.cluster_ip != Some("None") {
        return Err(Error::msg("at least one tcp port specifier must be provided"));
    }
    let mut ports = Vec::new();
    for t in o.tcp {
        let (port, target) = parse_tcp(t)?;
        let mut p = vec![
            ("name", s(t.replace(':', "-"))),
            ("protocol", s("TCP")),
            ("port", O::Int(port)),
            ("targetPort", target),
        ];
        if o.node_port > 0 {
            p.push(("nodePort", O::Int(o.node_port)));
        }
        ports.push(map(p));
    }
    let labels = vec![("app".to_string(), o.name.to_string())];
    let mut spec = Vec::new();
    if !ports.is_empty() {
        spec.push(("ports", O::Seq(ports)));
    }
    spec.push(("selector", string_map(&labels)));
    if let Some(ip) = o.cluster_ip.filter(|c| !c.is_empty()) {
        spec.push(("clusterIP", s(ip)));
    }
    spec.push(("type", s(o.type_)));
    Ok(Generated::new(
        Kind::Service,
        o.name,
        vec![
            ("metadata", object_meta(Some(o.name), o.namespace, &labels, &[])),
            ("spec", map(spec)),
            ("status", map(vec![("loadBalancer", empty())])),
        ],
    ))
}
