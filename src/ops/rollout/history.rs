//! `rollout history`: the revisions a deployment (ReplicaSets) or DaemonSet/StatefulSet
//! (ControllerRevisions) keeps, and the template of one.

use super::{REVISION, get, go_group_kind_struct, meta_of, visitable};
use crate::api::k8s_openapi::api::apps::v1::{ControllerRevision, Deployment, ReplicaSet};
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::meta;
use crate::api::selector::label_selector_matches;
use crate::api::{Error, Kind, ObjKey, Object, Result};
use crate::world::World;
use std::collections::BTreeMap;

const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";

/// What `rollout history` shows for one object.
#[derive(Clone, Debug, PartialEq)]
pub enum History {
    /// `No rollout history found.`
    Empty,
    /// Revisions ascending with their change cause (None for StatefulSets, whose table has no
    /// CHANGE-CAUSE column).
    Table(Vec<(i64, Option<String>)>),
    /// `--revision=N`: the pod template of that revision.
    Template(Box<PodTemplateSpec>),
}

/// The ReplicaSets a deployment owns (GetAllReplicaSets: selected and controlled by it).
pub fn owned_replica_sets<'w>(world: &'w World, d: &Deployment) -> Vec<&'w ReplicaSet> {
    let uid = meta::uid(&d.metadata);
    let Some(spec) = d.spec.as_ref() else {
        return Vec::new();
    };
    world
        .list::<ReplicaSet>(Some(meta::namespace(&d.metadata)))
        .into_iter()
        .filter(|rs| meta::controller_of(&rs.metadata).is_some_and(|r| r.uid == uid))
        .filter(|rs| label_selector_matches(&spec.selector, meta::labels(&rs.metadata)))
        .collect()
}

pub(super) fn rs_revision(rs: &ReplicaSet) -> Option<i64> {
    match meta::annotation(&rs.metadata, REVISION) {
        None => Some(0),
        Some(v) => v.parse().ok(),
    }
}

fn history_error(kind: Kind) -> Error {
    if visitable(kind) {
        Error::msg(format!(
            "no history viewer has been implemented for {:?}",
            kind.group_kind()
        ))
    } else {
        Error::msg(format!(
            "error retrieving history for {:?}, no visitor method exists for {}",
            kind.group_kind(),
            go_group_kind_struct(kind)
        ))
    }
}

/// ControllerRevisions of a DaemonSet/StatefulSet (selected and controlled by it).
pub(super) fn controller_revisions<'w>(world: &'w World, obj: &Object) -> Vec<&'w ControllerRevision> {
    let m = obj.meta();
    let uid = meta::uid(m);
    let selector = match obj {
        Object::DaemonSet(d) => d.spec.as_ref().map(|s| s.selector.clone()),
        Object::StatefulSet(s) => s.spec.as_ref().map(|s| s.selector.clone()),
        _ => None,
    };
    let Some(selector) = selector else { return Vec::new() };
    world
        .list::<ControllerRevision>(Some(meta::namespace(m)))
        .into_iter()
        .filter(|cr| meta::controller_of(&cr.metadata).is_some_and(|r| r.uid == uid))
        .filter(|cr| label_selector_matches(&selector, meta::labels(&cr.metadata)))
        .collect()
}

/// The template a ControllerRevision restores (its `spec.template`, `$patch: replace`).
pub(super) fn revision_template(cr: &ControllerRevision) -> Option<PodTemplateSpec> {
    let mut t = cr.data.as_ref()?.0.get("spec")?.get("template")?.clone();
    if let Some(m) = t.as_object_mut() {
        m.remove("$patch");
    }
    serde_json::from_value(t).ok()
}

/// HistoryViewer.ViewHistory.
pub fn history(world: &World, kind: Kind, key: &ObjKey, revision: i64) -> Result<History> {
    if revision < 0 {
        return Err(Error::msg(format!("revision must be a positive integer: {revision}")));
    }
    let obj = get(world, kind, key)?;
    match &obj {
        Object::Deployment(d) => {
            let mut info: BTreeMap<i64, PodTemplateSpec> = BTreeMap::new();
            for rs in owned_replica_sets(world, d) {
                let Some(v) = rs_revision(rs) else { continue };
                let mut t = rs.spec.as_ref().and_then(|s| s.template.clone()).unwrap_or_default();
                if let Some(cc) = meta::annotation(&rs.metadata, CHANGE_CAUSE).filter(|c| !c.is_empty()) {
                    meta_of(&mut t)
                        .annotations
                        .get_or_insert_with(BTreeMap::new)
                        .insert(CHANGE_CAUSE.into(), cc.into());
                }
                info.insert(v, t);
            }
            if info.is_empty() {
                return Ok(History::Empty);
            }
            if revision > 0 {
                return match info.remove(&revision) {
                    Some(t) => Ok(History::Template(Box::new(t))),
                    None => Err(Error::msg("unable to find the specified revision")),
                };
            }
            Ok(History::Table(
                info.into_iter()
                    .map(|(r, t)| {
                        let cc = t
                            .metadata
                            .as_ref()
                            .and_then(|m| m.annotations.as_ref())
                            .and_then(|a| a.get(CHANGE_CAUSE))
                            .cloned()
                            .unwrap_or_default();
                        (r, Some(cc))
                    })
                    .collect(),
            ))
        }
        Object::DaemonSet(_) | Object::StatefulSet(_) => {
            let is_sts = kind == Kind::StatefulSet;
            let mut info: BTreeMap<i64, &ControllerRevision> = BTreeMap::new();
            for cr in controller_revisions(world, &obj) {
                info.insert(cr.revision, cr);
            }
            if info.is_empty() {
                return Ok(History::Empty);
            }
            if revision > 0 {
                let Some(cr) = info.get(&revision) else {
                    return Err(Error::msg("unable to find the specified revision"));
                };
                return Ok(History::Template(Box::new(revision_template(cr).unwrap_or_default())));
            }
            Ok(History::Table(
                info.into_iter()
                    .map(|(r, cr)| {
                        let cc =
                            (!is_sts).then(|| meta::annotation(&cr.metadata, CHANGE_CAUSE).unwrap_or("").to_string());
                        (r, cc)
                    })
                    .collect(),
            ))
        }
        _ => Err(history_error(kind)),
    }
}
