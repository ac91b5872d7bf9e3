//! The namespace controller: a deleted namespace stays `Terminating` until everything in it is
//! gone, then disappears.

use super::common::{Propagation, delete_object};
use crate::api::k8s_openapi::api::core::v1::Namespace;
use crate::api::{Kind, ObjKey, Result};
use crate::sim::SimDuration;
use crate::world::World;

/// How soon the controller looks again while content remains (it re-queues the namespace
/// rather than trusting every deletion to be reported).
const RECHECK: i64 = 5;

pub(super) fn reconcile(world: &mut World, key: &ObjKey) -> Result<()> {
    let Some(ns) = world.get::<Namespace>(key).cloned() else {
        return Ok(());
    };
    if ns.metadata.deletion_timestamp.is_none() {
        return Ok(());
    }
    if ns.status.as_ref().and_then(|s| s.phase.as_deref()) != Some("Terminating") {
        let mut n = ns.clone();
        n.status.get_or_insert_with(Default::default).phase = Some("Terminating".into());
        world.put(n);
    }
    let name = key.name.clone();
    let mut remaining = 0;
    // PodBehaviors describe how the simulated world behaves, not workloads: they go last, so
    // the pods they govern still terminate the way they say.
    let workloads_left = Kind::all()
        .filter(|k| k.namespaced() && *k != Kind::Event && *k != Kind::PodBehavior)
        .any(|k| !world.list_objs(k, Some(&name)).is_empty());
    for kind in Kind::all().filter(|k| k.namespaced()) {
        if kind == Kind::PodBehavior && workloads_left {
            remaining += 1;
            continue;
        }
        let keys: Vec<ObjKey> = world
            .list_objs(kind, Some(&name))
            .iter()
            .map(|o| ObjKey::of(o.meta()))
            .collect();
        for k in keys {
            remaining += 1;
            if kind == Kind::Event {
                world.remove(kind, &k);
                continue;
            }
            delete_object(world, kind, &k, Propagation::Background, None)?;
        }
    }
    if remaining == 0 {
        world.remove(Kind::Namespace, key);
    } else {
        world.wake_after("namespace", key, SimDuration::from_secs(RECHECK));
    }
    Ok(())
}
