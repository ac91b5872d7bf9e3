//! Importing dumps of real clusters (`kubectl get ... -o yaml`): server-owned fields are dropped so
//! the simulated API server sets its own, objects owned by a controller are left to that
//! controller to recreate, and nodes keep their capacity, labels and taints but report Ready.

use serde_json::{Value, json};

/// Metadata fields only the API server sets.
const SERVER_METADATA: [&str; 8] = [
    "uid",
    "resourceVersion",
    "creationTimestamp",
    "generation",
    "managedFields",
    "selfLink",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
];

/// Annotations a controller maintains on its own objects.
const CONTROLLER_ANNOTATIONS: [&str; 4] = [
    "deployment.kubernetes.io/revision",
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
];

/// Pods of ReplicaSets, ReplicaSets of Deployments, Jobs of CronJobs, ...: their controllers
/// recreate them from the owner's template.
pub fn owned_by_a_controller(v: &Value) -> bool {
    v["metadata"]["ownerReferences"]
        .as_array()
        .is_some_and(|refs| refs.iter().any(|r| r["controller"] == json!(true)))
        || v["kind"] == "Event"
}

/// Removes what the server owns. Status is rebuilt by controllers and kubelets, except a Node's,
/// whose capacity and addresses describe the machine (its conditions are dropped: the simulated
/// kubelet registers it and reports it Ready).
pub fn drop_server_fields(v: &mut Value) {
    if let Some(m) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        for f in SERVER_METADATA {
            m.remove(f);
        }
        if let Some(a) = m.get_mut("annotations").and_then(Value::as_object_mut) {
            for k in CONTROLLER_ANNOTATIONS {
                a.remove(k);
            }
        }
        if m.get("finalizers")
            .is_some_and(|f| f.as_array().is_some_and(Vec::is_empty))
        {
            m.remove("finalizers");
        }
    }
    if v["kind"] == "Node" {
        if let Some(st) = v.get_mut("status").and_then(Value::as_object_mut) {
            // Conditions go: the simulated kubelet registers the node and reports it Ready.
            st.retain(|k, _| {
                matches!(
                    k.as_str(),
                    "capacity" | "allocatable" | "addresses" | "nodeInfo" | "daemonEndpoints"
                )
            });
        }
    } else if let Some(m) = v.as_object_mut() {
        m.remove("status");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_server_fields_and_keeps_node_shape() {
        let mut n = json!({"apiVersion": "v1", "kind": "Node",
            "metadata": {"name": "n1", "uid": "x", "resourceVersion": "9", "labels": {"a": "b"}},
            "status": {"capacity": {"cpu": "8"}, "conditions": [{"type": "Ready", "status": "False"}], "images": []}});
        drop_server_fields(&mut n);
        assert_eq!(n["metadata"], json!({"name": "n1", "labels": {"a": "b"}}));
        assert_eq!(n["status"]["capacity"]["cpu"], "8");
        assert!(n["status"].get("conditions").is_none());
        assert!(n["status"].get("images").is_none());
        let pod = json!({"kind": "Pod", "metadata": {"ownerReferences": [{"controller": true}]}});
        assert!(owned_by_a_controller(&pod));
    }
}
