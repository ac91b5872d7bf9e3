//! Table rows of every kind on worked examples, as kubectl prints them.

use super::*;
use crate::api::Typed;
use crate::printers::table::render_grid;
use serde_json::json;

const T0: i64 = 1_700_000_000;

fn obj<T: Typed + serde::de::DeserializeOwned>(v: serde_json::Value) -> Object {
    serde_json::from_value::<T>(v).expect("decodes").into_object()
}

fn ts(offset: i64) -> String {
    SimTime::from_secs(T0 + offset).rfc3339()
}

fn table(kind: Kind, objs: &[Object], wide: bool, now_offset: i64) -> String {
    let refs: Vec<&Object> = objs.iter().collect();
    render_grid(
        &grid(
            kind,
            &refs,
            TableOpts {
                wide,
                now: SimTime::from_secs(T0 + now_offset),
            },
        ),
        false,
    )
}

use crate::api::k8s_openapi::api::apps::v1::{ControllerRevision, DaemonSet, StatefulSet};
use crate::api::k8s_openapi::api::autoscaling::v2::HorizontalPodAutoscaler;
use crate::api::k8s_openapi::api::batch::v1::{CronJob, Job};
use crate::api::k8s_openapi::api::core::v1::{Endpoints, Event, PersistentVolume, PersistentVolumeClaim, Pod};
use crate::api::k8s_openapi::api::policy::v1::PodDisruptionBudget;
use crate::api::k8s_openapi::api::storage::v1::StorageClass;
use crate::api::{NodeGroup, PodBehavior, VerticalPodAutoscaler};

fn template(image: &str) -> serde_json::Value {
    json!({"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": image}]}})
}

#[test]
fn statefulsets() {
    let s = obj::<StatefulSet>(json!({
        "metadata": {"name": "db", "creationTimestamp": ts(0)},
        "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "db"}}, "serviceName": "db", "template": template("postgres:16")},
        "status": {"replicas": 2, "readyReplicas": 2}
    }));
    assert_eq!(
        table(Kind::StatefulSet, std::slice::from_ref(&s), false, 300),
        "NAME   READY   AGE\ndb     2/3     5m\n"
    );
    assert_eq!(
        table(Kind::StatefulSet, &[s], true, 300),
        "NAME   READY   AGE   CONTAINERS   IMAGES\ndb     2/3     5m    web          postgres:16\n"
    );
}

#[test]
fn daemonsets() {
    let mut t = template("fluentd:1");
    t["spec"]["nodeSelector"] = json!({"kubernetes.io/os": "linux"});
    let d = obj::<DaemonSet>(json!({
        "metadata": {"name": "agent", "creationTimestamp": ts(0)},
        "spec": {"selector": {"matchLabels": {"app": "agent"}}, "template": t},
        "status": {"desiredNumberScheduled": 3, "currentNumberScheduled": 3, "numberReady": 2, "updatedNumberScheduled": 3, "numberAvailable": 2, "numberMisscheduled": 0}
    }));
    assert_eq!(
        table(Kind::DaemonSet, &[d], true, 45),
        "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES      SELECTOR\n\
         agent   3         3         2       3            2           kubernetes.io/os=linux   45s   web          fluentd:1   app=agent\n"
    );
}

#[test]
fn jobs() {
    let running = obj::<Job>(json!({
        "metadata": {"name": "pi", "creationTimestamp": ts(0)},
        "spec": {"completions": 3, "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "u1"}}, "template": template("perl")},
        "status": {"startTime": ts(10), "succeeded": 1, "active": 1}
    }));
    let done = obj::<Job>(json!({
        "metadata": {"name": "pi2", "creationTimestamp": ts(0)},
        "spec": {"parallelism": 2, "template": template("perl")},
        "status": {"startTime": ts(0), "completionTime": ts(75), "succeeded": 2,
                   "conditions": [{"type": "Complete", "status": "True"}]}
    }));
    let pending = obj::<Job>(
        json!({"metadata": {"name": "pi3", "creationTimestamp": ts(0)}, "spec": {"template": template("perl")}}),
    );
    assert_eq!(
        table(Kind::Job, &[running, done, pending], false, 130),
        "NAME   STATUS     COMPLETIONS   DURATION   AGE\n\
         pi     Running    1/3           2m         2m10s\n\
         pi2    Complete   2/1 of 2      75s        2m10s\n\
         pi3    Running    0/1                      2m10s\n"
    );
}

#[test]
fn cronjobs() {
    let c = obj::<CronJob>(json!({
        "metadata": {"name": "hello", "creationTimestamp": ts(0)},
        "spec": {"schedule": "*/5 * * * *", "suspend": false,
                 "jobTemplate": {"spec": {"template": template("busybox")}}},
        "status": {"lastScheduleTime": ts(600), "active": [{"name": "hello-1"}]}
    }));
    let never = obj::<CronJob>(json!({
        "metadata": {"name": "tz", "creationTimestamp": ts(0)},
        "spec": {"schedule": "0 0 * * *", "timeZone": "Etc/UTC", "jobTemplate": {"spec": {"template": template("busybox")}}}
    }));
    assert_eq!(
        table(Kind::CronJob, &[c, never], true, 660),
        "NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES    SELECTOR\n\
         hello   */5 * * * *   <none>     False     1        60s             11m   web          busybox   <none>\n\
         tz      0 0 * * *     Etc/UTC    <unset>   0        <none>          11m   web          busybox   <none>\n"
    );
}

#[test]
fn hpas() {
    let cpu = json!({"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 80}}});
    let fresh = obj::<HorizontalPodAutoscaler>(json!({
        "metadata": {"name": "web", "creationTimestamp": ts(0)},
        "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"}, "minReplicas": 1, "maxReplicas": 10, "metrics": [cpu]}
    }));
    let synced = obj::<HorizontalPodAutoscaler>(json!({
        "metadata": {"name": "web2", "creationTimestamp": ts(0)},
        "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "web2"}, "maxReplicas": 5, "metrics": [
            cpu,
            {"type": "Resource", "resource": {"name": "memory", "target": {"type": "AverageValue", "averageValue": "500Mi"}}},
            {"type": "Pods", "pods": {"metric": {"name": "qps"}, "target": {"type": "AverageValue", "averageValue": "10"}}}
        ]},
        "status": {"currentReplicas": 3, "desiredReplicas": 3, "currentMetrics": [
            {"type": "Resource", "resource": {"name": "cpu", "current": {"averageUtilization": 45, "averageValue": "45m"}}},
            {"type": "Resource", "resource": {"name": "memory", "current": {"averageValue": "120Mi"}}}
        ]}
    }));
    assert_eq!(
        table(Kind::HorizontalPodAutoscaler, &[fresh, synced], false, 20),
        "NAME   REFERENCE         TARGETS                                         MINPODS   MAXPODS   REPLICAS   AGE\n\
         web    Deployment/web    cpu: <unknown>/80%                              1         10        0          20s\n\
         web2   Deployment/web2   cpu: 45%/80%, memory: 120Mi/500Mi + 1 more...   <unset>   5         3          20s\n"
    );
}

#[test]
fn endpoints() {
    let e = obj::<Endpoints>(json!({
        "metadata": {"name": "web", "creationTimestamp": ts(0)},
        "subsets": [{"addresses": [{"ip": "10.244.0.5"}, {"ip": "10.244.0.6"}, {"ip": "10.244.1.2"}, {"ip": "10.244.1.3"}],
                     "notReadyAddresses": [{"ip": "10.244.2.9"}], "ports": [{"port": 80, "protocol": "TCP"}]}]
    }));
    let empty = obj::<Endpoints>(json!({"metadata": {"name": "none", "creationTimestamp": ts(0)}}));
    assert_eq!(
        table(Kind::Endpoints, &[e, empty], false, 5),
        "NAME   ENDPOINTS                                               AGE\n\
         web    10.244.0.5:80,10.244.0.6:80,10.244.1.2:80 + 1 more...   5s\n\
         none   <none>                                                  5s\n"
    );
}

#[test]
fn pvcs_and_pvs() {
    let bound = obj::<PersistentVolumeClaim>(json!({
        "metadata": {"name": "data", "creationTimestamp": ts(0)},
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}, "storageClassName": "standard",
                 "volumeName": "pvc-1", "volumeMode": "Filesystem"},
        "status": {"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "1Gi"}}
    }));
    let pending = obj::<PersistentVolumeClaim>(json!({
        "metadata": {"name": "logs", "creationTimestamp": ts(0)},
        "spec": {"accessModes": ["ReadWriteMany"], "resources": {"requests": {"storage": "5Gi"}}},
        "status": {"phase": "Pending"}
    }));
    assert_eq!(
        table(Kind::PersistentVolumeClaim, &[bound, pending], true, 60),
        "NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE\n\
         data   Bound     pvc-1    1Gi        RWO            standard       <unset>                 60s   Filesystem\n\
         logs   Pending                                                     <unset>                 60s   <unset>\n"
    );
    let pv = obj::<PersistentVolume>(json!({
        "metadata": {"name": "pvc-1", "creationTimestamp": ts(0)},
        "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce", "ReadOnlyMany"], "persistentVolumeReclaimPolicy": "Delete",
                 "storageClassName": "standard", "claimRef": {"namespace": "default", "name": "data"}},
        "status": {"phase": "Bound"}
    }));
    assert_eq!(
        table(Kind::PersistentVolume, &[pv], false, 60),
        "NAME    CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
         pvc-1   1Gi        RWO,ROX        Delete           Bound    default/data   standard       <unset>                          60s\n"
    );
}

#[test]
fn pdbs_storage_classes_revisions() {
    let pdb = obj::<PodDisruptionBudget>(json!({
        "metadata": {"name": "web", "creationTimestamp": ts(0)},
        "spec": {"minAvailable": "50%", "selector": {"matchLabels": {"app": "web"}}},
        "status": {"disruptionsAllowed": 1, "currentHealthy": 3, "desiredHealthy": 2, "expectedPods": 3}
    }));
    assert_eq!(
        table(Kind::PodDisruptionBudget, &[pdb], false, 3600),
        "NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    50%             N/A               1                     60m\n"
    );
    let sc = obj::<StorageClass>(json!({
        "metadata": {"name": "standard", "creationTimestamp": ts(0),
                     "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
        "provisioner": "rancher.io/local-path", "volumeBindingMode": "WaitForFirstConsumer"
    }));
    let fast = obj::<StorageClass>(json!({
        "metadata": {"name": "fast", "creationTimestamp": ts(0)},
        "provisioner": "kubesim.io/fast", "reclaimPolicy": "Retain", "allowVolumeExpansion": true
    }));
    assert_eq!(
        table(Kind::StorageClass, &[fast, sc], false, 86400 * 3),
        "NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n\
         fast                 kubesim.io/fast         Retain          Immediate              true                   3d\n\
         standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  3d\n"
    );
    let cr = obj::<ControllerRevision>(json!({
        "metadata": {"name": "db-5d8f7c9b4", "creationTimestamp": ts(0),
                     "ownerReferences": [{"apiVersion": "apps/v1", "kind": "StatefulSet", "name": "db", "uid": "u", "controller": true}]},
        "revision": 2
    }));
    assert_eq!(
        table(Kind::ControllerRevision, &[cr], false, 10),
        "NAME           CONTROLLER            REVISION   AGE\ndb-5d8f7c9b4   statefulset.apps/db   2          10s\n"
    );
}

#[test]
fn events_wide() {
    let e = obj::<Event>(json!({
        "metadata": {"name": "web-x.17a1", "namespace": "default"},
        "involvedObject": {"kind": "Pod", "name": "web-x", "fieldPath": "spec.containers{web}"},
        "reason": "BackOff", "message": "Back-off restarting failed container ", "type": "Warning",
        "source": {"component": "kubelet", "host": "node-1"},
        "firstTimestamp": ts(0), "lastTimestamp": ts(240), "count": 5
    }));
    assert_eq!(
        table(Kind::Event, std::slice::from_ref(&e), false, 300),
        "LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n60s         Warning   BackOff   pod/web-x   Back-off restarting failed container\n"
    );
    assert_eq!(
        table(Kind::Event, &[e], true, 300),
        "LAST SEEN   TYPE      REASON    OBJECT      SUBOBJECT              SOURCE            MESSAGE                                FIRST SEEN   COUNT   NAME\n\
         60s         Warning   BackOff   pod/web-x   spec.containers{web}   kubelet, node-1   Back-off restarting failed container   5m           5       web-x.17a1\n"
    );
}

#[test]
fn kubesim_kinds() {
    let b = obj::<PodBehavior>(json!({
        "metadata": {"name": "slow", "creationTimestamp": ts(0)},
        "spec": {"selector": {"matchLabels": {"app": "web"}}, "startupDelay": "10s"}
    }));
    assert_eq!(
        table(Kind::PodBehavior, &[b], false, 1),
        "NAME   SELECTOR   IMAGE    AGE\nslow   app=web    <none>   1s\n"
    );
    let g = obj::<NodeGroup>(
        json!({"metadata": {"name": "pool", "creationTimestamp": ts(0)}, "spec": {"minSize": 1, "maxSize": 5}}),
    );
    assert_eq!(
        table(Kind::NodeGroup, &[g], false, 1),
        "NAME   MIN   MAX   AGE\npool   1     5     1s\n"
    );
    let v = obj::<VerticalPodAutoscaler>(json!({
        "metadata": {"name": "web", "creationTimestamp": ts(0)},
        "spec": {"targetRef": {"kind": "Deployment", "name": "web"}, "updatePolicy": {"updateMode": "Auto"}},
        "status": {"recommendation": {"containerRecommendations": [{"containerName": "web", "target": {"cpu": "250m", "memory": "262144k"}}]},
                   "conditions": [{"type": "RecommendationProvided", "status": "True", "lastTransitionTime": ts(0), "reason": "", "message": ""}]}
    }));
    let empty = obj::<VerticalPodAutoscaler>(json!({"metadata": {"name": "new", "creationTimestamp": ts(0)}}));
    assert_eq!(
        table(Kind::VerticalPodAutoscaler, &[empty, v], false, 1),
        "NAME   MODE     CPU      MEM       PROVIDED   AGE\nnew    <none>   <none>   <none>    <none>     1s\nweb    Auto     250m     262144k   True       1s\n"
    );
}

/// A pod with two init containers (`sidecar` optionally restartable) and one app container.
fn init_pod(init: serde_json::Value, app: serde_json::Value, conds: serde_json::Value, sidecar: bool) -> Object {
    let policy = if sidecar {
        json!("Always")
    } else {
        serde_json::Value::Null
    };
    obj::<Pod>(json!({
        "metadata": {"name": "myapp", "creationTimestamp": ts(0)},
        "spec": {
            "initContainers": [{"name": "init-a", "restartPolicy": policy}, {"name": "init-b"}],
            "containers": [{"name": "app"}]
        },
        "status": {"phase": "Pending", "conditions": conds, "initContainerStatuses": init, "containerStatuses": app}
    }))
}

fn pod_cells(p: &Object) -> Vec<String> {
    let row = table(Kind::Pod, std::slice::from_ref(p), false, 120);
    let line = row.lines().nth(1).expect("a row").to_string();
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
fn pods_while_initializing() {
    let waiting = |r: &str| json!({"waiting": {"reason": r}});
    let done = json!({"terminated": {"exitCode": 0, "reason": "Completed"}});
    let not_init = json!([{"type": "Initialized", "status": "False"}]);
    let app = json!([{"name": "app", "ready": false, "restartCount": 0, "state": waiting("PodInitializing")}]);
    // The first unfinished init container's index: Init:i/n.
    let p = init_pod(
        json!([{"name": "init-a", "ready": false, "restartCount": 0, "state": {"running": {}}},
               {"name": "init-b", "ready": false, "restartCount": 0, "state": waiting("PodInitializing")}]),
        app.clone(),
        not_init.clone(),
        false,
    );
    assert_eq!(pod_cells(&p), ["myapp", "0/1", "Init:0/2", "0", "2m"]);
    let p = init_pod(
        json!([{"name": "init-a", "ready": true, "restartCount": 0, "state": done},
               {"name": "init-b", "ready": false, "restartCount": 0, "state": {"running": {}}}]),
        app.clone(),
        not_init.clone(),
        false,
    );
    assert_eq!(pod_cells(&p), ["myapp", "0/1", "Init:1/2", "0", "2m"]);
    // A waiting reason other than PodInitializing, a failed exit, an exit without a reason.
    let p = init_pod(
        json!([{"name": "init-a", "ready": false, "restartCount": 3, "state": waiting("CrashLoopBackOff"),
                "lastState": {"terminated": {"exitCode": 1, "reason": "Error", "finishedAt": ts(60)}}}]),
        app.clone(),
        not_init.clone(),
        false,
    );
    assert_eq!(
        pod_cells(&p),
        ["myapp", "0/1", "Init:CrashLoopBackOff", "3", "(60s", "ago)", "2m"]
    );
    let p = init_pod(
        json!([{"name": "init-a", "ready": false, "restartCount": 0, "state": {"terminated": {"exitCode": 3}}}]),
        app.clone(),
        not_init.clone(),
        false,
    );
    assert_eq!(pod_cells(&p)[2], "Init:ExitCode:3");
    // Init done, app container not started yet: its own waiting reason.
    let p = init_pod(
        json!([{"name": "init-a", "ready": true, "restartCount": 0, "state": done},
               {"name": "init-b", "ready": true, "restartCount": 0, "state": done}]),
        app,
        json!([{"type": "Initialized", "status": "True"}]),
        false,
    );
    assert_eq!(pod_cells(&p)[2], "PodInitializing");
}

#[test]
fn pods_with_a_sidecar() {
    // A started sidecar counts in READY (and in the total) and does not hold initialization.
    let p = init_pod(
        json!([{"name": "init-a", "ready": true, "started": true, "restartCount": 1, "state": {"running": {}},
                "lastState": {"terminated": {"exitCode": 1, "reason": "Error", "finishedAt": ts(30)}}},
               {"name": "init-b", "ready": true, "restartCount": 0, "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}}]),
        json!([{"name": "app", "ready": true, "restartCount": 2, "state": {"running": {}},
                "lastState": {"terminated": {"exitCode": 1, "reason": "Error", "finishedAt": ts(90)}}}]),
        json!([{"type": "Initialized", "status": "True"}, {"type": "Ready", "status": "True"}]),
        true,
    );
    assert_eq!(pod_cells(&p), ["myapp", "2/2", "Pending", "3", "(30s", "ago)", "2m"]);
}

#[test]
fn pod_status_overrides() {
    let pod = |phase: &str, deleting: bool, conds: serde_json::Value, app: serde_json::Value| {
        let mut meta = json!({"name": "p", "creationTimestamp": ts(0)});
        if deleting {
            meta["deletionTimestamp"] = json!(ts(100));
        }
        obj::<Pod>(json!({
            "metadata": meta,
            "spec": {"containers": [{"name": "a"}, {"name": "b"}]},
            "status": {"phase": phase, "conditions": conds, "containerStatuses": app}
        }))
    };
    let running_ready = json!({"name": "a", "ready": true, "restartCount": 0, "state": {"running": {}}});
    let running_unready = json!({"name": "a", "ready": false, "restartCount": 0, "state": {"running": {}}});
    let completed = json!({"name": "b", "ready": false, "restartCount": 0, "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}});
    // Completed beside a ready running container: Running or NotReady by the Ready condition.
    let p = pod(
        "Running",
        false,
        json!([{"type": "Ready", "status": "False"}]),
        json!([running_ready, completed]),
    );
    assert_eq!(pod_cells(&p)[1..3], ["1/2", "NotReady"]);
    // A running container that is not ready does not count as running for that rule.
    let p = pod("Running", false, json!([]), json!([running_unready, completed]));
    assert_eq!(pod_cells(&p)[1..3], ["0/2", "Completed"]);
    // Deletion: Terminating only while the phase is not terminal.
    let p = pod("Running", true, json!([]), json!([running_ready]));
    assert_eq!(pod_cells(&p)[2], "Terminating");
    let p = pod("Succeeded", true, json!([]), json!([]));
    assert_eq!(pod_cells(&p)[2], "Succeeded");
    let p = pod(
        "Pending",
        false,
        json!([{"type": "PodScheduled", "status": "False", "reason": "SchedulingGated"}]),
        json!([]),
    );
    assert_eq!(pod_cells(&p)[2], "SchedulingGated");
}
