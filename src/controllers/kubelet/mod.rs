//! The simulated kubelet: pulls images, starts containers, reports readiness, restarts crashed
//! containers with back-off, and terminates deleted pods, as PodBehavior objects direct; it also
//! registers nodes created from manifests.

mod behavior;
mod conditions;
mod containers;
mod init;
mod node;
mod terminate;

use behavior::Behavior;
pub(super) use behavior::behavior_for;

use crate::api::k8s_openapi::api::core::v1::{
    Container, ContainerImage, HostIP, Node, Pod, PodCondition, PodIP, PodStatus,
};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
use crate::api::{Kind, ObjKey, Result};
use crate::api::{meta, qos};
use crate::sim::SimTime;
use crate::world::{Source, World};
use containers::step_container;
use init::{status_index, step_init, stop_sidecars};
use node::register_node;
use std::collections::BTreeSet;
use terminate::terminate;

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
    /// Images on the node (qualified names): the node's and those this pod's containers pulled.
    pulled: BTreeSet<String>,
    /// Images pulled during this pass, for the node's status: (names, size).
    new_images: Vec<(Vec<String>, i64)>,
    events: Vec<(bool, &'static str, String)>,
    wake: Option<SimTime>,
}

impl Sync<'_> {
    /// The image is on the node and the pull policy does not ask to pull it again.
    fn present(&self, c: &Container) -> bool {
        c.image_pull_policy.as_deref() != Some("Always")
            && self
                .pulled
                .contains(&containers::qualified(c.image.as_deref().unwrap_or_default()))
    }

    /// A container's turn begins: the kubelet pulls its image unless it is present (or the pull
    /// is to fail, which `step_container` reports).
    fn begin(&mut self, c: &Container, b: &Behavior) {
        let never = c.image_pull_policy.as_deref() == Some("Never");
        if !b.pull_fails && !never && !self.present(c) {
            let image = c.image.as_deref().unwrap_or_default();
            self.event(false, "Pulling", format!("Pulling image \"{image}\""));
        }
    }

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
    let status = pod.status.clone().unwrap_or_default();
    let mut statuses = status.container_statuses.clone().unwrap_or_default();
    let mut init_statuses = status.init_container_statuses.clone().unwrap_or_default();
    let in_backoff = statuses.iter().chain(&init_statuses).any(|s| {
        s.state
            .as_ref()
            .and_then(|st| st.waiting.as_ref())
            .and_then(|w| w.reason.as_deref())
            .is_some_and(|r| {
                matches!(
                    r,
                    "ErrImagePull" | "ImagePullBackOff" | "CrashLoopBackOff" | "ErrImageNeverPull"
                )
            })
    });
    let synced_now = in_backoff
        && world.events_for(Kind::Pod, &pod.metadata).iter().any(|e| {
            e.last_timestamp.as_ref() == Some(&t(now))
                && matches!(e.reason.as_deref(), Some("BackOff" | "Failed" | "ErrImageNeverPull"))
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
        pulled: statuses
            .iter()
            .chain(&init_statuses)
            .filter(|s| !s.image_id.is_empty())
            .map(|s| s.image.clone())
            .chain(node_images(world, &node))
            .collect(),
        new_images: Vec::new(),
        events: Vec::new(),
        wake: None,
    };
    let init_specs = spec.init_containers.as_deref().unwrap_or_default();
    let app_started = statuses.iter().any(|s| !init::fresh(s));
    let init = step_init(
        &mut sync,
        world,
        init_specs,
        &labels,
        &mut init_statuses,
        first_sight,
        app_started,
    );
    // The kubelet's default waiting reason for a container not created yet.
    let default_reason = if init_specs.is_empty() {
        "ContainerCreating"
    } else {
        "PodInitializing"
    };
    for c in &spec.containers {
        let idx = status_index(&mut statuses, c, default_reason);
        if !init.done {
            continue;
        }
        let image = c.image.clone().unwrap_or_default();
        let b = behavior_for(world, &ns, &labels, &image);
        if init.just_done && init::fresh(&statuses[idx]) {
            sync.begin(c, &b);
        }
        sync.start = init.since;
        step_container(&mut sync, c, &mut statuses[idx], &b);
    }
    let Sync {
        events,
        wake,
        new_images,
        ..
    } = sync;
    // App containers that stopped for good end the pod: its sidecars are stopped after them.
    let policy = restart_policy.as_str();
    let finished = !statuses.is_empty()
        && statuses.iter().all(|s| {
            s.state
                .as_ref()
                .and_then(|st| st.terminated.as_ref())
                .is_some_and(|t| policy == "Never" || (policy == "OnFailure" && t.exit_code == 0))
        });
    if finished {
        stop_sidecars(init_specs, &mut init_statuses, now);
    }
    let phase = conditions::phase(&spec, &init_statuses, &statuses);
    let mut conds = status.conditions.clone().unwrap_or_default();
    let initialized = conditions::initialized(&spec, &init_statuses, &statuses, phase);
    let containers_ready = conditions::containers_ready(&spec, &init_statuses, &statuses, phase);
    let ready = conditions::ready(&spec, &conds, &containers_ready, phase);
    if phase == "Succeeded" || phase == "Failed" {
        set_condition(&mut conds, "PodReadyToStartContainers", ("False", None, None), now);
    }
    set_condition(&mut conds, "Initialized", initialized, now);
    set_condition(&mut conds, "Ready", ready, now);
    set_condition(&mut conds, "ContainersReady", containers_ready, now);
    let status = pod.status.get_or_insert_with(PodStatus::default);
    status.phase = Some(phase.into());
    status.container_statuses = Some(statuses);
    status.init_container_statuses = (!init_statuses.is_empty()).then_some(init_statuses);
    status.conditions = Some(conds);
    let m = pod.metadata.clone();
    world.put(pod);
    if !new_images.is_empty() {
        add_node_images(world, &node, new_images);
    }
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

/// Sets a condition's status, reason and message; its transition time moves only with its status.
fn set_condition(
    conds: &mut Vec<PodCondition>,
    type_: &str,
    (status, reason, message): conditions::Cond,
    now: SimTime,
) {
    if let Some(c) = conds.iter_mut().find(|c| c.type_ == type_) {
        if c.status != status {
            c.status = status.into();
            c.last_transition_time = Some(t(now));
        }
        c.reason = reason.map(Into::into);
        c.message = message;
        return;
    }
    conds.push(PodCondition {
        type_: type_.into(),
        status: status.into(),
        last_transition_time: Some(t(now)),
        reason: reason.map(Into::into),
        message,
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
    status.qos_class = Some(pod.spec.as_ref().map_or("BestEffort", qos::qos_class).to_string());
    let status = pod.status.get_or_insert_with(PodStatus::default);
    let mut conds = status.conditions.clone().unwrap_or_default();
    // The sandbox is up; the other conditions follow from the first sync.
    set_condition(&mut conds, "PodReadyToStartContainers", ("True", None, None), now);
    for type_ in ["Initialized", "Ready", "ContainersReady"] {
        set_condition(&mut conds, type_, ("False", None, None), now);
    }
    // Order as the kubelet reports them.
    let order = [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ];
    conds.sort_by_key(|c| order.iter().position(|o| *o == c.type_).unwrap_or(order.len()));
    status.conditions = Some(conds);
}

/// The images a node holds (every name each is known by).
fn node_images(world: &World, node: &str) -> Vec<String> {
    let node = world.get::<Node>(&ObjKey::cluster(node));
    let images = node.and_then(|n| n.status.as_ref()).and_then(|s| s.images.as_ref());
    images
        .into_iter()
        .flatten()
        .flat_map(|i| i.names.iter().flatten().cloned())
        .collect()
}

/// Records pulled images in the node's status as its kubelet reports them: largest first, at most
/// 50 (`nodeStatusMaxImages`).
fn add_node_images(world: &mut World, node: &str, pulled: Vec<(Vec<String>, i64)>) {
    let Some(mut n) = world.get::<Node>(&ObjKey::cluster(node)).cloned() else {
        return;
    };
    let images = n
        .status
        .get_or_insert_with(Default::default)
        .images
        .get_or_insert_with(Vec::new);
    for (names, size) in pulled {
        if !images.iter().any(|i| i.names == Some(names.clone())) {
            images.push(ContainerImage {
                names: Some(names),
                size_bytes: Some(size),
            });
        }
    }
    images.sort_by_key(|i| std::cmp::Reverse(i.size_bytes));
    images.truncate(50);
    world.put(n);
}
