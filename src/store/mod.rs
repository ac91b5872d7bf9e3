//! The state file: where it lives, the lock beside it, loading (raw per-kind sections), the
//! schema version, and the atomic save.

mod file;
mod locate;

pub use file::{SCHEMA_VERSION, load, save};
pub use locate::{Lock, LockMode, default_path, lock};
