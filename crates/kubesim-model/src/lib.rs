//! Kubernetes v1.32 object types for kubesim: the kind registry, the `Object` enum over every
//! supported kind, kubesim's own `sim.kubesim.io` types, and their serde code compiled once here
//! (non-generic entry points) so that the main crate does not re-instantiate it on every rebuild.

pub use k8s_openapi;

mod custom;
mod kind;
mod object;
mod pod;

pub use custom::*;
pub use kind::{Kind, KindInfo};
pub use object::{DecodeError, Object, Typed, decode_str, decode_value};
pub use pod::{POD_DIGEST_VERSION, PodSummary, decode_pod_summary, pod_digest};
