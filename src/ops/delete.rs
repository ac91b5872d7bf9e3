//! `delete`: removes objects with a propagation policy, then (with `--wait`) advances the
//! simulated clock until they are gone.

use crate::api::{Kind, ObjKey, Result};
use crate::controllers::common::{Propagation, delete_object};
use crate::engine;
use crate::sim::SimDuration;
use crate::world::World;

/// Deletes each object; returns those that existed.
pub fn delete(
    world: &mut World,
    targets: &[(Kind, ObjKey)],
    propagation: Propagation,
    grace: Option<i64>,
) -> Result<Vec<(Kind, ObjKey)>> {
    let mut done = Vec::new();
    for (kind, key) in targets {
        if delete_object(world, *kind, key, propagation, grace)? {
            done.push((*kind, key.clone()));
        }
    }
    engine::settle(world)?;
    Ok(done)
}

/// Advances time, one due instant at a time, until every target is gone (kubectl's `--wait`).
/// Returns false if nothing more is due and some remain.
pub fn wait_gone(world: &mut World, targets: &[(Kind, ObjKey)]) -> Result<bool> {
    let gone = |w: &World| targets.iter().all(|(k, key)| w.get_obj(*k, key).is_none());
    let until = world.now() + SimDuration::from_secs(86_400);
    while !gone(world) {
        if engine::step(world, until)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}
