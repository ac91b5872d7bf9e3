//! `rollout status|history|undo|pause|resume|restart` (kubectl `pkg/cmd/rollout`,
//! `polymorphichelpers/{rollout_status,history,rollback,objectpauser,objectresumer,objectrestarter}.go`):
//! per-kind capabilities as one match each, and the status watch on the simulated clock.

use crate::api::k8s_openapi::api::apps::v1::{ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet};
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::meta;
use crate::api::selector::label_selector_matches;
use crate::api::{Error, Kind, ObjKey, Object, Result, Typed, validation};
use crate::engine;
use crate::sim::{SimDuration, SimTime};
use crate::world::World;
use std::collections::BTreeMap;

const REVISION: &str = "deployment.kubernetes.io/revision";
const HASH_LABEL: &str = "pod-template-hash";
const CHANGE_CAUSE: &str = "kubernetes.io/change-cause";
const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";
/// Annotations a rollback keeps from the deployment rather than copying from the ReplicaSet.
const ANNOTATIONS_TO_SKIP: [&str; 6] = [
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION,
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
    "deprecated.deployment.rollback.to",
];

/// Kinds kubectl's `apps.GroupKindElement` visitor knows (others fail before any viewer lookup).
fn visitable(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Deployment
            | Kind::StatefulSet
            | Kind::DaemonSet
            | Kind::Job
            | Kind::Pod
            | Kind::ReplicaSet
            | Kind::ReplicationController
            | Kind::CronJob
    )
}

/// Go's `%v` of a GroupKindElement (a struct without String()): `{apps Foo}`, `{ Service}`.
fn go_group_kind_struct(kind: Kind) -> String {
    format!("{{{} {}}}", kind.group(), kind.name())
}

fn get(world: &World, kind: Kind, key: &ObjKey) -> Result<Object> {
    world
        .get_obj(kind, key)
        .cloned()
        .ok_or_else(|| Error::not_found(kind, &key.name))
}

// ---- status ----

/// StatusViewer.Status: the message (without newline) and whether the rollout is done.
pub fn status(obj: &Object, revision: i64) -> Result<(String, bool)> {
    match obj {
        Object::Deployment(d) => deployment_status(d, revision),
        Object::DaemonSet(ds) => daemonset_status(ds),
        Object::StatefulSet(s) => statefulset_status(s),
        o => Err(Error::msg(format!(
            "no status viewer has been implemented for {}",
            o.kind().group_kind()
        ))),
    }
}

fn deployment_status(d: &Deployment, revision: i64) -> Result<(String, bool)> {
    let name = meta::name(&d.metadata);
    if revision > 0 {
        let rev: i64 = match meta::annotation(&d.metadata, REVISION) {
            None => 0,
            Some(v) => v.parse().map_err(|_| {
                Error::msg(format!(
                    "cannot get the revision of deployment {name:?}: strconv.ParseInt: parsing {v:?}: invalid syntax"
                ))
            })?,
        };
        if rev != revision {
            return Err(Error::msg(format!(
                "desired revision ({revision}) is different from the running revision ({rev})"
            )));
        }
    }
    let st = d.status.clone().unwrap_or_default();
    if d.metadata.generation.unwrap_or(0) <= st.observed_generation.unwrap_or(0) {
        let timed_out = st
            .conditions
            .iter()
            .flatten()
            .any(|c| c.type_ == "Progressing" && c.reason.as_deref() == Some("ProgressDeadlineExceeded"));
        if timed_out {
            return Err(Error::msg(format!(
                "deployment {name:?} exceeded its progress deadline"
            )));
        }
        let updated = st.updated_replicas.unwrap_or(0);
        let replicas = st.replicas.unwrap_or(0);
        let available = st.available_replicas.unwrap_or(0);
        if let Some(want) = d.spec.as_ref().and_then(|s| s.replicas)
            && updated < want
        {
            return Ok((
                format!(
                    "Waiting for deployment {name:?} rollout to finish: {updated} out of {want} new replicas have been updated..."
                ),
                false,
            ));
        }
        if replicas > updated {
            return Ok((
                format!(
                    "Waiting for deployment {name:?} rollout to finish: {} old replicas are pending termination...",
                    replicas - updated
                ),
                false,
            ));
        }
        if available < updated {
            return Ok((
                format!(
                    "Waiting for deployment {name:?} rollout to finish: {available} of {updated} updated replicas are available..."
                ),
                false,
            ));
        }
        return Ok((format!("deployment {name:?} successfully rolled out"), true));
    }
    Ok(("Waiting for deployment spec update to be observed...".into(), false))
}

fn daemonset_status(ds: &DaemonSet) -> Result<(String, bool)> {
    let name = meta::name(&ds.metadata);
    let spec = ds.spec.clone().unwrap_or_default();
    let strategy = spec
        .update_strategy
        .as_ref()
        .and_then(|s| s.type_.clone())
        .unwrap_or_else(|| "RollingUpdate".into());
    if strategy != "RollingUpdate" {
        return Err(Error::msg(
            "rollout status is only available for RollingUpdate strategy type",
        ));
    }
    let st = ds.status.clone().unwrap_or_default();
    if ds.metadata.generation.unwrap_or(0) <= st.observed_generation.unwrap_or(0) {
        let updated = st.updated_number_scheduled.unwrap_or(0);
        let desired = st.desired_number_scheduled;
        if updated < desired {
            return Ok((
                format!(
                    "Waiting for daemon set {name:?} rollout to finish: {updated} out of {desired} new pods have been updated..."
                ),
                false,
            ));
        }
        let available = st.number_available.unwrap_or(0);
        if available < desired {
            return Ok((
                format!(
                    "Waiting for daemon set {name:?} rollout to finish: {available} of {desired} updated pods are available..."
                ),
                false,
            ));
        }
        return Ok((format!("daemon set {name:?} successfully rolled out"), true));
    }
    Ok(("Waiting for daemon set spec update to be observed...".into(), false))
}

fn statefulset_status(sts: &StatefulSet) -> Result<(String, bool)> {
    let spec = sts.spec.clone().unwrap_or_default();
    let strategy = spec.update_strategy.clone().unwrap_or_default();
    if strategy.type_.as_deref().unwrap_or("RollingUpdate") != "RollingUpdate" {
        return Err(Error::msg(
            "rollout status is only available for RollingUpdate strategy type",
        ));
    }
    let st = sts.status.clone().unwrap_or_default();
    let observed = st.observed_generation.unwrap_or(0);
    if observed == 0 || sts.metadata.generation.unwrap_or(0) > observed {
        return Ok(("Waiting for statefulset spec update to be observed...".into(), false));
    }
    if let Some(r) = spec.replicas
        && st.ready_replicas.unwrap_or(0) < r
    {
        return Ok((
            format!("Waiting for {} pods to be ready...", r - st.ready_replicas.unwrap_or(0)),
            false,
        ));
    }
    let updated = st.updated_replicas.unwrap_or(0);
    if let Some(ru) = &strategy.rolling_update {
        if let (Some(r), Some(p)) = (spec.replicas, ru.partition)
            && updated < r - p
        {
            return Ok((
                format!(
                    "Waiting for partitioned roll out to finish: {updated} out of {} new pods have been updated...",
                    r - p
                ),
                false,
            ));
        }
        return Ok((
            format!("partitioned roll out complete: {updated} new pods have been updated..."),
            true,
        ));
    }
    let update_rev = st.update_revision.clone().unwrap_or_default();
    let current_rev = st.current_revision.clone().unwrap_or_default();
    if update_rev != current_rev {
        return Ok((
            format!("waiting for statefulset rolling update to complete {updated} pods at revision {update_rev}..."),
            false,
        ));
    }
    Ok((
        format!(
            "statefulset rolling update complete {} pods at revision {current_rev}...",
            st.current_replicas.unwrap_or(0)
        ),
        true,
    ))
}

/// How `rollout status` waits.
#[derive(Clone, Copy, Debug)]
pub struct WatchOptions {
    pub watch: bool,
    pub revision: i64,
    /// `--timeout` in simulated time (None: zero, never).
    pub timeout: Option<SimDuration>,
}

/// What `rollout status` saw: each distinct line in order, and how it ended.
#[derive(Debug)]
pub struct Watched {
    pub lines: Vec<String>,
    pub result: Result<()>,
}

/// Without `--timeout`, give up once the status has not changed for this long past the
/// deployment's progress deadline (by then the controller has reported ProgressDeadlineExceeded).
fn idle_limit(obj: &Object) -> SimDuration {
    let secs = match obj {
        Object::Deployment(d) => d
            .spec
            .as_ref()
            .and_then(|s| s.progress_deadline_seconds)
            .filter(|s| *s != i32::MAX)
            .unwrap_or(600),
        _ => 600,
    };
    SimDuration::from_secs(i64::from(secs) + 1)
}

/// UntilWithSync over the simulated clock: prints the status, and while not done advances to the
/// next due timer, printing each change, until done, an error, the timeout or (without a timeout)
/// a status unchanged for longer than the progress deadline.
pub fn watch_status(world: &mut World, kind: Kind, key: &ObjKey, o: WatchOptions) -> Watched {
    let mut lines: Vec<String> = Vec::new();
    let result = watch_inner(world, kind, key, o, &mut lines);
    Watched { lines, result }
}

fn watch_inner(world: &mut World, kind: Kind, key: &ObjKey, o: WatchOptions, lines: &mut Vec<String>) -> Result<()> {
    engine::settle(world)?;
    let obj = get(world, kind, key)?;
    status(&obj, o.revision)?;
    let deadline = o.timeout.filter(|d| d.as_secs() > 0).map(|d| world.now() + d);
    let idle = idle_limit(&obj);
    let mut last_change = world.now();
    loop {
        let Some(obj) = world.get_obj(kind, key).cloned() else {
            return Err(Error::msg("object has been deleted"));
        };
        let (line, done) = status(&obj, o.revision)?;
        if lines.last() != Some(&line) {
            lines.push(line);
            last_change = world.now();
        }
        if done || !o.watch {
            return Ok(());
        }
        let limit = deadline.unwrap_or(last_change + idle);
        if world.now() >= limit {
            return Err(Error::msg("timed out waiting for the condition"));
        }
        if engine::step(world, limit)?.is_none() {
            // Nothing is due before the limit: the status cannot change until then.
            world.set_now(limit);
            engine::settle(world)?;
        }
    }
}

// ---- history ----

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

fn rs_revision(rs: &ReplicaSet) -> Option<i64> {
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
fn controller_revisions<'w>(world: &'w World, obj: &Object) -> Vec<&'w ControllerRevision> {
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
fn revision_template(cr: &ControllerRevision) -> Option<PodTemplateSpec> {
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

fn meta_of(t: &mut PodTemplateSpec) -> &mut crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta {
    t.metadata.get_or_insert_with(Default::default)
}

// ---- undo ----

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

// ---- pause / resume / restart ----

/// The patch-style verbs, with kubectl's per-object error wording (`<resource> "<name>" <why>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    Pause,
    Resume,
    Restart,
}

fn object_error(kind: Kind, name: &str, why: &str) -> Error {
    Error::msg(format!("{} {name:?} {why}", kind.resource()))
}

/// objectpauser / objectresumer / objectrestarter: changes the object and stores it.
pub fn toggle(world: &mut World, kind: Kind, key: &ObjKey, t: Toggle) -> Result<()> {
    let old = get(world, kind, key)?;
    let mut obj = old.clone();
    let name = key.name.as_str();
    let now = world.now();
    match (&mut obj, t) {
        (Object::Deployment(d), Toggle::Pause) => {
            let s = d.spec.get_or_insert_with(Default::default);
            if s.paused.unwrap_or(false) {
                return Err(object_error(kind, name, "is already paused"));
            }
            s.paused = Some(true);
        }
        (Object::Deployment(d), Toggle::Resume) => {
            let s = d.spec.get_or_insert_with(Default::default);
            if !s.paused.unwrap_or(false) {
                return Err(object_error(kind, name, "is not paused"));
            }
            s.paused = None;
        }
        (Object::Deployment(d), Toggle::Restart) => {
            let s = d.spec.get_or_insert_with(Default::default);
            if s.paused.unwrap_or(false) {
                return Err(object_error(
                    kind,
                    name,
                    "can't restart paused deployment (run rollout resume first)",
                ));
            }
            restarted(&mut s.template, now);
        }
        (Object::DaemonSet(ds), Toggle::Restart) => {
            if let Some(s) = ds.spec.as_mut() {
                restarted(&mut s.template, now);
            }
        }
        (Object::StatefulSet(sts), Toggle::Restart) => {
            if let Some(s) = sts.spec.as_mut() {
                restarted(&mut s.template, now);
            }
        }
        (_, Toggle::Pause) => return Err(object_error(kind, name, "pausing is not supported")),
        (_, Toggle::Resume) => return Err(object_error(kind, name, "resuming is not supported")),
        (_, Toggle::Restart) => return Err(object_error(kind, name, "restarting is not supported")),
    }
    validation::validate(&obj, Some(&old))?;
    world.update(obj);
    Ok(())
}

fn restarted(t: &mut PodTemplateSpec, now: SimTime) {
    meta_of(t)
        .annotations
        .get_or_insert_with(BTreeMap::new)
        .insert(RESTARTED_AT.into(), now.rfc3339());
}
