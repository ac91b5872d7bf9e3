//! Pod termination: stopping a deleted pod's containers and removing it after its termination delay.

use super::behavior_for;
use crate::api::k8s_openapi::api::core::v1::Pod;
use crate::api::meta;
use crate::api::{Kind, ObjKey, Result};
use crate::sim::{SimDuration, SimTime};
use crate::world::{Source, World};

/// A pod with a deletionTimestamp: stop its containers and remove it once its termination
/// delay (bounded by the grace period) has passed.
pub(super) fn terminate(world: &mut World, pod: Pod, node: &str) -> Result<()> {
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
        .flat_map(|s| s.containers.iter().chain(s.init_containers.iter().flatten()))
        .map(|c| behavior_for(world, &ns, &labels, c.image.as_deref().unwrap_or("")).termination_delay)
        .max()
        .unwrap_or(0)
        .min(grace);
    // App containers stop first, then sidecars in reverse order.
    let running: Vec<String> = pod
        .status
        .iter()
        .flat_map(|s| {
            let sidecars = s.init_container_statuses.iter().flatten().rev();
            s.container_statuses.iter().flatten().chain(sidecars)
        })
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
