//! `apply -f` and `create -f`.

use super::Output;
use super::get::{Printer, printer};
use super::session::Globals;
use crate::api::Error;
use crate::engine;
use crate::ops::apply::{self, DryRun, Options};
use crate::ops::manifest;
use crate::printers::json::to_json;
use crate::printers::yaml::to_yaml;
use clap::Args;
use serde_json::{Value, json};

#[derive(Args, Debug)]
pub struct ApplyArgs {
    /// The files that contain the configurations to apply (`-` for stdin).
    #[arg(short = 'f', long = "filename", required = true)]
    pub filename: Vec<String>,
    /// Process the directory used in -f recursively.
    #[arg(short = 'R', long)]
    pub recursive: bool,
    /// Must be "none", "server", or "client".
    #[arg(long, default_value = "none", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: String,
    /// Output format: json, yaml, name, jsonpath=..., jsonpath-as-json=... .
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

#[derive(Args, Debug)]
pub(super) struct CreateArgs {
    /// Filename, directory, or URL to files to use to create the resource.
    #[arg(short = 'f', long = "filename", required = true)]
    pub filename: Vec<String>,
    #[arg(short = 'R', long)]
    pub recursive: bool,
    #[arg(long, default_value = "none", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: String,
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

fn dry_run(s: &str) -> Result<DryRun, Error> {
    match s {
        "none" => Ok(DryRun::None),
        "client" => Ok(DryRun::Client),
        "server" => Ok(DryRun::Server),
        other => Err(Error::msg(format!(
            "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
        ))),
    }
}

fn read_stdin() -> Result<String, Error> {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| Error::msg(e.to_string()))?;
    Ok(s)
}

pub(super) fn run_apply(g: &Globals, a: ApplyArgs, out: &mut Output) -> Result<i32, Error> {
    run_common(g, &a.filename, a.recursive, &a.dry_run, a.output.as_deref(), false, out)
}

pub(super) fn run_create(g: &Globals, a: CreateArgs, out: &mut Output) -> Result<i32, Error> {
    run_common(g, &a.filename, a.recursive, &a.dry_run, a.output.as_deref(), true, out)
}

fn run_common(
    g: &Globals,
    files: &[String],
    recursive: bool,
    dry: &str,
    output: Option<&str>,
    create_only: bool,
    out: &mut Output,
) -> Result<i32, Error> {
    let dry = dry_run(dry)?;
    let printer = object_printer(output)?;
    let docs = manifest::read_all(files, recursive, &read_stdin)?;
    let mut s = g.write(out)?;
    let opts = Options {
        namespace: s.namespace(g),
        explicit_namespace: g.namespace.is_some(),
        dry_run: dry,
        create_only,
    };
    let mut warnings = Vec::new();
    let (done, errors) = apply::apply(&mut s.world, docs, &opts, &mut warnings);
    for w in &warnings {
        out.err_line(w);
    }
    let suffix = match dry {
        DryRun::None => "",
        DryRun::Client => " (dry run)",
        DryRun::Server => " (server dry run)",
    };
    match &printer {
        None | Some(Printer::Name) => {
            for d in &done {
                let name = format!("{}/{}", d.kind.singular_qualified(), d.name);
                if printer.is_some() {
                    out.line(name);
                } else {
                    out.line(format!("{name} {}{suffix}", d.outcome.as_str()));
                }
            }
        }
        // kubectl prints the objects only when every one of them succeeded.
        Some(p) if !done.is_empty() && errors.is_empty() => print_objects(p, &done, !create_only, out)?,
        Some(_) => {}
    }
    if dry == DryRun::None {
        engine::settle(&mut s.world)?;
        s.finish()?;
    }
    for e in &errors {
        out.err_line(e.render());
    }
    Ok(if errors.is_empty() { 0 } else { 1 })
}

/// `-o` for `apply` and `create -f`: `name`, or a printer of the objects as the API returned them.
fn object_printer(output: Option<&str>) -> Result<Option<Printer>, Error> {
    const FORMATS: &str =
        "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";
    let Some(o) = output.filter(|o| !o.is_empty()) else {
        return Ok(None);
    };
    let name = o.split_once('=').map_or(o, |(n, _)| n);
    if !FORMATS.split(',').any(|f| f == name) {
        return Err(Error::msg(format!(
            "unable to match a printer suitable for the output format \"{o}\", allowed formats are: {FORMATS}"
        )));
    }
    printer(Some(o), None, false).map(Some)
}

/// `apply` prints one object as it is and several as a `List`; `create` prints each object in
/// turn (YAML documents separated by `---`).
fn print_objects(p: &Printer, done: &[apply::Applied], as_list: bool, out: &mut Output) -> Result<(), Error> {
    let mut items: Vec<Value> = done.iter().map(|d| d.object.to_value()).collect();
    let docs = if items.len() == 1 || !as_list {
        items
    } else {
        let items = std::mem::take(&mut items);
        vec![json!({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {}})]
    };
    for (i, doc) in docs.iter().enumerate() {
        match p {
            Printer::Json => out.out(to_json(doc)),
            Printer::Yaml => {
                if i > 0 {
                    out.out("---\n");
                }
                out.out(to_yaml(doc));
            }
            Printer::JsonPath { path, as_json } => {
                let text = if *as_json {
                    path.execute_as_json(doc, true)
                } else {
                    path.execute(doc, true)
                };
                out.out(text.map_err(|e| Error::msg(e.trim_end_matches('\n').to_string()))?);
            }
            Printer::Name | Printer::Table { .. } | Printer::Columns { .. } => {}
        }
    }
    Ok(())
}
