//! Always-on admission: for pods DefaultTolerationSeconds, ServiceAccount (the
//! `kube-api-access-<5>` projected volume) and Priority; for Services the IP and port allocators.

use crate::api::k8s_openapi::api::core::v1::{
    ConfigMapProjection, DownwardAPIProjection, DownwardAPIVolumeFile, KeyToPath, ObjectFieldSelector, PodCondition,
    PodStatus, ProjectedVolumeSource, ServiceAccountTokenProjection, Toleration, Volume, VolumeMount, VolumeProjection,
};
use crate::api::{FieldError, Object};
use crate::sim::Rng;

pub(super) fn admit_pod(obj: &mut Object, rng: &mut Rng, now: crate::sim::SimTime) {
    let Object::Pod(pod) = obj else { return };
    // The pod strategy's PrepareForCreate: a new pod's status is Pending with its QoS class, and
    // a gated pod says why it waits (applySchedulingGatedCondition).
    let qos = pod.spec.as_ref().map_or("BestEffort", crate::api::qos::qos_class);
    let gated = pod
        .spec
        .as_ref()
        .is_some_and(|s| s.scheduling_gates.as_ref().is_some_and(|g| !g.is_empty()));
    pod.status = Some(PodStatus {
        phase: Some("Pending".into()),
        qos_class: Some(qos.into()),
        conditions: gated.then(|| {
            vec![PodCondition {
                type_: "PodScheduled".into(),
                status: "False".into(),
                reason: Some("SchedulingGated".into()),
                message: Some("Scheduling is blocked due to non-empty scheduling gates".into()),
                // podutil.UpdatePodCondition stamps the transition.
                last_transition_time: Some(crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time(
                    now.to_timestamp(),
                )),
                ..Default::default()
            }]
        }),
        ..Default::default()
    });
    let Some(spec) = pod.spec.as_mut() else { return };
    let tolerations = spec.tolerations.get_or_insert_with(Vec::new);
    for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
        let has = tolerations.iter().any(|t| {
            (t.key.as_deref() == Some(key) || t.key.is_none() && t.operator.as_deref() == Some("Exists"))
                && t.effect.as_deref().is_none_or(|e| e == "NoExecute")
        });
        if !has {
            tolerations.push(Toleration {
                effect: Some("NoExecute".into()),
                key: Some(key.into()),
                operator: Some("Exists".into()),
                toleration_seconds: Some(300),
                value: None,
            });
        }
    }
    spec.priority.get_or_insert(0);
    spec.preemption_policy
        .get_or_insert_with(|| "PreemptLowerPriority".into());
    if spec.service_account_name.as_deref().is_none_or(str::is_empty) {
        spec.service_account_name = Some("default".into());
    }
    spec.service_account = spec.service_account_name.clone();
    if spec.automount_service_account_token == Some(false) {
        return;
    }
    let name = format!("kube-api-access-{}", rng.suffix(5));
    // Every container, init containers too, mounts the token unless it mounts that path already.
    const TOKEN_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount";
    let mut needed = false;
    for c in spec
        .init_containers
        .iter_mut()
        .flatten()
        .chain(spec.containers.iter_mut())
    {
        let mounts = c.volume_mounts.get_or_insert_with(Vec::new);
        if mounts.iter().all(|m| m.mount_path != TOKEN_PATH) {
            mounts.push(VolumeMount {
                mount_path: TOKEN_PATH.into(),
                name: name.clone(),
                read_only: Some(true),
                ..Default::default()
            });
            needed = true;
        }
    }
    if !needed {
        return;
    }
    spec.volumes.get_or_insert_with(Vec::new).push(Volume {
        name: name.clone(),
        projected: Some(ProjectedVolumeSource {
            default_mode: Some(420),
            sources: Some(vec![
                VolumeProjection {
                    service_account_token: Some(ServiceAccountTokenProjection {
                        expiration_seconds: Some(3607),
                        path: "token".into(),
                        audience: None,
                    }),
                    ..Default::default()
                },
                VolumeProjection {
                    config_map: Some(ConfigMapProjection {
                        name: "kube-root-ca.crt".into(),
                        items: Some(vec![KeyToPath {
                            key: "ca.crt".into(),
                            path: "ca.crt".into(),
                            mode: None,
                        }]),
                        optional: None,
                    }),
                    ..Default::default()
                },
                VolumeProjection {
                    downward_api: Some(DownwardAPIProjection {
                        items: Some(vec![DownwardAPIVolumeFile {
                            field_ref: Some(ObjectFieldSelector {
                                api_version: Some("v1".into()),
                                field_path: "metadata.namespace".into(),
                            }),
                            path: "namespace".into(),
                            mode: None,
                            resource_field_ref: None,
                        }]),
                    }),
                    ..Default::default()
                },
            ]),
        }),
        ..Default::default()
    });
}

/// Allocates what the API server allocates for a new Service: a ClusterIP from 10.96.0.0/12
/// (random, above the 256-address static band) and NodePorts from 30000-32767 (random, above the
/// 86-port static band), refusing addresses and ports already taken.
pub(super) fn admit_service(
    obj: &mut Object,
    rng: &mut Rng,
    taken_ips: &std::collections::BTreeSet<String>,
    taken_ports: &std::collections::BTreeSet<i32>,
) -> Result<(), FieldError> {
    let Object::Service(svc) = obj else { return Ok(()) };
    let Some(spec) = svc.spec.as_mut() else { return Ok(()) };
    let t = spec.type_.clone().unwrap_or_else(|| "ClusterIP".into());
    if t == "ExternalName" {
        return Ok(());
    }
    match spec.cluster_ip.clone().filter(|s| !s.is_empty()) {
        Some(ip) if ip == "None" => {
            spec.cluster_ips = Some(vec!["None".into()]);
        }
        Some(ip) => {
            if taken_ips.contains(&ip) {
                return Err(FieldError::invalid(
                    "spec.clusterIPs",
                    format!("[]string{{{:?}}}", ip),
                    &format!("failed to allocate IP {ip}: provided IP is already allocated"),
                ));
            }
            if ip_offset(&ip).is_none() {
                return Err(FieldError::invalid(
                    "spec.clusterIPs",
                    format!("[]string{{{:?}}}", ip),
                    &format!(
                        "failed to allocate IP {ip}: the provided IP ({ip}) is not in the valid range. The range of valid IPs is 10.96.0.0/12"
                    ),
                ));
            }
            spec.cluster_ips = Some(vec![ip]);
        }
        None => {
            const SIZE: u64 = 1 << 20;
            let ip = loop {
                let off = 256 + rng.below(SIZE - 256 - 2);
                let ip = format!("10.{}.{}.{}", 96 + (off >> 16), (off >> 8) & 0xff, off & 0xff);
                if !taken_ips.contains(&ip) {
                    break ip;
                }
            };
            spec.cluster_ip = Some(ip.clone());
            spec.cluster_ips = Some(vec![ip]);
        }
    }
    spec.ip_families.get_or_insert_with(|| vec!["IPv4".into()]);
    spec.ip_family_policy.get_or_insert_with(|| "SingleStack".into());
    if t == "NodePort" || t == "LoadBalancer" {
        let mut used = taken_ports.clone();
        for (i, p) in spec.ports.iter_mut().flatten().enumerate() {
            match p.node_port.filter(|n| *n != 0) {
                Some(n) if used.contains(&n) => {
                    return Err(FieldError::invalid(
                        format!("spec.ports[{i}].nodePort"),
                        n,
                        "provided port is already allocated",
                    ));
                }
                Some(n) if !(30000..=32767).contains(&n) => {
                    return Err(FieldError::invalid(
                        format!("spec.ports[{i}].nodePort"),
                        n,
                        "provided port is not in the valid range. The range of valid ports is 30000-32767",
                    ));
                }
                Some(n) => {
                    used.insert(n);
                }
                None => {
                    let n = loop {
                        let n = 30086 + rng.below(32767 - 30086 + 1) as i32;
                        if !used.contains(&n) {
                            break n;
                        }
                    };
                    used.insert(n);
                    p.node_port = Some(n);
                }
            }
        }
    }
    Ok(())
}

/// Offset of an address inside 10.96.0.0/12, if it is a valid service address there.
fn ip_offset(ip: &str) -> Option<u64> {
    let parts: Vec<u64> = ip.split('.').map(|p| p.parse().ok()).collect::<Option<Vec<_>>>()?;
    if parts.len() != 4 || parts.iter().any(|p| *p > 255) || parts[0] != 10 || !(96..112).contains(&parts[1]) {
        return None;
    }
    Some(((parts[1] - 96) << 16) | (parts[2] << 8) | parts[3])
}
