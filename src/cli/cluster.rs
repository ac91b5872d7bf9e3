//! `cluster init|info|reset`.

use super::Output;
use super::env;
use super::session::{Globals, display_path, first_use_options};
use crate::api::Error;
use crate::ops::cluster::{self, InitOptions};
use crate::sim::SimTime;
use crate::store::{self, LockMode};
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
pub struct ClusterArgs {
    #[command(subcommand)]
    pub cmd: ClusterCmd,
}

#[derive(Args, Debug, Clone)]
pub struct InitArgs {
    /// Number of worker nodes.
    #[arg(long, default_value_t = 3)]
    pub nodes: u32,
    /// CPU capacity of each node.
    #[arg(long, default_value = "4")]
    pub node_cpu: String,
    /// Memory capacity of each node.
    #[arg(long, default_value = "16Gi")]
    pub node_memory: String,
    /// Only the namespaces and the kubernetes Service: no nodes, no system workloads.
    #[arg(long)]
    pub bare: bool,
    /// Seed of the generator behind names, UIDs and addresses.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Simulated start time (RFC 3339); default: now.
    #[arg(long)]
    pub start_time: Option<String>,
    /// Follow the wall clock: each invocation first advances to the current time.
    #[arg(long)]
    pub realtime: bool,
    /// Replace an existing store.
    #[arg(long)]
    pub force: bool,
}

#[derive(Subcommand, Debug)]
pub enum ClusterCmd {
    /// Create a new cluster store.
    Init(InitArgs),
    /// Summarise the cluster: store path, clock, object counts.
    Info,
    /// Recreate the cluster with the same seed and the default shape.
    Reset,
}

pub(super) fn run(g: &Globals, a: ClusterArgs, out: &mut Output) -> Result<i32, Error> {
    match a.cmd {
        ClusterCmd::Init(i) => {
            let path = g.store_path()?;
            let _lock = store::lock(&path, LockMode::Exclusive)?;
            if path.exists() && !i.force {
                return Err(Error::msg(format!(
                    "a cluster already exists at {}; use --force to replace it",
                    display_path(&path)
                )));
            }
            let defaults = first_use_options()?;
            let start = match &i.start_time {
                Some(s) => SimTime::parse_rfc3339(s).map_err(Error::msg)?,
                None if i.realtime => env::wall_clock(),
                None => defaults.start,
            };
            let o = InitOptions {
                nodes: i.nodes,
                node_cpu: i.node_cpu.clone(),
                node_memory: i.node_memory.clone(),
                bare: i.bare,
                seed: i.seed.unwrap_or(defaults.seed),
                start,
                realtime: i.realtime,
            };
            let w = cluster::init(&o)?;
            store::save(&w, &path)?;
            let shape = if o.bare {
                "no nodes".to_string()
            } else {
                format!("1 control plane, {} workers", o.nodes)
            };
            out.line(format!(
                "kubesim: created a new cluster at {} ({shape})",
                display_path(&path)
            ));
        }
        ClusterCmd::Info => {
            let s = g.read(out)?;
            let mut rows = vec![
                ("Store".to_string(), display_path(&s.path)),
                ("Clock".to_string(), s.world.now().rfc3339()),
                ("Seed".to_string(), s.world.state.seed.to_string()),
            ];
            rows.extend(cluster::summary(&s.world).into_iter().map(|(k, n)| (k, n.to_string())));
            let width = rows.iter().map(|(k, _)| k.len() + 2).max().unwrap_or(0);
            for (k, v) in rows {
                out.line(format!("{:<width$}{v}", format!("{k}:")));
            }
            s.finish()?;
        }
        ClusterCmd::Reset => {
            let s = g.write(out)?;
            let seed = s.world.state.seed;
            let start = s.world.now();
            let path = s.path.clone();
            let w = cluster::init(&InitOptions::new(seed, start))?;
            store::save(&w, &path)?;
            out.line(format!("kubesim: reset the cluster at {}", display_path(&path)));
        }
    }
    Ok(0)
}
