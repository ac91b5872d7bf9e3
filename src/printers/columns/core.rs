//! Core cluster kinds: nodes, namespaces, services, endpoints, events, config maps, secrets.

use super::{TableOpts, age, created, format_map, name_of, or_default};
use crate::api::k8s_openapi::api::core::v1::{ConfigMap, Endpoints, Event, Namespace, Node, Secret, Service};
use crate::api::meta;

/// `Ready`, `NotReady` or `Unknown`, plus `,SchedulingDisabled` when cordoned.
pub fn node_status(n: &Node) -> String {
    let conds = n
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_deref())
        .unwrap_or_default();
    let mut s = match conds.iter().find(|c| c.type_ == "Ready") {
        Some(c) if c.status == "True" => "Ready".to_string(),
        Some(c) if c.status == "False" => "NotReady".to_string(),
        _ => "Unknown".to_string(),
    };
    if n.spec.as_ref().and_then(|s| s.unschedulable) == Some(true) {
        s.push_str(",SchedulingDisabled");
    }
    s
}

/// Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` labels, sorted,
/// comma-joined; `<none>` if none.
pub fn node_roles(n: &Node) -> String {
    let mut roles: Vec<String> = Vec::new();
    for (k, v) in meta::labels(&n.metadata) {
        if let Some(r) = k.strip_prefix("node-role.kubernetes.io/") {
            if !r.is_empty() {
                roles.push(r.to_string());
            }
        } else if k == "kubernetes.io/role" && !v.is_empty() {
            roles.push(v.clone());
        }
    }
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        "<none>".into()
    } else {
        roles.join(",")
    }
}

pub(super) fn node_row(n: &Node, o: TableOpts) -> Vec<String> {
    let st = or_default(&n.status);
    let info = or_default(&st.node_info);
    let addr = |t: &str| {
        st.addresses
            .iter()
            .flatten()
            .find(|a| a.type_ == t)
            .map(|a| a.address.clone())
            .unwrap_or_else(|| "<none>".into())
    };
    let or_unknown = |s: String| {
        if s.is_empty() { "<unknown>".to_string() } else { s }
    };
    vec![
        name_of(&n.metadata),
        node_status(n),
        node_roles(n),
        created(&n.metadata, o.now),
        info.kubelet_version.clone(),
        addr("InternalIP"),
        addr("ExternalIP"),
        or_unknown(info.os_image.clone()),
        or_unknown(info.kernel_version.clone()),
        or_unknown(info.container_runtime_version.clone()),
    ]
}

pub(super) fn namespace_row(ns: &Namespace, o: TableOpts) -> Vec<String> {
    vec![
        name_of(&ns.metadata),
        ns.status.as_ref().and_then(|s| s.phase.clone()).unwrap_or_default(),
        created(&ns.metadata, o.now),
    ]
}

pub(super) fn service_row(svc: &Service, o: TableOpts) -> Vec<String> {
    let spec = or_default(&svc.spec);
    let t = spec.type_.clone().unwrap_or_else(|| "ClusterIP".into());
    let cluster_ip = spec
        .cluster_ips
        .as_ref()
        .and_then(|v| v.first().cloned())
        .or(spec.cluster_ip.clone())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "<none>".into());
    let external = match t.as_str() {
        "ExternalName" => spec.external_name.clone().unwrap_or_default(),
        "LoadBalancer" => {
            let mut ips: Vec<String> = svc
                .status
                .as_ref()
                .and_then(|s| s.load_balancer.as_ref())
                .and_then(|l| l.ingress.as_ref())
                .map(|ing| ing.iter().filter_map(|i| i.ip.clone().or(i.hostname.clone())).collect())
                .unwrap_or_default();
            ips.extend(spec.external_ips.clone().unwrap_or_default());
            if ips.is_empty() {
                "<pending>".into()
            } else {
                let j = ips.join(",");
                if !o.wide && j.len() > 16 {
                    format!("{}...", &j[..13])
                } else {
                    j
                }
            }
        }
        _ => spec
            .external_ips
            .as_ref()
            .filter(|v| !v.is_empty())
            .map(|v| v.join(","))
            .unwrap_or_else(|| "<none>".into()),
    };
    let ports: Vec<String> = spec
        .ports
        .iter()
        .flatten()
        .map(|p| {
            let proto = p.protocol.clone().unwrap_or_else(|| "TCP".into());
            match p.node_port {
                Some(np) if np > 0 => format!("{}:{np}/{proto}", p.port),
                _ => format!("{}/{proto}", p.port),
            }
        })
        .collect();
    vec![
        name_of(&svc.metadata),
        t,
        cluster_ip,
        external,
        if ports.is_empty() {
            "<none>".into()
        } else {
            ports.join(",")
        },
        created(&svc.metadata, o.now),
        format_map(spec.selector.as_ref()),
    ]
}

/// `ip:port` pairs of ready addresses, the first 3 then ` + N more...`; `<none>` if none
/// (printers.go formatEndpoints; `port`: only the ports of that name, as `describe service` asks).
pub fn format_endpoints(e: Option<&Endpoints>, port: Option<&str>) -> String {
    let subsets = e.and_then(|e| e.subsets.as_deref()).unwrap_or_default();
    if subsets.is_empty() {
        return "<none>".into();
    }
    const MAX: usize = 3;
    let mut list: Vec<String> = Vec::new();
    let mut count = 0;
    let mut more = false;
    for ss in subsets {
        let addrs = ss.addresses.as_deref().unwrap_or_default();
        let ports = ss.ports.as_deref().unwrap_or_default();
        if ports.is_empty() {
            // Headless services without ports list bare addresses.
            for a in addrs {
                if list.len() == MAX {
                    more = true;
                }
                if !more {
                    list.push(a.ip.clone());
                }
                count += 1;
            }
        } else {
            for p in ports
                .iter()
                .filter(|p| port.is_none_or(|n| p.name.as_deref().unwrap_or("") == n))
            {
                for a in addrs {
                    if list.len() == MAX {
                        more = true;
                    }
                    if !more {
                        list.push(format!("{}:{}", a.ip, p.port));
                    }
                    count += 1;
                }
            }
        }
    }
    let ret = list.join(",");
    if more {
        format!("{ret} + {} more...", count - MAX)
    } else {
        ret
    }
}

pub(super) fn endpoints_row(e: &Endpoints, o: TableOpts) -> Vec<String> {
    vec![
        name_of(&e.metadata),
        format_endpoints(Some(e), None),
        created(&e.metadata, o.now),
    ]
}

pub(super) fn event_row(e: &Event, o: TableOpts) -> Vec<String> {
    let micro = |t: Option<&crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::MicroTime>| match t {
        Some(t) => super::human_duration(o.now.secs() - t.0.as_second()),
        None => "<unknown>".to_string(),
    };
    let first = match &e.first_timestamp {
        Some(t) => age(Some(t), o.now),
        None => micro(e.event_time.as_ref()),
    };
    let mut last = match &e.last_timestamp {
        Some(t) => age(Some(t), o.now),
        None => first.clone(),
    };
    let mut count = e.count.unwrap_or(0);
    if let Some(s) = &e.series {
        last = micro(s.last_observed_time.as_ref());
        count = s.count.unwrap_or(0);
    } else if count == 0 {
        count = 1;
    }
    let io = &e.involved_object;
    let kind = io.kind.clone().unwrap_or_default().to_lowercase();
    let target = match io.name.as_deref() {
        Some(n) if !n.is_empty() => format!("{kind}/{n}"),
        _ => kind,
    };
    let src = or_default(&e.source);
    let first_non_empty = |a: Option<String>, b: Option<String>| a.filter(|s| !s.is_empty()).or(b).unwrap_or_default();
    let component = first_non_empty(src.component.clone(), e.reporting_component.clone());
    let host = first_non_empty(src.host.clone(), e.reporting_instance.clone());
    let source = if host.is_empty() {
        component
    } else {
        format!("{component}, {host}")
    };
    vec![
        last,
        e.type_.clone().unwrap_or_default(),
        e.reason.clone().unwrap_or_default(),
        target,
        io.field_path.clone().unwrap_or_default(),
        source,
        e.message.clone().unwrap_or_default().trim().to_string(),
        first,
        count.to_string(),
        name_of(&e.metadata),
    ]
}

pub(super) fn config_map_row(c: &ConfigMap, o: TableOpts) -> Vec<String> {
    let n = c.data.as_ref().map_or(0, |d| d.len()) + c.binary_data.as_ref().map_or(0, |d| d.len());
    vec![name_of(&c.metadata), n.to_string(), created(&c.metadata, o.now)]
}

pub(super) fn secret_row(s: &Secret, o: TableOpts) -> Vec<String> {
    let n = s.data.as_ref().map_or(0, |d| d.len()) + s.string_data.as_ref().map_or(0, |d| d.len());
    vec![
        name_of(&s.metadata),
        s.type_.clone().unwrap_or_default(),
        n.to_string(),
        created(&s.metadata, o.now),
    ]
}
