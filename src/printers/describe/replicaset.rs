//! `kubectl describe rs` and `kubectl describe rc` (describeReplicaSet, describeReplicationController).

use super::{
    DescribeCtx, Writer, annotations_multiline, controlled_by, events, format_labels, labels_multiline,
    pod_phase_counts, pod_template,
};
use crate::api::k8s_openapi::api::apps::v1::ReplicaSet;
use crate::api::k8s_openapi::api::core::v1::{PodTemplateSpec, ReplicationController};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use crate::api::meta;
use crate::api::selector::format_label_selector;

pub(super) fn describe_rs(rs: &ReplicaSet, ctx: &DescribeCtx) -> String {
    let mut w = Writer::default();
    let spec = rs.spec.clone().unwrap_or_default();
    let st = rs.status.clone().unwrap_or_default();
    w.name_namespace(&rs.metadata);
    w.write(0, &format!("Selector:\t{}\n", format_label_selector(&spec.selector)));
    labels_multiline(&mut w, "Labels", rs.metadata.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", rs.metadata.annotations.as_ref());
    if let Some(c) = controlled_by(&rs.metadata) {
        w.write(0, &format!("Controlled By:\t{c}\n"));
    }
    let conds = st.conditions.iter().flatten();
    let conds = conds.map(|c| (c.type_.as_str(), c.status.as_str(), c.reason.as_deref().unwrap_or("")));
    let replicas = (st.replicas, spec.replicas.unwrap_or(1));
    replicas_pods_and_events(w, ctx, &rs.metadata, replicas, spec.template.as_ref(), conds)
}

pub(super) fn describe_rc(rc: &ReplicationController, ctx: &DescribeCtx) -> String {
    let mut w = Writer::default();
    let spec = rc.spec.clone().unwrap_or_default();
    let st = rc.status.clone().unwrap_or_default();
    w.name_namespace(&rc.metadata);
    w.write(0, &format!("Selector:\t{}\n", format_labels(spec.selector.as_ref())));
    labels_multiline(&mut w, "Labels", rc.metadata.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", rc.metadata.annotations.as_ref());
    let conds = st.conditions.iter().flatten();
    let conds = conds.map(|c| (c.type_.as_str(), c.status.as_str(), c.reason.as_deref().unwrap_or("")));
    let replicas = (st.replicas, spec.replicas.unwrap_or(1));
    replicas_pods_and_events(w, ctx, &rc.metadata, replicas, spec.template.as_ref(), conds)
}

/// What describeReplicaSet and describeReplicationController print after the selector and labels:
/// `(current, desired)` replicas, pods by phase, the pod template, conditions and events.
fn replicas_pods_and_events<'a>(
    mut w: Writer,
    ctx: &DescribeCtx,
    m: &ObjectMeta,
    (current, desired): (i32, i32),
    template: Option<&PodTemplateSpec>,
    conds: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
) -> String {
    w.write(0, &format!("Replicas:\t{current} current / {desired} desired\n"));
    let (r, wt, s, f) = pod_phase_counts(&ctx.pods, meta::uid(m));
    w.write(
        0,
        &format!("Pods Status:\t{r} Running / {wt} Waiting / {s} Succeeded / {f} Failed\n"),
    );
    pod_template(&mut w, template);
    conditions(&mut w, conds);
    events(&mut w, &ctx.events, ctx.now);
    w.finish()
}

/// The `Conditions:` table of workloads (Type/Status/Reason).
pub(super) fn conditions<'a>(w: &mut Writer, conds: impl Iterator<Item = (&'a str, &'a str, &'a str)>) {
    let conds: Vec<_> = conds.collect();
    if conds.is_empty() {
        return;
    }
    w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(1, "----\t------\t------\n");
    for (t, s, r) in conds {
        w.write(1, &format!("{t} \t{s}\t{r}\n"));
    }
}
