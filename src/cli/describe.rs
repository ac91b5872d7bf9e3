//! `describe`: kubectl's describers with their related objects (events, pods, replica sets,
//! endpoints) looked up here.

use super::Output;
use super::session::Globals;
use crate::api::k8s_openapi::api::apps::v1::{Deployment, ReplicaSet};
use crate::api::k8s_openapi::api::core::v1::{Endpoints, Pod};
use crate::api::meta;
use crate::api::{Error, ObjKey, Object, Reason};
use crate::ops::get::{self, Request, Scope};
use crate::printers::describe::{DescribeCtx, describe, describe_service};
use crate::world::World;
use clap::Args;

#[derive(Args, Debug)]
pub struct DescribeArgs {
    /// TYPE [NAME_PREFIX] or TYPE/NAME.
    pub resource: Vec<String>,
    /// Selector (label query) to filter on.
    #[arg(short = 'l', long)]
    pub selector: Option<String>,
    /// If present, list the requested object(s) across all namespaces.
    #[arg(short = 'A', long)]
    pub all_namespaces: bool,
    /// If true, display events related to the described object.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, num_args = 0..=1, default_missing_value = "true")]
    pub show_events: bool,
}

/// The describe text of one object, with the related objects its describer needs.
fn describe_one(world: &World, obj: &Object, show_events: bool) -> String {
    let m = obj.meta();
    let ns = meta::namespace(m);
    let mut ctx = DescribeCtx {
        now: world.now(),
        ..Default::default()
    };
    if show_events {
        ctx.events = world.events_for(obj.kind(), m);
    }
    let uid = meta::uid(m);
    match obj {
        Object::ReplicaSet(_) | Object::ReplicationController(_) => {
            ctx.pods = world
                .list::<Pod>(Some(ns))
                .into_iter()
                .filter(|p| meta::controller_of(&p.metadata).is_some_and(|r| r.uid == uid))
                .collect();
        }
        Object::Node(_) => {
            let name = meta::name(m);
            ctx.pods = world
                .list::<Pod>(None)
                .into_iter()
                .filter(|p| meta::node_name(p) == Some(name))
                .collect();
        }
        Object::Deployment(d) => {
            ctx.replica_sets = deployment_replica_sets(world, d);
        }
        Object::Service(svc) => {
            let ep = world.get::<Endpoints>(&ObjKey::of(m));
            return describe_service(svc, &ctx, ep);
        }
        _ => {}
    }
    describe(obj, &ctx)
}

fn deployment_replica_sets<'w>(world: &'w World, d: &Deployment) -> Vec<&'w ReplicaSet> {
    crate::ops::rollout::owned_replica_sets(world, d)
}

pub(super) fn run(g: &Globals, a: DescribeArgs, out: &mut Output) -> Result<i32, Error> {
    if a.resource.is_empty() {
        return Err(Error::Raw(
            "error: You must specify the type of resource to describe. Use \"kubesim api-resources\" for a complete list of supported resources.\n".into(),
        ));
    }
    let (reqs, _) = get::parse_args(&a.resource)?;
    let selector = crate::ops::get::parse_selector(a.selector.as_deref())?;
    let s = g.read(out)?;
    let ns = s.namespace(g);
    let scope = Scope {
        namespace: &ns,
        all_namespaces: a.all_namespaces,
        selector: selector.as_ref(),
    };
    let mut objs: Vec<&Object> = Vec::new();
    let mut errors: Vec<Error> = Vec::new();
    for r in &reqs {
        let (found, errs) = get::find(
            &s.world,
            &Request {
                kind: r.kind,
                names: r.names.clone(),
            },
            &scope,
        );
        objs.extend(found);
        errors.extend(errs);
    }
    // `describe TYPE NAME` with NAME missing describes every object whose name starts with it
    // (DescribeMatchingResources), each followed by a blank line.
    let type_then_name = a.resource.len() == 2 && !a.resource[0].contains('/');
    if type_then_name && errors.iter().any(is_not_found) {
        let kind = reqs[0].kind;
        let prefix = &a.resource[1];
        let ns_filter = if kind.namespaced() { Some(ns.as_str()) } else { None };
        let matching: Vec<&Object> = s
            .world
            .list_objs(kind, ns_filter)
            .into_iter()
            .filter(|o| meta::name(o.meta()).starts_with(prefix.as_str()))
            .collect();
        if matching.is_empty() {
            return Err(errors.remove(0));
        }
        for o in matching {
            out.line(describe_one(&s.world, o, a.show_events));
        }
        s.finish()?;
        return Ok(0);
    }
    for (i, o) in objs.iter().enumerate() {
        if i > 0 {
            out.out("\n\n");
        }
        out.out(describe_one(&s.world, o, a.show_events));
    }
    if objs.is_empty() && errors.is_empty() {
        if a.all_namespaces {
            out.err_line("No resources found");
        } else {
            out.err_line(format!("No resources found in {ns} namespace."));
        }
    }
    for e in &errors {
        out.err_line(e.render());
    }
    s.finish()?;
    Ok(if errors.is_empty() { 0 } else { 1 })
}

fn is_not_found(e: &Error) -> bool {
    matches!(
        e,
        Error::Status {
            reason: Reason::NotFound,
            ..
        }
    )
}
