//! `get`: tables (`-o wide`), yaml, json, name, jsonpath, custom-columns, with label and field
//! selectors, `-A`, `--sort-by`, `--show-labels`, `-L`, `--show-kind` and `--no-headers`.

mod fields;
mod gosort;
mod printer;
mod sort;

use super::Output;
use super::session::Globals;
use crate::api::{Error, Kind, Object, meta};
use crate::ops::get::{self, Scope};
use crate::printers::columns::{self, TableOpts};
use crate::printers::custom_columns;
use crate::printers::table::{Grid, render, render_grid};
use crate::printers::{json, yaml};
use clap::{ArgAction, Args};
use fields::{field_filter, selector_error};
pub(super) use printer::{Printer, printer};
use serde_json::{Value, json};
use sort::{sort_items, sort_table};

#[derive(Args, Debug)]
pub struct GetArgs {
    /// TYPE[.VERSION][.GROUP] [NAME ...] or TYPE/NAME ...
    pub resource: Vec<String>,
    /// Output format: wide, yaml, json, name, jsonpath=..., jsonpath-file=..., jsonpath-as-json=...,
    /// custom-columns=..., custom-columns-file=....
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// Template string or path to template file to use with -o jsonpath / custom-columns.
    #[arg(long)]
    pub template: Option<String>,
    /// Selector (label query) to filter on.
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// Selector (field query) to filter on, e.g. --field-selector status.phase=Running.
    #[arg(long)]
    pub field_selector: Option<String>,
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
    /// Sort list types using this JSONPath expression, e.g. '{.metadata.name}'.
    #[arg(long, value_name = "JSONPATH")]
    pub sort_by: Option<String>,
    /// Ignore errors in templates when a field or map key is missing (jsonpath output).
    #[arg(long, action = ArgAction::Set, num_args = 0..=1, default_value_t = true, default_missing_value = "true")]
    pub allow_missing_template_keys: bool,
}

pub(super) fn run(g: &Globals, a: GetArgs, out: &mut Output) -> Result<i32, Error> {
    let (reqs, multi) = get::parse_args(&a.resource)?;
    let printer = printer(a.output.as_deref(), a.template.as_deref(), a.no_headers)?;
    let named = reqs.iter().any(|r| !r.names.is_empty());
    if named && (a.selector.is_some() || a.field_selector.is_some()) {
        return Err(Error::msg("name cannot be provided when a selector is specified"));
    }
    // kubectl's "single item implied": one type and one name (`get pod x`, `get pod/x`).
    let single_implied = reqs.len() == 1 && reqs[0].names.len() == 1;
    let selector = crate::ops::get::parse_selector(a.selector.as_deref())?;
    let s = g.read(out)?;
    let ns = s.namespace(g);
    let scope = Scope {
        namespace: &ns,
        all_namespaces: a.all_namespaces,
        selector: selector.as_ref(),
    };
    // A pod table (or name list) over a listing needs only the printed fields: decode just those.
    let summaries_wanted =
        (printer.is_table() || matches!(printer, Printer::Name)) && a.sort_by.is_none() && a.field_selector.is_none();
    // Pods of a listing, rendered chunk by chunk from summaries: table rows or names.
    let mut pod_listing: Option<(Grid, Vec<String>)> = None;
    if summaries_wanted && reqs.iter().any(|r| r.kind == Kind::Pod && r.names.is_empty()) {
        let opts = TableOpts {
            wide: matches!(printer, Printer::Table { wide: true }),
            now: s.world.now(),
        };
        let with_kind = multi || a.show_kind;
        let mut grid = columns::grid(Kind::Pod, &[], opts);
        decorate(&mut grid, Kind::Pod, &[], &a, with_kind);
        let mut names = Vec::new();
        get::for_each_pod_summary(&s.world, &scope, &mut |chunk| {
            if matches!(printer, Printer::Name) {
                names.extend(chunk.iter().map(|o| format!("pod/{}", meta::name(o.meta()))));
            } else {
                let mut g = columns::grid(Kind::Pod, chunk, opts);
                decorate_rows(&mut g, Kind::Pod, chunk, &a, with_kind);
                grid.rows.extend(g.rows);
            }
        });
        pod_listing = Some((grid, names));
    }
    let mut groups: Vec<(Kind, Vec<&Object>)> = Vec::new();
    let mut errors = Vec::new();
    for r in &reqs {
        if pod_listing.is_some() && r.kind == Kind::Pod && r.names.is_empty() {
            groups.push((r.kind, Vec::new()));
            continue;
        }
        if let Some(fs) = &a.field_selector {
            match field_filter(r.kind, fs) {
                Ok(filter) => {
                    let (objs, errs) = get::find(&s.world, r, &scope);
                    errors.extend(errs);
                    let objs = objs.into_iter().filter(|o| filter.matches(r.kind, o)).collect();
                    groups.push((r.kind, objs));
                }
                Err(message) => {
                    errors.push(selector_error(
                        r.kind,
                        a.selector.as_deref().unwrap_or(""),
                        fs,
                        &message,
                    ));
                    groups.push((r.kind, Vec::new()));
                }
            }
            continue;
        }
        let (objs, errs) = get::find(&s.world, r, &scope);
        errors.extend(errs);
        groups.push((r.kind, objs));
    }
    let listed_pods = pod_listing.as_ref().map_or(0, |(g, n)| g.rows.len() + n.len());
    let total: usize = groups.iter().map(|(_, o)| o.len()).sum::<usize>() + listed_pods;
    if printer.is_table() {
        if let Some(field) = &a.sort_by {
            for (_, objs) in groups.iter_mut() {
                if named {
                    // kubectl fetches named objects one by one: each is its own one-row table,
                    // checked for the field but never reordered against the others.
                    for o in objs.iter() {
                        sort_table(field, std::slice::from_mut(&mut &**o))?;
                    }
                } else {
                    sort_table(field, objs)?;
                }
            }
        }
        print_table(
            &printer,
            &groups,
            pod_listing.as_ref().map(|(g, _)| g),
            &a,
            multi,
            s.world.now(),
            out,
        );
        if total == 0 && errors.is_empty() {
            let cluster_scoped = reqs.iter().all(|r| !r.kind.namespaced());
            if a.all_namespaces || cluster_scoped {
                out.err_line("No resources found");
            } else {
                out.err_line(format!("No resources found in {ns} namespace."));
            }
        }
    } else if matches!(printer, Printer::Name) && a.sort_by.is_none() {
        // Names need no JSON form of the objects.
        for (k, objs) in &groups {
            if *k == Kind::Pod
                && let Some((_, names)) = &pod_listing
            {
                for n in names {
                    out.line(n);
                }
            }
            for o in objs {
                out.line(format!(
                    "{}/{}",
                    k.singular_qualified(),
                    crate::api::meta::name(o.meta())
                ));
            }
        }
    } else if !single_implied || errors.is_empty() {
        let mut items: Vec<(Kind, Value)> = groups
            .iter()
            .flat_map(|(k, objs)| objs.iter().map(move |o| (*k, o.to_value())))
            .collect();
        let single = single_implied && items.len() == 1;
        if !single && let Some(field) = &a.sort_by {
            sort_items(field, &mut items)?;
        }
        if let Printer::Name = &printer {
            for (k, v) in &items {
                let name = v.pointer("/metadata/name").and_then(Value::as_str).unwrap_or_default();
                out.line(format!("{}/{name}", k.singular_qualified()));
            }
            items.clear();
        }
        let doc = if single {
            items.pop().map(|(_, v)| v).unwrap_or(Value::Null)
        } else if let Printer::Columns { .. } = &printer {
            Value::Null
        } else {
            let values: Vec<Value> = std::mem::take(&mut items).into_iter().map(|(_, v)| v).collect();
            json!({"apiVersion": "v1", "items": values, "kind": "List", "metadata": {"resourceVersion": ""}})
        };
        match &printer {
            Printer::Json => out.out(json::to_json(&doc)),
            Printer::Yaml => out.out(yaml::to_yaml(&doc)),
            Printer::Name => {}
            Printer::JsonPath { path, as_json } => {
                let text = if *as_json {
                    path.execute_as_json(&doc, a.allow_missing_template_keys)
                } else {
                    path.execute(&doc, a.allow_missing_template_keys)
                };
                match text {
                    Ok(t) => out.out(t),
                    Err(e) => {
                        for err in &errors {
                            out.err_line(err.render());
                        }
                        return Err(Error::msg(e.strip_suffix('\n').unwrap_or(&e).to_string()));
                    }
                }
            }
            Printer::Columns { cols, no_headers } => {
                let objs: Vec<Value> = if single {
                    vec![doc]
                } else {
                    items.into_iter().map(|(_, v)| v).collect()
                };
                match custom_columns::render_rows(cols, &objs, *no_headers) {
                    Ok(rows) => out.out(render_columns(&rows)),
                    Err(e) => {
                        out.out(render_columns(&e.rows));
                        return Err(Error::msg(e.message));
                    }
                }
            }
            Printer::Table { .. } => {}
        }
    }
    for e in &errors {
        out.err_line(e.render());
    }
    s.finish()?;
    Ok(if errors.is_empty() { 0 } else { 1 })
}

/// Custom-columns rows through kubectl's tab writer (no cell cutting: that is the table printer's).
fn render_columns(rows: &[Vec<String>]) -> String {
    if rows.iter().all(|r| r.len() <= 1) {
        return rows
            .iter()
            .map(|r| format!("{}\n", r.first().map_or("", String::as_str)))
            .collect();
    }
    render(rows)
}

fn print_table(
    printer: &Printer,
    groups: &[(Kind, Vec<&Object>)],
    pod_grid: Option<&Grid>,
    a: &GetArgs,
    multi: bool,
    now: crate::sim::SimTime,
    out: &mut Output,
) {
    let wide = matches!(printer, Printer::Table { wide: true });
    let opts = TableOpts { wide, now };
    let mut blocks = Vec::new();
    for (k, objs) in groups {
        if *k == Kind::Pod
            && let Some(g) = pod_grid.filter(|g| !g.rows.is_empty())
        {
            blocks.push(render_grid(g, a.no_headers));
        }
        if objs.is_empty() {
            continue;
        }
        let mut grid = columns::grid(*k, objs, opts);
        decorate(&mut grid, *k, objs, a, multi || a.show_kind);
        blocks.push(render_grid(&grid, a.no_headers));
    }
    out.out(blocks.join("\n"));
}

/// Adds the kind prefix, NAMESPACE, label and LABELS columns kubectl adds around the server's.
fn decorate(grid: &mut Grid, kind: Kind, objs: &[&Object], a: &GetArgs, with_kind: bool) {
    decorate_rows(grid, kind, objs, a, with_kind);
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

/// The cells kubectl adds around the server's: kind prefix, label columns, LABELS, NAMESPACE.
fn decorate_rows(grid: &mut Grid, kind: Kind, objs: &[&Object], a: &GetArgs, with_kind: bool) {
    let name_col = if kind == Kind::Event { None } else { Some(0) };
    for (row, o) in grid.rows.iter_mut().zip(objs) {
        if with_kind && let Some(i) = name_col {
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
}
