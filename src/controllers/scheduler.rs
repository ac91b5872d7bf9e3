//! The default scheduler: filters (resources, node selector and required node affinity, taints
//! and tolerations, cordoned nodes, pod anti-affinity) and deterministic scoring (spread an
//! owner's replicas, prefer the least allocated node), then binding or `FailedScheduling`.

use crate::api::k8s_openapi::api::core::v1::{Node, NodeSpec, Pod, PodCondition, PodSpec, Taint, Toleration};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
use crate::api::meta::{self, controller_of};
use crate::api::quantity::Quantity;
use crate::api::selector::label_selector_matches;
use crate::api::{ObjKey, Result};
use crate::world::{NodeUsage, PodInfo, Source, World};
use std::collections::BTreeMap;

/// The key that asks the scheduler to retry every pending pod.
pub(super) fn pending_key() -> ObjKey {
    ObjKey::cluster("*pending*")
}

pub(super) fn reconcile(world: &mut World, key: &ObjKey) -> Result<()> {
    let pending: Vec<ObjKey> = if *key == pending_key() {
        world
            .pods()
            .unscheduled()
            .filter(|(_, p)| p.active())
            .map(|(k, _)| k.clone())
            .collect()
    } else {
        vec![key.clone()]
    };
    if pending.is_empty() {
        return Ok(());
    }
    let node_objs: Vec<Node> = world.list::<Node>(None).into_iter().cloned().collect();
    let nodes: Vec<NodeInfo<'_>> = node_objs.iter().map(NodeInfo::new).collect();
    // What each node's pods use, from the pod index, plus the pods bound in this pass.
    let mut usage: BTreeMap<String, NodeUsage> = nodes
        .iter()
        .filter_map(|n| world.pods().node_usage(n.name).map(|u| (n.name.to_string(), u.clone())))
        .collect();
    for k in pending {
        let Some(pod) = world.get::<Pod>(&k).cloned() else {
            continue;
        };
        if meta::node_name(&pod).is_some() || meta::is_deleting(&pod.metadata) || !meta::pod_is_active(&pod) {
            continue;
        }
        // The SchedulingGates plugin keeps a gated pod out of the queue until its gates are gone.
        if pod
            .spec
            .as_ref()
            .and_then(|s| s.scheduling_gates.as_ref())
            .is_some_and(|g| !g.is_empty())
        {
            continue;
        }
        match schedule_one(world, &pod, &nodes, &usage) {
            Ok(node) => {
                usage.entry(node.clone()).or_default().add(&PodInfo::of(&pod), 1);
                bind(world, pod, &node);
            }
            Err(msg) => unschedulable(world, pod, &msg),
        }
    }
    Ok(())
}

fn bind(world: &mut World, mut pod: Pod, node: &str) {
    let now = Time(world.now().to_timestamp());
    pod.spec.get_or_insert_with(Default::default).node_name = Some(node.to_string());
    let status = pod.status.get_or_insert_with(Default::default);
    status.phase.get_or_insert_with(|| "Pending".into());
    let conds = status.conditions.get_or_insert_with(Vec::new);
    conds.retain(|c| c.type_ != "PodScheduled");
    conds.push(PodCondition {
        type_: "PodScheduled".into(),
        status: "True".into(),
        last_transition_time: Some(now),
        ..Default::default()
    });
    let msg = format!(
        "Successfully assigned {}/{} to {node}",
        meta::namespace(&pod.metadata),
        meta::name(&pod.metadata)
    );
    let m = pod.metadata.clone();
    world.put(pod);
    world.record_event(
        crate::api::Kind::Pod,
        &m,
        false,
        "Scheduled",
        &msg,
        Source::controller("default-scheduler"),
    );
}

fn unschedulable(world: &mut World, mut pod: Pod, msg: &str) {
    let now = Time(world.now().to_timestamp());
    let status = pod.status.get_or_insert_with(Default::default);
    status.phase.get_or_insert_with(|| "Pending".into());
    let conds = status.conditions.get_or_insert_with(Vec::new);
    let same = conds
        .iter()
        .any(|c| c.type_ == "PodScheduled" && c.message.as_deref() == Some(msg));
    if !same {
        conds.retain(|c| c.type_ != "PodScheduled");
        conds.push(PodCondition {
            type_: "PodScheduled".into(),
            status: "False".into(),
            reason: Some("Unschedulable".into()),
            message: Some(msg.to_string()),
            last_transition_time: Some(now),
            ..Default::default()
        });
    }
    let m = pod.metadata.clone();
    world.put(pod);
    world.record_event(
        crate::api::Kind::Pod,
        &m,
        true,
        "FailedScheduling",
        msg,
        Source::controller("default-scheduler"),
    );
}

/// Why one node does not fit, and whether preemption could help.
struct Reject {
    reasons: Vec<String>,
    resolvable: bool,
}

/// A node with its allocatable resources parsed once per scheduling pass.
struct NodeInfo<'a> {
    node: &'a Node,
    name: &'a str,
    allocatable: BTreeMap<String, i64>,
}

impl<'a> NodeInfo<'a> {
    fn new(node: &'a Node) -> Self {
        let allocatable = node
            .status
            .as_ref()
            .and_then(|s| s.allocatable.as_ref().or(s.capacity.as_ref()))
            .map(|a| {
                a.iter()
                    .filter_map(|(k, q)| Quantity::parse(&q.0).ok().map(|q| (k.clone(), q.milli_value())))
                    .collect()
            })
            .unwrap_or_default();
        NodeInfo {
            node,
            name: meta::name(&node.metadata),
            allocatable,
        }
    }

    fn allocatable(&self, resource: &str) -> i64 {
        self.allocatable.get(resource).copied().unwrap_or(0)
    }
}

fn schedule_one(
    world: &World,
    pod: &Pod,
    nodes: &[NodeInfo<'_>],
    usage: &BTreeMap<String, NodeUsage>,
) -> Result<String, String> {
    let req = pod.spec.as_ref().map(meta::pod_requests).unwrap_or_default();
    let mut feasible = Vec::new();
    let mut rejects: BTreeMap<String, usize> = BTreeMap::new();
    let mut preempt: BTreeMap<String, usize> = BTreeMap::new();
    for n in nodes {
        match filter(world, pod, &req, n, usage.get(n.name)) {
            Ok(()) => feasible.push(n),
            Err(r) => {
                for reason in r.reasons {
                    *rejects.entry(reason).or_insert(0) += 1;
                }
                let p = if r.resolvable {
                    "No preemption victims found for incoming pod"
                } else {
                    "Preemption is not helpful for scheduling"
                };
                *preempt.entry(p.to_string()).or_insert(0) += 1;
            }
        }
    }
    if feasible.is_empty() {
        let total = nodes.len();
        if total == 0 {
            return Err("no nodes available to schedule pods".into());
        }
        let mut parts: Vec<String> = rejects.iter().map(|(r, c)| format!("{c} {r}")).collect();
        parts.sort();
        let mut pre: Vec<String> = preempt.iter().map(|(r, c)| format!("{c} {r}")).collect();
        pre.sort();
        return Err(format!(
            "0/{total} nodes are available: {}. preemption: 0/{total} nodes are available: {}.",
            parts.join(", "),
            pre.join(", ")
        ));
    }
    let owner = controller_of(&pod.metadata).map(|r| r.uid.clone());
    let siblings = |node: &str| -> i64 {
        let Some(owner) = &owner else { return 0 };
        usage
            .get(node)
            .and_then(|u| u.by_owner.get(owner))
            .copied()
            .unwrap_or(0)
    };
    let counts: Vec<i64> = feasible.iter().map(|n| siblings(n.name)).collect();
    let max = counts.iter().copied().max().unwrap_or(0);
    let mut best: Option<(i64, &str)> = None;
    for (n, count) in feasible.iter().zip(counts) {
        let spread = if max == 0 { 100 } else { 100 * (max - count) / max };
        let score = 2 * spread + least_allocated(n, usage.get(n.name), &req);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, n.name));
        }
    }
    Ok(best.map(|(_, n)| n.to_string()).unwrap_or_default())
}

/// NodeResourcesFit LeastAllocated over cpu and memory, 0..100.
fn least_allocated(n: &NodeInfo<'_>, u: Option<&NodeUsage>, req: &BTreeMap<String, i64>) -> i64 {
    let mut total = 0;
    for r in ["cpu", "memory"] {
        let cap = n.allocatable(r);
        if cap <= 0 {
            continue;
        }
        let used = u.and_then(|u| u.requested.get(r)).copied().unwrap_or(0) + req.get(r).copied().unwrap_or(0);
        total += ((cap - used).max(0) * 100) / cap;
    }
    total / 2
}

fn filter(
    world: &World,
    pod: &Pod,
    requests: &BTreeMap<String, i64>,
    info: &NodeInfo<'_>,
    u: Option<&NodeUsage>,
) -> Result<(), Reject> {
    let n = info.node;
    let empty_spec = PodSpec::default();
    let spec = pod.spec.as_ref().unwrap_or(&empty_spec);
    let tolerations: &[Toleration] = spec.tolerations.as_deref().unwrap_or(&[]);
    let empty_node_spec = NodeSpec::default();
    let node_spec = n.spec.as_ref().unwrap_or(&empty_node_spec);
    if node_spec.unschedulable == Some(true) {
        let tolerated = tolerations.iter().any(|t| {
            tolerates(
                t,
                &Taint {
                    key: "node.kubernetes.io/unschedulable".into(),
                    effect: "NoSchedule".into(),
                    ..Default::default()
                },
            )
        });
        if !tolerated {
            return Err(Reject {
                reasons: vec!["node(s) were unschedulable".into()],
                resolvable: false,
            });
        }
    }
    // Filter plugins in the default profile's order; the first that rejects a node names it:
    // NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit, InterPodAffinity.
    for t in node_spec.taints.iter().flatten() {
        if (t.effect == "NoSchedule" || t.effect == "NoExecute") && !tolerations.iter().any(|tol| tolerates(tol, t)) {
            let v = t.value.clone().unwrap_or_default();
            return Err(Reject {
                reasons: vec![format!("node(s) had untolerated taint {{{}: {v}}}", t.key)],
                resolvable: false,
            });
        }
    }
    let labels = meta::labels(&n.metadata);
    let selector_ok = spec
        .node_selector
        .iter()
        .flatten()
        .all(|(k, v)| labels.get(k) == Some(v));
    let affinity_ok = spec
        .affinity
        .as_ref()
        .and_then(|a| a.node_affinity.as_ref())
        .and_then(|na| na.required_during_scheduling_ignored_during_execution.as_ref())
        .is_none_or(|req| {
            req.node_selector_terms.iter().any(|term| {
                term.match_expressions
                    .iter()
                    .flatten()
                    .all(|e| node_requirement(labels, &e.key, &e.operator, e.values.as_deref()))
                    && term.match_fields.iter().flatten().all(|e| {
                        let mut fields = BTreeMap::new();
                        fields.insert("metadata.name".to_string(), meta::name(&n.metadata).to_string());
                        node_requirement(&fields, &e.key, &e.operator, e.values.as_deref())
                    })
            })
        });
    if !selector_ok || !affinity_ok {
        return Err(Reject {
            reasons: vec!["node(s) didn't match Pod's node affinity/selector".into()],
            resolvable: false,
        });
    }
    let mut reasons = Vec::new();
    let pods_cap = info.allocatable("pods") / 1000;
    if u.map_or(0, |u| u.pods) + 1 > pods_cap {
        reasons.push("Too many pods".to_string());
    }
    for (r, &v) in requests {
        if v == 0 {
            continue;
        }
        let used = u.and_then(|u| u.requested.get(r)).copied().unwrap_or(0);
        if used + v > info.allocatable(r) {
            reasons.push(format!("Insufficient {r}"));
        }
    }
    if !reasons.is_empty() {
        return Err(Reject {
            reasons,
            resolvable: true,
        });
    }
    if !anti_affinity_ok(world, pod, n) {
        return Err(Reject {
            reasons: vec!["node(s) didn't match pod anti-affinity rules".into()],
            resolvable: true,
        });
    }
    Ok(())
}

fn node_requirement(labels: &BTreeMap<String, String>, key: &str, op: &str, values: Option<&[String]>) -> bool {
    let values = values.unwrap_or(&[]);
    let v = labels.get(key);
    match op {
        "In" => v.is_some_and(|v| values.contains(v)),
        "NotIn" => v.is_none_or(|v| !values.contains(v)),
        "Exists" => v.is_some(),
        "DoesNotExist" => v.is_none(),
        "Gt" | "Lt" => {
            let (Some(v), Some(x)) = (
                v.and_then(|v| v.parse::<i64>().ok()),
                values.first().and_then(|x| x.parse::<i64>().ok()),
            ) else {
                return false;
            };
            if op == "Gt" { v > x } else { v < x }
        }
        _ => false,
    }
}

/// `v1.Toleration.ToleratesTaint`.
pub(super) fn tolerates(t: &Toleration, taint: &Taint) -> bool {
    if let Some(e) = t.effect.as_deref().filter(|e| !e.is_empty())
        && e != taint.effect
    {
        return false;
    }
    let key = t.key.as_deref().unwrap_or("");
    if !key.is_empty() && key != taint.key {
        return false;
    }
    match t.operator.as_deref().unwrap_or("Equal") {
        "Exists" => true,
        _ => t.value.as_deref().unwrap_or("") == taint.value.as_deref().unwrap_or(""),
    }
}

/// Required pod anti-affinity: no pod matching a term's selector may run in the same topology
/// domain (by the term's topologyKey) as this node.
fn anti_affinity_ok(world: &World, pod: &Pod, n: &Node) -> bool {
    let Some(terms) = pod
        .spec
        .as_ref()
        .and_then(|s| s.affinity.as_ref())
        .and_then(|a| a.pod_anti_affinity.as_ref())
        .and_then(|a| a.required_during_scheduling_ignored_during_execution.as_ref())
    else {
        return true;
    };
    let node_labels = meta::labels(&n.metadata);
    let nodes: BTreeMap<String, BTreeMap<String, String>> = world
        .list::<Node>(None)
        .into_iter()
        .map(|n| (meta::name(&n.metadata).to_string(), meta::labels(&n.metadata).clone()))
        .collect();
    for term in terms {
        let Some(domain) = node_labels.get(&term.topology_key) else {
            continue;
        };
        let Some(sel) = &term.label_selector else { continue };
        let namespaces = term
            .namespaces
            .clone()
            .unwrap_or_else(|| vec![meta::namespace(&pod.metadata).to_string()]);
        for ns in &namespaces {
            for (_, other) in world.pods().in_namespace(ns) {
                let Some(on) = &other.node else { continue };
                if !other.active() {
                    continue;
                }
                let same_domain = nodes.get(on).and_then(|l| l.get(&term.topology_key)) == Some(domain);
                if same_domain && label_selector_matches(sel, &other.labels) {
                    return false;
                }
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Kind, Object, decode_value};
    use crate::sim::SimTime;
    use crate::world::State;
    use serde_json::json;

    fn node(name: &str, cpu: &str, taint: bool) -> Node {
        let mut v = json!({
            "apiVersion": "v1", "kind": "Node",
            "metadata": {"name": name, "labels": {"kubernetes.io/hostname": name}},
            "spec": {},
            "status": {"allocatable": {"cpu": cpu, "memory": "16Gi", "pods": "110"}},
        });
        if taint {
            v["spec"]["taints"] = json!([{"key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"}]);
        }
        match decode_value(Kind::Node, v).expect("node decodes").0 {
            Object::Node(n) => *n,
            _ => unreachable!(),
        }
    }

    fn pod(cpu: &str) -> Pod {
        let v = json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "p", "namespace": "default"},
            "spec": {"containers": [{"name": "c", "image": "nginx", "resources": {"requests": {"cpu": cpu}}}]},
        });
        match decode_value(Kind::Pod, v).expect("pod decodes").0 {
            Object::Pod(p) => *p,
            _ => unreachable!(),
        }
    }

    #[test]
    fn least_allocated_scores_free_fraction() {
        // 4 CPU node, 1 CPU already requested, pod asks 1 CPU: cpu (4-2)/4 = 50; memory untouched
        // 100; the average is 75.
        let n = node("a", "4", false);
        let info = NodeInfo::new(&n);
        let used = NodeUsage {
            requested: BTreeMap::from([("cpu".to_string(), 1000)]),
            pods: 1,
            ..Default::default()
        };
        let req = BTreeMap::from([("cpu".to_string(), 1000)]);
        assert_eq!(least_allocated(&info, Some(&used), &req), 75);
    }

    #[test]
    fn failed_scheduling_message_counts_reasons() {
        let world = World::new(State::new(1, SimTime::from_secs(0)));
        let nodes = [node("cp", "4", true), node("w1", "4", false), node("w2", "2", false)];
        let infos: Vec<NodeInfo<'_>> = nodes.iter().map(NodeInfo::new).collect();
        let err = schedule_one(&world, &pod("5"), &infos, &BTreeMap::new()).expect_err("does not fit");
        assert_eq!(
            err,
            "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."
        );
        // A 3-CPU pod fits only the 4-CPU worker.
        assert_eq!(
            schedule_one(&world, &pod("3"), &infos, &BTreeMap::new()),
            Ok("w1".to_string())
        );
    }

    #[test]
    fn tolerations_match_taints() {
        let taint = Taint {
            key: "k".into(),
            value: Some("v".into()),
            effect: "NoSchedule".into(),
            time_added: None,
        };
        let t = |key: Option<&str>, op: &str, value: Option<&str>, effect: Option<&str>| Toleration {
            key: key.map(Into::into),
            operator: Some(op.into()),
            value: value.map(Into::into),
            effect: effect.map(Into::into),
            toleration_seconds: None,
        };
        assert!(tolerates(&t(Some("k"), "Equal", Some("v"), None), &taint));
        assert!(!tolerates(&t(Some("k"), "Equal", Some("w"), None), &taint));
        assert!(tolerates(&t(Some("k"), "Exists", None, Some("NoSchedule")), &taint));
        assert!(!tolerates(&t(Some("k"), "Exists", None, Some("NoExecute")), &taint));
        assert!(tolerates(&t(None, "Exists", None, None), &taint));
    }
}
