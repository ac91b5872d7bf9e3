//! `patch TYPE NAME -p PATCH [--type=strategic|merge|json]`.

use super::Output;
use super::session::Globals;
use crate::api::Error;
use crate::engine;
use crate::ops::get;
use crate::ops::patch::{self, PatchType, Patched};
use crate::printers::{json::to_json, yaml::to_yaml};
use clap::Args;
use serde_json::Value;

#[derive(Args, Debug)]
pub struct PatchArgs {
    /// TYPE NAME or TYPE/NAME.
    pub resource: Vec<String>,
    /// The patch to be applied to the resource JSON file.
    #[arg(short = 'p', long)]
    pub patch: Option<String>,
    /// A file containing a patch to be applied to the resource.
    #[arg(long)]
    pub patch_file: Option<String>,
    /// The type of patch being provided; one of [json merge strategic].
    #[arg(long = "type", default_value = "strategic")]
    pub type_: String,
    /// Must be "none", "server", or "client".
    #[arg(long, default_value = "none", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: String,
    /// Output format: yaml, json or name.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

pub(super) fn run(g: &Globals, a: PatchArgs, out: &mut Output) -> Result<i32, Error> {
    let t = PatchType::parse(&a.type_)?;
    let text = match (&a.patch, &a.patch_file) {
        (Some(_), Some(_)) => return Err(Error::msg("--patch and --patch-file are mutually exclusive")),
        (Some(p), None) => p.clone(),
        (None, Some(f)) => {
            std::fs::read_to_string(f).map_err(|e| Error::msg(format!("unable to read patch file: {e}")))?
        }
        (None, None) => {
            return Err(Error::msg(
                "must specify --patch or --patch-file containing the contents of the patch",
            ));
        }
    };
    // kubectl accepts YAML as well as JSON here.
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(_) => serde_yaml::from_str(&crate::ops::yaml11::normalize(&text))
            .map_err(|_| Error::msg("invalid JSON document"))?,
    };
    match (t, &value) {
        (PatchType::Strategic, v) if !v.is_object() => return Err(Error::msg("invalid JSON document")),
        (PatchType::Merge, Value::Array(_)) => {
            return Err(Error::msg(
                "json: cannot unmarshal array into Go value of type unstructured.detector",
            ));
        }
        _ => {}
    }
    let dry = match a.dry_run.as_str() {
        "none" => None,
        "client" => Some(" (dry run)"),
        "server" => Some(" (server dry run)"),
        other => {
            return Err(Error::msg(format!(
                "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
            )));
        }
    };
    let (reqs, _) = get::parse_args(&a.resource)?;
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let mut results = Vec::new();
    for r in &reqs {
        for key in r.named_keys(&ns)? {
            // A failed patch leaves the store as it was: nothing is saved.
            let (outcome, obj) = patch::patch(&mut s.world, r.kind, &key, t, &value, dry.is_some())?;
            results.push((r.kind, key.name, outcome, obj));
        }
    }
    if dry.is_none() {
        engine::settle(&mut s.world)?;
    }
    for (kind, name, outcome, obj) in &results {
        let qualified = format!("{}/{name}", kind.singular_qualified());
        match a.output.as_deref() {
            Some("yaml") => out.out(to_yaml(&obj.to_value())),
            Some("json") => out.out(to_json(&obj.to_value())),
            Some("name") => out.line(qualified),
            Some(o) => {
                return Err(Error::msg(format!(
                    "unable to match a printer suitable for the output format \"{o}\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
                )));
            }
            None => {
                let what = match outcome {
                    Patched::Changed => "patched",
                    Patched::NoChange => "patched (no change)",
                };
                out.line(format!("{qualified} {what}{}", dry.unwrap_or("")));
            }
        }
    }
    if dry.is_none() {
        s.finish()?;
    }
    Ok(0)
}
