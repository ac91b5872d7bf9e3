//! Label selectors (apimachinery `labels.Parse`, `LabelSelectorAsSelector`, `FormatLabelSelector`) and simple field selectors.

mod field;
mod parse;

pub use field::{FieldOp, FieldRequirement, FieldSelector};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use kubesim_model::k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;

use crate::api::gostr::go_quote;
use crate::api::names::{is_qualified_name, is_valid_label_value};

/// A label selector operator (apimachinery `selection.Operator`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Operator {
    Equals,
    DoubleEquals,
    NotEquals,
    In,
    NotIn,
    Exists,
    DoesNotExist,
    GreaterThan,
    LessThan,
}

/// One `key op values` term of a label selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    key: String,
    operator: Operator,
    values: Vec<String>,
}

/// `field.Invalid(path, value, detail).Error()`; `bad` is already rendered.
fn invalid(path: &str, bad: &str, detail: &str) -> String {
    format!("{path}: Invalid value: {bad}: {detail}")
}

/// utilerrors aggregate formatting: one error as is, several as `[a, b]` (deduplicated).
fn aggregate(mut errs: Vec<String>) -> String {
    let mut seen = BTreeSet::new();
    errs.retain(|e| seen.insert(e.clone()));
    match errs.as_slice() {
        [one] => one.clone(),
        _ => format!("[{}]", errs.join(", ")),
    }
}

impl Requirement {
    /// apimachinery `labels.NewRequirement` (no field path): validates key, operator arity and values.
    pub fn new(key: &str, operator: Operator, values: Vec<String>) -> Result<Requirement, String> {
        Self::build(key, operator, values, false)
    }

    /// `nil_values` renders an empty value list as Go's nil slice (`null`).
    fn build(key: &str, operator: Operator, values: Vec<String>, nil_values: bool) -> Result<Requirement, String> {
        let mut errs = Vec::new();
        let key_errs = is_qualified_name(key);
        if !key_errs.is_empty() {
            errs.push(invalid("key", &go_quote(key), &key_errs.join("; ")));
        }
        let rendered = match serde_json::to_string(&values) {
            Ok(_) if values.is_empty() && nil_values => "null".to_string(),
            Ok(json) => json,
            Err(_) => "null".to_string(),
        };
        let arity = match operator {
            Operator::In | Operator::NotIn if values.is_empty() => {
                "for 'in', 'notin' operators, values set can't be empty"
            }
            Operator::Equals | Operator::DoubleEquals | Operator::NotEquals if values.len() != 1 => {
                "exact-match compatibility requires one single value"
            }
            Operator::Exists | Operator::DoesNotExist if !values.is_empty() => {
                "values set must be empty for exists and does not exist"
            }
            Operator::GreaterThan | Operator::LessThan if values.len() != 1 => {
                "for 'Gt', 'Lt' operators, exactly one value is required"
            }
            _ => "",
        };
        if !arity.is_empty() {
            errs.push(invalid("values", &rendered, arity));
        }
        if matches!(operator, Operator::GreaterThan | Operator::LessThan) {
            for (i, v) in values.iter().enumerate().filter(|(_, v)| v.parse::<i64>().is_err()) {
                let detail = "for 'Gt', 'Lt' operators, the value must be an integer";
                errs.push(invalid(&format!("values[{i}]"), &go_quote(v), detail));
            }
        }
        for (i, v) in values.iter().enumerate() {
            let v_errs = is_valid_label_value(v);
            if !v_errs.is_empty() {
                errs.push(invalid(
                    &format!("values[{i}][{key}]"),
                    &go_quote(v),
                    &v_errs.join("; "),
                ));
            }
        }
        if !errs.is_empty() {
            return Err(aggregate(errs));
        }
        Ok(Requirement {
            key: key.to_string(),
            operator,
            values,
        })
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    pub fn operator(&self) -> Operator {
        self.operator
    }

    pub fn values(&self) -> &[String] {
        &self.values
    }

    fn has_value(&self, v: &str) -> bool {
        self.values.iter().any(|x| x == v)
    }

    /// apimachinery `Requirement.Matches`.
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        let got = labels.get(&self.key);
        match self.operator {
            Operator::In | Operator::Equals | Operator::DoubleEquals => got.is_some_and(|v| self.has_value(v)),
            Operator::NotIn | Operator::NotEquals => got.is_none_or(|v| !self.has_value(v)),
            Operator::Exists => got.is_some(),
            Operator::DoesNotExist => got.is_none(),
            Operator::GreaterThan | Operator::LessThan => {
                let (Some(Ok(have)), [want]) = (got.map(|v| v.parse::<i64>()), self.values.as_slice()) else {
                    return false;
                };
                let Ok(want) = want.parse::<i64>() else {
                    return false;
                };
                if self.operator == Operator::GreaterThan {
                    have > want
                } else {
                    have < want
                }
            }
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.operator == Operator::DoesNotExist {
            f.write_str("!")?;
        }
        f.write_str(&self.key)?;
        let op = match self.operator {
            Operator::Exists | Operator::DoesNotExist => return Ok(()),
            Operator::Equals => "=",
            Operator::DoubleEquals => "==",
            Operator::NotEquals => "!=",
            Operator::In => " in ",
            Operator::NotIn => " notin ",
            Operator::GreaterThan => ">",
            Operator::LessThan => "<",
        };
        f.write_str(op)?;
        let set = matches!(self.operator, Operator::In | Operator::NotIn);
        if set {
            f.write_str("(")?;
        }
        let mut sorted = self.values.clone();
        sorted.sort();
        f.write_str(&sorted.join(","))?;
        if set {
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// A parsed label selector: the AND of its requirements, sorted by key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selector {
    requirements: Vec<Requirement>,
    nothing: bool,
}

impl Selector {
    /// apimachinery `labels.Parse`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, `k>1`, `k<1`.
    pub fn parse(s: &str) -> Result<Selector, String> {
        let mut requirements = parse::parse(s)?;
        requirements.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(Selector {
            requirements,
            nothing: false,
        })
    }

    /// Matches every label set (`labels.Everything()`).
    pub fn everything() -> Selector {
        Selector::default()
    }

    /// Matches no label set (`labels.Nothing()`, from a nil `LabelSelector`).
    pub fn nothing() -> Selector {
        Selector {
            requirements: Vec::new(),
            nothing: true,
        }
    }

    /// True when the selector does not restrict anything (`Selector.Empty()`).
    pub fn is_empty(&self) -> bool {
        !self.nothing && self.requirements.is_empty()
    }

    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// Adds requirements, keeping them sorted by key (`Selector.Add`).
    pub fn with_requirements(mut self, reqs: impl IntoIterator<Item = Requirement>) -> Selector {
        if self.nothing {
            return self;
        }
        self.requirements.extend(reqs);
        self.requirements.sort_by(|a, b| a.key.cmp(&b.key));
        self
    }

    /// Selector matching exactly the given labels (`SelectorFromSet`, no validation).
    pub fn from_set(set: &BTreeMap<String, String>) -> Selector {
        let requirements = set
            .iter()
            .map(|(k, v)| Requirement {
                key: k.clone(),
                operator: Operator::Equals,
                values: vec![v.clone()],
            })
            .collect();
        Selector {
            requirements,
            nothing: false,
        }
    }

    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        !self.nothing && self.requirements.iter().all(|r| r.matches(labels))
    }

    /// The value an `=`, `==` or single-value `in` requirement on `key` demands (`RequiresExactMatch`).
    pub fn requires_exact_match(&self, key: &str) -> Option<&str> {
        let r = self.requirements.iter().find(|r| r.key == key)?;
        match (r.operator, r.values.as_slice()) {
            (Operator::Equals | Operator::DoubleEquals | Operator::In, [v]) => Some(v),
            _ => None,
        }
    }

    /// metav1 `LabelSelectorAsSelector` for a present selector: empty matches everything.
    pub fn from_label_selector(sel: &LabelSelector) -> Result<Selector, String> {
        let labels = sel.match_labels.as_ref();
        let exprs = sel.match_expressions.as_deref().unwrap_or(&[]);
        if labels.is_none_or(|l| l.is_empty()) && exprs.is_empty() {
            return Ok(Selector::everything());
        }
        let mut reqs = Vec::new();
        for (k, v) in labels.into_iter().flatten() {
            reqs.push(Requirement::build(k, Operator::Equals, vec![v.clone()], false)?);
        }
        for expr in exprs {
            let op = match expr.operator.as_str() {
                "In" => Operator::In,
                "NotIn" => Operator::NotIn,
                "Exists" => Operator::Exists,
                "DoesNotExist" => Operator::DoesNotExist,
                other => {
                    return Err(format!("{} is not a valid label selector operator", go_quote(other)));
                }
            };
            let values = expr.values.clone().unwrap_or_default();
            reqs.push(Requirement::build(&expr.key, op, values, true)?);
        }
        Ok(Selector::everything().with_requirements(reqs))
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.requirements.iter().map(|r| r.to_string()).collect();
        f.write_str(&parts.join(","))
    }
}

/// Whether a present `LabelSelector` matches `labels` (empty selects all; invalid selects none).
pub fn label_selector_matches(sel: &LabelSelector, labels: &BTreeMap<String, String>) -> bool {
    Selector::from_label_selector(sel).is_ok_and(|s| s.matches(labels))
}

/// Like [`label_selector_matches`], but a missing (nil) selector matches nothing.
pub fn opt_label_selector_matches(sel: Option<&LabelSelector>, labels: &BTreeMap<String, String>) -> bool {
    sel.is_some_and(|s| label_selector_matches(s, labels))
}

/// metav1 `FormatLabelSelector`, as kubectl prints SELECTOR columns: `<none>` if empty, `<error>` if invalid.
pub fn format_label_selector(sel: &LabelSelector) -> String {
    match Selector::from_label_selector(sel) {
        Err(_) => "<error>".to_string(),
        Ok(s) if s.requirements.is_empty() => "<none>".to_string(),
        Ok(s) => s.to_string(),
    }
}

#[cfg(test)]
mod tests;
