//! The simulated kube-controller-manager, scheduler and kubelets: one reconcile function per
//! controller over one object key, and the table of which writes wake which controller.
//! Controllers never call each other; they meet only through objects in the World.

pub mod common;
mod deployment;
mod garbage_collector;
mod kubelet;
mod namespace;
mod replicaset;
mod scheduler;

use crate::api::k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use crate::api::k8s_openapi::api::core::v1::{Pod, ReplicationController};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use crate::api::meta::controller_of;
use crate::api::selector::label_selector_matches;
use crate::api::{Kind, ObjKey, Object, Result};
use crate::world::{Change, World};

/// Every controller the engine runs, in no particular priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ctl {
    Deployment,
    ReplicaSet,
    ReplicationController,
    Scheduler,
    Kubelet,
    GarbageCollector,
    Namespace,
}

impl Ctl {
    const ALL: [Ctl; 7] = [
        Ctl::Deployment,
        Ctl::ReplicaSet,
        Ctl::ReplicationController,
        Ctl::Scheduler,
        Ctl::Kubelet,
        Ctl::GarbageCollector,
        Ctl::Namespace,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Ctl::Deployment => "deployment",
            Ctl::ReplicaSet => "replicaset",
            Ctl::ReplicationController => "replicationcontroller",
            Ctl::Scheduler => "scheduler",
            Ctl::Kubelet => "kubelet",
            Ctl::GarbageCollector => "garbagecollector",
            Ctl::Namespace => "namespace",
        }
    }

    pub fn from_name(s: &str) -> Option<Ctl> {
        Ctl::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// Reconciles one key. Controllers schedule their own wake-ups with `World::wake_at`.
pub fn reconcile(ctl: Ctl, world: &mut World, key: &ObjKey) -> Result<()> {
    match ctl {
        Ctl::Deployment => deployment::reconcile(world, key),
        Ctl::ReplicaSet => replicaset::reconcile_rs(world, key),
        Ctl::ReplicationController => replicaset::reconcile_rc(world, key),
        Ctl::Scheduler => scheduler::reconcile(world, key),
        Ctl::Kubelet => kubelet::reconcile(world, key),
        Ctl::GarbageCollector => garbage_collector::reconcile(world, key),
        Ctl::Namespace => namespace::reconcile(world, key),
    }
}

/// Which controllers a write wakes (the informers' event handlers of the real controllers).
pub fn triggers(world: &World, change: &Change, out: &mut Vec<(Ctl, ObjKey)>) {
    let current = world.get_obj(change.kind, &change.key);
    let metas: Vec<&ObjectMeta> = current
        .map(Object::meta)
        .into_iter()
        .chain(change.old.as_ref().map(|b| &b.meta))
        .collect();
    for m in &metas {
        if let Some(r) = controller_of(m) {
            let owner = ObjKey::new(change.key.namespace.clone(), r.name.clone());
            match r.kind.as_str() {
                "ReplicaSet" => out.push((Ctl::ReplicaSet, owner)),
                "ReplicationController" => out.push((Ctl::ReplicationController, owner)),
                "Deployment" => out.push((Ctl::Deployment, owner)),
                _ => {}
            }
        }
    }
    if change.deleted || current.is_some_and(|o| o.meta().deletion_timestamp.is_some()) {
        garbage_collector::wake(change, current, out);
    }
    if change.deleted && change.kind.namespaced() && change.kind != Kind::Event {
        let ns = ObjKey::cluster(change.key.namespace.clone());
        if world
            .get_obj(Kind::Namespace, &ns)
            .is_some_and(|n| n.meta().deletion_timestamp.is_some())
        {
            out.push((Ctl::Namespace, ns));
        }
    }
    match change.kind {
        Kind::Pod => {
            if let Some(Object::Pod(p)) = current {
                if crate::api::meta::node_name(p).is_some() {
                    out.push((Ctl::Kubelet, change.key.clone()));
                } else if p.metadata.deletion_timestamp.is_none() {
                    out.push((Ctl::Scheduler, scheduler::pending_key()));
                }
                if controller_of(&p.metadata).is_none() {
                    wake_adopters(world, p, out);
                }
            }
            let freed = change.deleted
                || current.is_some_and(|o| matches!(o, Object::Pod(p) if !crate::api::meta::pod_is_active(p)));
            if freed && change.old.as_ref().is_some_and(|b| b.node.is_some()) {
                out.push((Ctl::Scheduler, scheduler::pending_key()));
            }
            // A deleted pod wakes the Deployment above its ReplicaSet (deletePod: Recreate waits
            // for old pods to be gone).
            if change.deleted {
                for m in &metas {
                    let Some(r) = controller_of(m).filter(|r| r.kind == "ReplicaSet") else {
                        continue;
                    };
                    let rs_key = ObjKey::new(change.key.namespace.clone(), r.name.clone());
                    if let Some(d) = world
                        .get::<ReplicaSet>(&rs_key)
                        .and_then(|rs| controller_of(&rs.metadata))
                        && d.kind == "Deployment"
                    {
                        out.push((
                            Ctl::Deployment,
                            ObjKey::new(change.key.namespace.clone(), d.name.clone()),
                        ));
                    }
                }
            }
        }
        Kind::ReplicaSet => {
            out.push((Ctl::ReplicaSet, change.key.clone()));
            if let Some(Object::ReplicaSet(rs)) = current
                && controller_of(&rs.metadata).is_none()
            {
                for d in world.list::<Deployment>(Some(&change.key.namespace)) {
                    let labels = crate::api::meta::labels(&rs.metadata);
                    if d.spec
                        .as_ref()
                        .is_some_and(|s| label_selector_matches(&s.selector, labels))
                    {
                        out.push((Ctl::Deployment, ObjKey::of(&d.metadata)));
                    }
                }
            }
        }
        Kind::ReplicationController => out.push((Ctl::ReplicationController, change.key.clone())),
        Kind::Deployment => out.push((Ctl::Deployment, change.key.clone())),
        Kind::Node => {
            out.push((Ctl::Scheduler, scheduler::pending_key()));
            // The node's own kubelet registers it (keys without a namespace are nodes).
            out.push((Ctl::Kubelet, change.key.clone()));
        }
        Kind::Namespace => out.push((Ctl::Namespace, change.key.clone())),
        _ => {}
    }
}

/// An orphan pod wakes the ReplicaSets and ReplicationControllers that could adopt it.
fn wake_adopters(world: &World, pod: &Pod, out: &mut Vec<(Ctl, ObjKey)>) {
    let ns = crate::api::meta::namespace(&pod.metadata);
    let labels = crate::api::meta::labels(&pod.metadata);
    for rs in world.list::<ReplicaSet>(Some(ns)) {
        if rs
            .spec
            .as_ref()
            .is_some_and(|s| label_selector_matches(&s.selector, labels))
        {
            out.push((Ctl::ReplicaSet, ObjKey::of(&rs.metadata)));
        }
    }
    for rc in world.list::<ReplicationController>(Some(ns)) {
        let sel = rc.spec.as_ref().and_then(|s| s.selector.as_ref());
        if sel.is_some_and(|s| !s.is_empty() && s.iter().all(|(k, v)| labels.get(k) == Some(v))) {
            out.push((Ctl::ReplicationController, ObjKey::of(&rc.metadata)));
        }
    }
}
