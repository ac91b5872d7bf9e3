//! The simulated kubelet: pulls images, starts containers, reports readiness, restarts crashed
//! containers with back-off, and terminates deleted pods, as PodBehavior objects direct; it also
//! registers nodes created from manifests.

use crate::api::k8s_openapi::api::core::v1::{
    Container, ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus,
    HostIP, Node, NodeAddress, NodeCondition, Pod, PodCondition, PodIP, PodStatus,
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

/// The kubelet's container restart back-off (`flowcontrol.Backoff` with 10s initial and
/// `MaxContainerBackOff` 5m): the first restart happens at once (`doBackOff` only finds a back-off
/// entry from the second exit on); each later one waits 10s, 20s, 40s ... capped at 300s. An entry
/// expires when the container ran longer than twice the cap (10 min) since its last restart, so a
/// container that crashes less often than that restarts at once every time.
/// `restarts` counts the restart about to happen (1 for the first); `ran` is how long the
/// container ran before this exit, in seconds.
pub(super) fn restart_delay(restarts: i32, ran: i64) -> i64 {
    if restarts <= 1 || ran > 2 * MAX_BACKOFF {
        return 0;
    }
    let mut d = INITIAL_BACKOFF;
    for _ in 2..restarts {
        d = (d * 2).min(MAX_BACKOFF);
    }
    d
}

const INITIAL_BACKOFF: i64 = 10;
const MAX_BACKOFF: i64 = 300;
/// How often the pod worker re-syncs a pod whose last sync failed (`backOffPeriod`).
const SYNC_PERIOD: i64 = 10;

/// Whether the kubelet's image manager tries to pull again at `elapsed` seconds after the pod
/// started: the pod worker syncs every 10s; a failed pull puts the image in back-off for 10s,
/// then 20s, 40s ... capped at 300s (`IsInBackOffSinceUpdate`), so attempts fall at
/// 0, 10, 30, 70, 150, 310, 610, 910, ... and every other sync reports `ImagePullBackOff`.
pub(super) fn is_pull_attempt(elapsed: i64) -> bool {
    let mut at = 0;
    let mut backoff = INITIAL_BACKOFF;
    while at < elapsed {
        at += backoff;
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
    at == elapsed
}

fn t(at: SimTime) -> Time {
    Time(at.to_timestamp())
}

/// What one reconcile of a pod learns, to be written back once.
struct Sync<'a> {
    now: SimTime,
    start: SimTime,
    pod: &'a str,
    ns: &'a str,
    uid: &'a str,
    restart_policy: &'a str,
    /// The kubelet already reported a back-off at this instant (a re-run after its own write).
    synced_now: bool,
    events: Vec<(bool, &'static str, String)>,
    wake: Option<SimTime>,
}

impl Sync<'_> {
    fn wake(&mut self, at: SimTime) {
        if at > self.now && self.wake.is_none_or(|w| at < w) {
            self.wake = Some(at);
        }
    }

    fn event(&mut self, warning: bool, reason: &'static str, msg: String) {
        self.events.push((warning, reason, msg));
    }

    /// `format.Pod`: `name_namespace(uid)`.
    fn pod_ref(&self) -> String {
        format!("{}_{}({})", self.pod, self.ns, self.uid)
    }
}

pub(super) fn reconcile(world: &mut World, key: &ObjKey) -> Result<()> {
    if key.namespace.is_empty() {
        register_node(world, key);
        return Ok(());
    }
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
    let first_sight = pod.status.as_ref().and_then(|s| s.start_time.as_ref()).is_none();
    if first_sight {
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
    let name = meta::name(&pod.metadata).to_string();
    let uid = meta::uid(&pod.metadata).to_string();
    let labels = meta::labels(&pod.metadata).clone();
    let mut statuses = pod
        .status
        .as_ref()
        .and_then(|s| s.container_statuses.clone())
        .unwrap_or_default();
    let in_backoff = statuses.iter().any(|s| {
        s.state
            .as_ref()
            .and_then(|st| st.waiting.as_ref())
            .and_then(|w| w.reason.as_deref())
            .is_some_and(|r| matches!(r, "ErrImagePull" | "ImagePullBackOff" | "CrashLoopBackOff"))
    });
    let synced_now = in_backoff
        && world.events_for(Kind::Pod, &pod.metadata).iter().any(|e| {
            e.last_timestamp.as_ref() == Some(&t(now))
                && matches!(e.reason.as_deref(), Some("BackOff" | "Failed"))
                && e.source.as_ref().and_then(|s| s.component.as_deref()) == Some("kubelet")
        });
    let mut sync = Sync {
        now,
        start: start_time,
        pod: &name,
        ns: &ns,
        uid: &uid,
        restart_policy: &restart_policy,
        synced_now,
        events: Vec::new(),
        wake: None,
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
                if !b.pull_fails {
                    sync.event(false, "Pulling", format!("Pulling image \"{image}\""));
                }
                statuses.len() - 1
            }
        };
        step_container(&mut sync, c, &mut statuses[idx], &b);
    }
    let Sync { events, wake, .. } = sync;
    let status = pod.status.get_or_insert_with(PodStatus::default);
    let all_ready = !statuses.is_empty() && statuses.iter().all(|s| s.ready);
    let unready: Vec<&str> = statuses.iter().filter(|s| !s.ready).map(|s| s.name.as_str()).collect();
    let unready_msg = format!("containers with unready status: [{}]", unready.join(" "));
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
    let (reason, message) = if all_ready {
        (None, None)
    } else {
        (Some("ContainersNotReady"), Some(unready_msg.as_str()))
    };
    let mut conds = status.conditions.clone().unwrap_or_default();
    set_condition(&mut conds, "ContainersReady", ready_str, now, reason, message);
    set_condition(&mut conds, "Ready", ready_str, now, reason, message);
    if phase == "Succeeded" || phase == "Failed" {
        set_condition(&mut conds, "PodReadyToStartContainers", "False", now, None, None);
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

/// Moves one container through every transition due by now: image pull (or its back-off),
/// start after the startup delay, readiness, exit, and restart after the crash back-off.
fn step_container(sync: &mut Sync<'_>, c: &Container, st: &mut ContainerStatus, b: &Behavior) {
    let now = sync.now;
    let image = c.image.clone().unwrap_or_default();
    for _ in 0..10_000 {
        let state = st.state.clone().unwrap_or_default();
        if let Some(w) = &state.waiting {
            let reason = w.reason.clone().unwrap_or_default();
            if reason == "CrashLoopBackOff" {
                let finished = st
                    .last_state
                    .as_ref()
                    .and_then(|s| s.terminated.as_ref())
                    .and_then(|t| t.finished_at.as_ref())
                    .map(|t| SimTime::from_timestamp(t.0))
                    .unwrap_or(now);
                let started = st
                    .last_state
                    .as_ref()
                    .and_then(|s| s.terminated.as_ref())
                    .and_then(|t| t.started_at.as_ref())
                    .map(|t| SimTime::from_timestamp(t.0))
                    .unwrap_or(finished);
                let delay = restart_delay(st.restart_count, finished.since(started).as_secs());
                let retry = finished + SimDuration::from_secs(delay);
                if now >= retry {
                    restart(sync, c, st, retry);
                    continue;
                }
                // The pod worker re-syncs every 10s and reports the back-off each time.
                let since = now.since(finished).as_secs();
                if since % SYNC_PERIOD == 0 && !sync.synced_now {
                    let msg = format!(
                        "Back-off restarting failed container {} in pod {}",
                        c.name,
                        sync.pod_ref()
                    );
                    sync.event(true, "BackOff", msg);
                }
                sync.wake(retry.min(now + SimDuration::from_secs(SYNC_PERIOD - since % SYNC_PERIOD)));
                return;
            }
            // Not started yet: pulling the image.
            if b.pull_fails {
                let elapsed = now.since(sync.start).as_secs().max(0);
                let at_sync = elapsed % SYNC_PERIOD == 0;
                let first = reason == "ContainerCreating";
                if (at_sync || first) && !sync.synced_now {
                    let q = qualified(&image);
                    if first || is_pull_attempt(elapsed) {
                        let err = format!(
                            "rpc error: code = NotFound desc = failed to pull and unpack image \"{q}\": failed to resolve reference \"{q}\": {q}: not found"
                        );
                        st.state = Some(waiting("ErrImagePull", Some(err.clone())));
                        sync.event(false, "Pulling", format!("Pulling image \"{image}\""));
                        sync.event(true, "Failed", format!("Failed to pull image \"{image}\": {err}"));
                        sync.event(true, "Failed", "Error: ErrImagePull".into());
                    } else {
                        st.state = Some(waiting(
                            "ImagePullBackOff",
                            Some(format!("Back-off pulling image \"{image}\"")),
                        ));
                        sync.event(false, "BackOff", format!("Back-off pulling image \"{image}\""));
                        sync.event(true, "Failed", "Error: ImagePullBackOff".into());
                    }
                }
                sync.wake(now + SimDuration::from_secs(SYNC_PERIOD - elapsed % SYNC_PERIOD));
                return;
            }
            let created = sync.start + SimDuration::from_secs(b.startup_delay);
            if now < created {
                sync.wake(created);
                return;
            }
            st.image_id = format!("{}@sha256:{}", qualified(&image), fake_digest(&image));
            st.image = qualified(&image);
            let took = go_duration(b.startup_delay);
            sync.event(
                false,
                "Pulled",
                format!(
                    "Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {} bytes.",
                    image_size(&image)
                ),
            );
            run(sync, c, st, created);
            continue;
        }
        let Some(started_at) = state
            .running
            .as_ref()
            .and_then(|r| r.started_at.as_ref())
            .map(|t| SimTime::from_timestamp(t.0))
        else {
            return; // terminated for good
        };
        let exit = match (b.run_for, b.crash_after) {
            (Some(r), Some(c)) => Some(if c <= r { (c, 1) } else { (r, b.exit_code) }),
            (Some(r), None) => Some((r, b.exit_code)),
            (None, Some(c)) => Some((c, 1)),
            (None, None) if sync.restart_policy != "Always" => Some((0, 0)),
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
                let policy = sync.restart_policy;
                if policy == "Always" || (policy == "OnFailure" && code != 0) {
                    st.last_state = Some(ContainerState {
                        terminated: Some(term),
                        ..Default::default()
                    });
                    st.restart_count += 1;
                    let delay = restart_delay(st.restart_count, after);
                    if delay == 0 {
                        restart(sync, c, st, end);
                    } else {
                        st.state = Some(waiting(
                            "CrashLoopBackOff",
                            Some(format!(
                                "back-off {} restarting failed container={} pod={}",
                                go_duration(delay),
                                c.name,
                                sync.pod_ref()
                            )),
                        ));
                    }
                    continue;
                }
                st.state = Some(ContainerState {
                    terminated: Some(term),
                    ..Default::default()
                });
                return;
            }
            sync.wake(end);
        }
        match b.ready_after {
            Some(d) => {
                let ready_at = started_at + SimDuration::from_secs(d);
                if now >= ready_at {
                    st.ready = true;
                } else {
                    st.ready = false;
                    sync.wake(ready_at);
                }
            }
            None => st.ready = false,
        }
        return;
    }
}

/// Creates and starts the container at `at` (after a pull or a back-off).
fn run(sync: &mut Sync<'_>, c: &Container, st: &mut ContainerStatus, at: SimTime) {
    st.state = Some(running(at));
    st.started = Some(true);
    st.ready = false;
    st.container_id = Some(format!(
        "containerd://{}",
        fake_digest(&format!("{}{}{}", sync.uid, c.name, st.restart_count))
    ));
    sync.event(false, "Created", format!("Created container: {}", c.name));
    sync.event(false, "Started", format!("Started container {}", c.name));
}

/// A restart: the image is on the node now unless the pull policy is `Always`.
fn restart(sync: &mut Sync<'_>, c: &Container, st: &mut ContainerStatus, at: SimTime) {
    let image = c.image.clone().unwrap_or_default();
    if c.image_pull_policy.as_deref() == Some("Always") {
        sync.event(false, "Pulling", format!("Pulling image \"{image}\""));
        sync.event(
            false,
            "Pulled",
            format!(
                "Successfully pulled image \"{image}\" in 0s (0s including waiting). Image size: {} bytes.",
                image_size(&image)
            ),
        );
    } else {
        sync.event(
            false,
            "Pulled",
            format!("Container image \"{image}\" already present on machine"),
        );
    }
    run(sync, c, st, at);
}

/// A plausible, stable image size for the `Pulled` event.
fn image_size(image: &str) -> u64 {
    let d = fake_digest(image);
    10_000_000 + u64::from_str_radix(&d[..8], 16).unwrap_or(0) % 90_000_000
}

/// Go's `time.Duration` String for whole seconds: `10s`, `1m20s`, `5m0s`.
fn go_duration(s: i64) -> String {
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

fn set_condition(
    conds: &mut Vec<PodCondition>,
    type_: &str,
    status: &str,
    now: SimTime,
    reason: Option<&str>,
    message: Option<&str>,
) {
    if let Some(c) = conds.iter_mut().find(|c| c.type_ == type_) {
        if c.status != status {
            c.status = status.into();
            c.last_transition_time = Some(t(now));
        }
        c.reason = reason.map(Into::into);
        c.message = message.map(Into::into);
        return;
    }
    conds.push(PodCondition {
        type_: type_.into(),
        status: status.into(),
        last_transition_time: Some(t(now)),
        reason: reason.map(Into::into),
        message: message.map(Into::into),
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
    set_condition(&mut conds, "PodReadyToStartContainers", "True", now, None, None);
    set_condition(&mut conds, "Initialized", "True", now, None, None);
    // Order as the kubelet reports them.
    let order = [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ];
    set_condition(&mut conds, "Ready", "False", now, Some("ContainersNotReady"), None);
    set_condition(
        &mut conds,
        "ContainersReady",
        "False",
        now,
        Some("ContainersNotReady"),
        None,
    );
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
    // deletionTimestamp is the deadline: the deletion was asked for `grace` seconds before it.
    let grace = pod.metadata.deletion_grace_period_seconds.unwrap_or(30);
    let deleted_at = pod
        .metadata
        .deletion_timestamp
        .as_ref()
        .map(|t| SimTime::from_timestamp(t.0) - SimDuration::from_secs(grace))
        .unwrap_or(world.now());
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
    // Nothing to stop (a container waiting in a back-off): the pod goes at once.
    let delay = if running.is_empty() { 0 } else { delay };
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

    /// CrashLoopBackOff: a container crashing 5s after each start restarts at once the first
    /// time, then after 10s, 20s, 40s, 80s, 160s and 300s (the cap) from then on.
    #[test]
    fn restart_delays() {
        let delays: Vec<i64> = (1..=9).map(|n| restart_delay(n, 5)).collect();
        assert_eq!(delays, [0, 10, 20, 40, 80, 160, 300, 300, 300]);
        // Exit times for crashAfter 5s: start 0 → exit 5, restart 5 → exit 10, wait 10 →
        // restart 20 → exit 25, wait 20 → restart 45 → exit 50, wait 40 → restart 90.
        let mut at = 0;
        let mut restarts_at = Vec::new();
        for n in 1..=4 {
            at += 5;
            at += restart_delay(n, 5);
            restarts_at.push(at);
        }
        assert_eq!(restarts_at, [5, 20, 45, 90]);
        // Running longer than 10 minutes expires the back-off entry: restart at once.
        assert_eq!(restart_delay(5, 600), 80);
        assert_eq!(restart_delay(5, 601), 0);
    }

    /// ErrImagePull: pulls at 0, 10, 30, 70, 150, 310, 610 and then every 300s; the syncs in
    /// between (every 10s) report ImagePullBackOff.
    #[test]
    fn pull_attempt_schedule() {
        let attempts: Vec<i64> = (0..=1300).filter(|&s| is_pull_attempt(s)).collect();
        assert_eq!(attempts, [0, 10, 30, 70, 150, 310, 610, 910, 1210]);
        assert!(!is_pull_attempt(20));
        assert!(!is_pull_attempt(300));
    }

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(10), "10s");
        assert_eq!(go_duration(80), "1m20s");
        assert_eq!(go_duration(160), "2m40s");
        assert_eq!(go_duration(300), "5m0s");
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

/// A node the kubelet has not registered yet (created from a manifest): it reports its
/// conditions, allocatable (= capacity), an InternalIP, a pod CIDR and node info, as a kubelet
/// joining the cluster does.
fn register_node(world: &mut World, key: &ObjKey) {
    let Some(mut node) = world.get::<Node>(key).cloned() else { return };
    let registered = node
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|c| c.iter().any(|c| c.type_ == "Ready"));
    if registered || node.metadata.deletion_timestamp.is_some() {
        return;
    }
    let now = t(world.now());
    let cidr = world.node_cidr_index(&key.name);
    let spec = node.spec.get_or_insert_with(Default::default);
    spec.pod_cidr.get_or_insert_with(|| format!("10.244.{cidr}.0/24"));
    let pod_cidr = spec.pod_cidr.clone().unwrap_or_default();
    spec.pod_cidrs.get_or_insert_with(|| vec![pod_cidr]);
    let labels = node.metadata.labels.get_or_insert_with(Default::default);
    for (k, v) in [
        ("beta.kubernetes.io/arch", "amd64"),
        ("beta.kubernetes.io/os", "linux"),
        ("kubernetes.io/arch", "amd64"),
        ("kubernetes.io/os", "linux"),
    ] {
        labels.entry(k.to_string()).or_insert_with(|| v.to_string());
    }
    labels.entry("kubernetes.io/hostname".into()).or_insert_with(|| key.name.clone());
    let status = node.status.get_or_insert_with(Default::default);
    if status.allocatable.is_none() {
        status.allocatable = status.capacity.clone();
    }
    if status.addresses.as_ref().is_none_or(|a| a.is_empty()) {
        status.addresses = Some(vec![
            NodeAddress { address: format!("172.18.0.{}", cidr + 2), type_: "InternalIP".into() },
            NodeAddress { address: key.name.clone(), type_: "Hostname".into() },
        ]);
    }
    let info = status.node_info.get_or_insert_with(Default::default);
    let fill = |f: &mut String, v: &str| {
        if f.is_empty() {
            *f = v.to_string();
        }
    };
    fill(&mut info.architecture, "amd64");
    fill(&mut info.container_runtime_version, "containerd://1.7.24");
    fill(&mut info.kernel_version, "6.1.0-kubesim");
    fill(&mut info.kubelet_version, "v1.32.4");
    fill(&mut info.kube_proxy_version, "v1.32.4");
    fill(&mut info.operating_system, "linux");
    fill(&mut info.os_image, "Debian GNU/Linux 12 (bookworm)");
    let cond = |type_: &str, status: &str, reason: &str, message: &str| NodeCondition {
        type_: type_.into(),
        status: status.into(),
        reason: Some(reason.into()),
        message: Some(message.into()),
        last_heartbeat_time: Some(now.clone()),
        last_transition_time: Some(now.clone()),
    };
    status.conditions = Some(vec![
        cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        cond("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
    ]);
    let m = node.metadata.clone();
    world.put(node);
    world.record_event(Kind::Node, &m, false, "Starting", "Starting kubelet.", Source { component: "kubelet", host: Some(&key.name) });
    world.record_event(
        Kind::Node,
        &m,
        false,
        "NodeReady",
        &format!("Node {} status is now: NodeReady", key.name),
        Source { component: "kubelet", host: Some(&key.name) },
    );
}
