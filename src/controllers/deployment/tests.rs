//! Engine-level tests of the Deployment controller: rollouts through the whole simulated cluster.

use crate::api::k8s_openapi::api::apps::v1::{Deployment, DeploymentSpec, ReplicaSet};
use crate::api::k8s_openapi::api::core::v1::{Container, Node, NodeCondition, NodeStatus, PodSpec, PodTemplateSpec};
use crate::api::k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use crate::api::{Kind, ObjKey, PodBehavior, Typed, defaults, meta};
use crate::engine;
use crate::sim::{SimDuration, SimTime};
use crate::world::{State, World};
use std::collections::BTreeMap;

fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn cluster() -> World {
    let mut w = World::new(State::new(42, SimTime::from_secs(1_704_067_200)));
    let ns = crate::api::k8s_openapi::api::core::v1::Namespace {
        metadata: ObjectMeta {
            name: Some("default".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    w.admit_create(ns.into_object()).unwrap();
    let res: BTreeMap<String, Quantity> = [("cpu", "4"), ("memory", "16Gi"), ("pods", "110")]
        .iter()
        .map(|(k, v)| (k.to_string(), Quantity(v.to_string())))
        .collect();
    let node = Node {
        metadata: ObjectMeta {
            name: Some("node-1".into()),
            ..Default::default()
        },
        spec: None,
        status: Some(NodeStatus {
            capacity: Some(res.clone()),
            allocatable: Some(res),
            conditions: Some(vec![NodeCondition {
                type_: "Ready".into(),
                status: "True".into(),
                ..Default::default()
            }]),
            ..Default::default()
        }),
    };
    w.admit_create(node.into_object()).unwrap();
    w
}

fn create_deployment(w: &mut World, replicas: i32, image: &str, strategy: Option<&str>) -> ObjKey {
    let mut d = Deployment {
        metadata: ObjectMeta {
            name: Some("web".into()),
            namespace: Some("default".into()),
            ..Default::default()
        },
        spec: Some(DeploymentSpec {
            replicas: Some(replicas),
            selector: LabelSelector {
                match_labels: Some(labels(&[("app", "web")])),
                ..Default::default()
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(labels(&[("app", "web")])),
                    ..Default::default()
                }),
                spec: Some(PodSpec {
                    containers: vec![Container {
                        name: "web".into(),
                        image: Some(image.into()),
                        ..Default::default()
                    }],
                    ..Default::default()
                }),
            },
            strategy: strategy.map(|t| crate::api::k8s_openapi::api::apps::v1::DeploymentStrategy {
                type_: Some(t.into()),
                rolling_update: None,
            }),
            ..Default::default()
        }),
        status: None,
    }
    .into_object();
    defaults::apply_defaults(&mut d);
    let key = w.admit_create(d).unwrap();
    engine::settle(w).unwrap();
    key
}

fn wait(w: &mut World, secs: i64) {
    let to = w.now() + SimDuration::from_secs(secs);
    engine::advance(w, to).unwrap();
}

fn set_image(w: &mut World, key: &ObjKey, image: &str) {
    let mut d = w.get::<Deployment>(key).cloned().unwrap();
    d.spec.as_mut().unwrap().template.spec.as_mut().unwrap().containers[0].image = Some(image.into());
    w.put(d);
    engine::settle(w).unwrap();
}

fn slow_start(w: &mut World) {
    let mut b = PodBehavior {
        metadata: ObjectMeta {
            name: Some("slow".into()),
            namespace: Some("default".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    b.spec.selector = Some(LabelSelector {
        match_labels: Some(labels(&[("app", "web")])),
        ..Default::default()
    });
    b.spec.startup_delay = Some("5s".into());
    w.admit_create(b.into_object()).unwrap();
}

/// (name, spec.replicas) of every RS, ordered by creation (oldest first).
fn rs_sizes(w: &World) -> Vec<(String, i32)> {
    let mut rss: Vec<&ReplicaSet> = w.list::<ReplicaSet>(Some("default"));
    rss.sort_by(|a, b| super::util::by_creation(a, b));
    rss.iter()
        .map(|r| (meta::name(&r.metadata).to_string(), super::util::rs_replicas(r)))
        .collect()
}

fn scaling_events(w: &World, key: &ObjKey) -> Vec<String> {
    let d = w.get::<Deployment>(key).unwrap();
    w.events_for(Kind::Deployment, &d.metadata)
        .into_iter()
        .filter(|e| e.reason.as_deref() == Some("ScalingReplicaSet"))
        .map(|e| e.message.clone().unwrap_or_default())
        .collect()
}

fn condition(w: &World, key: &ObjKey, type_: &str) -> (String, String) {
    let d = w.get::<Deployment>(key).unwrap();
    let c = super::util::get_condition(d.status.as_ref().unwrap(), type_).unwrap();
    (c.status.clone(), c.reason.clone().unwrap_or_default())
}

#[test]
fn rollout_converges_after_an_image_change() {
    let mut w = cluster();
    let key = create_deployment(&mut w, 3, "nginx:1.25", None);
    let first = rs_sizes(&w);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].1, 3);
    let d = w.get::<Deployment>(&key).unwrap();
    let s = d.status.clone().unwrap();
    assert_eq!(
        (s.replicas, s.updated_replicas, s.available_replicas),
        (Some(3), Some(3), Some(3))
    );
    assert_eq!(meta::annotation(&d.metadata, super::util::REVISION), Some("1"));
    assert_eq!(
        condition(&w, &key, "Available"),
        ("True".into(), "MinimumReplicasAvailable".into())
    );
    assert_eq!(
        condition(&w, &key, "Progressing"),
        ("True".into(), "NewReplicaSetAvailable".into())
    );
    let rs = w
        .get::<ReplicaSet>(&ObjKey::new("default", first[0].0.clone()))
        .unwrap();
    let hash = meta::labels(&rs.metadata).get("pod-template-hash").cloned().unwrap();
    assert_eq!(first[0].0, format!("web-{hash}"));
    assert_eq!(meta::annotation(&rs.metadata, super::util::DESIRED_REPLICAS), Some("3"));
    assert_eq!(meta::annotation(&rs.metadata, super::util::MAX_REPLICAS), Some("4"));
    // A first RS starts at min(replicas + surge − 0, replicas) = 3.
    assert_eq!(
        scaling_events(&w, &key),
        vec![format!("Scaled up replica set {} to 3", first[0].0)]
    );

    set_image(&mut w, &key, "nginx:1.26");
    wait(&mut w, 60);
    let sizes = rs_sizes(&w);
    assert_eq!(sizes.len(), 2);
    assert_eq!((sizes[0].1, sizes[1].1), (0, 3), "{sizes:?}");
    let d = w.get::<Deployment>(&key).unwrap();
    let s = d.status.clone().unwrap();
    assert_eq!(
        (
            s.replicas,
            s.updated_replicas,
            s.available_replicas,
            s.unavailable_replicas
        ),
        (Some(3), Some(3), Some(3), None)
    );
    assert_eq!(s.observed_generation, d.metadata.generation);
    assert_eq!(meta::annotation(&d.metadata, super::util::REVISION), Some("2"));
    // At the fixed point another reconcile writes nothing.
    super::reconcile(&mut w, &key).unwrap();
    assert!(!w.has_changes());
    assert_eq!(
        condition(&w, &key, "Progressing"),
        ("True".into(), "NewReplicaSetAvailable".into())
    );
}

#[test]
fn rolling_update_follows_the_upstream_sequence() {
    let mut w = cluster();
    slow_start(&mut w);
    let key = create_deployment(&mut w, 3, "nginx:1.25", None);
    wait(&mut w, 60);
    assert_eq!(rs_sizes(&w).iter().map(|s| s.1).collect::<Vec<_>>(), vec![3]);
    let before = scaling_events(&w, &key).len();

    set_image(&mut w, &key, "nginx:1.26");
    let mut states = vec![];
    let end = w.now() + SimDuration::from_secs(120);
    loop {
        let sizes: Vec<i32> = rs_sizes(&w).iter().map(|s| s.1).collect();
        if states.last() != Some(&sizes) {
            states.push(sizes);
        }
        if engine::step(&mut w, end).unwrap().is_none() {
            break;
        }
    }
    // [old, new] after each instant: 25%/25% of 3 is surge 1, unavailable 0.
    assert_eq!(states, vec![vec![3, 1], vec![2, 2], vec![1, 3], vec![0, 3]]);
    let sizes = rs_sizes(&w);
    let (old, new) = (&sizes[0].0, &sizes[1].0);
    assert_eq!(
        scaling_events(&w, &key)[before..].to_vec(),
        vec![
            format!("Scaled up replica set {new} to 1"),
            format!("Scaled down replica set {old} from 3 to 2"),
            format!("Scaled up replica set {new} from 1 to 2"),
            format!("Scaled down replica set {old} from 2 to 1"),
            format!("Scaled up replica set {new} from 2 to 3"),
            format!("Scaled down replica set {old} from 1 to 0"),
        ]
    );
    assert_eq!(
        condition(&w, &key, "Progressing"),
        ("True".into(), "NewReplicaSetAvailable".into())
    );
}

#[test]
fn recreate_scales_old_down_before_bringing_up_new() {
    let mut w = cluster();
    let key = create_deployment(&mut w, 2, "nginx:1.25", Some("Recreate"));
    set_image(&mut w, &key, "nginx:1.26");
    wait(&mut w, 120);
    let sizes: Vec<i32> = rs_sizes(&w).iter().map(|s| s.1).collect();
    assert_eq!(sizes, vec![0, 2]);
    let ev = scaling_events(&w, &key);
    let sizes = rs_sizes(&w);
    assert_eq!(
        ev[ev.len() - 2..].to_vec(),
        vec![
            format!("Scaled down replica set {} from 2 to 0", sizes[0].0),
            format!("Scaled up replica set {} to 2", sizes[1].0)
        ]
    );
}

#[test]
fn scaling_mid_rollout_is_proportional_and_paused_only_scales() {
    let mut w = cluster();
    slow_start(&mut w);
    let key = create_deployment(&mut w, 10, "nginx:1.25", None);
    wait(&mut w, 60);
    set_image(&mut w, &key, "nginx:1.26");
    // Mid-rollout (surge 3, unavailable 2): new 0→3, old 10→8, new 3→5, then wait for pods.
    let sizes: Vec<i32> = rs_sizes(&w).iter().map(|s| s.1).collect();
    assert_eq!(sizes, vec![8, 5]);
    let mut d = w.get::<Deployment>(&key).cloned().unwrap();
    d.spec.as_mut().unwrap().replicas = Some(20);
    d.spec.as_mut().unwrap().paused = Some(true);
    w.put(d);
    engine::settle(&mut w).unwrap();
    // allowed 20 + 5 surge = 25; 13 → 25: old round(8×25/13) = 15, new round(5×25/13) = 10.
    let sizes: Vec<i32> = rs_sizes(&w).iter().map(|s| s.1).collect();
    assert_eq!(sizes, vec![15, 10]);
    assert_eq!(
        condition(&w, &key, "Progressing"),
        ("Unknown".into(), "DeploymentPaused".into())
    );
    wait(&mut w, 60);
    let sizes: Vec<i32> = rs_sizes(&w).iter().map(|s| s.1).collect();
    assert_eq!(sizes, vec![15, 10], "paused: no rollout");
    let mut d = w.get::<Deployment>(&key).cloned().unwrap();
    d.spec.as_mut().unwrap().paused = Some(false);
    w.put(d);
    wait(&mut w, 300);
    let sizes: Vec<i32> = rs_sizes(&w).iter().map(|s| s.1).collect();
    assert_eq!(sizes, vec![0, 20]);
    assert_eq!(
        condition(&w, &key, "Progressing"),
        ("True".into(), "NewReplicaSetAvailable".into())
    );
}

#[test]
fn progress_deadline_exceeded_when_pods_never_become_ready() {
    let mut w = cluster();
    let key = create_deployment(&mut w, 2, "nginx:1.25", None);
    let mut b = PodBehavior {
        metadata: ObjectMeta {
            name: Some("broken".into()),
            namespace: Some("default".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    b.spec.image = Some("nginx:broken".into());
    b.spec.readiness = Some("Fail".into());
    w.admit_create(b.into_object()).unwrap();
    let mut d = w.get::<Deployment>(&key).cloned().unwrap();
    d.spec.as_mut().unwrap().progress_deadline_seconds = Some(60);
    w.put(d);
    engine::settle(&mut w).unwrap();
    set_image(&mut w, &key, "nginx:broken");
    let start = w.now();
    engine::advance(&mut w, start + SimDuration::from_secs(59)).unwrap();
    assert_eq!(condition(&w, &key, "Progressing").0, "True");
    engine::advance(&mut w, start + SimDuration::from_secs(60)).unwrap();
    assert_eq!(
        condition(&w, &key, "Progressing"),
        ("False".into(), "ProgressDeadlineExceeded".into())
    );
    let d = w.get::<Deployment>(&key).unwrap();
    let msg = super::util::get_condition(d.status.as_ref().unwrap(), "Progressing")
        .unwrap()
        .message
        .clone()
        .unwrap();
    assert!(msg.ends_with("has timed out progressing."), "{msg}");
}

#[test]
fn revision_history_limit_deletes_the_oldest() {
    let mut w = cluster();
    let key = create_deployment(&mut w, 1, "nginx:1", None);
    let mut d = w.get::<Deployment>(&key).cloned().unwrap();
    d.spec.as_mut().unwrap().revision_history_limit = Some(1);
    w.put(d);
    engine::settle(&mut w).unwrap();
    for v in 2..=4 {
        set_image(&mut w, &key, &format!("nginx:{v}"));
        wait(&mut w, 60);
    }
    let rss = w.list::<ReplicaSet>(Some("default"));
    let mut revs: Vec<&str> = rss
        .iter()
        .filter_map(|r| meta::annotation(&r.metadata, super::util::REVISION))
        .collect();
    revs.sort();
    assert_eq!(revs, vec!["3", "4"]);
}

#[test]
fn recreate_waits_for_old_pods_to_terminate() {
    let mut w = cluster();
    let mut b = PodBehavior {
        metadata: ObjectMeta {
            name: Some("slow-stop".into()),
            namespace: Some("default".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    b.spec.selector = Some(LabelSelector {
        match_labels: Some(labels(&[("app", "web")])),
        ..Default::default()
    });
    b.spec.termination_delay = Some("10s".into());
    w.admit_create(b.into_object()).unwrap();
    let key = create_deployment(&mut w, 2, "nginx:1.25", Some("Recreate"));
    set_image(&mut w, &key, "nginx:1.26");
    wait(&mut w, 9);
    assert_eq!(
        rs_sizes(&w).iter().map(|s| s.1).collect::<Vec<_>>(),
        vec![0],
        "old pods still terminating"
    );
    wait(&mut w, 1);
    assert_eq!(rs_sizes(&w).iter().map(|s| s.1).collect::<Vec<_>>(), vec![0, 2]);
    let d = w.get::<Deployment>(&key).unwrap();
    assert_eq!(meta::annotation(&d.metadata, super::util::REVISION), Some("2"));
}
