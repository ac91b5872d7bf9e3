//! The Recreate strategy: scale every old ReplicaSet to zero, wait for their pods to be gone, then bring up the new one (`pkg/controller/deployment/recreate.go`).

use super::progress::sync_rollout_status;
use super::sync::{Rss, cleanup_deployment, fresh, get_all_rss_and_sync_revision, scale_rs_and_record_event};
use super::util;
use crate::api::k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use crate::api::k8s_openapi::api::core::v1::Pod;
use crate::api::meta;
use crate::api::selector::label_selector_matches;
use crate::api::{ObjKey, Result};
use crate::sim::SimTime;
use crate::world::World;

/// rolloutRecreate.
pub(super) fn rollout_recreate(world: &mut World, d: &mut Deployment, rs_list: &[ReplicaSet]) -> Result<()> {
    let Some(mut rss) = get_all_rss_and_sync_revision(world, d, rs_list, false)? else {
        return Ok(());
    };
    let mut scaled_down = false;
    for old in util::active(&rss.old).into_iter().cloned().collect::<Vec<_>>() {
        scaled_down |= scale_rs_and_record_event(world, d, &old, 0).0;
    }
    if scaled_down {
        let rss = refreshed(world, &rss);
        sync_rollout_status(world, d, &rss);
        return Ok(());
    }
    if old_pods_running(world, d, &rss, rs_list) {
        sync_rollout_status(world, d, &rss);
        return Ok(());
    }
    if rss.new.is_none() {
        let Some(created) = get_all_rss_and_sync_revision(world, d, rs_list, true)? else {
            return Ok(());
        };
        rss = created;
    }
    if let Some(new_rs) = rss.new.clone() {
        scale_rs_and_record_event(world, d, &new_rs, util::replicas(d));
    }
    let rss = refreshed(world, &rss);
    if util::deployment_complete(d, &util::status(d)) {
        cleanup_deployment(world, d, &rss.old)?;
    }
    sync_rollout_status(world, d, &rss);
    Ok(())
}

fn refreshed(world: &World, rss: &Rss) -> Rss {
    Rss {
        new: rss.new.as_ref().map(|r| fresh(world, r)),
        old: rss.old.iter().map(|r| fresh(world, r)).collect(),
    }
}

/// oldPodsRunning: old RSs still report pods, or pods of old RSs (terminating ones included)
/// are not yet Succeeded/Failed. While pods terminate, schedules a wake-up for when they go.
fn old_pods_running(world: &mut World, d: &Deployment, rss: &Rss, rs_list: &[ReplicaSet]) -> bool {
    if rss.old.iter().map(util::rs_status_replicas).sum::<i32>() > 0 {
        return true;
    }
    let Some(spec) = d.spec.as_ref() else {
        return false;
    };
    let new_uid = rss.new.as_ref().map(|r| meta::uid(&r.metadata).to_string());
    let old_uids: Vec<&str> = rs_list
        .iter()
        .map(|r| meta::uid(&r.metadata))
        .filter(|u| new_uid.as_deref() != Some(*u))
        .collect();
    let ns = meta::namespace(&d.metadata);
    let running: Vec<Pod> = world
        .list::<Pod>(Some(ns))
        .into_iter()
        .filter(|p| label_selector_matches(&spec.selector, meta::labels(&p.metadata)))
        .filter(|p| meta::controller_of(&p.metadata).is_some_and(|r| old_uids.contains(&r.uid.as_str())))
        .filter(|p| !matches!(meta::pod_phase(p), "Succeeded" | "Failed"))
        .cloned()
        .collect();
    if running.is_empty() {
        return false;
    }
    // Upstream's pod-delete handler wakes the deployment when the last old pod goes; here the
    // controller wakes itself when the kubelet is due to finish terminating them.
    let wake = running.iter().filter_map(|p| termination_end(world, p)).min();
    if let Some(at) = wake {
        // Never at this very instant: that would re-run before the kubelet's own wake-up.
        let at = at.max(world.now() + crate::sim::SimDuration::from_millis(1));
        world.wake_at("deployment", &ObjKey::of(&d.metadata), at);
    }
    true
}

/// When a terminating pod will be gone: the kubelet's pending wake-up for it, else its deletion
/// time plus grace period.
fn termination_end(world: &World, p: &Pod) -> Option<SimTime> {
    let deleted = p.metadata.deletion_timestamp.as_ref()?;
    let kubelet = world.timer_due("kubelet", &ObjKey::of(&p.metadata));
    let grace = p.metadata.deletion_grace_period_seconds.unwrap_or(30);
    Some(kubelet.unwrap_or_else(|| SimTime::from_timestamp(deleted.0) + crate::sim::SimDuration::from_secs(grace)))
}
