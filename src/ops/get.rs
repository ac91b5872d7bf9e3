//! Resolving what `get`, `describe`, `delete` and friends name: kinds, short names, `TYPE/NAME`,
//! comma lists and `all`, filtered by namespace and label selector.

use crate::api::selector::Selector;
use crate::api::{Error, Kind, ObjKey, Object, Result};
use crate::world::World;

/// One requested resource type, with the names asked for (empty: all).
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub kind: Kind,
    pub names: Vec<String>,
}

impl Request {
    /// The keys of the named objects in `ns` (cluster-scoped kinds have none), for verbs that
    /// need names (`scale`, `patch`).
    pub fn named_keys(&self, ns: &str) -> Result<Vec<ObjKey>> {
        if self.names.is_empty() {
            return Err(Error::msg("resource(s) were provided, but no name was specified"));
        }
        let ns = if self.kind.namespaced() { ns } else { "" };
        Ok(self.names.iter().map(|n| ObjKey::new(ns, n.clone())).collect())
    }
}

/// Parses `get` arguments: `pods`, `pod a b`, `pod/a deploy/b`, `deploy,rs`, `all`.
/// Returns the requests and whether several kinds were asked for (names get a kind prefix).
pub fn parse_args(args: &[String]) -> Result<(Vec<Request>, bool)> {
    let Some(first) = args.first() else {
        return Err(Error::Raw(
            "You must specify the type of resource to get. Use \"kubesim api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubesim explain <resource>\" for a detailed description of that resource (e.g. kubesim explain pods).\nSee 'kubesim get -h' for help and examples".into(),
        ));
    };
    let mut reqs: Vec<Request> = Vec::new();
    if first.contains('/') {
        for a in args {
            let Some((t, n)) = a.split_once('/') else {
                return Err(Error::msg(
                    "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubesim get resource/<resource_name>' instead of 'kubesim get resource resource/<resource_name>'",
                ));
            };
            let kind = resolve(t)?;
            match reqs.iter_mut().find(|r| r.kind == kind) {
                Some(r) => r.names.push(n.to_string()),
                None => reqs.push(Request {
                    kind,
                    names: vec![n.to_string()],
                }),
            }
        }
        let multi = reqs.len() > 1;
        return Ok((reqs, multi));
    }
    let types: Vec<&str> = first.split(',').filter(|s| !s.is_empty()).collect();
    let names: Vec<String> = args[1..].to_vec();
    let mut multi = types.len() > 1;
    for t in types {
        if t == "all" {
            multi = true;
            for k in Kind::all().filter(|k| k.info().in_all) {
                if !reqs.iter().any(|r| r.kind == k) {
                    reqs.push(Request {
                        kind: k,
                        names: names.clone(),
                    });
                }
            }
            continue;
        }
        let kind = resolve(t)?;
        if !reqs.iter().any(|r| r.kind == kind) {
            reqs.push(Request {
                kind,
                names: names.clone(),
            });
        }
    }
    if multi && !names.is_empty() && reqs.len() > 1 {
        // kubectl allows `get deploy,rs web`; keep the names on every kind.
    }
    Ok((reqs, multi))
}

pub fn resolve(t: &str) -> Result<Kind> {
    Kind::resolve(t).ok_or_else(|| Error::msg(format!("the server doesn't have a resource type \"{t}\"")))
}

/// Parses an optional `-l` value.
pub fn parse_selector(s: Option<&str>) -> Result<Option<Selector>> {
    s.map(|s| Selector::parse(s).map_err(Error::msg)).transpose()
}

/// Where to look.
#[derive(Clone, Debug)]
pub struct Scope<'a> {
    pub namespace: &'a str,
    pub all_namespaces: bool,
    pub selector: Option<&'a Selector>,
}

/// Every pod in scope with only what a table prints (no names asked for: a listing), handed to
/// `f` a thousand at a time so that a listing of many pods never holds them all.
pub fn for_each_pod_summary(world: &World, scope: &Scope<'_>, f: &mut dyn FnMut(&[&Object])) {
    let ns = if scope.all_namespaces {
        None
    } else {
        Some(scope.namespace)
    };
    world.for_each_pod_summary(ns, 1000, &mut |chunk| {
        let selected: Vec<&Object> = chunk
            .iter()
            .filter(|o| {
                scope
                    .selector
                    .is_none_or(|s| s.matches(crate::api::meta::labels(o.meta())))
            })
            .collect();
        f(&selected);
    });
}

/// The objects of one request, in API order, plus NotFound errors for missing names.
pub fn find<'w>(world: &'w World, r: &Request, scope: &Scope<'_>) -> (Vec<&'w Object>, Vec<Error>) {
    let mut objs = Vec::new();
    let mut errs = Vec::new();
    if r.names.is_empty() {
        let ns = if scope.all_namespaces || !r.kind.namespaced() {
            None
        } else {
            Some(scope.namespace)
        };
        for o in world.list_objs(r.kind, ns) {
            if scope
                .selector
                .is_none_or(|s| s.matches(crate::api::meta::labels(o.meta())))
            {
                objs.push(o);
            }
        }
    } else {
        for n in &r.names {
            let key = if r.kind.namespaced() {
                ObjKey::new(scope.namespace, n.as_str())
            } else {
                ObjKey::cluster(n.as_str())
            };
            match world.get_obj(r.kind, &key) {
                Some(o) => objs.push(o),
                None => errs.push(Error::not_found(r.kind, n)),
            }
        }
    }
    (objs, errs)
}
