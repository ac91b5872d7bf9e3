//! `patch`: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch
//! (lists merged by key for containers, ports, env, volumes, volumeMounts, tolerations...,
//! with `$patch: delete|replace` directives), applied to an object's JSON and re-admitted.

use crate::api::{Error, Kind, ObjKey, Object, Result, decode_value, defaults, validation};
use crate::world::World;
use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatchType {
    Strategic,
    Merge,
    Json,
}

impl PatchType {
    pub fn parse(s: &str) -> Result<PatchType> {
        match s {
            "strategic" => Ok(PatchType::Strategic),
            "merge" => Ok(PatchType::Merge),
            "json" => Ok(PatchType::Json),
            other => Err(Error::msg(format!(
                "--type must be one of [json merge strategic], not \"{other}\""
            ))),
        }
    }
}

/// RFC 7386.
pub fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(t) = target else { return };
    for (k, v) in p {
        if v.is_null() {
            t.remove(k);
        } else {
            merge_patch(t.entry(k.clone()).or_insert(Value::Null), v);
        }
    }
}

/// The merge key of a list field, as the Kubernetes types declare `patchMergeKey`.
pub(crate) fn merge_key(field: &str, items: &[Value]) -> Option<&'static str> {
    Some(match field {
        "containers" | "initContainers" | "ephemeralContainers" | "env" | "volumes" | "imagePullSecrets" => "name",
        "volumeMounts" => "mountPath",
        "volumeDevices" => "devicePath",
        "tolerations" => "key",
        "hostAliases" => "ip",
        "conditions" => "type",
        "ownerReferences" => "uid",
        "topologySpreadConstraints" => "topologyKey",
        "ports" => {
            if items.iter().any(|i| i.get("containerPort").is_some()) {
                "containerPort"
            } else {
                "port"
            }
        }
        _ => return None,
    })
}

/// Strategic merge patch over JSON (kubectl's default for built-in kinds).
pub fn strategic_merge(target: &mut Value, patch: &Value) -> Result<()> {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return Ok(());
    };
    if p.get("$patch").and_then(Value::as_str) == Some("replace") {
        let mut p = p.clone();
        p.remove("$patch");
        *target = Value::Object(p);
        return Ok(());
    }
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(t) = target else { return Ok(()) };
    for (k, v) in p {
        if k.starts_with('$') {
            if k == "$patch" && v.as_str() == Some("delete") {
                t.clear();
            }
            continue;
        }
        if let Some(field) = k.strip_prefix("$deleteFromPrimitiveList/") {
            if let (Some(Value::Array(cur)), Value::Array(del)) = (t.get_mut(field), v) {
                cur.retain(|x| !del.contains(x));
            }
            continue;
        }
        if k.starts_with("$setElementOrder/") || k.starts_with("$retainKeys") {
            continue;
        }
        match v {
            Value::Null => {
                t.remove(k);
            }
            Value::Array(items) => {
                let key = merge_key(k, items).filter(|_| items.iter().all(Value::is_object));
                match (key, t.get_mut(k)) {
                    (Some(key), Some(Value::Array(cur))) => merge_list(cur, items, key)?,
                    _ => {
                        let clean: Vec<Value> = items
                            .iter()
                            .filter(|i| i.get("$patch").and_then(Value::as_str) != Some("delete"))
                            .cloned()
                            .map(|mut i| {
                                if let Value::Object(m) = &mut i {
                                    m.remove("$patch");
                                }
                                i
                            })
                            .collect();
                        t.insert(k.clone(), Value::Array(clean));
                    }
                }
            }
            Value::Object(_) => {
                if v.get("$patch").and_then(Value::as_str) == Some("delete") {
                    t.remove(k);
                    continue;
                }
                let entry = t.entry(k.clone()).or_insert(Value::Null);
                strategic_merge(entry, v)?;
            }
            _ => {
                t.insert(k.clone(), v.clone());
            }
        }
    }
    Ok(())
}

fn merge_list(cur: &mut Vec<Value>, items: &[Value], key: &str) -> Result<()> {
    if items
        .iter()
        .any(|i| i.get("$patch").and_then(Value::as_str) == Some("replace"))
    {
        *cur = items.iter().filter(|i| i.get("$patch").is_none()).cloned().collect();
        return Ok(());
    }
    for item in items {
        let Some(kv) = item.get(key) else {
            return Err(Error::msg(format!(
                "map: {item} does not contain declared merge key: {key}"
            )));
        };
        let pos = cur.iter().position(|c| c.get(key) == Some(kv));
        if item.get("$patch").and_then(Value::as_str) == Some("delete") {
            if let Some(i) = pos {
                cur.remove(i);
            }
            continue;
        }
        match pos {
            Some(i) => strategic_merge(&mut cur[i], item)?,
            None => {
                let mut fresh = Value::Object(Map::new());
                strategic_merge(&mut fresh, item)?;
                cur.push(fresh);
            }
        }
    }
    Ok(())
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

fn pointer_parts(path: &str) -> Result<Vec<String>> {
    if path.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = path.strip_prefix('/') else {
        return Err(Error::msg(format!(
            "JSON pointer must be empty or start with a \"/\": {path}"
        )));
    };
    Ok(rest.split('/').map(unescape).collect())
}

fn parent_mut<'a>(doc: &'a mut Value, parts: &[String], path: &str) -> Result<&'a mut Value> {
    let mut cur = doc;
    for p in &parts[..parts.len().saturating_sub(1)] {
        cur = match cur {
            Value::Object(m) => m.get_mut(p),
            Value::Array(a) => p.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
            _ => None,
        }
        .ok_or_else(|| missing("add", path))?;
    }
    Ok(cur)
}

/// evanphx/json-patch's messages.
fn missing(op: &str, path: &str) -> Error {
    match op {
        "remove" => {
            let key = path.rsplit('/').next().unwrap_or("");
            Error::msg(format!(
                "error in remove for path: '{path}': Unable to remove nonexistent key: {key}: missing value"
            ))
        }
        "replace" => Error::msg(format!(
            "replace operation does not apply: doc is missing path: {path}: missing value"
        )),
        _ => Error::msg(format!(
            "{op} operation does not apply: doc is missing path: \"{path}\": missing value"
        )),
    }
}

fn get_at<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    doc.pointer(path)
}

fn remove_at(doc: &mut Value, path: &str, op: &str) -> Result<Value> {
    let parts = pointer_parts(path)?;
    let last = parts.last().ok_or_else(|| missing(op, path))?.clone();
    let parent = parent_mut(doc, &parts, path).map_err(|_| missing(op, path))?;
    match parent {
        Value::Object(m) => m.remove(&last).ok_or_else(|| missing(op, path)),
        Value::Array(a) => match last.parse::<usize>() {
            Ok(i) if i < a.len() => Ok(a.remove(i)),
            _ => Err(missing(op, path)),
        },
        _ => Err(missing(op, path)),
    }
}

fn add_at(doc: &mut Value, path: &str, v: Value, replace: bool) -> Result<()> {
    let op = if replace { "replace" } else { "add" };
    let parts = pointer_parts(path)?;
    let Some(last) = parts.last().cloned() else {
        *doc = v;
        return Ok(());
    };
    let parent = parent_mut(doc, &parts, path).map_err(|_| missing(op, path))?;
    match parent {
        Value::Object(m) => {
            if replace && !m.contains_key(&last) {
                return Err(missing(op, path));
            }
            m.insert(last, v);
        }
        Value::Array(a) => {
            if last == "-" && !replace {
                a.push(v);
            } else {
                let i: usize = last.parse().map_err(|_| missing(op, path))?;
                if replace {
                    if i >= a.len() {
                        return Err(missing(op, path));
                    }
                    a[i] = v;
                } else {
                    if i > a.len() {
                        return Err(missing(op, path));
                    }
                    a.insert(i, v);
                }
            }
        }
        _ => return Err(missing(op, path)),
    }
    Ok(())
}

/// RFC 6902.
pub fn json_patch(doc: &mut Value, patch: &Value) -> Result<()> {
    let Value::Array(ops) = patch else {
        return Err(Error::msg(
            "json: cannot unmarshal object into Go value of type jsonpatch.Patch",
        ));
    };
    for op in ops {
        let name = op.get("op").and_then(Value::as_str).unwrap_or("");
        let path = op.get("path").and_then(Value::as_str).unwrap_or("");
        let value = || {
            op.get("value")
                .cloned()
                .ok_or_else(|| Error::msg(format!("missing value for {name} operation")))
        };
        match name {
            "add" => add_at(doc, path, value()?, false)?,
            "replace" => add_at(doc, path, value()?, true)?,
            "remove" => {
                remove_at(doc, path, "remove")?;
            }
            "move" | "copy" => {
                let from = op.get("from").and_then(Value::as_str).unwrap_or("");
                let v = if name == "move" {
                    remove_at(doc, from, name)?
                } else {
                    get_at(doc, from).cloned().ok_or_else(|| missing(name, from))?
                };
                add_at(doc, path, v, false)?;
            }
            "test" => {
                let want = value()?;
                if get_at(doc, path) != Some(&want) {
                    return Err(Error::msg(format!("testing value {path} failed: test failed")));
                }
            }
            other => return Err(Error::msg(format!("Unexpected kind: {other}"))),
        }
    }
    Ok(())
}

/// What a patch did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Patched {
    Changed,
    NoChange,
}

/// Patches one stored object; validation goes through admission and nothing is stored on error
/// or in a dry run. Returns the outcome and the resulting object.
pub fn patch(
    world: &mut World,
    kind: Kind,
    key: &ObjKey,
    t: PatchType,
    patch: &Value,
    dry_run: bool,
) -> Result<(Patched, Object)> {
    let Some(current) = world.get_obj(kind, key).cloned() else {
        return Err(Error::not_found(kind, &key.name));
    };
    let mut v = current.to_value();
    match t {
        PatchType::Merge => merge_patch(&mut v, patch),
        PatchType::Strategic => strategic_merge(&mut v, patch)?,
        PatchType::Json => json_patch(&mut v, patch)?,
    }
    let (mut obj, _) = decode_value(kind, v).map_err(|e| Error::msg(format!("error decoding {}: {e}", kind.name())))?;
    {
        // Identity fields cannot be patched away.
        let (m, c) = (obj.meta_mut(), current.meta());
        m.name = c.name.clone();
        m.namespace = c.namespace.clone();
        crate::api::meta::keep_server_fields(m, c);
    }
    defaults::apply_defaults(&mut obj);
    if obj == current {
        return Ok((Patched::NoChange, current));
    }
    validation::validate(&obj, Some(&current))?;
    if !dry_run {
        world.update(obj.clone());
    }
    Ok((Patched::Changed, obj))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_deletes_nulls() {
        let mut t = json!({"a": {"b": 1, "c": 2}, "l": [1, 2]});
        merge_patch(&mut t, &json!({"a": {"b": null, "d": 3}, "l": [3]}));
        assert_eq!(t, json!({"a": {"c": 2, "d": 3}, "l": [3]}));
    }

    #[test]
    fn strategic_merges_containers_by_name() {
        let mut t = json!({"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]});
        strategic_merge(
            &mut t,
            &json!({"containers": [{"name": "b", "image": "z"}, {"name": "c", "image": "w"}]}),
        )
        .unwrap();
        assert_eq!(
            t,
            json!({"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "z"}, {"name": "c", "image": "w"}]})
        );
        strategic_merge(&mut t, &json!({"containers": [{"name": "a", "$patch": "delete"}]})).unwrap();
        assert_eq!(t["containers"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn json_patch_ops() {
        let mut t = json!({"spec": {"replicas": 1, "l": [1, 2]}});
        json_patch(
            &mut t,
            &json!([{"op": "replace", "path": "/spec/replicas", "value": 3}, {"op": "add", "path": "/spec/l/-", "value": 9}, {"op": "remove", "path": "/spec/l/0"}]),
        )
        .unwrap();
        assert_eq!(t, json!({"spec": {"replicas": 3, "l": [2, 9]}}));
        let e = json_patch(&mut t, &json!([{"op": "remove", "path": "/nope"}])).unwrap_err();
        assert_eq!(
            e.render(),
            "error: error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value"
        );
    }
}
