//! `rollout status|history|undo|pause|resume|restart` (kubectl `pkg/cmd/rollout`,
//! `polymorphichelpers/{rollout_status,history,rollback,objectpauser,objectresumer,objectrestarter}.go`):
//! per-kind capabilities as one match each, and the status watch on the simulated clock.

mod history;
mod status;
mod toggle;
mod undo;

pub use history::{History, history, owned_replica_sets};
pub use status::{WatchOptions, Watched, status, watch_status};
pub use toggle::{Toggle, toggle};
pub use undo::undo;

use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use crate::api::{Error, Kind, ObjKey, Object, Result};
use crate::world::World;

const REVISION: &str = "deployment.kubernetes.io/revision";

/// Kinds kubectl's `apps.GroupKindElement` visitor knows (others fail before any viewer lookup).
fn visitable(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Deployment
            | Kind::StatefulSet
            | Kind::DaemonSet
            | Kind::Job
            | Kind::Pod
            | Kind::ReplicaSet
            | Kind::ReplicationController
            | Kind::CronJob
    )
}

/// Go's `%v` of a GroupKindElement (a struct without String()): `{apps Foo}`, `{ Service}`.
fn go_group_kind_struct(kind: Kind) -> String {
    format!("{{{} {}}}", kind.group(), kind.name())
}

fn get(world: &World, kind: Kind, key: &ObjKey) -> Result<Object> {
    world
        .get_obj(kind, key)
        .cloned()
        .ok_or_else(|| Error::not_found(kind, &key.name))
}

fn meta_of(t: &mut PodTemplateSpec) -> &mut ObjectMeta {
    t.metadata.get_or_insert_with(Default::default)
}
