//! The simulated kubelet: pulls images, starts containers, reports readiness, restarts crashed
//! containers with back-off, and terminates deleted pods, as PodBehavior objects direct.

use crate::api::k8s_openapi::api::core::v1::{
    ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus, HostIP,
    Node, Pod, PodCondition, PodIP, PodStatus,
};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
use crate::api::meta;
use crate::api::selector::label_selector_matches;
use crate::api::{Kind, ObjKey, PodBehavior, Result};
use crate::sim::{SimDuration, SimTime, parse_go_duration};
use crate::world::{Source, World};

/// What a matching PodBehavior asks of one container (all times in seconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Behavior {
    pub startup_delay: i64,
    pub pull_fails: bool,
    /// None: never ready; Some(d): ready d seconds after the container starts.
    pub ready_after: Option<i64>,
    pub run_for: Option<i64>,
    pub exit_code: i32,
    pub crash_after: Option<i64>,
    pub termination_delay: i64,
}

fn secs(s: &Option<String>) -> Option<i64> {
    s.as_deref()
        .and_then(|d| parse_go_duration(d).ok())
        .map(SimDuration::as_secs)
}

/// The behaviour of a container with `image` in a pod with `labels`: the first PodBehavior (by
/// name) in the namespace whose selector and image both match.
pub fn behavior_for(
    world: &World,
    ns: &str,
    labels: &std::collections::BTreeMap<String, String>,
    image: &str,
) -> Behavior {
    let found = world.list::<PodBehavior>(Some(ns)).into_iter().find(|b| {
        let sel_ok = b
            .spec
            .selector
            .as_ref()
            .is_none_or(|s| label_selector_matches(s, labels));
        let img_ok = b.spec.image.as_deref().is_none_or(|p| wildcard(p, image));
        sel_ok && img_ok && (b.spec.selector.is_some() || b.spec.image.is_some())
    });
    let Some(b) = found else {
        return Behavior {
            ready_after: Some(0),
            ..Default::default()
        };
    };
    let s = &b.spec;
    let ready_after = match s.readiness.as_deref() {
        None | Some("Pass") => Some(0),
        Some("Fail") => None,
        Some(d) => Some(parse_go_duration(d).map(SimDuration::as_secs).unwrap_or(0)),
    };
    Behavior {
        startup_delay: secs(&s.startup_delay).unwrap_or(0),
        pull_fails: s.image_pull.as_deref() == Some("Fail"),
        ready_after,
        run_for: secs(&s.run_for),
        exit_code: s.exit_code.unwrap_or(0),
        crash_after: secs(&s.crash_after),
        termination_delay: secs(&s.termination_delay).unwrap_or(0),
    }
}

/// `*` matches any run of characters.
fn wildcard(pattern: &str, s: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == s;
    }
    let mut rest = s;
    for (i, p) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(p) else { return false };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(p);
        } else {
            let Some(pos) = rest.find(p) else { return false };
            rest = &rest[pos + p.len()..];
        }
    }
    true
}

/// Container restart back-off: 10s doubling to 5m (kubelet's MaxContainerBackOff).
pub(super) fn crash_backoff(restarts: i32) -> i64 {
    let mut d: i64 = 10;
    for _ in 0..restarts.max(0) {
        d = (d * 2).min(300);
    }
    d
}

/// Image pull attempts happen at start, then after back-offs of 10s, 20s, ... capped at 300s.
/// Returns (attempts made by `elapsed`, seconds of the next attempt after start).
pub(super) fn pull_attempts(elapsed: i64) -> (i64, i64) {
    let mut at = 0;
    let mut n = 0;
    let mut backoff = 10;
    while at <= elapsed {
        n += 1;
        at += backoff;
        backoff = (backoff * 2).min(300);
    }
    (n, at)
}

fn t(at: SimTime) -> Time {
    Time(at.to_timestamp())
}

pub(super) fn reconcile(world: &mut World, key: &ObjKey) -> Result<()> {
    let Some(pod) = world.get::<Pod>(key).cloned() else {
        return Ok(());
    };
    let Some(node) = meta::node_name(&pod).map(str::to_string) else {
        return Ok(());
    };
    if meta::is_deleting(&pod.metadata) {
        return terminate(world, pod, &node);
    }
    let phase = meta::pod_phase(&pod);
    if phase == "Succeeded" || phase == "Failed" {
        return Ok(());
    }
    if world.get::<Node>(&ObjKey::cluster(&node)).is_none() {
        return Ok(());
    }
    let now = world.now();
    let mut pod = pod;
    let mut events: Vec<(bool, &'static str, String)> = Vec::new();
    if pod.status.as_ref().and_then(|s| s.start_time.as_ref()).is_none() {
        start(world, &mut pod, &node);
    }
    let start_time = SimTime::from_timestamp(
        pod.status
            .as_ref()
            .and_then(|s| s.start_time.as_ref())
            .map(|t| t.0)
            .unwrap_or_default(),
    );
    let spec = pod.spec.clone().unwrap_or_default();
    let restart_policy = spec.restart_policy.clone().unwrap_or_else(|| "Always".into());
    let ns = meta::namespace(&pod.metadata).to_string();
    let labels = meta::labels(&pod.metadata).clone();
    let mut statuses = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.clone())
        .unwrap_or_default();
    let mut wake: Option<SimTime> = None;
    let soonest = |at: SimTime, wake: &mut Option<SimTime>| {
        if at > now && wake.is_none_or(|w| at < w) {
            *wake = Some(at);
        }
    };
    for c in &spec.containers {
        let image = c.image.clone().unwrap_or_default();
        let b = behavior_for(world, &ns, &labels, &image);
        let idx = match statuses.iter().position(|s| s.name == c.name) {
            Some(i) => i,
            None => {
                statuses.push(ContainerStatus {
                    name: c.name.clone(),
                    image: image.clone(),
                    image_id: String::new(),
                    ready: false,
                    restart_count: 0,
                    started: Some(false),
                    state: Some(waiting("ContainerCreating", None)),
                    ..Default::default()
                });
                statuses.len() - 1
            }
        };
        let st = &mut statuses[idx];
        let state = st.state.clone().unwrap_or_default();
        if let Some(w) = &state.waiting {
            let reason = w.reason.clone().unwrap_or_default();
            let created = start_time + SimDuration::from_secs(b.startup_delay);
            if b.pull_fails {
                let elapsed = now.since(start_time).as_secs();
                let (attempts, next) = pull_attempts(elapsed);
                let just_failed = reason != "ErrImagePull" && reason != "ImagePullBackOff";
                let attempt_at = start_time + SimDuration::from_secs(last_attempt(elapsed));
                if just_failed
                    || (reason == "ImagePullBackOff" && attempts > pull_attempts(now.since(start_time).as_secs() - 1).0)
                {
                    st.state = Some(waiting(
                        "ErrImagePull",
                        Some(format!("failed to pull and unpack image \"{image}\": not found")),
                    ));
                    events.push((false, "Pulling", format!("Pulling image \"{image}\"")));
                    events.push((
                        true,
                        "Failed",
                        format!(
                            "Failed to pull image \"{image}\": failed to pull and unpack image \"{image}\": not found"
                        ),
                    ));
                    events.push((true, "Failed", "Error: ErrImagePull".into()));
                    soonest(now + SimDuration::from_secs(1), &mut wake);
                } else if reason == "ErrImagePull" && now >= attempt_at + SimDuration::from_secs(1) {
                    st.state = Some(waiting(
                        "ImagePullBackOff",
                        Some(format!("Back-off pulling image \"{image}\"")),
                    ));
                    events.push((false, "BackOff", format!("Back-off pulling image \"{image}\"")));
                    events.push((true, "Failed", "Error: ImagePullBackOff".into()));
                    soonest(start_time + SimDuration::from_secs(next), &mut wake);
                } else if reason == "ErrImagePull" {
                    soonest(attempt_at + SimDuration::from_secs(1), &mut wake);
                } else {
                    soonest(start_time + SimDuration::from_secs(next), &mut wake);
                }
                continue;
            }
            if reason == "CrashLoopBackOff" {
                let last_end = st
                    .last_state
                    .as_ref()
                    .and_then(|s| s.terminated.as_ref())
                    .and_then(|t| t.finished_at.as_ref())
                    .map(|t| SimTime::from_timestamp(t.0))
                    .unwrap_or(now);
                let retry = last_end + SimDuration::from_secs(crash_backoff(st.restart_count - 1));
                if now < retry {
                    soonest(retry, &mut wake);
                    continue;
                }
                st.state = Some(running(now));
                st.started = Some(true);
                events.push((
                    false,
                    "Pulled",
                    format!("Container image \"{image}\" already present on machine"),
                ));
                events.push((false, "Created", format!("Created container: {}", c.name)));
                events.push((false, "Started", format!("Started container {}", c.name)));
            } else if now < created {
                soonest(created, &mut wake);
                continue;
            } else {
                let at = created;
                st.state = Some(running(at));
                st.started = Some(true);
                st.image_id = format!("{}@sha256:{}", qualified(&image), fake_digest(&image));
                st.container_id = Some(format!(
                    "containerd://{}",
                    fake_digest(&format!("{}{}{}", meta::uid(&pod.metadata), c.name, st.restart_count))
                ));
                st.image = qualified(&image);
                events.push((false, "Pulling", format!("Pulling image \"{image}\"")));
                events.push((
                    false,
                    "Pulled",
                    format!("Successfully pulled image \"{image}\" in 0s (0s including waiting). Image size: 0 bytes."),
                ));
                events.push((false, "Created", format!("Created container: {}", c.name)));
                events.push((false, "Started", format!("Started container {}", c.name)));
            }
        }
        // Running.
        let Some(started_at) = st
            .state
            .as_ref()
            .and_then(|s| s.running.as_ref())
            .and_then(|r| r.started_at.as_ref())
            .map(|t| SimTime::from_timestamp(t.0))
        else {
            continue;
        };
        let exit = match (b.run_for, b.crash_after) {
            (Some(r), Some(c)) => Some(if c <= r { (c, 1) } else { (r, b.exit_code) }),
            (Some(r), None) => Some((r, b.exit_code)),
            (None, Some(c)) => Some((c, 1)),
            (None, None) if restart_policy != "Always" => Some((0, 0)),
            _ => None,
        };
        if let Some((after, code)) = exit {
            let end = started_at + SimDuration::from_secs(after);
            if now >= end {
                let term = ContainerStateTerminated {
                    exit_code: code,
                    reason: Some(if code == 0 { "Completed" } else { "Error" }.into()),
                    started_at: Some(t(started_at)),
                    finished_at: Some(t(end)),
                    container_id: st.container_id.clone(),
                    ..Default::default()
                };
                st.ready = false;
                st.started = Some(false);
                let restart = restart_policy == "Always" || (restart_policy == "OnFailure" && code != 0);
                if restart {
                    st.last_state = Some(ContainerState {
                        terminated: Some(term),
                        ..Default::default()
                    });
                    st.restart_count += 1;
                    st.state = Some(waiting(
                        "CrashLoopBackOff",
                        Some(format!(
                            "back-off {} restarting failed container={} pod={}_{}({})",
                            humantime_short(crash_backoff(st.restart_count - 1)),
                            c.name,
                            meta::name(&pod.metadata),
                            ns,
                            meta::uid(&pod.metadata)
                        )),
                    ));
                    events.push((
                        true,
                        "BackOff",
                        format!(
                            "Back-off restarting failed container {} in pod {}_{}({})",
                            c.name,
                            meta::name(&pod.metadata),
                            ns,
                            meta::uid(&pod.metadata)
                        ),
                    ));
                    soonest(
                        end + SimDuration::from_secs(crash_backoff(st.restart_count - 1)),
                        &mut wake,
                    );
                } else {
                    st.state = Some(ContainerState {
                        terminated: Some(term),
                        ..Default::default()
                    });
                }
                continue;
            }
            soonest(end, &mut wake);
        }
        match b.ready_after {
            Some(d) => {
                let ready_at = started_at + SimDuration::from_secs(d);
                if now >= ready_at {
                    st.ready = true;
                } else {
                    soonest(ready_at, &mut wake);
                }
            }
            None => st.ready = false,
        }
    }
    let status = pod.status.get_or_insert_with(PodStatus::default);
    let all_ready = !statuses.is_empty() && statuses.iter().all(|s| s.ready);
    let all_terminated = statuses
        .iter()
        .all(|s| s.state.as_ref().is_some_and(|st| st.terminated.is_some()));
    let any_started = statuses.iter().any(|s| {
        s.state
            .as_ref()
            .is_some_and(|st| st.running.is_some() || st.terminated.is_some())
            || s.restart_count > 0
    });
    let phase = if all_terminated && !statuses.is_empty() {
        let failed = statuses.iter().any(|s| {
            s.state
                .as_ref()
                .and_then(|st| st.terminated.as_ref())
                .is_some_and(|t| t.exit_code != 0)
        });
        if failed { "Failed" } else { "Succeeded" }
    } else if any_started {
        "Running"
    } else {
        "Pending"
    };
    status.phase = Some(phase.into());
    status.container_statuses = Some(statuses);
    let ready_str = if all_ready { "True" } else { "False" };
    let mut conds = status.conditions.clone().unwrap_or_default();
    set_condition(
        &mut conds,
        "ContainersReady",
        ready_str,
        now,
        if all_ready || phase == "Succeeded" {
            None
        } else {
            Some("ContainersNotReady")
        },
    );
    set_condition(
        &mut conds,
        "Ready",
        ready_str,
        now,
        if all_ready || phase == "Succeeded" {
            None
        } else {
            Some("ContainersNotReady")
        },
    );
    if phase == "Succeeded" || phase == "Failed" {
        set_condition(&mut conds, "PodReadyToStartContainers", "False", now, None);
        for c in conds
            .iter_mut()
            .filter(|c| c.type_ == "Ready" || c.type_ == "ContainersReady")
        {
            c.reason = Some("PodCompleted".into());
            c.message = None;
        }
    }
    status.conditions = Some(conds);
    let m = pod.metadata.clone();
    world.put(pod);
    for (warning, reason, msg) in events {
        world.record_event(
            Kind::Pod,
            &m,
            warning,
            reason,
            &msg,
            Source {
                component: "kubelet",
                host: Some(&node),
            },
        );
    }
    if let Some(w) = wake {
        world.wake_at("kubelet", key, w);
    }
    Ok(())
}

fn last_attempt(elapsed: i64) -> i64 {
    let mut at = 0;
    let mut backoff = 10;
    while at + backoff <= elapsed {
        at += backoff;
        backoff = (backoff * 2).min(300);
    }
    at
}

fn humantime_short(s: i64) -> String {
    if s >= 60 && s % 60 == 0 {
        format!("{}m0s", s / 60)
    } else if s >= 60 {
        format!("{}m{}s", s / 60, s % 60)
    } else {
        format!("{s}s")
    }
}

fn qualified(image: &str) -> String {
    let first = image.split('/').next().unwrap_or("");
    let has_registry = image.contains('/') && (first.contains('.') || first.contains(':') || first == "localhost");
    let with_tag = if image.rsplit('/').next().unwrap_or(image).contains(':') || image.contains('@') {
        image.to_string()
    } else {
        format!("{image}:latest")
    };
    if has_registry {
        with_tag
    } else if image.contains('/') {
        format!("docker.io/{with_tag}")
    } else {
        format!("docker.io/library/{with_tag}")
    }
}

fn fake_digest(s: &str) -> String {
    let mut out = String::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for i in 0..4u8 {
        for b in s.bytes().chain(std::iter::once(i)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}

fn waiting(reason: &str, message: Option<String>) -> ContainerState {
    ContainerState {
        waiting: Some(ContainerStateWaiting {
            reason: Some(reason.into()),
            message,
        }),
        ..Default::default()
    }
}

fn running(at: SimTime) -> ContainerState {
    ContainerState {
        running: Some(ContainerStateRunning {
            started_at: Some(t(at)),
        }),
        ..Default::default()
    }
}

fn set_condition(conds: &mut Vec<PodCondition>, type_: &str, status: &str, now: SimTime, reason: Option<&str>) {
    if let Some(c) = conds.iter_mut().find(|c| c.type_ == type_) {
        if c.status != status {
            c.status = status.into();
            c.last_transition_time = Some(t(now));
        }
        c.reason = reason.map(Into::into);
        return;
    }
    conds.push(PodCondition {
        type_: type_.into(),
        status: status.into(),
        last_transition_time: Some(t(now)),
        reason: reason.map(Into::into),
        ..Default::default()
    });
}

/// First sight of a pod on this node: IPs, start time and the initial conditions.
fn start(world: &mut World, pod: &mut Pod, node: &str) {
    let now = world.now();
    let host_ip = world
        .get::<Node>(&ObjKey::cluster(node))
        .and_then(|n| n.status.as_ref())
        .and_then(|s| s.addresses.as_ref())
        .and_then(|a| a.iter().find(|a| a.type_ == "InternalIP"))
        .map(|a| a.address.clone())
        .unwrap_or_default();
    let host_network = pod.spec.as_ref().and_then(|s| s.host_network).unwrap_or(false);
    let pod_ip = if host_network {
        host_ip.clone()
    } else {
        world.allocate_pod_ip(node)
    };
    let status = pod.status.get_or_insert_with(PodStatus::default);
    status.host_ip = Some(host_ip.clone());
    status.host_ips = Some(vec![HostIP { ip: host_ip }]);
    status.pod_ip = Some(pod_ip.clone());
    status.pod_ips = Some(vec![PodIP { ip: pod_ip }]);
    status.start_time = Some(t(now));
    status.qos_class = Some(qos_class(pod.spec.as_ref()));
    let status = pod.status.get_or_insert_with(PodStatus::default);
    let mut conds = status.conditions.clone().unwrap_or_default();
    set_condition(&mut conds, "PodReadyToStartContainers", "True", now, None);
    set_condition(&mut conds, "Initialized", "True", now, None);
    // Order as the kubelet reports them.
    let order = [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ];
    set_condition(&mut conds, "Ready", "False", now, Some("ContainersNotReady"));
    set_condition(&mut conds, "ContainersReady", "False", now, Some("ContainersNotReady"));
    conds.sort_by_key(|c| order.iter().position(|o| *o == c.type_).unwrap_or(order.len()));
    status.conditions = Some(conds);
}

fn qos_class(spec: Option<&crate::api::k8s_openapi::api::core::v1::PodSpec>) -> String {
    let Some(spec) = spec else { return "BestEffort".into() };
    let mut any = false;
    let mut guaranteed = true;
    for c in &spec.containers {
        let r = c.resources.clone().unwrap_or_default();
        let req = r.requests.unwrap_or_default();
        let lim = r.limits.unwrap_or_default();
        if !req.is_empty() || !lim.is_empty() {
            any = true;
        }
        for res in ["cpu", "memory"] {
            match (req.get(res).or(lim.get(res)), lim.get(res)) {
                (Some(a), Some(b)) if a == b => {}
                _ => guaranteed = false,
            }
        }
    }
    if !any {
        "BestEffort".into()
    } else if guaranteed {
        "Guaranteed".into()
    } else {
        "Burstable".into()
    }
}

/// A pod with a deletionTimestamp: stop its containers and remove it once its termination
/// delay (bounded by the grace period) has passed.
fn terminate(world: &mut World, pod: Pod, node: &str) -> Result<()> {
    let key = ObjKey::of(&pod.metadata);
    let deleted_at = pod
        .metadata
        .deletion_timestamp
        .as_ref()
        .map(|t| SimTime::from_timestamp(t.0))
        .unwrap_or(world.now());
    let grace = pod.metadata.deletion_grace_period_seconds.unwrap_or(30);
    let ns = meta::namespace(&pod.metadata).to_string();
    let labels = meta::labels(&pod.metadata).clone();
    let delay = pod
        .spec
        .iter()
        .flat_map(|s| s.containers.iter())
        .map(|c| behavior_for(world, &ns, &labels, c.image.as_deref().unwrap_or("")).termination_delay)
        .max()
        .unwrap_or(0)
        .min(grace);
    let running: Vec<String> = pod
        .status
        .iter()
        .flat_map(|s| s.container_statuses.iter().flatten())
        .filter(|c| c.state.as_ref().is_some_and(|s| s.running.is_some()))
        .map(|c| c.name.clone())
        .collect();
    let announced = world
        .events_for(Kind::Pod, &pod.metadata)
        .iter()
        .any(|e| e.reason.as_deref() == Some("Killing"));
    if !announced {
        for c in &running {
            world.record_event(
                Kind::Pod,
                &pod.metadata,
                false,
                "Killing",
                &format!("Stopping container {c}"),
                Source {
                    component: "kubelet",
                    host: Some(node),
                },
            );
        }
    }
    let end = deleted_at + SimDuration::from_secs(delay);
    if world.now() >= end {
        world.remove(Kind::Pod, &key);
    } else {
        world.wake_at("kubelet", &key, end);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_offs() {
        assert_eq!(crash_backoff(0), 10);
        assert_eq!(crash_backoff(1), 20);
        assert_eq!(crash_backoff(5), 300);
        assert_eq!(pull_attempts(0), (1, 10));
        assert_eq!(pull_attempts(10), (2, 30));
        assert_eq!(pull_attempts(29), (2, 30));
        assert_eq!(last_attempt(35), 30);
    }

    #[test]
    fn wildcards_and_images() {
        assert!(wildcard("nginx:*", "nginx:1.2"));
        assert!(!wildcard("nginx:*", "redis:1"));
        assert!(wildcard("*", "x"));
        assert_eq!(qualified("nginx:1.14.2"), "docker.io/library/nginx:1.14.2");
        assert_eq!(qualified("nginx"), "docker.io/library/nginx:latest");
        assert_eq!(qualified("registry.k8s.io/pause:3.9"), "registry.k8s.io/pause:3.9");
    }
}
