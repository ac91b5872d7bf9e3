//! The generators' `--dry-run=client` output compared byte for byte with the installed kubectl's
//! (which needs no server for `create ... --dry-run=client`). Skipped, with a note on stderr, when
//! kubectl is not on PATH.
#![allow(clippy::print_stderr)]

use assert_cmd::Command;

fn kubectl_available() -> bool {
    std::process::Command::new("kubectl")
        .args(["version", "--client"])
        .output()
        .is_ok_and(|o| o.status.success())
}

const CASES: &[&[&str]] = &[
    &["create", "deployment", "web", "--image=nginx:1.25"],
    &[
        "create",
        "deployment",
        "web",
        "--image=nginx:1.25",
        "--replicas=3",
        "--port=80",
    ],
    &[
        "create",
        "deployment",
        "multi",
        "--image=nginx",
        "--image=registry.k8s.io/pause:3.9",
    ],
    &["create", "job", "pi", "--image=perl:5.34"],
    &[
        "create",
        "cronjob",
        "hello",
        "--image=busybox",
        "--schedule=*/1 * * * *",
    ],
    &["create", "service", "clusterip", "web", "--tcp=80:8080"],
    &["create", "service", "clusterip", "headless", "--clusterip=None"],
    &[
        "create",
        "service",
        "nodeport",
        "web",
        "--tcp=80:8080",
        "--node-port=30080",
    ],
    &["create", "service", "loadbalancer", "lb", "--tcp=443:8443"],
    &["create", "namespace", "team-a"],
    &[
        "create",
        "configmap",
        "cfg",
        "--from-literal=mode=fast",
        "--from-literal=debug=true",
    ],
    &[
        "create",
        "secret",
        "generic",
        "creds",
        "--from-literal=user=admin",
        "--from-literal=pass=s3cr3t",
    ],
];

#[test]
fn dry_run_output_matches_kubectl() {
    if !kubectl_available() {
        eprintln!("note: kubectl is not on PATH; skipping the generator comparison");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut diffs = Vec::new();
    for case in CASES {
        for format in ["yaml", "json"] {
            let mut args: Vec<&str> = case.to_vec();
            args.extend(["--dry-run=client", "-o", format]);
            let real = std::process::Command::new("kubectl")
                .args(&args)
                .output()
                .expect("kubectl runs");
            let ours = Command::cargo_bin("kubesim")
                .expect("binary built")
                .args(&args)
                .env("KUBESIM_STORE", dir.path().join("cluster.json"))
                .env("KUBESIM_SEED", "1")
                .env("KUBESIM_START_TIME", "2024-01-01T00:00:00Z")
                .output()
                .expect("kubesim runs");
            if real.stdout != ours.stdout || real.status.code() != ours.status.code() {
                diffs.push(format!(
                    "{}\n--- kubectl\n{}\n--- kubesim\n{}",
                    args.join(" "),
                    String::from_utf8_lossy(&real.stdout),
                    String::from_utf8_lossy(&ours.stdout)
                ));
            }
        }
    }
    assert!(diffs.is_empty(), "{} difference(s):\n{}", diffs.len(), diffs.join("\n"));
}
