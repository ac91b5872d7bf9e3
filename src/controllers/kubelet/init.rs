//! Init containers: each runs in order once the one before it completed (exited 0) or, for a
//! sidecar (`restartPolicy: Always`), started; app containers start once all have.

use super::containers::{probe_passes, step_container};
use super::{Sync, behavior_for};
use crate::api::k8s_openapi::api::core::v1::{Container, ContainerState, ContainerStatus};
use crate::sim::{SimDuration, SimTime};
use crate::world::World;
use std::collections::BTreeMap;

/// Where initialization stands after a pass.
pub(super) struct Init {
    /// Every init container completed (or, for sidecars, started): the app containers may run.
    pub done: bool,
    /// When the app containers' turn began.
    pub since: SimTime,
    /// Initialization finished during this pass: the app containers begin now.
    pub just_done: bool,
}

pub(super) fn is_sidecar(c: &Container) -> bool {
    c.restart_policy.as_deref() == Some("Always")
}

/// When an init container completed (a sidecar: started, its startup probe passed), if it has.
fn completed(c: &Container, st: &ContainerStatus) -> Option<SimTime> {
    let state = st.state.as_ref()?;
    if is_sidecar(c) {
        let at = state
            .running
            .as_ref()
            .filter(|_| st.started == Some(true))?
            .started_at
            .as_ref()?;
        let startup = c.startup_probe.as_ref().map_or(0, |p| probe_passes(p, 0));
        Some(SimTime::from_timestamp(at.0) + SimDuration::from_secs(startup))
    } else {
        let at = state
            .terminated
            .as_ref()
            .filter(|t| t.exit_code == 0)?
            .finished_at
            .as_ref()?;
        Some(SimTime::from_timestamp(at.0))
    }
}

/// A container that was never created: its turn has not begun before.
pub(super) fn fresh(st: &ContainerStatus) -> bool {
    st.container_id.is_none() && st.restart_count == 0
}

/// The status a container has before its turn: waiting with the kubelet's default reason.
pub(super) fn status_index(statuses: &mut Vec<ContainerStatus>, c: &Container, reason: &str) -> usize {
    if let Some(i) = statuses.iter().position(|s| s.name == c.name) {
        return i;
    }
    statuses.push(ContainerStatus {
        name: c.name.clone(),
        image: c.image.clone().unwrap_or_default(),
        started: Some(false),
        state: Some(super::containers::waiting(reason, None)),
        ..Default::default()
    });
    statuses.len() - 1
}

/// Steps the init containers in order. `begin`: the first one's turn starts in this pass (first
/// sight of the pod); later ones begin in the pass in which the one before completes. Once an app
/// container started, a restarting sidecar no longer holds the pod back.
pub(super) fn step_init(
    sync: &mut Sync<'_>,
    world: &World,
    init: &[Container],
    labels: &BTreeMap<String, String>,
    statuses: &mut Vec<ContainerStatus>,
    mut begin: bool,
    app_started: bool,
) -> Init {
    let pod_policy = sync.restart_policy;
    let mut since = sync.start;
    // Every init container has a status from the first sync on, in spec order.
    for c in init {
        status_index(statuses, c, "PodInitializing");
    }
    for c in init {
        let idx = status_index(statuses, c, "PodInitializing");
        let st = &mut statuses[idx];
        let sidecar = is_sidecar(c);
        let before = completed(c, st);
        if let (Some(at), false) = (before, sidecar) {
            since = at;
            begin = false;
            continue;
        }
        let b = behavior_for(world, sync.ns, labels, c.image.as_deref().unwrap_or_default());
        if begin && fresh(st) {
            sync.begin(c, &b);
        }
        sync.start = since;
        // Regular init containers restart only on failure, and never in a pod that never restarts.
        sync.restart_policy = match (sidecar, pod_policy) {
            (true, _) => "Always",
            (false, "Never") => "Never",
            _ => "OnFailure",
        };
        step_container(sync, c, st, &b);
        sync.restart_policy = pod_policy;
        sync.start = since;
        let done = completed(c, st);
        if !sidecar {
            // No readiness probes for regular init containers: the prober reports one ready once
            // it completed.
            st.ready = done.is_some();
        }
        match done {
            Some(at) => {
                since = since.max(before.unwrap_or(at));
                begin = before.is_none();
            }
            None if sidecar && app_started => begin = false,
            None => {
                return Init {
                    done: false,
                    since,
                    just_done: false,
                };
            }
        }
    }
    Init {
        done: true,
        since,
        just_done: begin,
    }
}

/// Sidecars still running when the pod completes are stopped with it.
pub(super) fn stop_sidecars(init: &[Container], statuses: &mut [ContainerStatus], now: SimTime) {
    for st in statuses.iter_mut() {
        let sidecar = init.iter().any(|c| c.name == st.name && is_sidecar(c));
        let Some(started) = st
            .state
            .as_ref()
            .and_then(|s| s.running.as_ref())
            .map(|r| r.started_at.clone())
        else {
            continue;
        };
        if sidecar {
            st.ready = false;
            st.started = Some(false);
            st.state = Some(ContainerState {
                terminated: Some(crate::api::k8s_openapi::api::core::v1::ContainerStateTerminated {
                    exit_code: 0,
                    reason: Some("Completed".into()),
                    started_at: started,
                    finished_at: Some(super::t(now)),
                    container_id: st.container_id.clone(),
                    ..Default::default()
                }),
                ..Default::default()
            });
        }
    }
}
