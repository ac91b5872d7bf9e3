//! trycmd transcript cases: every `tests/cmd/*.toml` runs the real binary (in a sandbox when the
//! case asks for one) with a fresh store (seed 1, start 2024-01-01T00:00:00Z).
//! `TRYCMD=overwrite cargo test --test cli` rewrites the expectations.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("KUBESIM_STORE", "cluster.json")
        .env("KUBESIM_SEED", "1")
        .env("KUBESIM_START_TIME", "2024-01-01T00:00:00Z")
        .case("tests/cmd/*.toml");
}
