//! `get`: tables (`-o wide`), yaml, json, name, jsonpath, custom-columns, with label and field
//! selectors, `-A`, `--sort-by`, `--show-labels`, `-L`, `--show-kind` and `--no-headers`.

use super::Output;
use super::session::Globals;
use crate::api::error::go_quote;
use crate::api::quantity::Quantity;
use crate::api::selector::{FieldSelector, Selector};
use crate::api::{Error, Kind, Object, Reason, meta};
use crate::ops::get::{self, Scope};
use crate::printers::columns::{self, TableOpts};
use crate::printers::custom_columns;
use crate::printers::jsonpath::{JsonPath, relaxed_expression};
use crate::printers::table::{Grid, render, render_grid};
use crate::printers::{json, yaml};
use clap::{ArgAction, Args};
use serde_json::{Value, json};
use std::cell::RefCell;
use std::cmp::Ordering;

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

/// How the result is printed.
enum Printer {
    Table {
        wide: bool,
    },
    Json,
    Yaml,
    Name,
    JsonPath {
        path: JsonPath,
        as_json: bool,
    },
    Columns {
        cols: Vec<(String, JsonPath)>,
        no_headers: bool,
    },
}

impl Printer {
    fn is_table(&self) -> bool {
        matches!(self, Printer::Table { .. })
    }
}

const ALLOWED_FORMATS: &str = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/// kubectl's printer flags: the first matching family wins, in kubectl's order.
fn printer(a: &GetArgs) -> Result<Printer, Error> {
    let format = a.output.as_deref().unwrap_or("");
    let template = a.template.as_deref().filter(|t| !t.is_empty());
    match (format, template) {
        ("", None) => return Ok(Printer::Table { wide: false }),
        ("wide", _) => return Ok(Printer::Table { wide: true }),
        ("json", _) => return Ok(Printer::Json),
        ("yaml", _) => return Ok(Printer::Yaml),
        ("name", _) => return Ok(Printer::Name),
        _ => {}
    }
    // `-o FORMAT=VALUE`, or `-o FORMAT --template VALUE`.
    let (name, value) = match template {
        Some(t) => (format, t.to_string()),
        None => match format.split_once('=') {
            Some((f, v)) => (f, v.to_string()),
            None => (format, String::new()),
        },
    };
    let no_compatible = || {
        Error::msg(format!(
            "unable to match a printer suitable for the output format \"{format}\", allowed formats are: {ALLOWED_FORMATS}"
        ))
    };
    match name {
        "" | "go-template" | "go-template-file" | "template" | "templatefile" => {
            if value.is_empty() {
                return Err(Error::msg("template format specified but no template given"));
            }
            Err(Error::msg(
                "go templates are not supported by kubesim; use -o jsonpath=... or -o custom-columns=...",
            ))
        }
        "jsonpath" | "jsonpath-file" | "jsonpath-as-json" => {
            if value.is_empty() {
                return Err(Error::msg("template format specified but no template given"));
            }
            let text = if name == "jsonpath-file" {
                std::fs::read_to_string(&value).map_err(|e| {
                    Error::msg(format!(
                        "error reading --template {value}, {}",
                        go_io_error("open", &value, &e)
                    ))
                })?
            } else {
                value
            };
            let path = JsonPath::parse(&text).map_err(|e| Error::msg(e.trim_end_matches('\n').to_string()))?;
            Ok(Printer::JsonPath {
                path,
                as_json: name == "jsonpath-as-json",
            })
        }
        "custom-columns" | "custom-columns-file" => {
            if value.is_empty() {
                return Err(Error::msg(
                    "custom-columns format specified but no custom columns given",
                ));
            }
            if name == "custom-columns-file" {
                let text = std::fs::read_to_string(&value).map_err(|e| {
                    Error::msg(format!(
                        "error reading template {value}, {}",
                        go_io_error("open", &value, &e)
                    ))
                })?;
                // kubectl's file-based custom-columns printer ignores --no-headers.
                let cols = custom_columns::parse_file(&text).map_err(Error::msg)?;
                Ok(Printer::Columns {
                    cols,
                    no_headers: false,
                })
            } else {
                let cols = custom_columns::parse_spec(&value).map_err(Error::msg)?;
                Ok(Printer::Columns {
                    cols,
                    no_headers: a.no_headers,
                })
            }
        }
        _ => Err(no_compatible()),
    }
}

/// An `os` error as Go prints it: `open /x: no such file or directory`.
fn go_io_error(op: &str, path: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => return format!("read {path}: is a directory"),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    };
    format!("{op} {path}: {reason}")
}

pub(super) fn run(g: &Globals, a: GetArgs, out: &mut Output) -> Result<i32, Error> {
    let (reqs, multi) = get::parse_args(&a.resource)?;
    let printer = printer(&a)?;
    let named = reqs.iter().any(|r| !r.names.is_empty());
    if named && (a.selector.is_some() || a.field_selector.is_some()) {
        return Err(Error::msg("name cannot be provided when a selector is specified"));
    }
    // kubectl's "single item implied": one type and one name (`get pod x`, `get pod/x`).
    let single_implied = reqs.len() == 1 && reqs[0].names.len() == 1;
    let selector = match &a.selector {
        Some(s) => Some(Selector::parse(s).map_err(Error::msg)?),
        None => None,
    };
    let s = g.read(out)?;
    let ns = s.namespace(g);
    let scope = Scope {
        namespace: &ns,
        all_namespaces: a.all_namespaces,
        selector: selector.as_ref(),
    };
    let mut groups: Vec<(Kind, Vec<&Object>)> = Vec::new();
    let mut errors = Vec::new();
    for r in &reqs {
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
    let total: usize = groups.iter().map(|(_, o)| o.len()).sum();
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
        print_table(&printer, &groups, &a, multi, s.world.now(), out);
        if total == 0 && errors.is_empty() {
            let cluster_scoped = reqs.iter().all(|r| !r.kind.namespaced());
            if a.all_namespaces || cluster_scoped {
                out.err_line("No resources found");
            } else {
                out.err_line(format!("No resources found in {ns} namespace."));
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
        let doc = if single {
            items[0].1.clone()
        } else {
            let values: Vec<Value> = items.iter().map(|(_, v)| v.clone()).collect();
            json!({"apiVersion": "v1", "items": values, "kind": "List", "metadata": {"resourceVersion": ""}})
        };
        match &printer {
            Printer::Json => out.out(json::to_json(&doc)),
            Printer::Yaml => out.out(yaml::to_yaml(&doc)),
            Printer::Name => {
                for (k, v) in &items {
                    let name = v.pointer("/metadata/name").and_then(Value::as_str).unwrap_or_default();
                    out.line(format!("{}/{name}", k.singular_qualified()));
                }
            }
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
                    vec![doc.clone()]
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
    a: &GetArgs,
    multi: bool,
    now: crate::sim::SimTime,
    out: &mut Output,
) {
    let wide = matches!(printer, Printer::Table { wide: true });
    let opts = TableOpts { wide, now };
    let mut blocks = Vec::new();
    for (k, objs) in groups {
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

// ---- field selectors ----

/// A parsed `--field-selector`, checked against the fields the API server supports for a kind.
struct FieldFilter {
    selector: FieldSelector,
}

impl FieldFilter {
    fn matches(&self, kind: Kind, o: &Object) -> bool {
        let v = o.to_value();
        self.selector.matches(|f| field_value(kind, &v, f))
    }
}

/// `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match ...`
/// (kubectl wraps the server's BadRequest message with the request it made).
fn selector_error(kind: Kind, label_selector: &str, field_selector: &str, message: &str) -> Error {
    let i = kind.info();
    let gvr = format!("{}/{}, Resource={}", i.group, i.version, i.plural);
    Error::Status {
        reason: Reason::BadRequest,
        message: format!(
            "Unable to find {} that match label selector {}, field selector {}: {message}",
            go_quote(&gvr),
            go_quote(label_selector),
            go_quote(field_selector)
        ),
        context: String::new(),
    }
}

fn field_filter(kind: Kind, s: &str) -> Result<FieldFilter, String> {
    let selector = FieldSelector::parse(s)?;
    for t in selector.requirements() {
        check_field_label(kind, &t.field)?;
    }
    Ok(FieldFilter { selector })
}

/// The field labels each kind's API accepts (the scheme's field label conversion functions),
/// with the server's error for anything else.
fn check_field_label(kind: Kind, label: &str) -> Result<(), String> {
    let extra: &[&str] = match kind {
        Kind::Pod => &[
            "metadata.namespace",
            "spec.nodeName",
            "spec.restartPolicy",
            "spec.schedulerName",
            "spec.serviceAccountName",
            "spec.hostNetwork",
            "status.phase",
            "status.podIP",
            "status.podIPs",
            "status.nominatedNodeName",
            "spec.host",
        ],
        Kind::Node => &["spec.unschedulable"],
        Kind::ReplicationController | Kind::ReplicaSet => &["metadata.namespace", "status.replicas"],
        Kind::Event => &[
            "involvedObject.kind",
            "involvedObject.namespace",
            "involvedObject.name",
            "involvedObject.uid",
            "involvedObject.apiVersion",
            "involvedObject.resourceVersion",
            "involvedObject.fieldPath",
            "reason",
            "reportingComponent",
            "source",
            "type",
            "metadata.namespace",
        ],
        Kind::Namespace => &["status.phase"],
        Kind::Secret => &["type", "metadata.namespace"],
        Kind::Service => &["metadata.namespace", "spec.clusterIP", "spec.type"],
        Kind::Job | Kind::StatefulSet => &["metadata.namespace", "status.successful"],
        _ => {
            return match label {
                "metadata.name" | "metadata.namespace" => Ok(()),
                _ => Err(format!(
                    "{} is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                    go_quote(label)
                )),
            };
        }
    };
    if label == "metadata.name" || extra.contains(&label) {
        return Ok(());
    }
    Err(match kind {
        Kind::Job => format!("field label {} not supported for batchv1.Job", go_quote(label)),
        Kind::StatefulSet => format!("field label not supported for appsv1.StatefulSet: {label}"),
        _ => format!("field label not supported: {label}"),
    })
}

/// The value the API server's selectable field set holds for `field` (`""` when unset, as Go's
/// zero values print).
fn field_value(kind: Kind, v: &Value, field: &str) -> Option<String> {
    let text = |ptr: &str| match v.pointer(ptr) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let or = |ptr: &str, default: &str| {
        let t = text(ptr);
        if t.is_empty() { default.to_string() } else { t }
    };
    let value = match (kind, field) {
        (_, "metadata.name") => text("/metadata/name"),
        (_, "metadata.namespace") => text("/metadata/namespace"),
        (Kind::Pod, "spec.nodeName" | "spec.host") => text("/spec/nodeName"),
        (Kind::Pod, "spec.hostNetwork") => or("/spec/hostNetwork", "false"),
        (Kind::Pod, "status.podIPs") => text("/status/podIP"),
        (Kind::Node, "spec.unschedulable") => or("/spec/unschedulable", "false"),
        (Kind::ReplicaSet | Kind::ReplicationController, "status.replicas") => or("/status/replicas", "0"),
        (Kind::Job, "status.successful") => or("/status/succeeded", "0"),
        (Kind::Event, "source") => text("/source/component"),
        (_, f) => text(&format!("/{}", f.replace('.', "/"))),
    };
    Some(value)
}

// ---- --sort-by ----

/// The table path: kubectl sorts each kind's table by the first value the expression finds in
/// each row's object (`sorter.go` TableSorter).
fn sort_table(field: &str, objs: &mut [&Object]) -> Result<(), Error> {
    if objs.is_empty() {
        return Ok(());
    }
    let parsed = relaxed_expression(field).unwrap_or_else(|_| field.to_string());
    let path = JsonPath::parse_bare(&parsed).map_err(|e| Error::msg(format!("sorting error: {e}")))?;
    let mut keyed: Vec<(Option<Value>, &Object)> = Vec::with_capacity(objs.len());
    for o in objs.iter() {
        keyed.push((first_value(&path, &o.to_value())?, *o));
    }
    if keyed.iter().all(|(k, _)| k.is_none()) {
        return Err(not_found_field(&parsed));
    }
    go_sort_by_key(&mut keyed, &parsed, "[][][]reflect.Value")?;
    for (slot, (_, o)) in objs.iter_mut().zip(keyed) {
        *slot = o;
    }
    Ok(())
}

/// The generic path (json, yaml, name, jsonpath, custom-columns): the items of the printed List
/// are sorted together (`sorter.go` SortObjects).
fn sort_items(field: &str, items: &mut Vec<(Kind, Value)>) -> Result<(), Error> {
    if items.is_empty() {
        return Ok(());
    }
    let parsed = relaxed_expression(field).map_err(Error::msg)?;
    let path = JsonPath::parse_bare(&parsed).map_err(Error::msg)?;
    let mut keyed = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        keyed.push((first_value(&path, &item.1)?, item));
    }
    if keyed.iter().all(|(k, _)| k.is_none()) {
        return Err(not_found_field(&parsed));
    }
    go_sort_by_key(&mut keyed, &parsed, "*unstructured.Unstructured")?;
    items.extend(keyed.into_iter().map(|(_, item)| item));
    Ok(())
}

fn not_found_field(parsed: &str) -> Error {
    Error::msg(format!(
        "couldn't find any field with path {} in the list of objects",
        go_quote(parsed)
    ))
}

fn first_value(path: &JsonPath, v: &Value) -> Result<Option<Value>, Error> {
    let sets = path.find_results(v, true).map_err(Error::msg)?;
    Ok(sets.into_iter().next().and_then(|s| s.into_iter().next()))
}

/// Sorts with kubectl's comparator (a missing value sorts first) through Go's `sort.Sort`, so that
/// ties come out in the order kubectl prints them.
fn go_sort_by_key<T>(keyed: &mut [(Option<Value>, T)], field: &str, type_name: &str) -> Result<(), Error> {
    let failure: RefCell<Option<String>> = RefCell::new(None);
    let less = |a: &(Option<Value>, T), b: &(Option<Value>, T)| -> bool {
        let (Some(i), Some(j)) = (&a.0, &b.0) else {
            return a.0.is_none();
        };
        match is_less(i, j) {
            Ok(l) => l,
            Err(e) => {
                failure.borrow_mut().get_or_insert_with(|| {
                    format!("Field {field} in {type_name} is an unsortable type: interface, err: {e}")
                });
                false
            }
        }
    };
    go_sort(keyed, &less);
    match failure.into_inner() {
        Some(m) => Err(Error::msg(m)),
        None => Ok(()),
    }
}

/// `sorter.go` isLess on unstructured values: integers and floats numerically (never mixed),
/// strings as quantities when both parse, else in natural order; null first.
fn is_less(i: &Value, j: &Value) -> Result<bool, String> {
    match (i, j) {
        (Value::Null, Value::Null) => Ok(false),
        (Value::Null, _) => Ok(true),
        (_, Value::Null) => Ok(false),
        (Value::Number(a), Value::Number(b)) => {
            if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
                Ok(x < y)
            } else if a.is_f64() && b.is_f64() {
                Ok(a.as_f64() < b.as_f64())
            } else if !a.is_f64() && !b.is_f64() {
                Ok(a.as_u64() < b.as_u64())
            } else {
                Err("unsortable interface: interface".into())
            }
        }
        (Value::String(a), Value::String(b)) => match (Quantity::parse(a), Quantity::parse(b)) {
            (Ok(x), Ok(y)) => Ok(x.cmp(&y) == Ordering::Less),
            _ => Ok(natural_less(a, b)),
        },
        (Value::Bool(_), _) => Err("unsortable type: bool".into()),
        (Value::Object(_), _) => Err("unsortable type: map[string]interface {}".into()),
        (Value::Array(_), _) => Err("unsortable type: []interface {}".into()),
        _ => Err("unsortable interface: interface".into()),
    }
}

/// `github.com/fvbommel/sortorder` NaturalLess: runs of digits compare as numbers.
fn natural_less(s1: &str, s2: &str) -> bool {
    let (a, b) = (s1.as_bytes(), s2.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (c1, c2) = (a[i], b[j]);
        let (d1, d2) = (c1.is_ascii_digit(), c2.is_ascii_digit());
        if d1 != d2 {
            return d1;
        }
        if !d1 {
            if c1 != c2 {
                return c1 < c2;
            }
            i += 1;
            j += 1;
            continue;
        }
        while i < a.len() && a[i] == b'0' {
            i += 1;
        }
        while j < b.len() && b[j] == b'0' {
            j += 1;
        }
        let (nz1, nz2) = (i, j);
        while i < a.len() && a[i].is_ascii_digit() {
            i += 1;
        }
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let (l1, l2) = (i - nz1, j - nz2);
        if l1 != l2 {
            return l1 < l2;
        }
        if a[nz1..i] != b[nz2..j] {
            return a[nz1..i] < b[nz2..j];
        }
        if nz1 != nz2 {
            return nz1 < nz2;
        }
    }
    a.len() < b.len()
}

// ---- Go's sort.Sort (pdqsort), ported from Go's sort/zsortinterface.go ----

type Less<'a, T> = &'a dyn Fn(&T, &T) -> bool;

fn go_sort<T>(data: &mut [T], less: Less<'_, T>) {
    let n = data.len();
    if n <= 1 {
        return;
    }
    let limit = (usize::BITS - n.leading_zeros()) as isize;
    pdqsort(data, less, 0, n as isize, limit);
}

fn lt<T>(d: &[T], less: Less<'_, T>, i: isize, j: isize) -> bool {
    less(&d[i as usize], &d[j as usize])
}

fn swap<T>(d: &mut [T], i: isize, j: isize) {
    d.swap(i as usize, j as usize);
}

fn insertion_sort<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize) {
    let mut i = a + 1;
    while i < b {
        let mut j = i;
        while j > a && lt(d, less, j, j - 1) {
            swap(d, j, j - 1);
            j -= 1;
        }
        i += 1;
    }
}

fn sift_down<T>(d: &mut [T], less: Less<'_, T>, lo: isize, hi: isize, first: isize) {
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            break;
        }
        if child + 1 < hi && lt(d, less, first + child, first + child + 1) {
            child += 1;
        }
        if !lt(d, less, first + root, first + child) {
            return;
        }
        swap(d, first + root, first + child);
        root = child;
    }
}

fn heap_sort<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize) {
    let first = a;
    let hi = b - a;
    let mut i = (hi - 1) / 2;
    while i >= 0 {
        sift_down(d, less, i, hi, first);
        i -= 1;
    }
    let mut i = hi - 1;
    while i >= 0 {
        swap(d, first, first + i);
        sift_down(d, less, 0, i, first);
        i -= 1;
    }
}

#[derive(PartialEq)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

fn pdqsort<T>(d: &mut [T], less: Less<'_, T>, mut a: isize, mut b: isize, mut limit: isize) {
    const MAX_INSERTION: isize = 12;
    let mut was_balanced = true;
    let mut was_partitioned = true;
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            insertion_sort(d, less, a, b);
            return;
        }
        if limit == 0 {
            heap_sort(d, less, a, b);
            return;
        }
        if !was_balanced {
            break_patterns(d, a, b);
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(d, less, a, b);
        if hint == Hint::Decreasing {
            reverse_range(d, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = Hint::Increasing;
        }
        if was_balanced && was_partitioned && hint == Hint::Increasing && partial_insertion_sort(d, less, a, b) {
            return;
        }
        if a > 0 && !lt(d, less, a - 1, pivot) {
            a = partition_equal(d, less, a, b, pivot);
            continue;
        }
        let (mid, already) = partition(d, less, a, b, pivot);
        was_partitioned = already;
        let (left, right) = (mid - a, b - mid);
        let threshold = length / 8;
        if left < right {
            was_balanced = left >= threshold;
            pdqsort(d, less, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right >= threshold;
            pdqsort(d, less, mid + 1, b, limit);
            b = mid;
        }
    }
}

fn partition<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize, pivot: isize) -> (isize, bool) {
    swap(d, a, pivot);
    let (mut i, mut j) = (a + 1, b - 1);
    while i <= j && lt(d, less, i, a) {
        i += 1;
    }
    while i <= j && !lt(d, less, j, a) {
        j -= 1;
    }
    if i > j {
        swap(d, j, a);
        return (j, true);
    }
    swap(d, i, j);
    i += 1;
    j -= 1;
    loop {
        while i <= j && lt(d, less, i, a) {
            i += 1;
        }
        while i <= j && !lt(d, less, j, a) {
            j -= 1;
        }
        if i > j {
            break;
        }
        swap(d, i, j);
        i += 1;
        j -= 1;
    }
    swap(d, j, a);
    (j, false)
}

fn partition_equal<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize, pivot: isize) -> isize {
    swap(d, a, pivot);
    let (mut i, mut j) = (a + 1, b - 1);
    loop {
        while i <= j && !lt(d, less, a, i) {
            i += 1;
        }
        while i <= j && lt(d, less, a, j) {
            j -= 1;
        }
        if i > j {
            break;
        }
        swap(d, i, j);
        i += 1;
        j -= 1;
    }
    i
}

fn partial_insertion_sort<T>(d: &mut [T], less: Less<'_, T>, a: isize, b: isize) -> bool {
    const MAX_STEPS: usize = 5;
    const SHORTEST_SHIFTING: isize = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !lt(d, less, i, i - 1) {
            i += 1;
        }
        if i == b {
            return true;
        }
        if b - a < SHORTEST_SHIFTING {
            return false;
        }
        swap(d, i, i - 1);
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !lt(d, less, j, j - 1) {
                    break;
                }
                swap(d, j, j - 1);
                j -= 1;
            }
        }
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !lt(d, less, j, j - 1) {
                    break;
                }
                swap(d, j, j - 1);
                j += 1;
            }
        }
    }
    false
}

fn break_patterns<T>(d: &mut [T], a: isize, b: isize) {
    let length = b - a;
    if length >= 8 {
        let mut random = length as u64;
        let modulus = 1u64 << (u64::BITS - (length as u64).leading_zeros());
        let mut idx = a + (length / 4) * 2 - 1;
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13;
            random ^= random >> 7;
            random ^= random << 17;
            let mut other = (random & (modulus - 1)) as isize;
            if other >= length {
                other -= length;
            }
            swap(d, idx, a + other);
            idx += 1;
        }
    }
}

fn choose_pivot<T>(d: &[T], less: Less<'_, T>, a: isize, b: isize) -> (isize, Hint) {
    const SHORTEST_NINTHER: isize = 50;
    const MAX_SWAPS: usize = 4 * 3;
    let l = b - a;
    let mut swaps = 0usize;
    let mut i = a + l / 4;
    let mut j = a + l / 4 * 2;
    let mut k = a + l / 4 * 3;
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(d, less, i - 1, i, i + 1, &mut swaps);
            j = median(d, less, j - 1, j, j + 1, &mut swaps);
            k = median(d, less, k - 1, k, k + 1, &mut swaps);
        }
        j = median(d, less, i, j, k, &mut swaps);
    }
    match swaps {
        0 => (j, Hint::Increasing),
        MAX_SWAPS => (j, Hint::Decreasing),
        _ => (j, Hint::Unknown),
    }
}

fn order2<T>(d: &[T], less: Less<'_, T>, a: isize, b: isize, swaps: &mut usize) -> (isize, isize) {
    if lt(d, less, b, a) {
        *swaps += 1;
        return (b, a);
    }
    (a, b)
}

fn median<T>(d: &[T], less: Less<'_, T>, a: isize, b: isize, c: isize, swaps: &mut usize) -> isize {
    let (a, b) = order2(d, less, a, b, swaps);
    let (b, c) = order2(d, less, b, c, swaps);
    let _ = c;
    let (_, b) = order2(d, less, a, b, swaps);
    b
}

fn reverse_range<T>(d: &mut [T], a: isize, b: isize) {
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        swap(d, i, j);
        i += 1;
        j -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_matches_sortorder() {
        assert!(natural_less("web-2", "web-10"));
        assert!(!natural_less("web-10", "web-2"));
        assert!(natural_less("a", "b"));
        assert!(natural_less("1a", "a"));
        assert!(natural_less("x01", "x001"));
        assert!(natural_less("abc", "abcd"));
        assert!(!natural_less("abc", "abc"));
    }

    #[test]
    fn is_less_follows_kubectl() {
        assert_eq!(is_less(&json!(2), &json!(10)), Ok(true));
        assert_eq!(is_less(&json!("2Gi"), &json!("100Mi")), Ok(false));
        assert_eq!(is_less(&json!("100m"), &json!("1")), Ok(true));
        assert_eq!(is_less(&json!("web-2"), &json!("web-10")), Ok(true));
        assert!(is_less(&json!(true), &json!(false)).is_err());
        assert!(is_less(&json!(1), &json!(1.5)).is_err());
        assert_eq!(is_less(&json!(null), &json!(1)), Ok(true));
    }

    #[test]
    fn go_sort_matches_go_for_missing_values() {
        // Go's insertion sort swaps while Less(j, j-1): two missing values trade places.
        let mut v: Vec<(Option<Value>, &str)> = vec![(None, "a"), (None, "b"), (Some(json!(1)), "c")];
        go_sort_by_key(&mut v, "{.x}", "t").unwrap();
        let order: Vec<&str> = v.iter().map(|x| x.1).collect();
        assert_eq!(order, ["b", "a", "c"]);
    }

    #[test]
    fn go_sort_sorts_long_inputs() {
        let mut v: Vec<u32> = (0..500).map(|i| (i * 7919) % 503).collect();
        let less = |a: &u32, b: &u32| a < b;
        go_sort(&mut v, &less);
        assert!(v.windows(2).all(|w| w[0] <= w[1]));
        let mut desc: Vec<u32> = (0..100).rev().collect();
        go_sort(&mut desc, &less);
        assert!(desc.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn field_labels_follow_the_api_server() {
        assert!(check_field_label(Kind::Pod, "spec.nodeName").is_ok());
        assert_eq!(
            check_field_label(Kind::Pod, "spec.foo").unwrap_err(),
            "field label not supported: spec.foo"
        );
        assert!(check_field_label(Kind::Deployment, "metadata.namespace").is_ok());
        assert_eq!(
            check_field_label(Kind::Deployment, "spec.replicas").unwrap_err(),
            "\"spec.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""
        );
        assert_eq!(
            check_field_label(Kind::Node, "metadata.namespace").unwrap_err(),
            "field label not supported: metadata.namespace"
        );
    }
}
