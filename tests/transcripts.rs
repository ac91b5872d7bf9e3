//! Transcript tests: every ```console block in `tests/cmd/*.md`, `README.md` and
//! `examples/README.md` is run through
//! `sh` with the real binary on PATH, in a fresh store (seed 1, start 2024-01-01T00:00:00Z), and
//! its stdout, stderr (`[stderr] ` lines) and exit status (`[exit N]`) must match exactly.
//! `TRANSCRIPTS=overwrite cargo test --test transcripts` rewrites the expectations;
//! `TRANSCRIPTS_ONLY=<part of a file name>` limits the run to matching files.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;

struct Step {
    command: String,
    expected: Vec<String>,
    /// Line range of the expected output in the file (start, end exclusive).
    span: (usize, usize),
}

struct Block {
    steps: Vec<Step>,
}

fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim_end() == "```console" {
            let mut steps: Vec<Step> = Vec::new();
            i += 1;
            while i < lines.len() && lines[i].trim_end() != "```" {
                let line = lines[i];
                if let Some(cmd) = line.strip_prefix("$ ") {
                    steps.push(Step {
                        command: cmd.to_string(),
                        expected: Vec::new(),
                        span: (i + 1, i + 1),
                    });
                } else if let Some(s) = steps.last_mut() {
                    s.expected.push(line.to_string());
                    s.span.1 = i + 1;
                }
                i += 1;
            }
            blocks.push(Block { steps });
        }
        i += 1;
    }
    blocks
}

fn bin_dir() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("kubesim");
    bin.parent().expect("binary has a directory").to_path_buf()
}

fn run_step(cmd: &str, store_dir: &Path) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = format!("{}:{}", bin_dir().display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("sh")
        .arg("-c")
        .arg(cmd)
        .current_dir(root)
        .env_clear()
        .env("PATH", path)
        .env("HOME", store_dir)
        .env("KUBESIM_STORE", store_dir.join("cluster.json"))
        .env("KUBESIM_SEED", "1")
        .env("KUBESIM_START_TIME", "2024-01-01T00:00:00Z")
        .env("NO_COLOR", "1")
        .env("TMPDIR", store_dir)
        .output()
        .expect("sh runs");
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    for l in String::from_utf8_lossy(&out.stderr).lines() {
        lines.push(format!("[stderr] {l}"));
    }
    let code = out.status.code().unwrap_or(-1);
    if code != 0 {
        lines.push(format!("[exit {code}]"));
    }
    lines
}

fn check_file(path: &Path, overwrite: bool) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("transcript readable");
    let mut failures = Vec::new();
    let mut replacements: Vec<((usize, usize), Vec<String>)> = Vec::new();
    for block in parse(&text) {
        let dir = tempfile::tempdir().expect("temp dir");
        for step in &block.steps {
            let actual = run_step(&step.command, dir.path());
            if actual != step.expected {
                failures.push(format!(
                    "{}:{}: $ {}\n--- expected\n{}\n--- actual\n{}\n",
                    path.display(),
                    step.span.0,
                    step.command,
                    step.expected.join("\n"),
                    actual.join("\n")
                ));
                replacements.push((step.span, actual));
            }
        }
    }
    if overwrite && !replacements.is_empty() {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for ((start, end), new) in replacements.into_iter().rev() {
            lines.splice(start..end, new);
        }
        let mut out = lines.join("\n");
        out.push('\n');
        std::fs::write(path, out).expect("transcript writable");
        return Vec::new();
    }
    failures
}

#[test]
fn transcripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let overwrite = std::env::var("TRANSCRIPTS").as_deref() == Ok("overwrite");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/cmd"))
        .expect("tests/cmd exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files.push(root.join("README.md"));
    files.push(root.join("examples/README.md"));
    // `TRANSCRIPTS_ONLY=name` limits the run to files whose name contains `name`.
    if let Ok(only) = std::env::var("TRANSCRIPTS_ONLY") {
        files.retain(|f| f.file_name().is_some_and(|n| n.to_string_lossy().contains(&only)));
    }
    let mut failures = Vec::new();
    let mut steps = 0;
    for f in &files {
        steps += parse(&std::fs::read_to_string(f).expect("readable"))
            .iter()
            .map(|b| b.steps.len())
            .sum::<usize>();
        failures.extend(check_file(f, overwrite));
    }
    assert!(steps > 0, "no transcript steps found");
    assert!(
        failures.is_empty(),
        "{} transcript step(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
