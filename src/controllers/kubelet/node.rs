//! Node registration: what a kubelet joining the cluster reports for a node created from a manifest.

use super::t;
use crate::api::k8s_openapi::api::core::v1::{Node, NodeAddress, NodeCondition};
use crate::api::{Kind, ObjKey};
use crate::world::{Source, World};

/// A node the kubelet has not registered yet (created from a manifest): it reports its
/// conditions, allocatable (= capacity), an InternalIP, a pod CIDR and node info, as a kubelet
/// joining the cluster does.
pub(super) fn register_node(world: &mut World, key: &ObjKey) {
    let Some(mut node) = world.get::<Node>(key).cloned() else {
        return;
    };
    let registered = node
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|c| c.iter().any(|c| c.type_ == "Ready"));
    if registered || node.metadata.deletion_timestamp.is_some() {
        return;
    }
    let now = t(world.now());
    let cidr = world.node_cidr_index(&key.name);
    let spec = node.spec.get_or_insert_with(Default::default);
    spec.pod_cidr.get_or_insert_with(|| format!("10.244.{cidr}.0/24"));
    let pod_cidr = spec.pod_cidr.clone().unwrap_or_default();
    spec.pod_cidrs.get_or_insert_with(|| vec![pod_cidr]);
    let labels = node.metadata.labels.get_or_insert_with(Default::default);
    for (k, v) in [
        ("beta.kubernetes.io/arch", "amd64"),
        ("beta.kubernetes.io/os", "linux"),
        ("kubernetes.io/arch", "amd64"),
        ("kubernetes.io/os", "linux"),
    ] {
        labels.entry(k.to_string()).or_insert_with(|| v.to_string());
    }
    labels
        .entry("kubernetes.io/hostname".into())
        .or_insert_with(|| key.name.clone());
    let status = node.status.get_or_insert_with(Default::default);
    if status.allocatable.is_none() {
        status.allocatable = status.capacity.clone();
    }
    if status.addresses.as_ref().is_none_or(|a| a.is_empty()) {
        status.addresses = Some(vec![
            NodeAddress {
                address: format!("172.18.0.{}", cidr + 2),
                type_: "InternalIP".into(),
            },
            NodeAddress {
                address: key.name.clone(),
                type_: "Hostname".into(),
            },
        ]);
    }
    let info = status.node_info.get_or_insert_with(Default::default);
    let fill = |f: &mut String, v: &str| {
        if f.is_empty() {
            *f = v.to_string();
        }
    };
    fill(&mut info.architecture, "amd64");
    fill(&mut info.container_runtime_version, "containerd://1.7.24");
    fill(&mut info.kernel_version, "6.1.0-kubesim");
    fill(&mut info.kubelet_version, "v1.32.4");
    fill(&mut info.kube_proxy_version, "v1.32.4");
    fill(&mut info.operating_system, "linux");
    fill(&mut info.os_image, "Debian GNU/Linux 12 (bookworm)");
    let cond = |type_: &str, status: &str, reason: &str, message: &str| NodeCondition {
        type_: type_.into(),
        status: status.into(),
        reason: Some(reason.into()),
        message: Some(message.into()),
        last_heartbeat_time: Some(now.clone()),
        last_transition_time: Some(now.clone()),
    };
    status.conditions = Some(vec![
        cond(
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "kubelet has sufficient memory available",
        ),
        cond(
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "kubelet has no disk pressure",
        ),
        cond(
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "kubelet has sufficient PID available",
        ),
        cond("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
    ]);
    let m = node.metadata.clone();
    world.put(node);
    world.record_event(
        Kind::Node,
        &m,
        false,
        "Starting",
        "Starting kubelet.",
        Source {
            component: "kubelet",
            host: Some(&key.name),
        },
    );
    world.record_event(
        Kind::Node,
        &m,
        false,
        "NodeReady",
        &format!("Node {} status is now: NodeReady", key.name),
        Source {
            component: "kubelet",
            host: Some(&key.name),
        },
    );
}
