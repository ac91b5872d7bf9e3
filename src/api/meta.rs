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

/// Copies the fields the API server owns (uid, creationTimestamp, resourceVersion, generation)
/// from the stored object's metadata: what an update may not change.
pub fn keep_server_fields(m: &mut ObjectMeta, stored: &ObjectMeta) {
    m.uid.clone_from(&stored.uid);
    m.creation_timestamp.clone_from(&stored.creation_timestamp);
    m.resource_version.clone_from(&stored.resource_version);
    m.generation = stored.generation;
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

/// Effective requests of a pod spec as the scheduler counts them (resourcehelper.PodRequests):
/// app containers and sidecars summed, the largest init container (with the sidecars started
/// before it) if bigger, plus overhead. Values in milli-units.
pub fn pod_requests(spec: &PodSpec) -> BTreeMap<String, i64> {
    let app: Vec<BTreeMap<String, i64>> = spec.containers.iter().map(container_requests).collect();
    let init: Vec<(BTreeMap<String, i64>, bool)> = spec
        .init_containers
        .iter()
        .flatten()
        .map(|c| (container_requests(c), c.restart_policy.as_deref() == Some("Always")))
        .collect();
    let overhead = spec.overhead.iter().flatten().map(|(k, q)| (k.as_str(), q.0.as_str()));
    combine_requests(app, init, overhead)
}

/// `AggregateContainerRequests` plus overhead (milli-units): `init` pairs each init container's
/// requests with whether it is a sidecar (`restartPolicy: Always`).
pub fn combine_requests<'a>(
    app: Vec<BTreeMap<String, i64>>,
    init: Vec<(BTreeMap<String, i64>, bool)>,
    overhead: impl Iterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, i64> {
    fn add(to: &mut BTreeMap<String, i64>, from: &BTreeMap<String, i64>) {
        for (k, v) in from {
            *to.entry(k.clone()).or_insert(0) += v;
        }
    }
    fn max(to: &mut BTreeMap<String, i64>, from: &BTreeMap<String, i64>) {
        for (k, v) in from {
            let e = to.entry(k.clone()).or_insert(0);
            *e = (*e).max(*v);
        }
    }
    let mut total = BTreeMap::new();
    for c in &app {
        add(&mut total, c);
    }
    let (mut sidecars, mut init_max) = (BTreeMap::new(), BTreeMap::new());
    for (c, sidecar) in &init {
        if *sidecar {
            add(&mut total, c);
            add(&mut sidecars, c);
            max(&mut init_max, &sidecars);
        } else {
            let mut with_sidecars = c.clone();
            add(&mut with_sidecars, &sidecars);
            max(&mut init_max, &with_sidecars);
        }
    }
    max(&mut total, &init_max);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cpu(m: i64) -> BTreeMap<String, i64> {
        BTreeMap::from([("cpu".to_string(), m)])
    }

    /// KEP-753's arithmetic: sidecars add to the app containers and to every init container
    /// that starts after them; the largest init container wins if bigger.
    #[test]
    fn requests_with_sidecars() {
        let none = std::iter::empty();
        // App 100m; sidecar 50m, then an init container of 200m: max(100+50, 200+50) = 250m.
        let r = combine_requests(vec![cpu(100)], vec![(cpu(50), true), (cpu(200), false)], none);
        assert_eq!(r, cpu(250));
        // The init container before the sidecar: max(100+50, 200) = 200m.
        let r = combine_requests(
            vec![cpu(100)],
            vec![(cpu(200), false), (cpu(50), true)],
            std::iter::empty(),
        );
        assert_eq!(r, cpu(200));
        // Regular init containers only: the larger of the app sum and the largest init container.
        let r = combine_requests(
            vec![cpu(100), cpu(300)],
            vec![(cpu(250), false)],
            [("cpu", "10m")].into_iter(),
        );
        assert_eq!(r, cpu(410));
    }
}
