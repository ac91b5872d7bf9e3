//! API-server validation with its field paths and messages (`pkg/apis/*/validation`): names,
//! labels, selectors that must match templates, ranges, strategies and immutable fields.

use super::error::{Error, FieldError};
use super::names;
use super::selector::label_selector_matches;
use kubesim_model::k8s_openapi::api::core::v1::{PodSpec, PodTemplateSpec};
use kubesim_model::k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use kubesim_model::k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use kubesim_model::{Kind, Object};
use std::collections::BTreeMap;

/// Validates a new object (`old` is None) or an update of `old`.
pub fn validate(obj: &Object, old: Option<&Object>) -> Result<(), Error> {
    let mut errs = Vec::new();
    let kind = obj.kind();
    meta(kind, obj.meta(), &mut errs);
    match obj {
        Object::Deployment(d) => {
            if let Some(s) = &d.spec {
                replicas(s.replicas, "spec.replicas", &mut errs);
                selector_and_template(Some(&s.selector), Some(&s.template), "deployment", &mut errs);
                if let Some(st) = &s.strategy {
                    strategy(st, &mut errs);
                }
                non_negative(s.min_ready_seconds.map(i64::from), "spec.minReadySeconds", &mut errs);
                non_negative(
                    s.revision_history_limit.map(i64::from),
                    "spec.revisionHistoryLimit",
                    &mut errs,
                );
                if let (Some(p), m) = (s.progress_deadline_seconds, s.min_ready_seconds.unwrap_or(0))
                    && p <= m
                {
                    errs.push(FieldError::invalid(
                        "spec.progressDeadlineSeconds",
                        p,
                        "must be greater than minReadySeconds",
                    ));
                }
            } else {
                errs.push(FieldError::required("spec"));
            }
        }
        Object::ReplicaSet(r) => {
            if let Some(s) = &r.spec {
                replicas(s.replicas, "spec.replicas", &mut errs);
                selector_and_template(Some(&s.selector), s.template.as_ref(), "replicaset", &mut errs);
            }
        }
        Object::ReplicationController(r) => {
            if let Some(s) = &r.spec {
                replicas(s.replicas, "spec.replicas", &mut errs);
                let sel = s.selector.clone().unwrap_or_default();
                if sel.is_empty() {
                    errs.push(FieldError::required("spec.selector"));
                } else if let Some(t) = &s.template {
                    let labels = t.metadata.as_ref().and_then(|m| m.labels.clone()).unwrap_or_default();
                    if !sel.iter().all(|(k, v)| labels.get(k) == Some(v)) {
                        errs.push(FieldError::invalid(
                            "spec.template.metadata.labels",
                            go_map(&labels),
                            "`selector` does not match template `labels`",
                        ));
                    }
                    pod_template(t, "spec.template", true, &mut errs);
                } else {
                    errs.push(FieldError::required("spec.template"));
                }
            }
        }
        Object::StatefulSet(s) => {
            if let Some(s) = &s.spec {
                replicas(s.replicas, "spec.replicas", &mut errs);
                selector_and_template(Some(&s.selector), Some(&s.template), "statefulset", &mut errs);
            }
        }
        Object::DaemonSet(d) => {
            if let Some(s) = &d.spec {
                selector_and_template(Some(&s.selector), Some(&s.template), "daemonset", &mut errs);
            }
        }
        Object::Job(j) => {
            if let Some(s) = &j.spec {
                non_negative(s.parallelism.map(i64::from), "spec.parallelism", &mut errs);
                non_negative(s.completions.map(i64::from), "spec.completions", &mut errs);
                non_negative(s.backoff_limit.map(i64::from), "spec.backoffLimit", &mut errs);
                if let Some(a) = s.active_deadline_seconds
                    && a <= 0
                {
                    errs.push(FieldError::invalid(
                        "spec.activeDeadlineSeconds",
                        a,
                        "must be greater than 0",
                    ));
                }
                let rp = s
                    .template
                    .spec
                    .as_ref()
                    .and_then(|p| p.restart_policy.as_deref())
                    .unwrap_or("");
                if rp != "Never" && rp != "OnFailure" {
                    errs.push(FieldError::unsupported(
                        "spec.template.spec.restartPolicy",
                        rp,
                        &["OnFailure", "Never"],
                    ));
                }
                pod_template(&s.template, "spec.template", false, &mut errs);
            }
        }
        Object::Pod(p) => match &p.spec {
            Some(spec) => pod_spec(spec, "spec", &mut errs),
            None => errs.push(FieldError::required("spec")),
        },
        Object::Service(s) => {
            if let Some(spec) = &s.spec {
                let t = spec.type_.as_deref().unwrap_or("ClusterIP");
                let headless = spec.cluster_ip.as_deref() == Some("None");
                if spec.ports.as_ref().is_none_or(|p| p.is_empty()) && t != "ExternalName" && !headless {
                    errs.push(FieldError::required("spec.ports"));
                }
                for (i, p) in spec.ports.iter().flatten().enumerate() {
                    if !(1..=65535).contains(&p.port) {
                        errs.push(FieldError::invalid(
                            format!("spec.ports[{i}].port"),
                            p.port,
                            "must be between 1 and 65535, inclusive",
                        ));
                    }
                    if spec.ports.as_ref().is_some_and(|v| v.len() > 1) && p.name.as_deref().unwrap_or("").is_empty() {
                        errs.push(FieldError::required(format!("spec.ports[{i}].name")));
                    }
                }
                if !["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].contains(&t) {
                    errs.push(FieldError::unsupported(
                        "spec.type",
                        t,
                        &["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
                    ));
                }
            }
        }
        Object::HorizontalPodAutoscaler(h) => {
            if let Some(s) = &h.spec {
                if s.max_replicas < 1 {
                    errs.push(FieldError::invalid(
                        "spec.maxReplicas",
                        s.max_replicas,
                        "must be greater than or equal to 1",
                    ));
                }
                if let Some(min) = s.min_replicas {
                    if min < 1 {
                        errs.push(FieldError::invalid(
                            "spec.minReplicas",
                            min,
                            "must be greater than or equal to 1",
                        ));
                    } else if s.max_replicas >= 1 && min > s.max_replicas {
                        errs.push(FieldError::invalid(
                            "spec.maxReplicas",
                            s.max_replicas,
                            "must be greater than or equal to `minReplicas`",
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    if let Some(old) = old {
        immutable(obj, old, &mut errs);
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid(kind, obj.meta().name.as_deref().unwrap_or(""), errs))
    }
}

fn meta(kind: Kind, m: &ObjectMeta, errs: &mut Vec<FieldError>) {
    let name = m.name.as_deref().unwrap_or("");
    if name.is_empty() {
        errs.push(FieldError::required_msg(
            "metadata.name",
            "name or generateName is required",
        ));
    } else {
        let msgs = match kind {
            Kind::Service => names::is_dns1035_label(name),
            Kind::Namespace => names::is_dns1123_label(name),
            _ => names::is_dns1123_subdomain(name),
        };
        for msg in msgs {
            errs.push(FieldError::invalid("metadata.name", super::error::go_quote(name), &msg));
        }
    }
    if kind.namespaced()
        && let Some(ns) = m.namespace.as_deref()
    {
        for msg in names::is_dns1123_label(ns) {
            errs.push(FieldError::invalid(
                "metadata.namespace",
                super::error::go_quote(ns),
                &msg,
            ));
        }
    }
    labels(m.labels.as_ref(), "metadata.labels", errs);
    for k in m.annotations.iter().flatten().map(|(k, _)| k) {
        for msg in names::is_qualified_name(&k.to_ascii_lowercase()) {
            errs.push(FieldError::invalid(
                "metadata.annotations",
                super::error::go_quote(k),
                &msg,
            ));
        }
    }
}

fn labels(l: Option<&BTreeMap<String, String>>, path: &str, errs: &mut Vec<FieldError>) {
    for (k, v) in l.into_iter().flatten() {
        for msg in names::is_qualified_name(k) {
            errs.push(FieldError::invalid(path, super::error::go_quote(k), &msg));
        }
        for msg in names::is_valid_label_value(v) {
            errs.push(FieldError::invalid(path, super::error::go_quote(v), &msg));
        }
    }
}

fn replicas(r: Option<i32>, path: &str, errs: &mut Vec<FieldError>) {
    non_negative(r.map(i64::from), path, errs);
}

fn non_negative(v: Option<i64>, path: &str, errs: &mut Vec<FieldError>) {
    if let Some(v) = v
        && v < 0
    {
        errs.push(FieldError::invalid(path, v, "must be greater than or equal to 0"));
    }
}

/// Go's `%#v` of a `map[string]string`.
pub fn go_map(m: &BTreeMap<String, String>) -> String {
    let parts: Vec<String> = m
        .iter()
        .map(|(k, v)| format!("{}:{}", super::error::go_quote(k), super::error::go_quote(v)))
        .collect();
    format!("map[string]string{{{}}}", parts.join(", "))
}

/// Go's `%#v` of a `*metav1.LabelSelector`, as the immutable-selector error prints it.
pub fn go_label_selector(s: &LabelSelector) -> String {
    let ml = match &s.match_labels {
        Some(m) => go_map(m),
        None => "map[string]string(nil)".to_string(),
    };
    let me = match &s.match_expressions {
        None => "[]v1.LabelSelectorRequirement(nil)".to_string(),
        Some(exprs) => {
            let parts: Vec<String> = exprs
                .iter()
                .map(|e| {
                    let values = match &e.values {
                        None => "[]string(nil)".to_string(),
                        Some(v) => format!(
                            "[]string{{{}}}",
                            v.iter()
                                .map(|x| super::error::go_quote(x))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    format!(
                        "v1.LabelSelectorRequirement{{Key:{}, Operator:{}, Values:{values}}}",
                        super::error::go_quote(&e.key),
                        super::error::go_quote(&e.operator)
                    )
                })
                .collect();
            format!("[]v1.LabelSelectorRequirement{{{}}}", parts.join(", "))
        }
    };
    format!("v1.LabelSelector{{MatchLabels:{ml}, MatchExpressions:{me}}}")
}

fn selector_and_template(
    sel: Option<&LabelSelector>,
    t: Option<&PodTemplateSpec>,
    what: &str,
    errs: &mut Vec<FieldError>,
) {
    let empty_sel = sel.is_none_or(|s| {
        s.match_labels.as_ref().is_none_or(|m| m.is_empty())
            && s.match_expressions.as_ref().is_none_or(|m| m.is_empty())
    });
    if empty_sel {
        match sel {
            Some(s) if s.match_labels.is_some() || s.match_expressions.is_some() => errs.push(FieldError::invalid(
                "spec.selector",
                go_label_selector(s),
                &format!("empty selector is invalid for {what}"),
            )),
            _ => errs.push(FieldError::required("spec.selector")),
        }
    }
    let Some(t) = t else {
        errs.push(FieldError::required("spec.template"));
        return;
    };
    let tl = t.metadata.as_ref().and_then(|m| m.labels.clone()).unwrap_or_default();
    let matches = match sel {
        Some(s) if !empty_sel => label_selector_matches(s, &tl),
        _ => false,
    };
    if !matches {
        errs.push(FieldError::invalid(
            "spec.template.metadata.labels",
            go_map(&tl),
            "`selector` does not match template `labels`",
        ));
    }
    pod_template(t, "spec.template", what != "job", errs);
}

fn pod_template(t: &PodTemplateSpec, path: &str, always: bool, errs: &mut Vec<FieldError>) {
    if let Some(m) = &t.metadata {
        labels(m.labels.as_ref(), &format!("{path}.metadata.labels"), errs);
    }
    match &t.spec {
        Some(spec) => {
            if always {
                let rp = spec.restart_policy.as_deref().unwrap_or("Always");
                if rp != "Always" {
                    errs.push(FieldError::unsupported(
                        format!("{path}.spec.restartPolicy"),
                        rp,
                        &["Always"],
                    ));
                }
            }
            pod_spec(spec, &format!("{path}.spec"), errs);
        }
        None => errs.push(FieldError::required(format!("{path}.spec.containers"))),
    }
}

fn pod_spec(spec: &PodSpec, path: &str, errs: &mut Vec<FieldError>) {
    if spec.containers.is_empty() {
        errs.push(FieldError::required(format!("{path}.containers")));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, c) in spec.containers.iter().enumerate() {
        let p = format!("{path}.containers[{i}]");
        if c.name.is_empty() {
            errs.push(FieldError::required(format!("{p}.name")));
        } else {
            for msg in names::is_dns1123_label(&c.name) {
                errs.push(FieldError::invalid(
                    format!("{p}.name"),
                    super::error::go_quote(&c.name),
                    &msg,
                ));
            }
            if !seen.insert(c.name.clone()) {
                errs.push(FieldError::duplicate(format!("{p}.name"), &c.name));
            }
        }
        if c.image.as_deref().is_none_or(|s| s.trim().is_empty()) {
            errs.push(FieldError::required(format!("{p}.image")));
        }
        for (j, port) in c.ports.iter().flatten().enumerate() {
            if !(1..=65535).contains(&port.container_port) {
                errs.push(FieldError::invalid(
                    format!("{p}.ports[{j}].containerPort"),
                    port.container_port,
                    "must be between 1 and 65535, inclusive",
                ));
            }
        }
    }
    if let Some(rp) = spec.restart_policy.as_deref()
        && !["Always", "OnFailure", "Never"].contains(&rp)
    {
        errs.push(FieldError::unsupported(
            format!("{path}.restartPolicy"),
            rp,
            &["Always", "OnFailure", "Never"],
        ));
    }
}

fn strategy(st: &kubesim_model::k8s_openapi::api::apps::v1::DeploymentStrategy, errs: &mut Vec<FieldError>) {
    let t = st.type_.as_deref().unwrap_or("RollingUpdate");
    match t {
        "Recreate" => {
            if st.rolling_update.is_some() {
                errs.push(FieldError::forbidden(
                    "spec.strategy.rollingUpdate",
                    "may not be specified when strategy `type` is 'Recreate'",
                ));
            }
        }
        "RollingUpdate" => {
            let Some(ru) = &st.rolling_update else { return };
            let surge = ru.max_surge.as_ref();
            let unavail = ru.max_unavailable.as_ref();
            int_or_percent(surge, "spec.strategy.rollingUpdate.maxSurge", errs);
            int_or_percent(unavail, "spec.strategy.rollingUpdate.maxUnavailable", errs);
            if let Some(IntOrString::String(s)) = unavail
                && let Some(p) = percent(s)
                && p > 100
            {
                errs.push(FieldError::invalid(
                    "spec.strategy.rollingUpdate.maxUnavailable",
                    super::error::go_quote(s),
                    "must not be greater than 100%",
                ));
            }
            if is_zero(surge) && is_zero(unavail) {
                errs.push(FieldError::invalid(
                    "spec.strategy.rollingUpdate.maxUnavailable",
                    go_int_or_string(unavail),
                    "may not be 0 when `maxSurge` is 0",
                ));
            }
        }
        other => errs.push(FieldError::unsupported(
            "spec.strategy.type",
            other,
            &["Recreate", "RollingUpdate"],
        )),
    }
}

fn percent(s: &str) -> Option<i64> {
    s.strip_suffix('%')?.parse().ok()
}

fn is_zero(v: Option<&IntOrString>) -> bool {
    match v {
        None => true,
        Some(IntOrString::Int(i)) => *i == 0,
        Some(IntOrString::String(s)) => percent(s) == Some(0),
    }
}

/// Go's `%#v` of an `intstr.IntOrString`.
pub fn go_int_or_string(v: Option<&IntOrString>) -> String {
    match v {
        None | Some(IntOrString::Int(_)) => {
            let i = match v {
                Some(IntOrString::Int(i)) => *i,
                _ => 0,
            };
            format!("intstr.IntOrString{{Type:0, IntVal:{i}, StrVal:\"\"}}")
        }
        Some(IntOrString::String(s)) => {
            format!(
                "intstr.IntOrString{{Type:1, IntVal:0, StrVal:{}}}",
                super::error::go_quote(s)
            )
        }
    }
}

fn int_or_percent(v: Option<&IntOrString>, path: &str, errs: &mut Vec<FieldError>) {
    match v {
        Some(IntOrString::Int(i)) if *i < 0 => {
            errs.push(FieldError::invalid(path, i, "must be greater than or equal to 0"))
        }
        Some(IntOrString::String(s)) => match percent(s) {
            None => errs.push(FieldError::invalid(
                path,
                super::error::go_quote(s),
                "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
            )),
            Some(p) if p < 0 => errs.push(FieldError::invalid(path, super::error::go_quote(s), "must be greater than or equal to 0")),
            _ => {}
        },
        _ => {}
    }
}

/// ValidatePodUpdate's fields a pod update may change; anything else is Forbidden.
pub const POD_UPDATABLE: &str = "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/// ValidatePodUpdate: the spec with its updatable fields taken from the old one must equal the
/// old spec (scheduling gates may only be removed). The API server appends a cmp.Diff of the two
/// specs to the message; kubesim does not reproduce that diff.
fn pod_update(new: &PodSpec, old: &PodSpec, errs: &mut Vec<FieldError>) {
    let mut munged = new.clone();
    for (m, o) in munged.containers.iter_mut().zip(&old.containers) {
        m.image.clone_from(&o.image);
    }
    for (m, o) in munged
        .init_containers
        .iter_mut()
        .flatten()
        .zip(old.init_containers.iter().flatten())
    {
        m.image.clone_from(&o.image);
    }
    munged.active_deadline_seconds = old.active_deadline_seconds;
    let old_tolerations = old.tolerations.as_deref().unwrap_or_default();
    if old_tolerations
        .iter()
        .all(|t| munged.tolerations.iter().flatten().any(|n| n == t))
    {
        munged.tolerations.clone_from(&old.tolerations);
    }
    if old.termination_grace_period_seconds.is_some_and(|g| g < 0) && new.termination_grace_period_seconds == Some(1) {
        munged.termination_grace_period_seconds = old.termination_grace_period_seconds;
    }
    let old_gates = old.scheduling_gates.as_deref().unwrap_or_default();
    if munged.scheduling_gates.iter().flatten().all(|g| old_gates.contains(g)) {
        munged.scheduling_gates.clone_from(&old.scheduling_gates);
    }
    // A pod still gated may gain node selector terms and node affinity (mutable scheduling
    // directives).
    if !old_gates.is_empty() {
        let old_selector = old.node_selector.clone().unwrap_or_default();
        let new_selector = munged.node_selector.clone().unwrap_or_default();
        if old_selector.iter().all(|(k, v)| new_selector.get(k) == Some(v)) {
            munged.node_selector.clone_from(&old.node_selector);
        }
        munged.affinity.clone_from(&old.affinity);
    }
    if munged != *old {
        errs.push(FieldError::forbidden(
            "spec",
            &format!("pod updates may not change fields other than {POD_UPDATABLE}"),
        ));
    }
}

fn immutable(obj: &Object, old: &Object, errs: &mut Vec<FieldError>) {
    if let (Object::Pod(n), Object::Pod(o)) = (obj, old)
        && let (Some(ns), Some(os)) = (&n.spec, &o.spec)
    {
        pod_update(ns, os, errs);
    }
    let (new_sel, old_sel) = match (obj, old) {
        (Object::Deployment(n), Object::Deployment(o)) => (
            n.spec.as_ref().map(|s| &s.selector),
            o.spec.as_ref().map(|s| &s.selector),
        ),
        (Object::ReplicaSet(n), Object::ReplicaSet(o)) => (
            n.spec.as_ref().map(|s| &s.selector),
            o.spec.as_ref().map(|s| &s.selector),
        ),
        (Object::StatefulSet(n), Object::StatefulSet(o)) => (
            n.spec.as_ref().map(|s| &s.selector),
            o.spec.as_ref().map(|s| &s.selector),
        ),
        (Object::DaemonSet(n), Object::DaemonSet(o)) => (
            n.spec.as_ref().map(|s| &s.selector),
            o.spec.as_ref().map(|s| &s.selector),
        ),
        _ => (None, None),
    };
    if let (Some(n), Some(o)) = (new_sel, old_sel)
        && n != o
    {
        errs.push(FieldError::invalid(
            "spec.selector",
            go_label_selector(n),
            "field is immutable",
        ));
    }
}
