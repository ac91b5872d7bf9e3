//! The `create <generator>` and `run` object builders: the objects kubectl's generators build,
//! as ordered values so that `-o json` keeps Go's struct field order (kubectl prints typed
//! objects with `encoding/json`; its YAML printer sorts keys, so YAML goes through
//! `serde_json::Value`), and their admission into the World.

mod data;
mod ordered;
mod service;
mod workloads;

pub use data::{DataSources, base64, configmap, list_local, read_local, secret_generic};
pub use ordered::O;
pub use service::{ServiceOpts, service};
pub use workloads::{
    ContainerSpec, DeploymentOpts, RunOpts, container_name_for_image, cronjob, deployment, job, run_pod,
};

use crate::api::{Error, Kind, ObjKey, Object, Result, decode_value, defaults, validation};
use crate::world::World;
use ordered::{empty, map, s, string_map};
use serde_json::Value;

/// What a generator built.
#[derive(Clone, Debug)]
pub struct Generated {
    pub kind: Kind,
    pub name: String,
    pub value: O,
}

impl Generated {
    fn new(kind: Kind, name: &str, body: Vec<(&str, O)>) -> Self {
        let mut pairs = vec![("kind", s(kind.name())), ("apiVersion", s(kind.api_version()))];
        pairs.extend(body);
        Generated {
            kind,
            name: name.to_string(),
            value: map(pairs),
        }
    }
}

/// ObjectMeta in Go field order: name, namespace, creationTimestamp, labels, annotations.
fn object_meta(
    name: Option<&str>,
    ns: Option<&str>,
    labels: &[(String, String)],
    annotations: &[(String, String)],
) -> O {
    let mut m = Vec::new();
    if let Some(n) = name {
        m.push(("name", s(n)));
    }
    if let Some(ns) = ns.filter(|n| !n.is_empty()) {
        m.push(("namespace", s(ns)));
    }
    m.push(("creationTimestamp", O::Null));
    if !labels.is_empty() {
        m.push(("labels", string_map(labels)));
    }
    if !annotations.is_empty() {
        m.push(("annotations", string_map(annotations)));
    }
    map(m)
}

/// `kubectl create namespace NAME`.
pub fn namespace(name: &str) -> Generated {
    Generated::new(
        Kind::Namespace,
        name,
        vec![
            ("metadata", object_meta(Some(name), None, &[], &[])),
            ("spec", empty()),
            ("status", empty()),
        ],
    )
}

/// Whether a server-side create would be a client dry run, server dry run or real.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Server,
    Real,
}

/// Admits a generated object as the API server would (namespace, defaulting, validation, name
/// uniqueness) and stores it unless `mode` is a server dry run. Returns the admitted object.
pub fn admit(world: &mut World, g: &Generated, namespace: &str, mode: Mode) -> Result<Object> {
    let mut v = g.value.to_value();
    if g.kind.namespaced()
        && let Some(m) = v.get_mut("metadata").and_then(Value::as_object_mut)
    {
        m.entry("namespace")
            .or_insert_with(|| Value::String(namespace.to_string()));
    }
    let (mut obj, _) =
        decode_value(g.kind, v).map_err(|e| Error::msg(format!("error decoding {}: {e}", g.kind.name())))?;
    defaults::apply_defaults(&mut obj);
    validation::validate(&obj, None)?;
    let key = ObjKey::of(obj.meta());
    if world.get_obj(g.kind, &key).is_some() {
        return Err(Error::already_exists(g.kind, &g.name));
    }
    if mode == Mode::Server {
        return Ok(obj);
    }
    world.create(obj)?;
    world
        .get_obj(g.kind, &key)
        .cloned()
        .ok_or_else(|| Error::not_found(g.kind, &g.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_field_order() {
        let g = namespace("n");
        assert_eq!(
            g.value.to_json(),
            "{\n    \"kind\": \"Namespace\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"n\",\n        \"creationTimestamp\": null\n    },\n    \"spec\": {},\n    \"status\": {}\n}\n"
        );
    }
}
