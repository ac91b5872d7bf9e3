use super::*;
use crate::api::Typed;
use serde_json::json;

const T0: i64 = 1_700_000_000;

fn ts(o: i64) -> String {
    SimTime::from_secs(T0 + o).rfc3339()
}

fn de<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("decodes")
}

fn ctx<'a>(now: i64) -> DescribeCtx<'a> {
    DescribeCtx {
        now: SimTime::from_secs(T0 + now),
        ..Default::default()
    }
}

fn pod() -> Pod {
    de(json!({
        "metadata": {"name": "web-abc", "namespace": "default", "uid": "p1", "labels": {"app": "web", "pod-template-hash": "abc"},
                     "creationTimestamp": ts(0),
                     "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-abc", "uid": "rs1", "controller": true}]},
        "spec": {"nodeName": "node-1", "containers": [{"name": "web", "image": "nginx:1.27",
                  "ports": [{"containerPort": 80, "protocol": "TCP"}],
                  "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}}}]},
        "status": {"phase": "Running", "hostIP": "10.0.0.1", "podIP": "10.244.1.5", "podIPs": [{"ip": "10.244.1.5"}],
                   "startTime": ts(0), "qosClass": "Burstable",
                   "conditions": [{"type": "Ready", "status": "True"}, {"type": "PodScheduled", "status": "True"}],
                   "containerStatuses": [{"name": "web", "image": "nginx:1.27", "imageID": "docker.io/library/nginx@sha256:1",
                       "containerID": "containerd://c1", "ready": true, "restartCount": 0,
                       "state": {"running": {"startedAt": ts(5)}}}]}
    }))
}

fn event(reason: &str, first: i64, last: i64, count: i32, msg: &str) -> Event {
    de(
        json!({"metadata": {"name": format!("e.{reason}")}, "involvedObject": {"kind": "Pod", "name": "web-abc"},
              "reason": reason, "message": msg, "type": "Normal", "source": {"component": "kubelet"},
              "firstTimestamp": ts(first), "lastTimestamp": ts(last), "count": count}),
    )
}

#[test]
fn pod_describe() {
    let p = pod();
    let e1 = event(
        "Pulled",
        2,
        2,
        1,
        "Container image \"nginx:1.27\" already present on machine",
    );
    let e2 = event("Scheduled", 0, 0, 1, "Successfully assigned default/web-abc to node-1");
    let e3 = event("Started", 5, 250, 2, "Started container web");
    let mut c = ctx(310);
    c.events = vec![&e1, &e2, &e3];
    let out = describe(&Typed::into_object(p), &c);
    assert_eq!(
        out,
        "Name:         web-abc
Namespace:    default
Node:         node-1/10.0.0.1
Start Time:   Tue, 14 Nov 2023 22:13:20 +0000
Labels:       app=web
              pod-template-hash=abc
Annotations:  <none>
Status:       Running
IP:           10.244.1.5
IPs:
  IP:           10.244.1.5
Controlled By:  ReplicaSet/web-abc
Containers:
  web:
    Container ID:   containerd://c1
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:1
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Tue, 14 Nov 2023 22:13:25 +0000
    Ready:          True
    Restart Count:  0
    Requests:
      cpu:        100m
      memory:     128Mi
    Environment:  <none>
    Mounts:       <none>
Conditions:
  Type           Status
  Ready          True 
  PodScheduled   True 
Volumes:         <none>
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     <none>
Events:
  Type    Reason     Age                 From     Message
  ----    ------     ----                ----     -------
  Normal  Scheduled  5m10s               kubelet  Successfully assigned default/web-abc to node-1
  Normal  Pulled     5m8s                kubelet  Container image \"nginx:1.27\" already present on machine
  Normal  Started    60s (x2 over 5m5s)  kubelet  Started container web
"
    );
}
