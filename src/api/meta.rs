//! Small shared readings of objects: owner references, labels, pod readiness and phase, requests.

use super::quantity::Quantity;
use kubesim_model::k8s_openapi::api::core::v1::{Container, Pod, PodCondition, PodSpec};
use kubesim_model::k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference};
use std::collections::BTreeMap;

/// The controller ownerReference (`controller: true`), if any.
pub fn controller_of(meta: &ObjectMeta) -> Option<&OwnerReference> {
    meta.owner_references
        .as_ref()?
        .iter()
        .find(|r| r.controller == Some(true))
}

pub fn labels(meta: &ObjectMeta) -> &BTreeMap<String, String> {
    static EMPTY: BTreeMap<String, String> = BTreeMap::new();
    meta.labels.as_ref().unwrap_or(&EMPTY)
}

pub fn annotation<'a>(meta: &'a ObjectMeta, key: &str) -> Option<&'a str> {
    meta.annotations.as_ref()?.get(key).map(String::as_str)
}

pub fn set_annotation(meta: &mut ObjectMeta, key: &str, value: impl Into<String>) {
    meta.annotations
        .get_or_insert_with(BTreeMap::new)
        .insert(key.to_string(), value.into());
}

pub fn remove_annotation(meta: &mut ObjectMeta, key: &str) {
    if let Some(a) = meta.annotations.as_mut() {
        a.remove(key);
        if a.is_empty() {
            meta.annotations = None;
        }
    }
}

pub fn name(meta: &ObjectMeta) -> &str {
    meta.name.as_deref().unwrap_or("")
}

pub fn namespace(meta: &ObjectMeta) -> &str {
    meta.namespace.as_deref().unwrap_or("")
}

pub fn uid(meta: &ObjectMeta) -> &str {
    meta.uid.as_deref().unwrap_or("")
}

pub fn is_deleting(meta: &ObjectMeta) -> bool {
    meta.deletion_timestamp.is_some()
}

pub fn pod_phase(pod: &Pod) -> &str {
    pod.status
        .as_ref()
        .and_then(|s| s.phase.as_deref())
        .unwrap_or("Pending")
}

/// Counted by controllers: not Succeeded/Failed and not being deleted.
pub fn pod_is_active(pod: &Pod) -> bool {
    let phase = pod_phase(pod);
    phase != "Succeeded" && phase != "Failed" && !is_deleting(&pod.metadata)
}

pub fn pod_condition<'a>(pod: &'a Pod, type_: &str) -> Option<&'a PodCondition> {
    pod.status
        .as_ref()?
        .conditions
        .as_ref()?
        .iter()
        .find(|c| c.type_ == type_)
}

pub fn pod_is_ready(pod: &Pod) -> bool {
    pod_condition(pod, "Ready").is_some_and(|c| c.status == "True")
}

/// When the pod became Ready, in seconds, if it is.
pub fn pod_ready_since(pod: &Pod) -> Option<i64> {
    let c = pod_condition(pod, "Ready")?;
    if c.status != "True" {
        return None;
    }
    c.last_transition_time.as_ref().map(|t| t.0.as_second())
}

/// Ready for at least `min_ready_seconds` at `now_secs` (podutil.IsPodAvailable).
pub fn pod_is_available(pod: &Pod, min_ready_seconds: i64, now_secs: i64) -> bool {
    match pod_ready_since(pod) {
        Some(t) => min_ready_seconds == 0 || t + min_ready_seconds <= now_secs,
        None => false,
    }
}

pub fn node_name(pod: &Pod) -> Option<&str> {
    pod.spec.as_ref()?.node_name.as_deref().filter(|n| !n.is_empty())
}

/// Effective requests of a pod spec as the scheduler counts them: the sum of the app containers'
/// requests, or the largest init container's if bigger, plus overhead. Values in milli-units.
pub fn pod_requests(spec: &PodSpec) -> BTreeMap<String, i64> {
    let app: Vec<BTreeMap<String, i64>> = spec.containers.iter().map(container_requests).collect();
    let init: Vec<BTreeMap<String, i64>> = spec.init_containers.iter().flatten().map(container_requests).collect();
    let overhead = spec.overhead.iter().flatten().map(|(k, q)| (k.as_str(), q.0.as_str()));
    combine_requests(app, init, overhead)
}

/// Sums app containers, takes the max with init containers, adds overhead (milli-units).
pub fn combine_requests<'a>(
    app: Vec<BTreeMap<String, i64>>,
    init: Vec<BTreeMap<String, i64>>,
    overhead: impl Iterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, i64> {
    let mut total = BTreeMap::new();
    for c in app {
        for (k, v) in c {
            *total.entry(k).or_insert(0) += v;
        }
    }
    for c in init {
        for (k, v) in c {
            let e = total.entry(k).or_insert(0);
            if v > *e {
                *e = v;
            }
        }
    }
    for (k, q) in overhead {
        if let Ok(q) = Quantity::parse(q) {
            *total.entry(k.to_string()).or_insert(0) += q.milli_value();
        }
    }
    total
}

/// A container's requests (falling back to its limits, as defaulting copies them), milli-units.
pub fn container_requests(c: &Container) -> BTreeMap<String, i64> {
    let r = c.resources.as_ref();
    let limits = r
        .and_then(|r| r.limits.as_ref())
        .into_iter()
        .flatten()
        .map(|(k, q)| (k.as_str(), q.0.as_str()));
    let requests = r
        .and_then(|r| r.requests.as_ref())
        .into_iter()
        .flatten()
        .map(|(k, q)| (k.as_str(), q.0.as_str()));
    requests_or_limits(limits, requests)
}

/// Requests with limits as the fallback, parsed to milli-units.
pub fn requests_or_limits<'a>(
    limits: impl Iterator<Item = (&'a str, &'a str)>,
    requests: impl Iterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for (k, q) in limits.chain(requests) {
        if let Ok(q) = Quantity::parse(q) {
            out.insert(k.to_string(), q.milli_value());
        }
    }
    out
}
