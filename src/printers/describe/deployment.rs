//! `kubectl describe deployment` (describeDeployment).

use super::replicaset::conditions;
use super::{
    DescribeCtx, Writer, annotations_multiline, events, labels_multiline, pod_template, rfc1123z_or_zero,
    selector_string,
};
use crate::api::k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use crate::api::k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use crate::api::meta;

pub(super) fn describe(d: &Deployment, ctx: &DescribeCtx) -> String {
    let mut w = Writer::default();
    let spec = d.spec.clone().unwrap_or_default();
    let st = d.status.clone().unwrap_or_default();
    w.name_namespace(&d.metadata);
    w.write(
        0,
        &format!(
            "CreationTimestamp:\t{}\n",
            rfc1123z_or_zero(d.metadata.creation_timestamp.as_ref())
        ),
    );
    labels_multiline(&mut w, "Labels", d.metadata.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", d.metadata.annotations.as_ref());
    w.write(0, &format!("Selector:\t{}\n", selector_string(&spec.selector)));
    w.write(
        0,
        &format!(
            "Replicas:\t{} desired | {} updated | {} total | {} available | {} unavailable\n",
            spec.replicas.unwrap_or(1),
            st.updated_replicas.unwrap_or(0),
            st.replicas.unwrap_or(0),
            st.available_replicas.unwrap_or(0),
            st.unavailable_replicas.unwrap_or(0)
        ),
    );
    let strategy = spec.strategy.clone().unwrap_or_default();
    w.write(
        0,
        &format!("StrategyType:\t{}\n", strategy.type_.as_deref().unwrap_or("")),
    );
    w.write(
        0,
        &format!("MinReadySeconds:\t{}\n", spec.min_ready_seconds.unwrap_or(0)),
    );
    if let Some(ru) = &strategy.rolling_update {
        let s = |v: &Option<IntOrString>| match v {
            Some(IntOrString::Int(i)) => i.to_string(),
            Some(IntOrString::String(s)) => s.clone(),
            None => "0".into(),
        };
        w.write(
            0,
            &format!(
                "RollingUpdateStrategy:\t{} max unavailable, {} max surge\n",
                s(&ru.max_unavailable),
                s(&ru.max_surge)
            ),
        );
    }
    pod_template(&mut w, Some(&spec.template));
    conditions(
        &mut w,
        st.conditions
            .iter()
            .flatten()
            .map(|c| (c.type_.as_str(), c.status.as_str(), c.reason.as_deref().unwrap_or(""))),
    );
    let (old, new) = split_replica_sets(d, &ctx.replica_sets);
    if !old.is_empty() || new.is_some() {
        w.write(0, &format!("OldReplicaSets:\t{}\n", rs_list(&old)));
        w.write(
            0,
            &format!("NewReplicaSet:\t{}\n", rs_list(&new.into_iter().collect::<Vec<_>>())),
        );
    }
    events(&mut w, &ctx.events, ctx.now);
    w.finish()
}

/// deploymentutil.FindNewReplicaSet / FindOldReplicaSets: sorted by creation time (then name),
/// the new one is the oldest whose template equals the deployment's, ignoring pod-template-hash.
fn split_replica_sets<'a>(d: &Deployment, rss: &[&'a ReplicaSet]) -> (Vec<&'a ReplicaSet>, Option<&'a ReplicaSet>) {
    let mut rss: Vec<&ReplicaSet> = rss.to_vec();
    rss.sort_by_key(|r| {
        (
            r.metadata.creation_timestamp.as_ref().map(|t| t.0.as_second()),
            meta::name(&r.metadata).to_string(),
        )
    });
    let want = d.spec.as_ref().map(|s| strip_hash(s.template.clone()));
    let new = rss.iter().copied().find(|r| {
        let t = r.spec.as_ref().and_then(|s| s.template.clone()).map(strip_hash);
        t.is_some() && t == want
    });
    let old = rss
        .into_iter()
        .filter(|r| new.is_none_or(|n| !std::ptr::eq(*r, n)))
        .collect();
    (old, new)
}

fn strip_hash(
    mut t: crate::api::k8s_openapi::api::core::v1::PodTemplateSpec,
) -> crate::api::k8s_openapi::api::core::v1::PodTemplateSpec {
    if let Some(m) = t.metadata.as_mut()
        && let Some(l) = m.labels.as_mut()
    {
        l.remove("pod-template-hash");
        if l.is_empty() {
            m.labels = None;
        }
    }
    t
}

/// printReplicaSetsByLabels: `name (2/2 replicas created), ...` or `<none>`.
fn rs_list(rss: &[&ReplicaSet]) -> String {
    if rss.is_empty() {
        return "<none>".into();
    }
    rss.iter()
        .map(|r| {
            format!(
                "{} ({}/{} replicas created)",
                meta::name(&r.metadata),
                r.status.as_ref().map_or(0, |s| s.replicas),
                r.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
