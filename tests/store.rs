//! Store guarantees through the real binary: failed commands leave the store byte-identical,
//! read-only verbs never write, corrupt and newer stores are refused without being touched,
//! the same script gives the same bytes, parallel applies lose nothing, and a kill -9 during
//! saves always leaves a loadable store.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn kubesim(store: &Path) -> Command {
    let mut c = Command::cargo_bin("kubesim").expect("binary built");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_clear()
        .env("KUBESIM_STORE", store)
        .env("KUBESIM_SEED", "1")
        .env("KUBESIM_START_TIME", "2024-01-01T00:00:00Z")
        .env("HOME", store.parent().expect("store has a parent"));
    c
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("cluster.json");
    kubesim(&store).args(["cluster", "init"]).assert().success();
    (dir, store)
}

#[test]
fn failed_commands_leave_the_store_untouched() {
    let (_d, store) = fresh();
    kubesim(&store)
        .args(["apply", "-f", "examples/frontend-replicaset.yaml"])
        .assert()
        .success();
    let before = std::fs::read(&store).expect("store");
    for args in [
        vec!["apply", "-f", "tests/fixtures/bad-replicas.yaml"],
        vec!["apply", "-f", "tests/fixtures/unknown-kind.yaml"],
        vec!["apply", "-f", "tests/fixtures/not-yaml.yaml"],
        vec!["scale", "rs", "nothing", "--replicas=2"],
        vec!["scale", "rs", "frontend", "--replicas=-1"],
        vec!["get", "pods", "--bogus"],
    ] {
        kubesim(&store).args(&args).assert().code(1);
        assert_eq!(
            std::fs::read(&store).expect("store"),
            before,
            "{args:?} changed the store"
        );
    }
    for args in [
        vec!["get", "pods"],
        vec!["get", "all", "-A", "-o", "yaml"],
        vec!["clock"],
    ] {
        kubesim(&store).args(&args).assert().success();
        assert_eq!(
            std::fs::read(&store).expect("store"),
            before,
            "{args:?} wrote the store"
        );
    }
}

#[test]
fn corrupt_and_newer_stores_are_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("cluster.json");
    std::fs::write(
        &store,
        "{\"kubesim\":\"cluster\",\"schemaVersion\":1,\n  \"state\": nope}",
    )
    .expect("write");
    let out = kubesim(&store).args(["get", "pods"]).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("is corrupt") && err.contains("line 2 column"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&store).expect("store"),
        "{\"kubesim\":\"cluster\",\"schemaVersion\":1,\n  \"state\": nope}"
    );

    let (_d, store) = fresh();
    let text = std::fs::read_to_string(&store)
        .expect("store")
        .replace("\"schemaVersion\":1", "\"schemaVersion\":99");
    std::fs::write(&store, &text).expect("write");
    let out = kubesim(&store)
        .args(["apply", "-f", "examples/frontend-replicaset.yaml"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("newer kubesim (schema version 99"), "{err}");
    assert_eq!(std::fs::read_to_string(&store).expect("store"), text);
}

#[test]
fn damage_inside_a_section_is_reported_when_the_section_is_read() {
    let (_d, store) = fresh();
    let text = std::fs::read_to_string(&store).expect("store");
    let damaged = text.replacen("\"kind\":\"Pod\"", "\"kind\":\"P0d\"", 1);
    assert_ne!(text, damaged, "the store has a pod to damage");
    std::fs::write(&store, &damaged).expect("write");
    // Commands that do not decode pods still work (a pod table reads the pods' digests, stored
    // after them); those that do fail and write nothing.
    kubesim(&store).args(["get", "nodes"]).assert().success();
    kubesim(&store).args(["get", "pods", "-A"]).assert().success();
    let out = kubesim(&store)
        .args(["get", "pods", "-A", "-o", "json"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("is corrupt") && err.contains("P0d"), "{err}");
    let out = kubesim(&store)
        .args(["delete", "pods", "--all", "-n", "kube-system"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("is corrupt"));
    assert_eq!(std::fs::read_to_string(&store).expect("store"), damaged);

    // Damage in a digest is reported by the table that reads it.
    let at = text.rfind("\"kind\":\"Pod\"").expect("a digest");
    assert!(
        text[..at].contains("\"podDigests\":"),
        "the last pod kind is a digest's"
    );
    let damaged = format!("{}\"kind\":\"P0d\"{}", &text[..at], &text[at + 12..]);
    std::fs::write(&store, &damaged).expect("write");
    let out = kubesim(&store).args(["get", "pods", "-A"]).assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("is corrupt") && err.contains("P0d"), "{err}");
    assert_eq!(std::fs::read_to_string(&store).expect("store"), damaged);
}

#[test]
fn same_script_same_bytes() {
    let script = [
        vec!["apply", "-f", "examples/frontend-replicaset.yaml"],
        vec!["apply", "-f", "examples/nginx-deployment.yaml"],
        vec!["scale", "rs", "frontend", "--replicas=5"],
        vec!["clock", "advance", "90s"],
        vec!["delete", "rs", "frontend"],
        vec!["get", "all", "-A", "-o", "yaml"],
    ];
    let run = || {
        let (d, store) = fresh();
        let mut out = Vec::new();
        for args in &script {
            let o = kubesim(&store).args(args).output().expect("runs");
            out.extend(o.stdout);
            out.extend(o.stderr);
        }
        out.extend(std::fs::read(&store).expect("store"));
        drop(d);
        out
    };
    let a = run();
    assert!(!a.is_empty());
    assert_eq!(a, run());
}

#[test]
fn parallel_applies_lose_nothing() {
    let (dir, store) = fresh();
    let manifests: Vec<PathBuf> = (0..16)
        .map(|i| {
            let p = dir.path().join(format!("cm{i}.yaml"));
            std::fs::write(
                &p,
                format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm{i}\ndata:\n  i: \"{i}\"\n"),
            )
            .expect("write");
            p
        })
        .collect();
    let bin = assert_cmd::cargo::cargo_bin("kubesim");
    let children: Vec<_> = manifests
        .iter()
        .map(|m| {
            std::process::Command::new(&bin)
                .args(["apply", "-f"])
                .arg(m)
                .env("KUBESIM_STORE", &store)
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawns")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("waits").success());
    }
    let out = kubesim(&store)
        .args(["get", "cm", "-o", "name"])
        .output()
        .expect("runs");
    let names = String::from_utf8_lossy(&out.stdout).to_string();
    for i in 0..16 {
        assert!(names.contains(&format!("configmap/cm{i}\n")), "cm{i} lost:\n{names}");
    }
}

#[test]
fn kill_during_saves_leaves_a_loadable_store() {
    let (_d, store) = fresh();
    let bin = assert_cmd::cargo::cargo_bin("kubesim");
    for i in 0..12u64 {
        let mut child = std::process::Command::new(&bin)
            .args([
                "scale",
                "deploy",
                "coredns",
                "-n",
                "kube-system",
                &format!("--replicas={}", 2 + i % 5),
            ])
            .env("KUBESIM_STORE", &store)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawns");
        // Kill at varying points of the load-change-save cycle (no sleeping: spin a varying
        // number of times before the kill).
        for _ in 0..(i * 300_000) {
            std::hint::spin_loop();
        }
        let _ = child.kill();
        let _ = child.wait();
        kubesim(&store)
            .args(["get", "deploy", "-n", "kube-system"])
            .assert()
            .success();
    }
}

#[test]
fn pod_digests_follow_their_pods() {
    let (_d, store) = fresh();
    let script = [
        vec!["apply", "-f", "examples/frontend-replicaset.yaml"],
        vec!["apply", "-f", "examples/nginx-deployment.yaml"],
        vec!["get", "pods", "-A"],
        vec!["scale", "rs", "frontend", "--replicas=5"],
        vec!["set", "image", "deployment/nginx-deployment", "nginx=nginx:1.16.1"],
        vec!["clock", "advance", "90s"],
        vec!["delete", "pod", "-l", "tier=frontend", "--wait=false"],
        vec!["label", "pods", "--all", "extra=yes"],
    ];
    for args in &script {
        kubesim(&store).args(args).assert().success();
        // Every stored pod's digest is the one derived from it, and nothing else is digested.
        let file: serde_json::Value = serde_json::from_slice(&std::fs::read(&store).expect("store")).expect("json");
        let pods = file["objects"]["pods"].as_object().expect("pods");
        let digests = file["podDigests"].as_object().expect("digests");
        assert_eq!(pods.len(), digests.len(), "after {args:?}");
        for (key, pod) in pods {
            let want = kubesim::api::pod_digest(&pod.to_string()).expect("digest");
            let want: serde_json::Value = serde_json::from_str(&want).expect("json");
            assert_eq!(digests[key], want, "{key} after {args:?}");
        }
    }
    let (with, without) = pod_table_with_and_without_index(&store);
    assert!(!with.is_empty());
    assert_eq!(with, without);
}

/// `get pods -A -o wide` read from the pods' digests, then from the pods themselves (the store's
/// index cut off: the file is parsed whole and its digests ignored).
fn pod_table_with_and_without_index(store: &Path) -> (String, String) {
    let table = |store: &Path| {
        let out = kubesim(store)
            .args(["get", "pods", "-A", "-o", "wide"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let with = table(store);
    let text = std::fs::read_to_string(store).expect("store");
    let cut = text.rfind(",\"index\":").expect("an index");
    std::fs::write(store, format!("{}}}\n", &text[..cut])).expect("write");
    (with, table(store))
}

#[test]
fn a_listing_decoded_on_several_cores_is_the_same() {
    // About 1,000 pods: their digests span several chunks, which `get pods` decodes in parallel.
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("cluster.json");
    kubesim(&store)
        .args(["cluster", "init", "--nodes", "10"])
        .assert()
        .success();
    kubesim(&store)
        .args(["create", "deployment", "big", "--image=nginx:1.27", "--replicas=1000"])
        .assert()
        .success();
    let text = std::fs::read_to_string(&store).expect("store");
    assert!(text.contains("\"$podDigests.v1#1\""), "the digests are chunked");
    let (with, without) = pod_table_with_and_without_index(&store);
    assert_eq!(with.lines().count(), 1003);
    assert_eq!(with, without);
}
