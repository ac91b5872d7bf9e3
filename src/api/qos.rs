//! A pod's QoS class (`qos.GetPodQOS`) from its containers' cpu and memory requests and limits.

use super::quantity::Quantity;
use kubesim_model::k8s_openapi::api::core::v1::PodSpec;

/// `Guaranteed` when every container (init containers included) limits cpu and memory and
/// requests equal limits (an unset request defaults to the limit), `BestEffort` when none sets
/// either, `Burstable` otherwise.
pub fn qos_class(spec: &PodSpec) -> &'static str {
    let mut any = false;
    let mut guaranteed = true;
    for c in spec.containers.iter().chain(spec.init_containers.iter().flatten()) {
        let r = c.resources.clone().unwrap_or_default();
        let limits = r.limits.unwrap_or_default();
        let requests = r.requests.unwrap_or_default();
        for res in ["cpu", "memory"] {
            let l = limits.get(res).map(|q| q.0.clone());
            let q = requests.get(res).map(|q| q.0.clone()).or(l.clone());
            if l.is_some() || q.is_some() {
                any = true;
            }
            let same = match (&l, &q) {
                (Some(l), Some(q)) => canonical(l) == canonical(q),
                _ => false,
            };
            if !same {
                guaranteed = false;
            }
        }
    }
    if !any {
        "BestEffort"
    } else if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}

fn canonical(s: &str) -> String {
    Quantity::parse(s)
        .map(|q| q.canonical())
        .unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubesim_model::k8s_openapi::api::core::v1::{Container, ResourceRequirements};
    use kubesim_model::k8s_openapi::apimachinery::pkg::api::resource::Quantity as Q;
    use std::collections::BTreeMap;

    fn container(requests: &[(&str, &str)], limits: &[(&str, &str)]) -> Container {
        let map = |v: &[(&str, &str)]| {
            (!v.is_empty()).then(|| {
                v.iter()
                    .map(|(k, q)| (k.to_string(), Q(q.to_string())))
                    .collect::<BTreeMap<_, _>>()
            })
        };
        Container {
            name: "c".into(),
            resources: Some(ResourceRequirements {
                requests: map(requests),
                limits: map(limits),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn spec(containers: Vec<Container>) -> PodSpec {
        PodSpec {
            containers,
            ..Default::default()
        }
    }

    #[test]
    fn classes_follow_get_pod_qos() {
        assert_eq!(qos_class(&spec(vec![container(&[], &[])])), "BestEffort");
        // Limits alone: requests default to them, and 1 CPU equals 1000m.
        let g = container(&[("cpu", "1000m")], &[("cpu", "1"), ("memory", "64Mi")]);
        assert_eq!(qos_class(&spec(vec![g.clone()])), "Guaranteed");
        assert_eq!(qos_class(&spec(vec![container(&[("cpu", "100m")], &[])])), "Burstable");
        // One container short of a memory limit makes the pod Burstable.
        assert_eq!(qos_class(&spec(vec![g, container(&[], &[("cpu", "1")])])), "Burstable");
    }
}
