//! `label` and `annotate`: parsing `key=value` / `key-` changes and applying them to an object's
//! metadata with kubectl's overwrite checks and result messages (`labeled`, `unlabeled`,
//! `not labeled`, `annotated`).

use crate::api::names::is_valid_label_value;
use crate::api::{Error, Object, Result};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Labels,
    Annotations,
}

impl Which {
    fn noun(self) -> &'static str {
        match self {
            Which::Labels => "label",
            Which::Annotations => "annotation",
        }
    }
}

/// The changes asked for: keys to set and keys to remove.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub set: Vec<(String, String)>,
    pub remove: Vec<String>,
}

/// kubectl's `GetResourcesAndPairs`: resource arguments first, then `k=v` / `k-` pairs.
pub fn split_args(args: &[String], which: Which) -> Result<(Vec<String>, Vec<String>)> {
    let mut resources = Vec::new();
    let mut pairs = Vec::new();
    for a in args {
        let pair = (a.contains('=') && !a.starts_with('=')) || (a.ends_with('-') && a != "-");
        if pair {
            pairs.push(a.clone());
        } else if !pairs.is_empty() {
            return Err(Error::msg(format!(
                "all resources must be specified before {} changes: {a}",
                which.noun()
            )));
        } else {
            resources.push(a.clone());
        }
    }
    Ok((resources, pairs))
}

/// Parses the pairs (kubectl's `parsePairs`), checking label values.
pub fn parse_changes(pairs: &[String], which: Which) -> Result<Changes> {
    let mut c = Changes::default();
    for p in pairs {
        if let Some((k, v)) = p.split_once('=') {
            if which == Which::Labels {
                if v.contains('=') || k.is_empty() {
                    return Err(Error::msg(format!("invalid label spec: {p}")));
                }
                let errs = is_valid_label_value(v);
                if !errs.is_empty() {
                    return Err(Error::msg(format!(
                        "invalid label value: {}: {}",
                        crate::api::error::go_quote(p),
                        errs.join("; ")
                    )));
                }
            } else if k.is_empty() {
                return Err(Error::msg(format!("invalid annotation spec: {p}")));
            }
            c.set.retain(|(x, _)| x != k);
            c.set.push((k.to_string(), v.to_string()));
        } else if let Some(k) = p.strip_suffix('-') {
            c.remove.push(k.to_string());
        } else {
            return Err(Error::msg(format!("unknown {} spec: {p}", which.noun())));
        }
    }
    if c.set.iter().any(|(k, _)| c.remove.contains(k)) {
        return Err(Error::msg(format!(
            "can not both modify and remove {} in the same command",
            match which {
                Which::Labels => "a label",
                Which::Annotations => "an annotation",
            }
        )));
    }
    Ok(c)
}

/// Applies the changes to `obj`, returning the message kubectl prints for it. Overwrite
/// conflicts are errors (label: one line per key; annotate: one aggregated line).
pub fn apply(obj: &mut Object, which: Which, c: &Changes, overwrite: bool) -> Result<&'static str> {
    let before = obj.to_value().to_string().len();
    let old = obj.clone();
    let meta = obj.meta_mut();
    let map = match which {
        Which::Labels => &mut meta.labels,
        Which::Annotations => &mut meta.annotations,
    };
    let current: BTreeMap<String, String> = map.clone().unwrap_or_default();
    if !overwrite {
        let mut conflicts = Vec::new();
        for (k, v) in &c.set {
            if let Some(cur) = current.get(k) {
                match which {
                    Which::Labels if cur != v => {
                        conflicts.push(format!("'{k}' already has a value ({cur}), and --overwrite is false"))
                    }
                    Which::Annotations if k != "kubernetes.io/change-cause" => {
                        conflicts.push(format!("'{k}' already has a value ({cur})"))
                    }
                    _ => {}
                }
            }
        }
        if which == Which::Annotations && !conflicts.is_empty() {
            return Err(Error::msg(format!(
                "--overwrite is false but found the following declared annotation(s): {}",
                conflicts.join("; ")
            )));
        }
        match conflicts.len() {
            0 => {}
            1 => return Err(Error::msg(conflicts.remove(0))),
            _ => return Err(Error::Raw(conflicts.join("\n"))),
        }
    }
    let mut next = current;
    for (k, v) in &c.set {
        next.insert(k.clone(), v.clone());
    }
    for k in &c.remove {
        next.remove(k);
    }
    *map = if next.is_empty() { None } else { Some(next) };
    if which == Which::Annotations {
        return Ok("annotated");
    }
    if *obj == old {
        return Ok("not labeled");
    }
    let after = obj.to_value().to_string().len();
    Ok(if !overwrite && after < before {
        "unlabeled"
    } else {
        "labeled"
    })
}

/// `--list`: the keys and values, sorted.
pub fn list(obj: &Object, which: Which) -> Vec<(String, String)> {
    let m = match which {
        Which::Labels => &obj.meta().labels,
        Which::Annotations => &obj.meta().annotations,
    };
    m.iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn splits_resources_and_pairs() {
        let (r, p) = split_args(&strs(&["deploy", "web", "a=b", "c-"]), Which::Labels).unwrap();
        assert_eq!(r, strs(&["deploy", "web"]));
        assert_eq!(p, strs(&["a=b", "c-"]));
        assert!(split_args(&strs(&["deploy", "a=b", "web"]), Which::Labels).is_err());
    }

    #[test]
    fn rejects_modify_and_remove() {
        let e = parse_changes(&strs(&["x=1", "x-"]), Which::Labels).unwrap_err();
        assert_eq!(
            e.render(),
            "error: can not both modify and remove a label in the same command"
        );
    }
}
