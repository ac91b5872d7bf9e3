//! The slim forms of a stored Pod: the digest the store keeps beside each pod (what tables and
//! the pod index read), and the summary decoded from it (or from the pod) for a `get pods` table.

use crate::object::{DecodeError, Object};
use k8s_openapi::api::core::v1::Pod;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// The digest of a stored pod's JSON: the fields a `get pods` table prints and the pod index reads
/// (name, namespace, labels, timestamps, owner UIDs, container names, resources and restart
/// policies, node, readiness gates, overhead, phase, reason, IP, condition types, statuses,
/// reasons and times, container readiness, restarts and states), copied verbatim from the pod,
/// about a third of its size. It is itself a valid (partial) Pod, so [`decode_pod_summary`] reads
/// either. Bump [`POD_DIGEST_VERSION`] when its fields change: stored digests of another version
/// are ignored.
pub fn pod_digest(json: &str) -> Result<String, DecodeError> {
    let d: Digest<'_> = serde_json::from_str(json).map_err(|e| DecodeError(e.to_string()))?;
    serde_json::to_string(&d).map_err(|e| DecodeError(e.to_string()))
}

/// The layout of [`pod_digest`]'s output, recorded with stored digests.
pub const POD_DIGEST_VERSION: u32 = 1;

type Raw<'a> = Option<&'a RawValue>;
type Str<'a> = Option<Cow<'a, str>>;

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct Digest<'a> {
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    api_version: Str<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    kind: Str<'a>,
    #[serde(borrow, default)]
    metadata: DigestMeta<'a>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    spec: Option<DigestSpec<'a>>,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    status: Option<DigestStatus<'a>>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DigestMeta<'a> {
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    name: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    namespace: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    labels: Raw<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    creation_timestamp: Raw<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    deletion_timestamp: Raw<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    owner_references: Option<Vec<DigestOwner<'a>>>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
struct DigestOwner<'a> {
    #[serde(borrow)]
    uid: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    controller: Option<bool>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DigestSpec<'a> {
    #[serde(borrow)]
    containers: Vec<DigestContainer<'a>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    init_containers: Option<Vec<DigestContainer<'a>>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    node_name: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    readiness_gates: Raw<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    overhead: Raw<'a>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DigestContainer<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    resources: Raw<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    restart_policy: Str<'a>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DigestStatus<'a> {
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    phase: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    reason: Str<'a>,
    #[serde(borrow, rename = "podIP", skip_serializing_if = "Option::is_none")]
    pod_ip: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    nominated_node_name: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    conditions: Option<Vec<DigestCondition<'a>>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    container_statuses: Option<Vec<DigestContainerStatus<'a>>>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    init_container_statuses: Option<Vec<DigestContainerStatus<'a>>>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DigestCondition<'a> {
    #[serde(borrow, rename = "type")]
    type_: Cow<'a, str>,
    #[serde(borrow)]
    status: Cow<'a, str>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    reason: Str<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    last_transition_time: Raw<'a>,
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct DigestContainerStatus<'a> {
    #[serde(borrow)]
    name: Cow<'a, str>,
    ready: bool,
    restart_count: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    started: Option<bool>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    state: Raw<'a>,
    #[serde(borrow, skip_serializing_if = "Option::is_none")]
    last_state: Raw<'a>,
}

/// The parts of a stored Pod that `kubectl get pods` prints (metadata, container names, node,
/// readiness gates, status), decoded without the rest of the spec (volumes, env, resources,
/// tolerations, ...): several times cheaper than a full decode when listing many pods.
pub fn decode_pod_summary(json: &str) -> Result<Object, DecodeError> {
    serde_json::from_str::<PodSummary>(json)
        .map(|p| p.0)
        .map_err(|e| DecodeError(e.to_string()))
}

/// A Pod decoded as [`decode_pod_summary`] does, from any deserializer (for streaming a whole
/// section in one pass).
pub struct PodSummary(pub Object);

impl<'de> serde::Deserialize<'de> for PodSummary {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use k8s_openapi::api::core::v1::{
            Container, ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting,
            ContainerStatus, PodCondition, PodReadinessGate, PodSpec, PodStatus,
        };
        use k8s_openapi::apimachinery::pkg::apis::meta::v1::Time;
        use std::collections::BTreeMap;

        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Summary {
            #[serde(default)]
            api_version: Option<String>,
            #[serde(default)]
            kind: Option<String>,
            #[serde(default)]
            metadata: Meta,
            #[serde(default)]
            spec: Option<SpecSummary>,
            #[serde(default)]
            status: Option<Status>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct Meta {
            name: Option<String>,
            namespace: Option<String>,
            labels: Option<BTreeMap<String, String>>,
            creation_timestamp: Option<Time>,
            deletion_timestamp: Option<Time>,
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct SpecSummary {
            #[serde(default)]
            containers: Vec<Named>,
            #[serde(default)]
            init_containers: Option<Vec<Named>>,
            #[serde(default)]
            node_name: Option<String>,
            #[serde(default)]
            readiness_gates: Option<Vec<PodReadinessGate>>,
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Named {
            name: String,
            #[serde(default)]
            restart_policy: Option<String>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct Status {
            phase: Option<String>,
            reason: Option<String>,
            #[serde(rename = "podIP")]
            pod_ip: Option<String>,
            nominated_node_name: Option<String>,
            conditions: Option<Vec<Cond>>,
            container_statuses: Option<Vec<CStatus>>,
            init_container_statuses: Option<Vec<CStatus>>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        struct Cond {
            #[serde(rename = "type")]
            type_: String,
            status: String,
            reason: Option<String>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct CStatus {
            name: String,
            ready: bool,
            restart_count: i32,
            started: Option<bool>,
            state: Option<State>,
            last_state: Option<State>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        struct State {
            waiting: Option<Waiting>,
            running: Option<serde::de::IgnoredAny>,
            terminated: Option<Terminated>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default)]
        struct Waiting {
            reason: Option<String>,
        }
        #[derive(serde::Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct Terminated {
            reason: Option<String>,
            exit_code: i32,
            signal: Option<i32>,
            finished_at: Option<Time>,
        }
        let state = |s: State| ContainerState {
            waiting: s.waiting.map(|w| ContainerStateWaiting {
                reason: w.reason,
                message: None,
            }),
            running: s.running.map(|_| ContainerStateRunning { started_at: None }),
            terminated: s.terminated.map(|t| ContainerStateTerminated {
                reason: t.reason,
                exit_code: t.exit_code,
                signal: t.signal,
                finished_at: t.finished_at,
                ..Default::default()
            }),
        };
        let cstatus = |c: CStatus| ContainerStatus {
            name: c.name,
            ready: c.ready,
            restart_count: c.restart_count,
            started: c.started,
            state: c.state.map(state),
            last_state: c.last_state.map(state),
            ..Default::default()
        };
        let named = |n: Named| Container {
            name: n.name,
            restart_policy: n.restart_policy,
            ..Default::default()
        };
        let s = Summary::deserialize(d)?;
        // As the full decode does, refuse what is not a v1 Pod.
        for (got, want) in [(&s.kind, "Pod"), (&s.api_version, "v1")] {
            if let Some(got) = got.as_deref().filter(|g| *g != want) {
                return Err(serde::de::Error::custom(format!(
                    "invalid value: string {got:?}, expected {want}"
                )));
            }
        }
        let spec = s.spec.map(|sp| PodSpec {
            containers: sp.containers.into_iter().map(named).collect(),
            init_containers: sp.init_containers.map(|v| v.into_iter().map(named).collect()),
            node_name: sp.node_name,
            readiness_gates: sp.readiness_gates,
            ..Default::default()
        });
        let status = s.status.map(|st| PodStatus {
            phase: st.phase,
            reason: st.reason,
            pod_ip: st.pod_ip,
            nominated_node_name: st.nominated_node_name,
            conditions: st.conditions.map(|cs| {
                cs.into_iter()
                    .map(|c| PodCondition {
                        type_: c.type_,
                        status: c.status,
                        reason: c.reason,
                        ..Default::default()
                    })
                    .collect()
            }),
            container_statuses: st.container_statuses.map(|v| v.into_iter().map(cstatus).collect()),
            init_container_statuses: st.init_container_statuses.map(|v| v.into_iter().map(cstatus).collect()),
            ..Default::default()
        });
        let m = s.metadata;
        let metadata = ObjectMeta {
            name: m.name,
            namespace: m.namespace,
            labels: m.labels,
            creation_timestamp: m.creation_timestamp,
            deletion_timestamp: m.deletion_timestamp,
            ..Default::default()
        };
        Ok(PodSummary(Object::Pod(Box::new(Pod { metadata, spec, status }))))
    }
}
