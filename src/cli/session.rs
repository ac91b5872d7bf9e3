//! One command's hold on the store: locate, lock, load (or create the default cluster on first
//! use), and save atomically only if something changed.

use super::Output;
use super::env;
use crate::api::Error;
use crate::ops::cluster::{InitOptions, init};
use crate::sim::SimTime;
use crate::store::{self, Lock, LockMode};
use crate::world::World;
use std::path::PathBuf;

/// Flags every verb shares.
#[derive(Clone, Debug, Default)]
pub(super) struct Globals {
    pub store: Option<PathBuf>,
    pub namespace: Option<String>,
}

pub(super) struct Session {
    pub path: PathBuf,
    pub world: World,
    mutating: bool,
    _lock: Lock,
}

impl Globals {
    pub(super) fn store_path(&self) -> Result<PathBuf, Error> {
        if let Some(p) = &self.store {
            return Ok(p.clone());
        }
        if let Some(p) = env::var("KUBESIM_STORE") {
            return Ok(PathBuf::from(p));
        }
        store::default_path()
    }

    /// Opens the store for a read-only verb (shared lock, never saved).
    pub(super) fn read(&self, out: &mut Output) -> Result<Session, Error> {
        Session::open(self, false, out)
    }

    /// Opens the store for a mutating verb (exclusive lock).
    pub(super) fn write(&self, out: &mut Output) -> Result<Session, Error> {
        Session::open(self, true, out)
    }
}

/// Seed and start time of a store created on first use (`KUBESIM_SEED`, `KUBESIM_START_TIME`).
pub(super) fn first_use_options() -> Result<InitOptions, Error> {
    let seed = match env::var("KUBESIM_SEED") {
        Some(s) => s
            .parse()
            .map_err(|_| Error::msg(format!("invalid KUBESIM_SEED {s:?}")))?,
        None => 0,
    };
    let start = match env::var("KUBESIM_START_TIME") {
        Some(s) => SimTime::parse_rfc3339(&s).map_err(Error::msg)?,
        None => env::wall_clock(),
    };
    Ok(InitOptions::new(seed, start))
}

pub(super) fn display_path(p: &std::path::Path) -> String {
    let s = p.display().to_string();
    match env::home() {
        Some(h) if s.starts_with(&format!("{h}/")) => format!("~{}", &s[h.len()..]),
        _ => s,
    }
}

impl Session {
    fn open(g: &Globals, mutating: bool, out: &mut Output) -> Result<Session, Error> {
        let path = g.store_path()?;
        let lock = store::lock(&path, LockMode::Exclusive)?;
        let (world, created) = match store::load(&path)? {
            Some(w) => (w, false),
            None => {
                let o = first_use_options()?;
                let w = init(&o)?;
                store::save(&w, &path)?;
                out.err_line(format!(
                    "kubesim: created a new cluster at {} (1 control plane, {} workers)",
                    display_path(&path),
                    o.nodes
                ));
                (w, true)
            }
        };
        let _ = created;
        let lock = if mutating || world.state.realtime {
            lock
        } else {
            drop(lock);
            store::lock(&path, LockMode::Shared)?
        };
        let mut s = Session {
            path,
            world,
            mutating,
            _lock: lock,
        };
        if s.world.state.realtime {
            let now = env::wall_clock();
            if now > s.world.now() {
                crate::engine::advance(&mut s.world, now)?;
            }
        }
        Ok(s)
    }

    pub(super) fn namespace(&self, g: &Globals) -> String {
        g.namespace
            .clone()
            .unwrap_or_else(|| self.world.state.namespace.clone())
    }

    /// Saves if the command changed anything (read-only verbs never write, except a realtime
    /// store whose clock moved).
    pub(super) fn finish(self) -> Result<(), Error> {
        if let Some(c) = self.world.corruption() {
            return Err(Error::msg(format!(
                "the store {} is corrupt: {c} (it was left untouched)",
                self.path.display()
            )));
        }
        if (self.mutating || self.world.state.realtime) && self.world.is_dirty() {
            store::save(&self.world, &self.path)?;
        }
        Ok(())
    }
}
