//! `diff -f FILE`: a unified diff of each live object against what `apply` would make of it,
//! with kubectl's `diff -u -N LIVE MERGED` headers (fixed directory names, so output is stable).
//! Exit 0: no differences; 1: differences; 2: an error.

use super::Output;
use super::session::Globals;
use crate::api::{Error, Kind, ObjKey, Object, decode_value, defaults, meta};
use crate::ops::apply::{LAST_APPLIED, modified_configuration, three_way};
use crate::ops::manifest;
use crate::printers::yaml::to_yaml;
use clap::Args;
use serde_json::{Map, Value};

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// Filename, directory, or URL to files contains the configuration to diff.
    #[arg(short = 'f', long = "filename")]
    pub filename: Vec<String>,
    /// Process the directory used in -f recursively.
    #[arg(short = 'R', long)]
    pub recursive: bool,
}

pub(super) fn run(g: &Globals, a: DiffArgs, out: &mut Output) -> Result<i32, Error> {
    match diff(g, &a, out) {
        Ok(code) => Ok(code),
        Err(e) => {
            out.err_line(e.render());
            Ok(2)
        }
    }
}

/// kubectl's file name for an object: `[group.]version.Kind.namespace.name`.
fn file_name(kind: Kind, ns: &str, name: &str) -> String {
    let av = kind.api_version();
    let (group, version) = av.split_once('/').unwrap_or(("", av.as_str()));
    let g = if group.is_empty() {
        String::new()
    } else {
        format!("{group}.")
    };
    format!("{g}{version}.{}.{ns}.{name}", kind.name())
}

fn decode(kind: Kind, v: Value) -> Result<Object, Error> {
    decode_value(kind, v)
        .map(|(o, _)| o)
        .map_err(|e| Error::msg(format!("error decoding {}: {e}", kind.name())))
}

fn diff(g: &Globals, a: &DiffArgs, out: &mut Output) -> Result<i32, Error> {
    if a.filename.is_empty() {
        return Err(Error::msg("must specify one of -f and -k"));
    }
    let docs = manifest::read_all(&a.filename, a.recursive, &|| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| Error::msg(e.to_string()))?;
        Ok(s)
    })?;
    let s = g.read(out)?;
    let default_ns = s.namespace(g);
    let mut files: Vec<(String, String, String)> = Vec::new();
    for d in docs {
        let av = d.value["apiVersion"].as_str().unwrap_or("");
        let k = d.value["kind"].as_str().unwrap_or("");
        let kind = Kind::from_type_meta(av, k).ok_or_else(|| {
            Error::msg(format!(
                "resource mapping not found for name: {:?} namespace: {:?} from {:?}: no matches for kind {k:?} in version {av:?}\nensure CRDs are installed first",
                d.value["metadata"]["name"].as_str().unwrap_or(""),
                d.value["metadata"]["namespace"].as_str().unwrap_or(""),
                d.source
            ))
        })?;
        let mut modified = d.value.clone();
        let md = modified
            .as_object_mut()
            .map(|m| m.entry("metadata").or_insert_with(|| Value::Object(Map::new())))
            .and_then(Value::as_object_mut)
            .ok_or_else(|| Error::msg(format!("error validating \"{}\": metadata must be an object", d.source)))?;
        let ns = if kind.namespaced() {
            let ns = md
                .get("namespace")
                .and_then(Value::as_str)
                .map_or(default_ns.clone(), str::to_string);
            md.insert("namespace".into(), Value::String(ns.clone()));
            ns
        } else {
            md.remove("namespace");
            String::new()
        };
        let name = md.get("name").and_then(Value::as_str).unwrap_or("").to_string();
        if let Some(Value::Object(ann)) = md.get_mut("annotations") {
            ann.remove(LAST_APPLIED);
        }

        let key = if kind.namespaced() {
            ObjKey::new(ns.clone(), name.clone())
        } else {
            ObjKey::cluster(name.clone())
        };
        let live = s.world.get_obj(kind, &key).cloned();
        let merged = match &live {
            None => {
                let mut o = decode(kind, modified)?;
                defaults::apply_defaults(&mut o);
                o
            }
            Some(cur) => {
                let mut v = cur.to_value();
                let original: Option<Value> =
                    meta::annotation(cur.meta(), LAST_APPLIED).and_then(|s| serde_json::from_str(s).ok());
                // kubectl diff merges without annotating: the live last-applied annotation stays.
                three_way(&mut v, original.as_ref(), &modified_configuration(&modified));
                let mut o = decode(kind, v)?;
                defaults::apply_defaults(&mut o);
                let c = cur.meta();
                meta::keep_server_fields(o.meta_mut(), c);
                let spec_changed = o.to_value().get("spec") != cur.to_value().get("spec");
                if spec_changed && kind.info().has_generation {
                    o.meta_mut().generation = Some(c.generation.unwrap_or(0) + 1);
                }
                o
            }
        };
        let live_text = live.map(|o| to_yaml(&o.to_value())).unwrap_or_default();
        let merged_text = to_yaml(&merged.to_value());
        files.push((file_name(kind, &ns, &name), live_text, merged_text));
    }
    files.sort_by(|x, y| x.0.cmp(&y.0));
    let mut differ = false;
    for (name, live, merged) in &files {
        if live == merged {
            continue;
        }
        differ = true;
        let (l, m) = (format!("/tmp/LIVE/{name}"), format!("/tmp/MERGED/{name}"));
        out.line(format!("diff -u -N {l} {m}"));
        let d = similar::TextDiff::from_lines(live.as_str(), merged.as_str());
        out.out(d.unified_diff().context_radius(3).header(&l, &m).to_string());
    }
    Ok(if differ { 1 } else { 0 })
}
