//! The pod phase and conditions the kubelet reports (`getPhase` in pkg/kubelet/kubelet_pods.go,
//! pkg/kubelet/status/generate.go): Initialized, ContainersReady and Ready, from the container
//! statuses and the phase.

use super::init::is_sidecar;
use crate::api::k8s_openapi::api::core::v1::{ContainerStatus, PodCondition, PodSpec};

/// A condition's status, reason and message.
pub(super) type Cond = (&'static str, Option<&'static str>, Option<String>);

/// Go's `%s` of a `[]string`: `[a b]`.
fn go_list(names: &[&str]) -> String {
    format!("[{}]", names.join(" "))
}

fn status_of<'a>(statuses: &'a [ContainerStatus], name: &str) -> Option<&'a ContainerStatus> {
    statuses.iter().find(|s| s.name == name)
}

fn terminal(phase: &str) -> Option<Cond> {
    match phase {
        "Succeeded" => Some(("False", Some("PodCompleted"), None)),
        "Failed" => Some(("False", Some("PodFailed"), None)),
        _ => None,
    }
}

/// `getPhase`: Pending until every regular init container completed and every container started
/// (sidecars that restart after the app containers started do not count), Failed when
/// initialization failed in a pod that never restarts, Running while a container runs (or all
/// restart), Succeeded/Failed once all app containers stopped for good.
pub(super) fn phase(spec: &PodSpec, init: &[ContainerStatus], app: &[ContainerStatus]) -> &'static str {
    let policy = spec.restart_policy.as_deref().unwrap_or("Always");
    let last_failed = |s: &ContainerStatus| {
        s.last_state
            .as_ref()
            .and_then(|l| l.terminated.as_ref())
            .map(|t| t.exit_code != 0)
    };
    let (mut pending_init, mut pending_sidecars, mut failed_init) = (0, 0, 0);
    let (mut unknown, mut running, mut waiting, mut stopped, mut succeeded) = (0, 0, 0, 0, 0);
    for c in spec.init_containers.iter().flatten() {
        let Some(s) = status_of(init, &c.name) else {
            if is_sidecar(c) {
                unknown += 1;
            } else {
                pending_init += 1;
            }
            continue;
        };
        let st = s.state.clone().unwrap_or_default();
        if is_sidecar(c) {
            if st.running.is_some() {
                if s.started != Some(true) {
                    pending_sidecars += 1;
                }
                running += 1;
            } else if st.terminated.is_none() && st.waiting.is_some() && last_failed(s).is_none() {
                pending_sidecars += 1;
                waiting += 1;
            } else if st.terminated.is_none() && st.waiting.is_none() {
                pending_sidecars += 1;
                unknown += 1;
            }
        } else if let Some(t) = &st.terminated {
            failed_init += i32::from(t.exit_code != 0);
        } else if st.waiting.is_some() && st.running.is_none() {
            match last_failed(s) {
                Some(failed) => failed_init += i32::from(failed),
                None => pending_init += 1,
            }
        } else {
            pending_init += 1;
        }
    }
    for c in &spec.containers {
        let Some(s) = status_of(app, &c.name) else {
            unknown += 1;
            continue;
        };
        let st = s.state.clone().unwrap_or_default();
        if st.running.is_some() {
            running += 1;
        } else if let Some(t) = &st.terminated {
            stopped += 1;
            succeeded += i32::from(t.exit_code == 0);
        } else if st.waiting.is_some() {
            if last_failed(s).is_some() {
                stopped += 1;
            } else {
                waiting += 1;
            }
        } else {
            unknown += 1;
        }
    }
    let app_started = app.iter().any(|s| {
        s.state
            .as_ref()
            .is_some_and(|st| st.running.is_some() || st.terminated.is_some())
    });
    if failed_init > 0 && policy == "Never" {
        return "Failed";
    }
    if pending_init > 0 || (pending_sidecars > 0 && !app_started) || waiting > 0 {
        return "Pending";
    }
    if running > 0 && unknown == 0 {
        return "Running";
    }
    if running == 0 && stopped > 0 && unknown == 0 {
        return match policy {
            "Always" => "Running",
            _ if stopped == succeeded => "Succeeded",
            "Never" => "Failed",
            _ => "Running",
        };
    }
    "Pending"
}

/// `GeneratePodInitializedCondition`.
pub(super) fn initialized(spec: &PodSpec, init: &[ContainerStatus], app: &[ContainerStatus], phase: &str) -> Cond {
    let init_specs = spec.init_containers.as_deref().unwrap_or_default();
    let mut unknown = Vec::new();
    let mut incomplete = Vec::new();
    for c in init_specs {
        match status_of(init, &c.name) {
            None => unknown.push(c.name.as_str()),
            Some(s) if is_sidecar(c) && s.started != Some(true) => incomplete.push(c.name.as_str()),
            Some(s) if !is_sidecar(c) && !s.ready => incomplete.push(c.name.as_str()),
            Some(_) => {}
        }
    }
    if phase == "Succeeded" && unknown.is_empty() {
        return ("True", Some("PodCompleted"), None);
    }
    // An app container that started means the pod was initialized before (a sidecar restarting).
    let app_started = app.iter().any(|s| {
        s.state
            .as_ref()
            .is_some_and(|st| st.running.is_some() || st.terminated.is_some())
    });
    if app_started {
        return ("True", None, None);
    }
    not_all(&unknown, ("incomplete", &incomplete), "ContainersNotInitialized")
}

/// True, or False with `reason` and the message naming the unknown and the `(what, names)` ones.
fn not_all(unknown: &[&str], (what, names): (&str, &[&str]), reason: &'static str) -> Cond {
    let mut messages = Vec::new();
    if !unknown.is_empty() {
        messages.push(format!("containers with unknown status: {}", go_list(unknown)));
    }
    if !names.is_empty() {
        messages.push(format!("containers with {what} status: {}", go_list(names)));
    }
    if messages.is_empty() {
        ("True", None, None)
    } else {
        ("False", Some(reason), Some(messages.join(", ")))
    }
}

/// `GenerateContainersReadyCondition`: sidecars and app containers.
pub(super) fn containers_ready(spec: &PodSpec, init: &[ContainerStatus], app: &[ContainerStatus], phase: &str) -> Cond {
    let mut unknown = Vec::new();
    let mut unready = Vec::new();
    let sidecars = spec.init_containers.iter().flatten().filter(|c| is_sidecar(c));
    let containers = sidecars
        .map(|c| (c, init))
        .chain(spec.containers.iter().map(|c| (c, app)));
    for (c, statuses) in containers {
        match status_of(statuses, &c.name) {
            None => unknown.push(c.name.as_str()),
            Some(s) if !s.ready => unready.push(c.name.as_str()),
            Some(_) => {}
        }
    }
    if let Some(t) = terminal(phase).filter(|_| phase == "Failed" || unknown.is_empty()) {
        return t;
    }
    not_all(&unknown, ("unready", &unready), "ContainersNotReady")
}

/// `GeneratePodReadyCondition`: ContainersReady, then the readiness gates.
pub(super) fn ready(spec: &PodSpec, conds: &[PodCondition], containers: &Cond, phase: &str) -> Cond {
    if let Some(t) = terminal(phase) {
        return t;
    }
    if containers.0 != "True" {
        return containers.clone();
    }
    let mut messages = Vec::new();
    for g in spec.readiness_gates.iter().flatten() {
        match conds.iter().find(|c| c.type_ == g.condition_type) {
            None => messages.push(format!(
                "corresponding condition of pod readiness gate {:?} does not exist.",
                g.condition_type
            )),
            Some(c) if c.status != "True" => messages.push(format!(
                "the status of pod readiness gate {:?} is not \"True\", but {}",
                g.condition_type, c.status
            )),
            Some(_) => {}
        }
    }
    if messages.is_empty() {
        ("True", None, None)
    } else {
        ("False", Some("ReadinessGatesNotReady"), Some(messages.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(v: serde_json::Value) -> PodSpec {
        serde_json::from_value(v).expect("spec")
    }

    fn statuses(v: serde_json::Value) -> Vec<ContainerStatus> {
        serde_json::from_value(v).expect("statuses")
    }

    #[test]
    fn initialized_lists_incomplete_init_containers() {
        let s = spec(
            json!({"initContainers": [{"name": "a"}, {"name": "b"}, {"name": "side", "restartPolicy": "Always"}],
                            "containers": [{"name": "app"}]}),
        );
        let init = statuses(json!([
            {"name": "a", "ready": true, "restartCount": 0, "image": "", "imageID": ""},
            {"name": "b", "ready": false, "restartCount": 0, "image": "", "imageID": ""},
            {"name": "side", "ready": false, "started": false, "restartCount": 0, "image": "", "imageID": ""}
        ]));
        let app = statuses(
            json!([{"name": "app", "ready": false, "restartCount": 0, "image": "", "imageID": "",
                                   "state": {"waiting": {"reason": "PodInitializing"}}}]),
        );
        assert_eq!(
            initialized(&s, &init, &app, "Pending"),
            (
                "False",
                Some("ContainersNotInitialized"),
                Some("containers with incomplete status: [b side]".into())
            )
        );
        assert_eq!(
            initialized(&s, &init[..1], &app, "Pending").2.as_deref(),
            Some("containers with unknown status: [b side]")
        );
        assert_eq!(
            initialized(&s, &init, &app, "Succeeded"),
            ("True", Some("PodCompleted"), None)
        );
        // Sidecars count among the containers that must be ready.
        assert_eq!(
            containers_ready(&s, &init, &app, "Pending").2.as_deref(),
            Some("containers with unready status: [side app]")
        );
        assert_eq!(
            containers_ready(&s, &init, &app, "Failed"),
            ("False", Some("PodFailed"), None)
        );
    }

    /// getPhase's cases: a crash-looping container keeps the pod Running; a container that never
    /// started keeps it Pending; stopped containers end it by the restart policy.
    #[test]
    fn phases() {
        let running = json!({"running": {}});
        let waiting = json!({"waiting": {"reason": "ContainerCreating"}});
        let exited = |code: i32| json!({"terminated": {"exitCode": code}});
        let st = |name: &str, state: &serde_json::Value, last: Option<serde_json::Value>| {
            let mut s =
                json!({"name": name, "ready": false, "restartCount": 0, "image": "", "imageID": "", "state": state});
            if let Some(l) = last {
                s["lastState"] = l;
            }
            s
        };
        let pod = |policy: &str| spec(json!({"restartPolicy": policy, "containers": [{"name": "a"}, {"name": "b"}]}));
        let crash = json!({"waiting": {"reason": "CrashLoopBackOff"}});
        let phase_of = |policy: &str, a: serde_json::Value, b: serde_json::Value| {
            phase(&pod(policy), &[], &statuses(json!([a, b])))
        };
        assert_eq!(
            phase_of("Always", st("a", &running, None), st("b", &crash, Some(exited(1)))),
            "Running"
        );
        assert_eq!(
            phase_of("Always", st("a", &running, None), st("b", &waiting, None)),
            "Pending"
        );
        assert_eq!(
            phase_of("Never", st("a", &exited(0), None), st("b", &exited(0), None)),
            "Succeeded"
        );
        assert_eq!(
            phase_of("Never", st("a", &exited(0), None), st("b", &exited(2), None)),
            "Failed"
        );
        assert_eq!(
            phase_of("OnFailure", st("a", &exited(0), None), st("b", &exited(2), None)),
            "Running"
        );
        assert_eq!(
            phase_of("Always", st("a", &exited(0), None), st("b", &exited(0), None)),
            "Running"
        );
        // A regular init container that failed in a pod that never restarts fails it.
        let s =
            spec(json!({"restartPolicy": "Never", "initContainers": [{"name": "i"}], "containers": [{"name": "a"}]}));
        let init = statuses(json!([st("i", &exited(1), None)]));
        let app = statuses(json!([st(
            "a",
            &json!({"waiting": {"reason": "PodInitializing"}}),
            None
        )]));
        assert_eq!(phase(&s, &init, &app), "Failed");
        // A sidecar restarting after the app container started does not make the pod Pending.
        let s = spec(
            json!({"initContainers": [{"name": "side", "restartPolicy": "Always"}], "containers": [{"name": "a"}]}),
        );
        let init = statuses(json!([st("side", &crash, Some(exited(1)))]));
        let app = statuses(json!([st("a", &running, None)]));
        assert_eq!(phase(&s, &init, &app), "Running");
    }

    #[test]
    fn readiness_gates_hold_ready() {
        let s = spec(json!({"containers": [{"name": "app"}], "readinessGates": [{"conditionType": "example.com/lb"}]}));
        let ok: Cond = ("True", None, None);
        assert_eq!(
            ready(&s, &[], &ok, "Running"),
            (
                "False",
                Some("ReadinessGatesNotReady"),
                Some("corresponding condition of pod readiness gate \"example.com/lb\" does not exist.".into())
            )
        );
        let conds: Vec<PodCondition> =
            serde_json::from_value(json!([{"type": "example.com/lb", "status": "False"}])).expect("conds");
        assert_eq!(
            ready(&s, &conds, &ok, "Running").2.as_deref(),
            Some("the status of pod readiness gate \"example.com/lb\" is not \"True\", but False")
        );
    }
}
