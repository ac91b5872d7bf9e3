//! Storage and policy kinds (PVCs, PVs, PDBs, storage classes) and kubesim's own kinds
//! (PodBehavior, NodeGroup, VerticalPodAutoscaler, whose columns mirror their CRD printer columns).

use super::workloads::qstr;
use super::{TableOpts, created, name_of, or_default, or_none};
use crate::api::k8s_openapi::api::core::v1::{PersistentVolume, PersistentVolumeClaim};
use crate::api::k8s_openapi::api::policy::v1::PodDisruptionBudget;
use crate::api::k8s_openapi::api::storage::v1::StorageClass;
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use crate::api::k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use crate::api::meta;
use crate::api::selector::format_label_selector;
use crate::api::{NodeGroup, PodBehavior, VerticalPodAutoscaler};

const BETA_CLASS_ANNOTATION: &str = "volume.beta.kubernetes.io/storage-class";

/// helper.GetAccessModesAsString: `RWO`, `ROX`, `RWX`, `RWOP` in that order, comma-joined.
pub fn access_modes(modes: &[String]) -> String {
    [
        ("ReadWriteOnce", "RWO"),
        ("ReadOnlyMany", "ROX"),
        ("ReadWriteMany", "RWX"),
        ("ReadWriteOncePod", "RWOP"),
    ]
    .iter()
    .filter(|(m, _)| modes.iter().any(|x| x == m))
    .map(|(_, s)| *s)
    .collect::<Vec<_>>()
    .join(",")
}

fn class_of(m: &ObjectMeta, spec_class: Option<&String>) -> String {
    meta::annotation(m, BETA_CLASS_ANNOTATION)
        .map(str::to_string)
        .or_else(|| spec_class.cloned())
        .unwrap_or_default()
}

fn unset(s: Option<&String>) -> String {
    s.filter(|s| !s.is_empty()).cloned().unwrap_or_else(|| "<unset>".into())
}

pub(super) fn pvc_row(c: &PersistentVolumeClaim, o: TableOpts) -> Vec<String> {
    let spec = or_default(&c.spec);
    let st = or_default(&c.status);
    let phase = if c.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        st.phase.clone().unwrap_or_default()
    };
    let volume = spec.volume_name.clone().unwrap_or_default();
    let (capacity, modes) = if volume.is_empty() {
        (String::new(), String::new())
    } else {
        let cap = st
            .capacity
            .as_ref()
            .and_then(|c| c.get("storage"))
            .map_or_else(|| "0".to_string(), qstr);
        (cap, access_modes(st.access_modes.as_deref().unwrap_or_default()))
    };
    vec![
        name_of(&c.metadata),
        phase,
        volume,
        capacity,
        modes,
        class_of(&c.metadata, spec.storage_class_name.as_ref()),
        unset(spec.volume_attributes_class_name.as_ref()),
        created(&c.metadata, o.now),
        unset(spec.volume_mode.as_ref()),
    ]
}

pub(super) fn pv_row(v: &PersistentVolume, o: TableOpts) -> Vec<String> {
    let spec = or_default(&v.spec);
    let st = or_default(&v.status);
    let claim = spec
        .claim_ref
        .as_ref()
        .map(|r| {
            format!(
                "{}/{}",
                r.namespace.as_deref().unwrap_or(""),
                r.name.as_deref().unwrap_or("")
            )
        })
        .unwrap_or_default();
    let phase = if v.metadata.deletion_timestamp.is_some() {
        "Terminating".to_string()
    } else {
        st.phase.clone().unwrap_or_default()
    };
    vec![
        name_of(&v.metadata),
        spec.capacity
            .as_ref()
            .and_then(|c| c.get("storage"))
            .map_or_else(|| "0".to_string(), qstr),
        access_modes(spec.access_modes.as_deref().unwrap_or_default()),
        spec.persistent_volume_reclaim_policy.clone().unwrap_or_default(),
        phase,
        claim,
        class_of(&v.metadata, spec.storage_class_name.as_ref()),
        unset(spec.volume_attributes_class_name.as_ref()),
        st.reason.clone().unwrap_or_default(),
        created(&v.metadata, o.now),
        unset(spec.volume_mode.as_ref()),
    ]
}

/// intstr.String(): the number or the percentage string.
pub fn int_or_string(v: &IntOrString) -> String {
    match v {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => s.clone(),
    }
}

pub(super) fn pdb_row(p: &PodDisruptionBudget, o: TableOpts) -> Vec<String> {
    let spec = or_default(&p.spec);
    let na = |v: Option<&IntOrString>| v.map_or_else(|| "N/A".to_string(), int_or_string);
    vec![
        name_of(&p.metadata),
        na(spec.min_available.as_ref()),
        na(spec.max_unavailable.as_ref()),
        p.status.as_ref().map_or(0, |s| s.disruptions_allowed).to_string(),
        created(&p.metadata, o.now),
    ]
}

/// storageutil.IsDefaultAnnotation (GA or beta annotation set to `"true"`).
pub fn is_default_class(m: &ObjectMeta) -> bool {
    meta::annotation(m, "storageclass.kubernetes.io/is-default-class") == Some("true")
        || meta::annotation(m, "storageclass.beta.kubernetes.io/is-default-class") == Some("true")
}

pub(super) fn storage_class_row(s: &StorageClass, o: TableOpts) -> Vec<String> {
    let mut name = name_of(&s.metadata);
    if is_default_class(&s.metadata) {
        name.push_str(" (default)");
    }
    vec![
        name,
        s.provisioner.clone(),
        s.reclaim_policy.clone().unwrap_or_else(|| "Delete".into()),
        s.volume_binding_mode.clone().unwrap_or_else(|| "Immediate".into()),
        s.allow_volume_expansion.unwrap_or(false).to_string(),
        created(&s.metadata, o.now),
    ]
}

pub(super) fn pod_behavior_row(b: &PodBehavior, o: TableOpts) -> Vec<String> {
    vec![
        name_of(&b.metadata),
        b.spec
            .selector
            .as_ref()
            .map_or_else(|| "<none>".to_string(), format_label_selector),
        or_none(b.spec.image.as_deref()),
        created(&b.metadata, o.now),
    ]
}

pub(super) fn node_group_row(g: &NodeGroup, o: TableOpts) -> Vec<String> {
    vec![
        name_of(&g.metadata),
        g.spec.min_size.to_string(),
        g.spec.max_size.to_string(),
        created(&g.metadata, o.now),
    ]
}

/// Columns of the upstream VPA CRD: `.spec.updatePolicy.updateMode`, the first container's target
/// cpu and memory, and the RecommendationProvided condition's status.
pub(super) fn vpa_row(v: &VerticalPodAutoscaler, o: TableOpts) -> Vec<String> {
    let mode = v.spec.update_policy.as_ref().and_then(|p| p.update_mode.as_deref());
    let first = v
        .status
        .as_ref()
        .and_then(|s| s.recommendation.as_ref())
        .and_then(|r| r.container_recommendations.as_ref())
        .and_then(|c| c.first())
        .and_then(|c| c.target.as_ref());
    let target = |r: &str| {
        first
            .and_then(|t| t.get(r))
            .map_or_else(|| "<none>".to_string(), |q| q.0.clone())
    };
    let provided = v
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .and_then(|cs| cs.iter().find(|c| c.type_ == "RecommendationProvided"))
        .map(|c| c.status.as_str());
    vec![
        name_of(&v.metadata),
        or_none(mode),
        target("cpu"),
        target("memory"),
        or_none(provided),
        created(&v.metadata, o.now),
    ]
}
