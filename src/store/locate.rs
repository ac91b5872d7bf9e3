//! Finding the store (`--store`, `KUBESIM_STORE`, the platform data dir) and locking it through a
//! sidecar `.lock` file, exclusive for mutating verbs and shared for read-only ones.

use crate::api::Error;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// `~/.local/share/kubesim/cluster.json` on Linux (the `directories` data dir).
pub fn default_path() -> Result<PathBuf, Error> {
    directories::ProjectDirs::from("io", "kubesim", "kubesim")
        .map(|d| d.data_dir().join("cluster.json"))
        .ok_or_else(|| Error::msg("cannot determine a home directory for the store; use --store PATH"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockMode {
    Shared,
    Exclusive,
}

/// Held for the whole command; released on drop.
pub struct Lock {
    _file: File,
}

/// Locks `<store>.lock` (created with the store's directory if missing).
pub fn lock(store: &Path, mode: LockMode) -> Result<Lock, Error> {
    if let Some(dir) = store.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::msg(format!("cannot create directory {}: {e}", dir.display())))?;
    }
    let mut name = store.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| Error::msg(format!("cannot open lock file {}: {e}", path.display())))?;
    let r = match mode {
        LockMode::Shared => file.lock_shared(),
        LockMode::Exclusive => file.lock(),
    };
    r.map_err(|e| Error::msg(format!("cannot lock {}: {e}", path.display())))?;
    Ok(Lock { _file: file })
}
