//! `kubectl describe pod` (describePod).

use super::{
    DescribeCtx, Writer, annotations_multiline, containers, controlled_by, events, labels_multiline, rfc1123z, since,
    tolerations_multiline, volumes,
};
use crate::api::k8s_openapi::api::core::v1::Pod;
use crate::api::qos;

pub(super) fn describe(p: &Pod, ctx: &DescribeCtx) -> String {
    let mut w = Writer::default();
    let spec = p.spec.clone().unwrap_or_default();
    let st = p.status.clone().unwrap_or_default();
    w.name_namespace(&p.metadata);
    if let Some(pr) = spec.priority {
        w.write(0, &format!("Priority:\t{pr}\n"));
    }
    if let Some(pc) = spec.priority_class_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("Priority Class Name:\t{pc}\n"));
    }
    if let Some(rc) = spec.runtime_class_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("Runtime Class Name:\t{rc}\n"));
    }
    if let Some(sa) = spec.service_account_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("Service Account:\t{sa}\n"));
    }
    match spec.node_name.as_deref().filter(|s| !s.is_empty()) {
        None => w.write(0, "Node:\t<none>\n"),
        Some(n) => w.write(0, &format!("Node:\t{n}/{}\n", st.host_ip.as_deref().unwrap_or(""))),
    }
    if let Some(t) = &st.start_time {
        w.write(0, &format!("Start Time:\t{}\n", rfc1123z(t)));
    }
    labels_multiline(&mut w, "Labels", p.metadata.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", p.metadata.annotations.as_ref());
    let phase = st.phase.clone().unwrap_or_default();
    if p.metadata.deletion_timestamp.is_some() && phase != "Failed" && phase != "Succeeded" {
        w.write(
            0,
            &format!(
                "Status:\tTerminating (lasts {})\n",
                since(p.metadata.deletion_timestamp.as_ref(), ctx.now)
            ),
        );
        w.write(
            0,
            &format!(
                "Termination Grace Period:\t{}s\n",
                p.metadata.deletion_grace_period_seconds.unwrap_or(0)
            ),
        );
    } else {
        w.write(0, &format!("Status:\t{phase}\n"));
    }
    if let Some(r) = st.reason.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("Reason:\t{r}\n"));
    }
    if let Some(m) = st.message.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("Message:\t{m}\n"));
    }
    w.write(0, &format!("IP:\t{}\n", st.pod_ip.as_deref().unwrap_or("")));
    match st.pod_ips.as_deref().filter(|v| !v.is_empty()) {
        None => w.write(0, "IPs:\t<none>\n"),
        Some(ips) => {
            w.write(0, "IPs:\n");
            for ip in ips {
                w.write(1, &format!("IP:\t{}\n", ip.ip));
            }
        }
    }
    if let Some(c) = controlled_by(&p.metadata) {
        w.write(0, &format!("Controlled By:\t{c}\n"));
    }
    if let Some(n) = st.nominated_node_name.as_deref().filter(|s| !s.is_empty()) {
        w.write(0, &format!("NominatedNodeName:\t{n}\n"));
    }
    if let Some(ic) = spec.init_containers.as_deref().filter(|c| !c.is_empty()) {
        containers(
            &mut w,
            "Init Containers",
            ic,
            st.init_container_statuses.as_deref().unwrap_or_default(),
            "",
        );
    }
    containers(
        &mut w,
        "Containers",
        &spec.containers,
        st.container_statuses.as_deref().unwrap_or_default(),
        "",
    );
    let conds = st.conditions.as_deref().unwrap_or_default();
    if let Some(gates) = spec.readiness_gates.as_deref().filter(|g| !g.is_empty()) {
        w.write(0, "Readiness Gates:\n  Type\tStatus\n");
        for g in gates {
            let status = conds
                .iter()
                .find(|c| c.type_ == g.condition_type)
                .map_or("<none>", |c| c.status.as_str());
            w.write(1, &format!("{} \t{status} \n", g.condition_type));
        }
    }
    if !conds.is_empty() {
        w.write(0, "Conditions:\n  Type\tStatus\n");
        for c in conds {
            w.write(1, &format!("{} \t{} \n", c.type_, c.status));
        }
    }
    volumes(&mut w, spec.volumes.as_deref().unwrap_or_default(), "");
    w.write(0, &format!("QoS Class:\t{}\n", qos_class(p)));
    labels_multiline(&mut w, "Node-Selectors", spec.node_selector.as_ref());
    tolerations_multiline(&mut w, "Tolerations", spec.tolerations.as_deref());
    events(&mut w, &ctx.events, ctx.now);
    w.finish()
}

/// qos.GetPodQOS: the status field if set, else computed from cpu/memory requests and limits.
pub(crate) fn qos_class(p: &Pod) -> String {
    if let Some(q) = p
        .status
        .as_ref()
        .and_then(|s| s.qos_class.clone())
        .filter(|q| !q.is_empty())
    {
        return q;
    }
    p.spec.as_ref().map_or("BestEffort", qos::qos_class).to_string()
}
