//! The only layer that knows a terminal exists: clap types, one file per verb, the store session,
//! the single dispatch, and rendering of output, errors and exit codes.

mod apply;
mod clock;
mod cluster;
mod completion;
mod config;
mod create;
mod delete;
mod describe;
mod diff;
mod discovery;
mod edit;
mod env;
mod get;
mod label;
mod patch;
mod rollout;
mod scale;
mod session;
mod set;

use crate::api::Error;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// A kubectl-compatible CLI over a whole simulated Kubernetes cluster kept in one local JSON file.
#[derive(Parser, Debug)]
#[command(name = "kubesim", version, disable_help_subcommand = true)]
pub struct Cli {
    /// Path of the cluster state file (default: the platform data dir).
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,
    /// The namespace scope for this request.
    #[arg(short = 'n', long, global = true)]
    pub namespace: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Apply a configuration to a resource by file name or stdin.
    Apply(apply::ApplyArgs),
    /// Create a resource from a file or from stdin.
    Create(create::CreateArgs),
    /// Run a particular image on the cluster (a bare pod).
    Run(create::RunArgs),
    /// Update the labels on a resource.
    Label(label::LabelArgs),
    /// Update the annotations on a resource.
    Annotate(label::LabelArgs),
    /// Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.
    Patch(patch::PatchArgs),
    /// Diff the live version against what would be applied.
    Diff(diff::DiffArgs),
    /// Edit a resource on the server with your default editor.
    Edit(edit::EditArgs),
    /// Display one or many resources.
    Get(get::GetArgs),
    /// Delete resources by file names, stdin, resources and names, or by resources and label selector.
    Delete(delete::DeleteArgs),
    /// Set a new size for a deployment, replica set, replication controller, or stateful set.
    Scale(scale::ScaleArgs),
    /// Show details of a specific resource or group of resources.
    Describe(describe::DescribeArgs),
    /// Manage the rollout of one or many resources.
    Rollout(rollout::RolloutArgs),
    /// Configure application resources (image, resources, env).
    Set(set::SetArgs),
    /// Show or advance the simulated clock.
    Clock(clock::ClockArgs),
    /// Create, inspect or reset the simulated cluster.
    Cluster(cluster::ClusterArgs),
    /// Print the supported API resources on the server.
    ApiResources(discovery::ApiResourcesArgs),
    /// Print the supported API versions on the server, in the form of "group/version".
    ApiVersions(discovery::ApiVersionsArgs),
    /// Modify kubeconfig-style settings: the namespace kept in the store.
    Config(config::ConfigArgs),
    /// Output shell completion code for the specified shell (bash, zsh, fish, powershell or elvish).
    Completion(completion::CompletionArgs),
    /// Print the client and server version information.
    Version(VersionArgs),
}

#[derive(clap::Args, Debug)]
pub struct VersionArgs {
    /// If true, shows client version only (no server required).
    #[arg(long)]
    client: bool,
}

/// What a command prints: both streams, and the order their pieces were written in, so that a
/// terminal shows a notice or warning before the output that follows it.
#[derive(Default, Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// (to stderr, end offset in that stream) for each piece, in writing order.
    order: Vec<(bool, usize)>,
}

impl Output {
    pub fn out(&mut self, s: impl AsRef<str>) {
        self.stdout.push_str(s.as_ref());
        self.order.push((false, self.stdout.len()));
    }
    pub fn line(&mut self, s: impl AsRef<str>) {
        self.stdout.push_str(s.as_ref());
        self.stdout.push('\n');
        self.order.push((false, self.stdout.len()));
    }
    pub fn err_line(&mut self, s: impl AsRef<str>) {
        self.stderr.push_str(s.as_ref());
        self.stderr.push('\n');
        self.order.push((true, self.stderr.len()));
    }

    /// Writes both streams, interleaved in the order the command wrote them.
    fn write_to(&self, stdout: &mut impl Write, stderr: &mut impl Write) -> std::io::Result<()> {
        let (mut o, mut e) = (0, 0);
        for &(to_err, end) in &self.order {
            if to_err {
                stdout.flush()?;
                stderr.write_all(&self.stderr.as_bytes()[e..end])?;
                e = end;
            } else {
                stdout.write_all(&self.stdout.as_bytes()[o..end])?;
                o = end;
            }
        }
        stdout.write_all(&self.stdout.as_bytes()[o..])?;
        stderr.write_all(&self.stderr.as_bytes()[e..])
    }
}

/// Runs kubesim with the process arguments; returns the exit code.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().collect();
    let (code, out) = run(&args);
    let stdout = std::io::stdout();
    let mut stdout = std::io::BufWriter::new(stdout.lock());
    let _ = out.write_to(&mut stdout, &mut std::io::stderr().lock());
    let _ = stdout.flush();
    code
}

/// Parses and runs one invocation, returning the exit code and what to print.
pub fn run(args: &[String]) -> (i32, Output) {
    let mut out = Output::default();
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => return (usage_error(e, args, &mut out), out),
    };
    match dispatch(cli, &mut out) {
        Ok(code) => (code, out),
        Err(e) => {
            out.err_line(e.render());
            (1, out)
        }
    }
}

fn usage_error(e: clap::Error, args: &[String], out: &mut Output) -> i32 {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            out.out(e.render().to_string());
            0
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("error: invalid arguments").to_string();
            let first = match (e.kind(), e.get(clap::error::ContextKind::InvalidArg)) {
                (ErrorKind::UnknownArgument, Some(clap::error::ContextValue::String(flag)))
                    if flag.starts_with('-') =>
                {
                    format!("error: unknown flag: {flag}")
                }
                _ => first,
            };
            out.err_line(first);
            let cmd = args.get(1).filter(|a| !a.starts_with('-'));
            match cmd {
                Some(c) => out.err_line(format!("See 'kubesim {c} --help' for usage.")),
                None => out.err_line("See 'kubesim --help' for usage."),
            }
            1
        }
    }
}

fn dispatch(cli: Cli, out: &mut Output) -> Result<i32, Error> {
    let g = session::Globals {
        store: cli.store.clone(),
        namespace: cli.namespace.clone(),
    };
    match cli.command {
        Command::Apply(a) => apply::run_apply(&g, a, out),
        Command::Create(a) => create::run(&g, a, out),
        Command::Run(a) => create::run_pod(&g, a, out),
        Command::Label(a) => label::run_label(&g, a, out),
        Command::Annotate(a) => label::run_annotate(&g, a, out),
        Command::Patch(a) => patch::run(&g, a, out),
        Command::Diff(a) => diff::run(&g, a, out),
        Command::Edit(a) => edit::run(&g, a, out),
        Command::Get(a) => get::run(&g, a, out),
        Command::Delete(a) => delete::run(&g, a, out),
        Command::Scale(a) => scale::run(&g, a, out),
        Command::Describe(a) => describe::run(&g, a, out),
        Command::Rollout(a) => rollout::run(&g, a, out),
        Command::Set(a) => set::run(&g, a, out),
        Command::Clock(a) => clock::run(&g, a, out),
        Command::Cluster(a) => cluster::run(&g, a, out),
        Command::ApiResources(a) => discovery::run_resources(a, out),
        Command::ApiVersions(a) => discovery::run_versions(a, out),
        Command::Config(a) => config::run(&g, a, out),
        Command::Completion(a) => completion::run(a, out),
        Command::Version(a) => {
            out.line("Client Version: v1.32.4");
            out.line("Kustomize Version: v5.5.0");
            if !a.client {
                out.line("Server Version: v1.32.4");
            }
            Ok(0)
        }
    }
}
