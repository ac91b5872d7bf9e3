//! `scale`: sets spec.replicas of a Deployment, ReplicaSet, ReplicationController or
//! StatefulSet, with kubectl's precondition check.

use crate::api::{Error, Kind, ObjKey, Object, Result};
use crate::world::World;

/// The replicas of a scalable object, or None for kinds without a scale subresource.
pub fn replicas(o: &Object) -> Option<i32> {
    match o {
        Object::Deployment(d) => d.spec.as_ref().and_then(|s| s.replicas),
        Object::ReplicaSet(r) => r.spec.as_ref().and_then(|s| s.replicas),
        Object::ReplicationController(r) => r.spec.as_ref().and_then(|s| s.replicas),
        Object::StatefulSet(s) => s.spec.as_ref().and_then(|s| s.replicas),
        _ => None,
    }
}

fn set_replicas(o: &mut Object, n: i32) -> bool {
    match o {
        Object::Deployment(d) => d.spec.as_mut().map(|s| s.replicas = Some(n)).is_some(),
        Object::ReplicaSet(r) => r.spec.as_mut().map(|s| s.replicas = Some(n)).is_some(),
        Object::ReplicationController(r) => r.spec.as_mut().map(|s| s.replicas = Some(n)).is_some(),
        Object::StatefulSet(s) => s.spec.as_mut().map(|s| s.replicas = Some(n)).is_some(),
        _ => false,
    }
}

/// Scales one object; `current` is `--current-replicas`.
pub fn scale(world: &mut World, kind: Kind, key: &ObjKey, replicas: i32, current: Option<i32>) -> Result<()> {
    let Some(mut obj) = world.get_obj(kind, key).cloned() else {
        return Err(Error::not_found(kind, &key.name));
    };
    let Some(have) = self::replicas(&obj) else {
        return Err(Error::msg(format!(
            "no scaler has been implemented for {{{} {}}}",
            kind.group(),
            kind.name()
        )));
    };
    if let Some(c) = current
        && c != have
    {
        return Err(Error::msg(format!("Expected replicas to be {c}, was {have}")));
    }
    set_replicas(&mut obj, replicas);
    crate::api::validation::validate(&obj, None)?;
    world.update(obj);
    Ok(())
}
