//! Worked examples for the Deployment controller's pure helpers, taken from upstream's behaviour and tests.

use super::*;
use crate::api::k8s_openapi::api::apps::v1::{
    DeploymentSpec, DeploymentStrategy, ReplicaSetSpec, ReplicaSetStatus, RollingUpdateDeployment,
};
use crate::controllers::deployment::rolling::{cleanup_plan, max_scaled_down, scale_down_plan};
use crate::controllers::deployment::sync::proportional_sizes;

fn pct(s: &str) -> IntOrString {
    IntOrString::String(s.into())
}

pub(crate) fn deployment(replicas: i32, surge: IntOrString, unavailable: IntOrString) -> Deployment {
    Deployment {
        spec: Some(DeploymentSpec {
            replicas: Some(replicas),
            strategy: Some(DeploymentStrategy {
                type_: Some("RollingUpdate".into()),
                rolling_update: Some(RollingUpdateDeployment {
                    max_surge: Some(surge),
                    max_unavailable: Some(unavailable),
                }),
            }),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// An RS of `replicas` with `available` available pods, created at `created` seconds, sized for
/// a deployment of `annotated` replicas (desired and max, as with maxSurge 0).
pub(crate) fn rs(name: &str, replicas: i32, available: i32, created: i64, annotated: i32) -> ReplicaSet {
    let mut r = ReplicaSet {
        metadata: ObjectMeta {
            name: Some(name.into()),
            uid: Some(name.into()),
            creation_timestamp: Some(Time(jiff::Timestamp::from_second(created).unwrap())),
            ..Default::default()
        },
        spec: Some(ReplicaSetSpec {
            replicas: Some(replicas),
            ..Default::default()
        }),
        status: Some(ReplicaSetStatus {
            replicas,
            available_replicas: Some(available),
            ready_replicas: Some(available),
            ..Default::default()
        }),
    };
    set_replicas_annotations(&mut r, annotated, annotated);
    r
}

#[test]
fn fenceposts_round_surge_up_and_unavailable_down() {
    let cases = [(1, (1, 0)), (3, (1, 0)), (4, (1, 1)), (10, (3, 2))];
    for (replicas, want) in cases {
        assert_eq!(
            resolve_fenceposts(Some(&pct("25%")), Some(&pct("25%")), replicas),
            want,
            "replicas {replicas}"
        );
        let d = deployment(replicas, pct("25%"), pct("25%"));
        assert_eq!((max_surge(&d), max_unavailable(&d)), want);
    }
    // Both resolving to zero: maxUnavailable becomes 1.
    assert_eq!(
        resolve_fenceposts(Some(&IntOrString::Int(0)), Some(&pct("10%")), 5),
        (0, 1)
    );
    // maxUnavailable is capped at replicas, and is 0 with no replicas or for Recreate.
    assert_eq!(
        max_unavailable(&deployment(2, IntOrString::Int(0), IntOrString::Int(5))),
        2
    );
    assert_eq!(max_unavailable(&deployment(0, pct("25%"), pct("25%"))), 0);
    let mut recreate = deployment(4, pct("25%"), pct("25%"));
    recreate.spec.as_mut().unwrap().strategy = Some(DeploymentStrategy {
        type_: Some("Recreate".into()),
        rolling_update: None,
    });
    assert_eq!((max_surge(&recreate), max_unavailable(&recreate)), (0, 0));
}

#[test]
fn new_rs_new_replicas_upstream_cases() {
    // TestNewRSNewReplicas: every case sees one other RS of 5 replicas; maxUnavailable 1.
    let rs5 = rs("rs5", 5, 5, 0, 5);
    let cases = [
        ("RollingUpdate", 1, 5, 1, 5),
        ("RollingUpdate", 6, 2, 10, 6),
        ("Recreate", 3, 1, 1, 3),
    ];
    for (strategy, dep_replicas, new_replicas, surge, want) in cases {
        let mut d = deployment(dep_replicas, IntOrString::Int(surge), IntOrString::Int(1));
        d.spec.as_mut().unwrap().strategy.as_mut().unwrap().type_ = Some(strategy.into());
        let new_rs = rs("new", new_replicas, 0, 1, dep_replicas);
        assert_eq!(
            new_rs_new_replicas(&d, &[&rs5], &new_rs),
            want,
            "{strategy} {dep_replicas}"
        );
    }
    // The rollout of 3 replicas at 25%/25%: the new RS may start at 1 (3 + 1 surge − 3).
    let d = deployment(3, pct("25%"), pct("25%"));
    let old = rs("old", 3, 3, 0, 3);
    let new_rs = rs("new", 0, 0, 1, 3);
    assert_eq!(new_rs_new_replicas(&d, &[&old, &new_rs], &new_rs), 1);
}

#[test]
fn old_replica_sets_scale_down_amounts() {
    // TestDeploymentController_reconcileOldReplicaSets (maxSurge 0, 10 replicas, maxUnavailable 2):
    // (old replicas, old available, new replicas) → expected old replicas.
    let d = deployment(10, IntOrString::Int(0), IntOrString::Int(2));
    let cases = [(10, 10, 0, 8), (10, 8, 0, 8), (10, 9, 0, 8), (8, 8, 2, 8)];
    for (old_n, old_avail, new_n, want) in cases {
        let new_rs = rs("new", new_n, 0, 10, 10);
        let mut old = vec![rs("old", old_n, old_avail, 0, 10)];
        let all: Vec<&ReplicaSet> = old.iter().chain([&new_rs]).collect();
        let max_down = max_scaled_down(&d, &all, &new_rs);
        if max_down > 0 {
            let cleaned = cleanup_plan(&old, max_down);
            set_rs_replicas(&mut old[0], cleaned[0]);
            let all: Vec<&ReplicaSet> = old.iter().chain([&new_rs]).collect();
            let sized = scale_down_plan(&d, &all, &old);
            set_rs_replicas(&mut old[0], sized[0]);
        }
        assert_eq!(
            rs_replicas(&old[0]),
            want,
            "old {old_n} available {old_avail} new {new_n}"
        );
    }
}

#[test]
fn scale_down_takes_oldest_first() {
    // 10 replicas, maxUnavailable 2: 12 available across three old RSs → 4 come off, oldest first.
    let d = deployment(10, IntOrString::Int(0), IntOrString::Int(2));
    let old = vec![rs("v1", 3, 3, 0, 10), rs("v2", 4, 4, 1, 10), rs("v3", 5, 5, 2, 10)];
    let new_rs = rs("v4", 0, 0, 3, 10);
    let all: Vec<&ReplicaSet> = old.iter().chain([&new_rs]).collect();
    assert_eq!(scale_down_plan(&d, &all, &old), vec![0, 3, 5]);
    // Unhealthy replicas go first, bounded by maxScaledDown.
    let old = vec![rs("v1", 3, 1, 0, 10), rs("v2", 4, 2, 1, 10)];
    assert_eq!(cleanup_plan(&old, 3), vec![1, 3]);
}

fn sizes_after_scale(d: &Deployment, new_rs: &ReplicaSet, old: &[ReplicaSet]) -> Vec<(String, i32)> {
    let mut all = active(old.iter().chain([new_rs]));
    let r = replicas(d);
    let allowed = if r > 0 { r + max_surge(d) } else { 0 };
    let to_add = allowed - spec_total(&all);
    if to_add > 0 {
        all.sort_by(|a, b| by_size_newer(a, b));
    } else {
        all.sort_by(|a, b| by_size_older(a, b));
    }
    let sizes = proportional_sizes(d, &all, to_add);
    let mut out: Vec<(String, i32)> = all
        .iter()
        .map(|r| r.metadata.name.clone().unwrap())
        .zip(sizes)
        .collect();
    out.sort();
    out
}

#[test]
fn proportional_scaling_upstream_cases() {
    // TestScale: maxSurge 0 and maxUnavailable 0; RSs annotated with the old deployment size.
    let z = || IntOrString::Int(0);
    let named = |v: &[(&str, i32)]| v.iter().map(|(n, s)| (n.to_string(), *s)).collect::<Vec<_>>();
    // 5 → 10
    let d = deployment(10, z(), z());
    let got = sizes_after_scale(&d, &rs("foo-v2", 2, 2, 20, 5), &[rs("foo-v1", 3, 3, 10, 5)]);
    assert_eq!(got, named(&[("foo-v1", 6), ("foo-v2", 4)]));
    // 5 → 3
    let d = deployment(3, z(), z());
    let got = sizes_after_scale(&d, &rs("foo-v2", 2, 2, 20, 5), &[rs("foo-v1", 3, 3, 10, 5)]);
    assert_eq!(got, named(&[("foo-v1", 2), ("foo-v2", 1)]));
    // 9 → 4
    let d = deployment(4, z(), z());
    let got = sizes_after_scale(&d, &rs("foo-v2", 8, 8, 20, 9), &[rs("foo-v1", 1, 1, 10, 9)]);
    assert_eq!(got, named(&[("foo-v1", 0), ("foo-v2", 4)]));
    // 7 → 10
    let d = deployment(10, z(), z());
    let got = sizes_after_scale(
        &d,
        &rs("foo-v3", 2, 2, 20, 7),
        &[rs("foo-v2", 3, 3, 10, 7), rs("foo-v1", 2, 2, 0, 7)],
    );
    assert_eq!(got, named(&[("foo-v1", 3), ("foo-v2", 4), ("foo-v3", 3)]));
    // 13 → 8
    let d = deployment(8, z(), z());
    let got = sizes_after_scale(
        &d,
        &rs("foo-v3", 2, 2, 20, 13),
        &[rs("foo-v2", 8, 8, 10, 13), rs("foo-v1", 3, 3, 0, 13)],
    );
    assert_eq!(got, named(&[("foo-v1", 2), ("foo-v2", 5), ("foo-v3", 1)]));
    // Leftover distribution 3 → 4: the leftover goes to the newest of the equally sized RSs.
    let d = deployment(4, z(), z());
    let got = sizes_after_scale(
        &d,
        &rs("foo-v3", 1, 1, 20, 3),
        &[rs("foo-v2", 1, 1, 10, 3), rs("foo-v1", 1, 1, 0, 3)],
    );
    assert_eq!(got, named(&[("foo-v1", 1), ("foo-v2", 1), ("foo-v3", 2)]));
}

#[test]
fn revision_annotations_and_history() {
    let mut d = deployment(3, pct("25%"), pct("25%"));
    d.metadata.annotations = Some(
        [
            ("kubernetes.io/change-cause".to_string(), "v2".to_string()),
            (REVISION.to_string(), "9".to_string()),
            (
                "kubectl.kubernetes.io/last-applied-configuration".to_string(),
                "{}".to_string(),
            ),
        ]
        .into(),
    );
    let mut new_rs = rs("new", 0, 0, 0, 3);
    new_rs.metadata.annotations = None;
    assert!(set_new_rs_annotations(&d, &mut new_rs, 1, false));
    let a = new_rs.metadata.annotations.clone().unwrap();
    assert_eq!(a.get(REVISION).map(String::as_str), Some("1"));
    assert_eq!(a.get("kubernetes.io/change-cause").map(String::as_str), Some("v2"));
    assert_eq!(a.get(DESIRED_REPLICAS).map(String::as_str), Some("3"));
    assert_eq!(a.get(MAX_REPLICAS).map(String::as_str), Some("4"));
    assert!(!a.contains_key("kubectl.kubernetes.io/last-applied-configuration"));
    assert!(!set_new_rs_annotations(&d, &mut new_rs, 1, true));
    // Rolling back to revision 1 while at 2 makes it revision 3, with history "1"; again → "1,3".
    assert!(set_new_rs_annotations(&d, &mut new_rs, 3, true));
    assert_eq!(meta::annotation(&new_rs.metadata, REVISION), Some("3"));
    assert_eq!(meta::annotation(&new_rs.metadata, REVISION_HISTORY), Some("1"));
    set_new_rs_annotations(&d, &mut new_rs, 5, true);
    assert_eq!(meta::annotation(&new_rs.metadata, REVISION_HISTORY), Some("1,3"));
}

#[test]
fn templates_compare_ignoring_the_hash_label() {
    let a = PodTemplateSpec {
        metadata: Some(ObjectMeta {
            labels: Some([("app".to_string(), "web".to_string())].into()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let mut b = a.clone();
    b.metadata
        .as_mut()
        .unwrap()
        .labels
        .as_mut()
        .unwrap()
        .insert(HASH_LABEL.into(), "abc".into());
    assert!(equal_ignore_hash(&a, &b));
    b.metadata
        .as_mut()
        .unwrap()
        .labels
        .as_mut()
        .unwrap()
        .insert("tier".into(), "x".into());
    assert!(!equal_ignore_hash(&a, &b));
    let h = compute_hash(&a, None);
    assert!(h.chars().all(|c| "456789bcdf".contains(c)), "{h}");
    assert_ne!(h, compute_hash(&a, Some(1)));
}

#[test]
fn conditions_keep_transition_time_and_order() {
    let t1 = Time(jiff::Timestamp::from_second(100).unwrap());
    let t2 = Time(jiff::Timestamp::from_second(200).unwrap());
    let mut s = DeploymentStatus::default();
    set_condition(
        &mut s,
        new_condition(PROGRESSING, "True", NEW_RS_REASON, "a".into(), &t1),
    );
    set_condition(
        &mut s,
        new_condition(AVAILABLE, "True", MIN_REPLICAS_AVAILABLE, "b".into(), &t1),
    );
    // Same status and reason: no-op.
    set_condition(
        &mut s,
        new_condition(PROGRESSING, "True", NEW_RS_REASON, "c".into(), &t2),
    );
    assert_eq!(get_condition(&s, PROGRESSING).unwrap().message.as_deref(), Some("a"));
    // New reason, same status: moved to the end, transition time kept.
    set_condition(
        &mut s,
        new_condition(PROGRESSING, "True", NEW_RS_AVAILABLE_REASON, "d".into(), &t2),
    );
    let cs = s.conditions.as_ref().unwrap();
    assert_eq!(
        cs.iter().map(|c| c.type_.as_str()).collect::<Vec<_>>(),
        vec![AVAILABLE, PROGRESSING]
    );
    assert_eq!(cs[1].last_transition_time, Some(t1));
    assert_eq!(cs[1].last_update_time, Some(t2));
}

#[test]
fn timeout_is_reached_at_the_deadline() {
    let mut d = deployment(3, pct("25%"), pct("25%"));
    d.spec.as_mut().unwrap().progress_deadline_seconds = Some(600);
    let t = Time(jiff::Timestamp::from_second(1000).unwrap());
    let mut s = DeploymentStatus::default();
    set_condition(
        &mut s,
        new_condition(PROGRESSING, "True", RS_UPDATED_REASON, "x".into(), &t),
    );
    assert!(!deployment_timed_out(&d, &s, 1599));
    assert!(deployment_timed_out(&d, &s, 1600));
}

#[test]
fn active_or_latest() {
    let old = vec![rs("v1", 0, 0, 0, 3), rs("v2", 0, 0, 10, 3)];
    let new_rs = rs("v3", 3, 3, 20, 3);
    assert_eq!(
        find_active_or_latest(Some(&new_rs), &old).and_then(|r| r.metadata.name.as_deref()),
        Some("v3")
    );
    assert_eq!(
        find_active_or_latest(None, &old).and_then(|r| r.metadata.name.as_deref()),
        Some("v2")
    );
    let busy = vec![rs("v1", 1, 1, 0, 3)];
    assert!(find_active_or_latest(Some(&new_rs), &busy).is_none());
}
