//! Always-on admission for new pods: DefaultTolerationSeconds, ServiceAccount (the
//! `kube-api-access-<5>` projected volume) and Priority.

use crate::api::Object;
use crate::api::k8s_openapi::api::core::v1::{
    ConfigMapProjection, DownwardAPIProjection, DownwardAPIVolumeFile, KeyToPath, ObjectFieldSelector,
    ProjectedVolumeSource, ServiceAccountTokenProjection, Toleration, Volume, VolumeMount, VolumeProjection,
};
use crate::sim::Rng;

pub(super) fn admit_pod(obj: &mut Object, rng: &mut Rng) {
    let Object::Pod(pod) = obj else { return };
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
    for c in &mut spec.containers {
        c.volume_mounts.get_or_insert_with(Vec::new).push(VolumeMount {
            mount_path: "/var/run/secrets/kubernetes.io/serviceaccount".into(),
            name: name.clone(),
            read_only: Some(true),
            ..Default::default()
        });
    }
}
