//! The Kubernetes API as kubesim speaks it: types (re-exported from `kubesim-model`), object keys,
//! defaulting, validation, label selectors, quantities, names, Go string quoting, QoS classes, and
//! the one error vocabulary.

pub mod defaults;
pub mod error;
pub mod gostr;
pub mod key;
pub mod meta;
pub mod names;
pub mod qos;
pub mod quantity;
pub mod selector;
pub mod validation;

pub use error::{Error, FieldError, Reason, Result};
pub use key::ObjKey;
pub use kubesim_model::k8s_openapi;
pub use kubesim_model::{
    DecodeError, Kind, KindInfo, NodeGroup, Object, POD_DIGEST_VERSION, PodBehavior, PodSummary, Typed,
    VerticalPodAutoscaler, decode_pod_summary, decode_str, decode_value, pod_digest,
};
