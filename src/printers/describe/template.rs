//! DescribePodTemplate and describeContainers: a pod template's labels, containers (state, probes,
//! environment, mounts), volumes, node selectors and tolerations.

use super::{Writer, annotations_multiline, labels_multiline, rfc1123z_or_zero, tolerations_multiline, volumes};
use crate::api::k8s_openapi::api::core::v1::{Container, ContainerState, ContainerStatus, PodTemplateSpec, Probe};

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

fn container_state(w: &mut Writer, name: &str, st: Option<&ContainerState>) {
    let st = st.cloned().unwrap_or_default();
    if let Some(r) = &st.running {
        w.write(2, &format!("{name}:\tRunning\n"));
        w.write(3, &format!("Started:\t{}\n", rfc1123z_or_zero(r.started_at.as_ref())));
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
        w.write(3, &format!("Started:\t{}\n", rfc1123z_or_zero(t.started_at.as_ref())));
        w.write(3, &format!("Finished:\t{}\n", rfc1123z_or_zero(t.finished_at.as_ref())));
    } else {
        w.write(2, &format!("{name}:\tWaiting\n"));
    }
}

fn describe_probe(p: &Probe) -> String {
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
