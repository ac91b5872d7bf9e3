//! Reading manifests: files, directories (`-R`), stdin; multi-document YAML, JSON and
//! `kind: List`, each document tagged with its source for kubectl-style messages.

use crate::api::{Error, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One object from a manifest, with where it came from.
#[derive(Clone, Debug)]
pub struct Doc {
    pub source: String,
    pub value: Value,
}

/// Reads every `-f` argument (`-` is `stdin`).
pub fn read_all(args: &[String], recursive: bool, stdin: &dyn Fn() -> Result<String>) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for a in args {
        if a == "-" {
            parse_into(&stdin()?, "STDIN", &mut docs)?;
            continue;
        }
        let p = Path::new(a);
        if !p.exists() {
            return Err(Error::msg(format!("the path \"{a}\" does not exist")));
        }
        for f in files(p, recursive, true)? {
            let text =
                std::fs::read_to_string(&f).map_err(|e| Error::msg(format!("error reading {}: {e}", f.display())))?;
            parse_into(&text, &f.display().to_string(), &mut docs)?;
        }
    }
    Ok(docs)
}

fn files(p: &Path, recursive: bool, top: bool) -> Result<Vec<PathBuf>> {
    if !p.is_dir() {
        return Ok(vec![p.to_path_buf()]);
    }
    if !top && !recursive {
        return Ok(Vec::new());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
        .map_err(|e| Error::msg(format!("error reading {}: {e}", p.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    let mut out = Vec::new();
    for e in entries {
        if e.is_dir() {
            out.extend(files(&e, recursive, false)?);
        } else if matches!(e.extension().and_then(|x| x.to_str()), Some("yaml" | "yml" | "json")) {
            out.push(e);
        }
    }
    Ok(out)
}

/// Splits a file into documents and flattens `List`s.
pub fn parse_into(text: &str, source: &str, out: &mut Vec<Doc>) -> Result<()> {
    let trimmed = text.trim_start();
    let values: Vec<Value> = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let mut vals = Vec::new();
        for v in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
            vals.push(v.map_err(|e| parse_error(source, &e.to_string()))?);
        }
        vals
    } else {
        let mut vals = Vec::new();
        let text = super::yaml11::normalize(text);
        for de in serde_yaml::Deserializer::from_str(&text) {
            let y = <serde_yaml::Value as serde::Deserialize>::deserialize(de)
                .map_err(|e| parse_error(source, &e.to_string()))?;
            if y.is_null() {
                continue;
            }
            let v = serde_json::to_value(&y).map_err(|e| parse_error(source, &e.to_string()))?;
            vals.push(v);
        }
        vals
    };
    for v in values {
        flatten(v, source, out)?;
    }
    Ok(())
}

fn parse_error(source: &str, msg: &str) -> Error {
    Error::msg(format!(
        "error parsing {source}: error converting YAML to JSON: yaml: {msg}"
    ))
}

fn flatten(v: Value, source: &str, out: &mut Vec<Doc>) -> Result<()> {
    if !v.is_object() {
        return Err(Error::msg(format!(
            "error validating \"{source}\": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false"
        )));
    }
    let kind = v.get("kind").and_then(Value::as_str).unwrap_or("");
    if kind == "List" || (kind.ends_with("List") && v.get("items").is_some_and(Value::is_array)) {
        if let Some(Value::Array(items)) = v.get("items") {
            for i in items.clone() {
                flatten(i, source, out)?;
            }
        }
        return Ok(());
    }
    let mut missing = Vec::new();
    if v.get("apiVersion").and_then(Value::as_str).is_none_or(str::is_empty) {
        missing.push("apiVersion not set");
    }
    if kind.is_empty() {
        missing.push("kind not set");
    }
    if !missing.is_empty() {
        return Err(Error::msg(format!(
            "error validating \"{source}\": error validating data: [{}]; if you choose to ignore these errors, turn validation off with --validate=false",
            missing.join(", ")
        )));
    }
    out.push(Doc {
        source: source.to_string(),
        value: v,
    });
    Ok(())
}
