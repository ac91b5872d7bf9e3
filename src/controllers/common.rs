//! Helpers shared by controllers and verbs: owner references, pods from templates, and the one
//! deletion path (graceful pods, finalizers, propagation policies).

use crate::api::k8s_openapi::api::core::v1::{Pod, PodTemplateSpec};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, OwnerReference, Time};
use crate::api::meta::{self, controller_of};
use crate::api::{Kind, ObjKey, Object, Result};
use crate::sim::{SimDuration, SimTime};
use crate::world::World;

/// A controller ownerReference to `meta` of `kind`, as controllers set on what they create.
pub fn controller_ref(kind: Kind, meta: &ObjectMeta) -> OwnerReference {
    OwnerReference {
        api_version: kind.api_version(),
        kind: kind.name().to_string(),
        name: meta.name.clone().unwrap_or_default(),
        uid: meta.uid.clone().unwrap_or_default(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// Whether `obj_meta` is controlled by the object with `uid`.
pub fn is_controlled_by(obj_meta: &ObjectMeta, uid: &str) -> bool {
    controller_of(obj_meta).is_some_and(|r| r.uid == uid)
}

/// A new pod from a template: labels, annotations and spec copied, `generateName` set, owned by
/// the controller (controller.GetPodFromTemplate).
pub fn pod_from_template(template: &PodTemplateSpec, ns: &str, generate_name: &str, owner: OwnerReference) -> Pod {
    let tm = template.metadata.clone().unwrap_or_default();
    Pod {
        metadata: ObjectMeta {
            generate_name: Some(generate_name.to_string()),
            namespace: Some(ns.to_string()),
            labels: tm.labels,
            annotations: tm.annotations,
            finalizers: tm.finalizers,
            owner_references: Some(vec![owner]),
            ..Default::default()
        },
        spec: template.spec.clone(),
        status: None,
    }
}

/// How dependents of a deleted object are treated (`--cascade`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Propagation {
    Background,
    Foreground,
    Orphan,
}

/// Deletes an object the way the API server does: pods on a node terminate gracefully (the
/// kubelet removes them), foreground/orphan deletions wait on their finalizers, everything else
/// goes at once and the garbage collector takes care of dependents.
/// `grace` overrides the pod's terminationGracePeriodSeconds (`--grace-period`).
pub fn delete_object(
    world: &mut World,
    kind: Kind,
    key: &ObjKey,
    propagation: Propagation,
    grace: Option<i64>,
) -> Result<bool> {
    let Some(obj) = world.get_obj(kind, key).cloned() else {
        return Ok(false);
    };
    let now = Time(world.now().to_timestamp());
    let mut obj = obj;
    let finalizer = match propagation {
        Propagation::Foreground => Some("foregroundDeletion"),
        Propagation::Orphan => Some("orphan"),
        Propagation::Background => None,
    };
    let has_dependents = finalizer.is_some() && has_dependents(world, obj.meta());
    if let Some(f) = finalizer.filter(|_| has_dependents) {
        let fins = obj.meta_mut().finalizers.get_or_insert_with(Vec::new);
        if !fins.iter().any(|x| x == f) {
            fins.push(f.to_string());
        }
    }
    if let Object::Pod(p) = &mut obj {
        let grace = grace.unwrap_or_else(|| {
            p.spec
                .as_ref()
                .and_then(|s| s.termination_grace_period_seconds)
                .unwrap_or(30)
        });
        let on_node = meta::node_name(p).is_some();
        let terminal = !meta::pod_is_active(p) && p.metadata.deletion_timestamp.is_none();
        if on_node && !terminal && grace > 0 {
            // The API server sets deletionTimestamp to the deadline (now + grace); a later
            // delete may only shorten the grace period, keeping the same starting instant.
            match (&p.metadata.deletion_timestamp, p.metadata.deletion_grace_period_seconds) {
                (None, _) => {
                    let deadline = world.now() + SimDuration::from_secs(grace);
                    p.metadata.deletion_timestamp = Some(Time(deadline.to_timestamp()));
                    p.metadata.deletion_grace_period_seconds = Some(grace);
                    world.update(obj);
                }
                (Some(ts), Some(old)) if grace < old => {
                    let deleted_at = SimTime::from_timestamp(ts.0) - SimDuration::from_secs(old);
                    let deadline = deleted_at + SimDuration::from_secs(grace);
                    p.metadata.deletion_timestamp = Some(Time(deadline.to_timestamp()));
                    p.metadata.deletion_grace_period_seconds = Some(grace);
                    world.update(obj);
                }
                _ => {}
            }
            return Ok(true);
        }
    }
    // A namespace carries the `kubernetes` finalizer in its spec: it turns Terminating and the
    // namespace controller empties it before it goes.
    if let Object::Namespace(n) = &mut obj
        && n.spec
            .as_ref()
            .and_then(|s| s.finalizers.as_ref())
            .is_some_and(|f| !f.is_empty())
    {
        if n.metadata.deletion_timestamp.is_none() {
            n.metadata.deletion_timestamp = Some(now);
            n.metadata.deletion_grace_period_seconds = Some(0);
            n.status.get_or_insert_with(Default::default).phase = Some("Terminating".into());
            world.update(obj);
        }
        return Ok(true);
    }
    let finalizers = obj.meta().finalizers.clone().unwrap_or_default();
    if finalizers.is_empty() {
        world.remove(kind, key);
    } else if obj.meta().deletion_timestamp.is_none() {
        obj.meta_mut().deletion_timestamp = Some(now);
        obj.meta_mut().deletion_grace_period_seconds = Some(0);
        world.update(obj);
    }
    Ok(true)
}

/// Kinds whose objects may carry ownerReferences to something kubesim deletes.
pub const DEPENDENT_KINDS: [Kind; 7] = [
    Kind::Pod,
    Kind::ReplicaSet,
    Kind::ControllerRevision,
    Kind::Job,
    Kind::PersistentVolumeClaim,
    Kind::Endpoints,
    Kind::HorizontalPodAutoscaler,
];

/// Objects in the same namespace that list `uid` among their ownerReferences.
pub fn dependents_of(world: &World, ns: &str, uid: &str) -> Vec<(Kind, ObjKey)> {
    let mut out = Vec::new();
    for kind in DEPENDENT_KINDS {
        if kind == Kind::Pod {
            out.extend(
                world
                    .pods()
                    .owned_by(uid)
                    .filter(|(k, _)| k.namespace == ns)
                    .map(|(k, _)| (kind, k.clone())),
            );
            continue;
        }
        for o in world.list_objs(kind, Some(ns)) {
            if o.meta().owner_references.iter().flatten().any(|r| r.uid == uid) {
                out.push((kind, ObjKey::of(o.meta())));
            }
        }
    }
    out
}

fn has_dependents(world: &World, m: &ObjectMeta) -> bool {
    !dependents_of(world, meta::namespace(m), meta::uid(m)).is_empty()
}
