//! Workload kinds: deployments, replica sets, replication controllers, stateful sets,
//! daemon sets, jobs, cron jobs, horizontal pod autoscalers, controller revisions.

use super::{TableOpts, age, containers_and_images, created, format_map, name_of, or_default};
use crate::api::k8s_openapi::api::apps::v1::{ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet};
use crate::api::k8s_openapi::api::autoscaling::v2::{HorizontalPodAutoscaler, MetricSpec, MetricStatus};
use crate::api::k8s_openapi::api::batch::v1::{CronJob, Job};
use crate::api::k8s_openapi::api::core::v1::ReplicationController;
use crate::api::k8s_openapi::apimachinery::pkg::api::resource::Quantity as Q;
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use crate::api::meta;
use crate::api::quantity::Quantity;
use crate::api::selector::format_label_selector;
use crate::printers::duration::human_duration;

/// metav1.FormatLabelSelector of an optional selector (nil prints `<none>`).
fn opt_selector(sel: Option<&LabelSelector>) -> String {
    sel.map_or_else(|| "<none>".to_string(), format_label_selector)
}

/// resource.Quantity.String(): the canonical form.
pub fn qstr(q: &Q) -> String {
    Quantity::parse(&q.0)
        .map(|q| q.to_string())
        .unwrap_or_else(|_| q.0.clone())
}

pub(super) fn deployment_row(d: &Deployment, o: TableOpts) -> Vec<String> {
    let spec = or_default(&d.spec);
    let st = or_default(&d.status);
    let (c, i) = containers_and_images(Some(&spec.template));
    vec![
        name_of(&d.metadata),
        format!("{}/{}", st.ready_replicas.unwrap_or(0), spec.replicas.unwrap_or(0)),
        st.updated_replicas.unwrap_or(0).to_string(),
        st.available_replicas.unwrap_or(0).to_string(),
        created(&d.metadata, o.now),
        c,
        i,
        format_label_selector(&spec.selector),
    ]
}

pub(super) fn rs_row(rs: &ReplicaSet, o: TableOpts) -> Vec<String> {
    let spec = or_default(&rs.spec);
    let st = or_default(&rs.status);
    let (c, i) = containers_and_images(spec.template.as_ref());
    vec![
        name_of(&rs.metadata),
        spec.replicas.unwrap_or(0).to_string(),
        st.replicas.to_string(),
        st.ready_replicas.unwrap_or(0).to_string(),
        created(&rs.metadata, o.now),
        c,
        i,
        format_label_selector(&spec.selector),
    ]
}

pub(super) fn rc_row(rc: &ReplicationController, o: TableOpts) -> Vec<String> {
    let spec = or_default(&rc.spec);
    let st = or_default(&rc.status);
    let (c, i) = containers_and_images(spec.template.as_ref());
    vec![
        name_of(&rc.metadata),
        spec.replicas.unwrap_or(0).to_string(),
        st.replicas.to_string(),
        st.ready_replicas.unwrap_or(0).to_string(),
        created(&rc.metadata, o.now),
        c,
        i,
        format_map(spec.selector.as_ref()),
    ]
}

pub(super) fn statefulset_row(s: &StatefulSet, o: TableOpts) -> Vec<String> {
    let spec = or_default(&s.spec);
    let st = or_default(&s.status);
    let (c, i) = containers_and_images(Some(&spec.template));
    vec![
        name_of(&s.metadata),
        format!("{}/{}", st.ready_replicas.unwrap_or(0), spec.replicas.unwrap_or(0)),
        created(&s.metadata, o.now),
        c,
        i,
    ]
}

pub(super) fn daemonset_row(d: &DaemonSet, o: TableOpts) -> Vec<String> {
    let spec = or_default(&d.spec);
    let st = or_default(&d.status);
    let (c, i) = containers_and_images(Some(&spec.template));
    let node_selector = spec.template.spec.as_ref().and_then(|s| s.node_selector.as_ref());
    vec![
        name_of(&d.metadata),
        st.desired_number_scheduled.to_string(),
        st.current_number_scheduled.to_string(),
        st.number_ready.to_string(),
        st.updated_number_scheduled.unwrap_or(0).to_string(),
        st.number_available.unwrap_or(0).to_string(),
        format_map(node_selector),
        created(&d.metadata, o.now),
        c,
        i,
        format_label_selector(&spec.selector),
    ]
}

/// The job's STATUS cell (printers.go printJob).
pub fn job_status(j: &Job) -> &'static str {
    let has = |t: &str| {
        j.status
            .as_ref()
            .and_then(|s| s.conditions.as_ref())
            .is_some_and(|cs| cs.iter().any(|c| c.type_ == t && c.status == "True"))
    };
    if has("Complete") {
        "Complete"
    } else if has("Failed") {
        "Failed"
    } else if j.metadata.deletion_timestamp.is_some() {
        "Terminating"
    } else if has("Suspended") {
        "Suspended"
    } else if has("FailureTarget") {
        "FailureTarget"
    } else {
        "Running"
    }
}

pub(super) fn job_row(j: &Job, o: TableOpts) -> Vec<String> {
    let spec = or_default(&j.spec);
    let st = or_default(&j.status);
    let succeeded = st.succeeded.unwrap_or(0);
    let completions = match spec.completions {
        Some(c) => format!("{succeeded}/{c}"),
        None => match spec.parallelism.unwrap_or(0) {
            p if p > 1 => format!("{succeeded}/1 of {p}"),
            _ => format!("{succeeded}/1"),
        },
    };
    let duration = match (&st.start_time, &st.completion_time) {
        (None, _) => String::new(),
        (Some(s), None) => human_duration(o.now.secs() - s.0.as_second()),
        (Some(s), Some(c)) => human_duration(c.0.as_second() - s.0.as_second()),
    };
    let (c, i) = containers_and_images(Some(&spec.template));
    vec![
        name_of(&j.metadata),
        job_status(j).to_string(),
        completions,
        duration,
        created(&j.metadata, o.now),
        c,
        i,
        opt_selector(spec.selector.as_ref()),
    ]
}

pub(super) fn cronjob_row(cj: &CronJob, o: TableOpts) -> Vec<String> {
    let spec = or_default(&cj.spec);
    let st = or_default(&cj.status);
    let job_spec = or_default(&spec.job_template.spec);
    let (c, i) = containers_and_images(Some(&job_spec.template));
    let last = match &st.last_schedule_time {
        Some(t) => age(Some(t), o.now),
        None => "<none>".into(),
    };
    vec![
        name_of(&cj.metadata),
        spec.schedule.clone(),
        spec.time_zone.clone().unwrap_or_else(|| "<none>".into()),
        bool_ptr(spec.suspend),
        st.active.as_ref().map_or(0, Vec::len).to_string(),
        last,
        created(&cj.metadata, o.now),
        c,
        i,
        opt_selector(job_spec.selector.as_ref()),
    ]
}

/// printBoolPtr: `True`, `False` or `<unset>`.
fn bool_ptr(b: Option<bool>) -> String {
    match b {
        Some(true) => "True".into(),
        Some(false) => "False".into(),
        None => "<unset>".into(),
    }
}

pub(super) fn hpa_row(h: &HorizontalPodAutoscaler, o: TableOpts) -> Vec<String> {
    let spec = or_default(&h.spec);
    let st = or_default(&h.status);
    let reference = format!("{}/{}", spec.scale_target_ref.kind, spec.scale_target_ref.name);
    vec![
        name_of(&h.metadata),
        reference,
        hpa_targets(
            spec.metrics.as_deref().unwrap_or_default(),
            st.current_metrics.as_deref().unwrap_or_default(),
        ),
        spec.min_replicas
            .map_or_else(|| "<unset>".to_string(), |m| m.to_string()),
        spec.max_replicas.to_string(),
        st.current_replicas.unwrap_or(0).to_string(),
        created(&h.metadata, o.now),
    ]
}

/// The TARGETS cell (printers.go formatHPAMetrics, v1.32 with metric-name prefixes).
pub fn hpa_targets(specs: &[MetricSpec], statuses: &[MetricStatus]) -> String {
    if specs.is_empty() {
        return "<none>".into();
    }
    let unknown = || "<unknown>".to_string();
    let mut list: Vec<String> = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        let status = statuses.get(i);
        let entry = match spec.type_.as_str() {
            "External" => match &spec.external {
                Some(e) => match &e.target.average_value {
                    Some(t) => {
                        let cur = status
                            .and_then(|s| s.external.as_ref())
                            .and_then(|x| x.current.average_value.as_ref())
                            .map_or_else(unknown, qstr);
                        format!("{cur}/{} (avg)", qstr(t))
                    }
                    None => {
                        let cur = status
                            .and_then(|s| s.external.as_ref())
                            .map_or_else(unknown, |x| opt_q(x.current.value.as_ref()));
                        format!("{cur}/{}", opt_q(e.target.value.as_ref()))
                    }
                },
                None => "<unknown type>".into(),
            },
            "Pods" => match &spec.pods {
                Some(p) => {
                    let cur = status
                        .and_then(|s| s.pods.as_ref())
                        .map_or_else(unknown, |x| opt_q(x.current.average_value.as_ref()));
                    format!("{cur}/{}", opt_q(p.target.average_value.as_ref()))
                }
                None => "<unknown type>".into(),
            },
            "Object" => match &spec.object {
                Some(ob) => match &ob.target.average_value {
                    Some(t) if ob.target.type_ == "AverageValue" => {
                        let cur = status
                            .and_then(|s| s.object.as_ref())
                            .map_or_else(unknown, |x| opt_q(x.current.average_value.as_ref()));
                        format!("{cur}/{} (avg)", qstr(t))
                    }
                    _ => {
                        let cur = status
                            .and_then(|s| s.object.as_ref())
                            .map_or_else(unknown, |x| opt_q(x.current.value.as_ref()));
                        format!("{cur}/{}", opt_q(ob.target.value.as_ref()))
                    }
                },
                None => "<unknown type>".into(),
            },
            "Resource" => match &spec.resource {
                Some(r) => {
                    let cur = status.and_then(|s| s.resource.as_ref()).map(|x| &x.current);
                    resource_target(&r.name, &r.target, cur)
                }
                None => "<unknown type>".into(),
            },
            "ContainerResource" => match &spec.container_resource {
                Some(r) => {
                    let cur = status.and_then(|s| s.container_resource.as_ref()).map(|x| &x.current);
                    resource_target(&r.name, &r.target, cur)
                }
                None => "<unknown type>".into(),
            },
            _ => "<unknown type>".into(),
        };
        list.push(entry);
    }
    let count = list.len();
    if count > 2 {
        list.truncate(2);
        return format!("{} + {} more...", list.join(", "), count - 2);
    }
    list.join(", ")
}

fn opt_q(q: Option<&Q>) -> String {
    q.map_or_else(|| "0".to_string(), qstr)
}

fn resource_target(
    name: &str,
    target: &crate::api::k8s_openapi::api::autoscaling::v2::MetricTarget,
    current: Option<&crate::api::k8s_openapi::api::autoscaling::v2::MetricValueStatus>,
) -> String {
    match &target.average_value {
        Some(t) => {
            let cur = current.map_or_else(|| "<unknown>".to_string(), |c| opt_q(c.average_value.as_ref()));
            format!("{name}: {cur}/{}", qstr(t))
        }
        None => {
            let cur = current
                .and_then(|c| c.average_utilization)
                .map_or_else(|| "<unknown>".to_string(), |u| format!("{u}%"));
            let tgt = target
                .average_utilization
                .map_or_else(|| "<auto>".to_string(), |u| format!("{u}%"));
            format!("{name}: {cur}/{tgt}")
        }
    }
}

pub(super) fn controller_revision_row(c: &ControllerRevision, o: TableOpts) -> Vec<String> {
    let controller = match meta::controller_of(&c.metadata) {
        Some(r) => {
            let group = r.api_version.split_once('/').map_or("", |(g, _)| g);
            let gk = if group.is_empty() {
                r.kind.clone()
            } else {
                format!("{}.{group}", r.kind)
            };
            format!("{}/{}", gk.to_lowercase(), r.name)
        }
        None => "<none>".into(),
    };
    vec![
        name_of(&c.metadata),
        controller,
        c.revision.to_string(),
        created(&c.metadata, o.now),
    ]
}
