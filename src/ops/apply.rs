//! `apply` and `create -f`: kubectl's client-side apply with the last-applied-configuration
//! three-way merge, admission (defaulting, validation) and created/configured/unchanged results.

use super::import;
use super::manifest::Doc;
use crate::api::{Error, Kind, ObjKey, Object, Result, decode_value, defaults, meta, validation};
use crate::world::World;
use serde_json::{Map, Value};

pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DryRun {
    None,
    Client,
    Server,
}

#[derive(Clone, Debug)]
pub struct Options {
    /// The namespace for objects that name none (`-n` or the context's).
    pub namespace: String,
    /// `-n` was given explicitly: a manifest naming another namespace is an error.
    pub explicit_namespace: bool,
    pub dry_run: DryRun,
    /// `create -f`: an existing object is an AlreadyExists error.
    pub create_only: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Configured,
    Unchanged,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Created => "created",
            Outcome::Configured => "configured",
            Outcome::Unchanged => "unchanged",
        }
    }
}

/// One object's result, with the object as the API returns it (`-o yaml`): the stored object
/// (before any controller acts on it); for a client dry run, the object kubectl would send.
#[derive(Clone, Debug)]
pub struct Applied {
    pub kind: Kind,
    pub name: String,
    pub outcome: Outcome,
    pub object: Object,
}

/// Applies every document; failures are collected and the rest carry on, as kubectl does.
pub fn apply(world: &mut World, docs: Vec<Doc>, o: &Options, warnings: &mut Vec<String>) -> (Vec<Applied>, Vec<Error>) {
    let mut done = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = 0;
    for mut d in docs {
        if import::owned_by_a_controller(&d.value) {
            skipped += 1;
            continue;
        }
        import::drop_server_fields(&mut d.value);
        match apply_one(world, d, o, warnings) {
            Ok(a) => done.push(a),
            Err(e) => errors.push(e),
        }
    }
    if skipped > 0 {
        warnings.push(format!(
            "kubesim: skipped {skipped} object(s) owned by a controller in the input; their controllers recreate them"
        ));
    }
    (done, errors)
}

fn resolve_kind(d: &Doc) -> Result<Kind> {
    let av = d.value["apiVersion"].as_str().unwrap_or("");
    let k = d.value["kind"].as_str().unwrap_or("");
    Kind::from_type_meta(av, k).ok_or_else(|| {
        let name = d.value["metadata"]["name"].as_str().unwrap_or("");
        let ns = d.value["metadata"]["namespace"].as_str().unwrap_or("");
        let (group, version) = av.split_once('/').map_or(("", av), |(g, v)| (g, v));
        let gv = if group.is_empty() { version.to_string() } else { format!("{group}/{version}") };
        Error::msg(format!(
            "resource mapping not found for name: \"{name}\" namespace: \"{ns}\" from \"{}\": no matches for kind \"{k}\" in version \"{gv}\"\nensure CRDs are installed first",
            d.source
        ))
    })
}

fn apply_one(world: &mut World, d: Doc, o: &Options, warnings: &mut Vec<String>) -> Result<Applied> {
    let kind = resolve_kind(&d)?;
    let mut value = d.value;
    let md = value.as_object_mut().and_then(|m| {
        m.entry("metadata").or_insert_with(|| Value::Object(Map::new()));
        m.get_mut("metadata")?.as_object_mut()
    });
    let Some(md) = md else {
        return Err(Error::msg(format!(
            "error validating \"{}\": metadata must be an object",
            d.source
        )));
    };
    if kind.namespaced() {
        let ns = md.get("namespace").and_then(Value::as_str).map(str::to_string);
        match ns {
            Some(ns) if o.explicit_namespace && ns != o.namespace => {
                return Err(Error::msg(format!(
                    "the namespace from the provided object \"{ns}\" does not match the namespace \"{}\". You must pass '--namespace={ns}' to perform this operation.",
                    o.namespace
                )));
            }
            Some(_) => {}
            None => {
                md.insert("namespace".into(), Value::String(o.namespace.clone()));
            }
        }
    } else {
        md.remove("namespace");
    }
    // The configuration as the user wrote it, which becomes the last-applied annotation.
    if let Some(Value::Object(a)) = md.get_mut("annotations") {
        a.remove(LAST_APPLIED);
    }
    if md
        .get("annotations")
        .is_some_and(|a| a.as_object().is_some_and(Map::is_empty))
    {
        md.remove("annotations");
    }
    let mut modified = value.clone();
    if !o.create_only {
        set_last_applied(&mut modified);
    }
    let (obj, unknown) = decode(kind, modified.clone())?;
    for f in unknown {
        let w = format!("Warning: unknown field \"{f}\"");
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    }
    let key = ObjKey::of(obj.meta());
    let existing = world.get_obj(kind, &key).cloned();
    let name = key.name.clone();
    let Some(current) = existing else {
        let sent = obj.clone();
        let mut obj = obj;
        defaults::apply_defaults(&mut obj);
        validation::validate(&obj, None)?;
        let object = match o.dry_run {
            DryRun::None => {
                let key = world.create(obj)?;
                world.get_obj(kind, &key).cloned().unwrap_or(sent)
            }
            // The server runs admission and returns the object without storing it.
            DryRun::Server => {
                let key = world.create(obj)?;
                let mut created = world.remove(kind, &key).unwrap_or(sent);
                // Nothing was stored, so there is no resourceVersion.
                created.meta_mut().resource_version = None;
                created
            }
            DryRun::Client => sent,
        };
        return Ok(Applied {
            kind,
            name,
            outcome: Outcome::Created,
            object,
        });
    };
    if o.create_only {
        return Err(Error::already_exists(kind, &name).with_context(format!("error when creating \"{}\": ", d.source)));
    }
    let mut live = current.to_value();
    let original: Option<Value> =
        meta::annotation(current.meta(), LAST_APPLIED).and_then(|s| serde_json::from_str(s).ok());
    if original.is_none() {
        warnings.push(format!(
            "Warning: resource {}/{name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.",
            kind.resource()
        ));
    }
    three_way(&mut live, original.as_ref(), &modified);
    let (mut merged, _) = decode(kind, live)?;
    defaults::apply_defaults(&mut merged);
    let mut cmp = merged.clone();
    meta::keep_server_fields(cmp.meta_mut(), current.meta());
    if cmp == current {
        return Ok(Applied {
            kind,
            name,
            outcome: Outcome::Unchanged,
            object: current,
        });
    }
    validation::validate(&merged, Some(&current))?;
    let object = match o.dry_run {
        DryRun::None => {
            world.update(merged);
            world.get_obj(kind, &key).cloned().unwrap_or(cmp)
        }
        DryRun::Server => {
            world.update(merged);
            let mut updated = world.get_obj(kind, &key).cloned().unwrap_or(cmp);
            updated
                .meta_mut()
                .resource_version
                .clone_from(&current.meta().resource_version);
            world.update(current);
            updated
        }
        DryRun::Client => cmp,
    };
    Ok(Applied {
        kind,
        name,
        outcome: Outcome::Configured,
        object,
    })
}

/// kubectl's GetModifiedConfiguration without the annotation (`diff`): the manifest with an
/// annotations map, empty if it has none, and no last-applied annotation in it.
pub fn modified_configuration(manifest: &Value) -> Value {
    let mut config = manifest.clone();
    if let Some(m) = config["metadata"].as_object_mut() {
        let ann = m.entry("annotations").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(a) = ann {
            a.remove(LAST_APPLIED);
        }
    }
    config
}

/// Records the configuration in the last-applied annotation, as GetModifiedConfiguration with
/// `annotate` encodes it: Go's JSON (`<`, `>`, `&` escaped) with a trailing newline.
pub fn set_last_applied(modified: &mut Value) {
    let mut config = go_json(&modified_configuration(modified));
    config.push('\n');
    let ann = modified["metadata"]
        .as_object_mut()
        .map(|m| m.entry("annotations").or_insert_with(|| Value::Object(Map::new())));
    if let Some(Value::Object(a)) = ann {
        a.insert(LAST_APPLIED.into(), Value::String(config));
    }
}

/// encoding/json's compact form: sorted keys (as serde_json's maps) and HTML-safe escapes.
fn go_json(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    // These characters only occur inside JSON strings, where Go escapes them.
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn decode(kind: Kind, v: Value) -> Result<(Object, Vec<String>)> {
    decode_value(kind, v).map_err(|e| Error::msg(format!("error decoding {}: {e}", kind.name())))
}

/// kubectl's three-way merge: fields of `modified` are set, fields the user removed since the
/// last apply (`original`) are deleted, and everything else in `current` is kept. Lists of objects
/// with a strategic merge key (containers by name, ports by port, ...) merge item by item, so that
/// server-set fields such as a Service's nodePort survive; other lists are replaced whole.
pub fn three_way(current: &mut Value, original: Option<&Value>, modified: &Value) {
    let (Value::Object(cur), Value::Object(m)) = (current, modified) else {
        return;
    };
    if let Some(Value::Object(orig)) = original {
        for k in orig.keys() {
            if !m.contains_key(k) {
                cur.remove(k);
            }
        }
    }
    for (k, mv) in m {
        let ov = original.and_then(|o| o.get(k));
        match (cur.get_mut(k), mv) {
            (Some(cv @ Value::Object(_)), Value::Object(_)) => three_way(cv, ov, mv),
            (Some(Value::Array(cl)), Value::Array(ml)) if keyed(k, ml).is_some() && cl.iter().all(Value::is_object) => {
                let key = keyed(k, ml).unwrap_or("name");
                let merged = merge_keyed(cl, ov.and_then(Value::as_array), ml, key);
                *cl = merged;
            }
            _ => {
                cur.insert(k.clone(), mv.clone());
            }
        }
    }
}

fn keyed(field: &str, items: &[Value]) -> Option<&'static str> {
    super::patch::merge_key(field, items).filter(|key| items.iter().all(|i| i.get(key).is_some()))
}

fn merge_keyed(live: &[Value], original: Option<&Vec<Value>>, modified: &[Value], key: &str) -> Vec<Value> {
    let find = |list: &[Value], v: &Value| list.iter().position(|x| x.get(key) == v.get(key));
    let mut out = Vec::new();
    for m in modified {
        let orig = original.and_then(|o| find(o, m).map(|i| &o[i]));
        match find(live, m) {
            Some(i) => {
                let mut item = live[i].clone();
                three_way(&mut item, orig, m);
                out.push(item);
            }
            None => out.push(m.clone()),
        }
    }
    for l in live {
        let in_modified = find(modified, l).is_some();
        let in_original = original.is_some_and(|o| find(o, l).is_some());
        if !in_modified && !in_original {
            out.push(l.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scale_survives_reapply_without_replicas() {
        let mut live = json!({"spec": {"replicas": 5, "template": {"x": 1}}, "status": {"a": 1}});
        let orig = json!({"spec": {"template": {"x": 1}}});
        let modified = json!({"spec": {"template": {"x": 2}}});
        three_way(&mut live, Some(&orig), &modified);
        assert_eq!(
            live,
            json!({"spec": {"replicas": 5, "template": {"x": 2}}, "status": {"a": 1}})
        );
    }

    #[test]
    fn keyed_lists_keep_server_fields() {
        let mut live = json!({"spec": {"ports": [{"port": 80, "nodePort": 31000, "protocol": "TCP"}]}});
        let orig = json!({"spec": {"ports": [{"port": 80}]}});
        let modified = json!({"spec": {"ports": [{"port": 80, "targetPort": 8080}]}});
        three_way(&mut live, Some(&orig), &modified);
        assert_eq!(
            live,
            json!({"spec": {"ports": [{"port": 80, "nodePort": 31000, "protocol": "TCP", "targetPort": 8080}]}})
        );
        // A container removed from the manifest goes; one added appears.
        let mut live = json!({"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]});
        let orig = json!({"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]});
        let modified = json!({"containers": [{"name": "a", "image": "x2"}, {"name": "c", "image": "z"}]});
        three_way(&mut live, Some(&orig), &modified);
        assert_eq!(
            live,
            json!({"containers": [{"name": "a", "image": "x2"}, {"name": "c", "image": "z"}]})
        );
    }

    #[test]
    fn removed_fields_are_deleted() {
        let mut live = json!({"metadata": {"labels": {"a": "1", "b": "2", "c": "3"}}});
        let orig = json!({"metadata": {"labels": {"a": "1", "b": "2"}}});
        let modified = json!({"metadata": {"labels": {"a": "1"}}});
        three_way(&mut live, Some(&orig), &modified);
        assert_eq!(live, json!({"metadata": {"labels": {"a": "1", "c": "3"}}}));
    }
}
