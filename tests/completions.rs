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
