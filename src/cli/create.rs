//! `create -f` and the `create <generator>` subcommands, plus `run`: build the object kubectl's
//! generator builds, print it for `--dry-run=client -o yaml|json`, or admit and store it.

use super::Output;
use super::apply;
use super::session::Globals;
use crate::api::Error;
use crate::engine;
use crate::ops::generate::{self, DataSources, Generated, Mode};
use crate::printers::{json::to_json, yaml::to_yaml};
use crate::sim::Rng;
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CreateArgs {
    /// Filename, directory, or URL to files to use to create the resource.
    #[arg(short = 'f', long = "filename")]
    pub filename: Vec<String>,
    /// Process the directory used in -f recursively.
    #[arg(short = 'R', long)]
    pub recursive: bool,
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub generator: Option<Generator>,
}

/// Flags every generator shares.
#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Must be "none", "server", or "client".
    #[arg(long, default_value = "none", num_args = 0..=1, default_missing_value = "client")]
    pub dry_run: String,
    /// Output format: yaml, json or name.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Generator {
    /// Create a deployment with the specified name.
    #[command(visible_alias = "deploy")]
    Deployment(DeploymentArgs),
    /// Create a job with the specified name.
    Job(JobArgs),
    /// Create a cron job with the specified name.
    #[command(visible_alias = "cj")]
    Cronjob(CronJobArgs),
    /// Create a service using a specified subcommand.
    #[command(visible_alias = "svc", subcommand)]
    Service(ServiceCmd),
    /// Create a namespace with the specified name.
    #[command(visible_alias = "ns")]
    Namespace(NamespaceArgs),
    /// Create a config map from a local file, directory or literal value.
    #[command(visible_alias = "cm")]
    Configmap(ConfigMapArgs),
    /// Create a secret using a specified subcommand.
    #[command(subcommand)]
    Secret(SecretCmd),
}

#[derive(Args, Debug)]
pub struct DeploymentArgs {
    pub names: Vec<String>,
    /// Image names to run. A deployment can have multiple images set for multi-container pod.
    #[arg(long)]
    pub image: Vec<String>,
    /// Number of replicas to create.
    #[arg(short = 'r', long, default_value_t = 1, allow_negative_numbers = true)]
    pub replicas: i64,
    /// The containerPort that this deployment exposes.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub port: i64,
    /// The command to run (after `--`).
    #[arg(last = true)]
    pub command: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct JobArgs {
    pub names: Vec<String>,
    /// Image name to run.
    #[arg(long)]
    pub image: Option<String>,
    /// The command to run (after `--`).
    #[arg(last = true)]
    pub command: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct CronJobArgs {
    pub names: Vec<String>,
    /// Image name to run.
    #[arg(long)]
    pub image: Option<String>,
    /// A schedule in the Cron format the job should be run with.
    #[arg(long)]
    pub schedule: Option<String>,
    /// job's restart policy. supported values: OnFailure, Never
    #[arg(long, default_value = "OnFailure")]
    pub restart: String,
    /// The command to run (after `--`).
    #[arg(last = true)]
    pub command: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Subcommand, Debug)]
pub enum ServiceCmd {
    /// Create a ClusterIP service.
    Clusterip(ServiceArgs),
    /// Create a NodePort service.
    Nodeport(ServiceArgs),
    /// Create a LoadBalancer service.
    Loadbalancer(ServiceArgs),
}

#[derive(Args, Debug)]
pub struct ServiceArgs {
    pub names: Vec<String>,
    /// Port pairs can be specified as '<port>:<targetPort>'.
    #[arg(long)]
    pub tcp: Vec<String>,
    /// Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).
    #[arg(long)]
    pub clusterip: Option<String>,
    /// Port used to expose the service on each node in a cluster.
    #[arg(long, default_value_t = 0)]
    pub node_port: i64,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct NamespaceArgs {
    pub names: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct ConfigMapArgs {
    pub names: Vec<String>,
    /// Specify a key and literal value to insert (i.e. mykey=somevalue).
    #[arg(long)]
    pub from_literal: Vec<String>,
    /// Key file can be specified using its file path, or an optional key and file path.
    #[arg(long)]
    pub from_file: Vec<String>,
    /// Specify the path to a file to read lines of key=val pairs.
    #[arg(long)]
    pub from_env_file: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Subcommand, Debug)]
pub enum SecretCmd {
    /// Create a secret from a local file, directory, or literal value.
    Generic(SecretArgs),
}

#[derive(Args, Debug)]
pub struct SecretArgs {
    pub names: Vec<String>,
    /// Specify a key and literal value to insert in secret (i.e. mykey=somevalue).
    #[arg(long)]
    pub from_literal: Vec<String>,
    /// Key files can be specified using their file path.
    #[arg(long)]
    pub from_file: Vec<String>,
    /// Specify the path to a file to read lines of key=val pairs.
    #[arg(long)]
    pub from_env_file: Vec<String>,
    /// The type of secret to create.
    #[arg(long = "type")]
    pub type_: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    pub names: Vec<String>,
    /// The image for the container to run.
    #[arg(long)]
    pub image: Option<String>,
    /// Comma separated labels to apply to the pod. Will override previous values.
    #[arg(short = 'l', long)]
    pub labels: Option<String>,
    /// Annotations to apply to the pod.
    #[arg(long)]
    pub annotations: Vec<String>,
    /// The restart policy for this Pod. Legal values [Always, OnFailure, Never].
    #[arg(long, default_value = "Always")]
    pub restart: String,
    /// The port that this container exposes.
    #[arg(long, default_value_t = -1, allow_negative_numbers = true)]
    pub port: i64,
    /// Environment variables to set in the container.
    #[arg(long)]
    pub env: Vec<String>,
    /// The image pull policy for the container.
    #[arg(long)]
    pub image_pull_policy: Option<String>,
    /// If true and extra arguments are present, use them as the 'command' field in the container.
    #[arg(long)]
    pub command: bool,
    /// Arguments (or the command with --command) after `--`.
    #[arg(last = true)]
    pub args: Vec<String>,
    #[command(flatten)]
    pub common: Common,
}

fn one_name(names: &[String], cmd: &str) -> Result<String, Error> {
    if names.len() != 1 {
        return Err(Error::Raw(format!(
            "error: exactly one NAME is required, got {}\nSee 'kubesim {cmd} -h' for help and examples",
            names.len()
        )));
    }
    Ok(names[0].clone())
}

fn required(flag: &str) -> Error {
    Error::msg(format!("required flag(s) \"{flag}\" not set"))
}

pub(super) fn run(g: &Globals, a: CreateArgs, out: &mut Output) -> Result<i32, Error> {
    let Some(generator) = a.generator else {
        if a.filename.is_empty() {
            return Err(Error::Raw(
                "error: must specify one of -f and -k\n\nSee 'kubesim create -h' for help and examples".into(),
            ));
        }
        let c = apply::CreateArgs {
            filename: a.filename,
            recursive: a.recursive,
            dry_run: a.common.dry_run,
            output: a.common.output,
        };
        return apply::run_create(g, c, out);
    };
    let ns = g.namespace.as_deref();
    let mut rng = Rng::new(0);
    let (gen_obj, common) = match generator {
        Generator::Deployment(d) => {
            if d.image.is_empty() {
                return Err(required("image"));
            }
            let name = one_name(&d.names, "create deployment")?;
            let o = generate::DeploymentOpts {
                name: &name,
                namespace: ns,
                images: &d.image,
                replicas: d.replicas,
                port: d.port,
                command: &d.command,
            };
            (generate::deployment(&o, &mut rng)?, d.common)
        }
        Generator::Job(j) => {
            let name = one_name(&j.names, "create job")?;
            let Some(image) = j.image.filter(|i| !i.is_empty()) else {
                return Err(Error::msg("either --image or --from must be specified"));
            };
            (generate::job(&name, ns, &image, &j.command), j.common)
        }
        Generator::Cronjob(c) => {
            let Some(image) = c.image.filter(|i| !i.is_empty()) else {
                return Err(required("image"));
            };
            let Some(schedule) = c.schedule else {
                return Err(required("schedule"));
            };
            let name = one_name(&c.names, "create cronjob")?;
            if !matches!(c.restart.as_str(), "OnFailure" | "Never") {
                return Err(Error::msg(format!("invalid restart policy: {}", c.restart)));
            }
            (
                generate::cronjob(&name, ns, &image, &schedule, &c.restart, &c.command),
                c.common,
            )
        }
        Generator::Service(cmd) => {
            let (type_, sa, sub) = match cmd {
                ServiceCmd::Clusterip(s) => ("ClusterIP", s, "clusterip"),
                ServiceCmd::Nodeport(s) => ("NodePort", s, "nodeport"),
                ServiceCmd::Loadbalancer(s) => ("LoadBalancer", s, "loadbalancer"),
            };
            let name = one_name(&sa.names, &format!("create service {sub}"))?;
            let o = generate::ServiceOpts {
                name: &name,
                namespace: ns,
                type_,
                tcp: &sa.tcp,
                cluster_ip: sa.clusterip.as_deref(),
                node_port: sa.node_port,
            };
            (generate::service(&o)?, sa.common)
        }
        Generator::Namespace(n) => (generate::namespace(&one_name(&n.names, "create namespace")?), n.common),
        Generator::Configmap(c) => {
            let name = one_name(&c.names, "create configmap")?;
            let src = DataSources {
                literals: &c.from_literal,
                files: &c.from_file,
                env_files: &c.from_env_file,
            };
            (generate::configmap(&name, ns, &src)?, c.common)
        }
        Generator::Secret(SecretCmd::Generic(c)) => {
            let name = one_name(&c.names, "create secret generic")?;
            let src = DataSources {
                literals: &c.from_literal,
                files: &c.from_file,
                env_files: &c.from_env_file,
            };
            (generate::secret_generic(&name, ns, c.type_.as_deref(), &src)?, c.common)
        }
    };
    finish(g, gen_obj, &common, "created", out)
}

pub(super) fn run_pod(g: &Globals, a: RunArgs, out: &mut Output) -> Result<i32, Error> {
    let Some(image) = a.image.filter(|i| !i.is_empty()) else {
        return Err(required("image"));
    };
    let name = match a.names.as_slice() {
        [n] => n.clone(),
        _ => {
            return Err(Error::Raw(
                "error: NAME is required for run\nSee 'kubesim run -h' for help and examples".into(),
            ));
        }
    };
    let o = generate::RunOpts {
        name: &name,
        namespace: g.namespace.as_deref(),
        image: &image,
        labels: a.labels.as_deref(),
        annotations: &a.annotations,
        restart: &a.restart,
        port: a.port,
        env: &a.env,
        command: a.command,
        args: &a.args,
        image_pull_policy: a.image_pull_policy.as_deref(),
    };
    let pod = generate::run_pod(&o)?;
    finish(g, pod, &a.common, "created", out)
}

fn check_output(o: Option<&str>) -> Result<(), Error> {
    match o {
        None | Some("yaml" | "json" | "name") => Ok(()),
        Some(other) => Err(Error::msg(format!(
            "unable to match a printer suitable for the output format \"{other}\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
        ))),
    }
}

fn finish(g: &Globals, gen_obj: Generated, c: &Common, verb: &str, out: &mut Output) -> Result<i32, Error> {
    check_output(c.output.as_deref())?;
    let qualified = format!("{}/{}", gen_obj.kind.singular_qualified(), gen_obj.name);
    let mode = match c.dry_run.as_str() {
        "client" => {
            match c.output.as_deref() {
                Some("yaml") => out.out(to_yaml(&gen_obj.value.to_value())),
                Some("json") => out.out(gen_obj.value.to_json()),
                Some(_) => out.line(&qualified),
                None => out.line(format!("{qualified} {verb} (dry run)")),
            }
            return Ok(0);
        }
        "server" => Mode::Server,
        "none" => Mode::Real,
        other => {
            return Err(Error::msg(format!(
                "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
            )));
        }
    };
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    // The object as the create call returns it, before controllers act on it.
    let obj = generate::admit(&mut s.world, &gen_obj, &ns, mode)?;
    if mode == Mode::Real {
        engine::settle(&mut s.world)?;
    }
    let suffix = if mode == Mode::Server { " (server dry run)" } else { "" };
    match c.output.as_deref() {
        Some("yaml") => out.out(to_yaml(&obj.to_value())),
        Some("json") => out.out(to_json(&obj.to_value())),
        Some(_) => out.line(&qualified),
        None => out.line(format!("{qualified} {verb}{suffix}")),
    }
    if mode == Mode::Real {
        s.finish()?;
    }
    Ok(0)
}
