//! kubesim's `-o jsonpath` output compared with the installed kubectl's on the same object:
//! `kubesim get deploy x -o json` is written to a file and `kubectl annotate --local -f FILE
//! a=b -o jsonpath=T` (which needs no server) must print what `kubesim get deploy x -o
//! jsonpath=T` prints. Skipped, with a note on stderr, when kubectl is not on PATH.
#![allow(clippy::print_stderr, clippy::disallowed_methods)]

use assert_cmd::Command;
use std::path::Path;
use std::process::Output;

fn kubectl_available() -> bool {
    std::process::Command::new("kubectl")
        .arg("version")
        .arg("--client")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn kubesim(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("kubesim")
        .expect("binary built")
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("KUBESIM_STORE", dir.join("cluster.json"))
        .env("KUBESIM_SEED", "1")
        .env("KUBESIM_START_TIME", "2024-01-01T00:00:00Z")
        .output()
        .expect("kubesim runs")
}

/// Templates that do not look at annotations (kubectl annotate adds one).
const TEMPLATES: &[&str] = &[
    "{.metadata.name}",
    "{.spec.replicas}{\"\\n\"}",
    "{.spec.template.spec.containers[*].image}",
    "{range .spec.template.spec.containers[*]}{.name}{\"\\t\"}{.image}{\"\\n\"}{end}",
    "{.status.conditions[?(@.type==\"Available\")].status}",
    "{.status.conditions[*].type}",
    "{.spec.selector.matchLabels}",
    "{.spec.strategy}",
    "{..image}",
    "{.metadata.labels.app}",
    "{.spec.template.spec.containers[0].ports[0].containerPort}",
    "{.status.conditions[-1:].reason}",
    "{.spec.template.spec.containers[*]['name','image']}",
    "{.spec.nope}",
    "{.status.replicas}/{.spec.replicas}",
];

#[test]
fn jsonpath_matches_kubectl() {
    if !kubectl_available() {
        eprintln!("note: kubectl is not on PATH; skipping the kubectl comparison");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = root.join("examples/nginx-deployment.yaml");
    let applied = kubesim(dir.path(), &["apply", "-f", manifest.to_str().expect("utf-8 path")]);
    assert!(
        applied.status.success(),
        "apply failed: {}",
        String::from_utf8_lossy(&applied.stderr)
    );
    let obj = kubesim(dir.path(), &["get", "deploy", "nginx-deployment", "-o", "json"]);
    assert!(obj.status.success());
    let file = dir.path().join("deploy.json");
    std::fs::write(&file, &obj.stdout).expect("object written");
    let mut failures = Vec::new();
    for t in TEMPLATES {
        for (format, flag) in [
            ("jsonpath", format!("jsonpath={t}")),
            ("jsonpath-as-json", format!("jsonpath-as-json={t}")),
        ] {
            let want = std::process::Command::new("kubectl")
                .args(["annotate", "--local", "-f"])
                .arg(&file)
                .args(["kubesim-oracle=x", "-o", &flag])
                .env("KUBECONFIG", dir.path().join("no-kubeconfig"))
                .output()
                .expect("kubectl runs");
            let got = kubesim(dir.path(), &["get", "deploy", "nginx-deployment", "-o", &flag]);
            if want.stdout != got.stdout || want.status.code() != got.status.code() {
                failures.push(format!(
                    "-o {format} template {t}\n  kubectl: {:?} (exit {:?})\n  kubesim: {:?} (exit {:?})",
                    String::from_utf8_lossy(&want.stdout),
                    want.status.code(),
                    String::from_utf8_lossy(&got.stdout),
                    got.status.code()
                ));
            }
        }
    }
    // A template that fails: same first line of the error, same exit code.
    let bad = "jsonpath={.spec.replicas";
    let want = std::process::Command::new("kubectl")
        .args(["annotate", "--local", "-f"])
        .arg(&file)
        .args(["kubesim-oracle=x", "-o", bad])
        .output()
        .expect("kubectl runs");
    let got = kubesim(dir.path(), &["get", "deploy", "nginx-deployment", "-o", bad]);
    assert_eq!(
        String::from_utf8_lossy(&got.stderr),
        String::from_utf8_lossy(&want.stderr)
    );
    assert_eq!(got.status.code(), want.status.code());
    assert!(
        failures.is_empty(),
        "{} difference(s) from kubectl:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Installed as `kubectl-sim`, the binary behaves as kubesim, and kubectl finds it as a plugin.
#[test]
fn works_as_a_kubectl_plugin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = assert_cmd::cargo::cargo_bin("kubesim");
    let plugin_dir = dir.path().join("bin");
    std::fs::create_dir_all(&plugin_dir).expect("bin dir");
    let plugin = plugin_dir.join("kubectl-sim");
    std::fs::copy(&bin, &plugin).expect("copied as kubectl-sim");
    let direct = kubesim(dir.path(), &["get", "nodes", "-o", "name"]);
    let run = |cmd: &mut std::process::Command| {
        cmd.env_clear()
            .env("HOME", dir.path())
            .env("KUBESIM_STORE", dir.path().join("cluster.json"))
            .env(
                "PATH",
                format!("{}:{}", plugin_dir.display(), std::env::var("PATH").unwrap_or_default()),
            )
            .output()
            .expect("runs")
    };
    let as_plugin = run(std::process::Command::new(&plugin).args(["get", "nodes", "-o", "name"]));
    assert!(
        as_plugin.status.success(),
        "{}",
        String::from_utf8_lossy(&as_plugin.stderr)
    );
    assert_eq!(as_plugin.stdout, direct.stdout);
    if !kubectl_available() {
        eprintln!("note: kubectl is not on PATH; skipping `kubectl sim`");
        return;
    }
    let via_kubectl = run(std::process::Command::new("kubectl").args(["sim", "get", "nodes", "-o", "name"]));
    assert!(
        via_kubectl.status.success(),
        "{}",
        String::from_utf8_lossy(&via_kubectl.stderr)
    );
    assert_eq!(via_kubectl.stdout, direct.stdout);
}

/// YAML 1.1 scalars (`0400`, `yes`, `0_755`) read as kubectl reads them: a manifest created holds
/// the same values kubectl's decoder gives the same file (`kubectl label --local`).
#[test]
fn yaml_scalars_match_kubectl() {
    if !kubectl_available() {
        eprintln!("note: kubectl is not on PATH; skipping the kubectl comparison");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let manifest = dir.path().join("pod.yaml");
    std::fs::write(
        &manifest,
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: modes\n  annotations:\n    quoted: \"yes\"\n    number: '0644'\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    args: [\"0644\"]\n  volumes:\n  - name: s\n    secret:\n      secretName: s\n      defaultMode: 0400 # r--------\n  - name: c\n    configMap:\n      name: c\n      defaultMode: 0644\n      items:\n      - key: k\n        path: p\n        mode: 0_755\n",
    )
    .expect("write");
    let path = manifest.to_str().expect("UTF-8");
    let template = "{.spec.volumes[*].secret.defaultMode} {.spec.volumes[*].configMap.defaultMode} {.spec.volumes[1].configMap.items[0].mode} {.metadata.annotations} {.spec.containers[0].args}";
    let applied = kubesim(dir.path(), &["create", "-f", path]);
    assert!(applied.status.success(), "{}", String::from_utf8_lossy(&applied.stderr));
    let ours = kubesim(
        dir.path(),
        &["get", "pod", "modes", "-o", &format!("jsonpath={template}")],
    );
    assert!(ours.status.success(), "{}", String::from_utf8_lossy(&ours.stderr));
    let theirs = std::process::Command::new("kubectl")
        .args([
            "label",
            "--local",
            "-f",
            path,
            "x=y",
            "-o",
            &format!("jsonpath={template}"),
        ])
        .output()
        .expect("kubectl runs");
    assert!(theirs.status.success(), "{}", String::from_utf8_lossy(&theirs.stderr));
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout)
    );
}
