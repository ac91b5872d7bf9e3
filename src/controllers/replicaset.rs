//! ReplicaSet and ReplicationController controllers (`pkg/controller/replicaset`): adopt and
//! release pods by selector, create or delete pods toward spec.replicas (deleting the
//! lowest-ranked first), and report status.

use super::common::{Propagation, controller_ref, delete_object, is_controlled_by, pod_from_template};
use crate::api::k8s_openapi::api::apps::v1::{ReplicaSet, ReplicaSetCondition, ReplicaSetStatus};
use crate::api::k8s_openapi::api::core::v1::{
    Pod, PodTemplateSpec, ReplicationController, ReplicationControllerStatus,
};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use crate::api::meta::{self, controller_of};
use crate::api::selector::label_selector_matches;
use crate::api::{Kind, ObjKey, Result, Typed};
use crate::sim::SimTime;
use crate::world::{Source, World};
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// At most this many pods are created or deleted per sync (`burstReplicas`).
const BURST_REPLICAS: usize = 500;

/// Whether a pod's labels match the controller's selector.
type LabelMatcher = Box<dyn Fn(&BTreeMap<String, String>) -> bool>;

/// What the controller needs of an RS or RC.
struct Spec {
    kind: Kind,
    meta: ObjectMeta,
    replicas: i32,
    min_ready_seconds: i64,
    template: Option<PodTemplateSpec>,
    matches: LabelMatcher,
}

/// Counts the controller computes (calculateStatus).
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    replicas: i32,
    fully_labeled: i32,
    ready: i32,
    available: i32,
}

pub(super) fn reconcile_rs(world: &mut World, key: &ObjKey) -> Result<()> {
    let Some(rs) = world.get::<ReplicaSet>(key).cloned() else {
        return Ok(());
    };
    let Some(spec) = rs.spec.clone() else { return Ok(()) };
    let selector = spec.selector.clone();
    let s = Spec {
        kind: Kind::ReplicaSet,
        meta: rs.metadata.clone(),
        replicas: spec.replicas.unwrap_or(1),
        min_ready_seconds: i64::from(spec.min_ready_seconds.unwrap_or(0)),
        template: spec.template.clone(),
        matches: Box::new(move |l| label_selector_matches(&selector, l)),
    };
    let (counts, failure) = sync(world, &s)?;
    let Some(mut rs) = world.get::<ReplicaSet>(key).cloned() else {
        return Ok(());
    };
    let old = rs.status.clone().unwrap_or_default();
    let mut conditions = old.conditions.clone().unwrap_or_default();
    set_failure(&mut conditions, failure, world.now());
    rs.status = Some(ReplicaSetStatus {
        replicas: counts.replicas,
        fully_labeled_replicas: Some(counts.fully_labeled),
        ready_replicas: Some(counts.ready),
        available_replicas: Some(counts.available),
        observed_generation: rs.metadata.generation,
        conditions: if conditions.is_empty() { None } else { Some(conditions) },
    });
    world.put(rs);
    Ok(())
}

pub(super) fn reconcile_rc(world: &mut World, key: &ObjKey) -> Result<()> {
    let Some(rc) = world.get::<ReplicationController>(key).cloned() else {
        return Ok(());
    };
    let Some(spec) = rc.spec.clone() else { return Ok(()) };
    let selector = spec.selector.clone().unwrap_or_default();
    let s = Spec {
        kind: Kind::ReplicationController,
        meta: rc.metadata.clone(),
        replicas: spec.replicas.unwrap_or(1),
        min_ready_seconds: i64::from(spec.min_ready_seconds.unwrap_or(0)),
        template: spec.template.clone(),
        matches: Box::new(move |l| !selector.is_empty() && selector.iter().all(|(k, v)| l.get(k) == Some(v))),
    };
    let (counts, _failure) = sync(world, &s)?;
    let Some(mut rc) = world.get::<ReplicationController>(key).cloned() else {
        return Ok(());
    };
    let conditions = rc.status.as_ref().and_then(|s| s.conditions.clone());
    rc.status = Some(ReplicationControllerStatus {
        replicas: counts.replicas,
        fully_labeled_replicas: Some(counts.fully_labeled),
        ready_replicas: Some(counts.ready),
        available_replicas: Some(counts.available),
        observed_generation: rc.metadata.generation,
        conditions,
    });
    world.put(rc);
    Ok(())
}

fn set_failure(conditions: &mut Vec<ReplicaSetCondition>, failure: Option<(String, String)>, now: SimTime) {
    match failure {
        Some((reason, message)) => {
            if !conditions
                .iter()
                .any(|c| c.type_ == "ReplicaFailure" && c.reason.as_deref() == Some(reason.as_str()))
            {
                conditions.retain(|c| c.type_ != "ReplicaFailure");
                conditions.push(ReplicaSetCondition {
                    type_: "ReplicaFailure".into(),
                    status: "True".into(),
                    reason: Some(reason),
                    message: Some(message),
                    last_transition_time: Some(crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time(
                        now.to_timestamp(),
                    )),
                });
            }
        }
        None => conditions.retain(|c| c.type_ != "ReplicaFailure"),
    }
}

fn source(kind: Kind) -> Source<'static> {
    Source::controller(if kind == Kind::ReplicaSet {
        "replicaset-controller"
    } else {
        "replication-controller"
    })
}

/// Claims pods, creates or deletes toward the desired count, and returns the status counts.
fn sync(world: &mut World, s: &Spec) -> Result<(Counts, Option<(String, String)>)> {
    let ns = meta::namespace(&s.meta).to_string();
    let uid = meta::uid(&s.meta).to_string();
    let deleting = meta::is_deleting(&s.meta);
    // Claim pods (ClaimPods): classify by reference, then write only what changes.
    let mut owned: Vec<ObjKey> = Vec::new();
    let mut release: Vec<ObjKey> = Vec::new();
    let mut adopt: Vec<ObjKey> = Vec::new();
    let ix = world.pods();
    for (k, info) in ix.owned_by(&uid) {
        if info.controller.as_deref() != Some(uid.as_str()) {
            continue;
        }
        if (s.matches)(&info.labels) || deleting {
            owned.push(k.clone());
        } else {
            release.push(k.clone());
        }
    }
    if !deleting {
        for (k, info) in ix.in_namespace(&ns) {
            if info.controller.is_none() && !info.deleting && (s.matches)(&info.labels) {
                adopt.push(k.clone());
            }
        }
    }
    for k in release {
        // The pod no longer matches: release it; a replacement will be created.
        let Some(mut p) = world.get::<Pod>(&k).cloned() else {
            continue;
        };
        if let Some(refs) = p.metadata.owner_references.as_mut() {
            refs.retain(|r| r.uid != uid);
        }
        if p.metadata.owner_references.as_ref().is_some_and(|r| r.is_empty()) {
            p.metadata.owner_references = None;
        }
        world.put(p);
    }
    for k in adopt {
        let Some(mut p) = world.get::<Pod>(&k).cloned() else {
            continue;
        };
        p.metadata
            .owner_references
            .get_or_insert_with(Vec::new)
            .push(controller_ref(s.kind, &s.meta));
        world.put(p);
        owned.push(k);
    }
    let active: Vec<ObjKey> = owned
        .into_iter()
        .filter(|k| world.pods().get(k).is_some_and(|i| i.active()))
        .collect();
    let diff = active.len() as i64 - i64::from(s.replicas);
    let mut failure = None;
    if !deleting {
        if diff < 0 {
            if let Some(t) = &s.template {
                let n = (-diff as usize).min(BURST_REPLICAS);
                let prefix = format!("{}-", meta::name(&s.meta));
                for _ in 0..n {
                    let pod = pod_from_template(t, &ns, &prefix, controller_ref(s.kind, &s.meta));
                    match world.admit_create(pod.into_object()) {
                        Ok(k) => {
                            let msg = format!("Created pod: {}", k.name);
                            world.record_event(s.kind, &s.meta, false, "SuccessfulCreate", &msg, source(s.kind));
                        }
                        Err(e) => {
                            let msg = format!("Error creating: {}", e.render().trim_start_matches("error: "));
                            world.record_event(s.kind, &s.meta, true, "FailedCreate", &msg, source(s.kind));
                            failure = Some(("FailedCreate".to_string(), msg));
                            break;
                        }
                    }
                }
                if -diff as usize > BURST_REPLICAS {
                    world.wake_after("replicaset", &ObjKey::of(&s.meta), crate::sim::SimDuration::ZERO);
                }
            }
        } else if diff > 0 {
            let ranks = related_ranks(world, s);
            let now = world.now().secs();
            let mut victims: Vec<&Pod> = active.iter().filter_map(|k| world.get::<Pod>(k)).collect();
            victims.sort_by(|a, b| deletion_order(a, b, &ranks, now));
            let victims: Vec<ObjKey> = victims
                .into_iter()
                .take((diff as usize).min(BURST_REPLICAS))
                .map(|p| ObjKey::of(&p.metadata))
                .collect();
            for key in victims {
                delete_object(world, Kind::Pod, &key, Propagation::Background, None)?;
                let msg = format!("Deleted pod: {}", key.name);
                world.record_event(s.kind, &s.meta, false, "SuccessfulDelete", &msg, source(s.kind));
            }
        }
    }
    // Status counts from the pods as they are now (calculateStatus), read from the pod index.
    let now = world.now().secs();
    let mut counts = Counts::default();
    let mut next_available: Option<i64> = None;
    let want = s
        .template
        .as_ref()
        .and_then(|t| t.metadata.as_ref())
        .and_then(|m| m.labels.as_ref());
    for (_, p) in world.pods().owned_by(&uid) {
        if p.controller.as_deref() != Some(uid.as_str()) || !p.active() {
            continue;
        }
        counts.replicas += 1;
        if want.is_none_or(|w| w.iter().all(|(k, v)| p.labels.get(k) == Some(v))) {
            counts.fully_labeled += 1;
        }
        if let Some(t) = p.ready_since {
            counts.ready += 1;
            if s.min_ready_seconds == 0 || t + s.min_ready_seconds <= now {
                counts.available += 1;
            } else {
                let at = t + s.min_ready_seconds;
                next_available = Some(next_available.map_or(at, |n: i64| n.min(at)));
            }
        }
    }
    if let Some(at) = next_available {
        let ctl = if s.kind == Kind::ReplicaSet {
            "replicaset"
        } else {
            "replicationcontroller"
        };
        world.wake_at(ctl, &ObjKey::of(&s.meta), SimTime::from_secs(at));
    }
    Ok((counts, failure))
}

/// Active pods of every ReplicaSet controlled by the same owner (getIndirectlyRelatedPods), used
/// to prefer deleting pods on nodes crowded with siblings.
fn related_ranks(world: &World, s: &Spec) -> BTreeMap<String, i64> {
    let ns = meta::namespace(&s.meta);
    let owner = controller_of(&s.meta).map(|r| r.uid.clone());
    let mut uids = vec![meta::uid(&s.meta).to_string()];
    if let (Some(owner), Kind::ReplicaSet) = (&owner, s.kind) {
        for rs in world.list::<ReplicaSet>(Some(ns)) {
            if is_controlled_by(&rs.metadata, owner) {
                uids.push(meta::uid(&rs.metadata).to_string());
            }
        }
    }
    let mut ranks = BTreeMap::new();
    for uid in &uids {
        for (_, p) in world.pods().owned_by(uid) {
            if p.active()
                && p.controller.as_deref() == Some(uid.as_str())
                && let Some(n) = &p.node
            {
                *ranks.entry(n.clone()).or_insert(0) += 1;
            }
        }
    }
    ranks
}

fn phase_rank(p: &Pod) -> i32 {
    match meta::pod_phase(p) {
        "Pending" => 0,
        "Unknown" => 1,
        "Running" => 2,
        _ => 3,
    }
}

fn deletion_cost(p: &Pod) -> i64 {
    meta::annotation(&p.metadata, "controller.kubernetes.io/pod-deletion-cost")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn max_restarts(p: &Pod) -> i32 {
    p.status
        .as_ref()
        .and_then(|s| s.container_statuses.as_ref())
        .and_then(|cs| cs.iter().map(|c| c.restart_count).max())
        .unwrap_or(0)
}

/// Buckets a duration on a log2 scale, as upstream compares ready and creation times so that
/// pods of similar age tie (then break by UID).
fn log2_bucket(age: i64) -> i64 {
    if age <= 0 {
        0
    } else {
        64 - i64::from(age.leading_zeros())
    }
}

/// ActivePodsWithRanks.Less: the pod that sorts first is deleted first.
fn deletion_order(a: &Pod, b: &Pod, ranks: &BTreeMap<String, i64>, now: i64) -> Ordering {
    let assigned = |p: &Pod| meta::node_name(p).is_some();
    let rank = |p: &Pod| meta::node_name(p).and_then(|n| ranks.get(n)).copied().unwrap_or(0);
    let created = |p: &Pod| p.metadata.creation_timestamp.as_ref().map_or(0, |t| t.0.as_second());
    assigned(a)
        .cmp(&assigned(b))
        .then(phase_rank(a).cmp(&phase_rank(b)))
        .then(meta::pod_is_ready(a).cmp(&meta::pod_is_ready(b)))
        .then(deletion_cost(a).cmp(&deletion_cost(b)))
        .then(rank(b).cmp(&rank(a)))
        .then_with(|| match (meta::pod_ready_since(a), meta::pod_ready_since(b)) {
            (Some(ta), Some(tb)) => log2_bucket(now - ta).cmp(&log2_bucket(now - tb)),
            _ => Ordering::Equal,
        })
        .then(max_restarts(b).cmp(&max_restarts(a)))
        .then(log2_bucket(now - created(a)).cmp(&log2_bucket(now - created(b))))
        .then_with(|| a.metadata.uid.cmp(&b.metadata.uid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::k8s_openapi::api::core::v1::{PodCondition, PodSpec, PodStatus};
    use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;

    fn pod(name: &str, node: Option<&str>, phase: &str, ready_at: Option<i64>, created: i64) -> Pod {
        Pod {
            metadata: ObjectMeta {
                name: Some(name.into()),
                uid: Some(name.into()),
                creation_timestamp: Some(Time(jiff::Timestamp::from_second(created).unwrap())),
                ..Default::default()
            },
            spec: Some(PodSpec {
                node_name: node.map(Into::into),
                ..Default::default()
            }),
            status: Some(PodStatus {
                phase: Some(phase.into()),
                conditions: ready_at.map(|t| {
                    vec![PodCondition {
                        type_: "Ready".into(),
                        status: "True".into(),
                        last_transition_time: Some(Time(jiff::Timestamp::from_second(t).unwrap())),
                        ..Default::default()
                    }]
                }),
                ..Default::default()
            }),
        }
    }

    fn order(pods: &[Pod], ranks: &BTreeMap<String, i64>, now: i64) -> Vec<String> {
        let mut v: Vec<&Pod> = pods.iter().collect();
        v.sort_by(|a, b| deletion_order(a, b, ranks, now));
        v.iter().map(|p| p.metadata.name.clone().unwrap()).collect()
    }

    #[test]
    fn unscheduled_pending_and_unready_go_first() {
        let pods = vec![
            pod("ready", Some("n1"), "Running", Some(100), 0),
            pod("unscheduled", None, "Pending", None, 0),
            pod("pending", Some("n1"), "Pending", None, 0),
            pod("notready", Some("n1"), "Running", None, 0),
        ];
        assert_eq!(
            order(&pods, &BTreeMap::new(), 1000),
            vec!["unscheduled", "pending", "notready", "ready"]
        );
    }

    #[test]
    fn crowded_nodes_and_recently_ready_go_first() {
        let ranks = BTreeMap::from([("n1".to_string(), 3), ("n2".to_string(), 1)]);
        let pods = vec![
            pod("b", Some("n2"), "Running", Some(0), 0),
            pod("a", Some("n1"), "Running", Some(0), 0),
        ];
        assert_eq!(order(&pods, &ranks, 1000), vec!["a", "b"]);
        // Same node: ready for 1s (bucket 1) goes before ready for 1000s (bucket 10).
        let pods = vec![
            pod("old", Some("n1"), "Running", Some(0), 0),
            pod("new", Some("n1"), "Running", Some(999), 0),
        ];
        assert_eq!(order(&pods, &BTreeMap::new(), 1000), vec!["new", "old"]);
        assert_eq!(log2_bucket(1), 1);
        assert_eq!(log2_bucket(1000), 10);
    }
}
