//! The shell completion scripts committed in `completions/` are what `kubesim completion SHELL`
//! prints today. After changing commands or flags, regenerate them with
//! `COMPLETIONS=overwrite cargo test --test completions`.
#![allow(clippy::disallowed_methods)]

use assert_cmd::Command;
use std::path::Path;

const SCRIPTS: [(&str, &str); 5] = [
    ("bash", "kubesim.bash"),
    ("zsh", "_kubesim"),
    ("fish", "kubesim.fish"),
    ("powershell", "_kubesim.ps1"),
    ("elvish", "kubesim.elv"),
];

#[test]
fn committed_completions_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let overwrite = std::env::var("COMPLETIONS").as_deref() == Ok("overwrite");
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let out = Command::cargo_bin("kubesim")
            .expect("binary built")
            .args(["completion", shell])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "kubesim completion {shell} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "kubesim completion {shell} wrote to stderr");
        let path = dir.join(file);
        let committed = std::fs::read(&path).unwrap_or_default();
        if committed != out.stdout {
            if overwrite {
                std::fs::create_dir_all(&dir).expect("completions/ writable");
                std::fs::write(&path, &out.stdout).expect("completion script writable");
            } else {
                stale.push(format!("completions/{file}"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale completion scripts: {} (regenerate with `COMPLETIONS=overwrite cargo test --test completions`)",
        stale.join(", ")
    );
}

#[test]
fn unknown_shell_is_refused_like_kubectl() {
    let out = Command::cargo_bin("kubesim")
        .expect("binary built")
        .args(["completion", "foo"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: Unsupported shell type \"foo\".\nSee 'kubesim completion -h' for help and examples\n"
    );
}

#[test]
fn bash_completes_resource_names_from_the_store() {
    if std::process::Command::new("bash").arg("--version").output().is_err() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("cluster.json");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let apply = Command::cargo_bin("kubesim")
        .expect("binary built")
        .args(["apply", "-f"])
        .arg(root.join("examples/frontend-replicaset.yaml"))
        .env("KUBESIM_STORE", &store)
        .env("KUBESIM_SEED", "1")
        .env("KUBESIM_START_TIME", "2024-01-01T00:00:00Z")
        .output()
        .expect("runs");
    assert!(apply.status.success());
    let bin_dir = assert_cmd::cargo::cargo_bin("kubesim")
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let script = root.join("completions/kubesim.bash");
    let probe = format!(
        "source {}; COMP_WORDS=(kubesim get rs fr); COMP_CWORD=3; _kubesim_names; echo \"${{COMPREPLY[*]}}\"",
        script.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(probe)
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default()),
        )
        .env("KUBESIM_STORE", &store)
        .output()
        .expect("bash runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "frontend\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
