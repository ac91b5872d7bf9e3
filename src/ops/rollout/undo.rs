//! `rollout undo`: rolling a deployment back to a ReplicaSet's template, or a DaemonSet/StatefulSet
//! to a ControllerRevision's.

use super::history::{controller_revisions, owned_replica_sets, revision_template, rs_revision};
use super::{REVISION, get, go_group_kind_struct, visitable};
use crate::api::k8s_openapi::api::apps::v1::{ControllerRevision, ReplicaSet};
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::meta;
use crate::api::{Error, Kind, ObjKey, Object, Result, Typed, validation};
use crate::world::World;
use std::collections::BTreeMap;

const HASH_LABEL: &str = "pod-template-hash";
/// Annotations a rollback keeps from the deployment rather than copying from the ReplicaSet.
const ANNOTATIONS_TO_SKIP: [&str; 6] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION,
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
    "deprecated.deployment.rollback.to",
];

fn without_hash(t: &PodTemplateSpec) -> serde_json::Value {
    let mut t = t.clone();
    if let Some(m) = t.metadata.as_mut()
        && let Some(l) = m.labels.as_mut()
    {
        l.remove(HASH_LABEL);
        if l.is_empty() {
            m.labels = None;
        }
    }
    if let Some(m) = t.metadata.as_mut()
        && m.annotations.as_ref().is_some_and(BTreeMap::is_empty)
    {
        m.annotations = None;
    }
    serde_json::to_value(&t).unwrap_or_default()
}

fn revision_not_found(r: i64) -> Error {
    Error::msg(format!("unable to find specified revision {r} in history"))
}

/// Rollbacker.Rollback: returns kubectl's operation text (`rolled back`, `skipped rollback (...)`).
pub fn undo(world: &mut World, kind: Kind, key: &ObjKey, to_revision: i64) -> Result<String> {
    let obj = get(world, kind, key)?;
    if !matches!(kind, Kind::Deployment | Kind::DaemonSet | Kind::StatefulSet) {
        return Err(if visitable(kind) {
            Error::msg(format!(
                "no rollbacker has been implemented for {:?}",
                kind.group_kind()
            ))
        } else {
            Error::msg(format!(
                "error retrieving rollbacker for {:?}, no visitor method exists for {}",
                kind.group_kind(),
                go_group_kind_struct(kind)
            ))
        });
    }
    if to_revision < 0 {
        return Err(revision_not_found(to_revision));
    }
    match obj {
        Object::Deployment(mut d) => {
            let name = meta::name(&d.metadata).to_string();
            let rss: Vec<ReplicaSet> = owned_replica_sets(world, &d).into_iter().cloned().collect();
            let target = deployment_revision(&rss, to_revision, &name)?;
            let spec = d.spec.get_or_insert_with(Default::default);
            if spec.paused.unwrap_or(false) {
                return Err(Error::msg(format!(
                    "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/{name}' and try again"
                )));
            }
            let mut template = target
                .spec
                .as_ref()
                .and_then(|s| s.template.clone())
                .unwrap_or_default();
            if without_hash(&template) == without_hash(&spec.template) {
                return Ok(format!(
                    "skipped rollback (current template already matches revision {to_revision})"
                ));
            }
            if let Some(l) = template.metadata.as_mut().and_then(|m| m.labels.as_mut()) {
                l.remove(HASH_LABEL);
            }
            let mut annotations: BTreeMap<String, String> = BTreeMap::new();
            for k in ANNOTATIONS_TO_SKIP {
                if let Some(v) = meta::annotation(&d.metadata, k) {
                    annotations.insert(k.into(), v.into());
                }
            }
            for (k, v) in target.metadata.annotations.iter().flatten() {
                if !ANNOTATIONS_TO_SKIP.contains(&k.as_str()) {
                    annotations.insert(k.clone(), v.clone());
                }
            }
            spec.template = template;
            d.metadata.annotations = Some(annotations);
            let new = d.into_object();
            validation::validate(&new, Some(&get(world, kind, key)?))?;
            world.update(new);
            Ok("rolled back".into())
        }
        other => {
            let mut history: Vec<&ControllerRevision> = controller_revisions(world, &other);
            history.sort_by_key(|c| c.revision);
            if to_revision == 0 && history.len() <= 1 {
                return Err(Error::msg("no last revision to roll back to"));
            }
            let target = if to_revision == 0 {
                history[history.len() - 2]
            } else {
                *history
                    .iter()
                    .find(|h| h.revision == to_revision)
                    .ok_or_else(|| revision_not_found(to_revision))?
            };
            let template = revision_template(target).unwrap_or_default();
            let mut new = other.clone();
            let current = match &mut new {
                Object::DaemonSet(ds) => ds.spec.as_mut().map(|s| &mut s.template),
                Object::StatefulSet(s) => s.spec.as_mut().map(|s| &mut s.template),
                _ => None,
            };
            let Some(current) = current else {
                return Err(revision_not_found(to_revision));
            };
            if serde_json::to_value(&*current).ok() == serde_json::to_value(&template).ok() {
                return Ok(format!(
                    "skipped rollback (current template already matches revision {to_revision})"
                ));
            }
            *current = template;
            validation::validate(&new, Some(&other))?;
            world.update(new);
            Ok("rolled back".into())
        }
    }
}

/// deploymentRevision: the RS of `to_revision`, or (0) the one with the second highest revision.
fn deployment_revision<'a>(rss: &'a [ReplicaSet], to_revision: i64, name: &str) -> Result<&'a ReplicaSet> {
    let mut latest: (i64, Option<&ReplicaSet>) = (-1, None);
    let mut previous: (i64, Option<&ReplicaSet>) = (-1, None);
    for rs in rss {
        let Some(v) = rs_revision(rs) else { continue };
        if to_revision == 0 {
            if latest.0 < v {
                previous = latest;
                latest = (v, Some(rs));
            } else if previous.0 < v {
                previous = (v, Some(rs));
            }
        } else if to_revision == v {
            return Ok(rs);
        }
    }
    if to_revision > 0 {
        return Err(revision_not_found(to_revision));
    }
    previous
        .1
        .ok_or_else(|| Error::msg(format!("no rollout history found for deployment {name:?}")))
}
