//! `kubectl describe namespace` (describeNamespace; kubesim has no quotas or limit ranges).

use super::{Writer, annotations_multiline, labels_multiline, rfc1123z_or_zero};
use crate::api::k8s_openapi::api::core::v1::Namespace;
use crate::api::meta;

pub(super) fn describe(ns: &Namespace) -> String {
    let mut w = Writer::default();
    let st = ns.status.clone().unwrap_or_default();
    w.write(0, &format!("Name:\t{}\n", meta::name(&ns.metadata)));
    labels_multiline(&mut w, "Labels", ns.metadata.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", ns.metadata.annotations.as_ref());
    w.write(0, &format!("Status:\t{}\n", st.phase.as_deref().unwrap_or("")));
    if let Some(conds) = st.conditions.as_deref().filter(|c| !c.is_empty()) {
        w.write(0, "Conditions:\n");
        w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
        w.write(1, "----\t------\t------------------\t------\t-------\n");
        for c in conds {
            w.write(
                1,
                &format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    c.type_,
                    c.status,
                    rfc1123z_or_zero(c.last_transition_time.as_ref()),
                    c.reason.as_deref().unwrap_or(""),
                    c.message.as_deref().unwrap_or("")
                ),
            );
        }
    }
    w.write(0, "\n");
    w.write(0, "No resource quota.\n");
    w.write(0, "\n");
    w.write(0, "No LimitRange resource.\n");
    w.finish()
}
