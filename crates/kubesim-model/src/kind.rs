//! The kind registry: group, version, plural, short names, scope and categories of every kind.

/// Every kind kubesim stores. The order is the `get all` discovery order first, then the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Pod,
    ReplicationController,
    Service,
    DaemonSet,
    Deployment,
    ReplicaSet,
    StatefulSet,
    HorizontalPodAutoscaler,
    CronJob,
    Job,
    Endpoints,
    Node,
    Namespace,
    ConfigMap,
    Secret,
    Event,
    PersistentVolumeClaim,
    PersistentVolume,
    ControllerRevision,
    PodDisruptionBudget,
    StorageClass,
    VerticalPodAutoscaler,
    PodBehavior,
    NodeGroup,
}

/// Static facts about a kind, as API discovery reports them.
#[derive(Debug)]
pub struct KindInfo {
    pub kind: Kind,
    pub name: &'static str,
    pub group: &'static str,
    pub version: &'static str,
    pub plural: &'static str,
    pub short_names: &'static [&'static str],
    pub namespaced: bool,
    /// Member of the `all` category (`kubectl get all`).
    pub in_all: bool,
    /// The API server maintains `metadata.generation` for this kind.
    pub has_generation: bool,
}

macro_rules! info {
    ($k:ident, $group:expr, $version:expr, $plural:expr, [$($short:expr),*], $ns:expr, $all:expr, $gen:expr) => {
        KindInfo {
            kind: Kind::$k,
            name: stringify!($k),
            group: $group,
            version: $version,
            plural: $plural,
            short_names: &[$($short),*],
            namespaced: $ns,
            in_all: $all,
            has_generation: $gen,
        }
    };
}

static KINDS: [KindInfo; 24] = [
    info!(Pod, "", "v1", "pods", ["po"], true, true, false),
    info!(
        ReplicationController,
        "",
        "v1",
        "replicationcontrollers",
        ["rc"],
        true,
        true,
        true
    ),
    info!(Service, "", "v1", "services", ["svc"], true, true, false),
    info!(DaemonSet, "apps", "v1", "daemonsets", ["ds"], true, true, true),
    info!(Deployment, "apps", "v1", "deployments", ["deploy"], true, true, true),
    info!(ReplicaSet, "apps", "v1", "replicasets", ["rs"], true, true, true),
    info!(StatefulSet, "apps", "v1", "statefulsets", ["sts"], true, true, true),
    info!(
        HorizontalPodAutoscaler,
        "autoscaling",
        "v2",
        "horizontalpodautoscalers",
        ["hpa"],
        true,
        true,
        true
    ),
    info!(CronJob, "batch", "v1", "cronjobs", ["cj"], true, true, true),
    info!(Job, "batch", "v1", "jobs", [], true, true, true),
    info!(Endpoints, "", "v1", "endpoints", ["ep"], true, false, false),
    info!(Node, "", "v1", "nodes", ["no"], false, false, false),
    info!(Namespace, "", "v1", "namespaces", ["ns"], false, false, false),
    info!(ConfigMap, "", "v1", "configmaps", ["cm"], true, false, false),
    info!(Secret, "", "v1", "secrets", [], true, false, false),
    info!(Event, "", "v1", "events", ["ev"], true, false, false),
    info!(
        PersistentVolumeClaim,
        "",
        "v1",
        "persistentvolumeclaims",
        ["pvc"],
        true,
        false,
        false
    ),
    info!(
        PersistentVolume,
        "",
        "v1",
        "persistentvolumes",
        ["pv"],
        false,
        false,
        false
    ),
    info!(
        ControllerRevision,
        "apps",
        "v1",
        "controllerrevisions",
        [],
        true,
        false,
        false
    ),
    info!(
        PodDisruptionBudget,
        "policy",
        "v1",
        "poddisruptionbudgets",
        ["pdb"],
        true,
        false,
        true
    ),
    info!(
        StorageClass,
        "storage.k8s.io",
        "v1",
        "storageclasses",
        ["sc"],
        false,
        false,
        false
    ),
    info!(
        VerticalPodAutoscaler,
        "autoscaling.k8s.io",
        "v1",
        "verticalpodautoscalers",
        ["vpa"],
        true,
        false,
        true
    ),
    info!(
        PodBehavior,
        "sim.kubesim.io",
        "v1alpha1",
        "podbehaviors",
        ["pbh"],
        true,
        false,
        true
    ),
    info!(
        NodeGroup,
        "sim.kubesim.io",
        "v1alpha1",
        "nodegroups",
        ["ng"],
        false,
        false,
        true
    ),
];

impl Kind {
    /// Every kind, in registry order.
    pub fn all() -> impl Iterator<Item = Kind> {
        KINDS.iter().map(|i| i.kind)
    }

    pub fn info(self) -> &'static KindInfo {
        &KINDS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn plural(self) -> &'static str {
        self.info().plural
    }

    pub fn group(self) -> &'static str {
        self.info().group
    }

    pub fn namespaced(self) -> bool {
        self.info().namespaced
    }

    /// `apps/v1`, or `v1` for the core group.
    pub fn api_version(self) -> String {
        let i = self.info();
        if i.group.is_empty() {
            i.version.to_string()
        } else {
            format!("{}/{}", i.group, i.version)
        }
    }

    /// `deployments.apps`, or `pods` for the core group: how API errors name the resource.
    pub fn resource(self) -> String {
        let i = self.info();
        if i.group.is_empty() {
            i.plural.to_string()
        } else {
            format!("{}.{}", i.plural, i.group)
        }
    }

    /// `deployment.apps`, or `pod` for the core group: the prefix of `-o name` and verb output.
    pub fn singular_qualified(self) -> String {
        let i = self.info();
        let lower = i.name.to_ascii_lowercase();
        if i.group.is_empty() {
            lower
        } else {
            format!("{lower}.{}", i.group)
        }
    }

    /// `Deployment.apps`, or `Pod`: the GroupKind string kubectl prints in some errors.
    pub fn group_kind(self) -> String {
        let i = self.info();
        if i.group.is_empty() {
            i.name.to_string()
        } else {
            format!("{}.{}", i.name, i.group)
        }
    }

    /// Resolves what a user typed as a resource type: plural, singular, short name, kind, or any
    /// of them qualified by group (`deployments.apps`, `deploy`, `Deployment`).
    pub fn resolve(input: &str) -> Option<Kind> {
        let lower = input.to_ascii_lowercase();
        let (name, group) = match lower.split_once('.') {
            Some((n, g)) => (n.to_string(), Some(g.to_string())),
            None => (lower.clone(), None),
        };
        KINDS
            .iter()
            .find(|i| {
                let matches_name =
                    i.plural == name || i.name.to_ascii_lowercase() == name || i.short_names.contains(&name.as_str());
                let matches_group = match &group {
                    None => true,
                    Some(g) => {
                        i.group == g
                            || (!i.group.is_empty() && i.group.starts_with(&format!("{g}.")))
                            || format!("{}.{}", i.version, i.group) == *g
                            || (i.group.is_empty() && g == i.version)
                    }
                };
                matches_name && matches_group
            })
            .map(|i| i.kind)
    }

    /// Finds the kind of a manifest from its `apiVersion` and `kind`.
    pub fn from_type_meta(api_version: &str, kind: &str) -> Option<Kind> {
        let (group, version) = match api_version.split_once('/') {
            Some((g, v)) => (g, v),
            None => ("", api_version),
        };
        KINDS
            .iter()
            .find(|i| i.name == kind && i.group == group && accepts_version(i, version))
            .map(|i| i.kind)
    }
}

/// Versions accepted on input besides the stored one (HPA autoscaling/v1 is converted to v2).
fn accepts_version(info: &KindInfo, version: &str) -> bool {
    info.version == version || (info.kind == Kind::HorizontalPodAutoscaler && version == "v1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_order_matches_enum() {
        for (i, info) in KINDS.iter().enumerate() {
            assert_eq!(info.kind as usize, i, "{}", info.name);
        }
    }

    #[test]
    fn resolves_names() {
        assert_eq!(Kind::resolve("deploy"), Some(Kind::Deployment));
        assert_eq!(Kind::resolve("deployments.apps"), Some(Kind::Deployment));
        assert_eq!(Kind::resolve("Pod"), Some(Kind::Pod));
        assert_eq!(Kind::resolve("po"), Some(Kind::Pod));
        assert_eq!(Kind::resolve("hpa"), Some(Kind::HorizontalPodAutoscaler));
        assert_eq!(Kind::resolve("foo"), None);
        assert_eq!(Kind::from_type_meta("apps/v1", "ReplicaSet"), Some(Kind::ReplicaSet));
        assert_eq!(Kind::from_type_meta("apps/v1beta1", "ReplicaSet"), None);
        assert_eq!(Kind::Deployment.resource(), "deployments.apps");
        assert_eq!(Kind::Pod.singular_qualified(), "pod");
    }
}
