//! `get --field-selector`: the field labels each kind's API accepts, their values, and the server's errors.

use crate::api::error::go_quote;
use crate::api::selector::FieldSelector;
use crate::api::{Error, Kind, Object, Reason};
use serde_json::Value;

/// A parsed `--field-selector`, checked against the fields the API server supports for a kind.
pub(super) struct FieldFilter {
    selector: FieldSelector,
}

impl FieldFilter {
    pub(super) fn matches(&self, kind: Kind, o: &Object) -> bool {
        let v = o.to_value();
        self.selector.matches(|f| field_value(kind, &v, f))
    }
}

/// `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match ...`
/// (kubectl wraps the server's BadRequest message with the request it made).
pub(super) fn selector_error(kind: Kind, label_selector: &str, field_selector: &str, message: &str) -> Error {
    let i = kind.info();
    let gvr = format!("{}/{}, Resource={}", i.group, i.version, i.plural);
    Error::Status {
        reason: Reason::BadRequest,
        message: format!(
            "Unable to find {} that match label selector {}, field selector {}: {message}",
            go_quote(&gvr),
            go_quote(label_selector),
            go_quote(field_selector)
        ),
        context: String::new(),
    }
}

pub(super) fn field_filter(kind: Kind, s: &str) -> Result<FieldFilter, String> {
    let selector = FieldSelector::parse(s)?;
    for t in selector.requirements() {
        check_field_label(kind, &t.field)?;
    }
    Ok(FieldFilter { selector })
}

/// The field labels each kind's API accepts (the scheme's field label conversion functions),
/// with the server's error for anything else.
fn check_field_label(kind: Kind, label: &str) -> Result<(), String> {
    let extra: &[&str] = match kind {
        Kind::Pod => &[
            "metadata.namespace",
            "spec.nodeName",
            "spec.restartPolicy",
            "spec.schedulerName",
            "spec.serviceAccountName",
            "spec.hostNetwork",
            "status.phase",
            "status.podIP",
            "status.podIPs",
            "status.nominatedNodeName",
            "spec.host",
        ],
        Kind::Node => &["spec.unschedulable"],
        Kind::ReplicationController | Kind::ReplicaSet => &["metadata.namespace", "status.replicas"],
        Kind::Event => &[
            "involvedObject.kind",
            "involvedObject.namespace",
            "involvedObject.name",
            "involvedObject.uid",
            "involvedObject.apiVersion",
            "involvedObject.resourceVersion",
            "involvedObject.fieldPath",
            "reason",
            "reportingComponent",
            "source",
            "type",
            "metadata.namespace",
        ],
        Kind::Namespace => &["status.phase"],
        Kind::Secret => &["type", "metadata.namespace"],
        Kind::Service => &["metadata.namespace", "spec.clusterIP", "spec.type"],
        Kind::Job | Kind::StatefulSet => &["metadata.namespace", "status.successful"],
        _ => {
            return match label {
                "metadata.name" | "metadata.namespace" => Ok(()),
                _ => Err(format!(
                    "{} is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                    go_quote(label)
                )),
            };
        }
    };
    if label == "metadata.name" || extra.contains(&label) {
        return Ok(());
    }
    Err(match kind {
        Kind::Job => format!("field label {} not supported for batchv1.Job", go_quote(label)),
        Kind::StatefulSet => format!("field label not supported for appsv1.StatefulSet: {label}"),
        _ => format!("field label not supported: {label}"),
    })
}

/// The value the API server's selectable field set holds for `field` (`""` when unset, as Go's
/// zero values print).
fn field_value(kind: Kind, v: &Value, field: &str) -> Option<String> {
    let text = |ptr: &str| match v.pointer(ptr) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let or = |ptr: &str, default: &str| {
        let t = text(ptr);
        if t.is_empty() { default.to_string() } else { t }
    };
    let value = match (kind, field) {
        (_, "metadata.name") => text("/metadata/name"),
        (_, "metadata.namespace") => text("/metadata/namespace"),
        (Kind::Pod, "spec.nodeName" | "spec.host") => text("/spec/nodeName"),
        (Kind::Pod, "spec.hostNetwork") => or("/spec/hostNetwork", "false"),
        (Kind::Pod, "status.podIPs") => text("/status/podIP"),
        (Kind::Node, "spec.unschedulable") => or("/spec/unschedulable", "false"),
        (Kind::ReplicaSet | Kind::ReplicationController, "status.replicas") => or("/status/replicas", "0"),
        (Kind::Job, "status.successful") => or("/status/succeeded", "0"),
        (Kind::Event, "source") => text("/source/component"),
        (_, f) => text(&format!("/{}", f.replace('.', "/"))),
    };
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_labels_follow_the_api_server() {
        assert!(check_field_label(Kind::Pod, "spec.nodeName").is_ok());
        assert_eq!(
            check_field_label(Kind::Pod, "spec.foo").unwrap_err(),
            "field label not supported: spec.foo"
        );
        assert!(check_field_label(Kind::Deployment, "metadata.namespace").is_ok());
        assert_eq!(
            check_field_label(Kind::Deployment, "spec.replicas").unwrap_err(),
            "\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
        );
        assert_eq!(
            check_field_label(Kind::Node, "metadata.namespace").unwrap_err(),
            "field label not supported: metadata.namespace"
        );
    }
}
