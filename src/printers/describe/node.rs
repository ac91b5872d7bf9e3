//! `kubectl describe node` (describeNode with describeNodeResource).

use super::{DescribeCtx, Writer, annotations_multiline, events, labels_multiline, rfc1123z, rfc1123z_or_zero, since};
use crate::api::k8s_openapi::api::core::v1::{Node, Pod};
use crate::api::meta;
use crate::api::quantity::{Format, Quantity};
use crate::printers::columns::{node_roles, quantity_string};
use std::collections::BTreeMap;

pub(super) fn describe(n: &Node, ctx: &DescribeCtx) -> String {
    let mut w = Writer::default();
    let spec = n.spec.clone().unwrap_or_default();
    let st = n.status.clone().unwrap_or_default();
    let name = meta::name(&n.metadata);
    w.write(0, &format!("Name:\t{name}\n"));
    w.write(0, &format!("Roles:\t{}\n", node_roles(n)));
    labels_multiline(&mut w, "Labels", n.metadata.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", n.metadata.annotations.as_ref());
    w.write(
        0,
        &format!(
            "CreationTimestamp:\t{}\n",
            rfc1123z_or_zero(n.metadata.creation_timestamp.as_ref())
        ),
    );
    w.write(0, "Taints:\t");
    let mut taints = spec.taints.clone().unwrap_or_default();
    if taints.is_empty() {
        w.write(0, "<none>\n");
    }
    taints.sort_by(|a, b| (a.effect.as_str(), a.key.as_str()).cmp(&(b.effect.as_str(), b.key.as_str())));
    for (i, t) in taints.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let v = t
            .value
            .as_deref()
            .filter(|v| !v.is_empty())
            .map_or(String::new(), |v| format!("={v}"));
        w.write(0, &format!("{}{v}:{}\n", t.key, t.effect));
    }
    w.write(0, &format!("Unschedulable:\t{}\n", spec.unschedulable.unwrap_or(false)));
    // kubesim keeps no Lease objects: the kubelet's lease is its Ready heartbeat.
    let conds = st.conditions.clone().unwrap_or_default();
    let heartbeat = conds
        .iter()
        .find(|c| c.type_ == "Ready")
        .and_then(|c| c.last_heartbeat_time.as_ref())
        .map(rfc1123z);
    w.write(0, "Lease:\n");
    w.write(1, &format!("HolderIdentity:\t{name}\n"));
    w.write(1, "AcquireTime:\t<unset>\n");
    w.write(
        1,
        &format!("RenewTime:\t{}\n", heartbeat.unwrap_or_else(|| "<unset>".into())),
    );
    if !conds.is_empty() {
        w.write(
            0,
            "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n",
        );
        w.write(
            1,
            "----\t------\t-----------------\t------------------\t------\t-------\n",
        );
        for c in &conds {
            w.write(
                1,
                &format!(
                    "{} \t{} \t{} \t{} \t{} \t{}\n",
                    c.type_,
                    c.status,
                    rfc1123z_or_zero(c.last_heartbeat_time.as_ref()),
                    rfc1123z_or_zero(c.last_transition_time.as_ref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    w.write(0, "Addresses:\n");
    for a in st.addresses.iter().flatten() {
        w.write(1, &format!("{}:\t{}\n", a.type_, a.address));
    }
    for (title, list) in [("Capacity", &st.capacity), ("Allocatable", &st.allocatable)] {
        if let Some(list) = list.as_ref().filter(|l| !l.is_empty()) {
            w.write(0, &format!("{title}:\n"));
            for (k, q) in list {
                w.write(0, &format!("  {k}:\t{}\n", quantity_string(q)));
            }
        }
    }
    let info = st.node_info.clone().unwrap_or_default();
    w.write(0, "System Info:\n");
    for (k, v) in [
        ("Machine ID", &info.machine_id),
        ("System UUID", &info.system_uuid),
        ("Boot ID", &info.boot_id),
        ("Kernel Version", &info.kernel_version),
        ("OS Image", &info.os_image),
        ("Operating System", &info.operating_system),
        ("Architecture", &info.architecture),
        ("Container Runtime Version", &info.container_runtime_version),
        ("Kubelet Version", &info.kubelet_version),
    ] {
        w.write(0, &format!("  {k}:\t{v}\n"));
    }
    if let Some(c) = spec.pod_cidr.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("PodCIDR:\t{c}\n"));
    }
    if let Some(c) = spec.pod_cidrs.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("PodCIDRs:\t{}\n", c.join(",")));
    }
    if let Some(p) = spec.provider_id.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("ProviderID:\t{p}\n"));
    }
    let pods: Vec<&Pod> = ctx
        .pods
        .iter()
        .copied()
        .filter(|p| {
            !matches!(
                p.status.as_ref().and_then(|s| s.phase.as_deref()),
                Some("Succeeded" | "Failed")
            )
        })
        .collect();
    let allocatable = st
        .allocatable
        .clone()
        .filter(|a| !a.is_empty())
        .or(st.capacity.clone())
        .unwrap_or_default();
    let alloc = |r: &str| allocatable.get(r).and_then(|q| Quantity::parse(&q.0).ok());
    let (cpu_alloc, mem_alloc) = (
        alloc("cpu").map_or(0, |q| q.milli_value()),
        alloc("memory").map_or(0, |q| q.value()),
    );
    let pct = |v: i64, of: i64| {
        if of == 0 {
            0
        } else {
            (v as f64 / of as f64 * 100.0) as i64
        }
    };
    w.write(0, &format!("Non-terminated Pods:\t({} in total)\n", pods.len()));
    w.write(
        1,
        "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n",
    );
    w.write(
        1,
        "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n",
    );
    let mut total_req: BTreeMap<String, Quantity> = BTreeMap::new();
    let mut total_lim: BTreeMap<String, Quantity> = BTreeMap::new();
    for p in &pods {
        let (req, lim) = pod_requests_limits(p);
        let get = |m: &BTreeMap<String, Quantity>, r: &str| {
            m.get(r)
                .cloned()
                .unwrap_or_else(|| Quantity::from_value(0, Format::DecimalSI))
        };
        let (cr, cl, mr, ml) = (
            get(&req, "cpu"),
            get(&lim, "cpu"),
            get(&req, "memory"),
            get(&lim, "memory"),
        );
        w.write(
            1,
            &format!(
                "{}\t{}\t\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{} ({}%)\t{}\n",
                meta::namespace(&p.metadata),
                meta::name(&p.metadata),
                cr,
                pct(cr.milli_value(), cpu_alloc),
                cl,
                pct(cl.milli_value(), cpu_alloc),
                mr,
                pct(mr.value(), mem_alloc),
                ml,
                pct(ml.value(), mem_alloc),
                since(p.metadata.creation_timestamp.as_ref(), ctx.now)
            ),
        );
        for (total, m) in [(&mut total_req, req), (&mut total_lim, lim)] {
            for (k, q) in m {
                match total.get_mut(&k) {
                    Some(t) => t.add(&q),
                    None => {
                        total.insert(k, q);
                    }
                }
            }
        }
    }
    w.write(
        0,
        "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n",
    );
    w.write(1, "Resource\tRequests\tLimits\n");
    w.write(1, "--------\t--------\t------\n");
    let eph_alloc = alloc("ephemeral-storage").map_or(0, |q| q.value());
    for (r, of, milli) in [
        ("cpu", cpu_alloc, true),
        ("memory", mem_alloc, false),
        ("ephemeral-storage", eph_alloc, false),
    ] {
        let zero = Quantity::from_value(0, Format::DecimalSI);
        let rq = total_req.get(r).unwrap_or(&zero);
        let lq = total_lim.get(r).unwrap_or(&zero);
        let v = |q: &Quantity| if milli { q.milli_value() } else { q.value() };
        w.write(
            1,
            &format!("{r}\t{rq} ({}%)\t{lq} ({}%)\n", pct(v(rq), of), pct(v(lq), of)),
        );
    }
    for k in allocatable.keys() {
        if k.starts_with("hugepages-") {
            let zero = Quantity::from_value(0, Format::DecimalSI);
            let of = alloc(k).map_or(0, |q| q.value());
            let rq = total_req.get(k).unwrap_or(&zero);
            let lq = total_lim.get(k).unwrap_or(&zero);
            w.write(
                1,
                &format!(
                    "{k}\t{rq} ({}%)\t{lq} ({}%)\n",
                    pct(rq.value(), of),
                    pct(lq.value(), of)
                ),
            );
        }
    }
    for k in allocatable.keys() {
        if !k.starts_with("hugepages-")
            && !["cpu", "memory", "ephemeral-storage", "storage", "pods"].contains(&k.as_str())
        {
            let zero = Quantity::from_value(0, Format::DecimalSI);
            w.write(
                1,
                &format!(
                    "{k}\t{}\t{}\n",
                    total_req.get(k).unwrap_or(&zero),
                    total_lim.get(k).unwrap_or(&zero)
                ),
            );
        }
    }
    events(&mut w, &ctx.events, ctx.now);
    w.finish()
}

/// resourcehelper.PodRequests / PodLimits: containers summed, the largest init container if bigger,
/// plus overhead.
fn pod_requests_limits(p: &Pod) -> (BTreeMap<String, Quantity>, BTreeMap<String, Quantity>) {
    let spec = p.spec.clone().unwrap_or_default();
    let mut out = (BTreeMap::new(), BTreeMap::new());
    for (which, acc) in [(true, &mut out.0), (false, &mut out.1)] {
        let list = |c: &crate::api::k8s_openapi::api::core::v1::Container| -> BTreeMap<String, Quantity> {
            let r = c.resources.clone().unwrap_or_default();
            let mut m = BTreeMap::new();
            let srcs = if which {
                vec![r.limits.clone(), r.requests.clone()]
            } else {
                vec![r.limits.clone()]
            };
            for src in srcs.into_iter().flatten() {
                for (k, q) in src {
                    if let Ok(q) = Quantity::parse(&q.0) {
                        m.insert(k, q);
                    }
                }
            }
            m
        };
        let add = |acc: &mut BTreeMap<String, Quantity>, k: String, q: Quantity| match acc.get_mut(&k) {
            Some(t) => t.add(&q),
            None => {
                acc.insert(k, q);
            }
        };
        for c in &spec.containers {
            for (k, q) in list(c) {
                add(acc, k, q);
            }
        }
        for c in spec.init_containers.iter().flatten() {
            for (k, q) in list(c) {
                if acc.get(&k).is_none_or(|cur| q.nanos() > cur.nanos()) {
                    acc.insert(k, q);
                }
            }
        }
        for (k, q) in spec.overhead.clone().unwrap_or_default() {
            if let Ok(q) = Quantity::parse(&q.0)
                && acc.contains_key(&k)
            {
                add(acc, k, q);
            }
        }
    }
    out
}
