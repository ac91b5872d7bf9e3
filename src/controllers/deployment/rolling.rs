//! The RollingUpdate strategy: grow the new ReplicaSet within maxSurge, shrink old ones within maxUnavailable (`pkg/controller/deployment/rolling.go`).

use super::progress::sync_rollout_status;
use super::sync::{Rss, cleanup_deployment, fresh, get_all_rss_and_sync_revision, scale_rs_and_record_event};
use super::util;
use crate::api::Result;
use crate::api::k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use crate::world::World;

/// rolloutRolling: one step of a rolling update.
pub(super) fn rollout_rolling(world: &mut World, d: &mut Deployment, rs_list: &[ReplicaSet]) -> Result<()> {
    let Some(rss) = get_all_rss_and_sync_revision(world, d, rs_list, true)? else {
        return Ok(());
    };
    let Some(new_rs) = rss.new.clone() else {
        return Ok(());
    };
    let scaled =
        reconcile_new_replica_set(world, d, &rss.all(), &new_rs) || reconcile_old_replica_sets(world, d, &rss, &new_rs);
    let rss = Rss {
        new: Some(fresh(world, &new_rs)),
        old: rss.old.iter().map(|r| fresh(world, r)).collect(),
    };
    if !scaled && util::deployment_complete(d, &util::status(d)) {
        cleanup_deployment(world, d, &rss.old)?;
    }
    sync_rollout_status(world, d, &rss);
    Ok(())
}

/// reconcileNewReplicaSet: scale the new RS toward spec.replicas within maxSurge.
fn reconcile_new_replica_set(world: &mut World, d: &Deployment, all: &[&ReplicaSet], new_rs: &ReplicaSet) -> bool {
    let r = util::replicas(d);
    let cur = util::rs_replicas(new_rs);
    if cur == r {
        return false;
    }
    let target = if cur > r {
        r
    } else {
        util::new_rs_new_replicas(d, all, new_rs)
    };
    scale_rs_and_record_event(world, d, new_rs, target).0
}

/// How many old pods may go now (maxScaledDown): all pods − minAvailable − the new RS's
/// unavailable pods.
pub(super) fn max_scaled_down(d: &Deployment, all: &[&ReplicaSet], new_rs: &ReplicaSet) -> i32 {
    let min_available = util::replicas(d) - util::max_unavailable(d);
    let new_unavailable = util::rs_replicas(new_rs) - util::rs_available(new_rs);
    util::spec_total(all) - min_available - new_unavailable
}

/// reconcileOldReplicaSets: remove unhealthy old pods first, then scale old RSs down as far as
/// availability allows.
fn reconcile_old_replica_sets(world: &mut World, d: &Deployment, rss: &Rss, new_rs: &ReplicaSet) -> bool {
    let mut old: Vec<ReplicaSet> = util::active(&rss.old).into_iter().cloned().collect();
    if util::spec_total(&old.iter().collect::<Vec<_>>()) == 0 {
        return false;
    }
    let all: Vec<&ReplicaSet> = old.iter().chain(std::iter::once(new_rs)).collect();
    let max_down = max_scaled_down(d, &all, new_rs);
    if max_down <= 0 {
        return false;
    }
    old.sort_by(util::by_creation);
    let cleaned = cleanup_unhealthy_replicas(world, d, &mut old, max_down);
    let all: Vec<&ReplicaSet> = old.iter().chain(std::iter::once(new_rs)).collect();
    let plan = scale_down_plan(d, &all, &old);
    let mut scaled_down = 0;
    for (rs, target) in old.iter().zip(plan) {
        if target != util::rs_replicas(rs) {
            scaled_down += util::rs_replicas(rs) - target;
            scale_rs_and_record_event(world, d, rs, target);
        }
    }
    cleaned + scaled_down > 0
}

/// The scale-down of each old RS (sorted oldest first) when removing unhealthy replicas:
/// spec − available each, in order, within `max_cleanup` in total.
pub(super) fn cleanup_plan(old: &[ReplicaSet], max_cleanup: i32) -> Vec<i32> {
    let mut total = 0;
    old.iter()
        .map(|rs| {
            let r = util::rs_replicas(rs);
            if total >= max_cleanup || r == 0 || r == util::rs_available(rs) {
                return r;
            }
            let down = (max_cleanup - total).min(r - util::rs_available(rs));
            total += down;
            r - down
        })
        .collect()
}

/// cleanupUnhealthyReplicas: `old` sorted oldest first, updated in place; returns the count removed.
fn cleanup_unhealthy_replicas(world: &mut World, d: &Deployment, old: &mut [ReplicaSet], max_cleanup: i32) -> i32 {
    let plan = cleanup_plan(old, max_cleanup);
    let mut total = 0;
    for (rs, target) in old.iter_mut().zip(plan) {
        if target != util::rs_replicas(rs) {
            total += util::rs_replicas(rs) - target;
            *rs = scale_rs_and_record_event(world, d, rs, target).1;
        }
    }
    total
}

/// scaleDownOldReplicaSetsForRollingUpdate, as target sizes of `old` (sorted oldest first):
/// the available pods above minAvailable come off the oldest RSs first.
pub(super) fn scale_down_plan(d: &Deployment, all: &[&ReplicaSet], old: &[ReplicaSet]) -> Vec<i32> {
    let min_available = util::replicas(d) - util::max_unavailable(d);
    let available = util::available_total(all);
    let mut sizes: Vec<i32> = old.iter().map(util::rs_replicas).collect();
    if available <= min_available {
        return sizes;
    }
    let want = available - min_available;
    let mut total = 0;
    for size in sizes.iter_mut() {
        if total >= want {
            break;
        }
        if *size == 0 {
            continue;
        }
        let down = (*size).min(want - total);
        *size -= down;
        total += down;
    }
    sizes
}
