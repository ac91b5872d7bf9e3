//! The man page `man/kubesim.1` is generated from the clap definitions; this test fails when it
//! drifts. Regenerate with `MANPAGE=overwrite cargo test --test manpage`.
#![allow(clippy::disallowed_methods)]

use clap::CommandFactory;
use std::path::Path;

#[test]
fn committed_man_page_is_current() {
    let mut out = Vec::new();
    clap_mangen::Man::new(kubesim::cli::Cli::command())
        .render(&mut out)
        .expect("renders");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("man/kubesim.1");
    let committed = std::fs::read(&path).unwrap_or_default();
    if committed != out {
        if std::env::var("MANPAGE").as_deref() == Ok("overwrite") {
            std::fs::create_dir_all(path.parent().expect("man/ has a parent")).expect("man/ writable");
            std::fs::write(&path, &out).expect("man page writable");
        } else {
            panic!("man/kubesim.1 is stale: regenerate with `MANPAGE=overwrite cargo test --test manpage`");
        }
    }
    assert!(String::from_utf8_lossy(&out).contains(".TH kubesim"));
}
