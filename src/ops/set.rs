//! `set image`, `set resources` and `set env`: kubectl's pod-spec mutations
//! (`pkg/cmd/set/set_{image,resources,env}.go`, `polymorphichelpers.UpdatePodSpecForObject`).
//! Each returns whether the object changed (kubectl skips an empty patch and prints nothing)
//! and the per-container errors kubectl collects while still patching what it could.

use crate::api::k8s_openapi::api::core::v1::{Container, EnvVar, PodSpec, ResourceRequirements};
use crate::api::k8s_openapi::apimachinery::pkg::api::resource::Quantity as K8sQuantity;
use crate::api::quantity::Quantity;
use crate::api::{Error, Kind, Object, Result, validation};
use crate::world::World;
use std::collections::BTreeMap;

/// One change to the containers of a pod template (or a bare pod).
#[derive(Clone, Debug)]
pub enum Mutation {
    /// `name=image` pairs; `*` sets every container.
    Image(BTreeMap<String, String>),
    /// `--limits` / `--requests` for the containers matching a glob (`-c`, default `*`).
    Resources {
        containers: String,
        limits: BTreeMap<String, K8sQuantity>,
        requests: BTreeMap<String, K8sQuantity>,
        has_limits: bool,
        has_requests: bool,
    },
    /// `K=V` and `K-` for the containers matching a glob.
    Env {
        containers: String,
        env: Vec<EnvVar>,
        remove: Vec<String>,
        overwrite: bool,
    },
}

/// What a mutation did to one object.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The object was written (kubectl printed `... image updated`).
    pub changed: bool,
    /// Errors kubectl reports after patching what it could (`unable to find container named ...`).
    pub errors: Vec<Error>,
    /// `warning: ...` lines for stderr.
    pub warnings: Vec<String>,
}

/// UpdatePodSpecForObject: the pod spec of a pod or of a workload's template.
pub fn pod_spec_mut(obj: &mut Object) -> Option<&mut PodSpec> {
    match obj {
        Object::Pod(p) => p.spec.as_mut(),
        Object::Deployment(d) => d.spec.as_mut().and_then(|s| s.template.spec.as_mut()),
        Object::ReplicaSet(r) => r
            .spec
            .as_mut()
            .and_then(|s| s.template.as_mut())
            .and_then(|t| t.spec.as_mut()),
        Object::ReplicationController(r) => r
            .spec
            .as_mut()
            .and_then(|s| s.template.as_mut())
            .and_then(|t| t.spec.as_mut()),
        Object::StatefulSet(s) => s.spec.as_mut().and_then(|s| s.template.spec.as_mut()),
        Object::DaemonSet(d) => d.spec.as_mut().and_then(|s| s.template.spec.as_mut()),
        Object::Job(j) => j.spec.as_mut().and_then(|s| s.template.spec.as_mut()),
        Object::CronJob(c) => c
            .spec
            .as_mut()
            .and_then(|s| s.job_template.spec.as_mut())
            .and_then(|s| s.template.spec.as_mut()),
        _ => None,
    }
}

/// The Go type kubectl names when an object has no pod template.
fn go_type(kind: Kind) -> String {
    let pkg = match kind.group() {
        "" => "v1".to_string(),
        g => format!("{}v1", g.split('.').next().unwrap_or(g)),
    };
    format!("*{pkg}.{}", kind.name())
}

/// path.Match for the container selector: `*` any run, `?` one character.
pub fn glob(pattern: &str, s: &str) -> bool {
    fn m(p: &[char], s: &[char]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some('*') => (0..=s.len()).any(|i| m(&p[1..], &s[i..])),
            Some('?') => !s.is_empty() && m(&p[1..], &s[1..]),
            Some(c) => s.first() == Some(c) && m(&p[1..], &s[1..]),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = s.chars().collect();
    m(&p, &s)
}

/// Parses `cpu=200m,memory=512Mi` (HandleResourceRequirementsV1 / populateResourceListV1).
pub fn parse_resource_list(spec: &str) -> Result<BTreeMap<String, K8sQuantity>> {
    let mut out = BTreeMap::new();
    if spec.is_empty() {
        return Ok(out);
    }
    for item in spec.split(',') {
        let parts: Vec<&str> = item.split('=').collect();
        if parts.len() != 2 {
            return Err(Error::msg(format!(
                "Invalid argument syntax {item}, expected <resource>=<value>"
            )));
        }
        let q = Quantity::parse(parts[1]).map_err(Error::msg)?;
        out.insert(parts[0].to_string(), K8sQuantity(q.to_string()));
    }
    Ok(out)
}

/// envutil.ParseEnv: `K=V` sets, `K-` removes.
pub fn parse_env(specs: &[String]) -> Result<(Vec<EnvVar>, Vec<String>)> {
    let mut env = Vec::new();
    let mut remove = Vec::new();
    for s in specs {
        if let Some((k, v)) = s.split_once('=') {
            let errs = env_var_name_errors(k);
            if !errs.is_empty() {
                return Err(Error::msg(format!("{k:?} is not a valid key name: {}", errs.join(";"))));
            }
            env.push(EnvVar {
                name: k.to_string(),
                value: Some(v.to_string()),
                value_from: None,
            });
        } else if let Some(k) = s.strip_suffix('-') {
            remove.push(k.to_string());
        } else {
            return Err(Error::msg(format!("unknown environment variable: {s}")));
        }
    }
    Ok((env, remove))
}

/// apimachinery `IsEnvVarName`.
fn env_var_name_errors(k: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let ok = k
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || "-._".contains(c))
        && k.chars().all(|c| c.is_ascii_alphanumeric() || "-._".contains(c));
    if !ok {
        errs.push(crate::api::names::regex_error(
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
            "[-._a-zA-Z][-._a-zA-Z0-9]*",
            &["my.env-name", "MY_ENV.NAME", "MyEnvName1"],
        ));
    }
    if k == "." || k == ".." {
        errs.push(format!("must not be '{k}'"));
    } else if k.starts_with("..") {
        errs.push("must not start with '..'".to_string());
    }
    errs
}

/// updateEnv: added variables replace existing ones of the same name in place, new ones are
/// appended, removals win.
fn update_env(existing: &[EnvVar], env: &[EnvVar], remove: &[String]) -> Vec<EnvVar> {
    let mut covered: Vec<String> = remove.to_vec();
    let mut out = Vec::new();
    for e in existing {
        if covered.contains(&e.name) {
            continue;
        }
        if let Some(newer) = env.iter().find(|n| n.name == e.name) {
            covered.push(e.name.clone());
            out.push(newer.clone());
            continue;
        }
        out.push(e.clone());
    }
    for e in env {
        if covered.contains(&e.name) {
            continue;
        }
        covered.push(e.name.clone());
        out.push(e.clone());
    }
    out
}

fn set_image(containers: &mut [Container], name: &str, image: &str) -> bool {
    let mut found = false;
    for c in containers.iter_mut() {
        if c.name == name || name == "*" {
            found = true;
            c.image = Some(image.to_string());
        }
    }
    found
}

/// Applies `m` to the pod spec of `obj` in place.
pub fn mutate(obj: &mut Object, m: &Mutation) -> Outcome {
    let kind = obj.kind();
    let name = crate::api::meta::name(obj.meta()).to_string();
    let mut outcome = Outcome::default();
    let Some(spec) = pod_spec_mut(obj) else {
        outcome.errors.push(Error::msg(format!(
            "{}/{name} the object is not a pod or does not have a pod template: {}",
            kind.plural(),
            go_type(kind)
        )));
        return outcome;
    };
    match m {
        Mutation::Image(pairs) => {
            for (cname, image) in pairs {
                let init = spec
                    .init_containers
                    .as_mut()
                    .is_some_and(|ic| set_image(ic, cname, image));
                let main = set_image(&mut spec.containers, cname, image);
                if !init && !main {
                    outcome
                        .errors
                        .push(Error::msg(format!("unable to find container named {cname:?}")));
                }
            }
        }
        Mutation::Resources {
            containers,
            limits,
            requests,
            has_limits,
            has_requests,
        } => {
            let mut any = false;
            for c in spec.containers.iter_mut().filter(|c| glob(containers, &c.name)) {
                any = true;
                let r = c.resources.get_or_insert_with(ResourceRequirements::default);
                if *has_limits {
                    let l = r.limits.get_or_insert_with(BTreeMap::new);
                    l.extend(limits.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                if *has_requests {
                    let q = r.requests.get_or_insert_with(BTreeMap::new);
                    q.extend(requests.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
            }
            if !any {
                outcome
                    .errors
                    .push(Error::msg(format!("unable to find container named {containers}")));
            }
        }
        Mutation::Env {
            containers,
            env,
            remove,
            overwrite,
        } => {
            let matching: Vec<usize> = (0..spec.containers.len())
                .filter(|i| glob(containers, &spec.containers[*i].name))
                .collect();
            if matching.is_empty() {
                outcome.warnings.push(format!(
                    "warning: {}/{name} does not have any containers matching {containers:?}",
                    kind.name()
                ));
            }
            for i in matching {
                let c = &mut spec.containers[i];
                let existing = c.env.clone().unwrap_or_default();
                if !overwrite {
                    for e in env {
                        if let Some(cur) = existing.iter().find(|x| x.name == e.name)
                            && cur.value != e.value
                        {
                            outcome.errors.push(Error::msg(format!(
                                "{}/{name} '{}' already has a value ({}), and --overwrite is false",
                                kind.plural(),
                                cur.name,
                                cur.value.as_deref().unwrap_or("")
                            )));
                            return outcome;
                        }
                    }
                }
                let updated = update_env(&existing, env, remove);
                c.env = if updated.is_empty() { None } else { Some(updated) };
            }
        }
    }
    outcome
}

/// Mutates one stored object, validates it as the API server would on update and stores it.
pub fn set(world: &mut World, kind: Kind, key: &crate::api::ObjKey, m: &Mutation) -> Result<Outcome> {
    let Some(old) = world.get_obj(kind, key).cloned() else {
        return Err(Error::not_found(kind, &key.name));
    };
    let mut obj = old.clone();
    let mut outcome = mutate(&mut obj, m);
    if normalized(&obj) == normalized(&old) {
        return Ok(outcome);
    }
    if kind == Kind::Pod && !matches!(m, Mutation::Image(_)) {
        outcome.errors.push(Error::msg(format!(
            "failed to patch {} update to pod template: Pod {:?} is invalid: spec: Forbidden: pod updates may not change fields other than {}",
            match m {
                Mutation::Env { .. } => "env",
                _ => "resources",
            },
            key.name,
            crate::api::validation::POD_UPDATABLE
        )));
        return Ok(outcome);
    }
    validation::validate(&obj, Some(&old))?;
    world.update(obj);
    outcome.changed = true;
    Ok(outcome)
}

/// The object as a patch would compare it: an empty env list equals no env list.
fn normalized(o: &Object) -> serde_json::Value {
    o.to_value()
}
