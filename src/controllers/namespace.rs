//! The namespace controller: a deleted namespace stays `Terminating` until everything in it is
//! gone, then disappears.

use super::common::{Propagation, delete_object};
use crate::api::k8s_openapi::api::core::v1::Namespace;
use crate::api::{Kind, ObjKey, Result};
use crate::world::World;

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
    for kind in Kind::all().filter(|k| k.namespaced()) {
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
    }
    Ok(())
}
