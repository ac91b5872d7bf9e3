//! `delete`: by TYPE NAME, TYPE/NAME, `-f`, `-l` or `--all`, with `--cascade` and `--wait`.

use super::Output;
use super::session::Globals;
use crate::api::{Error, Kind, ObjKey, meta};
use crate::controllers::common::Propagation;
use crate::ops::get::{self, Scope};
use crate::ops::{delete, manifest};
use clap::Args;

#[derive(Args, Debug)]
pub struct DeleteArgs {
    /// TYPE NAME ... or TYPE/NAME ...
    pub resource: Vec<String>,
    /// Files that contain the resources to delete.
    #[arg(short = 'f', long = "filename")]
    pub filename: Vec<String>,
    #[arg(short = 'R', long)]
    pub recursive: bool,
    /// Selector (label query) to filter on.
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// Delete all resources of the given types in the namespace.
    #[arg(long)]
    pub all: bool,
    /// background, foreground or orphan.
    #[arg(long, default_value = "background", num_args = 0..=1, default_missing_value = "background")]
    pub cascade: String,
    /// Seconds given to the resource to terminate gracefully.
    #[arg(long, default_value_t = -1)]
    pub grace_period: i64,
    /// Immediate deletion (grace period 1).
    #[arg(long)]
    pub now: bool,
    /// Immediately remove resources from the API.
    #[arg(long)]
    pub force: bool,
    /// Wait for resources to be gone before returning (advances the simulated clock).
    #[arg(long, default_value = "true", num_args = 0..=1, default_missing_value = "true")]
    pub wait: String,
    /// Output mode: `name`.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// Treat "resource not found" as a successful delete.
    #[arg(long)]
    pub ignore_not_found: bool,
}

pub(super) fn run(g: &Globals, a: DeleteArgs, out: &mut Output) -> Result<i32, Error> {
    let propagation = match a.cascade.as_str() {
        "background" | "true" => Propagation::Background,
        "foreground" => Propagation::Foreground,
        "orphan" | "false" => Propagation::Orphan,
        other => {
            return Err(Error::msg(format!(
                "invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\""
            )));
        }
    };
    let selector = crate::ops::get::parse_selector(a.selector.as_deref())?;
    let docs = if a.filename.is_empty() {
        Vec::new()
    } else {
        manifest::read_all(&a.filename, a.recursive, &|| {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| Error::msg(e.to_string()))?;
            Ok(s)
        })?
    };
    if docs.is_empty() && a.resource.is_empty() {
        return Err(Error::msg(
            "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
        ));
    }
    if a.all && a.selector.is_some() {
        return Err(Error::msg("cannot set --all and --selector at the same time"));
    }
    // kubectl's Complete/Validate: --now is --grace-period=1; --grace-period=0 without --force
    // becomes 1 (to prevent accidental data loss); --force alone means 0.
    let mut grace = a.grace_period;
    if a.now {
        if grace != -1 {
            return Err(Error::msg("--now and --grace-period cannot be specified together"));
        }
        grace = 1;
    }
    if grace == 0 && !a.force {
        grace = 1;
    }
    if a.force && grace < 0 {
        grace = 0;
    }
    if a.force && grace > 0 {
        return Err(Error::msg(
            "--force and --grace-period greater than 0 cannot be specified together",
        ));
    }
    if a.force && grace == 0 {
        out.err_line("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");
    }
    let grace = (grace >= 0).then_some(grace);
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let mut targets: Vec<(Kind, ObjKey)> = Vec::new();
    let mut errors = Vec::new();
    for d in &docs {
        let kind = Kind::from_type_meta(
            d.value["apiVersion"].as_str().unwrap_or(""),
            d.value["kind"].as_str().unwrap_or(""),
        )
        .ok_or_else(|| Error::msg(format!("unknown kind in {}", d.source)))?;
        let name = d.value["metadata"]["name"].as_str().unwrap_or("").to_string();
        let dns = d.value["metadata"]["namespace"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| ns.clone());
        let key = if kind.namespaced() {
            ObjKey::new(dns, name.clone())
        } else {
            ObjKey::cluster(name.clone())
        };
        if s.world.get_obj(kind, &key).is_some() {
            targets.push((kind, key));
        } else {
            errors.push(Error::not_found(kind, &name).with_context(format!("error when deleting \"{}\": ", d.source)));
        }
    }
    if !a.resource.is_empty() {
        let (reqs, _) = get::parse_args(&a.resource)?;
        let selecting = selector.is_some() || a.all;
        for r in &reqs {
            if r.names.is_empty() && !selecting {
                return Err(Error::msg(
                    "resource(s) were provided, but no name was specified".to_string(),
                ));
            }
            let scope = Scope {
                namespace: &ns,
                all_namespaces: false,
                selector: selector.as_ref(),
            };
            let (objs, errs) = get::find(&s.world, r, &scope);
            targets.extend(objs.iter().map(|o| (r.kind, ObjKey::of(o.meta()))));
            // With --all or -l, kubectl ignores NotFound unless told otherwise.
            if !a.ignore_not_found && !selecting {
                errors.extend(errs);
            }
        }
        if targets.is_empty() && errors.is_empty() {
            out.line("No resources found");
        }
    }
    let done = delete::delete(&mut s.world, &targets, propagation, grace)?;
    for (k, key) in &done {
        if a.output.as_deref() == Some("name") {
            out.line(format!("{}/{}", k.singular_qualified(), key.name));
        } else if grace == Some(0) {
            out.line(format!("{} \"{}\" force deleted", k.singular_qualified(), key.name));
        } else {
            out.line(format!("{} \"{}\" deleted", k.singular_qualified(), key.name));
        }
    }
    if a.wait != "false" {
        delete::wait_gone(&mut s.world, &done)?;
    }
    s.finish()?;
    for e in &errors {
        out.err_line(e.render());
    }
    let _ = meta::name;
    Ok(if errors.is_empty() { 0 } else { 1 })
}
