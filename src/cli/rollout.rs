//! `rollout status|history|undo|pause|resume|restart`.

use super::Output;
use super::session::Globals;
use crate::api::k8s_openapi::api::core::v1::PodTemplateSpec;
use crate::api::{Error, Kind, ObjKey};
use crate::engine;
use crate::ops::get::{self, Request};
use crate::ops::rollout::{self, History, Toggle, WatchOptions};
use crate::sim::parse_go_duration;
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
pub struct RolloutArgs {
    #[command(subcommand)]
    pub command: RolloutCommand,
}

#[derive(Subcommand, Debug)]
pub enum RolloutCommand {
    /// Show the status of the rollout (advancing the simulated clock while it waits).
    Status(StatusArgs),
    /// View previous rollout revisions and configurations.
    History(HistoryArgs),
    /// Undo a previous rollout.
    Undo(UndoArgs),
    /// Mark the provided resource as paused.
    Pause(ResourceArgs),
    /// Resume a paused resource.
    Resume(ResourceArgs),
    /// Restart a resource.
    Restart(ResourceArgs),
}

#[derive(Args, Debug)]
pub struct ResourceArgs {
    /// (TYPE NAME | TYPE/NAME) ...
    pub resources: Vec<String>,
}

#[derive(Args, Debug)]
pub struct StatusArgs {
    /// (TYPE NAME | TYPE/NAME)
    pub resources: Vec<String>,
    /// Watch the status of the rollout until it's done.
    #[arg(short = 'w', long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub watch: bool,
    /// Pin to a specific revision for showing its status. Defaults to 0 (last revision).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    pub revision: i64,
    /// The length of simulated time to wait before ending watch, zero means never (e.g. 1s, 2m, 3h).
    #[arg(long)]
    pub timeout: Option<String>,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// (TYPE NAME | TYPE/NAME) ...
    pub resources: Vec<String>,
    /// See the details, including podTemplate of the revision specified.
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    pub revision: i64,
}

#[derive(Args, Debug)]
pub struct UndoArgs {
    /// (TYPE NAME | TYPE/NAME) ...
    pub resources: Vec<String>,
    /// The revision to rollback to. Default to 0 (last revision).
    #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
    pub to_revision: i64,
}

pub(super) fn run(g: &Globals, a: RolloutArgs, out: &mut Output) -> Result<i32, Error> {
    match a.command {
        RolloutCommand::Status(a) => run_status(g, a, out),
        RolloutCommand::History(a) => run_history(g, a, out),
        RolloutCommand::Undo(a) => run_undo(g, a, out),
        RolloutCommand::Pause(a) => run_toggle(g, a, Toggle::Pause, "paused", out),
        RolloutCommand::Resume(a) => run_toggle(g, a, Toggle::Resume, "resumed", out),
        RolloutCommand::Restart(a) => run_toggle(g, a, Toggle::Restart, "restarted", out),
    }
}

/// The objects found and the NotFound errors for the missing ones.
type Targets = (Vec<(Kind, ObjKey)>, Vec<Error>);

/// The named objects (kubectl's builder with ResourceTypeOrNameArgs(true, ...)); a type without
/// names means every object of it in the namespace.
fn targets(world: &crate::world::World, ns: &str, resources: &[String]) -> Result<Targets, Error> {
    if resources.is_empty() {
        return Err(Error::msg("required resource not specified"));
    }
    let (reqs, _) = get::parse_args(resources)?;
    let scope = get::Scope {
        namespace: ns,
        all_namespaces: false,
        selector: None,
    };
    let mut keys = Vec::new();
    let mut errors = Vec::new();
    for r in &reqs {
        let (objs, errs) = get::find(
            world,
            &Request {
                kind: r.kind,
                names: r.names.clone(),
            },
            &scope,
        );
        keys.extend(objs.iter().map(|o| (r.kind, ObjKey::of(o.meta()))));
        errors.extend(errs);
    }
    Ok((keys, errors))
}

fn run_status(g: &Globals, a: StatusArgs, out: &mut Output) -> Result<i32, Error> {
    if a.resources.is_empty() {
        return Err(Error::msg("required resource not specified"));
    }
    if a.revision < 0 {
        return Err(Error::msg(format!(
            "revision must be a positive integer: {}",
            a.revision
        )));
    }
    let timeout = match &a.timeout {
        Some(t) => Some(
            parse_go_duration(t)
                .map_err(|e| Error::msg(format!("invalid argument {t:?} for \"--timeout\" flag: {e}")))?,
        ),
        None => None,
    };
    let (reqs, _) = get::parse_args(&a.resources)?;
    if reqs.len() > 1 {
        return Err(Error::msg(
            "you must provide one or more resources by argument or filename",
        ));
    }
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let (keys, errors) = targets(&s.world, &ns, &a.resources)?;
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    if keys.len() != 1 {
        return Err(Error::msg(format!(
            "rollout status is only supported on individual resources and resource collections - {} resources were found",
            keys.len()
        )));
    }
    let (kind, key) = &keys[0];
    let watched = rollout::watch_status(
        &mut s.world,
        *kind,
        key,
        WatchOptions {
            watch: a.watch,
            revision: a.revision,
            timeout,
        },
    );
    for l in &watched.lines {
        out.line(l);
    }
    s.finish()?;
    watched.result.map(|()| 0)
}

/// polymorphichelpers' tabbedString(REVISION, CHANGE-CAUSE): tabwriter(0, 8, 2, ' ').
fn history_table(rows: &[(i64, Option<String>)]) -> String {
    let with_cause = rows.iter().any(|(_, c)| c.is_some());
    if !with_cause {
        let mut s = String::from("REVISION\n");
        for (r, _) in rows {
            s.push_str(&format!("{r}\n"));
        }
        return s;
    }
    let width = rows
        .iter()
        .map(|(r, _)| r.to_string().len())
        .chain(std::iter::once("REVISION".len()))
        .max()
        .unwrap_or(8)
        + 2;
    let mut s = format!("{:<width$}CHANGE-CAUSE\n", "REVISION");
    for (r, c) in rows {
        let c = c.as_deref().filter(|c| !c.is_empty()).unwrap_or("<none>");
        s.push_str(&format!("{:<width$}{c}\n", r.to_string()));
    }
    s
}

fn template_text(t: &PodTemplateSpec) -> String {
    crate::printers::describe::pod_template_text(t)
}

fn run_history(g: &Globals, a: HistoryArgs, out: &mut Output) -> Result<i32, Error> {
    if a.revision < 0 {
        return Err(Error::msg(format!(
            "revision must be a positive integer: {}",
            a.revision
        )));
    }
    let s = g.read(out)?;
    let ns = s.namespace(g);
    let (keys, errors) = targets(&s.world, &ns, &a.resources)?;
    let code = each_until_error(&keys, &errors, out, |kind, key| {
        let text = match rollout::history(&s.world, kind, key, a.revision)? {
            History::Empty => "No rollout history found.".to_string(),
            History::Table(rows) => history_table(&rows),
            History::Template(t) => template_text(&t),
        };
        let with = if a.revision > 0 {
            format!("with revision #{}", a.revision)
        } else {
            String::new()
        };
        Ok(format!("{with}\n{text}"))
    });
    s.finish()?;
    Ok(code)
}

/// Runs `op` on each target in order, printing `kind/name <its text>`, and stops at the first
/// failure as kubectl's history and undo do; then reports the targets that were not found.
fn each_until_error(
    keys: &[(Kind, ObjKey)],
    errors: &[Error],
    out: &mut Output,
    mut op: impl FnMut(Kind, &ObjKey) -> Result<String, Error>,
) -> i32 {
    let mut code = 0;
    for (kind, key) in keys {
        match op(*kind, key) {
            Ok(text) => out.line(format!("{}/{} {text}", kind.singular_qualified(), key.name)),
            Err(e) => {
                out.err_line(e.render());
                code = 1;
                break;
            }
        }
    }
    for e in errors {
        out.err_line(e.render());
        code = 1;
    }
    code
}

fn run_undo(g: &Globals, a: UndoArgs, out: &mut Output) -> Result<i32, Error> {
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let (keys, errors) = targets(&s.world, &ns, &a.resources)?;
    let code = each_until_error(&keys, &errors, out, |kind, key| {
        rollout::undo(&mut s.world, kind, key, a.to_revision)
    });
    engine::settle(&mut s.world)?;
    s.finish()?;
    Ok(code)
}

fn run_toggle(g: &Globals, a: ResourceArgs, t: Toggle, done: &str, out: &mut Output) -> Result<i32, Error> {
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let (keys, mut errors) = targets(&s.world, &ns, &a.resources)?;
    for (kind, key) in &keys {
        match rollout::toggle(&mut s.world, *kind, key, t) {
            Ok(()) => out.line(format!("{}/{} {done}", kind.singular_qualified(), key.name)),
            Err(e) => errors.push(e),
        }
    }
    engine::settle(&mut s.world)?;
    s.finish()?;
    for e in &errors {
        out.err_line(e.render());
    }
    Ok(if errors.is_empty() { 0 } else { 1 })
}
