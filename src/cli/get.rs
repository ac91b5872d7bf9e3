//! `get`: tables (`-o wide`), yaml, json, name, with selectors, `-A`, `--show-labels`, `-L`,
//! `--show-kind` and `--no-headers`.

use super::Output;
use super::session::Globals;
use crate::api::selector::Selector;
use crate::api::{Error, Kind, Object, meta};
use crate::ops::get::{self, Scope};
use crate::printers::columns::{self, TableOpts};
use crate::printers::table::{Grid, render_grid};
use crate::printers::{json, yaml};
use clap::Args;
use serde_json::{Value, json};

#[derive(Args, Debug)]
pub struct GetArgs {
    /// TYPE[.VERSION][.GROUP] [NAME ...] or TYPE/NAME ...
    pub resource: Vec<String>,
    /// Output format: wide, yaml, json, name.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// Selector (label query) to filter on.
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// List the requested object(s) across all namespaces.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// Don't print headers.
    #[arg(long)]
    pub no_headers: bool,
    /// Show all labels as the last column.
    #[arg(long)]
    pub show_labels: bool,
    /// List the resource type for the requested object(s).
    #[arg(long)]
    pub show_kind: bool,
    /// Columns for the values of these labels.
    #[arg(short = 'L', long = "label-columns", value_delimiter = ',')]
    pub label_columns: Vec<String>,
}

pub(super) fn run(g: &Globals, a: GetArgs, out: &mut Output) -> Result<i32, Error> {
    let (reqs, multi) = get::parse_args(&a.resource)?;
    let selector = match &a.selector {
        Some(s) => Some(Selector::parse(s).map_err(Error::msg)?),
        None => None,
    };
    let s = g.read(out)?;
    let ns = s.namespace(g);
    let scope = Scope { namespace: &ns, all_namespaces: a.all_namespaces, selector: selector.as_ref() };
    let mut groups: Vec<(Kind, Vec<&Object>)> = Vec::new();
    let mut errors = Vec::new();
    let mut single_named = reqs.len() == 1 && reqs[0].names.len() == 1;
    for r in &reqs {
        let (objs, errs) = get::find(&s.world, r, &scope);
        errors.extend(errs);
        groups.push((r.kind, objs));
    }
    let total: usize = groups.iter().map(|(_, o)| o.len()).sum();
    if total != 1 {
        single_named = false;
    }
    let output = a.output.as_deref().unwrap_or("");
    match output {
        "yaml" | "json" => {
            let items: Vec<Value> = groups.iter().flat_map(|(_, o)| o.iter().map(|x| x.to_value())).collect();
            let doc = if single_named && errors.is_empty() {
                items.into_iter().next().unwrap_or(Value::Null)
            } else if items.is_empty() && !errors.is_empty() {
                Value::Null
            } else {
                json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}})
            };
            if !doc.is_null() {
                out.out(if output == "yaml" { yaml::to_yaml(&doc) } else { json::to_json(&doc) });
            }
        }
        "name" => {
            for (k, objs) in &groups {
                for o in objs {
                    out.line(format!("{}/{}", k.singular_qualified(), meta::name(o.meta())));
                }
            }
        }
        "" | "wide" => {
            let opts = TableOpts { wide: output == "wide", now: s.world.now() };
            let mut blocks = Vec::new();
            for (k, objs) in &groups {
                if objs.is_empty() {
                    continue;
                }
                let mut grid = columns::grid(*k, objs, opts);
                decorate(&mut grid, *k, objs, &a, multi || a.show_kind);
                blocks.push(render_grid(&grid, a.no_headers));
            }
            out.out(blocks.join("\n"));
            if total == 0 && errors.is_empty() {
                let cluster_scoped = reqs.iter().all(|r| !r.kind.namespaced());
                if a.all_namespaces || cluster_scoped {
                    out.err_line("No resources found");
                } else {
                    out.err_line(format!("No resources found in {ns} namespace."));
                }
            }
        }
        other => {
            return Err(Error::msg(format!(
                "unable to match a printer suitable for the output format \"{other}\", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml"
            )));
        }
    }
    for e in &errors {
        out.err_line(e.render());
    }
    s.finish()?;
    Ok(if errors.is_empty() { 0 } else { 1 })
}

/// Adds the kind prefix, NAMESPACE, label and LABELS columns kubectl adds around the server's.
fn decorate(grid: &mut Grid, kind: Kind, objs: &[&Object], a: &GetArgs, with_kind: bool) {
    let name_col = if kind == Kind::Event { None } else { Some(0) };
    for (row, o) in grid.rows.iter_mut().zip(objs) {
        if with_kind
            && let Some(i) = name_col {
                row[i] = format!("{}/{}", kind.singular_qualified(), row[i]);
            }
        let labels = meta::labels(o.meta());
        for key in &a.label_columns {
            row.push(labels.get(key).cloned().unwrap_or_default());
        }
        if a.show_labels {
            let l: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
            row.push(if l.is_empty() { "<none>".into() } else { l.join(",") });
        }
        if a.all_namespaces && kind.namespaced() {
            row.insert(0, meta::namespace(o.meta()).to_string());
        }
    }
    for key in &a.label_columns {
        grid.headers.push(key.rsplit('/').next().unwrap_or(key).to_uppercase());
    }
    if a.show_labels {
        grid.headers.push("LABELS".into());
    }
    if a.all_namespaces && kind.namespaced() {
        grid.headers.insert(0, "NAMESPACE".into());
    }
}
