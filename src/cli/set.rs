//! `set image`, `set resources`, `set env`.

use super::Output;
use super::session::Globals;
use crate::api::{Error, Kind, ObjKey};
use crate::engine;
use crate::ops::get::{self, Request, Scope};
use crate::ops::set::{self, Mutation};
use clap::{Args, Subcommand};
use std::collections::BTreeMap;

#[derive(Args, Debug)]
pub struct SetArgs {
    #[command(subcommand)]
    pub command: SetCommand,
}

#[derive(Subcommand, Debug)]
pub enum SetCommand {
    /// Update existing container image(s) of resources.
    Image(ImageArgs),
    /// Update resource requests/limits on objects with pod templates.
    Resources(ResourcesArgs),
    /// Update environment variables on a pod template.
    Env(EnvArgs),
}

/// Which objects a `set` subcommand changes.
#[derive(Args, Debug)]
pub struct Target {
    /// Select all resources, in the namespace of the specified resource types.
    #[arg(long)]
    pub all: bool,
    /// Selector (label query) to filter on.
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
}

#[derive(Args, Debug)]
pub struct ImageArgs {
    /// (TYPE NAME | TYPE/NAME) followed by CONTAINER_NAME_1=CONTAINER_IMAGE_1 ...
    pub args: Vec<String>,
    #[command(flatten)]
    pub target: Target,
}

#[derive(Args, Debug)]
pub struct ResourcesArgs {
    /// (TYPE NAME | TYPE/NAME).
    pub resources: Vec<String>,
    #[command(flatten)]
    pub target: Target,
    /// The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards.
    #[arg(short = 'c', long, default_value = "*")]
    pub containers: String,
    /// The resource requirement limits for this container. For example, 'cpu=200m,memory=512Mi'.
    #[arg(long, default_value = "")]
    pub limits: String,
    /// The resource requirement requests for this container. For example, 'cpu=100m,memory=256Mi'.
    #[arg(long, default_value = "")]
    pub requests: String,
}

#[derive(Args, Debug)]
pub struct EnvArgs {
    /// (TYPE NAME | TYPE/NAME) followed by KEY_1=VAL_1 ... or KEY_1- to remove.
    pub args: Vec<String>,
    #[command(flatten)]
    pub target: Target,
    /// The names of containers in the selected pod templates to change - may use wildcards.
    #[arg(short = 'c', long, default_value = "*")]
    pub containers: String,
    /// Specify a key-value pair for an environment variable to set into each container.
    #[arg(short = 'e', long = "env")]
    pub env: Vec<String>,
    /// If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub overwrite: bool,
}

pub(super) fn run(g: &Globals, a: SetArgs, out: &mut Output) -> Result<i32, Error> {
    match a.command {
        SetCommand::Image(a) => run_image(g, a, out),
        SetCommand::Resources(a) => run_resources(g, a, out),
        SetCommand::Env(a) => run_env(g, a, out),
    }
}

fn run_image(g: &Globals, a: ImageArgs, out: &mut Output) -> Result<i32, Error> {
    // cmdutil.GetResourcesAndPairs: resources first, then name=image pairs.
    let mut resources = Vec::new();
    let mut pairs: BTreeMap<String, String> = BTreeMap::new();
    let mut seen_pair = false;
    for arg in &a.args {
        if let Some((k, v)) = arg.split_once('=') {
            seen_pair = true;
            if k.is_empty() || v.is_empty() {
                return Err(Error::msg(format!("invalid image format: {arg}")));
            }
            pairs.insert(k.to_string(), v.to_string());
        } else if seen_pair {
            return Err(Error::msg(format!(
                "all resources must be specified before image changes: {arg}"
            )));
        } else {
            resources.push(arg.clone());
        }
    }
    let mut errs = Vec::new();
    if a.target.all && a.target.selector.is_some() {
        errs.push("cannot set --all and --selector at the same time");
    }
    if resources.is_empty() {
        errs.push("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    }
    if pairs.is_empty() {
        errs.push("at least one image update is required");
    } else if pairs.len() > 1 && pairs.contains_key("*") {
        errs.push(
            "all containers are already specified by *, but saw more than one container_name=container_image pairs",
        );
    }
    if !errs.is_empty() {
        return Err(aggregate(&errs));
    }
    apply(g, &resources, &a.target, &Mutation::Image(pairs), "image updated", out)
}

fn run_resources(g: &Globals, a: ResourcesArgs, out: &mut Output) -> Result<i32, Error> {
    if a.target.all && a.target.selector.is_some() {
        return Err(Error::msg("cannot set --all and --selector at the same time"));
    }
    if a.limits.is_empty() && a.requests.is_empty() {
        return Err(Error::msg(
            "you must specify an update to requests or limits (in the form of --requests/--limits)",
        ));
    }
    let m = Mutation::Resources {
        containers: a.containers.clone(),
        limits: set::parse_resource_list(&a.limits)?,
        requests: set::parse_resource_list(&a.requests)?,
        has_limits: !a.limits.is_empty(),
        has_requests: !a.requests.is_empty(),
    };
    apply(g, &a.resources, &a.target, &m, "resource requirements updated", out)
}

fn run_env(g: &Globals, a: EnvArgs, out: &mut Output) -> Result<i32, Error> {
    if a.target.all && a.target.selector.is_some() {
        return Err(Error::msg("cannot set --all and --selector at the same time"));
    }
    // envutil.SplitEnvironmentFromResources.
    let mut resources = Vec::new();
    let mut env_args = Vec::new();
    for s in &a.args {
        let is_env = s.contains('=') || s.ends_with('-');
        if is_env {
            env_args.push(s.clone());
        } else if env_args.is_empty() {
            resources.push(s.clone());
        } else {
            return Err(Error::msg(format!(
                "all resources must be specified before environment changes: {}",
                a.args.join(" ")
            )));
        }
    }
    if resources.is_empty() {
        return Err(Error::msg(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    let mut specs = a.env.clone();
    specs.extend(env_args);
    let (env, remove) = set::parse_env(&specs)?;
    let m = Mutation::Env {
        containers: a.containers.clone(),
        env,
        remove,
        overwrite: a.overwrite,
    };
    apply(g, &resources, &a.target, &m, "env updated", out)
}

fn aggregate(errs: &[&str]) -> Error {
    if errs.len() == 1 {
        Error::msg(errs[0])
    } else {
        Error::msg(format!("[{}]", errs.join(", ")))
    }
}

/// Resolves the objects, mutates each, prints `<kind>/<name> <operation>` for those changed and
/// the collected errors after them (kubectl's aggregate), then settles the cluster.
fn apply(
    g: &Globals,
    resources: &[String],
    target: &Target,
    m: &Mutation,
    operation: &str,
    out: &mut Output,
) -> Result<i32, Error> {
    let (reqs, _) = get::parse_args(resources)?;
    let selector = crate::ops::get::parse_selector(target.selector.as_deref())?;
    let named = reqs.iter().any(|r| !r.names.is_empty());
    if !named && !target.all && selector.is_none() {
        return Err(Error::msg("resource(s) were provided, but no name was specified"));
    }
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let mut keys: Vec<(Kind, ObjKey)> = Vec::new();
    let mut errors: Vec<Error> = Vec::new();
    for r in &reqs {
        let scope = Scope {
            namespace: &ns,
            all_namespaces: false,
            selector: selector.as_ref(),
        };
        let (objs, errs) = get::find(
            &s.world,
            &Request {
                kind: r.kind,
                names: r.names.clone(),
            },
            &scope,
        );
        errors.extend(errs);
        keys.extend(objs.iter().map(|o| (r.kind, ObjKey::of(o.meta()))));
    }
    if !errors.is_empty() {
        // The builder fails before any patch when a named object is missing.
        for e in &errors {
            out.err_line(e.render());
        }
        return Ok(1);
    }
    let mut later: Vec<Error> = Vec::new();
    for (kind, key) in &keys {
        match set::set(&mut s.world, *kind, key, m) {
            Ok(outcome) => {
                for w in &outcome.warnings {
                    out.err_line(w);
                }
                if outcome.changed {
                    out.line(format!("{}/{} {operation}", kind.singular_qualified(), key.name));
                }
                later.extend(outcome.errors);
            }
            Err(e) => later.push(e),
        }
    }
    errors.extend(later);
    engine::settle(&mut s.world)?;
    s.finish()?;
    for e in &errors {
        out.err_line(e.render());
    }
    Ok(if errors.is_empty() { 0 } else { 1 })
}
