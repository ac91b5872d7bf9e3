//! The workload generators: `create deployment|job|cronjob` and `run`'s bare pod, with their containers.

use super::ordered::{O, empty, map, s, string_map};
use super::{Generated, object_meta};
use crate::api::{Error, Kind, Result};
use crate::sim::Rng;

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
    pub(super) fn to_o(&self) -> O {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_names_from_images() {
        let mut r = Rng::new(1);
        assert_eq!(container_name_for_image("nginx:1.25", &mut r), "nginx");
        assert_eq!(container_name_for_image("redis@sha256:abc", &mut r), "redis");
        assert!(container_name_for_image("docker.io/library/my_app.v2:1.0", &mut r).starts_with("my-app-v2-"));
    }
}
