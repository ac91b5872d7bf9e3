//! Label selectors (apimachinery `labels.Parse`, `LabelSelectorAsSelector`, `FormatLabelSelector`) and simple field selectors.

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

/// Token kinds: keywords/symbols (`in`, `notin`, `(`, `!=`, ...) keep their text in the literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    End,
    Ident,
    Sym,
}

const KEYWORDS: [&str; 11] = [")", ",", "!", "==", "=", ">", "in", "<", "!=", "notin", "("];

fn is_special(b: u8) -> bool {
    matches!(b, b'=' | b'!' | b'(' | b')' | b',' | b'>' | b'<')
}

/// The upstream lexer: identifiers end at whitespace or a special symbol; `!=`/`==` are greedy.
fn lex(s: &str) -> Vec<(Tok, String)> {
    let b = s.as_bytes();
    let (mut pos, mut items) = (0, Vec::new());
    loop {
        while pos < b.len() && matches!(b[pos], b' ' | b'\t' | b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= b.len() || b[pos] == 0 {
            items.push((Tok::End, String::new()));
            return items;
        }
        let start = pos;
        if is_special(b[pos]) {
            let two = matches!(s.get(pos..pos + 2), Some("==" | "!="));
            pos += if two { 2 } else { 1 };
            items.push((Tok::Sym, s[start..pos].to_string()));
        } else {
            while pos < b.len() && b[pos] != 0 && !is_special(b[pos]) && !b" \t\r\n".contains(&b[pos]) {
                pos += 1;
            }
            let lit = &s[start..pos];
            let tok = if KEYWORDS.contains(&lit) { Tok::Sym } else { Tok::Ident };
            items.push((tok, lit.to_string()));
            if pos < b.len() && b[pos] == 0 {
                pos += 1;
            }
        }
    }
}

struct Parser {
    items: Vec<(Tok, String)>,
    position: usize,
}

impl Parser {
    /// `values` is the upstream `Values` context, where `in`/`notin` are identifiers.
    fn lookahead(&self, values: bool) -> (Tok, String) {
        let item = self.items.get(self.position).cloned();
        let (tok, lit) = item.unwrap_or((Tok::End, String::new()));
        if values && tok == Tok::Sym && (lit == "in" || lit == "notin") {
            return (Tok::Ident, lit);
        }
        (tok, lit)
    }

    fn consume(&mut self, values: bool) -> (Tok, String) {
        let item = self.lookahead(values);
        self.position += 1;
        item
    }

    fn is_ident_or_bang(item: &(Tok, String)) -> bool {
        item.0 == Tok::Ident || (item.0 == Tok::Sym && item.1 == "!")
    }

    fn parse(&mut self) -> Result<Vec<Requirement>, String> {
        let mut reqs = Vec::new();
        loop {
            let next = self.lookahead(true);
            if next.0 == Tok::End {
                return Ok(reqs);
            }
            if !Self::is_ident_or_bang(&next) {
                let lit = next.1;
                return Err(format!("found '{lit}', expected: !, identifier, or 'end of string'"));
            }
            let r = self.parse_requirement();
            reqs.push(r.map_err(|e| format!("unable to parse requirement: {e}"))?);
            match self.consume(true) {
                (Tok::End, _) => return Ok(reqs),
                (Tok::Sym, l) if l == "," => {
                    let after = self.lookahead(true);
                    if !Self::is_ident_or_bang(&after) {
                        let l2 = after.1;
                        return Err(format!("found '{l2}', expected: identifier after ','"));
                    }
                }
                (_, l) => return Err(format!("found '{l}', expected: ',' or 'end of string'")),
            }
        }
    }

    fn parse_requirement(&mut self) -> Result<Requirement, String> {
        let (mut tok, mut key) = self.consume(true);
        let mut unary = None;
        if tok == Tok::Sym && key == "!" {
            unary = Some(Operator::DoesNotExist);
            (tok, key) = self.consume(true);
        }
        if tok != Tok::Ident {
            return Err(format!("found '{key}', expected: identifier"));
        }
        let key_errs = is_qualified_name(&key);
        if !key_errs.is_empty() {
            return Err(invalid("<nil>", &go_quote(&key), &key_errs.join("; ")));
        }
        let next = self.lookahead(true);
        if unary.is_none() && (next.0 == Tok::End || next == (Tok::Sym, ",".to_string())) {
            unary = Some(Operator::Exists);
        }
        if let Some(op) = unary {
            return Requirement::build(&key, op, Vec::new(), false);
        }
        let (tok, lit) = self.consume(false);
        let op = match (tok, lit.as_str()) {
            (Tok::Sym, "in") => Operator::In,
            (Tok::Sym, "=") => Operator::Equals,
            (Tok::Sym, "==") => Operator::DoubleEquals,
            (Tok::Sym, ">") => Operator::GreaterThan,
            (Tok::Sym, "<") => Operator::LessThan,
            (Tok::Sym, "notin") => Operator::NotIn,
            (Tok::Sym, "!=") => Operator::NotEquals,
            _ => {
                return Err(format!("found '{lit}', expected: in, notin, =, ==, !=, gt, lt"));
            }
        };
        let values = if matches!(op, Operator::In | Operator::NotIn) {
            self.parse_values()?
        } else {
            self.parse_exact_value()?
        };
        Requirement::build(&key, op, values.into_iter().collect(), false)
    }

    fn parse_values(&mut self) -> Result<BTreeSet<String>, String> {
        let (tok, lit) = self.consume(true);
        if (tok, lit.as_str()) != (Tok::Sym, "(") {
            return Err(format!("found '{lit}' expected: '('"));
        }
        let (tok, lit) = self.lookahead(true);
        match (tok, lit.as_str()) {
            (Tok::Ident, _) | (Tok::Sym, ",") => {
                let s = self.parse_identifiers_list()?;
                if self.consume(true) != (Tok::Sym, ")".to_string()) {
                    return Err(format!("found '{lit}', expected: ')'"));
                }
                Ok(s)
            }
            (Tok::Sym, ")") => {
                self.consume(true);
                Ok(BTreeSet::from([String::new()]))
            }
            _ => Err(format!("found '{lit}', expected: ',', ')' or identifier")),
        }
    }

    fn parse_identifiers_list(&mut self) -> Result<BTreeSet<String>, String> {
        let mut s = BTreeSet::new();
        loop {
            let (tok, lit) = self.consume(true);
            match (tok, lit.as_str()) {
                (Tok::Ident, _) => {
                    s.insert(lit);
                    match self.lookahead(true) {
                        (Tok::Sym, l) if l == "," => continue,
                        (Tok::Sym, l) if l == ")" => return Ok(s),
                        (_, l2) => return Err(format!("found '{l2}', expected: ',' or ')'")),
                    }
                }
                (Tok::Sym, ",") => {
                    if s.is_empty() {
                        s.insert(String::new());
                    }
                    let (tok2, lit2) = self.lookahead(true);
                    if (tok2, lit2.as_str()) == (Tok::Sym, ")") {
                        s.insert(String::new());
                        return Ok(s);
                    }
                    if (tok2, lit2.as_str()) == (Tok::Sym, ",") {
                        self.consume(true);
                        s.insert(String::new());
                    }
                }
                _ => return Err(format!("found '{lit}', expected: ',', or identifier")),
            }
        }
    }

    fn parse_exact_value(&mut self) -> Result<BTreeSet<String>, String> {
        let (tok, lit) = self.lookahead(true);
        if tok == Tok::End || (tok, lit.as_str()) == (Tok::Sym, ",") {
            return Ok(BTreeSet::from([String::new()]));
        }
        match self.consume(true) {
            (Tok::Ident, lit) => Ok(BTreeSet::from([lit])),
            (_, lit) => Err(format!("found '{lit}', expected: identifier")),
        }
    }
}

impl Selector {
    /// apimachinery `labels.Parse`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`, `k>1`, `k<1`.
    pub fn parse(s: &str) -> Result<Selector, String> {
        let (items, position) = (lex(s), 0);
        let mut requirements = Parser { items, position }.parse()?;
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

/// Field selector term operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldOp {
    Equals,
    NotEquals,
}

/// One `field=value` / `field!=value` term (value unescaped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRequirement {
    pub field: String,
    pub op: FieldOp,
    pub value: String,
}

/// apimachinery `fields.ParseSelector`: comma-separated `f=v`, `f==v`, `f!=v` terms (AND).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldSelector {
    terms: Vec<FieldRequirement>,
}

fn unescape_field_value(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut in_slash = false;
    for c in s.chars() {
        if in_slash {
            if !matches!(c, '\\' | ',' | '=') {
                return Err(format!("invalid field selector: invalid escape sequence: \\{c}"));
            }
            out.push(c);
            in_slash = false;
            continue;
        }
        match c {
            '\\' => in_slash = true,
            ',' | '=' => {
                return Err(format!(
                    "invalid field selector: unescaped character in value: {}",
                    c as u32
                ));
            }
            c => out.push(c),
        }
    }
    if in_slash {
        return Err("invalid field selector: invalid escape sequence: \\".to_string());
    }
    Ok(out)
}

fn escape_field_value(s: &str) -> String {
    s.replace('\\', "\\\\").replace(',', "\\,").replace('=', "\\=")
}

impl FieldSelector {
    pub fn parse(s: &str) -> Result<FieldSelector, String> {
        let mut parts = Vec::new();
        let mut start = 0;
        let mut in_slash = false;
        for (i, c) in s.char_indices() {
            if in_slash {
                in_slash = false;
            } else if c == '\\' {
                in_slash = true;
            } else if c == ',' {
                parts.push(&s[start..i]);
                start = i + 1;
            }
        }
        parts.push(&s[start..]);
        parts.sort();
        let mut terms = Vec::new();
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            let split = part.char_indices().find_map(|(i, _)| {
                let rest = &part[i..];
                [
                    ("!=", FieldOp::NotEquals),
                    ("==", FieldOp::Equals),
                    ("=", FieldOp::Equals),
                ]
                .into_iter()
                .find(|(tok, _)| rest.starts_with(tok))
                .map(|(tok, op)| (&part[..i], op, &rest[tok.len()..]))
            });
            let Some((field, op, rhs)) = split else {
                return Err(format!("invalid selector: '{s}'; can't understand '{part}'"));
            };
            terms.push(FieldRequirement {
                field: field.to_string(),
                op,
                value: unescape_field_value(rhs)?,
            });
        }
        Ok(FieldSelector { terms })
    }

    pub fn everything() -> FieldSelector {
        FieldSelector::default()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn requirements(&self) -> &[FieldRequirement] {
        &self.terms
    }

    /// `get(field)` returns the object's value for a field; a missing field counts as `""`.
    pub fn matches(&self, get: impl Fn(&str) -> Option<String>) -> bool {
        self.terms.iter().all(|t| {
            let have = get(&t.field).unwrap_or_default();
            (have == t.value) == (t.op == FieldOp::Equals)
        })
    }
}

impl fmt::Display for FieldSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = (self.terms.iter())
            .map(|t| {
                let op = if t.op == FieldOp::Equals { "=" } else { "!=" };
                format!("{}{op}{}", t.field, escape_field_value(&t.value))
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kubesim_model::k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelectorRequirement as Expr;

    fn labels(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn canonical(s: &str) -> String {
        Selector::parse(s).map(|s| s.to_string()).unwrap_or_else(|e| e)
    }

    /// `input => canonical string or error`, one case per line (upstream selector_test.go style).
    #[rustfmt::skip]
    const PARSE_CASES: &str = "
        =>
           =>
        x=a,y=b,z=c => x=a,y=b,z=c
        z=c,x=a => x=a,z=c
        x==a => x==a
        x!=a => x!=a
        x=,z=  => x=,z=
        x= ,z=  => x=,z=
        x => x
        !x => !x
         ! x  => !x
        x>1 => x>1
        x<1 => x<1
        tier in (b, a) => tier in (a,b)
        tier in (a) => tier in (a)
        tier notin (a,a,b) => tier notin (a,b)
        x in (foo,,baz),y,z notin () => x in (,baz,foo),y,z notin ()
        x in (,) => x in ()
        in in (in, notin) => in in (in,notin)
        app=web,tier in (a,b) => app=web,tier in (a,b)
        example.com/a=1 => example.com/a=1
        a in b => unable to parse requirement: found 'b' expected: '('
        a b => unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt
        x=a y=b => found 'y', expected: ',' or 'end of string'
        x==a==b => found '==', expected: ',' or 'end of string'
        !x=a => found '=', expected: ',' or 'end of string'
        x=a, => found '', expected: identifier after ','
        ,x => found ',', expected: !, identifier, or 'end of string'
        ! => unable to parse requirement: found '', expected: identifier
        x in (a => unable to parse requirement: found '', expected: ',' or ')'
        x in (a b) => unable to parse requirement: found 'b', expected: ',' or ')'
        x in => unable to parse requirement: found '' expected: '('
        x in (=) => unable to parse requirement: found '=', expected: ',', ')' or identifier
        x=( => unable to parse requirement: found '(', expected: identifier
        x<a => unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer";

    #[test]
    fn parse_print_and_errors() {
        for line in PARSE_CASES.lines().skip(1) {
            let (input, want) = line.split_once(" => ").or(line.split_once("=>")).unwrap_or_default();
            let input = input.strip_prefix("        ").unwrap_or(input);
            assert_eq!(canonical(input), want.trim_end(), "{input:?}");
        }
    }

    #[test]
    fn validation_errors() {
        let key_msg = "unable to parse requirement: <nil>: Invalid value: \"A_\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        assert_eq!(canonical("A_=1"), key_msg);
        let val_msg = "unable to parse requirement: values[0][a]: Invalid value: \"b_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        assert_eq!(canonical("a=b_"), val_msg);
        let both = canonical("x>a_");
        assert!(both.starts_with("unable to parse requirement: [values[0]: Invalid value: \"a_\": for 'Gt'"));
        assert!(both.contains(", values[0][x]: Invalid value: \"a_\": a valid label"));
    }

    #[test]
    fn matching() {
        let l = labels(&[("app", "web"), ("tier", "a"), ("n", "5")]);
        #[rustfmt::skip]
        let yes = ["", "app=web", "app==web", "app!=db", "tier in (a,b)", "tier notin (b)",
            "missing notin (x)", "missing!=x", "app", "!missing", "n>4", "n<6", "app=web,tier in (a)"];
        #[rustfmt::skip]
        let no = ["app=db", "app!=web", "tier in (b)", "tier notin (a)", "missing", "!app", "n>5",
            "n<5", "app>1", "missing in (x)", "missing="];
        for s in yes {
            assert!(Selector::parse(s).is_ok_and(|sel| sel.matches(&l)), "{s}");
        }
        for s in no {
            assert!(Selector::parse(s).is_ok_and(|sel| !sel.matches(&l)), "{s}");
        }
        assert!(Selector::everything().matches(&BTreeMap::new()) && Selector::everything().is_empty());
        assert!(!Selector::nothing().matches(&BTreeMap::new()) && !Selector::nothing().is_empty());
        assert_eq!(Selector::nothing().to_string(), "");
        let sel = Selector::parse("a=1,b in (2),c in (3,4)").unwrap_or_default();
        assert_eq!(sel.requires_exact_match("a"), Some("1"));
        assert_eq!(sel.requires_exact_match("b"), Some("2"));
        assert_eq!(sel.requires_exact_match("c"), None);
        assert_eq!(Selector::from_set(&l).to_string(), "app=web,n=5,tier=a");
        assert!(Requirement::new("k", Operator::In, vec![]).is_err());
    }

    fn expr(key: &str, op: &str, values: Option<&[&str]>) -> Expr {
        let values = values.map(|v| v.iter().map(|s| s.to_string()).collect());
        Expr {
            key: key.to_string(),
            operator: op.to_string(),
            values,
        }
    }

    fn exprs(list: Vec<Expr>) -> LabelSelector {
        LabelSelector {
            match_expressions: Some(list),
            match_labels: None,
        }
    }

    #[test]
    fn label_selector_conversion() {
        let ml = Some(labels(&[("pod-template-hash", "7c5ddbdf54"), ("app", "web")]));
        let sel = LabelSelector {
            match_labels: ml,
            match_expressions: None,
        };
        assert_eq!(format_label_selector(&sel), "app=web,pod-template-hash=7c5ddbdf54");
        let sel = LabelSelector {
            match_labels: Some(labels(&[("app", "web")])),
            match_expressions: Some(vec![
                expr("tier", "In", Some(&["b", "a"])),
                expr("env", "NotIn", Some(&["prod"])),
                expr("gpu", "Exists", None),
                expr("legacy", "DoesNotExist", Some(&[])),
            ]),
        };
        let want = "app=web,env notin (prod),gpu,!legacy,tier in (a,b)";
        assert_eq!(format_label_selector(&sel), want);
        let l = labels(&[("app", "web"), ("tier", "a"), ("gpu", "")]);
        assert!(label_selector_matches(&sel, &l));
        assert!(!label_selector_matches(&sel, &labels(&[("app", "web")])));
        assert!(opt_label_selector_matches(Some(&sel), &l));
        assert!(!opt_label_selector_matches(None, &l));

        let empty = LabelSelector::default();
        assert_eq!(format_label_selector(&empty), "<none>");
        assert!(label_selector_matches(&empty, &BTreeMap::new()));
        assert!(opt_label_selector_matches(Some(&empty), &l));

        let bad = exprs(vec![expr("a", "Foo", None)]);
        assert_eq!(format_label_selector(&bad), "<error>");
        let err = Selector::from_label_selector(&bad).err();
        assert_eq!(err.as_deref(), Some("\"Foo\" is not a valid label selector operator"));
        assert!(!label_selector_matches(&bad, &l));
        #[rustfmt::skip]
        let cases = [
            (expr("a", "In", None), "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
            (expr("a", "In", Some(&[])), "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"),
            (expr("a", "Exists", Some(&["x"])), "values: Invalid value: [\"x\"]: values set must be empty for exists and does not exist"),
            (expr("a", "In", Some(&["-x"])), "values[0][a]: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"),
        ];
        for (e, want) in cases {
            let err = Selector::from_label_selector(&exprs(vec![e])).err();
            assert_eq!(err.as_deref(), Some(want));
        }
        let bad_key = LabelSelector {
            match_labels: Some(labels(&[("a b", "x")])),
            ..Default::default()
        };
        let err = Selector::from_label_selector(&bad_key).err().unwrap_or_default();
        assert!(err.starts_with("key: Invalid value: \"a b\": name part must consist"));
    }

    #[test]
    fn field_selectors() {
        let fs = FieldSelector::parse("status.phase!=Running,metadata.name=x").unwrap_or_default();
        assert_eq!(fs.to_string(), "metadata.name=x,status.phase!=Running");
        let get = |name: &'static str, phase: &'static str| {
            move |f: &str| match f {
                "metadata.name" => Some(name.to_string()),
                "status.phase" => Some(phase.to_string()),
                _ => None,
            }
        };
        assert!(fs.matches(get("x", "Pending")));
        assert!(!fs.matches(get("x", "Running")));
        assert!(!fs.matches(get("y", "Pending")));
        let fs = FieldSelector::parse("metadata.name==x").unwrap_or_default();
        assert_eq!(fs.to_string(), "metadata.name=x");
        assert!(FieldSelector::parse("").is_ok_and(|f| f.is_empty() && f.matches(|_| None)));
        assert!(FieldSelector::parse("spec.nodeName=").is_ok_and(|f| f.matches(|_| None)));
        assert!(FieldSelector::parse("a!=").is_ok_and(|f| !f.matches(|_| None)));
        let esc = FieldSelector::parse(r"a=x\,y\=z").unwrap_or_default();
        assert_eq!(esc.requirements()[0].value, "x,y=z");
        assert_eq!(esc.to_string(), r"a=x\,y\=z");
        #[rustfmt::skip]
        let errors = [
            ("foo", "invalid selector: 'foo'; can't understand 'foo'"),
            (r"a=\q", r"invalid field selector: invalid escape sequence: \q"),
            ("a=b=c", "invalid field selector: unescaped character in value: 61"),
        ];
        for (input, want) in errors {
            assert_eq!(FieldSelector::parse(input).err().as_deref(), Some(want));
        }
    }
}
