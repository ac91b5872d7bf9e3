//! `kubectl describe` (kubectl v1.32 `pkg/describe/describe.go`): one file per kind, pure
//! functions of the object, its related objects and `now`.

mod deployment;
mod generic;
mod namespace;
mod node;
mod pod;
mod replicaset;
mod service;
mod tabwriter;

use crate::api::Object;
use crate::api::k8s_openapi::api::apps::v1::ReplicaSet;
use crate::api::k8s_openapi::api::core::v1::{
    Container, ContainerStatus, Event, Pod, PodTemplateSpec, Toleration, Volume,
};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta, Time};
use crate::api::meta;
use crate::api::selector::Selector;
use crate::printers::duration::human_duration;
use crate::sim::SimTime;
use std::collections::BTreeMap;

pub use service::describe_service;

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

    pub(crate) fn flush(&mut self) {
        self.out.push_str(&tabwriter::format(&self.pending));
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

/// DescribePodTemplate through a bare PrefixWriter (no tab alignment), as `rollout history
/// --revision=N` prints it (polymorphichelpers printTemplate).
pub fn pod_template_text(t: &PodTemplateSpec) -> String {
    let mut w = Writer::default();
    pod_template(&mut w, Some(t));
    w.pending
}

/// DescribePodTemplate.
pub(crate) fn pod_template(w: &mut Writer, t: Option<&PodTemplateSpec>) {
    w.write(0, "Pod Template:\n");
    let Some(t) = t else {
        w.write(1, "<unset>");
        return;
    };
    let m = t.metadata.clone().unwrap_or_default();
    let spec = t.spec.clone().unwrap_or_default();
    labels_multiline(w, "  Labels", m.labels.as_ref());
    if m.annotations.as_ref().is_some_and(|a| !a.is_empty()) {
        annotations_multiline(w, "  Annotations", m.annotations.as_ref());
    }
    if let Some(sa) = spec.service_account_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(1, &format!("Service Account:\t{sa}\n"));
    }
    if let Some(ic) = spec.init_containers.as_deref().filter(|c| !c.is_empty()) {
        containers(w, "Init Containers", ic, &[], "  ");
    }
    containers(w, "Containers", &spec.containers, &[], "  ");
    volumes(w, spec.volumes.as_deref().unwrap_or_default(), "  ");
    if let Some(pc) = spec.priority_class_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(1, &format!("Priority Class Name:\t{pc}\n"));
    }
    labels_multiline(w, "  Node-Selectors", spec.node_selector.as_ref());
    tolerations_multiline(w, "  Tolerations", spec.tolerations.as_deref());
}

/// describeContainers.
pub(crate) fn containers(w: &mut Writer, label: &str, cs: &[Container], statuses: &[ContainerStatus], space: &str) {
    let none = if cs.is_empty() { " <none>" } else { "" };
    w.write(0, &format!("{space}{label}:{none}\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for c in cs {
        let status = statuses.iter().find(|s| s.name == c.name);
        w.write(1, &format!("{name_indent}{}:\n", c.name));
        if let Some(s) = status {
            w.write(
                2,
                &format!("Container ID:\t{}\n", s.container_id.as_deref().unwrap_or("")),
            );
        }
        w.write(2, &format!("Image:\t{}\n", c.image.as_deref().unwrap_or("")));
        if let Some(s) = status {
            w.write(2, &format!("Image ID:\t{}\n", s.image_id));
        }
        let ports = c.ports.as_deref().unwrap_or_default();
        let fmt_ports = |host: bool| {
            ports
                .iter()
                .map(|p| {
                    let n = if host {
                        p.host_port.unwrap_or(0)
                    } else {
                        p.container_port
                    };
                    let mut s = format!("{n}/{}", p.protocol.as_deref().unwrap_or("TCP"));
                    if let Some(name) = p.name.as_deref().filter(|n| !n.is_empty()) {
                        s.push_str(&format!(" ({name})"));
                    }
                    s
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        for (host, one, many) in [(false, "Port", "Ports"), (true, "Host Port", "Host Ports")] {
            let s = fmt_ports(host);
            if s.contains(',') {
                w.write(2, &format!("{many}:\t{s}\n"));
            } else {
                w.write(2, &format!("{one}:\t{}\n", if s.is_empty() { "<none>" } else { &s }));
            }
        }
        for (title, items) in [("Command", &c.command), ("Args", &c.args)] {
            if let Some(items) = items.as_deref().filter(|i| !i.is_empty()) {
                w.write(2, &format!("{title}:\n"));
                for item in items {
                    for line in item.split('\n') {
                        w.write(3, &format!("{line}\n"));
                    }
                }
            }
        }
        if let Some(s) = status {
            container_state(w, "State", s.state.as_ref());
            if s.last_state.as_ref().is_some_and(|l| l.terminated.is_some()) {
                container_state(w, "Last State", s.last_state.as_ref());
            }
            w.write(2, &format!("Ready:\t{}\n", if s.ready { "True" } else { "False" }));
            w.write(2, &format!("Restart Count:\t{}\n", s.restart_count));
        }
        if let Some(r) = &c.resources {
            for (title, list) in [("Limits", &r.limits), ("Requests", &r.requests)] {
                if let Some(list) = list.as_ref().filter(|l| !l.is_empty()) {
                    w.write(2, &format!("{title}:\n"));
                    for (k, q) in list {
                        w.write(3, &format!("{k}:\t{}\n", crate::printers::columns::quantity_string(q)));
                    }
                }
            }
        }
        for (title, probe) in [
            ("Liveness", &c.liveness_probe),
            ("Readiness", &c.readiness_probe),
            ("Startup", &c.startup_probe),
        ] {
            if let Some(p) = probe {
                w.write(2, &format!("{title}:\t{}\n", describe_probe(p)));
            }
        }
        let env = c.env.as_deref().unwrap_or_default();
        w.write(
            2,
            &format!("Environment:{}\n", if env.is_empty() { "\t<none>" } else { "" }),
        );
        for e in env {
            match &e.value_from {
                None => {
                    for (i, line) in e.value.as_deref().unwrap_or("").split('\n').enumerate() {
                        if i == 0 {
                            w.write(3, &format!("{}:\t{line}\n", e.name));
                        } else {
                            w.write(3, &format!("\t{line}\n"));
                        }
                    }
                }
                Some(vf) => {
                    if let Some(f) = &vf.field_ref {
                        w.write(
                            3,
                            &format!(
                                "{}:\t ({}:{})\n",
                                e.name,
                                f.api_version.as_deref().unwrap_or("v1"),
                                f.field_path
                            ),
                        );
                    } else if let Some(r) = &vf.resource_field_ref {
                        w.write(3, &format!("{}:\t ({})\n", e.name, r.resource));
                    } else if let Some(s) = &vf.secret_key_ref {
                        w.write(
                            3,
                            &format!(
                                "{}:\t<set to the key '{}' in secret '{}'>\tOptional: {}\n",
                                e.name,
                                s.key,
                                s.name,
                                s.optional.unwrap_or(false)
                            ),
                        );
                    } else if let Some(c) = &vf.config_map_key_ref {
                        w.write(
                            3,
                            &format!(
                                "{}:\t<set to the key '{}' of config map '{}'>\tOptional: {}\n",
                                e.name,
                                c.key,
                                c.name,
                                c.optional.unwrap_or(false)
                            ),
                        );
                    }
                }
            }
        }
        let mut mounts: Vec<_> = c.volume_mounts.as_deref().unwrap_or_default().iter().collect();
        w.write(
            2,
            &format!("Mounts:{}\n", if mounts.is_empty() { "\t<none>" } else { "" }),
        );
        mounts.sort_by(|a, b| a.mount_path.cmp(&b.mount_path));
        for m in mounts {
            let mut flags = vec![if m.read_only == Some(true) {
                "ro".to_string()
            } else {
                "rw".to_string()
            }];
            if let Some(sp) = m.sub_path.as_deref().filter(|s| !s.is_empty()) {
                flags.push(format!("path={sp:?}"));
            }
            w.write(3, &format!("{} from {} ({})\n", m.mount_path, m.name, flags.join(",")));
        }
    }
}

fn container_state(w: &mut Writer, name: &str, st: Option<&crate::api::k8s_openapi::api::core::v1::ContainerState>) {
    let st = st.cloned().unwrap_or_default();
    if let Some(r) = &st.running {
        w.write(2, &format!("{name}:\tRunning\n"));
        w.write(
            3,
            &format!(
                "Started:\t{}\n",
                r.started_at.as_ref().map(rfc1123z).unwrap_or_else(zero_time)
            ),
        );
    } else if let Some(wt) = &st.waiting {
        w.write(2, &format!("{name}:\tWaiting\n"));
        if let Some(r) = wt.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write(3, &format!("Reason:\t{r}\n"));
        }
    } else if let Some(t) = &st.terminated {
        w.write(2, &format!("{name}:\tTerminated\n"));
        if let Some(r) = t.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write(3, &format!("Reason:\t{r}\n"));
        }
        if let Some(m) = t.message.as_deref().filter(|r| !r.is_empty()) {
            w.write(3, &format!("Message:\t{m}\n"));
        }
        w.write(3, &format!("Exit Code:\t{}\n", t.exit_code));
        if let Some(sig) = t.signal.filter(|s| *s > 0) {
            w.write(3, &format!("Signal:\t{sig}\n"));
        }
        w.write(
            3,
            &format!(
                "Started:\t{}\n",
                t.started_at.as_ref().map(rfc1123z).unwrap_or_else(zero_time)
            ),
        );
        w.write(
            3,
            &format!(
                "Finished:\t{}\n",
                t.finished_at.as_ref().map(rfc1123z).unwrap_or_else(zero_time)
            ),
        );
    } else {
        w.write(2, &format!("{name}:\tWaiting\n"));
    }
}

/// Go's zero time.Time in RFC1123Z.
fn zero_time() -> String {
    "Mon, 01 Jan 0001 00:00:00 +0000".into()
}

fn describe_probe(p: &crate::api::k8s_openapi::api::core::v1::Probe) -> String {
    use crate::api::k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        p.initial_delay_seconds.unwrap_or(0),
        p.timeout_seconds.unwrap_or(1),
        p.period_seconds.unwrap_or(10),
        p.success_threshold.unwrap_or(1),
        p.failure_threshold.unwrap_or(3)
    );
    let port = |v: &IntOrString| match v {
        IntOrString::Int(i) => i.to_string(),
        IntOrString::String(s) => s.clone(),
    };
    if let Some(e) = &p.exec {
        format!("exec [{}] {attrs}", e.command.as_deref().unwrap_or_default().join(" "))
    } else if let Some(h) = &p.http_get {
        let scheme = h.scheme.as_deref().unwrap_or("HTTP").to_lowercase();
        format!(
            "http-get {scheme}://{}:{}{} {attrs}",
            h.host.as_deref().unwrap_or(""),
            port(&h.port),
            h.path.as_deref().unwrap_or("")
        )
    } else if let Some(t) = &p.tcp_socket {
        format!(
            "tcp-socket {}:{} {attrs}",
            t.host.as_deref().unwrap_or(""),
            port(&t.port)
        )
    } else if let Some(g) = &p.grpc {
        format!("grpc <pod>:{} {} {attrs}", g.port, g.service.as_deref().unwrap_or(""))
    } else {
        format!("unknown {attrs}")
    }
}

/// describeVolumes (the volume types kubesim's manifests use; others print `<unknown>`).
pub(crate) fn volumes(w: &mut Writer, vols: &[Volume], space: &str) {
    if vols.is_empty() {
        w.write(0, &format!("{space}Volumes:\t<none>\n"));
        return;
    }
    w.write(0, &format!("{space}Volumes:\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for v in vols {
        w.write(1, &format!("{name_indent}{}:\n", v.name));
        if let Some(h) = &v.host_path {
            w.write(
                2,
                &format!(
                    "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{}\n",
                    h.path,
                    h.type_.as_deref().unwrap_or("<none>")
                ),
            );
        } else if let Some(e) = &v.empty_dir {
            let size = e
                .size_limit
                .as_ref()
                .map_or_else(|| "<unset>".to_string(), crate::printers::columns::quantity_string);
            w.write(
                2,
                &format!(
                    "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{size}\n",
                    e.medium.as_deref().unwrap_or("")
                ),
            );
        } else if let Some(s) = &v.secret {
            w.write(
                2,
                &format!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                    s.secret_name.as_deref().unwrap_or(""),
                    s.optional.unwrap_or(false)
                ),
            );
        } else if let Some(c) = &v.config_map {
            w.write(
                2,
                &format!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                    c.name,
                    c.optional.unwrap_or(false)
                ),
            );
        } else if let Some(c) = &v.persistent_volume_claim {
            w.write(
                2,
                &format!(
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                    c.claim_name,
                    c.read_only.unwrap_or(false)
                ),
            );
        } else if let Some(p) = &v.projected {
            w.write(
                2,
                "Type:\tProjected (a volume that contains injected data from multiple sources)\n",
            );
            for s in p.sources.as_deref().unwrap_or_default() {
                if let Some(t) = &s.service_account_token {
                    w.write(
                        2,
                        &format!("TokenExpirationSeconds:\t{}\n", t.expiration_seconds.unwrap_or(3600)),
                    );
                } else if let Some(c) = &s.config_map {
                    w.write(
                        2,
                        &format!(
                            "ConfigMapName:\t{}\n    Optional:\t{}\n",
                            c.name,
                            c.optional.unwrap_or(false)
                        ),
                    );
                } else if s.downward_api.is_some() {
                    w.write(2, "DownwardAPI:\ttrue\n");
                } else if let Some(c) = &s.secret {
                    w.write(
                        2,
                        &format!(
                            "SecretName:\t{}\n    Optional:\t{}\n",
                            c.name,
                            c.optional.unwrap_or(false)
                        ),
                    );
                }
            }
        } else {
            w.write(1, "<unknown>\n");
        }
    }
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
