//! The container state machine: image pull and its back-off, start, readiness, exit, and restart
//! after the crash back-off, with the events the kubelet records along the way.

use super::{Behavior, Sync, t};
use crate::api::k8s_openapi::api::core::v1::{
    Container, ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus,
    Probe,
};
use crate::sim::{SimDuration, SimTime};

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

/// Moves one container through every transition due by now: image pull (or its back-off),
/// start after the startup delay, readiness, exit, and restart after the crash back-off.
pub(super) fn step_container(sync: &mut Sync<'_>, c: &Container, st: &mut ContainerStatus, b: &Behavior) {
    let now = sync.now;
    let image = c.image.clone().unwrap_or_default();
    let running = st.state.as_ref().is_some_and(|s| s.running.is_some());
    // When this container's pull began: its turn, or when its previous definition was stopped,
    // or now for a container still waiting for an image that was just changed.
    let mut start = st
        .last_state
        .as_ref()
        .and_then(|s| s.terminated.as_ref())
        .and_then(|t| t.finished_at.as_ref())
        .map(|t| SimTime::from_timestamp(t.0))
        .filter(|_| st.container_id.is_none() && st.restart_count > 0)
        .unwrap_or(sync.start);
    if running && st.image != qualified(&image) {
        // The kubelet stops a running container whose definition changed and starts the new one.
        replace(sync, c, st, b);
        start = now;
    } else if st.image_id.is_empty() && st.image != image && !st.image.is_empty() {
        // Not created yet (pulling, or in a pull back-off): the new image is pulled from now.
        st.image.clone_from(&image);
        st.state = Some(waiting("ContainerCreating", None));
        sync.begin(c, b);
        start = now;
    }
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
            // Not started yet. `imagePullPolicy: Never` with the image missing: the kubelet
            // reports it at every sync of the pod and never pulls.
            if c.image_pull_policy.as_deref() == Some("Never") && !sync.present(c) {
                let elapsed = now.since(start).as_secs().max(0);
                if elapsed % SYNC_PERIOD == 0 && !sync.synced_now {
                    let msg = format!("Container image \"{image}\" is not present with pull policy of Never");
                    st.state = Some(waiting("ErrImageNeverPull", Some(msg.clone())));
                    sync.event(true, "ErrImageNeverPull", msg);
                    sync.event(true, "Failed", "Error: ErrImageNeverPull".into());
                }
                sync.wake(now + SimDuration::from_secs(SYNC_PERIOD - elapsed % SYNC_PERIOD));
                return;
            }
            // Pulling the image.
            if b.pull_fails {
                let elapsed = now.since(start).as_secs().max(0);
                let at_sync = elapsed % SYNC_PERIOD == 0;
                let first = reason == "ContainerCreating" || reason == "PodInitializing";
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
            let created = start + SimDuration::from_secs(b.startup_delay);
            if now < created {
                sync.wake(created);
                return;
            }
            let message = if sync.present(c) {
                format!("Container image \"{image}\" already present on machine")
            } else {
                let took = go_duration(b.startup_delay);
                format!(
                    "Successfully pulled image \"{image}\" in {took} ({took} including waiting). Image size: {} bytes.",
                    image_size(&image)
                )
            };
            let pulled = !sync.present(c) && !sync.pulled.contains(&qualified(&image));
            sync.event(false, "Pulled", message);
            st.image_id = format!("{}@sha256:{}", qualified(&image), fake_digest(&image));
            st.image = qualified(&image);
            if pulled {
                let repo = repository(&st.image);
                let by_digest = format!("{repo}@sha256:{}", fake_digest(&image));
                sync.new_images
                    .push((vec![by_digest, st.image.clone()], image_size(&image) as i64));
            }
            sync.pulled.insert(st.image.clone());
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
        // The startup probe gates `started` (and the readiness probe); the readiness probe passes
        // once the container is healthy (PodBehavior `readiness`).
        let startup = c.startup_probe.as_ref().map_or(0, |p| probe_passes(p, 0));
        let started = started_at + SimDuration::from_secs(startup);
        st.started = Some(now >= started);
        if now < started {
            sync.wake(started);
        }
        let ready_at = b.ready_after.map(|d| {
            let healthy = d.max(startup);
            started_at
                + SimDuration::from_secs(c.readiness_probe.as_ref().map_or(healthy, |p| probe_passes(p, healthy)))
        });
        st.ready = ready_at.is_some_and(|r| now >= r);
        if let Some(r) = ready_at.filter(|r| now < *r) {
            sync.wake(r);
        }
        return;
    }
}

/// Seconds after the container started at which a probe first succeeds, given that the container
/// answers it from `healthy` seconds on: the prober checks every `periodSeconds` from the start,
/// skips checks before `initialDelaySeconds`, and needs `successThreshold` successes in a row.
pub(super) fn probe_passes(p: &Probe, healthy: i64) -> i64 {
    let period = i64::from(p.period_seconds.unwrap_or(10).max(1));
    let first = healthy.max(i64::from(p.initial_delay_seconds.unwrap_or(0)));
    let successes = i64::from(p.success_threshold.unwrap_or(1).max(1));
    (first + period - 1) / period * period + (successes - 1) * period
}

/// A container whose definition changed (a pod's image was updated): the kubelet stops it and
/// creates the new one, pulling its image unless the node has it.
fn replace(sync: &mut Sync<'_>, c: &Container, st: &mut ContainerStatus, b: &Behavior) {
    sync.event(
        false,
        "Killing",
        format!("Container {} definition changed, will be restarted", c.name),
    );
    if let Some(running) = st.state.as_ref().and_then(|s| s.running.as_ref()) {
        st.last_state = Some(ContainerState {
            terminated: Some(ContainerStateTerminated {
                exit_code: 0,
                reason: Some("Completed".into()),
                started_at: running.started_at.clone(),
                finished_at: Some(t(sync.now)),
                container_id: st.container_id.clone(),
                ..Default::default()
            }),
            ..Default::default()
        });
    }
    st.restart_count += 1;
    st.ready = false;
    st.started = Some(false);
    st.image = c.image.clone().unwrap_or_default();
    st.image_id = String::new();
    st.container_id = None;
    st.state = Some(waiting("ContainerCreating", None));
    sync.begin(c, b);
}

/// Creates and starts the container at `at` (after a pull or a back-off).
fn run(sync: &mut Sync<'_>, c: &Container, st: &mut ContainerStatus, at: SimTime) {
    st.state = Some(running(at));
    st.started = Some(c.startup_probe.is_none());
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
    // A container restarted after its image changed (in a back-off, say) runs the new image.
    if st.image != qualified(&image) {
        st.image = qualified(&image);
        st.image_id = format!("{}@sha256:{}", qualified(&image), fake_digest(&image));
    }
    if c.image_pull_policy.as_deref() == Some("Always") || !sync.present(c) {
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

/// An image reference without its tag or digest: `docker.io/library/nginx`.
fn repository(image: &str) -> &str {
    if let Some((repo, _)) = image.split_once('@') {
        return repo;
    }
    match image.rsplit_once(':') {
        Some((repo, tag)) if !tag.contains('/') => repo,
        _ => image,
    }
}

pub(super) fn qualified(image: &str) -> String {
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

pub(super) fn waiting(reason: &str, message: Option<String>) -> ContainerState {
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

    /// Probes tick every periodSeconds from the container's start: initialDelaySeconds 5 with
    /// period 10 passes at 10s; a container healthy from 25s passes at 30s; successThreshold 3
    /// adds two periods.
    #[test]
    fn probe_timing() {
        let probe = |delay: i32, period: i32, successes: i32| Probe {
            initial_delay_seconds: Some(delay),
            period_seconds: Some(period),
            success_threshold: Some(successes),
            ..Default::default()
        };
        assert_eq!(probe_passes(&probe(5, 10, 1), 0), 10);
        assert_eq!(probe_passes(&probe(0, 10, 1), 0), 0);
        assert_eq!(probe_passes(&probe(5, 10, 1), 25), 30);
        assert_eq!(probe_passes(&probe(15, 5, 3), 0), 25);
        assert_eq!(probe_passes(&Probe::default(), 0), 0);
    }

    #[test]
    fn go_durations() {
        assert_eq!(go_duration(10), "10s");
        assert_eq!(go_duration(80), "1m20s");
        assert_eq!(go_duration(160), "2m40s");
        assert_eq!(go_duration(300), "5m0s");
    }

    #[test]
    fn repositories() {
        assert_eq!(repository("docker.io/library/nginx:1.27"), "docker.io/library/nginx");
        assert_eq!(
            repository("docker.io/library/nginx@sha256:abc"),
            "docker.io/library/nginx"
        );
        assert_eq!(repository("localhost:5000/app"), "localhost:5000/app");
    }

    #[test]
    fn qualified_images() {
        assert_eq!(qualified("nginx:1.14.2"), "docker.io/library/nginx:1.14.2");
        assert_eq!(qualified("nginx"), "docker.io/library/nginx:latest");
        assert_eq!(qualified("registry.k8s.io/pause:3.9"), "registry.k8s.io/pause:3.9");
    }
}
