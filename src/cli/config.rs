//! `config`: the store seen as a kubeconfig with one cluster, context and user, all named
//! `kubesim`; the context's namespace is the store's default namespace.

use super::Output;
use super::session::{Globals, display_path};
use crate::api::Error;
use crate::printers::jsonpath::JsonPath;
use crate::printers::table::render;
use crate::printers::yaml;
use clap::{Args, Subcommand};
use serde::Serialize;
use serde_json::{Value, json};

/// The one context (and cluster and user) kubesim shows.
const CONTEXT: &str = "kubesim";

#[derive(Args, Debug)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Display the kubeconfig kubesim presents (one cluster, context and user).
    View(ViewArgs),
    /// Set the namespace of the kubesim context (--current --namespace=NS).
    SetContext(SetContextArgs),
    /// Describe one or many contexts.
    GetContexts(GetContextsArgs),
    /// Display the current-context.
    CurrentContext,
    /// Set the current-context (only "kubesim" exists).
    UseContext(UseContextArgs),
    /// Display clusters defined in the kubeconfig.
    GetClusters,
    /// Display users defined in the kubeconfig.
    GetUsers,
}

#[derive(Args, Debug)]
pub struct ViewArgs {
    /// Remove all information not used by current-context from the output.
    #[arg(long)]
    pub minify: bool,
    /// Display raw byte data and sensitive data.
    #[arg(long)]
    pub raw: bool,
    /// Flatten the resulting kubeconfig file into self-contained output.
    #[arg(long)]
    pub flatten: bool,
    /// Output format: yaml, json, jsonpath=....
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

#[derive(Args, Debug)]
pub struct SetContextArgs {
    /// The context to modify (only "kubesim" exists).
    pub name: Option<String>,
    /// Modify the current context.
    #[arg(long)]
    pub current: bool,
    /// cluster for the context entry in kubeconfig (only "kubesim").
    #[arg(long)]
    pub cluster: Option<String>,
    /// user for the context entry in kubeconfig (only "kubesim").
    #[arg(long)]
    pub user: Option<String>,
}

#[derive(Args, Debug)]
pub struct GetContextsArgs {
    /// Contexts to describe.
    pub names: Vec<String>,
    /// Output format: name.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// When using the default or custom-column output format, don't print headers.
    #[arg(long)]
    pub no_headers: bool,
}

#[derive(Args, Debug)]
pub struct UseContextArgs {
    /// The context to use.
    pub name: String,
}

pub(super) fn run(g: &Globals, a: ConfigArgs, out: &mut Output) -> Result<i32, Error> {
    match a.command {
        ConfigCommand::View(v) => view(g, v, out),
        ConfigCommand::SetContext(c) => set_context(g, c, out),
        ConfigCommand::GetContexts(c) => get_contexts(g, c, out),
        ConfigCommand::CurrentContext => {
            out.line(CONTEXT);
            Ok(0)
        }
        ConfigCommand::UseContext(u) => {
            if u.name != CONTEXT {
                return Err(Error::msg(format!("no context exists with the name: \"{}\"", u.name)));
            }
            out.line(format!("Switched to context \"{CONTEXT}\"."));
            Ok(0)
        }
        ConfigCommand::GetClusters | ConfigCommand::GetUsers => {
            out.line("NAME");
            out.line(CONTEXT);
            Ok(0)
        }
    }
}

/// The stored namespace and the store's path as the cluster's server.
fn current(g: &Globals, out: &mut Output) -> Result<(String, String), Error> {
    let s = g.read(out)?;
    let ns = s.world.state.namespace.clone();
    let server = display_path(&s.path);
    s.finish()?;
    Ok((ns, server))
}

// Field order of clientcmd's v1.Config, which `-o json` keeps.
#[derive(Serialize)]
struct Config {
    kind: &'static str,
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    preferences: Value,
    clusters: Vec<Named<Value>>,
    users: Vec<Named<Value>>,
    contexts: Vec<Named<Context>>,
    #[serde(rename = "current-context")]
    current_context: &'static str,
}

#[derive(Serialize)]
struct Named<T> {
    name: &'static str,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct Context {
    context: ContextBody,
}

#[derive(Serialize)]
struct ContextBody {
    cluster: &'static str,
    user: &'static str,
    namespace: String,
}

fn view(g: &Globals, a: ViewArgs, out: &mut Output) -> Result<i32, Error> {
    let (ns, server) = current(g, out)?;
    let cfg = Config {
        kind: "Config",
        api_version: "v1",
        preferences: json!({}),
        clusters: vec![Named {
            name: CONTEXT,
            body: json!({"cluster": {"server": server}}),
        }],
        users: vec![Named {
            name: CONTEXT,
            body: json!({"user": {}}),
        }],
        contexts: vec![Named {
            name: CONTEXT,
            body: Context {
                context: ContextBody {
                    cluster: CONTEXT,
                    user: CONTEXT,
                    namespace: ns,
                },
            },
        }],
        current_context: CONTEXT,
    };
    let value = serde_json::to_value(&cfg).map_err(|e| Error::msg(e.to_string()))?;
    let output = a.output.as_deref().unwrap_or("yaml");
    match output {
        "yaml" => out.out(yaml::to_yaml(&value)),
        "json" => {
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
            cfg.serialize(&mut ser).map_err(|e| Error::msg(e.to_string()))?;
            buf.push(b'\n');
            out.out(String::from_utf8_lossy(&buf));
        }
        _ => {
            let template = output
                .strip_prefix("jsonpath=")
                .ok_or_else(|| {
                    Error::msg(format!(
                        "unable to match a printer suitable for the output format \"{output}\", allowed formats are: json,jsonpath,yaml"
                    ))
                })?;
            if template.is_empty() {
                return Err(Error::msg("template format specified but no template given"));
            }
            let path = JsonPath::parse(template).map_err(|e| Error::msg(e.trim_end_matches('\n').to_string()))?;
            let text = path
                .execute(&value, true)
                .map_err(|e| Error::msg(e.trim_end_matches('\n').to_string()))?;
            out.out(text);
        }
    }
    Ok(0)
}

fn set_context(g: &Globals, a: SetContextArgs, out: &mut Output) -> Result<i32, Error> {
    if a.current && a.name.is_some() {
        return Err(Error::msg("you cannot specify both a context name and --current"));
    }
    let name = match (&a.name, a.current) {
        (Some(n), _) => n.clone(),
        (None, true) => CONTEXT.to_string(),
        (None, false) => return Err(Error::msg("you must specify a non-empty context name or --current")),
    };
    if name != CONTEXT {
        return Err(Error::msg(format!(
            "kubesim keeps one context, \"{CONTEXT}\"; use --current or \"{CONTEXT}\""
        )));
    }
    for (flag, v) in [("cluster", &a.cluster), ("user", &a.user)] {
        if let Some(v) = v
            && v != CONTEXT
        {
            return Err(Error::msg(format!(
                "kubesim keeps one {flag}, \"{CONTEXT}\"; --{flag}={v} cannot be set"
            )));
        }
    }
    let mut s = g.write(out)?;
    if let Some(ns) = &g.namespace {
        // An empty --namespace= clears the context's namespace: kubectl then uses "default".
        let ns = if ns.is_empty() {
            "default".to_string()
        } else {
            ns.clone()
        };
        if s.world.state.namespace != ns {
            s.world.state.namespace = ns;
            s.world.mark_dirty();
        }
    }
    s.finish()?;
    out.line(format!("Context \"{CONTEXT}\" modified."));
    Ok(0)
}

fn get_contexts(g: &Globals, a: GetContextsArgs, out: &mut Output) -> Result<i32, Error> {
    let (ns, _) = current(g, out)?;
    let output = a.output.as_deref().unwrap_or("");
    if !matches!(output, "" | "name") {
        return Err(Error::msg(format!("output must be one of '' or 'name': {output}")));
    }
    let missing: Vec<&String> = a.names.iter().filter(|n| *n != CONTEXT).collect();
    let show = a.names.is_empty() || a.names.iter().any(|n| n == CONTEXT);
    if output == "name" {
        if show {
            out.line(CONTEXT);
        }
    } else {
        let mut rows = Vec::new();
        if !a.no_headers {
            rows.push(
                ["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]
                    .map(String::from)
                    .to_vec(),
            );
        }
        if show {
            rows.push(vec!["*".into(), CONTEXT.into(), CONTEXT.into(), CONTEXT.into(), ns]);
        }
        out.out(render(&rows));
    }
    if let Some(n) = missing.first() {
        return Err(Error::msg(format!("context {n} not found")));
    }
    Ok(0)
}
