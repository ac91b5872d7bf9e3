//! The generic describer (kubectl's genericDescriber over unstructured content), used for the
//! kinds without a dedicated describer here.

use super::{DescribeCtx, Writer, annotations_multiline, events, labels_multiline};
use crate::api::Object;
use serde_json::Value;

pub(super) fn describe(obj: &Object, ctx: &DescribeCtx) -> String {
    let mut w = Writer::default();
    let m = obj.meta();
    w.name_namespace(m);
    labels_multiline(&mut w, "Labels", m.labels.as_ref());
    annotations_multiline(&mut w, "Annotations", m.annotations.as_ref());
    if let Value::Object(map) = obj.to_value() {
        content(&mut w, 0, &map, "");
    }
    events(&mut w, &ctx.events, ctx.now);
    w.finish()
}

const SKIP: [&str; 5] = [
    ".metadata.managedFields",
    ".metadata.name",
    ".metadata.namespace",
    ".metadata.labels",
    ".metadata.annotations",
];

/// printUnstructuredContent: keys sorted, maps and lists nested one level deeper.
fn content(w: &mut Writer, level: usize, map: &serde_json::Map<String, Value>, prefix: &str) {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    for k in keys {
        let path = format!("{prefix}.{k}");
        if SKIP.contains(&path.as_str()) {
            continue;
        }
        match &map[k] {
            Value::Object(inner) => {
                w.write(level, &format!("{}:\n", smart_label(k)));
                content(w, level + 1, inner, &path);
            }
            Value::Array(items) => {
                w.write(level, &format!("{}:\n", smart_label(k)));
                for item in items {
                    match item {
                        Value::Object(inner) => content(w, level + 1, inner, &path),
                        other => w.write(level + 1, &format!("{}\n", scalar(other))),
                    }
                }
            }
            other => w.write(level, &format!("{}:\t{}\n", smart_label(k), scalar(other))),
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "<nil>".into(),
        other => other.to_string(),
    }
}

/// smartLabelFor (kubectl v1.32): camel-case words title-cased, common acronyms upper-cased.
fn smart_label(field: &str) -> String {
    if field.chars().any(|c| !c.is_alphabetic() && c != '-') {
        return field.to_string();
    }
    camel_split(field)
        .into_iter()
        .filter(|p| p != "_")
        .map(|p| {
            let up = p.to_uppercase();
            if ["API", "URL", "UID", "OSB", "GUID"].contains(&up.as_str()) {
                up
            } else {
                let mut c = p.chars();
                c.next()
                    .map_or(String::new(), |f| f.to_uppercase().collect::<String>() + c.as_str())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// fatih/camelcase Split: runs of lower/upper/other characters, with the last upper of an upper
/// run moved onto a following lower run (`HTTPServer` → `HTTP`, `Server`).
fn camel_split(s: &str) -> Vec<String> {
    let class = |c: char| {
        if c.is_lowercase() {
            1
        } else if c.is_uppercase() {
            2
        } else if c.is_numeric() {
            3
        } else {
            4
        }
    };
    let mut runs: Vec<Vec<char>> = Vec::new();
    let mut last = 0;
    for c in s.chars() {
        let k = class(c);
        if k == last {
            if let Some(r) = runs.last_mut() {
                r.push(c);
            }
        } else {
            runs.push(vec![c]);
        }
        last = k;
    }
    for i in 0..runs.len().saturating_sub(1) {
        if runs[i].first().is_some_and(|c| c.is_uppercase())
            && runs[i + 1].first().is_some_and(|c| c.is_lowercase())
            && let Some(c) = runs[i].pop()
        {
            runs[i + 1].insert(0, c);
        }
    }
    runs.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().collect())
        .collect()
}
