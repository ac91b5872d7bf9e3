//! `label` and `annotate`.

use super::Output;
use super::session::Globals;
use crate::api::{Error, ObjKey, Object, validation};
use crate::engine;
use crate::ops::get::{self, Scope};
use crate::ops::label::{self, Which};
use crate::printers::{json::to_json, yaml::to_yaml};
use clap::Args;

#[derive(Args, Debug)]
pub struct LabelArgs {
    /// TYPE NAME... or TYPE/NAME..., then KEY=VALUE and KEY- changes.
    pub args: Vec<String>,
    /// Allow existing values to be overwritten.
    #[arg(long)]
    pub overwrite: bool,
    /// Select all resources, in the namespace of the specified resource types.
    #[arg(long)]
    pub all: bool,
    /// If true, check the specified action in all namespaces.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// Selector (label query) to filter on.
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// If true, display the labels (annotations) for a given resource.
    #[arg(long)]
    pub list: bool,
    /// Must be "none", "server", or "client".
    #[arg(long, default_value = "none", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: String,
    /// Output format: yaml, json or name.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

pub(super) fn run_label(g: &Globals, a: LabelArgs, out: &mut Output) -> Result<i32, Error> {
    run(g, a, Which::Labels, out)
}

pub(super) fn run_annotate(g: &Globals, a: LabelArgs, out: &mut Output) -> Result<i32, Error> {
    run(g, a, Which::Annotations, out)
}

fn run(g: &Globals, a: LabelArgs, which: Which, out: &mut Output) -> Result<i32, Error> {
    let (resources, pairs) = label::split_args(&a.args, which)?;
    let changes = label::parse_changes(&pairs, which)?;
    if !a.list && pairs.is_empty() {
        let noun = if which == Which::Labels { "label" } else { "annotation" };
        return Err(Error::msg(format!("at least one {noun} update is required")));
    }
    if resources.is_empty() {
        return Err(Error::msg(
            "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        ));
    }
    let (reqs, _) = get::parse_args(&resources)?;
    if a.all && a.selector.is_some() {
        return Err(Error::msg("cannot set --all and --selector at the same time"));
    }
    let selector = crate::ops::get::parse_selector(a.selector.as_deref())?;
    let dry = match a.dry_run.as_str() {
        "none" | "client" | "server" => a.dry_run.as_str(),
        other => {
            return Err(Error::msg(format!(
                "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
            )));
        }
    };
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let scope = Scope {
        namespace: &ns,
        all_namespaces: a.all_namespaces,
        selector: selector.as_ref(),
    };
    let mut targets: Vec<Object> = Vec::new();
    for r in &reqs {
        if r.names.is_empty() && !a.all && selector.is_none() && !a.all_namespaces {
            return Err(Error::msg("resource(s) were provided, but no name was specified"));
        }
        let (objs, errs) = get::find(&s.world, r, &scope);
        if let Some(e) = errs.into_iter().next() {
            return Err(e);
        }
        targets.extend(objs.into_iter().cloned());
    }
    if targets.is_empty() {
        out.err_line(format!("No resources found in {ns} namespace."));
        return Ok(0);
    }
    let one = targets.len() == 1;
    let mut lines = Vec::new();
    let mut updated = Vec::new();
    for obj in targets {
        let kind = obj.kind();
        let name = crate::api::meta::name(obj.meta()).to_string();
        if a.list {
            if !one {
                lines.push(format!(
                    "Listing {} for {}.{}/{name}:",
                    match which {
                        Which::Labels => "labels",
                        Which::Annotations => "annotations",
                    },
                    kind.name(),
                    kind.group()
                ));
            }
            let indent = if one { "" } else { " " };
            for (k, v) in label::list(&obj, which) {
                lines.push(format!("{indent}{k}={v}"));
            }
            continue;
        }
        let mut next = obj.clone();
        let msg = label::apply(&mut next, which, &changes, a.overwrite)?;
        if next != obj {
            validation::validate(&next, Some(&obj))?;
        }
        let qualified = format!("{}/{name}", kind.singular_qualified());
        let suffix = match dry {
            "client" => " (dry run)",
            "server" => " (server dry run)",
            _ => "",
        };
        match a.output.as_deref() {
            Some("name") => lines.push(qualified),
            Some("yaml") | Some("json") => {}
            Some(o) => {
                return Err(Error::msg(format!(
                    "unable to match a printer suitable for the output format \"{o}\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
                )));
            }
            None => lines.push(format!("{qualified} {msg}{suffix}")),
        }
        updated.push((obj, next));
    }
    if dry == "none" {
        for (_, next) in &updated {
            s.world.update(next.clone());
        }
        engine::settle(&mut s.world)?;
    }
    for (old, next) in &updated {
        let shown = if dry == "none" {
            s.world
                .get_obj(next.kind(), &ObjKey::of(next.meta()))
                .cloned()
                .unwrap_or_else(|| next.clone())
        } else {
            let _ = old;
            next.clone()
        };
        match a.output.as_deref() {
            Some("yaml") => out.out(to_yaml(&shown.to_value())),
            Some("json") => out.out(to_json(&shown.to_value())),
            _ => {}
        }
    }
    for l in lines {
        out.line(l);
    }
    if dry == "none" {
        s.finish()?;
    }
    Ok(0)
}
