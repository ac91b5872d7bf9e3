//! In-process timings of whole kubesim commands (`kubesim::cli::run`: load, lock, reconcile,
//! print, save) on generated stores, each next to its floor:
//!
//! - read-only commands: `serde_json` validating (into `serde::de::IgnoredAny`) the same objects in
//!   the API's JSON form, as `kubesim get <kind> -A -o json` prints them;
//! - mutating commands: that plus writing those bytes to a temp file with fsync and rename.
//!
//! ```text
//! cargo bench --bench commands                          # 100 nodes / 3,000 pods
//! KUBESIM_BENCH_LARGE=1 cargo bench --bench commands    # also 1,000 nodes / 30,000 pods
//! ```
//!
//! Fixtures are cached in `target/bench-fixtures` (or `$KUBESIM_BENCH_DIR`); delete them after
//! changing the store's format or the controllers.

// Benchmarks measure wall time and read their settings from the environment.
#![allow(clippy::disallowed_methods, clippy::print_stderr)]

mod fixture;

// The same allocator as the kubesim binary (src/main.rs), so in-process timings match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};

fn run(args: &[&str]) -> (i32, kubesim::cli::Output) {
    let args: Vec<String> = std::iter::once("kubesim")
        .chain(args.iter().copied())
        .map(String::from)
        .collect();
    kubesim::cli::run(&args)
}

/// What `kubesim --store <store> <args>` prints on stdout; panics unless it succeeds.
fn stdout_of(store: &Path, args: &[&str]) -> Vec<u8> {
    let store = store.to_str().expect("UTF-8 path");
    let mut all = vec!["--store", store];
    all.extend_from_slice(args);
    let (code, out) = run(&all);
    assert_eq!(code, 0, "kubesim {all:?} failed: {}", out.stderr);
    out.stdout.into_bytes()
}

/// The read floor: validating the JSON without building anything.
fn read_floor(bytes: &[u8]) {
    let v: serde::de::IgnoredAny = serde_json::from_slice(bytes).expect("valid JSON");
    black_box(v);
}

/// The write floor: the read floor, then an atomic durable write of the same bytes.
fn write_floor(bytes: &[u8], path: &Path) {
    read_floor(bytes);
    let tmp = path.with_extension("floor.tmp");
    let mut f = std::fs::File::create(&tmp).expect("create temp file");
    f.write_all(bytes).expect("write");
    f.sync_all().expect("fsync");
    std::fs::rename(&tmp, path).expect("rename");
}

/// A scratch directory under the fixture cache, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = fixture::cache_dir().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn bench_size(c: &mut Criterion, nodes: u32, pods: u64) {
    let store = fixture::ensure(nodes, pods);
    let label = format!("{nodes}n-{pods}p");
    let path = store.to_str().expect("UTF-8 path").to_string();
    let pods_json = stdout_of(&store, &["get", "pods", "-A", "-o", "json"]);
    let rs_json = stdout_of(&store, &["get", "rs", "-A", "-o", "json"]);
    // A mutating command rewrites the whole store: its floor is every object it holds.
    let all_json = stdout_of(
        &store,
        &["get", "nodes,pods,rs,deploy,ds,svc,ns,events", "-A", "-o", "json"],
    );
    let store_bytes = std::fs::read(&store).expect("read fixture");

    let mut g = c.benchmark_group(label);
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(if pods > 10_000 { 40 } else { 8 }));

    g.bench_function("get pods", |b| {
        b.iter(|| {
            let (code, out) = run(&["--store", &path, "get", "pods"]);
            assert_eq!(code, 0, "{}", out.stderr);
            black_box(out.stdout.len())
        })
    });
    g.bench_function("floor get pods -A -o json (IgnoredAny)", |b| {
        b.iter(|| read_floor(&pods_json))
    });

    g.bench_function("get rs", |b| {
        b.iter(|| {
            let (code, out) = run(&["--store", &path, "get", "rs"]);
            assert_eq!(code, 0, "{}", out.stderr);
            black_box(out.stdout.len())
        })
    });
    g.bench_function("floor get rs -A -o json (IgnoredAny)", |b| {
        b.iter(|| read_floor(&rs_json))
    });

    let dir = scratch(&format!("scale-{nodes}-{pods}"));
    let copy = dir.join("store.json");
    let copy_str = copy.to_str().expect("UTF-8 path").to_string();
    g.bench_function("scale deploy app-000 --replicas=301", |b| {
        b.iter_batched(
            || std::fs::write(&copy, &store_bytes).expect("copy fixture"),
            |()| {
                let (code, out) = run(&["--store", &copy_str, "scale", "deploy", "app-000", "--replicas=301"]);
                assert_eq!(code, 0, "{}", out.stderr);
                black_box(out.stdout.len())
            },
            BatchSize::PerIteration,
        )
    });
    let floor_path = dir.join("floor.json");
    g.bench_function("floor all objects -o json (IgnoredAny + fsync + rename)", |b| {
        b.iter(|| write_floor(&all_json, &floor_path))
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

fn small(c: &mut Criterion) {
    bench_size(c, 100, 3_000);
}

fn large(c: &mut Criterion) {
    if std::env::var_os("KUBESIM_BENCH_LARGE").is_some_and(|v| v == "1") {
        bench_size(c, 1_000, 30_000);
    }
}

criterion_group!(benches, small, large);
criterion_main!(benches);
