//! PodBehavior matching: what the first matching PodBehavior asks of a container.

use crate::api::PodBehavior;
use crate::api::selector::label_selector_matches;
use crate::sim::{SimDuration, parse_go_duration};
use crate::world::World;

/// What a matching PodBehavior asks of one container (all times in seconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Behavior {
    pub startup_delay: i64,
    pub pull_fails: bool,
    /// None: never ready; Some(d): ready d seconds after the container starts.
    pub ready_after: Option<i64>,
    pub run_for: Option<i64>,
    pub exit_code: i32,
    pub crash_after: Option<i64>,
    pub termination_delay: i64,
}

fn secs(s: &Option<String>) -> Option<i64> {
    s.as_deref()
        .and_then(|d| parse_go_duration(d).ok())
        .map(SimDuration::as_secs)
}

/// The behaviour of a container with `image` in a pod with `labels`: the first PodBehavior (by
/// name) in the namespace whose selector and image both match.
pub(crate) fn behavior_for(
    world: &World,
    ns: &str,
    labels: &std::collections::BTreeMap<String, String>,
    image: &str,
) -> Behavior {
    let found = world.list::<PodBehavior>(Some(ns)).into_iter().find(|b| {
        let sel_ok = b
            .spec
            .selector
            .as_ref()
            .is_none_or(|s| label_selector_matches(s, labels));
        let img_ok = b.spec.image.as_deref().is_none_or(|p| wildcard(p, image));
        sel_ok && img_ok && (b.spec.selector.is_some() || b.spec.image.is_some())
    });
    let Some(b) = found else {
        return Behavior {
            ready_after: Some(0),
            ..Default::default()
        };
    };
    let s = &b.spec;
    let ready_after = match s.readiness.as_deref() {
        None | Some("Pass") => Some(0),
        Some("Fail") => None,
        Some(d) => Some(parse_go_duration(d).map(SimDuration::as_secs).unwrap_or(0)),
    };
    Behavior {
        startup_delay: secs(&s.startup_delay).unwrap_or(0),
        pull_fails: s.image_pull.as_deref() == Some("Fail"),
        ready_after,
        run_for: secs(&s.run_for),
        exit_code: s.exit_code.unwrap_or(0),
        crash_after: secs(&s.crash_after),
        termination_delay: secs(&s.termination_delay).unwrap_or(0),
    }
}

/// `*` matches any run of characters.
fn wildcard(pattern: &str, s: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == s;
    }
    let mut rest = s;
    for (i, p) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(p) else { return false };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(p);
        } else {
            let Some(pos) = rest.find(p) else { return false };
            rest = &rest[pos + p.len()..];
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard("nginx:*", "nginx:1.2"));
        assert!(!wildcard("nginx:*", "redis:1"));
        assert!(wildcard("*", "x"));
    }
}
