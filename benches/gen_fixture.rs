//! Builds a benchmark store of N worker nodes and M running pods through the library API:
//!
//! ```text
//! cargo bench --bench gen_fixture -- --nodes 100 --pods 3000 --out /tmp/f.json [--seed 1]
//! ```
//!
//! See `fixture/mod.rs` for what the store holds. Prints how long generation took and the file's
//! size.

// Benchmarks measure wall time and read their settings from the environment.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod fixture;

// The same allocator as the kubesim binary (src/main.rs), so in-process timings match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;

struct Args {
    nodes: u32,
    pods: u64,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        nodes: 100,
        pods: 3000,
        out: PathBuf::from("fixture.json"),
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--nodes" => a.nodes = value("--nodes")?.parse().map_err(|e| format!("--nodes: {e}"))?,
            "--pods" => a.pods = value("--pods")?.parse().map_err(|e| format!("--pods: {e}"))?,
            "--seed" => a.seed = value("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => a.out = PathBuf::from(value("--out")?),
            // `cargo bench` passes `--bench` to every bench target.
            "--bench" => {}
            other => {
                return Err(format!(
                    "unknown argument {other:?} (expected --nodes N --pods M --out FILE [--seed S])"
                ));
            }
        }
    }
    Ok(a)
}

fn main() {
    let a = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_fixture: {e}");
            std::process::exit(2);
        }
    };
    let r = match fixture::generate(a.nodes, a.pods, a.seed, &a.out) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("gen_fixture: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "gen_fixture: {} worker nodes, {} pods in {} deployments -> {} ({:.1} MB, {} bytes)",
        a.nodes,
        a.pods,
        r.deployments,
        a.out.display(),
        r.bytes as f64 / 1e6,
        r.bytes
    );
    println!(
        "gen_fixture: {:.2} s total (init {:.2} s, create+settle {:.2} s, advance 5m {:.2} s, save {:.2} s)",
        r.total().as_secs_f64(),
        r.init.as_secs_f64(),
        r.create.as_secs_f64(),
        r.advance.as_secs_f64(),
        r.save.as_secs_f64()
    );
}
