//! The layer rule of ARCHITECTURE.md, checked on the source: every `crate::<module>` path in a
//! layer must name the layer itself or one below it (test-only `tests.rs` modules excepted).

use std::collections::BTreeMap;
use std::path::Path;

fn allowed() -> BTreeMap<&'static str, &'static [&'static str]> {
    BTreeMap::from([
        (
            "cli",
            &[
                "ops",
                "engine",
                "controllers",
                "world",
                "store",
                "printers",
                "api",
                "sim",
            ][..],
        ),
        ("ops", &["engine", "controllers", "world", "api", "sim"][..]),
        ("engine", &["controllers", "world", "api", "sim"][..]),
        ("controllers", &["world", "api", "sim"][..]),
        ("world", &["api", "sim"][..]),
        ("store", &["world", "api", "sim"][..]),
        ("printers", &["api", "sim"][..]),
        ("api", &[][..]),
        ("sim", &[][..]),
    ])
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).expect("readable dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn dependencies_point_down_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rules = allowed();
    let mut violations = Vec::new();
    let mut checked = 0;
    for (layer, ok) in &rules {
        let mut fs = Vec::new();
        files(&src.join(layer), &mut fs);
        // Test-only modules (`tests.rs`) may drive the engine to exercise a controller end to end.
        for f in fs.into_iter().filter(|f| f.file_name().is_none_or(|n| n != "tests.rs")) {
            let text = std::fs::read_to_string(&f).expect("readable");
            for (n, line) in text.lines().enumerate() {
                let mut rest = line;
                while let Some(i) = rest.find("crate::") {
                    rest = &rest[i + 7..];
                    let target: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    checked += 1;
                    if target != *layer && rules.contains_key(target.as_str()) && !ok.contains(&target.as_str()) {
                        violations.push(format!("{}:{}: {layer} uses crate::{target}", f.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(checked > 50, "the scan found too few paths ({checked})");
    assert!(violations.is_empty(), "layer rule broken:\n{}", violations.join("\n"));
}
