//! The Deployment controller (`pkg/controller/deployment`): owns ReplicaSets, rolls out template changes by strategy, keeps revisions and reports status.

mod progress;
mod recreate;
mod rolling;
mod sync;
mod util;

use crate::api::k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use crate::api::meta;
use crate::api::selector::label_selector_matches;
use crate::api::{Kind, ObjKey, Result};
use crate::controllers::common::controller_ref;
use crate::world::World;

/// syncDeployment: claim ReplicaSets, then status only (being deleted), paused or scaling sync,
/// or one step of the strategy's rollout.
pub(crate) fn reconcile(world: &mut World, key: &ObjKey) -> Result<()> {
    let Some(mut d) = world.get::<Deployment>(key).cloned() else {
        return Ok(());
    };
    let Some(spec) = d.spec.clone() else {
        return Ok(());
    };
    let sel = &spec.selector;
    if sel.match_labels.as_ref().is_none_or(|m| m.is_empty())
        && sel.match_expressions.as_ref().is_none_or(|e| e.is_empty())
    {
        let mut s = util::status(&d);
        if s.observed_generation.unwrap_or(0) < d.metadata.generation.unwrap_or(0) {
            let msg = "This deployment is selecting all pods. A non-empty selector is required.";
            world.record_event(Kind::Deployment, &d.metadata, true, "SelectingAll", msg, sync::source());
            s.observed_generation = d.metadata.generation;
            d.status = Some(s);
            sync::update_status(world, &d);
        }
        return Ok(());
    }
    let rs_list = claim_replica_sets(world, &d);
    if meta::is_deleting(&d.metadata) {
        return sync::sync_status_only(world, &mut d, &rs_list);
    }
    sync::check_paused_conditions(world, &mut d);
    if spec.paused.unwrap_or(false) || sync::is_scaling_event(world, &mut d, &rs_list)? {
        return sync::sync(world, &mut d, &rs_list);
    }
    // The scaling-event check may have synced revisions; read the RSs as they are now.
    let rs_list: Vec<ReplicaSet> = rs_list.iter().map(|r| sync::fresh(world, r)).collect();
    if util::is_rolling_update(&d) {
        rolling::rollout_rolling(world, &mut d, &rs_list)
    } else {
        recreate::rollout_recreate(world, &mut d, &rs_list)
    }
}

/// getReplicaSetsForDeployment / ClaimReplicaSets: adopt orphans the selector matches, release
/// owned ones it no longer matches; returns the owned matching ReplicaSets.
fn claim_replica_sets(world: &mut World, d: &Deployment) -> Vec<ReplicaSet> {
    let Some(spec) = d.spec.as_ref() else {
        return Vec::new();
    };
    let uid = meta::uid(&d.metadata).to_string();
    let deleting = meta::is_deleting(&d.metadata);
    let ns = meta::namespace(&d.metadata).to_string();
    let candidates: Vec<ReplicaSet> = world.list::<ReplicaSet>(Some(&ns)).into_iter().cloned().collect();
    let mut owned = Vec::new();
    for mut rs in candidates {
        let matches = label_selector_matches(&spec.selector, meta::labels(&rs.metadata));
        match meta::controller_of(&rs.metadata) {
            Some(r) if r.uid == uid => {
                if matches {
                    owned.push(rs);
                } else if !deleting {
                    if let Some(refs) = rs.metadata.owner_references.as_mut() {
                        refs.retain(|r| r.uid != uid);
                    }
                    if rs.metadata.owner_references.as_ref().is_some_and(Vec::is_empty) {
                        rs.metadata.owner_references = None;
                    }
                    world.put(rs);
                }
            }
            None if matches && !deleting && !meta::is_deleting(&rs.metadata) => {
                rs.metadata
                    .owner_references
                    .get_or_insert_with(Vec::new)
                    .push(controller_ref(Kind::Deployment, &d.metadata));
                world.put(rs.clone());
                owned.push(sync::fresh(world, &rs));
            }
            _ => {}
        }
    }
    owned
}

#[cfg(test)]
mod tests;
