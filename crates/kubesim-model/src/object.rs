//! The `Object` enum over every supported kind, with non-generic decode/encode entry points.

use crate::custom::{NodeGroup, PodBehavior, VerticalPodAutoscaler};
use crate::kind::Kind;
use k8s_openapi::api::apps::v1::{ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::autoscaling::v1 as autoscaling_v1;
use k8s_openapi::api::autoscaling::v2::{
    HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec, MetricTarget, ResourceMetricSource,
};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::{
    ConfigMap, Endpoints, Event, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, ReplicationController,
    Secret, Service,
};
use k8s_openapi::api::policy::v1::PodDisruptionBudget;
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::Value;

/// Why a manifest or stored object could not be decoded into its kind's type.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A Rust type that is one of the kinds of [`Object`].
pub trait Typed: Sized + Clone {
    const KIND: Kind;
    fn from_object(o: &Object) -> Option<&Self>;
    fn from_object_mut(o: &mut Object) -> Option<&mut Self>;
    fn into_object(self) -> Object;
    fn metadata(&self) -> &ObjectMeta;
    fn metadata_mut(&mut self) -> &mut ObjectMeta;
}

macro_rules! objects {
    ($($variant:ident => $ty:ty),* $(,)?) => {
        /// One Kubernetes object of any supported kind.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Object {
            $($variant(Box<$ty>),)*
        }

        impl Object {
            pub fn kind(&self) -> Kind {
                match self { $(Object::$variant(_) => Kind::$variant,)* }
            }

            pub fn meta(&self) -> &ObjectMeta {
                match self { $(Object::$variant(o) => &o.metadata,)* }
            }

            pub fn meta_mut(&mut self) -> &mut ObjectMeta {
                match self { $(Object::$variant(o) => &mut o.metadata,)* }
            }

            /// The object as the API's JSON (`apiVersion`, `kind`, sorted keys).
            pub fn to_value(&self) -> Value {
                let v = match self { $(Object::$variant(o) => serde_json::to_value(&**o),)* };
                let mut v = v.unwrap_or(Value::Null);
                if let Value::Object(m) = &mut v {
                    m.insert("apiVersion".into(), Value::String(self.kind().api_version()));
                    m.insert("kind".into(), Value::String(self.kind().name().into()));
                }
                v
            }

            /// Compact JSON, as the store keeps it.
            pub fn to_json(&self) -> String {
                let r = match self { $(Object::$variant(o) => serde_json::to_string(&**o),)* };
                r.unwrap_or_default()
            }
        }

        $(
            impl Typed for $ty {
                const KIND: Kind = Kind::$variant;
                fn from_object(o: &Object) -> Option<&Self> {
                    match o { Object::$variant(x) => Some(x), _ => None }
                }
                fn from_object_mut(o: &mut Object) -> Option<&mut Self> {
                    match o { Object::$variant(x) => Some(x), _ => None }
                }
                fn into_object(self) -> Object {
                    Object::$variant(Box::new(self))
                }
                fn metadata(&self) -> &ObjectMeta { &self.metadata }
                fn metadata_mut(&mut self) -> &mut ObjectMeta { &mut self.metadata }
            }
        )*

        /// Stored objects were validated when written: decode them without tracking unknown fields.
        fn decode_stored(kind: Kind, json: &str) -> Result<Object, serde_json::Error> {
            Ok(match kind {
                $(Kind::$variant => Object::$variant(Box::new(serde_json::from_str(json)?)),)*
            })
        }

        fn decode_kind<'de, D: serde::Deserializer<'de>>(
            kind: Kind,
            de: D,
            unknown: &mut Vec<String>,
        ) -> Result<Object, D::Error> {
            let mut cb = |p: serde_ignored::Path<'_>| unknown.push(p.to_string());
            Ok(match kind {
                $(Kind::$variant => Object::$variant(Box::new(serde_ignored::deserialize(de, &mut cb)?)),)*
            })
        }
    };
}

objects! {
    Pod => Pod,
    ReplicationController => ReplicationController,
    Service => Service,
    DaemonSet => DaemonSet,
    Deployment => Deployment,
    ReplicaSet => ReplicaSet,
    StatefulSet => StatefulSet,
    HorizontalPodAutoscaler => HorizontalPodAutoscaler,
    CronJob => CronJob,
    Job => Job,
    Endpoints => Endpoints,
    Node => Node,
    Namespace => Namespace,
    ConfigMap => ConfigMap,
    Secret => Secret,
    Event => Event,
    PersistentVolumeClaim => PersistentVolumeClaim,
    PersistentVolume => PersistentVolume,
    ControllerRevision => ControllerRevision,
    PodDisruptionBudget => PodDisruptionBudget,
    StorageClass => StorageClass,
    VerticalPodAutoscaler => VerticalPodAutoscaler,
    PodBehavior => PodBehavior,
    NodeGroup => NodeGroup,
}

/// Decodes stored compact JSON of a known kind (no unknown-field report).
pub fn decode_str(kind: Kind, json: &str) -> Result<Object, DecodeError> {
    let obj = decode_stored(kind, json).map_err(|e| DecodeError(e.to_string()))?;
    Ok(normalize(obj))
}

/// Decodes a manifest already parsed into JSON. Returns the object and the paths of fields the
/// type does not know (`spec.template.spec.containers[0].imagee`), for kubectl-style warnings.
pub fn decode_value(kind: Kind, mut v: Value) -> Result<(Object, Vec<String>), DecodeError> {
    if kind == Kind::HorizontalPodAutoscaler && v.get("apiVersion").and_then(Value::as_str) == Some("autoscaling/v1") {
        return hpa_from_v1(v).map(|o| (o, Vec::new()));
    }
    if let Value::Object(m) = &mut v {
        // The typed decoders check these; the caller has already resolved the kind from them.
        m.remove("apiVersion");
        m.remove("kind");
    }
    let mut unknown = Vec::new();
    let obj = decode_kind(kind, v, &mut unknown).map_err(|e| DecodeError(e.to_string()))?;
    let unknown = unknown.iter().map(|p| clean_path(p)).collect();
    Ok((normalize(obj), unknown))
}

/// serde_ignored paths look like `spec.?.containers.?.0.imagee`; kubectl prints
/// `spec.containers[0].imagee`.
fn clean_path(p: &str) -> String {
    let mut out = String::new();
    for seg in p.split('.').filter(|s| *s != "?") {
        if seg.chars().all(|c| c.is_ascii_digit()) && !out.is_empty() {
            out.push('[');
            out.push_str(seg);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

fn normalize(mut obj: Object) -> Object {
    let kind = obj.kind();
    match &mut obj {
        Object::PodBehavior(o) => set_type_meta(&mut o.api_version, &mut o.kind, kind),
        Object::NodeGroup(o) => set_type_meta(&mut o.api_version, &mut o.kind, kind),
        Object::VerticalPodAutoscaler(o) => set_type_meta(&mut o.api_version, &mut o.kind, kind),
        _ => {}
    }
    obj
}

fn set_type_meta(api_version: &mut String, k: &mut String, kind: Kind) {
    *api_version = kind.api_version();
    *k = kind.name().to_string();
}

/// autoscaling/v1 → v2, as the API server converts: targetCPUUtilizationPercentage becomes a
/// cpu Utilization metric (left empty when unset, so that defaulting adds the 80% one).
fn hpa_from_v1(mut v: Value) -> Result<Object, DecodeError> {
    if let Value::Object(m) = &mut v {
        m.remove("apiVersion");
        m.remove("kind");
    }
    let old: autoscaling_v1::HorizontalPodAutoscaler =
        serde_json::from_value(v).map_err(|e| DecodeError(e.to_string()))?;
    let spec = old.spec.map(|s| HorizontalPodAutoscalerSpec {
        max_replicas: s.max_replicas,
        min_replicas: s.min_replicas,
        scale_target_ref: k8s_openapi::api::autoscaling::v2::CrossVersionObjectReference {
            api_version: s.scale_target_ref.api_version,
            kind: s.scale_target_ref.kind,
            name: s.scale_target_ref.name,
        },
        metrics: s.target_cpu_utilization_percentage.map(|p| {
            vec![MetricSpec {
                type_: "Resource".into(),
                resource: Some(ResourceMetricSource {
                    name: "cpu".into(),
                    target: MetricTarget {
                        type_: "Utilization".into(),
                        average_utilization: Some(p),
                        ..Default::default()
                    },
                }),
                ..Default::default()
            }]
        }),
        behavior: None,
    });
    Ok(Object::HorizontalPodAutoscaler(Box::new(HorizontalPodAutoscaler {
        metadata: old.metadata,
        spec,
        status: None,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_unknown_fields_with_kubectl_paths() {
        let v: Value = serde_json::from_str(
            r#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","bogus":1},
                "spec":{"containers":[{"name":"c","image":"x","imagee":"y"}]}}"#,
        )
        .unwrap();
        let (obj, unknown) = decode_value(Kind::Pod, v).unwrap();
        assert_eq!(obj.meta().name.as_deref(), Some("a"));
        assert_eq!(unknown, vec!["metadata.bogus", "spec.containers[0].imagee"]);
        let round = obj.to_value();
        assert_eq!(round["kind"], "Pod");
        assert_eq!(round["apiVersion"], "v1");
    }

    #[test]
    fn converts_hpa_v1() {
        let v: Value = serde_json::from_str(
            r#"{"apiVersion":"autoscaling/v1","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},
                "spec":{"maxReplicas":5,"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"web"},
                "targetCPUUtilizationPercentage":50}}"#,
        )
        .unwrap();
        let (obj, _) = decode_value(Kind::HorizontalPodAutoscaler, v).unwrap();
        let v = obj.to_value();
        assert_eq!(v["apiVersion"], "autoscaling/v2");
        assert_eq!(v["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"], 50);
    }
}
