//! API-server defaulting (`pkg/apis/*/v1/defaults.go`) and the always-on admission plugins
//! (DefaultTolerationSeconds, ServiceAccount, Priority) applied to new objects.

use kubesim_model::k8s_openapi::api::apps::v1::{
    DaemonSetUpdateStrategy, DeploymentStrategy, RollingUpdateDaemonSet, RollingUpdateDeployment,
    RollingUpdateStatefulSetStrategy, StatefulSetPersistentVolumeClaimRetentionPolicy, StatefulSetUpdateStrategy,
};
use kubesim_model::k8s_openapi::api::core::v1::{Container, PodSecurityContext, PodSpec, PodTemplateSpec, ServicePort};
use kubesim_model::k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use kubesim_model::{Kind, Object};
use std::collections::BTreeMap;

/// Fills in what the API server defaults for `obj`.
pub fn apply_defaults(obj: &mut Object) {
    normalize_meta(obj);
    match obj {
        Object::Pod(p) => {
            if let Some(spec) = p.spec.as_mut() {
                pod_spec(spec);
                if spec.enable_service_links.is_none() {
                    spec.enable_service_links = Some(true);
                }
                for c in &mut spec.containers {
                    copy_limits_to_requests(c);
                }
            }
        }
        Object::Deployment(d) => {
            if let Some(s) = d.spec.as_mut() {
                s.replicas.get_or_insert(1);
                let strategy = s.strategy.get_or_insert_with(DeploymentStrategy::default);
                let t = strategy.type_.get_or_insert_with(|| "RollingUpdate".into());
                if t == "RollingUpdate" {
                    let ru = strategy
                        .rolling_update
                        .get_or_insert_with(RollingUpdateDeployment::default);
                    ru.max_unavailable.get_or_insert(IntOrString::String("25%".into()));
                    ru.max_surge.get_or_insert(IntOrString::String("25%".into()));
                }
                s.revision_history_limit.get_or_insert(10);
                s.progress_deadline_seconds.get_or_insert(600);
                template(&mut s.template);
            }
        }
        Object::ReplicaSet(r) => {
            if let Some(s) = r.spec.as_mut() {
                s.replicas.get_or_insert(1);
                if let Some(t) = s.template.as_mut() {
                    template(t);
                }
            }
        }
        Object::ReplicationController(r) => {
            if let Some(s) = r.spec.as_mut() {
                s.replicas.get_or_insert(1);
                // core/v1 defaults an RC's selector and labels from its template labels.
                let tl = s
                    .template
                    .as_ref()
                    .and_then(|t| t.metadata.as_ref())
                    .and_then(|m| m.labels.clone());
                if s.selector.as_ref().is_none_or(|m| m.is_empty()) {
                    s.selector = tl.clone();
                }
                if r.metadata.labels.as_ref().is_none_or(|m| m.is_empty()) {
                    r.metadata.labels = tl;
                }
                if let Some(t) = s.template.as_mut() {
                    template(t);
                }
            }
        }
        Object::StatefulSet(st) => {
            if let Some(s) = st.spec.as_mut() {
                s.replicas.get_or_insert(1);
                s.pod_management_policy.get_or_insert_with(|| "OrderedReady".into());
                let us = s.update_strategy.get_or_insert_with(StatefulSetUpdateStrategy::default);
                let t = us.type_.get_or_insert_with(|| "RollingUpdate".into());
                if t == "RollingUpdate" {
                    let ru = us
                        .rolling_update
                        .get_or_insert_with(RollingUpdateStatefulSetStrategy::default);
                    ru.partition.get_or_insert(0);
                }
                let p = s
                    .persistent_volume_claim_retention_policy
                    .get_or_insert_with(StatefulSetPersistentVolumeClaimRetentionPolicy::default);
                p.when_deleted.get_or_insert_with(|| "Retain".into());
                p.when_scaled.get_or_insert_with(|| "Retain".into());
                s.revision_history_limit.get_or_insert(10);
                template(&mut s.template);
                for pvc in s.volume_claim_templates.iter_mut().flatten() {
                    if let Some(ps) = pvc.spec.as_mut() {
                        ps.volume_mode.get_or_insert_with(|| "Filesystem".into());
                    }
                    let st = pvc.status.get_or_insert_with(Default::default);
                    st.phase.get_or_insert_with(|| "Pending".into());
                }
            }
        }
        Object::DaemonSet(ds) => {
            if let Some(s) = ds.spec.as_mut() {
                let us = s.update_strategy.get_or_insert_with(DaemonSetUpdateStrategy::default);
                let t = us.type_.get_or_insert_with(|| "RollingUpdate".into());
                if t == "RollingUpdate" {
                    let ru = us.rolling_update.get_or_insert_with(RollingUpdateDaemonSet::default);
                    ru.max_unavailable.get_or_insert(IntOrString::Int(1));
                    ru.max_surge.get_or_insert(IntOrString::Int(0));
                }
                s.revision_history_limit.get_or_insert(10);
                template(&mut s.template);
            }
        }
        Object::Job(j) => {
            if let Some(s) = j.spec.as_mut() {
                job_spec(s);
            }
            if j.metadata.labels.as_ref().is_none_or(|l| l.is_empty()) {
                j.metadata.labels = j
                    .spec
                    .as_ref()
                    .and_then(|s| s.template.metadata.as_ref())
                    .and_then(|m| m.labels.clone());
            }
        }
        Object::CronJob(c) => {
            if let Some(s) = c.spec.as_mut() {
                s.concurrency_policy.get_or_insert_with(|| "Allow".into());
                s.suspend.get_or_insert(false);
                s.successful_jobs_history_limit.get_or_insert(3);
                s.failed_jobs_history_limit.get_or_insert(1);
                if let Some(js) = s.job_template.spec.as_mut() {
                    job_spec(js);
                }
            }
        }
        Object::Service(svc) => {
            if let Some(s) = svc.spec.as_mut() {
                let t = s.type_.get_or_insert_with(|| "ClusterIP".into()).clone();
                s.session_affinity.get_or_insert_with(|| "None".into());
                for p in s.ports.iter_mut().flatten() {
                    service_port(p);
                }
                if t != "ExternalName" {
                    s.internal_traffic_policy.get_or_insert_with(|| "Cluster".into());
                }
                if t == "NodePort" || t == "LoadBalancer" {
                    s.external_traffic_policy.get_or_insert_with(|| "Cluster".into());
                }
                if t == "LoadBalancer" {
                    s.allocate_load_balancer_node_ports.get_or_insert(true);
                }
            }
        }
        Object::Namespace(ns) => {
            let name = ns.metadata.name.clone().unwrap_or_default();
            ns.metadata
                .labels
                .get_or_insert_with(BTreeMap::new)
                .insert("kubernetes.io/metadata.name".into(), name);
            let st = ns.status.get_or_insert_with(Default::default);
            st.phase.get_or_insert_with(|| "Active".into());
            ns.spec
                .get_or_insert_with(Default::default)
                .finalizers
                .get_or_insert_with(|| vec!["kubernetes".into()]);
        }
        Object::Secret(s) => {
            s.type_.get_or_insert_with(|| "Opaque".into());
        }
        Object::PersistentVolume(pv) => {
            if let Some(s) = pv.spec.as_mut() {
                s.persistent_volume_reclaim_policy
                    .get_or_insert_with(|| "Retain".into());
                s.volume_mode.get_or_insert_with(|| "Filesystem".into());
            }
            pv.status
                .get_or_insert_with(Default::default)
                .phase
                .get_or_insert_with(|| "Pending".into());
        }
        Object::PersistentVolumeClaim(pvc) => {
            if let Some(s) = pvc.spec.as_mut() {
                s.volume_mode.get_or_insert_with(|| "Filesystem".into());
            }
            pvc.status
                .get_or_insert_with(Default::default)
                .phase
                .get_or_insert_with(|| "Pending".into());
        }
        Object::HorizontalPodAutoscaler(h) => {
            if let Some(s) = h.spec.as_mut() {
                s.min_replicas.get_or_insert(1);
                if s.metrics.as_ref().is_none_or(|m| m.is_empty()) {
                    s.metrics = Some(vec![default_cpu_metric()]);
                }
            }
        }
        Object::StorageClass(sc) => {
            sc.reclaim_policy.get_or_insert_with(|| "Delete".into());
            sc.volume_binding_mode.get_or_insert_with(|| "Immediate".into());
        }
        _ => {}
    }
}

fn default_cpu_metric() -> kubesim_model::k8s_openapi::api::autoscaling::v2::MetricSpec {
    use kubesim_model::k8s_openapi::api::autoscaling::v2::{MetricSpec, MetricTarget, ResourceMetricSource};
    MetricSpec {
        type_: "Resource".into(),
        resource: Some(ResourceMetricSource {
            name: "cpu".into(),
            target: MetricTarget {
                type_: "Utilization".into(),
                average_utilization: Some(80),
                ..Default::default()
            },
        }),
        ..Default::default()
    }
}

fn job_spec(s: &mut kubesim_model::k8s_openapi::api::batch::v1::JobSpec) {
    if s.completions.is_none() && s.parallelism.is_none() {
        s.completions = Some(1);
        s.parallelism = Some(1);
    }
    s.parallelism.get_or_insert(1);
    if s.backoff_limit_per_index.is_some() {
        s.backoff_limit.get_or_insert(i32::MAX);
    } else {
        s.backoff_limit.get_or_insert(6);
    }
    s.completion_mode.get_or_insert_with(|| "NonIndexed".into());
    s.suspend.get_or_insert(false);
    s.manual_selector.get_or_insert(false);
    let policy = if s.pod_failure_policy.is_some() {
        "Failed"
    } else {
        "TerminatingOrFailed"
    };
    s.pod_replacement_policy.get_or_insert_with(|| policy.into());
    template(&mut s.template);
}

/// Empty maps and lists are dropped, as Go's `omitempty` does.
fn normalize_meta(obj: &mut Object) {
    let m = obj.meta_mut();
    if m.labels.as_ref().is_some_and(|l| l.is_empty()) {
        m.labels = None;
    }
    if m.annotations.as_ref().is_some_and(|l| l.is_empty()) {
        m.annotations = None;
    }
    if m.finalizers.as_ref().is_some_and(|l| l.is_empty()) {
        m.finalizers = None;
    }
    if m.owner_references.as_ref().is_some_and(|l| l.is_empty()) {
        m.owner_references = None;
    }
    if obj.kind().namespaced() {
        let m = obj.meta_mut();
        m.namespace.get_or_insert_with(|| "default".into());
    } else {
        obj.meta_mut().namespace = None;
    }
    if obj.kind() == Kind::Event {
        obj.meta_mut().generation = None;
    }
}

/// Defaults for a pod template (the same PodSpec defaults, no pod-only ones).
pub fn template(t: &mut PodTemplateSpec) {
    if let Some(spec) = t.spec.as_mut() {
        pod_spec(spec);
    }
}

fn pod_spec(spec: &mut PodSpec) {
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    spec.dns_policy.get_or_insert_with(|| "ClusterFirst".into());
    spec.security_context.get_or_insert_with(PodSecurityContext::default);
    spec.termination_grace_period_seconds.get_or_insert(30);
    spec.scheduler_name.get_or_insert_with(|| "default-scheduler".into());
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut().flatten())
    {
        container(c);
    }
}

fn container(c: &mut Container) {
    if c.image_pull_policy.is_none() {
        let image = c.image.as_deref().unwrap_or("");
        let policy = if image_tag(image).is_none_or(|t| t == "latest") {
            "Always"
        } else {
            "IfNotPresent"
        };
        c.image_pull_policy = Some(policy.into());
    }
    c.termination_message_path
        .get_or_insert_with(|| "/dev/termination-log".into());
    c.termination_message_policy.get_or_insert_with(|| "File".into());
    for p in c.ports.iter_mut().flatten() {
        p.protocol.get_or_insert_with(|| "TCP".into());
    }
    if c.resources.is_none() {
        c.resources = Some(Default::default());
    }
}

/// The tag of an image reference, if it has one (a digest counts as pinned).
fn image_tag(image: &str) -> Option<&str> {
    if image.contains('@') {
        return Some("@digest");
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    last.split_once(':').map(|(_, t)| t)
}

fn copy_limits_to_requests(c: &mut Container) {
    if let Some(r) = c.resources.as_mut()
        && let Some(limits) = &r.limits
    {
        let req = r.requests.get_or_insert_with(BTreeMap::new);
        for (k, v) in limits {
            req.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

fn service_port(p: &mut ServicePort) {
    p.protocol.get_or_insert_with(|| "TCP".into());
    let empty = match &p.target_port {
        None => true,
        Some(IntOrString::Int(0)) => true,
        Some(IntOrString::String(s)) => s.is_empty(),
        _ => false,
    };
    if empty {
        p.target_port = Some(IntOrString::Int(p.port));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_pull_policy_follows_the_tag() {
        assert_eq!(image_tag("nginx"), None);
        assert_eq!(image_tag("nginx:1.25"), Some("1.25"));
        assert_eq!(image_tag("localhost:5000/nginx"), None);
        assert_eq!(image_tag("registry:5000/nginx:latest"), Some("latest"));
    }
}
