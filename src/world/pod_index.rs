//! An index of pods by owner, node and scheduling state, built on first use from the store's raw
//! JSON with a partial decode (no full Pod is decoded) and kept current by every write, so that a
//! controller touching one owner's pods decodes only those.

use crate::api::k8s_openapi::api::core::v1::Pod;
use crate::api::meta;
use crate::api::{ObjKey, Object};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// What controllers need to know about a pod without decoding it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PodInfo {
    /// UIDs of every ownerReference.
    pub owners: Vec<String>,
    /// UID of the controller ownerReference.
    pub controller: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub node: Option<String>,
    pub phase: String,
    pub deleting: bool,
    /// Since when the pod is Ready (seconds), if it is.
    pub ready_since: Option<i64>,
    /// Effective requests in milli-units.
    pub requests: BTreeMap<String, i64>,
}

impl PodInfo {
    /// Counted by controllers: not Succeeded/Failed and not being deleted.
    pub fn active(&self) -> bool {
        !self.terminal() && !self.deleting
    }

    pub fn terminal(&self) -> bool {
        self.phase == "Succeeded" || self.phase == "Failed"
    }

    pub fn of(p: &Pod) -> Self {
        let m = &p.metadata;
        PodInfo {
            owners: m.owner_references.iter().flatten().map(|r| r.uid.clone()).collect(),
            controller: meta::controller_of(m).map(|r| r.uid.clone()),
            labels: meta::labels(m).clone(),
            node: meta::node_name(p).map(str::to_string),
            phase: meta::pod_phase(p).to_string(),
            deleting: m.deletion_timestamp.is_some(),
            ready_since: meta::pod_ready_since(p),
            requests: p.spec.as_ref().map(meta::pod_requests).unwrap_or_default(),
        }
    }

    /// From the stored JSON, reading only the fields above.
    pub fn from_json(raw: &str) -> Result<Self, serde_json::Error> {
        let l: Lite = serde_json::from_str(raw)?;
        let ready_since = l
            .status
            .conditions
            .iter()
            .find(|c| c.type_ == "Ready" && c.status == "True")
            .and_then(|c| c.last_transition_time.as_deref())
            .and_then(|t| t.parse::<jiff::Timestamp>().ok())
            .map(|t| t.as_second());
        let reqs = |c: &ContainerLite| {
            let r = c.resources.as_ref();
            let limits = r.and_then(|r| r.limits.as_ref()).into_iter().flatten();
            let requests = r.and_then(|r| r.requests.as_ref()).into_iter().flatten();
            meta::requests_or_limits(
                limits.map(|(k, v)| (k.as_str(), v.as_str())),
                requests.map(|(k, v)| (k.as_str(), v.as_str())),
            )
        };
        let requests = meta::combine_requests(
            l.spec.containers.iter().map(reqs).collect(),
            l.spec
                .init_containers
                .iter()
                .map(|c| (reqs(c), c.restart_policy.as_deref() == Some("Always")))
                .collect(),
            l.spec.overhead.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        );
        Ok(PodInfo {
            owners: l.metadata.owner_references.iter().map(|r| r.uid.clone()).collect(),
            controller: l
                .metadata
                .owner_references
                .iter()
                .find(|r| r.controller == Some(true))
                .map(|r| r.uid.clone()),
            labels: l.metadata.labels,
            node: l.spec.node_name.filter(|n| !n.is_empty()),
            phase: l.status.phase.unwrap_or_else(|| "Pending".into()),
            deleting: l.metadata.deletion_timestamp.is_some(),
            ready_since,
            requests,
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Lite {
    metadata: MetaLite,
    spec: SpecLite,
    status: StatusLite,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct MetaLite {
    labels: BTreeMap<String, String>,
    owner_references: Vec<OwnerLite>,
    deletion_timestamp: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OwnerLite {
    uid: String,
    controller: Option<bool>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SpecLite {
    node_name: Option<String>,
    containers: Vec<ContainerLite>,
    init_containers: Vec<ContainerLite>,
    overhead: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ContainerLite {
    resources: Option<ResourcesLite>,
    restart_policy: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResourcesLite {
    requests: Option<BTreeMap<String, String>>,
    limits: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusLite {
    phase: Option<String>,
    conditions: Vec<ConditionLite>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ConditionLite {
    #[serde(rename = "type")]
    type_: String,
    status: String,
    last_transition_time: Option<String>,
}

/// What the pods bound to one node use: summed requests (milli-units), how many, and how many
/// per controller owner (for spreading an owner's replicas). Terminal pods are not counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeUsage {
    pub requested: BTreeMap<String, i64>,
    pub pods: i64,
    pub by_owner: BTreeMap<String, i64>,
}

impl NodeUsage {
    /// Adds (`sign` 1) or removes (`sign` -1) a pod.
    pub fn add(&mut self, p: &PodInfo, sign: i64) {
        self.pods += sign;
        for (k, v) in &p.requests {
            *self.requested.entry(k.clone()).or_insert(0) += sign * v;
        }
        if let Some(uid) = &p.controller {
            let n = self.by_owner.entry(uid.clone()).or_insert(0);
            *n += sign;
            if *n == 0 {
                self.by_owner.remove(uid);
            }
        }
    }
}

/// Pods by key, by owner UID, those not yet bound to a node, and what each node's pods use.
#[derive(Default, Debug)]
pub struct PodIndex {
    pods: BTreeMap<ObjKey, PodInfo>,
    by_owner: BTreeMap<String, BTreeSet<ObjKey>>,
    unscheduled: BTreeSet<ObjKey>,
    usage: BTreeMap<String, NodeUsage>,
}

impl PodIndex {
    pub fn get(&self, key: &ObjKey) -> Option<&PodInfo> {
        self.pods.get(key)
    }

    /// Every pod, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&ObjKey, &PodInfo)> {
        self.pods.iter()
    }

    /// Pods of one namespace.
    pub fn in_namespace<'a>(&'a self, ns: &'a str) -> impl Iterator<Item = (&'a ObjKey, &'a PodInfo)> {
        self.pods
            .range(ObjKey::new(ns, "")..)
            .take_while(move |(k, _)| k.namespace == ns)
    }

    /// Pods listing `uid` among their ownerReferences.
    pub fn owned_by<'a>(&'a self, uid: &str) -> impl Iterator<Item = (&'a ObjKey, &'a PodInfo)> {
        self.by_owner
            .get(uid)
            .into_iter()
            .flatten()
            .filter_map(move |k| self.pods.get(k).map(|i| (k, i)))
    }

    /// What the pods on `node` use.
    pub fn node_usage(&self, node: &str) -> Option<&NodeUsage> {
        self.usage.get(node)
    }

    /// Pods with no node yet.
    pub fn unscheduled(&self) -> impl Iterator<Item = (&ObjKey, &PodInfo)> {
        self.unscheduled
            .iter()
            .filter_map(move |k| self.pods.get(k).map(|i| (k, i)))
    }

    pub(super) fn set(&mut self, key: ObjKey, info: PodInfo) {
        self.remove(&key);
        for o in &info.owners {
            self.by_owner.entry(o.clone()).or_default().insert(key.clone());
        }
        match &info.node {
            None => {
                self.unscheduled.insert(key.clone());
            }
            Some(n) if !info.terminal() => self.usage.entry(n.clone()).or_default().add(&info, 1),
            Some(_) => {}
        }
        self.pods.insert(key, info);
    }

    pub(super) fn remove(&mut self, key: &ObjKey) {
        if let Some(old) = self.pods.remove(key) {
            for o in &old.owners {
                if let Some(set) = self.by_owner.get_mut(o) {
                    set.remove(key);
                    if set.is_empty() {
                        self.by_owner.remove(o);
                    }
                }
            }
            self.unscheduled.remove(key);
            if let Some(n) = old.node.as_ref().filter(|_| !old.terminal())
                && let Some(u) = self.usage.get_mut(n)
            {
                u.add(&old, -1);
                if u.pods == 0 {
                    self.usage.remove(n);
                }
            }
        }
    }

    pub(super) fn update_from(&mut self, key: &ObjKey, obj: Option<&Object>) {
        match obj {
            Some(Object::Pod(p)) => self.set(key.clone(), PodInfo::of(p)),
            _ => self.remove(key),
        }
    }
}
