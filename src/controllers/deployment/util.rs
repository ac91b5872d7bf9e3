//! Pure helpers of the Deployment controller (`pkg/controller/deployment/util/deployment_util.go`): fenceposts, annotations, conditions, RS ordering and sizing.

use crate::api::k8s_openapi::api::apps::v1::{
    Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet, ReplicaSetCondition,
};
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use crate::api::k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use crate::api::meta;
use std::cmp::Ordering;

pub(super) const REVISION: &str = "deployment.kubernetes.io/revision";
pub(super) const REVISION_HISTORY: &str = "deployment.kubernetes.io/revision-history";
pub(super) const DESIRED_REPLICAS: &str = "deployment.kubernetes.io/desired-replicas";
pub(super) const MAX_REPLICAS: &str = "deployment.kubernetes.io/max-replicas";
pub(super) const HASH_LABEL: &str = "pod-template-hash";
/// Longest `revision-history` annotation the controller writes (maxRevHistoryLengthInChars).
pub(super) const MAX_REV_HISTORY_CHARS: usize = 2000;

/// Annotations never copied from a deployment to its ReplicaSets (annotationsToSkip).
const ANNOTATIONS_TO_SKIP: [&str; 6] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION,
    REVISION_HISTORY,
    DESIRED_REPLICAS,
    MAX_REPLICAS,
    "deprecated.deployment.rollback.to",
];

pub(super) const AVAILABLE: &str = "Available";
pub(super) const PROGRESSING: &str = "Progressing";
pub(super) const REPLICA_FAILURE: &str = "ReplicaFailure";
pub(super) const MIN_REPLICAS_AVAILABLE: &str = "MinimumReplicasAvailable";
pub(super) const MIN_REPLICAS_UNAVAILABLE: &str = "MinimumReplicasUnavailable";
pub(super) const RS_UPDATED_REASON: &str = "ReplicaSetUpdated";
pub(super) const FAILED_RS_CREATE_REASON: &str = "ReplicaSetCreateError";
pub(super) const NEW_RS_REASON: &str = "NewReplicaSetCreated";
pub(super) const FOUND_NEW_RS_REASON: &str = "FoundNewReplicaSet";
pub(super) const NEW_RS_AVAILABLE_REASON: &str = "NewReplicaSetAvailable";
pub(super) const TIMED_OUT_REASON: &str = "ProgressDeadlineExceeded";
pub(super) const PAUSED_REASON: &str = "DeploymentPaused";
pub(super) const RESUMED_REASON: &str = "DeploymentResumed";

// ---- reading deployments and replica sets ----

pub(super) fn replicas(d: &Deployment) -> i32 {
    d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1)
}

pub(super) fn is_rolling_update(d: &Deployment) -> bool {
    let t = d
        .spec
        .as_ref()
        .and_then(|s| s.strategy.as_ref())
        .and_then(|s| s.type_.as_deref());
    t.unwrap_or("RollingUpdate") == "RollingUpdate"
}

pub(super) fn min_ready_seconds(d: &Deployment) -> i32 {
    d.spec.as_ref().and_then(|s| s.min_ready_seconds).unwrap_or(0)
}

/// HasProgressDeadline: set and not MaxInt32.
pub(super) fn progress_deadline(d: &Deployment) -> Option<i64> {
    d.spec
        .as_ref()
        .and_then(|s| s.progress_deadline_seconds)
        .filter(|s| *s != i32::MAX)
        .map(i64::from)
}

/// HasRevisionHistoryLimit: set and not MaxInt32.
pub(super) fn revision_history_limit(d: &Deployment) -> Option<i32> {
    d.spec
        .as_ref()
        .and_then(|s| s.revision_history_limit)
        .filter(|s| *s != i32::MAX)
}

pub(super) fn rs_replicas(rs: &ReplicaSet) -> i32 {
    rs.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1)
}

pub(super) fn set_rs_replicas(rs: &mut ReplicaSet, n: i32) {
    rs.spec.get_or_insert_with(Default::default).replicas = Some(n);
}

pub(super) fn rs_status_replicas(rs: &ReplicaSet) -> i32 {
    rs.status.as_ref().map_or(0, |s| s.replicas)
}

pub(super) fn rs_ready(rs: &ReplicaSet) -> i32 {
    rs.status.as_ref().and_then(|s| s.ready_replicas).unwrap_or(0)
}

pub(super) fn rs_available(rs: &ReplicaSet) -> i32 {
    rs.status.as_ref().and_then(|s| s.available_replicas).unwrap_or(0)
}

/// GetReplicaCountForReplicaSets: the sum of spec.replicas.
pub(super) fn spec_total(rss: &[&ReplicaSet]) -> i32 {
    rss.iter().map(|r| rs_replicas(r)).sum()
}

/// GetAvailableReplicaCountForReplicaSets.
pub(super) fn available_total(rss: &[&ReplicaSet]) -> i32 {
    rss.iter().map(|r| rs_available(r)).sum()
}

/// FilterActiveReplicaSets: spec.replicas > 0.
pub(super) fn active<'a>(rss: impl IntoIterator<Item = &'a ReplicaSet>) -> Vec<&'a ReplicaSet> {
    rss.into_iter().filter(|r| rs_replicas(r) > 0).collect()
}

/// The revision annotation as a number; absent is 0, unparsable is an error (None).
pub(super) fn revision(m: &ObjectMeta) -> Option<i64> {
    match meta::annotation(m, REVISION) {
        None => Some(0),
        Some(v) => v.parse().ok(),
    }
}

/// MaxRevision over replica sets (unparsable revisions are skipped).
pub(super) fn max_revision(rss: &[ReplicaSet]) -> i64 {
    rss.iter()
        .filter_map(|r| revision(&r.metadata))
        .max()
        .unwrap_or(0)
        .max(0)
}

// ---- ordering (controller.ReplicaSetsBy*) ----

fn created(rs: &ReplicaSet) -> Option<jiff::Timestamp> {
    rs.metadata.creation_timestamp.as_ref().map(|t| t.0)
}

/// ReplicaSetsByCreationTimestamp: oldest first, ties by name.
pub(super) fn by_creation(a: &ReplicaSet, b: &ReplicaSet) -> Ordering {
    created(a)
        .cmp(&created(b))
        .then_with(|| a.metadata.name.cmp(&b.metadata.name))
}

/// ReplicaSetsBySizeOlder: largest first, ties oldest first.
pub(super) fn by_size_older(a: &ReplicaSet, b: &ReplicaSet) -> Ordering {
    rs_replicas(b).cmp(&rs_replicas(a)).then_with(|| by_creation(a, b))
}

/// ReplicaSetsBySizeNewer: largest first, ties newest first.
pub(super) fn by_size_newer(a: &ReplicaSet, b: &ReplicaSet) -> Ordering {
    rs_replicas(b).cmp(&rs_replicas(a)).then_with(|| by_creation(b, a))
}

/// ReplicaSetsByRevision: lowest revision first, ties (or unparsable) by creation.
pub(super) fn by_revision(a: &ReplicaSet, b: &ReplicaSet) -> Ordering {
    match (revision(&a.metadata), revision(&b.metadata)) {
        (Some(x), Some(y)) if x != y => x.cmp(&y),
        _ => by_creation(a, b),
    }
}

// ---- templates ----

/// Drops nulls and empty maps/lists so that nil and empty compare equal, as
/// `apiequality.Semantic.DeepEqual` does.
fn normalized(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k, normalized(v)))
                .filter(|(_, v)| {
                    !(v.is_null()
                        || v.as_object().is_some_and(|o| o.is_empty())
                        || v.as_array().is_some_and(|a| a.is_empty()))
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(normalized).collect()),
        other => other,
    }
}

fn without_hash(t: &PodTemplateSpec) -> serde_json::Value {
    let mut t = t.clone();
    if let Some(l) = t.metadata.as_mut().and_then(|m| m.labels.as_mut()) {
        l.remove(HASH_LABEL);
    }
    normalized(serde_json::to_value(&t).unwrap_or_default())
}

/// EqualIgnoreHash: templates equal once the `pod-template-hash` label is removed from both.
pub(super) fn equal_ignore_hash(a: &PodTemplateSpec, b: &PodTemplateSpec) -> bool {
    without_hash(a) == without_hash(b)
}

/// The pod-template-hash of a deployment's template (controller.ComputeHash).
pub(super) fn compute_hash(t: &PodTemplateSpec, collision_count: Option<i32>) -> String {
    crate::api::names::template_hash(&serde_json::to_string(t).unwrap_or_default(), collision_count)
}

/// FindNewReplicaSet: the oldest RS whose template equals the deployment's ignoring the hash.
pub(super) fn find_new<'a>(d: &Deployment, rss: &'a [ReplicaSet]) -> Option<&'a ReplicaSet> {
    let t = &d.spec.as_ref()?.template;
    let mut sorted: Vec<&ReplicaSet> = rss.iter().collect();
    sorted.sort_by(|a, b| by_creation(a, b));
    sorted.into_iter().find(|rs| {
        rs.spec
            .as_ref()
            .and_then(|s| s.template.as_ref())
            .is_some_and(|rt| equal_ignore_hash(rt, t))
    })
}

// ---- fenceposts ----

/// intstr.GetScaledValueFromIntOrPercent: percentages scale against `total`, rounding up or down.
pub(super) fn scaled_value(v: Option<&IntOrString>, total: i32, round_up: bool) -> i32 {
    match v {
        None => 0,
        Some(IntOrString::Int(i)) => *i,
        Some(IntOrString::String(s)) => {
            let Some(p) = s.strip_suffix('%').and_then(|p| p.parse::<i64>().ok()) else {
                return 0;
            };
            let x = p * i64::from(total);
            let r = if round_up {
                x.div_euclid(100) + i64::from(x.rem_euclid(100) != 0)
            } else {
                x.div_euclid(100)
            };
            r as i32
        }
    }
}

/// ResolveFenceposts: (maxSurge rounded up, maxUnavailable rounded down); both 0 → unavailable 1.
pub(super) fn resolve_fenceposts(
    surge: Option<&IntOrString>,
    unavailable: Option<&IntOrString>,
    desired: i32,
) -> (i32, i32) {
    let s = scaled_value(surge, desired, true);
    let u = scaled_value(unavailable, desired, false);
    if s == 0 && u == 0 { (0, 1) } else { (s, u) }
}

fn fenceposts(d: &Deployment) -> (i32, i32) {
    let ru = d
        .spec
        .as_ref()
        .and_then(|s| s.strategy.as_ref())
        .and_then(|s| s.rolling_update.as_ref());
    resolve_fenceposts(
        ru.and_then(|r| r.max_surge.as_ref()),
        ru.and_then(|r| r.max_unavailable.as_ref()),
        replicas(d),
    )
}

/// MaxSurge: 0 unless RollingUpdate.
pub(super) fn max_surge(d: &Deployment) -> i32 {
    if !is_rolling_update(d) { 0 } else { fenceposts(d).0 }
}

/// MaxUnavailable: 0 unless RollingUpdate with replicas > 0; capped at replicas.
pub(super) fn max_unavailable(d: &Deployment) -> i32 {
    let r = replicas(d);
    if !is_rolling_update(d) || r == 0 {
        0
    } else {
        fenceposts(d).1.min(r)
    }
}

/// NewRSNewReplicas: how far the new RS may grow now.
pub(super) fn new_rs_new_replicas(d: &Deployment, all: &[&ReplicaSet], new_rs: &ReplicaSet) -> i32 {
    if !is_rolling_update(d) {
        return replicas(d);
    }
    let current = spec_total(all);
    let max_total = replicas(d) + max_surge(d);
    if current >= max_total {
        return rs_replicas(new_rs);
    }
    let up = (max_total - current).min(replicas(d) - rs_replicas(new_rs));
    rs_replicas(new_rs) + up
}

/// IsSaturated: the RS is at full size, annotated with it, and fully available.
pub(super) fn is_saturated(d: &Deployment, rs: Option<&ReplicaSet>) -> bool {
    let Some(rs) = rs else { return false };
    let Some(desired) = meta::annotation(&rs.metadata, DESIRED_REPLICAS).and_then(|v| v.parse::<i32>().ok()) else {
        return false;
    };
    let r = replicas(d);
    rs_replicas(rs) == r && desired == r && rs_available(rs) == r
}

/// FindActiveOrLatest: the only active RS, or the newest when none is active; None when several are.
pub(super) fn find_active_or_latest<'a>(
    new_rs: Option<&'a ReplicaSet>,
    old: &'a [ReplicaSet],
) -> Option<&'a ReplicaSet> {
    if new_rs.is_none() && old.is_empty() {
        return None;
    }
    let mut sorted: Vec<&ReplicaSet> = old.iter().collect();
    sorted.sort_by(|a, b| by_creation(b, a));
    let all = active(sorted.iter().copied().chain(new_rs));
    match all.len() {
        0 => new_rs.or(sorted.first().copied()),
        1 => Some(all[0]),
        _ => None,
    }
}

fn int_annotation(rs: &ReplicaSet, key: &str) -> Option<i32> {
    meta::annotation(&rs.metadata, key).and_then(|v| v.parse().ok())
}

pub(super) fn desired_replicas_annotation(rs: &ReplicaSet) -> Option<i32> {
    int_annotation(rs, DESIRED_REPLICAS)
}

/// GetProportion: this RS's share of `to_add`, bounded so the running total never passes it.
pub(super) fn proportion(rs: &ReplicaSet, d: &Deployment, to_add: i32, added: i32) -> i32 {
    if rs_replicas(rs) == 0 || to_add == 0 || to_add == added {
        return 0;
    }
    let fraction = rs_fraction(rs, d);
    let allowed = to_add - added;
    if to_add > 0 {
        fraction.min(allowed)
    } else {
        fraction.max(allowed)
    }
}

/// getReplicaSetFraction: round(rs.replicas × (replicas + maxSurge) / max-replicas) − rs.replicas.
fn rs_fraction(rs: &ReplicaSet, d: &Deployment) -> i32 {
    if replicas(d) == 0 {
        return -rs_replicas(rs);
    }
    let deployment_replicas = replicas(d) + max_surge(d);
    let annotated =
        int_annotation(rs, MAX_REPLICAS).unwrap_or_else(|| d.status.as_ref().and_then(|s| s.replicas).unwrap_or(0));
    if annotated == 0 {
        return 0;
    }
    let size = f64::from(rs_replicas(rs)) * f64::from(deployment_replicas) / f64::from(annotated);
    size.round() as i32 - rs_replicas(rs)
}

// ---- annotations ----

/// SetReplicasAnnotations; returns whether anything changed.
pub(super) fn set_replicas_annotations(rs: &mut ReplicaSet, desired: i32, max: i32) -> bool {
    let mut changed = false;
    for (k, v) in [(DESIRED_REPLICAS, desired), (MAX_REPLICAS, max)] {
        if meta::annotation(&rs.metadata, k) != Some(v.to_string().as_str()) {
            meta::set_annotation(&mut rs.metadata, k, v.to_string());
            changed = true;
        }
    }
    changed
}

/// ReplicasAnnotationsNeedUpdate.
pub(super) fn replicas_annotations_need_update(rs: &ReplicaSet, desired: i32, max: i32) -> bool {
    meta::annotation(&rs.metadata, DESIRED_REPLICAS) != Some(desired.to_string().as_str())
        || meta::annotation(&rs.metadata, MAX_REPLICAS) != Some(max.to_string().as_str())
}

/// copyDeploymentAnnotationsToReplicaSet.
fn copy_annotations(d: &Deployment, rs: &mut ReplicaSet) -> bool {
    let mut changed = false;
    for (k, v) in d.metadata.annotations.iter().flatten() {
        if ANNOTATIONS_TO_SKIP.contains(&k.as_str()) || meta::annotation(&rs.metadata, k) == Some(v.as_str()) {
            continue;
        }
        meta::set_annotation(&mut rs.metadata, k, v.clone());
        changed = true;
    }
    changed
}

/// SetNewReplicaSetAnnotations: copies the deployment's annotations, raises the revision to
/// `new_revision` (recording the old one in revision-history when it existed), and for a
/// replica set about to be created sets desired/max replicas. Returns whether anything changed.
pub(super) fn set_new_rs_annotations(d: &Deployment, rs: &mut ReplicaSet, new_revision: i64, exists: bool) -> bool {
    let mut changed = copy_annotations(d, rs);
    let old = meta::annotation(&rs.metadata, REVISION).map(str::to_string);
    let old_int = match old.as_deref() {
        None | Some("") => 0,
        Some(v) => match v.parse::<i64>() {
            Ok(n) => n,
            Err(_) => return false,
        },
    };
    if old_int < new_revision {
        meta::set_annotation(&mut rs.metadata, REVISION, new_revision.to_string());
        changed = true;
        if let Some(old) = old {
            let history = meta::annotation(&rs.metadata, REVISION_HISTORY)
                .unwrap_or("")
                .to_string();
            if history.is_empty() {
                meta::set_annotation(&mut rs.metadata, REVISION_HISTORY, old);
            } else {
                let parts: Vec<&str> = history.split(',').collect();
                let mut total = history.len() + old.len() + 1;
                let mut start = 0;
                while total > MAX_REV_HISTORY_CHARS && start < parts.len() {
                    total -= parts[start].len() + 1;
                    start += 1;
                }
                if total <= MAX_REV_HISTORY_CHARS {
                    let mut kept: Vec<&str> = parts[start..].to_vec();
                    kept.push(&old);
                    meta::set_annotation(&mut rs.metadata, REVISION_HISTORY, kept.join(","));
                }
            }
        }
    }
    if !exists && set_replicas_annotations(rs, replicas(d), replicas(d) + max_surge(d)) {
        changed = true;
    }
    changed
}

/// SetDeploymentRevision; returns whether it changed.
pub(super) fn set_deployment_revision(d: &mut Deployment, revision: &str) -> bool {
    if meta::annotation(&d.metadata, REVISION) == Some(revision) {
        return false;
    }
    meta::set_annotation(&mut d.metadata, REVISION, revision);
    true
}

// ---- status and conditions ----

pub(super) fn status(d: &Deployment) -> DeploymentStatus {
    d.status.clone().unwrap_or_default()
}

pub(super) fn get_condition<'a>(s: &'a DeploymentStatus, type_: &str) -> Option<&'a DeploymentCondition> {
    s.conditions.as_ref()?.iter().find(|c| c.type_ == type_)
}

pub(super) fn new_condition(
    type_: &str,
    status: &str,
    reason: &str,
    message: String,
    now: &Time,
) -> DeploymentCondition {
    DeploymentCondition {
        type_: type_.into(),
        status: status.into(),
        reason: Some(reason.into()),
        message: Some(message),
        last_update_time: Some(now.clone()),
        last_transition_time: Some(now.clone()),
    }
}

/// SetDeploymentCondition: a no-op for the same status and reason; otherwise the condition is
/// replaced (moved to the end), keeping lastTransitionTime when the status is unchanged.
pub(super) fn set_condition(s: &mut DeploymentStatus, mut c: DeploymentCondition) {
    if let Some(cur) = get_condition(s, &c.type_) {
        if cur.status == c.status && cur.reason == c.reason {
            return;
        }
        if cur.status == c.status {
            c.last_transition_time = cur.last_transition_time.clone();
        }
    }
    remove_condition(s, &c.type_.clone());
    s.conditions.get_or_insert_with(Vec::new).push(c);
}

pub(super) fn remove_condition(s: &mut DeploymentStatus, type_: &str) {
    if let Some(cs) = s.conditions.as_mut() {
        cs.retain(|c| c.type_ != type_);
        if cs.is_empty() {
            s.conditions = None;
        }
    }
}

/// ReplicaSetToDeploymentCondition.
pub(super) fn rs_to_deployment_condition(c: &ReplicaSetCondition) -> DeploymentCondition {
    DeploymentCondition {
        type_: c.type_.clone(),
        status: c.status.clone(),
        reason: c.reason.clone(),
        message: c.message.clone(),
        last_update_time: c.last_transition_time.clone(),
        last_transition_time: c.last_transition_time.clone(),
    }
}

fn n(v: Option<i32>) -> i32 {
    v.unwrap_or(0)
}

/// DeploymentComplete: every replica updated and available, and the spec observed.
pub(super) fn deployment_complete(d: &Deployment, s: &DeploymentStatus) -> bool {
    let r = replicas(d);
    n(s.updated_replicas) == r
        && n(s.replicas) == r
        && n(s.available_replicas) == r
        && s.observed_generation.unwrap_or(0) >= d.metadata.generation.unwrap_or(0)
}

/// DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than before.
pub(super) fn deployment_progressing(d: &Deployment, new: &DeploymentStatus) -> bool {
    let old = status(d);
    let old_old = n(old.replicas) - n(old.updated_replicas);
    let new_old = n(new.replicas) - n(new.updated_replicas);
    n(new.updated_replicas) > n(old.updated_replicas)
        || new_old < old_old
        || n(new.ready_replicas) > n(old.ready_replicas)
        || n(new.available_replicas) > n(old.available_replicas)
}

/// DeploymentTimedOut: no progress for progressDeadlineSeconds since the Progressing
/// condition's lastUpdateTime. Upstream compares strictly (`Before`) on sub-second wall times and
/// requeues a second late to absorb clock skew; the simulated clock has neither, so the deadline
/// is reached at exactly lastUpdateTime + progressDeadlineSeconds (a 600 s deadline fails at
/// 00:10:00, as the product's transcripts show).
pub(super) fn deployment_timed_out(d: &Deployment, s: &DeploymentStatus, now_secs: i64) -> bool {
    let Some(deadline) = progress_deadline(d) else {
        return false;
    };
    let Some(c) = get_condition(s, PROGRESSING) else {
        return false;
    };
    match c.reason.as_deref() {
        Some(NEW_RS_AVAILABLE_REASON) => false,
        Some(TIMED_OUT_REASON) => true,
        _ => c
            .last_update_time
            .as_ref()
            .is_some_and(|t| t.0.as_second() + deadline <= now_secs),
    }
}

#[cfg(test)]
#[path = "util_tests.rs"]
mod tests;
