//! The floor a command is measured against, over the same objects in the API's JSON form (what
//! `kubesim get KINDS -A -o json` prints):
//!
//! - read: `serde_json::from_slice::<serde::de::IgnoredAny>` on those bytes;
//! - write (`--write`): that plus writing the bytes to a temp file, fsync and rename.
//!
//! ```text
//! cargo bench --bench floor -- --store FILE --kinds pods [--write] [--runs 10]
//! cargo bench --bench floor -- --store FILE --kinds store --write   # every kind the store holds
//! ```
//!
//! Prints one line: `floor_ms=<mean> min_ms=<min> json_bytes=<n> kinds=<list>`.

// Benchmarks measure wall time and read their settings from the environment.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Args {
    store: PathBuf,
    kinds: String,
    write: bool,
    runs: u32,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        store: PathBuf::new(),
        kinds: "pods".into(),
        write: false,
        runs: 10,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--store" => a.store = PathBuf::from(value("--store")?),
            "--kinds" => a.kinds = value("--kinds")?,
            "--runs" => a.runs = value("--runs")?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--write" => a.write = true,
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if a.store.as_os_str().is_empty() {
        return Err("--store FILE is required".into());
    }
    a.runs = a.runs.max(1);
    Ok(a)
}

/// The resources (plural names) of every section the store file holds.
fn kinds_in_store(store: &Path) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Head {
        objects: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
    }
    let bytes = std::fs::read(store).map_err(|e| format!("{}: {e}", store.display()))?;
    let head: Head = serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", store.display()))?;
    Ok(head.objects.keys().cloned().collect::<Vec<_>>().join(","))
}

fn floor(bytes: &[u8], write_to: Option<&Path>) {
    let v: serde::de::IgnoredAny = serde_json::from_slice(bytes).expect("valid JSON");
    black_box(v);
    if let Some(path) = write_to {
        let tmp = path.with_extension("tmp");
        let mut f = std::fs::File::create(&tmp).expect("create temp file");
        f.write_all(bytes).expect("write");
        f.sync_all().expect("fsync");
        std::fs::rename(&tmp, path).expect("rename");
    }
}

fn main() {
    let a = parse_args().unwrap_or_else(|e| fail(&e));
    let kinds = if a.kinds == "store" {
        kinds_in_store(&a.store).unwrap_or_else(|e| fail(&e))
    } else {
        a.kinds.clone()
    };
    let store = a.store.to_str().unwrap_or_else(|| fail("the store path is not UTF-8"));
    let args: Vec<String> = ["kubesim", "--store", store, "get", &kinds, "-A", "-o", "json"]
        .into_iter()
        .map(String::from)
        .collect();
    let (code, out) = kubesim::cli::run(&args);
    if code != 0 {
        fail(&format!("kubesim get {kinds} -A -o json: {}", out.stderr));
    }
    let bytes = out.stdout.into_bytes();
    let dir = tempfile::tempdir_in(
        a.store
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new(".")),
    )
    .unwrap_or_else(|e| fail(&format!("temp dir: {e}")));
    let target = dir.path().join("floor.json");
    let write_to = a.write.then_some(target.as_path());
    floor(&bytes, write_to); // warm-up
    let mut times = Vec::with_capacity(a.runs as usize);
    for _ in 0..a.runs {
        let t = Instant::now();
        floor(&bytes, write_to);
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "floor_ms={mean:.4} min_ms={min:.4} json_bytes={} kinds={kinds}",
        bytes.len()
    );
}

fn fail(e: &str) -> ! {
    eprintln!("floor: {e}");
    std::process::exit(1);
}
