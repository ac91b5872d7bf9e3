//! An ordered JSON value (Go struct field order) and `encoding/json`'s MarshalIndent of it.

use crate::api::gostr::go_json_string;
use serde_json::{Map, Value};

/// A JSON value whose objects keep insertion order (Go struct field order).
#[derive(Clone, Debug, PartialEq)]
pub enum O {
    Null,
    Int(i64),
    Str(String),
    Seq(Vec<O>),
    Map(Vec<(String, O)>),
}

pub(super) fn s(v: impl Into<String>) -> O {
    O::Str(v.into())
}

pub(super) fn map(pairs: Vec<(&str, O)>) -> O {
    O::Map(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

pub(super) fn empty() -> O {
    O::Map(Vec::new())
}

pub(super) fn string_map(m: &[(String, String)]) -> O {
    // Go maps marshal with sorted keys.
    let mut v: Vec<(String, O)> = m.iter().map(|(k, v)| (k.clone(), s(v.clone()))).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    O::Map(v)
}

impl O {
    pub fn to_value(&self) -> Value {
        match self {
            O::Null => Value::Null,
            O::Int(i) => Value::from(*i),
            O::Str(s) => Value::String(s.clone()),
            O::Seq(v) => Value::Array(v.iter().map(O::to_value).collect()),
            O::Map(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), v.to_value())).collect::<Map<_, _>>()),
        }
    }

    /// `encoding/json` MarshalIndent with four spaces, as kubectl's JSON printer, plus a newline.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out, 0);
        out.push('\n');
        out
    }

    fn write_json(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, d: usize| {
            out.push('\n');
            for _ in 0..d {
                out.push_str("    ");
            }
        };
        match self {
            O::Null => out.push_str("null"),
            O::Int(i) => out.push_str(&i.to_string()),
            O::Str(v) => go_json_string(out, v),
            O::Seq(v) if v.is_empty() => out.push_str("[]"),
            O::Map(m) if m.is_empty() => out.push_str("{}"),
            O::Seq(v) => {
                out.push('[');
                for (i, x) in v.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    x.write_json(out, depth + 1);
                }
                pad(out, depth);
                out.push(']');
            }
            O::Map(m) => {
                out.push('{');
                for (i, (k, x)) in m.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, depth + 1);
                    go_json_string(out, k);
                    out.push_str(": ");
                    x.write_json(out, depth + 1);
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}
