//! Scaling, paused and status-only syncs, the new ReplicaSet and revisions, history cleanup (`pkg/controller/deployment/sync.go`).

use super::util::{self, PROGRESSING};
use crate::api::k8s_openapi::api::apps::v1::{Deployment, DeploymentStatus, ReplicaSet, ReplicaSetSpec};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, Time};
use crate::api::meta;
use crate::api::{Error, Kind, ObjKey, Reason, Result, Typed};
use crate::controllers::common::{Propagation, controller_ref, delete_object};
use crate::world::{Source, World};
use std::ops::ControlFlow;

/// The deployment's ReplicaSets split as upstream's getAllReplicaSetsAndSyncRevision returns them.
pub(super) struct Rss {
    pub(super) new: Option<ReplicaSet>,
    pub(super) old: Vec<ReplicaSet>,
}

impl Rss {
    /// Old RSs then the new one (allRSs).
    pub(super) fn all(&self) -> Vec<&ReplicaSet> {
        self.old.iter().chain(self.new.as_ref()).collect()
    }
}

pub(super) fn source() -> Source<'static> {
    Source::controller("deployment-controller")
}

pub(super) fn now(world: &World) -> Time {
    Time(world.now().to_timestamp())
}

/// Writes the working copy of the deployment (UpdateStatus; annotations ride along).
pub(super) fn update_status(world: &mut World, d: &Deployment) {
    world.put(d.clone());
}

/// Re-reads a replica set after writes so later steps see what is stored.
pub(super) fn fresh(world: &World, rs: &ReplicaSet) -> ReplicaSet {
    world
        .get::<ReplicaSet>(&ObjKey::of(&rs.metadata))
        .cloned()
        .unwrap_or_else(|| rs.clone())
}

/// syncStatusOnly: a deployment being deleted only reports status.
pub(super) fn sync_status_only(world: &mut World, d: &mut Deployment, rs_list: &[ReplicaSet]) -> Result<()> {
    let Some(rss) = get_all_rss_and_sync_revision(world, d, rs_list, false)? else {
        return Ok(());
    };
    sync_deployment_status(world, d, &rss);
    Ok(())
}

/// sync: scaling events and paused deployments (proportional scaling, no rollout).
pub(super) fn sync(world: &mut World, d: &mut Deployment, rs_list: &[ReplicaSet]) -> Result<()> {
    let Some(rss) = get_all_rss_and_sync_revision(world, d, rs_list, false)? else {
        return Ok(());
    };
    scale(world, d, &rss)?;
    let rss = Rss {
        new: rss.new.map(|r| fresh(world, &r)),
        old: rss.old.iter().map(|r| fresh(world, r)).collect(),
    };
    if d.spec.as_ref().and_then(|s| s.paused).unwrap_or(false) {
        cleanup_deployment(world, d, &rss.old)?;
    }
    sync_deployment_status(world, d, &rss);
    Ok(())
}

/// checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed, so a resumed
/// deployment is not reported as stuck for the time it spent paused.
pub(super) fn check_paused_conditions(world: &mut World, d: &mut Deployment) {
    if util::progress_deadline(d).is_none() {
        return;
    }
    let mut s = util::status(d);
    let cond = util::get_condition(&s, PROGRESSING);
    if cond.is_some_and(|c| c.reason.as_deref() == Some(util::TIMED_OUT_REASON)) {
        return;
    }
    let paused_cond = cond.is_some_and(|c| c.reason.as_deref() == Some(util::PAUSED_REASON));
    let paused = d.spec.as_ref().and_then(|s| s.paused).unwrap_or(false);
    let now = now(world);
    let c = if paused && !paused_cond {
        util::new_condition(
            PROGRESSING,
            "Unknown",
            util::PAUSED_REASON,
            "Deployment is paused".into(),
            &now,
        )
    } else if !paused && paused_cond {
        util::new_condition(
            PROGRESSING,
            "Unknown",
            util::RESUMED_REASON,
            "Deployment is resumed".into(),
            &now,
        )
    } else {
        return;
    };
    util::set_condition(&mut s, c);
    d.status = Some(s);
    update_status(world, d);
}

/// isScalingEvent: some active RS was sized for a different spec.replicas.
pub(super) fn is_scaling_event(world: &mut World, d: &mut Deployment, rs_list: &[ReplicaSet]) -> Result<bool> {
    let Some(rss) = get_all_rss_and_sync_revision(world, d, rs_list, false)? else {
        return Ok(false);
    };
    let r = util::replicas(d);
    Ok(util::active(rss.all())
        .into_iter()
        .any(|rs| util::desired_replicas_annotation(rs).is_some_and(|x| x != r)))
}

/// getAllReplicaSetsAndSyncRevision. None when the sync must stop (creation failed or collided;
/// the status says why and the write wakes the controller again).
pub(super) fn get_all_rss_and_sync_revision(
    world: &mut World,
    d: &mut Deployment,
    rs_list: &[ReplicaSet],
    create: bool,
) -> Result<Option<Rss>> {
    let new_uid = util::find_new(d, rs_list).map(|r| meta::uid(&r.metadata).to_string());
    let old: Vec<ReplicaSet> = rs_list
        .iter()
        .filter(|r| new_uid.as_deref() != Some(meta::uid(&r.metadata)))
        .cloned()
        .collect();
    match get_new_replica_set(world, d, rs_list, &old, create)? {
        ControlFlow::Continue(new) => Ok(Some(Rss { new, old })),
        ControlFlow::Break(()) => Ok(None),
    }
}

/// Continue with the new RS (if any), or Break when the sync must stop.
type NewRs = ControlFlow<(), Option<ReplicaSet>>;

/// getNewReplicaSet: syncs the existing new RS's annotations and the deployment's revision, or
/// creates the new RS `<deployment>-<hash>` when asked to.
fn get_new_replica_set(
    world: &mut World,
    d: &mut Deployment,
    rs_list: &[ReplicaSet],
    old: &[ReplicaSet],
    create: bool,
) -> Result<NewRs> {
    let new_revision = util::max_revision(old) + 1;
    if let Some(existing) = util::find_new(d, rs_list) {
        let mut rs = existing.clone();
        let annotations_updated = util::set_new_rs_annotations(d, &mut rs, new_revision, true);
        let mrs = util::min_ready_seconds(d);
        let spec = rs.spec.get_or_insert_with(Default::default);
        let mrs_update = spec.min_ready_seconds.unwrap_or(0) != mrs;
        if annotations_updated || mrs_update {
            spec.min_ready_seconds = (mrs != 0).then_some(mrs);
            world.put(rs.clone());
            return Ok(ControlFlow::Continue(Some(fresh(world, &rs))));
        }
        let rev = meta::annotation(&rs.metadata, util::REVISION).unwrap_or("").to_string();
        let mut needs_update = util::set_deployment_revision(d, &rev);
        let mut s = util::status(d);
        if util::progress_deadline(d).is_some() && util::get_condition(&s, PROGRESSING).is_none() {
            let msg = format!("Found new replica set {:?}", meta::name(&rs.metadata));
            util::set_condition(
                &mut s,
                util::new_condition(PROGRESSING, "True", util::FOUND_NEW_RS_REASON, msg, &now(world)),
            );
            d.status = Some(s);
            needs_update = true;
        }
        if needs_update {
            update_status(world, d);
        }
        return Ok(ControlFlow::Continue(Some(rs)));
    }
    if !create {
        return Ok(ControlFlow::Continue(None));
    }
    let Some(spec) = d.spec.clone() else {
        return Ok(ControlFlow::Continue(None));
    };
    let collision_count = d.status.as_ref().and_then(|s| s.collision_count);
    let mut template = spec.template.clone();
    let hash = util::compute_hash(&template, collision_count);
    template
        .metadata
        .get_or_insert_with(Default::default)
        .labels
        .get_or_insert_with(Default::default)
        .insert(util::HASH_LABEL.into(), hash.clone());
    let mut selector: LabelSelector = spec.selector.clone();
    selector
        .match_labels
        .get_or_insert_with(Default::default)
        .insert(util::HASH_LABEL.into(), hash.clone());
    let ns = meta::namespace(&d.metadata).to_string();
    let name = format!("{}-{}", meta::name(&d.metadata), hash);
    let mut new_rs = ReplicaSet {
        metadata: ObjectMeta {
            name: Some(name.clone()),
            namespace: Some(ns.clone()),
            owner_references: Some(vec![controller_ref(Kind::Deployment, &d.metadata)]),
            labels: template.metadata.as_ref().and_then(|m| m.labels.clone()),
            ..Default::default()
        },
        spec: Some(ReplicaSetSpec {
            replicas: Some(0),
            min_ready_seconds: spec.min_ready_seconds,
            selector,
            template: Some(template),
        }),
        status: None,
    };
    let count = {
        let mut all: Vec<&ReplicaSet> = old.iter().collect();
        all.push(&new_rs);
        util::new_rs_new_replicas(d, &all, &new_rs)
    };
    util::set_rs_replicas(&mut new_rs, count);
    util::set_new_rs_annotations(d, &mut new_rs, new_revision, false);
    let key = ObjKey::new(ns, name.clone());
    let mut already_exists = false;
    let created = match world.admit_create(new_rs.clone().into_object()) {
        Ok(k) => world.get::<ReplicaSet>(&k).cloned().unwrap_or(new_rs),
        Err(Error::Status {
            reason: Reason::AlreadyExists,
            ..
        }) => {
            let existing = world.get::<ReplicaSet>(&key).cloned();
            let ours = existing.as_ref().is_some_and(|rs| {
                meta::controller_of(&rs.metadata).is_some_and(|r| r.uid == meta::uid(&d.metadata))
                    && rs
                        .spec
                        .as_ref()
                        .and_then(|s| s.template.as_ref())
                        .is_some_and(|t| util::equal_ignore_hash(&spec.template, t))
            });
            match existing {
                Some(rs) if ours => {
                    already_exists = true;
                    rs
                }
                _ => {
                    // A different template took this name: bump collisionCount so the next
                    // attempt hashes differently.
                    let mut s = util::status(d);
                    s.collision_count = Some(s.collision_count.unwrap_or(0) + 1);
                    d.status = Some(s);
                    update_status(world, d);
                    return Ok(ControlFlow::Break(()));
                }
            }
        }
        Err(e) => {
            let err = match e {
                Error::Status { message, .. } => message,
                other => other.render().trim_start_matches("error: ").to_string(),
            };
            let msg = format!("Failed to create new replica set {name:?}: {err}");
            let mut s = util::status(d);
            let repeated =
                util::get_condition(&s, PROGRESSING).is_some_and(|c| c.message.as_deref() == Some(msg.as_str()));
            if util::progress_deadline(d).is_some() {
                util::set_condition(
                    &mut s,
                    util::new_condition(
                        PROGRESSING,
                        "False",
                        util::FAILED_RS_CREATE_REASON,
                        msg.clone(),
                        &now(world),
                    ),
                );
                d.status = Some(s);
                update_status(world, d);
            }
            if !repeated {
                world.record_event(
                    Kind::Deployment,
                    &d.metadata,
                    true,
                    util::FAILED_RS_CREATE_REASON,
                    &msg,
                    source(),
                );
            }
            return Ok(ControlFlow::Break(()));
        }
    };
    if !already_exists && count > 0 {
        let msg = format!("Scaled up replica set {name} to {count}");
        world.record_event(
            Kind::Deployment,
            &d.metadata,
            false,
            "ScalingReplicaSet",
            &msg,
            source(),
        );
    }
    let mut needs_update = util::set_deployment_revision(d, &new_revision.to_string());
    if !already_exists && util::progress_deadline(d).is_some() {
        let mut s = util::status(d);
        let msg = format!("Created new replica set {name:?}");
        util::set_condition(
            &mut s,
            util::new_condition(PROGRESSING, "True", util::NEW_RS_REASON, msg, &now(world)),
        );
        d.status = Some(s);
        needs_update = true;
    }
    if needs_update {
        update_status(world, d);
    }
    Ok(ControlFlow::Continue(Some(created)))
}

/// scale: proportional scaling of the active ReplicaSets toward spec.replicas (+ maxSurge),
/// for scaling events and paused deployments, never during a normal rollout step.
pub(super) fn scale(world: &mut World, d: &Deployment, rss: &Rss) -> Result<()> {
    let r = util::replicas(d);
    if let Some(rs) = util::find_active_or_latest(rss.new.as_ref(), &rss.old) {
        if util::rs_replicas(rs) != r {
            let rs = rs.clone();
            scale_rs_and_record_event(world, d, &rs, r);
        }
        return Ok(());
    }
    if util::is_saturated(d, rss.new.as_ref()) {
        for old in util::active(&rss.old) {
            let old = old.clone();
            scale_rs_and_record_event(world, d, &old, 0);
        }
        return Ok(());
    }
    if !util::is_rolling_update(d) {
        return Ok(());
    }
    let mut all = util::active(rss.all());
    let allowed = if r > 0 { r + util::max_surge(d) } else { 0 };
    let to_add = allowed - util::spec_total(&all);
    let op = match to_add.cmp(&0) {
        std::cmp::Ordering::Greater => {
            all.sort_by(|a, b| util::by_size_newer(a, b));
            "up"
        }
        std::cmp::Ordering::Less => {
            all.sort_by(|a, b| util::by_size_older(a, b));
            "down"
        }
        std::cmp::Ordering::Equal => "",
    };
    let sizes = proportional_sizes(d, &all, to_add);
    let all: Vec<ReplicaSet> = all.into_iter().cloned().collect();
    for (rs, size) in all.iter().zip(sizes) {
        scale_replica_set(world, d, rs, size, op);
    }
    Ok(())
}

/// The target size of each RS (sorted as `scale` sorts them) after spreading `to_add`;
/// leftovers go to the first one.
pub(super) fn proportional_sizes(d: &Deployment, all: &[&ReplicaSet], to_add: i32) -> Vec<i32> {
    let mut added = 0;
    let mut sizes: Vec<i32> = all
        .iter()
        .map(|rs| {
            if to_add == 0 {
                return util::rs_replicas(rs);
            }
            let p = util::proportion(rs, d, to_add, added);
            added += p;
            util::rs_replicas(rs) + p
        })
        .collect();
    if to_add != 0
        && let Some(first) = sizes.first_mut()
    {
        *first = (*first + to_add - added).max(0);
    }
    sizes
}

/// scaleReplicaSetAndRecordEvent. Returns whether the size changed, and the RS as stored.
pub(super) fn scale_rs_and_record_event(
    world: &mut World,
    d: &Deployment,
    rs: &ReplicaSet,
    new_scale: i32,
) -> (bool, ReplicaSet) {
    if util::rs_replicas(rs) == new_scale {
        return (false, rs.clone());
    }
    let op = if util::rs_replicas(rs) < new_scale {
        "up"
    } else {
        "down"
    };
    scale_replica_set(world, d, rs, new_scale, op)
}

/// scaleReplicaSet: sets the size and the desired/max-replicas annotations, and records
/// `Scaled up replica set X from 1 to 3` when the size changed.
pub(super) fn scale_replica_set(
    world: &mut World,
    d: &Deployment,
    rs: &ReplicaSet,
    new_scale: i32,
    op: &str,
) -> (bool, ReplicaSet) {
    let old_scale = util::rs_replicas(rs);
    let size_changed = old_scale != new_scale;
    let desired = util::replicas(d);
    let max = desired + util::max_surge(d);
    if !size_changed && !util::replicas_annotations_need_update(rs, desired, max) {
        return (false, rs.clone());
    }
    let mut copy = rs.clone();
    util::set_rs_replicas(&mut copy, new_scale);
    util::set_replicas_annotations(&mut copy, desired, max);
    world.put(copy.clone());
    if size_changed {
        let msg = format!(
            "Scaled {op} replica set {} from {old_scale} to {new_scale}",
            meta::name(&rs.metadata)
        );
        world.record_event(
            Kind::Deployment,
            &d.metadata,
            false,
            "ScalingReplicaSet",
            &msg,
            source(),
        );
    }
    (size_changed, fresh(world, &copy))
}

/// cleanupDeployment: deletes the oldest revisions beyond revisionHistoryLimit, only those fully
/// scaled down and observed.
pub(super) fn cleanup_deployment(world: &mut World, d: &Deployment, old: &[ReplicaSet]) -> Result<()> {
    let Some(limit) = util::revision_history_limit(d) else {
        return Ok(());
    };
    let mut cleanable: Vec<&ReplicaSet> = old.iter().filter(|r| r.metadata.deletion_timestamp.is_none()).collect();
    let diff = cleanable.len() as i64 - i64::from(limit);
    if diff <= 0 {
        return Ok(());
    }
    cleanable.sort_by(|a, b| util::by_revision(a, b));
    for rs in cleanable.into_iter().take(diff as usize) {
        let observed = rs.status.as_ref().and_then(|s| s.observed_generation).unwrap_or(0);
        if util::rs_status_replicas(rs) != 0
            || util::rs_replicas(rs) != 0
            || rs.metadata.generation.unwrap_or(0) > observed
        {
            continue;
        }
        delete_object(
            world,
            Kind::ReplicaSet,
            &ObjKey::of(&rs.metadata),
            Propagation::Background,
            None,
        )?;
    }
    Ok(())
}

/// syncDeploymentStatus: writes calculateStatus when it differs.
pub(super) fn sync_deployment_status(world: &mut World, d: &mut Deployment, rss: &Rss) {
    let s = calculate_status(d, rss, &now(world));
    if d.status.as_ref() != Some(&s) {
        d.status = Some(s);
        update_status(world, d);
    }
}

fn nz(v: i32) -> Option<i32> {
    (v != 0).then_some(v)
}

/// calculateStatus: counts summed from the ReplicaSets, and the Available condition.
pub(super) fn calculate_status(d: &Deployment, rss: &Rss, now: &Time) -> DeploymentStatus {
    let all = rss.all();
    let available = util::available_total(&all);
    let total = util::spec_total(&all);
    let unavailable = (total - available).max(0);
    let old = util::status(d);
    let mut s = DeploymentStatus {
        observed_generation: d.metadata.generation,
        replicas: nz(all.iter().map(|r| util::rs_status_replicas(r)).sum()),
        updated_replicas: nz(rss.new.as_ref().map_or(0, util::rs_status_replicas)),
        ready_replicas: nz(all.iter().map(|r| util::rs_ready(r)).sum()),
        available_replicas: nz(available),
        unavailable_replicas: nz(unavailable),
        collision_count: old.collision_count,
        conditions: old.conditions.clone(),
    };
    let c = if available >= util::replicas(d) - util::max_unavailable(d) {
        util::new_condition(
            util::AVAILABLE,
            "True",
            util::MIN_REPLICAS_AVAILABLE,
            "Deployment has minimum availability.".into(),
            now,
        )
    } else {
        util::new_condition(
            util::AVAILABLE,
            "False",
            util::MIN_REPLICAS_UNAVAILABLE,
            "Deployment does not have minimum availability.".into(),
            now,
        )
    };
    util::set_condition(&mut s, c);
    s
}
