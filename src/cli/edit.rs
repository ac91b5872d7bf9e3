//! `edit TYPE NAME`: the object's YAML in `$KUBE_EDITOR` / `$EDITOR`, the result admitted with
//! validation (`edited`, or `Edit cancelled, no changes made.`).

use super::Output;
use super::env;
use super::session::Globals;
use crate::api::{Error, ObjKey, decode_value, defaults, validation};
use crate::engine;
use crate::ops::get;
use crate::printers::{json::to_json, yaml::to_yaml};
use clap::Args;
use serde_json::Value;
use std::io::Write;

#[derive(Args, Debug)]
pub struct EditArgs {
    /// TYPE NAME or TYPE/NAME.
    pub resource: Vec<String>,
    /// Output format for editing: yaml (default) or json.
    #[arg(short = 'o', long, default_value = "yaml")]
    pub output: String,
}

const HEADER: &str = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

fn strip_comments(s: &str) -> String {
    s.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

pub(super) fn run(g: &Globals, a: EditArgs, out: &mut Output) -> Result<i32, Error> {
    let (reqs, _) = get::parse_args(&a.resource)?;
    let json = match a.output.as_str() {
        "yaml" => false,
        "json" => true,
        other => {
            return Err(Error::msg(format!(
                "the edit mode must be 'yaml' or 'json', not {other:?}"
            )));
        }
    };
    let [r] = reqs.as_slice() else {
        return Err(Error::msg("edit takes one resource type"));
    };
    let [name] = r.names.as_slice() else {
        return Err(Error::msg(
            "edit needs exactly one resource name (TYPE NAME or TYPE/NAME)",
        ));
    };
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let key = if r.kind.namespaced() {
        ObjKey::new(ns, name.clone())
    } else {
        ObjKey::cluster(name.clone())
    };
    let current = s
        .world
        .get_obj(r.kind, &key)
        .cloned()
        .ok_or_else(|| Error::not_found(r.kind, name))?;
    let body = if json {
        to_json(&current.to_value())
    } else {
        to_yaml(&current.to_value())
    };
    let original = format!("{HEADER}{body}");
    let mut file = tempfile::Builder::new()
        .prefix("kubesim-edit-")
        .suffix(if json { ".json" } else { ".yaml" })
        .tempfile()
        .map_err(|e| Error::msg(format!("cannot create a temporary file: {e}")))?;
    file.write_all(original.as_bytes())
        .map_err(|e| Error::msg(e.to_string()))?;
    file.flush().map_err(|e| Error::msg(e.to_string()))?;
    let path = file.path().to_path_buf();
    let editor = env::var("KUBE_EDITOR")
        .or_else(|| env::var("EDITOR"))
        .unwrap_or_else(|| "vi".to_string());
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status()
        .map_err(|e| Error::msg(format!("unable to launch the editor \"{editor}\": {e}")))?;
    if !status.success() {
        return Err(Error::msg(format!("there was a problem with the editor \"{editor}\"")));
    }
    let edited = std::fs::read_to_string(&path).map_err(|e| Error::msg(e.to_string()))?;
    let stripped = strip_comments(&edited);
    if stripped.trim().is_empty() || stripped == strip_comments(&original) {
        out.line("Edit cancelled, no changes made.");
        return Ok(0);
    }
    let value: Value = serde_yaml::from_str(&crate::ops::yaml11::normalize(&stripped))
        .map_err(|e| Error::msg(format!("error parsing edited object: {e}")))?;
    let keep = |err: Error| -> Error {
        let copy = file.keep().map(|(_, p)| p.display().to_string()).unwrap_or_default();
        Error::Raw(format!(
            "{}\nerror: A copy of your changes has been stored to \"{copy}\"",
            err.render()
        ))
    };
    let (mut obj, _) = match decode_value(r.kind, value) {
        Ok(x) => x,
        Err(e) => return Err(keep(Error::msg(format!("error decoding {}: {e}", r.kind.name())))),
    };
    {
        let (m, c) = (obj.meta_mut(), current.meta());
        if m.name != c.name || m.namespace != c.namespace {
            return Err(keep(Error::msg(
                "At least one of apiVersion, kind and name was changed",
            )));
        }
        crate::api::meta::keep_server_fields(m, c);
    }
    defaults::apply_defaults(&mut obj);
    if obj == current {
        out.line("Edit cancelled, no changes made.");
        return Ok(0);
    }
    if let Err(e) = validation::validate(&obj, Some(&current)) {
        return Err(keep(e));
    }
    s.world.update(obj);
    engine::settle(&mut s.world)?;
    out.line(format!("{}/{name} edited", r.kind.singular_qualified()));
    s.finish()?;
    Ok(0)
}
