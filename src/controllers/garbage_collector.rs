//! The garbage collector: deletes dependents whose owners are gone (background cascade) and
//! completes foreground and orphan deletions through their finalizers.

use super::Ctl;
use super::common::{Propagation, delete_object, dependents_of};
use crate::api::meta;
use crate::api::{Kind, ObjKey, Object, Result};
use crate::world::{Change, World};

/// GC keys: `uid:<uid>` for the dependents of a vanished owner, `<Kind>/<name>` for an object
/// being deleted with finalizers.
pub(super) fn wake(change: &Change, current: Option<&Object>, out: &mut Vec<(Ctl, ObjKey)>) {
    let ns = change.key.namespace.clone();
    if change.deleted {
        if let Some(old) = &change.old {
            out.push((
                Ctl::GarbageCollector,
                ObjKey::new(ns.clone(), format!("uid:{}", meta::uid(&old.meta))),
            ));
            // A dependent leaving may unblock a foreground deletion of its owner.
            for r in old.meta.owner_references.iter().flatten() {
                out.push((
                    Ctl::GarbageCollector,
                    ObjKey::new(ns.clone(), format!("{}/{}", r.kind, r.name)),
                ));
            }
        }
    } else if let Some(o) = current {
        if o.meta().finalizers.as_ref().is_some_and(|f| !f.is_empty()) {
            out.push((
                Ctl::GarbageCollector,
                ObjKey::new(ns.clone(), format!("{}/{}", change.kind.name(), change.key.name)),
            ));
        }
        if o.meta().deletion_timestamp.is_some() {
            for r in o.meta().owner_references.iter().flatten() {
                out.push((
                    Ctl::GarbageCollector,
                    ObjKey::new(ns.clone(), format!("{}/{}", r.kind, r.name)),
                ));
            }
        }
    }
}

pub(super) fn reconcile(world: &mut World, key: &ObjKey) -> Result<()> {
    let ns = key.namespace.clone();
    if let Some(uid) = key.name.strip_prefix("uid:") {
        // The owner is gone: remove our ref; delete dependents left with no owner. Most deleted
        // objects (pods) own nothing, which the indexes tell without decoding anything.
        let dependents = dependents_of(world, &ns, uid);
        if dependents.is_empty() || owner_exists(world, &ns, uid) {
            return Ok(());
        }
        for (kind, dkey) in dependents {
            let Some(mut obj) = world.get_obj(kind, &dkey).cloned() else {
                continue;
            };
            let refs = obj.meta().owner_references.clone().unwrap_or_default();
            let remaining: Vec<_> = refs
                .iter()
                .filter(|r| r.uid != uid && owner_exists(world, &ns, &r.uid))
                .cloned()
                .collect();
            if remaining.is_empty() {
                delete_object(world, kind, &dkey, Propagation::Background, None)?;
            } else if remaining.len() != refs.len() {
                obj.meta_mut().owner_references = Some(refs.into_iter().filter(|r| r.uid != uid).collect());
                world.update(obj);
            }
        }
        return Ok(());
    }
    let Some((kind_name, name)) = key.name.split_once('/') else {
        return Ok(());
    };
    let Some(kind) = Kind::all().find(|k| k.name() == kind_name) else {
        return Ok(());
    };
    let okey = ObjKey::new(if kind.namespaced() { ns.clone() } else { String::new() }, name);
    let Some(obj) = world.get_obj(kind, &okey).cloned() else {
        return Ok(());
    };
    if obj.meta().deletion_timestamp.is_none() {
        return Ok(());
    }
    let fins = obj.meta().finalizers.clone().unwrap_or_default();
    let uid = meta::uid(obj.meta()).to_string();
    let deps = dependents_of(world, &ns, &uid);
    if fins.iter().any(|f| f == "orphan") {
        for (k, d) in deps {
            if let Some(mut o) = world.get_obj(k, &d).cloned() {
                let refs: Vec<_> = o
                    .meta()
                    .owner_references
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|r| r.uid != uid)
                    .collect();
                o.meta_mut().owner_references = if refs.is_empty() { None } else { Some(refs) };
                world.update(o);
            }
        }
        finish(world, obj, "orphan");
    } else if fins.iter().any(|f| f == "foregroundDeletion") {
        let mut blocking = false;
        for (k, d) in deps {
            let Some(o) = world.get_obj(k, &d).cloned() else {
                continue;
            };
            let blocks = o
                .meta()
                .owner_references
                .iter()
                .flatten()
                .any(|r| r.uid == uid && r.block_owner_deletion == Some(true));
            if blocks {
                blocking = true;
            }
            if o.meta().deletion_timestamp.is_none() {
                delete_object(world, k, &d, Propagation::Foreground, None)?;
            }
        }
        let still = dependents_of(world, &ns, &uid).into_iter().any(|(k, d)| {
            world.get_obj(k, &d).is_some_and(|o| {
                o.meta()
                    .owner_references
                    .iter()
                    .flatten()
                    .any(|r| r.uid == uid && r.block_owner_deletion == Some(true))
            })
        });
        if !still || !blocking {
            finish(world, obj, "foregroundDeletion");
        }
    }
    Ok(())
}

fn owner_exists(world: &World, ns: &str, uid: &str) -> bool {
    [
        Kind::Deployment,
        Kind::ReplicaSet,
        Kind::ReplicationController,
        Kind::StatefulSet,
        Kind::DaemonSet,
        Kind::Job,
        Kind::CronJob,
        Kind::Pod,
    ]
    .into_iter()
    .any(|k| world.list_objs(k, Some(ns)).iter().any(|o| meta::uid(o.meta()) == uid))
}

fn finish(world: &mut World, mut obj: Object, finalizer: &str) {
    let key = ObjKey::of(obj.meta());
    let kind = obj.kind();
    let fins: Vec<String> = obj
        .meta()
        .finalizers
        .clone()
        .unwrap_or_default()
        .into_iter()
        .filter(|f| f != finalizer)
        .collect();
    if fins.is_empty() {
        world.remove(kind, &key);
    } else {
        obj.meta_mut().finalizers = Some(fins);
        world.update(obj);
    }
}
