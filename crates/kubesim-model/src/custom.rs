//! kubesim's own kinds (`sim.kubesim.io/v1alpha1` PodBehavior and NodeGroup) and the
//! `autoscaling.k8s.io/v1` VerticalPodAutoscaler, which k8s-openapi does not ship.

use k8s_openapi::api::core::v1::Taint;
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{Condition, LabelSelector, ObjectMeta};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Selects pods by labels and/or image and sets how the simulated kubelet runs them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodBehavior {
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: PodBehaviorSpec,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodBehaviorSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<LabelSelector>,
    /// An image reference, exact or with `*` wildcards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Time from the pod's start until its containers run (Go duration syntax: `10s`, `1m30s`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup_delay: Option<String>,
    /// `Fail` leaves the pod in ErrImagePull/ImagePullBackOff; `Succeed` (default) pulls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_pull: Option<String>,
    /// `Pass` (default), `Fail`, or a duration after which the pod becomes ready.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness: Option<String>,
    /// The container exits this long after it starts, with `exitCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_for: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// The container crashes this long after each start (CrashLoopBackOff with back-off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crash_after: Option<String>,
    /// How long a deleted pod stays Terminating (bounded by its grace period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub termination_delay: Option<String>,
    /// Per-pod usage as a metrics server would report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<BTreeMap<String, Quantity>>,
    /// A total demand spread evenly over the selected ready pods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<BTreeMap<String, Quantity>>,
}

/// A pool of nodes the cluster autoscaler may grow and shrink.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroup {
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: NodeGroupSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<NodeGroupStatus>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupSpec {
    #[serde(default)]
    pub min_size: i32,
    #[serde(default)]
    pub max_size: i32,
    #[serde(default)]
    pub template: NodeTemplate,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeTemplate {
    #[serde(default)]
    pub metadata: NodeTemplateMeta,
    #[serde(default)]
    pub spec: NodeTemplateSpec,
    #[serde(default)]
    pub status: NodeTemplateStatus,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeTemplateMeta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<BTreeMap<String, String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeTemplateSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taints: Option<Vec<Taint>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeTemplateStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<BTreeMap<String, Quantity>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupStatus {
    #[serde(default)]
    pub current_size: i32,
}

/// autoscaling.k8s.io/v1 VerticalPodAutoscaler.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerticalPodAutoscaler {
    #[serde(default)]
    pub api_version: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub metadata: ObjectMeta,
    #[serde(default)]
    pub spec: VpaSpec,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<VpaStatus>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VpaSpec {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_ref: Option<CrossVersionObjectReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_policy: Option<VpaUpdatePolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommenders: Option<serde_json::Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CrossVersionObjectReference {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VpaUpdatePolicy {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_replicas: Option<i32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VpaStatus {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<VpaRecommendation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VpaRecommendation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container_recommendations: Option<Vec<ContainerRecommendation>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerRecommendation {
    pub container_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<BTreeMap<String, Quantity>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower_bound: Option<BTreeMap<String, Quantity>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper_bound: Option<BTreeMap<String, Quantity>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncapped_target: Option<BTreeMap<String, Quantity>>,
}
