//! Creating clusters: the default cluster of the product spec (a control plane and workers, the
//! system namespaces and Services, a default StorageClass, coredns and kube-proxy), or a bare one.

use crate::api::{Kind, Result, decode_value, defaults};
use crate::engine;
use crate::sim::SimTime;
use crate::world::{State, World};
use serde_json::{Value, json};

/// What `cluster init` may change.
#[derive(Clone, Debug)]
pub struct InitOptions {
    pub nodes: u32,
    pub node_cpu: String,
    pub node_memory: String,
    pub bare: bool,
    pub seed: u64,
    pub start: SimTime,
    pub realtime: bool,
}

impl InitOptions {
    pub fn new(seed: u64, start: SimTime) -> Self {
        InitOptions {
            nodes: 3,
            node_cpu: "4".into(),
            node_memory: "16Gi".into(),
            bare: false,
            seed,
            start,
            realtime: false,
        }
    }
}

/// Creates an object from its JSON form, with the API server's defaulting.
pub fn create_from_json(world: &mut World, v: Value) -> Result<()> {
    let kind = Kind::from_type_meta(v["apiVersion"].as_str().unwrap_or(""), v["kind"].as_str().unwrap_or(""))
        .ok_or_else(|| crate::api::Error::msg(format!("unknown kind in {v}")))?;
    let (mut obj, _) = decode_value(kind, v).map_err(|e| crate::api::Error::msg(e.0))?;
    defaults::apply_defaults(&mut obj);
    world.admit_create(obj)?;
    Ok(())
}

/// A new cluster, settled.
pub fn init(o: &InitOptions) -> Result<World> {
    let mut state = State::new(o.seed, o.start);
    state.realtime = o.realtime;
    let mut world = World::new(state);
    for ns in ["default", "kube-node-lease", "kube-public", "kube-system"] {
        create_from_json(
            &mut world,
            json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}),
        )?;
    }
    create_from_json(&mut world, kubernetes_service())?;
    if !o.bare {
        add_node(
            &mut world,
            &NodeSpec::new("kubesim-control-plane", &o.node_cpu, &o.node_memory, 0, true),
        )?;
        for i in 1..=o.nodes {
            let name = if i == 1 {
                "kubesim-worker".to_string()
            } else {
                format!("kubesim-worker{i}")
            };
            add_node(&mut world, &NodeSpec::new(&name, &o.node_cpu, &o.node_memory, i, false))?;
        }
        create_from_json(&mut world, storage_class())?;
        create_from_json(&mut world, kube_dns_service())?;
        create_from_json(&mut world, coredns())?;
        create_from_json(&mut world, kube_proxy())?;
    }
    engine::settle(&mut world)?;
    Ok(world)
}

/// A node to add (the default cluster's, or `node add`).
#[derive(Clone, Debug)]
pub struct NodeSpec {
    pub name: String,
    pub cpu: String,
    pub memory: String,
    pub pods: u32,
    pub index: u32,
    pub control_plane: bool,
    pub labels: Vec<(String, String)>,
    pub taints: Vec<Value>,
}

impl NodeSpec {
    pub fn new(name: &str, cpu: &str, memory: &str, index: u32, control_plane: bool) -> Self {
        NodeSpec {
            name: name.into(),
            cpu: cpu.into(),
            memory: memory.into(),
            pods: 110,
            index,
            control_plane,
            labels: Vec::new(),
            taints: Vec::new(),
        }
    }
}

/// Adds a Ready node with kind-like labels, addresses and node info.
pub fn add_node(world: &mut World, n: &NodeSpec) -> Result<()> {
    let cidr = world.node_cidr_index(&n.name);
    let zone = ["a", "b", "c"][(n.index.saturating_sub(1) % 3) as usize];
    let mut labels = json!({
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": n.name,
        "kubernetes.io/os": "linux",
        "topology.kubernetes.io/zone": format!("zone-{zone}"),
    });
    let mut taints = n.taints.clone();
    if n.control_plane {
        labels["node-role.kubernetes.io/control-plane"] = json!("");
        labels["node.kubernetes.io/exclude-from-external-load-balancers"] = json!("");
        taints.push(json!({"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}));
    }
    for (k, v) in &n.labels {
        labels[k] = json!(v);
    }
    let now = world.now().rfc3339();
    let cond = |t: &str, s: &str, r: &str, m: &str| json!({"type": t, "status": s, "reason": r, "message": m, "lastHeartbeatTime": now, "lastTransitionTime": now});
    let capacity = json!({
        "cpu": n.cpu, "ephemeral-storage": "100Gi", "hugepages-1Gi": "0", "hugepages-2Mi": "0",
        "memory": n.memory, "pods": n.pods.to_string(),
    });
    let mut spec = json!({"podCIDR": format!("10.244.{cidr}.0/24"), "podCIDRs": [format!("10.244.{cidr}.0/24")], "providerID": format!("kubesim://{}", n.name)});
    if !taints.is_empty() {
        spec["taints"] = Value::Array(taints);
    }
    let uuid = world.state.rng.uuid();
    let node = json!({
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {"name": n.name, "labels": labels, "annotations": {"node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true"}},
        "spec": spec,
        "status": {
            "addresses": [{"address": format!("172.18.0.{}", cidr + 2), "type": "InternalIP"}, {"address": n.name, "type": "Hostname"}],
            "allocatable": capacity,
            "capacity": capacity,
            "conditions": [
                cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                cond("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
            ],
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {
                "architecture": "amd64", "bootID": uuid.clone(), "containerRuntimeVersion": "containerd://1.7.24",
                "kernelVersion": "6.1.0-kubesim", "kubeProxyVersion": "v1.32.4", "kubeletVersion": "v1.32.4",
                "machineID": uuid.replace('-', ""), "operatingSystem": "linux",
                "osImage": "Debian GNU/Linux 12 (bookworm)", "systemUUID": uuid,
            },
        },
    });
    create_from_json(world, node)
}

fn kubernetes_service() -> Value {
    json!({
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"name": "kubernetes", "namespace": "default", "labels": {"component": "apiserver", "provider": "kubernetes"}},
        "spec": {"clusterIP": "10.96.0.1", "clusterIPs": ["10.96.0.1"], "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
                 "ports": [{"name": "https", "port": 443, "protocol": "TCP", "targetPort": 6443}], "type": "ClusterIP"},
    })
}

fn kube_dns_service() -> Value {
    json!({
        "apiVersion": "v1", "kind": "Service",
        "metadata": {"name": "kube-dns", "namespace": "kube-system", "labels": {"k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS"},
                     "annotations": {"prometheus.io/port": "9153", "prometheus.io/scrape": "true"}},
        "spec": {"clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"], "ipFamilies": ["IPv4"], "ipFamilyPolicy": "SingleStack",
                 "ports": [{"name": "dns", "port": 53, "protocol": "UDP", "targetPort": 53},
                           {"name": "dns-tcp", "port": 53, "protocol": "TCP", "targetPort": 53},
                           {"name": "metrics", "port": 9153, "protocol": "TCP", "targetPort": 9153}],
                 "selector": {"k8s-app": "kube-dns"}, "type": "ClusterIP"},
    })
}

fn storage_class() -> Value {
    json!({
        "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
        "metadata": {"name": "standard", "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
        "provisioner": "rancher.io/local-path", "reclaimPolicy": "Delete", "volumeBindingMode": "WaitForFirstConsumer",
    })
}

fn coredns() -> Value {
    json!({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "coredns", "namespace": "kube-system", "labels": {"k8s-app": "kube-dns"}},
        "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"k8s-app": "kube-dns"}},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1}},
            "template": {
                "metadata": {"labels": {"k8s-app": "kube-dns"}},
                "spec": {
                    "containers": [{
                        "name": "coredns", "image": "registry.k8s.io/coredns/coredns:v1.11.3",
                        "args": ["-conf", "/etc/coredns/Corefile"],
                        "ports": [{"containerPort": 53, "name": "dns", "protocol": "UDP"}, {"containerPort": 53, "name": "dns-tcp", "protocol": "TCP"}, {"containerPort": 9153, "name": "metrics", "protocol": "TCP"}],
                        "resources": {"limits": {"memory": "170Mi"}, "requests": {"cpu": "100m", "memory": "70Mi"}},
                    }],
                    "dnsPolicy": "Default",
                    "nodeSelector": {"kubernetes.io/os": "linux"},
                    "priorityClassName": "system-cluster-critical",
                    "serviceAccountName": "coredns",
                    "tolerations": [{"key": "CriticalAddonsOnly", "operator": "Exists"}, {"effect": "NoSchedule", "key": "node-role.kubernetes.io/control-plane"}],
                },
            },
        },
    })
}

fn kube_proxy() -> Value {
    json!({
        "apiVersion": "apps/v1", "kind": "DaemonSet",
        "metadata": {"name": "kube-proxy", "namespace": "kube-system", "labels": {"k8s-app": "kube-proxy"}},
        "spec": {
            "selector": {"matchLabels": {"k8s-app": "kube-proxy"}},
            "template": {
                "metadata": {"labels": {"k8s-app": "kube-proxy"}},
                "spec": {
                    "containers": [{"name": "kube-proxy", "image": "registry.k8s.io/kube-proxy:v1.32.4",
                                    "command": ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
                                    "securityContext": {"privileged": true}}],
                    "hostNetwork": true,
                    "nodeSelector": {"kubernetes.io/os": "linux"},
                    "priorityClassName": "system-node-critical",
                    "serviceAccountName": "kube-proxy",
                    "tolerations": [{"operator": "Exists"}],
                },
            },
        },
    })
}

/// Counts for `cluster info`.
pub fn summary(world: &World) -> Vec<(String, usize)> {
    [
        Kind::Node,
        Kind::Namespace,
        Kind::Deployment,
        Kind::ReplicaSet,
        Kind::Pod,
        Kind::Service,
        Kind::Event,
    ]
    .into_iter()
    .map(|k| (format!("{}s", k.name()), world.count(k)))
    .collect()
}
