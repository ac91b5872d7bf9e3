//! Rollout status and the Progressing / ReplicaFailure conditions, with the progress-deadline wake-up (`pkg/controller/deployment/progress.go`).

use super::sync::{Rss, calculate_status, now, update_status};
use super::util::{self, PROGRESSING};
use crate::api::ObjKey;
use crate::api::k8s_openapi::api::apps::v1::{Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet};
use crate::api::meta;
use crate::sim::SimTime;
use crate::world::World;

/// syncRolloutStatus: status during a rollout, estimating progress against the deadline.
pub(super) fn sync_rollout_status(world: &mut World, d: &mut Deployment, rss: &Rss) {
    let now_t = now(world);
    let mut s = calculate_status(d, rss, &now_t);
    let deadline = util::progress_deadline(d);
    if deadline.is_none() {
        util::remove_condition(&mut s, PROGRESSING);
    }
    let old = util::status(d);
    let current = util::get_condition(&old, PROGRESSING).cloned();
    let complete_before = s.replicas == s.updated_replicas
        && current
            .as_ref()
            .is_some_and(|c| c.reason.as_deref() == Some(util::NEW_RS_AVAILABLE_REASON));
    let new_name = rss.new.as_ref().map(|r| meta::name(&r.metadata).to_string());
    let msg = |what: &str| match &new_name {
        Some(n) => format!("ReplicaSet {n:?} {what}"),
        None => format!("Deployment {:?} {what}", meta::name(&d.metadata)),
    };
    if deadline.is_some() && !complete_before {
        if util::deployment_complete(d, &s) {
            let c = util::new_condition(
                PROGRESSING,
                "True",
                util::NEW_RS_AVAILABLE_REASON,
                msg("has successfully progressed."),
                &now_t,
            );
            util::set_condition(&mut s, c);
        } else if util::deployment_progressing(d, &s) {
            // Progress bumps lastUpdateTime even with the same reason; lastTransitionTime
            // stays while the condition remains True.
            let mut c = util::new_condition(
                PROGRESSING,
                "True",
                util::RS_UPDATED_REASON,
                msg("is progressing."),
                &now_t,
            );
            if let Some(cur) = &current {
                if cur.status == "True" {
                    c.last_transition_time = cur.last_transition_time.clone();
                }
                util::remove_condition(&mut s, PROGRESSING);
            }
            util::set_condition(&mut s, c);
        } else if util::deployment_timed_out(d, &s, world.now().secs()) {
            let c = util::new_condition(
                PROGRESSING,
                "False",
                util::TIMED_OUT_REASON,
                msg("has timed out progressing."),
                &now_t,
            );
            util::set_condition(&mut s, c);
        }
    }
    match replica_failures(&rss.all(), rss.new.as_ref()).into_iter().next() {
        Some(c) => util::set_condition(&mut s, c),
        None => util::remove_condition(&mut s, util::REPLICA_FAILURE),
    }
    if d.status.as_ref() != Some(&s) {
        d.status = Some(s);
        update_status(world, d);
    }
    let s = util::status(d);
    requeue_stuck(world, d, &s);
}

/// getReplicaFailures: the new RS's ReplicaFailure condition, else any old RS's.
fn replica_failures(all: &[&ReplicaSet], new_rs: Option<&ReplicaSet>) -> Vec<DeploymentCondition> {
    let of = |rs: &ReplicaSet| -> Vec<DeploymentCondition> {
        rs.status
            .iter()
            .flat_map(|s| s.conditions.iter().flatten())
            .filter(|c| c.type_ == util::REPLICA_FAILURE)
            .map(util::rs_to_deployment_condition)
            .collect()
    };
    let from_new = new_rs.map(of).unwrap_or_default();
    if !from_new.is_empty() {
        return from_new;
    }
    all.iter().flat_map(|rs| of(rs)).collect()
}

/// requeueStuckDeployment: wake up when the deadline passes without progress
/// (lastUpdateTime + progressDeadlineSeconds; see `deployment_timed_out` on the skew second).
fn requeue_stuck(world: &mut World, d: &Deployment, s: &DeploymentStatus) {
    let Some(deadline) = util::progress_deadline(d) else {
        return;
    };
    let Some(c) = util::get_condition(s, PROGRESSING) else {
        return;
    };
    if util::deployment_complete(d, s) || c.reason.as_deref() == Some(util::TIMED_OUT_REASON) {
        return;
    }
    // A completed rollout is never checked for a timeout again, so waking for it is pointless
    // (upstream requeues it rate-limited, to no effect).
    if c.reason.as_deref() == Some(util::NEW_RS_AVAILABLE_REASON) {
        return;
    }
    let Some(from) = c.last_update_time.as_ref().map(|t| t.0.as_second()) else {
        return;
    };
    let at = SimTime::from_secs(from + deadline);
    if at > world.now() {
        world.wake_at("deployment", &ObjKey::of(&d.metadata), at);
    }
}
