//! Column definitions per kind (server-side printers.go): headers, `-o wide` extras and cells.
//!
//! Each kind declares its columns as data (`(name, priority)`; priority 1 = `-o wide` only) and a
//! row function that returns every cell in column order; [`grid`] drops the wide cells unless asked.

mod core;
mod other;
mod pod;
#[cfg(test)]
mod tests;
mod workloads;

use super::duration::human_duration;
use super::table::Grid;
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use crate::api::meta;
use crate::api::{Kind, Object};
use crate::sim::SimTime;
use std::borrow::Cow;
use std::collections::BTreeMap;

pub use self::core::{format_endpoints, node_roles, node_status};
pub use self::other::{access_modes, int_or_string, is_default_class};
pub use self::workloads::{hpa_targets, job_status, qstr as quantity_string};

/// Options that change cells.
#[derive(Clone, Copy, Debug)]
pub struct TableOpts {
    pub wide: bool,
    pub now: SimTime,
}

/// Age of a timestamp as kubectl prints it (`<unknown>` when unset).
pub fn age(t: Option<&Time>, now: SimTime) -> String {
    match t {
        Some(t) => human_duration(now.secs() - t.0.as_second()),
        None => "<unknown>".into(),
    }
}

fn created(m: &ObjectMeta, now: SimTime) -> String {
    age(m.creation_timestamp.as_ref(), now)
}

fn name_of(m: &ObjectMeta) -> String {
    meta::name(m).to_string()
}

/// A column: header and priority (0 = always, 1 = `-o wide`).
type Col = (&'static str, u8);

const N: u8 = 0;
const W: u8 = 1;

/// The grid for objects of one kind.
pub fn grid(kind: Kind, objs: &[&Object], o: TableOpts) -> Grid {
    let cols = columns(kind);
    let keep: Vec<bool> = cols.iter().map(|(_, p)| *p == N || o.wide).collect();
    let headers = cols
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|((h, _), _)| h.to_string())
        .collect();
    let rows = objs
        .iter()
        .map(|obj| {
            let cells = row(obj, o);
            cells
                .into_iter()
                .zip(keep.iter().chain(std::iter::repeat(&false)))
                .filter(|(_, k)| **k)
                .map(|(c, _)| c)
                .collect()
        })
        .collect();
    Grid { headers, rows }
}

fn columns(kind: Kind) -> &'static [Col] {
    const TEMPLATE_WIDE: [Col; 3] = [("CONTAINERS", W), ("IMAGES", W), ("SELECTOR", W)];
    match kind {
        Kind::Pod => &[
            ("NAME", N),
            ("READY", N),
            ("STATUS", N),
            ("RESTARTS", N),
            ("AGE", N),
            ("IP", W),
            ("NODE", W),
            ("NOMINATED NODE", W),
            ("READINESS GATES", W),
        ],
        Kind::Deployment => &[
            ("NAME", N),
            ("READY", N),
            ("UP-TO-DATE", N),
            ("AVAILABLE", N),
            ("AGE", N),
            TEMPLATE_WIDE[0],
            TEMPLATE_WIDE[1],
            TEMPLATE_WIDE[2],
        ],
        Kind::ReplicaSet | Kind::ReplicationController => &[
            ("NAME", N),
            ("DESIRED", N),
            ("CURRENT", N),
            ("READY", N),
            ("AGE", N),
            TEMPLATE_WIDE[0],
            TEMPLATE_WIDE[1],
            TEMPLATE_WIDE[2],
        ],
        Kind::StatefulSet => &[("NAME", N), ("READY", N), ("AGE", N), ("CONTAINERS", W), ("IMAGES", W)],
        Kind::DaemonSet => &[
            ("NAME", N),
            ("DESIRED", N),
            ("CURRENT", N),
            ("READY", N),
            ("UP-TO-DATE", N),
            ("AVAILABLE", N),
            ("NODE SELECTOR", N),
            ("AGE", N),
            TEMPLATE_WIDE[0],
            TEMPLATE_WIDE[1],
            TEMPLATE_WIDE[2],
        ],
        Kind::Job => &[
            ("NAME", N),
            ("STATUS", N),
            ("COMPLETIONS", N),
            ("DURATION", N),
            ("AGE", N),
            TEMPLATE_WIDE[0],
            TEMPLATE_WIDE[1],
            TEMPLATE_WIDE[2],
        ],
        Kind::CronJob => &[
            ("NAME", N),
            ("SCHEDULE", N),
            ("TIMEZONE", N),
            ("SUSPEND", N),
            ("ACTIVE", N),
            ("LAST SCHEDULE", N),
            ("AGE", N),
            TEMPLATE_WIDE[0],
            TEMPLATE_WIDE[1],
            TEMPLATE_WIDE[2],
        ],
        Kind::HorizontalPodAutoscaler => &[
            ("NAME", N),
            ("REFERENCE", N),
            ("TARGETS", N),
            ("MINPODS", N),
            ("MAXPODS", N),
            ("REPLICAS", N),
            ("AGE", N),
        ],
        Kind::ControllerRevision => &[("NAME", N), ("CONTROLLER", N), ("REVISION", N), ("AGE", N)],
        Kind::Node => &[
            ("NAME", N),
            ("STATUS", N),
            ("ROLES", N),
            ("AGE", N),
            ("VERSION", N),
            ("INTERNAL-IP", W),
            ("EXTERNAL-IP", W),
            ("OS-IMAGE", W),
            ("KERNEL-VERSION", W),
            ("CONTAINER-RUNTIME", W),
        ],
        Kind::Namespace => &[("NAME", N), ("STATUS", N), ("AGE", N)],
        Kind::Service => &[
            ("NAME", N),
            ("TYPE", N),
            ("CLUSTER-IP", N),
            ("EXTERNAL-IP", N),
            ("PORT(S)", N),
            ("AGE", N),
            ("SELECTOR", W),
        ],
        Kind::Endpoints => &[("NAME", N), ("ENDPOINTS", N), ("AGE", N)],
        Kind::Event => &[
            ("LAST SEEN", N),
            ("TYPE", N),
            ("REASON", N),
            ("OBJECT", N),
            ("SUBOBJECT", W),
            ("SOURCE", W),
            ("MESSAGE", N),
            ("FIRST SEEN", W),
            ("COUNT", W),
            ("NAME", W),
        ],
        Kind::ConfigMap => &[("NAME", N), ("DATA", N), ("AGE", N)],
        Kind::Secret => &[("NAME", N), ("TYPE", N), ("DATA", N), ("AGE", N)],
        Kind::PersistentVolumeClaim => &[
            ("NAME", N),
            ("STATUS", N),
            ("VOLUME", N),
            ("CAPACITY", N),
            ("ACCESS MODES", N),
            ("STORAGECLASS", N),
            ("VOLUMEATTRIBUTESCLASS", N),
            ("AGE", N),
            ("VOLUMEMODE", W),
        ],
        Kind::PersistentVolume => &[
            ("NAME", N),
            ("CAPACITY", N),
            ("ACCESS MODES", N),
            ("RECLAIM POLICY", N),
            ("STATUS", N),
            ("CLAIM", N),
            ("STORAGECLASS", N),
            ("VOLUMEATTRIBUTESCLASS", N),
            ("REASON", N),
            ("AGE", N),
            ("VOLUMEMODE", W),
        ],
        Kind::PodDisruptionBudget => &[
            ("NAME", N),
            ("MIN AVAILABLE", N),
            ("MAX UNAVAILABLE", N),
            ("ALLOWED DISRUPTIONS", N),
            ("AGE", N),
        ],
        Kind::StorageClass => &[
            ("NAME", N),
            ("PROVISIONER", N),
            ("RECLAIMPOLICY", N),
            ("VOLUMEBINDINGMODE", N),
            ("ALLOWVOLUMEEXPANSION", N),
            ("AGE", N),
        ],
        Kind::PodBehavior => &[("NAME", N), ("SELECTOR", N), ("IMAGE", N), ("AGE", N)],
        Kind::NodeGroup => &[("NAME", N), ("MIN", N), ("MAX", N), ("AGE", N)],
        Kind::VerticalPodAutoscaler => &[
            ("NAME", N),
            ("MODE", N),
            ("CPU", N),
            ("MEM", N),
            ("PROVIDED", N),
            ("AGE", N),
        ],
    }
}

/// Every cell of the object's row, wide ones included, in [`columns`] order.
fn row(obj: &Object, o: TableOpts) -> Vec<String> {
    match obj {
        Object::Pod(p) => pod::pod_row(p, o),
        Object::Deployment(d) => workloads::deployment_row(d, o),
        Object::ReplicaSet(rs) => workloads::rs_row(rs, o),
        Object::ReplicationController(rc) => workloads::rc_row(rc, o),
        Object::StatefulSet(s) => workloads::statefulset_row(s, o),
        Object::DaemonSet(d) => workloads::daemonset_row(d, o),
        Object::Job(j) => workloads::job_row(j, o),
        Object::CronJob(c) => workloads::cronjob_row(c, o),
        Object::HorizontalPodAutoscaler(h) => workloads::hpa_row(h, o),
        Object::ControllerRevision(c) => workloads::controller_revision_row(c, o),
        Object::Node(n) => core::node_row(n, o),
        Object::Namespace(ns) => core::namespace_row(ns, o),
        Object::Service(svc) => core::service_row(svc, o),
        Object::Endpoints(e) => core::endpoints_row(e, o),
        Object::Event(e) => core::event_row(e, o),
        Object::ConfigMap(c) => core::config_map_row(c, o),
        Object::Secret(s) => core::secret_row(s, o),
        Object::PersistentVolumeClaim(c) => other::pvc_row(c, o),
        Object::PersistentVolume(v) => other::pv_row(v, o),
        Object::PodDisruptionBudget(p) => other::pdb_row(p, o),
        Object::StorageClass(s) => other::storage_class_row(s, o),
        Object::PodBehavior(b) => other::pod_behavior_row(b, o),
        Object::NodeGroup(g) => other::node_group_row(g, o),
        Object::VerticalPodAutoscaler(v) => other::vpa_row(v, o),
    }
}

/// Container names and images of a pod template, comma-joined (the wide CONTAINERS/IMAGES cells).
pub fn containers_and_images(t: Option<&PodTemplateSpec>) -> (String, String) {
    let cs = t
        .and_then(|t| t.spec.as_ref())
        .map(|s| s.containers.as_slice())
        .unwrap_or_default();
    let names: Vec<&str> = cs.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = cs.iter().map(|c| c.image.as_deref().unwrap_or("")).collect();
    (names.join(","), images.join(","))
}

/// An optional field's value, or its default, borrowed rather than cloned.
fn or_default<T: Default + Clone>(o: &Option<T>) -> Cow<'_, T> {
    o.as_ref().map_or_else(|| Cow::Owned(T::default()), Cow::Borrowed)
}

/// `k=v,k2=v2` (labels.FormatLabels / SelectorFromSet), `<none>` when empty.
fn format_map(m: Option<&BTreeMap<String, String>>) -> String {
    match m {
        Some(m) if !m.is_empty() => m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        _ => "<none>".into(),
    }
}

fn or_none(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty()).unwrap_or("<none>").to_string()
}
