//! `rollout pause|resume|restart`: the patch-style verbs (objectpauser, objectresumer, objectrestarter).

use super::{get, meta_of};
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::{Error, Kind, ObjKey, Object, Result, validation};
use crate::sim::SimTime;
use crate::world::World;
use std::collections::BTreeMap;

const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";

/// The patch-style verbs, with kubectl's per-object error wording (`<resource> "<name>" <why>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    Pause,
    Resume,
    Restart,
}

fn object_error(kind: Kind, name: &str, why: &str) -> Error {
    Error::msg(format!("{} {name:?} {why}", kind.resource()))
}

/// objectpauser / objectresumer / objectrestarter: changes the object and stores it.
pub fn toggle(world: &mut World, kind: Kind, key: &ObjKey, t: Toggle) -> Result<()> {
    let old = get(world, kind, key)?;
    let mut obj = old.clone();
    let name = key.name.as_str();
    let now = world.now();
    match (&mut obj, t) {
        (Object::Deployment(d), Toggle::Pause) => {
            let s = d.spec.get_or_insert_with(Default::default);
            if s.paused.unwrap_or(false) {
                return Err(object_error(kind, name, "is already paused"));
            }
            s.paused = Some(true);
        }
        (Object::Deployment(d), Toggle::Resume) => {
            let s = d.spec.get_or_insert_with(Default::default);
            if !s.paused.unwrap_or(false) {
                return Err(object_error(kind, name, "is not paused"));
            }
            s.paused = None;
        }
        (Object::Deployment(d), Toggle::Restart) => {
            let s = d.spec.get_or_insert_with(Default::default);
            if s.paused.unwrap_or(false) {
                return Err(object_error(
                    kind,
                    name,
                    "can't restart paused deployment (run rollout resume first)",
                ));
            }
            restarted(&mut s.template, now);
        }
        (Object::DaemonSet(ds), Toggle::Restart) => {
            if let Some(s) = ds.spec.as_mut() {
                restarted(&mut s.template, now);
            }
        }
        (Object::StatefulSet(sts), Toggle::Restart) => {
            if let Some(s) = sts.spec.as_mut() {
                restarted(&mut s.template, now);
            }
        }
        (_, Toggle::Pause) => return Err(object_error(kind, name, "pausing is not supported")),
        (_, Toggle::Resume) => return Err(object_error(kind, name, "resuming is not supported")),
        (_, Toggle::Restart) => return Err(object_error(kind, name, "restarting is not supported")),
    }
    validation::validate(&obj, Some(&old))?;
    world.update(obj);
    Ok(())
}

fn restarted(t: &mut PodTemplateSpec, now: SimTime) {
    meta_of(t)
        .annotations
        .get_or_insert_with(BTreeMap::new)
        .insert(RESTARTED_AT.into(), now.rfc3339());
}
