//! The one place that reads the process environment and the wall clock.

use crate::sim::SimTime;

pub(super) fn var(name: &str) -> Option<String> {
    #[allow(clippy::disallowed_methods)]
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The wall clock, for `cluster init` defaults and `--realtime` stores only.
pub(super) fn wall_clock() -> SimTime {
    #[allow(clippy::disallowed_methods)]
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    SimTime::from_secs(d.as_secs() as i64)
}

pub(super) fn home() -> Option<String> {
    var("HOME")
}
