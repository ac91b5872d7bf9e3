//! The pod conditions the kubelet reports (pkg/kubelet/status/generate.go): Initialized,
//! ContainersReady and Ready, from the container statuses and the phase.

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
