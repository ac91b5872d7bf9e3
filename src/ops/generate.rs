//! The `create <generator>` and `run` object builders: the objects kubectl's generators build,
//! as ordered values so that `-o json` keeps Go's struct field order (kubectl prints typed
//! objects with `encoding/json`; its YAML printer sorts keys, so YAML goes through
//! `serde_json::Value`), and their admission into the World.

use crate::api::gostr::go_json_string;
use crate::api::{Error, Kind, ObjKey, Object, Result, decode_value, defaults, validation};
use crate::sim::Rng;
use crate::world::World;
use serde_json::{Map, Value};

/// A JSON value whose objects keep insertion order (Go struct field order).
#[derive(Clone, Debug, PartialEq)]
pub enum O {
    Null,
    Int(i64),
    Str(String),
    Seq(Vec<O>),
    Map(Vec<(String, O)>),
}

fn s(v: impl Into<String>) -> O {
    O::Str(v.into())
}

fn map(pairs: Vec<(&str, O)>) -> O {
    O::Map(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn empty() -> O {
    O::Map(Vec::new())
}

fn string_map(m: &[(String, String)]) -> O {
    // Go maps marshal with sorted keys.
    let mut v: Vec<(String, O)> = m.iter().map(|(k, v)| (k.clone(), s(v.clone()))).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    O::Map(v)
}

impl O {
    pub fn to_value(&self) -> Value {
        match self {
            O::Null => Value::Null,
            O::Int(i) => Value::from(*i),
            O::Str(s) => Value::String(s.clone()),
            O::Seq(v) => Value::Array(v.iter().map(O::to_value).collect()),
            O::Map(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_value())).collect::<Map<_, _>>()),
        }
    }

    /// `encoding/json` MarshalIndent with four spaces, as kubectl's JSON printer, plus a newline.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out, 0);
        out.push('\n');
        out
    }

    fn write_json(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, d: usize| {
            out.push('\n');
            for _ in 0..d {
                out.push_str("    ");
            }
        };
        match self {
            O::Null => out.push_str("null"),
            O::Int(i) => out.push_str(&i.to_string()),
            O::Str(v) => go_json_string(out, v),
            O::Seq(v) if v.is_empty() => out.push_str("[]"),
            O::Map(m) if m.is_empty() => out.push_str("{}"),
            O::Seq(v) => {
                out.push('[');
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    x.write_json(out, depth + 1);
                }
                pad(out, depth);
                out.push(']');
            }
            O::Map(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    go_json_string(out, k);
                    out.push_str(": ");
                    x.write_json(out, depth + 1);
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

/// What a generator built.
#[derive(Clone, Debug)]
pub struct Generated {
    pub kind: Kind,
    pub name: String,
    pub value: O,
}

impl Generated {
    fn new(kind: Kind, name: &str, body: Vec<(&str, O)>) -> Self {
        let mut pairs = vec![("kind", s(kind.name())), ("apiVersion", s(kind.api_version()))];
        pairs.extend(body);
        Generated {
            kind,
            name: name.to_string(),
            value: map(pairs),
        }
    }
}

/// ObjectMeta in Go field order: name, namespace, creationTimestamp, labels, annotations.
fn object_meta(
    name: Option<&str>,
    ns: Option<&str>,
    labels: &[(String, String)],
    annotations: &[(String, String)],
) -> O {
    let mut m = Vec::new();
    if let Some(n) = name {
        m.push(("name", s(n)));
    }
    if let Some(ns) = ns.filter(|n| !n.is_empty()) {
        m.push(("namespace", s(ns)));
    }
    m.push(("creationTimestamp", O::Null));
    if !labels.is_empty() {
        m.push(("labels", string_map(labels)));
    }
    if !annotations.is_empty() {
        m.push(("annotations", string_map(annotations)));
    }
    map(m)
}

/// A container in Go field order.
#[derive(Clone, Debug, Default)]
pub struct ContainerSpec {
    pub name: String,
    pub image: String,
    pub command: Vec<String>,
    pub args: Vec<String>,
    pub ports: Vec<i64>,
    pub env: Vec<(String, String)>,
    pub image_pull_policy: Option<String>,
}

impl ContainerSpec {
    fn to_o(&self) -> O {
        let strs = |v: &[String]| O::Seq(v.iter().map(|x| s(x.clone())).collect());
        let mut m = vec![("name", s(&self.name)), ("image", s(&self.image))];
        if !self.command.is_empty() {
            m.push(("command", strs(&self.command)));
        }
        if !self.args.is_empty() {
            m.push(("args", strs(&self.args)));
        }
        if !self.ports.is_empty() {
            m.push((
                "ports",
                O::Seq(
                    self.ports
                        .iter()
                        .map(|p| map(vec![("containerPort", O::Int(*p))]))
                        .collect(),
                ),
            ));
        }
        if !self.env.is_empty() {
            let env = self.env.iter().map(|(k, v)| {
                let mut e = vec![("name", s(k))];
                if !v.is_empty() {
                    e.push(("value", s(v)));
                }
                map(e)
            });
            m.push(("env", O::Seq(env.collect())));
        }
        m.push(("resources", empty()));
        if let Some(p) = &self.image_pull_policy {
            m.push(("imagePullPolicy", s(p)));
        }
        map(m)
    }
}

/// The container name kubectl derives from an image: basename without tag or digest, with `_`
/// and `.` replaced and a random suffix then added (`sanitizeAndUniquify`).
pub fn container_name_for_image(image: &str, rng: &mut Rng) -> String {
    let base = image.rsplit('/').next().unwrap_or(image);
    let base = base.split(':').next().unwrap_or(base);
    let base = base.split('@').next().unwrap_or(base);
    if base.contains(['_', '.']) {
        format!("{}-{}", base.replace(['_', '.'], "-"), rng.suffix(5))
    } else {
        base.to_string()
    }
}

pub struct DeploymentOpts<'a> {
    pub name: &'a str,
    pub namespace: Option<&'a str>,
    pub images: &'a [String],
    pub replicas: i64,
    pub port: i64,
    pub command: &'a [String],
}

/// `kubectl create deployment`.
pub fn deployment(o: &DeploymentOpts<'_>, rng: &mut Rng) -> Result<Generated> {
    if o.images.len() > 1 && !o.command.is_empty() {
        return Err(Error::msg("cannot specify multiple --image options and command"));
    }
    let labels = vec![("app".to_string(), o.name.to_string())];
    let mut containers: Vec<ContainerSpec> = o
        .images
        .iter()
        .map(|i| ContainerSpec {
            name: container_name_for_image(i, rng),
            image: i.clone(),
            ..Default::default()
        })
        .collect();
    if let Some(c) = containers.first_mut() {
        c.command = o.command.to_vec();
        if o.port >= 0 {
            c.ports = vec![o.port];
        }
    }
    let template = map(vec![
        ("metadata", object_meta(None, None, &labels, &[])),
        (
            "spec",
            map(vec![(
                "containers",
                O::Seq(containers.iter().map(ContainerSpec::to_o).collect()),
            )]),
        ),
    ]);
    Ok(Generated::new(
        Kind::Deployment,
        o.name,
        vec![
            ("metadata", object_meta(Some(o.name), o.namespace, &labels, &[])),
            (
                "spec",
                map(vec![
                    ("replicas", O::Int(o.replicas)),
                    ("selector", map(vec![("matchLabels", string_map(&labels))])),
                    ("template", template),
                    ("strategy", empty()),
                ]),
            ),
            ("status", empty()),
        ],
    ))
}

fn job_spec(name: &str, image: &str, command: &[String], restart: &str) -> O {
    let c = ContainerSpec {
        name: name.into(),
        image: image.into(),
        command: command.to_vec(),
        ..Default::default()
    };
    map(vec![(
        "template",
        map(vec![
            ("metadata", object_meta(None, None, &[], &[])),
            (
                "spec",
                map(vec![
                    ("containers", O::Seq(vec![c.to_o()])),
                    ("restartPolicy", s(restart)),
                ]),
            ),
        ]),
    )])
}

/// `kubectl create job NAME --image=...`.
pub fn job(name: &str, ns: Option<&str>, image: &str, command: &[String]) -> Generated {
    Generated::new(
        Kind::Job,
        name,
        vec![
            ("metadata", object_meta(Some(name), ns, &[], &[])),
            ("spec", job_spec(name, image, command, "Never")),
            ("status", empty()),
        ],
    )
}

/// `kubectl create cronjob NAME --image=... --schedule=...`.
pub fn cronjob(
    name: &str,
    ns: Option<&str>,
    image: &str,
    schedule: &str,
    restart: &str,
    command: &[String],
) -> Generated {
    Generated::new(
        Kind::CronJob,
        name,
        vec![
            ("metadata", object_meta(Some(name), ns, &[], &[])),
            (
                "spec",
                map(vec![
                    ("schedule", s(schedule)),
                    (
                        "jobTemplate",
                        map(vec![
                            ("metadata", object_meta(Some(name), None, &[], &[])),
                            ("spec", job_spec(name, image, command, restart)),
                        ]),
                    ),
                ]),
            ),
            ("status", empty()),
        ],
    )
}

/// Parses `--tcp=port[:targetPort]` as kubectl's `parsePorts`.
fn parse_tcp(spec: &str) -> Result<(i64, O)> {
    let mut parts = spec.split(':');
    let p = parts.next().unwrap_or("");
    let port: u64 = p.parse().map_err(|_| {
        Error::msg(format!(
            "strconv.ParseUint: parsing {}: invalid syntax",
            crate::api::error::go_quote(p)
        ))
    })?;
    if port == 0 || port > 65535 {
        return Err(Error::msg("must be between 1 and 65535, inclusive"));
    }
    let Some(t) = parts.next() else {
        return Ok((port as i64, O::Int(port as i64)));
    };
    match t.parse::<i64>() {
        Ok(n) if (1..=65535).contains(&n) => Ok((port as i64, O::Int(n))),
        Ok(_) => Err(Error::msg("must be between 1 and 65535, inclusive")),
        Err(_) => {
            // validation.IsValidPortName
            let mut errs = Vec::new();
            if t.len() > 15 {
                errs.push("must be no more than 15 characters");
            }
            if t.is_empty()
                || !t
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
            }
            if !t.chars().any(|c| c.is_ascii_lowercase()) {
                errs.push("must contain at least one letter (a-z)");
            }
            if t.contains("--") {
                errs.push("must not contain consecutive hyphens");
            }
            if t.starts_with('-') || t.ends_with('-') {
                errs.push("must not begin or end with a hyphen");
            }
            if !errs.is_empty() {
                return Err(Error::msg(errs.join(",")));
            }
            Ok((port as i64, s(t)))
        }
    }
}

pub struct ServiceOpts<'a> {
    pub name: &'a str,
    pub namespace: Option<&'a str>,
    /// ClusterIP, NodePort or LoadBalancer.
    pub type_: &'a str,
    pub tcp: &'a [String],
    pub cluster_ip: Option<&'a str>,
    pub node_port: i64,
}

/// `kubectl create service clusterip|nodeport|loadbalancer`.
pub fn service(o: &ServiceOpts<'_>) -> Result<Generated> {
    if o.tcp.is_empty() && o.cluster_ip != Some("None") {
        return Err(Error::msg("at least one tcp port specifier must be provided"));
    }
    let mut ports = Vec::new();
    for t in o.tcp {
        let (port, target) = parse_tcp(t)?;
        let mut p = vec![
            ("name", s(t.replace(':', "-"))),
            ("protocol", s("TCP")),
            ("port", O::Int(port)),
            ("targetPort", target),
        ];
        if o.node_port > 0 {
            p.push(("nodePort", O::Int(o.node_port)));
        }
        ports.push(map(p));
    }
    let labels = vec![("app".to_string(), o.name.to_string())];
    let mut spec = Vec::new();
    if !ports.is_empty() {
        spec.push(("ports", O::Seq(ports)));
    }
    spec.push(("selector", string_map(&labels)));
    if let Some(ip) = o.cluster_ip.filter(|c| !c.is_empty()) {
        spec.push(("clusterIP", s(ip)));
    }
    spec.push(("type", s(o.type_)));
    Ok(Generated::new(
        Kind::Service,
        o.name,
        vec![
            ("metadata", object_meta(Some(o.name), o.namespace, &labels, &[])),
            ("spec", map(spec)),
            ("status", map(vec![("loadBalancer", empty())])),
        ],
    ))
}

/// `kubectl create namespace NAME`.
pub fn namespace(name: &str) -> Generated {
    Generated::new(
        Kind::Namespace,
        name,
        vec![
            ("metadata", object_meta(Some(name), None, &[], &[])),
            ("spec", empty()),
            ("status", empty()),
        ],
    )
}

/// Data entries of a ConfigMap or Secret from `--from-literal`, `--from-file` and
/// `--from-env-file`, with kubectl's key checks.
#[derive(Default, Debug)]
pub struct DataSources<'a> {
    pub literals: &'a [String],
    pub files: &'a [String],
    pub env_files: &'a [String],
}

fn valid_config_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 253
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && k != "."
        && k != ".."
        && !k.starts_with("..")
}

fn key_error(k: &str, what: &str) -> Error {
    Error::msg(format!(
        "{} is not a valid key name for a {what}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        crate::api::error::go_quote(k)
    ))
}

/// Reads the sources into (key, bytes) pairs, in order; `what` is `ConfigMap` or `Secret`.
fn collect_data(
    src: &DataSources<'_>,
    name: &str,
    what: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>>,
    list_dir: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let add = |k: String, v: Vec<u8>, out: &mut Vec<(String, Vec<u8>)>| -> Result<()> {
        if !valid_config_key(&k) {
            return Err(key_error(&k, what));
        }
        if out.iter().any(|(x, _)| *x == k) {
            return Err(Error::msg(format!(
                "cannot add key {}, another key by that name already exists in Data for {what} {}",
                crate::api::error::go_quote(&k),
                crate::api::error::go_quote(name)
            )));
        }
        out.push((k, v));
        Ok(())
    };
    for f in src.files {
        let (key, path) = match f.split_once('=') {
            Some((k, p)) => (Some(k.to_string()), p.to_string()),
            None => (None, f.clone()),
        };
        if let Some(entries) = list_dir(&path) {
            if key.is_some() {
                return Err(Error::msg("cannot give a key name for a directory path"));
            }
            for e in entries {
                let full = format!("{}/{e}", path.trim_end_matches('/'));
                add(e, read(&full)?, &mut out)?;
            }
        } else {
            let k = key.unwrap_or_else(|| path.rsplit('/').next().unwrap_or(&path).to_string());
            add(k, read(&path)?, &mut out)?;
        }
    }
    for l in src.literals {
        let Some((k, v)) = l.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(Error::msg(format!("invalid literal source {l}, expected key=value")));
        };
        add(k.to_string(), v.as_bytes().to_vec(), &mut out)?;
    }
    for f in src.env_files {
        let text = String::from_utf8_lossy(&read(f)?).to_string();
        for line in text.lines() {
            let line = line.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once('=') {
                Some((k, v)) => add(k.to_string(), v.as_bytes().to_vec(), &mut out)?,
                None => return Err(Error::msg(format!("invalid env: {line}"))),
            }
        }
    }
    Ok(out)
}

/// Reads files for `--from-file` from the local filesystem.
pub fn read_local(path: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let m = e.to_string().to_lowercase();
        let m = m.split(" (os error").next().unwrap_or(&m).to_string();
        Error::msg(format!("error reading {path}: {m}"))
    })
}

/// Lists the regular files of a directory, sorted, or None when `path` is not a directory.
pub fn list_local(path: &str) -> Option<Vec<String>> {
    let rd = std::fs::read_dir(path).ok()?;
    let mut v: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    Some(v)
}

/// `kubectl create configmap NAME --from-literal/--from-file/--from-env-file`.
pub fn configmap(name: &str, ns: Option<&str>, src: &DataSources<'_>) -> Result<Generated> {
    let data = collect_data(src, name, "ConfigMap", &read_local, &list_local)?;
    let mut text = Vec::new();
    let mut binary = Vec::new();
    for (k, v) in data {
        match String::from_utf8(v) {
            Ok(t) => text.push((k, t)),
            Err(e) => binary.push((k, base64(e.as_bytes()))),
        }
    }
    let mut body = vec![("metadata", object_meta(Some(name), ns, &[], &[]))];
    if !text.is_empty() {
        body.push(("data", string_map(&text)));
    }
    if !binary.is_empty() {
        body.push(("binaryData", string_map(&binary)));
    }
    Ok(Generated::new(Kind::ConfigMap, name, body))
}

/// `kubectl create secret generic NAME ...`.
pub fn secret_generic(name: &str, ns: Option<&str>, type_: Option<&str>, src: &DataSources<'_>) -> Result<Generated> {
    let data = collect_data(src, name, "Secret", &read_local, &list_local)?;
    let data: Vec<(String, String)> = data.into_iter().map(|(k, v)| (k, base64(&v))).collect();
    let mut body = vec![("metadata", object_meta(Some(name), ns, &[], &[]))];
    if !data.is_empty() {
        body.push(("data", string_map(&data)));
    }
    if let Some(t) = type_.filter(|t| !t.is_empty()) {
        body.push(("type", s(t)));
    }
    Ok(Generated::new(Kind::Secret, name, body))
}

pub struct RunOpts<'a> {
    pub name: &'a str,
    pub namespace: Option<&'a str>,
    pub image: &'a str,
    pub labels: Option<&'a str>,
    pub annotations: &'a [String],
    pub restart: &'a str,
    pub port: i64,
    pub env: &'a [String],
    pub command: bool,
    pub args: &'a [String],
    pub image_pull_policy: Option<&'a str>,
}

fn parse_pairs(spec: &str, err: &str) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for part in spec.split(',') {
        let Some((k, v)) = part.split_once('=').filter(|(k, v)| !k.is_empty() && !v.contains('=')) else {
            return Err(Error::msg(format!("{err}: {part}")));
        };
        out.retain(|(x, _)| x != k);
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}

/// `kubectl run NAME --image=...`: a bare pod labelled `run=NAME`.
pub fn run_pod(o: &RunOpts<'_>) -> Result<Generated> {
    if !matches!(o.restart, "Always" | "OnFailure" | "Never") {
        return Err(Error::Raw(format!(
            "error: invalid restart policy: {}\nSee 'kubesim run -h' for help and examples",
            o.restart
        )));
    }
    let labels = match o.labels.filter(|l| !l.is_empty()) {
        Some(l) => parse_pairs(l, "unexpected label spec")?,
        None => vec![("run".to_string(), o.name.to_string())],
    };
    let mut annotations: Vec<(String, String)> = Vec::new();
    for a in o.annotations {
        let Some((k, v)) = a.split_once('=') else {
            return Err(Error::msg(format!("invalid annotation spec: {a}")));
        };
        annotations.retain(|(x, _)| x != k);
        annotations.push((k.to_string(), v.to_string()));
    }
    let mut env = Vec::new();
    for e in o.env {
        let Some((k, v)) = e.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(Error::msg(format!("invalid env: {e}")));
        };
        env.push((k.to_string(), v.to_string()));
    }
    let mut c = ContainerSpec {
        name: o.name.into(),
        image: o.image.into(),
        env,
        image_pull_policy: o.image_pull_policy.filter(|p| !p.is_empty()).map(str::to_string),
        ..Default::default()
    };
    if o.command {
        c.command = o.args.to_vec();
    } else {
        c.args = o.args.to_vec();
    }
    if o.port >= 0 {
        c.ports = vec![o.port];
    }
    Ok(Generated::new(
        Kind::Pod,
        o.name,
        vec![
            (
                "metadata",
                object_meta(Some(o.name), o.namespace, &labels, &annotations),
            ),
            (
                "spec",
                map(vec![
                    ("containers", O::Seq(vec![c.to_o()])),
                    ("restartPolicy", s(o.restart)),
                    ("dnsPolicy", s("ClusterFirst")),
                ]),
            ),
            ("status", empty()),
        ],
    ))
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

/// Whether a server-side create would be a client dry run, server dry run or real.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Server,
    Real,
}

/// Admits a generated object as the API server would (namespace, defaulting, validation, name
/// uniqueness) and stores it unless `mode` is a server dry run. Returns the admitted object.
pub fn admit(world: &mut World, g: &Generated, namespace: &str, mode: Mode) -> Result<Object> {
    let mut v = g.value.to_value();
    if g.kind.namespaced()
        && let Some(m) = v.get_mut("metadata").and_then(Value::as_object_mut)
    {
        m.entry("namespace")
            .or_insert_with(|| Value::String(namespace.to_string()));
    }
    let (mut obj, _) =
        decode_value(g.kind, v).map_err(|e| Error::msg(format!("error decoding {}: {e}", g.kind.name())))?;
    defaults::apply_defaults(&mut obj);
    validation::validate(&obj, None)?;
    let key = ObjKey::of(obj.meta());
    if world.get_obj(g.kind, &key).is_some() {
        return Err(Error::already_exists(g.kind, &g.name));
    }
    if mode == Mode::Server {
        return Ok(obj);
    }
    world.create(obj)?;
    world
        .get_obj(g.kind, &key)
        .cloned()
        .ok_or_else(|| Error::not_found(g.kind, &g.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b"b"), "Yg==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    #[test]
    fn json_keeps_field_order() {
        let g = namespace("n");
        assert_eq!(
            g.value.to_json(),
            "{\n    \"kind\": \"Namespace\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"n\",\n        \"creationTimestamp\": null\n    },\n    \"spec\": {},\n    \"status\": {}\n}\n"
        );
    }

    #[test]
    fn container_names_from_images() {
        let mut r = Rng::new(1);
        assert_eq!(container_name_for_image("nginx:1.25", &mut r), "nginx");
        assert_eq!(container_name_for_image("redis@sha256:abc", &mut r), "redis");
        assert!(container_name_for_image("docker.io/library/my_app.v2:1.0", &mut r).starts_with("my-app-v2-"));
    }
}
