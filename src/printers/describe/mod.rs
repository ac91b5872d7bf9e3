//! `kubectl describe` (kubectl v1.32 `pkg/describe/describe.go`): one file per kind, pure
//! functions of the object, its related objects and `now`.

mod deployment;
mod generic;
mod namespace;
mod node;
mod pod;
mod replicaset;
mod service;
mod template;
mod volumes;

use crate::api::Object;
use crate::api::k8s_openapi::api::apps::v1::ReplicaSet;
use crate::api::k8s_openapi::api::core::v1::{Event, Pod, Toleration};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, Time};
use crate::api::meta;
use crate::api::selector::Selector;
use crate::printers::duration::human_duration;
use crate::printers::tabwriter;
use crate::sim::SimTime;
use std::collections::BTreeMap;

pub use service::describe_service;
pub use template::pod_template_text;
use template::{containers, pod_template};
use volumes::volumes;

/// What a describer needs besides the object; the caller fills the related objects.
#[derive(Clone, Debug, Default)]
pub struct DescribeCtx<'a> {
    pub now: SimTime,
    /// Events whose involvedObject is the described object (any order).
    pub events: Vec<&'a Event>,
    /// For a ReplicaSet/RC: its pods (`Pods Status:`); for a node: the pods bound to it.
    pub pods: Vec<&'a Pod>,
    /// For a deployment: the ReplicaSets it owns (`OldReplicaSets:` / `NewReplicaSet:`).
    pub replica_sets: Vec<&'a ReplicaSet>,
}

/// The describe text of one object, exactly as kubectl prints it.
pub fn describe(obj: &Object, ctx: &DescribeCtx) -> String {
    match obj {
        Object::Pod(p) => pod::describe(p, ctx),
        Object::ReplicaSet(rs) => replicaset::describe_rs(rs, ctx),
        Object::ReplicationController(rc) => replicaset::describe_rc(rc, ctx),
        Object::Deployment(d) => deployment::describe(d, ctx),
        Object::Node(n) => node::describe(n, ctx),
        Object::Namespace(ns) => namespace::describe(ns),
        Object::Service(s) => service::describe_service(s, ctx, None),
        other => generic::describe(other, ctx),
    }
}

/// kubectl's PrefixWriter over a tabwriter: `write(level, text)` indents by two spaces per level;
/// `flush` aligns what was written so far (DescribeEvents flushes before its table).
#[derive(Default)]
pub(crate) struct Writer {
    pending: String,
    out: String,
}

impl Writer {
    pub(crate) fn write(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.pending.push_str("  ");
        }
        self.pending.push_str(text);
    }

    /// The `Name:` and `Namespace:` lines most describers open with.
    pub(crate) fn name_namespace(&mut self, m: &ObjectMeta) {
        self.write(0, &format!("Name:\t{}\n", meta::name(m)));
        self.write(0, &format!("Namespace:\t{}\n", meta::namespace(m)));
    }

    pub(crate) fn flush(&mut self) {
        self.out
            .push_str(&tabwriter::format(tabwriter::DESCRIBE, &self.pending));
        self.pending.clear();
    }

    pub(crate) fn finish(mut self) -> String {
        self.flush();
        self.out
    }
}

/// time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`.
pub(crate) fn rfc1123z(t: &Time) -> String {
    jiff::fmt::strtime::format("%a, %d %b %Y %H:%M:%S +0000", t.0).unwrap_or_default()
}

fn since(t: Option<&Time>, now: SimTime) -> String {
    match t {
        Some(t) => human_duration(now.secs() - t.0.as_second()),
        None => "<unknown>".into(),
    }
}

/// labels.Selector.String() of a LabelSelector (empty for "everything").
pub(crate) fn selector_string(sel: &LabelSelector) -> String {
    Selector::from_label_selector(sel)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// labels.FormatLabels: `k=v,k2=v2` or `<none>`.
pub(crate) fn format_labels(m: Option<&BTreeMap<String, String>>) -> String {
    match m {
        Some(m) if !m.is_empty() => m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        _ => "<none>".into(),
    }
}

/// printLabelsMultiline: `Title:\tk=v` then `\tk2=v2` lines, or `<none>`.
pub(crate) fn labels_multiline(w: &mut Writer, title: &str, labels: Option<&BTreeMap<String, String>>) {
    w.write(0, &format!("{title}:\t"));
    match labels {
        Some(m) if !m.is_empty() => {
            for (i, (k, v)) in m.iter().enumerate() {
                if i != 0 {
                    w.write(0, "\t");
                }
                w.write(0, &format!("{k}={v}\n"));
            }
        }
        _ => w.write(0, "<none>\n"),
    }
}

/// printAnnotationsMultiline (skips last-applied-configuration; long values wrap).
pub(crate) fn annotations_multiline(w: &mut Writer, title: &str, ann: Option<&BTreeMap<String, String>>) {
    const MAX: usize = 140;
    w.write(0, &format!("{title}:\t"));
    let keys: Vec<(&String, &String)> = ann
        .into_iter()
        .flatten()
        .filter(|(k, _)| k.as_str() != "kubectl.kubernetes.io/last-applied-configuration")
        .collect();
    if keys.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    for (i, (k, v)) in keys.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let value = v.strip_suffix('\n').unwrap_or(v);
        if value.len() + k.len() + 2 > MAX || value.contains('\n') {
            w.write(0, &format!("{k}:\n"));
            for s in value.split('\n') {
                let s = if s.len() > MAX - 2 {
                    format!("{}...", &s[..floor_char(s, MAX - 2)])
                } else {
                    s.to_string()
                };
                w.write(0, &format!("\t  {s}\n"));
            }
        } else {
            w.write(0, &format!("{k}: {value}\n"));
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// printPodTolerationsMultiline.
pub(crate) fn tolerations_multiline(w: &mut Writer, title: &str, tols: Option<&[Toleration]>) {
    w.write(0, &format!("{title}:\t"));
    let mut tols: Vec<&Toleration> = tols.into_iter().flatten().collect();
    if tols.is_empty() {
        w.write(0, "<none>\n");
        return;
    }
    tols.sort_by(|a, b| a.key.cmp(&b.key));
    for (i, t) in tols.iter().enumerate() {
        if i != 0 {
            w.write(0, "\t");
        }
        let key = t.key.as_deref().unwrap_or("");
        let value = t.value.as_deref().unwrap_or("");
        let effect = t.effect.as_deref().unwrap_or("");
        let mut s = key.to_string();
        if !value.is_empty() {
            s.push_str(&format!("={value}"));
        }
        if !effect.is_empty() {
            s.push_str(&format!(":{effect}"));
        }
        if t.operator.as_deref() == Some("Exists") && value.is_empty() {
            s.push_str(if !key.is_empty() || !effect.is_empty() {
                " op=Exists"
            } else {
                "op=Exists"
            });
        }
        if let Some(secs) = t.toleration_seconds {
            s.push_str(&format!(" for {secs}s"));
        }
        w.write(0, &format!("{s}\n"));
    }
}

/// DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table, oldest first.
pub(crate) fn events(w: &mut Writer, events: &[&Event], now: SimTime) {
    if events.is_empty() {
        w.write(0, "Events:\t<none>\n");
        return;
    }
    w.flush();
    let mut evs: Vec<&Event> = events.to_vec();
    evs.sort_by_key(|e| e.last_timestamp.as_ref().map_or(i64::MIN, |t| t.0.as_second()));
    w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
    w.write(1, "----\t------\t----\t----\t-------\n");
    for e in evs {
        let first = match &e.event_time {
            Some(t) => human_duration(now.secs() - t.0.as_second()),
            None => since(e.first_timestamp.as_ref(), now),
        };
        let count = e.count.unwrap_or(0);
        let interval = if let Some(s) = &e.series {
            let last = s.last_observed_time.as_ref().map_or_else(
                || "<unknown>".to_string(),
                |t| human_duration(now.secs() - t.0.as_second()),
            );
            format!("{last} (x{} over {first})", s.count.unwrap_or(0))
        } else if count > 1 {
            format!("{} (x{count} over {first})", since(e.last_timestamp.as_ref(), now))
        } else {
            first
        };
        let source = e
            .source
            .as_ref()
            .and_then(|s| s.component.clone())
            .filter(|s| !s.is_empty())
            .or_else(|| e.reporting_component.clone())
            .unwrap_or_default();
        let mut message = e.message.as_deref().unwrap_or("").trim().to_string();
        if let Some(fp) = e.involved_object.field_path.as_deref().filter(|f| !f.is_empty()) {
            message = format!("{fp}: {message}");
        }
        w.write(
            1,
            &format!(
                "{}\t{}\t{interval}\t{source}\t{message}\n",
                e.type_.as_deref().unwrap_or(""),
                e.reason.as_deref().unwrap_or("")
            ),
        );
    }
}

/// `Controlled By:  Kind/name` value, if the object has a controller.
pub(crate) fn controlled_by(m: &ObjectMeta) -> Option<String> {
    meta::controller_of(m).map(|r| format!("{}/{}", r.kind, r.name))
}

/// time.RFC1123Z of an optional time; Go's zero time.Time when unset.
fn rfc1123z_or_zero(t: Option<&Time>) -> String {
    t.map_or_else(|| "Mon, 01 Jan 0001 00:00:00 +0000".into(), rfc1123z)
}

/// Pods counted by phase for `Pods Status:` (getPodStatusForController): pods controlled by `uid`.
pub(crate) fn pod_phase_counts(pods: &[&Pod], uid: &str) -> (usize, usize, usize, usize) {
    let mut c = (0, 0, 0, 0);
    for p in pods
        .iter()
        .filter(|p| meta::controller_of(&p.metadata).is_some_and(|r| r.uid == uid))
    {
        match p.status.as_ref().and_then(|s| s.phase.as_deref()) {
            Some("Running") => c.0 += 1,
            Some("Pending") => c.1 += 1,
            Some("Succeeded") => c.2 += 1,
            Some("Failed") => c.3 += 1,
            _ => {}
        }
    }
    c
}

#[cfg(test)]
mod tests;
