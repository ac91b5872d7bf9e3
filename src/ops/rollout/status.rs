//! `rollout status`: the per-kind status viewers and the watch on the simulated clock.

use super::{REVISION, get};
use crate::api::k8s_openapi::api::apps::v1::{DaemonSet, Deployment, StatefulSet};
use crate::api::meta;
use crate::api::{Error, Kind, ObjKey, Object, Result};
use crate::engine;
use crate::sim::SimDuration;
use crate::world::World;

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
