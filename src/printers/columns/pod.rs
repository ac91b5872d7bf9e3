//! The pod row: kubectl v1.32 `printPod` (pkg/printers/internalversion/printers.go): READY over
//! app and sidecar containers, STATUS from init containers, then app containers (last to first),
//! then deletion; RESTARTS with the last termination's age.

use super::{TableOpts, created, name_of};
use crate::api::k8s_openapi::api::core::v1::{Container, ContainerState, Pod, PodCondition, PodSpec, PodStatus};
use crate::printers::duration::human_duration;

/// A sidecar: an init container with `restartPolicy: Always` (podutil.IsRestartableInitContainer).
fn restartable(c: Option<&Container>) -> bool {
    c.and_then(|c| c.restart_policy.as_deref()) == Some("Always")
}

fn condition_true(conds: &[PodCondition], type_: &str) -> bool {
    conds
        .iter()
        .find(|c| c.type_ == type_)
        .is_some_and(|c| c.status == "True")
}

/// `Signal:9` / `ExitCode:1` (with `prefix` `Init:` for init containers) for a terminated state
/// without a reason.
fn exit_reason(prefix: &str, state: &ContainerState) -> Option<String> {
    let t = state.terminated.as_ref()?;
    Some(match t.reason.as_deref().filter(|r| !r.is_empty()) {
        Some(r) => format!("{prefix}{r}"),
        None if t.signal.unwrap_or(0) != 0 => format!("{prefix}Signal:{}", t.signal.unwrap_or(0)),
        None => format!("{prefix}ExitCode:{}", t.exit_code),
    })
}

/// The latest of `last` and a container's last termination time (seconds).
fn later_restart(last: Option<i64>, state: Option<&ContainerState>) -> Option<i64> {
    let t = state
        .and_then(|s| s.terminated.as_ref())
        .and_then(|t| t.finished_at.as_ref())
        .map(|t| t.0.as_second());
    match (last, t) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

pub(super) fn pod_row(p: &Pod, o: TableOpts) -> Vec<String> {
    let (empty_status, empty_spec) = (PodStatus::default(), PodSpec::default());
    let status = p.status.as_ref().unwrap_or(&empty_status);
    let spec = p.spec.as_ref().unwrap_or(&empty_spec);
    let conds: &[PodCondition] = status.conditions.as_deref().unwrap_or(&[]);
    let phase = status.phase.as_deref().unwrap_or("");
    let mut reason = status
        .reason
        .clone()
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| phase.to_string());
    if conds
        .iter()
        .any(|c| c.type_ == "PodScheduled" && c.reason.as_deref() == Some("SchedulingGated"))
    {
        reason = "SchedulingGated".into();
    }
    let init_containers = spec.init_containers.as_deref().unwrap_or(&[]);
    let init_spec = |name: &str| init_containers.iter().find(|c| c.name == name);
    let total = spec.containers.len() + init_containers.iter().filter(|c| restartable(Some(c))).count();
    let mut ready = 0;
    let (mut restarts, mut sidecar_restarts) = (0, 0);
    let (mut last_restart, mut sidecar_last_restart) = (None, None);
    let empty_state = ContainerState::default();

    let mut initializing = false;
    for (i, cs) in status.init_container_statuses.iter().flatten().enumerate() {
        let st = cs.state.as_ref().unwrap_or(&empty_state);
        let sidecar = restartable(init_spec(&cs.name));
        restarts += cs.restart_count;
        last_restart = later_restart(last_restart, cs.last_state.as_ref());
        if sidecar {
            sidecar_restarts += cs.restart_count;
            sidecar_last_restart = later_restart(sidecar_last_restart, cs.last_state.as_ref());
        }
        if st.terminated.as_ref().is_some_and(|t| t.exit_code == 0) {
            continue;
        }
        if sidecar && cs.started == Some(true) {
            if cs.ready {
                ready += 1;
            }
            continue;
        }
        initializing = true;
        let waiting = st
            .waiting
            .as_ref()
            .and_then(|w| w.reason.as_deref())
            .filter(|r| !r.is_empty() && *r != "PodInitializing");
        reason = match (exit_reason("Init:", st), waiting) {
            (Some(r), _) => r,
            (None, Some(w)) => format!("Init:{w}"),
            (None, None) => format!("Init:{i}/{}", init_containers.len()),
        };
        break;
    }

    if !initializing || condition_true(conds, "Initialized") {
        restarts = sidecar_restarts;
        last_restart = sidecar_last_restart;
        let mut has_running = false;
        for cs in status.container_statuses.iter().flatten().rev() {
            let st = cs.state.as_ref().unwrap_or(&empty_state);
            restarts += cs.restart_count;
            last_restart = later_restart(last_restart, cs.last_state.as_ref());
            if let Some(w) = st
                .waiting
                .as_ref()
                .and_then(|w| w.reason.clone())
                .filter(|r| !r.is_empty())
            {
                reason = w;
            } else if let Some(r) = exit_reason("", st) {
                reason = r;
            } else if cs.ready && st.running.is_some() {
                has_running = true;
                ready += 1;
            }
        }
        // A completed container beside a running one: the pod is Running (or NotReady).
        if reason == "Completed" && has_running {
            reason = if condition_true(conds, "Ready") {
                "Running"
            } else {
                "NotReady"
            }
            .into();
        }
    }

    if p.metadata.deletion_timestamp.is_some() {
        if status.reason.as_deref() == Some("NodeLost") {
            reason = "Unknown".into();
        } else if phase != "Succeeded" && phase != "Failed" {
            reason = "Terminating".into();
        }
    }
    let restarts_cell = match last_restart {
        Some(t) if restarts != 0 => format!("{restarts} ({} ago)", human_duration(o.now.secs() - t)),
        _ => restarts.to_string(),
    };
    let or_none = |s: Option<&String>| s.filter(|s| !s.is_empty()).cloned().unwrap_or_else(|| "<none>".into());
    let gates = match &spec.readiness_gates {
        Some(g) if !g.is_empty() => {
            let t = g
                .iter()
                .filter(|g| {
                    conds
                        .iter()
                        .find(|c| c.type_ == g.condition_type)
                        .is_some_and(|c| c.status == "True")
                })
                .count();
            format!("{t}/{}", g.len())
        }
        _ => "<none>".into(),
    };
    vec![
        name_of(&p.metadata),
        format!("{ready}/{total}"),
        reason,
        restarts_cell,
        created(&p.metadata, o.now),
        or_none(status.pod_ip.as_ref()),
        or_none(spec.node_name.as_ref()),
        or_none(status.nominated_node_name.as_ref()),
        gates,
    ]
}
