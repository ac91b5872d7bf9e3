//! Evaluation of parsed JSONPath nodes over `serde_json` values, mirroring client-go's jsonpath.go.

use std::borrow::Cow;

use serde_json::Value;

use super::gofmt::{as_go_int, go_v, type_name};
use super::parse::{Node, Param};

/// A value flowing through the evaluator: client-go's `reflect.Value` cases that matter for JSON.
#[derive(Clone, Debug)]
pub(super) enum Item<'a> {
    /// An invalid `reflect.Value`: what a range over a JSON null hands to its body.
    Invalid,
    /// A decoded JSON value; `Null` is an `interface{}` holding nil (printed `null`).
    Val(Cow<'a, Value>),
    /// A byte of a string, from `*` or `..` over a string (a Go `uint8`).
    Byte(u8),
}

impl Item<'_> {
    /// The value as an owned JSON value (invalid values become null).
    pub(super) fn to_value(&self) -> Value {
        match self {
            Item::Invalid => Value::Null,
            Item::Val(v) => v.as_ref().clone(),
            Item::Byte(b) => Value::from(*b),
        }
    }

    /// `reflect.ValueOf(v.Interface())`: a nil interface becomes an invalid value.
    fn interface(self) -> Self {
        match self {
            Item::Val(v) if v.is_null() => Item::Invalid,
            other => other,
        }
    }
}

/// On error client-go returns a partial result alongside it; exists-filters look at it.
type Walk<'a> = Result<Vec<Item<'a>>, (Vec<Item<'a>>, String)>;

/// The mutable range bookkeeping of client-go's `JSONPath` for one execution.
pub(super) struct Evaluator<'n> {
    nodes: &'n [Node],
    allow_missing: bool,
    begin_range: i64,
    in_range: i64,
    end_range: i64,
    last_end: Option<usize>,
}

impl<'n> Evaluator<'n> {
    pub(super) fn new(nodes: &'n [Node], allow_missing: bool) -> Self {
        Evaluator {
            nodes,
            allow_missing,
            begin_range: 0,
            in_range: 0,
            end_range: 0,
            last_end: None,
        }
    }

    /// client-go's `FindResults`, over the top-level nodes from index `start`.
    pub(super) fn find_results<'a>(&mut self, data: Item<'a>, start: usize) -> Result<Vec<Vec<Item<'a>>>, String> {
        let nodes = self.nodes;
        let cur = vec![data];
        let mut full = Vec::new();
        let mut i = start;
        while i < nodes.len() {
            let results = self.walk(&cur, &nodes[i]).map_err(|(_, e)| e)?;
            if self.end_range > 0 && self.end_range <= self.in_range {
                self.end_range -= 1;
                self.last_end = Some(i);
                break;
            }
            if self.begin_range > 0 {
                self.begin_range -= 1;
                self.in_range += 1;
                if results.is_empty() {
                    // Still walk the body so the position advances to its end node.
                    self.find_results(Item::Invalid, i + 1)?;
                } else {
                    for value in results {
                        full.extend(self.find_results(value.interface(), i + 1)?);
                    }
                }
                self.in_range -= 1;
                if let Some(k) = (i + 1..nodes.len()).find(|&k| Some(k) == self.last_end) {
                    i = k;
                }
                i += 1;
                continue;
            }
            full.push(results);
            i += 1;
        }
        Ok(full)
    }

    fn walk<'a>(&mut self, input: &[Item<'a>], node: &Node) -> Walk<'a> {
        let repeat = |v: Value| Ok(vec![Item::Val(Cow::Owned(v)); input.len()]);
        match node {
            Node::List(nodes) => self.eval_list(input, nodes),
            Node::Text(t) => Ok(vec![Item::Val(Cow::Owned(Value::String(t.clone())))]),
            Node::Field(name) => self.eval_field(input, name),
            Node::Array(params) => eval_array(input, params),
            Node::Filter { left, right, op } => self.eval_filter(input, left, right, op),
            Node::Int(i) => repeat(Value::from(*i)),
            Node::Float(f) => repeat(serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)),
            Node::Bool(b) => repeat(Value::Bool(*b)),
            Node::Wildcard => Ok(input.iter().flat_map(children).collect()),
            Node::Recursive => Ok(recursive(input)),
            Node::Union(lists) => {
                let mut result = Vec::new();
                for list in lists {
                    match self.eval_list(input, list) {
                        Ok(v) => result.extend(v),
                        Err((_, e)) => return Err((input.to_vec(), e)),
                    }
                }
                Ok(result)
            }
            Node::Identifier(name) => self.eval_identifier(input, name),
        }
    }

    fn eval_list<'a>(&mut self, input: &[Item<'a>], nodes: &[Node]) -> Walk<'a> {
        let mut cur = input.to_vec();
        for node in nodes {
            cur = self.walk(&cur, node)?;
        }
        Ok(cur)
    }

    fn eval_identifier<'a>(&mut self, input: &[Item<'a>], name: &str) -> Walk<'a> {
        match name {
            "range" => {
                self.begin_range += 1;
                Ok(input.to_vec())
            }
            "end" if self.in_range > 0 => {
                self.end_range += 1;
                Ok(Vec::new())
            }
            "end" => Err((Vec::new(), "not in range, nothing to end".to_string())),
            _ => Err((input.to_vec(), format!("unrecognized identifier {name}"))),
        }
    }

    fn eval_field<'a>(&self, input: &[Item<'a>], name: &str) -> Walk<'a> {
        if input.is_empty() {
            return Ok(Vec::new());
        }
        let mut results = Vec::new();
        for item in input {
            if let Item::Val(v) = item {
                results.extend(select(v, &|v| match v {
                    Value::Object(m) => m.get(name).into_iter().collect(),
                    _ => Vec::new(),
                }));
            }
        }
        if results.is_empty() && !self.allow_missing {
            return Err((results, format!("{name} is not found")));
        }
        Ok(results)
    }

    fn eval_filter<'a>(&mut self, input: &[Item<'a>], left: &[Node], right: &[Node], op: &str) -> Walk<'a> {
        let mut results = Vec::new();
        for item in input {
            let elements = match item {
                Item::Val(v) if v.is_array() => children(item),
                Item::Val(v) => return Err((input.to_vec(), not_filterable(&go_v(v)))),
                Item::Invalid => {
                    return Err((input.to_vec(), not_filterable("<invalid reflect.Value>")));
                }
                Item::Byte(b) => return Err((input.to_vec(), not_filterable(&b.to_string()))),
            };
            for element in elements {
                let temp = [element.clone()];
                let lefts = self.eval_list(&temp, left);
                if op == "exists" {
                    if !lefts.unwrap_or_else(|(partial, _)| partial).is_empty() {
                        results.push(element);
                    }
                    continue;
                }
                let Some(l) = single(lefts).map_err(|e| (input.to_vec(), e))? else {
                    continue;
                };
                let Some(r) = single(self.eval_list(&temp, right)).map_err(|e| (input.to_vec(), e))? else {
                    continue;
                };
                let (l, r) = (l.interface(), r.interface());
                let pass = match op {
                    "<" => less(&l, &r),
                    ">" => less_equal(&l, &r).map(|b| !b),
                    "==" => equal(&l, &r),
                    "!=" => equal(&l, &r).map(|b| !b),
                    "<=" => less_equal(&l, &r),
                    ">=" => less(&l, &r).map(|b| !b),
                    _ => Err(format!("unrecognized filter operator {op}")),
                };
                match pass {
                    Ok(true) => results.push(element),
                    Ok(false) => {}
                    Err(e) => return Err((results, e)),
                }
            }
        }
        Ok(results)
    }
}

fn not_filterable(v: &str) -> String {
    format!("{v} is not array or slice and cannot be filtered")
}

/// The one operand of a comparison: `None` skips the element, more than one is an error.
fn single(walk: Walk<'_>) -> Result<Option<Item<'_>>, String> {
    let mut values = walk.map_err(|(_, e)| e)?;
    match values.len() {
        0 => Ok(None),
        1 => Ok(values.pop()),
        _ => Err("can only compare one element at a time".to_string()),
    }
}

/// Projects a value onto some of its children, keeping borrows where possible.
fn select<'a>(v: &Cow<'a, Value>, pick: &dyn for<'v> Fn(&'v Value) -> Vec<&'v Value>) -> Vec<Item<'a>> {
    match v {
        Cow::Borrowed(b) => pick(b).into_iter().map(|x| Item::Val(Cow::Borrowed(x))).collect(),
        Cow::Owned(o) => pick(o).into_iter().map(|x| Item::Val(Cow::Owned(x.clone()))).collect(),
    }
}

/// What `*` yields for one value: map values (sorted by key; Go's order is random), elements, string bytes.
fn children<'a>(item: &Item<'a>) -> Vec<Item<'a>> {
    match item {
        Item::Val(v) => match v.as_ref() {
            Value::String(s) => s.bytes().map(Item::Byte).collect(),
            _ => select(v, &|v| match v {
                Value::Object(m) => {
                    let mut entries: Vec<_> = m.iter().collect();
                    entries.sort_by(|a, b| a.0.cmp(b.0));
                    entries.into_iter().map(|(_, e)| e).collect()
                }
                Value::Array(a) => a.iter().collect(),
                _ => Vec::new(),
            }),
        },
        _ => Vec::new(),
    }
}

/// `..`: every value that has children, followed by its descendants.
fn recursive<'a>(input: &[Item<'a>]) -> Vec<Item<'a>> {
    let mut result = Vec::new();
    for item in input {
        let kids = children(item);
        if !kids.is_empty() {
            result.push(item.clone());
            result.extend(recursive(&kids));
        }
    }
    result
}

fn eval_array<'a>(input: &[Item<'a>], params: &[Param; 3]) -> Walk<'a> {
    let mut result = Vec::new();
    for item in input {
        let len = match item {
            Item::Val(v) if v.is_null() => continue,
            Item::Val(v) => match v.as_array() {
                Some(a) => a.len() as i64,
                None => {
                    return Err((input.to_vec(), format!("{} is not array or slice", type_name(v))));
                }
            },
            Item::Invalid => {
                return Err((input.to_vec(), "<nil> is not array or slice".to_string()));
            }
            Item::Byte(_) => {
                return Err((input.to_vec(), "uint8 is not array or slice".to_string()));
            }
        };
        let mut p = *params;
        if !p[0].known {
            p[0].value = 0;
        }
        if p[0].value < 0 {
            p[0].value = p[0].value.wrapping_add(len);
        }
        if !p[1].known {
            p[1].value = len;
        }
        if p[1].value < 0 || (p[1].value == 0 && p[1].derived) {
            p[1].value = p[1].value.wrapping_add(len);
        }
        let (start, end) = (p[0].value, p[1].value);
        if start == end {
            return Ok(result);
        }
        let out_of_bounds = |i: i64| format!("array index out of bounds: index {i}, length {len}");
        if start >= len || start < 0 {
            return Err((input.to_vec(), out_of_bounds(start)));
        }
        if end > len || end < 0 {
            return Err((input.to_vec(), out_of_bounds(end.wrapping_sub(1))));
        }
        if start > end {
            return Err((
                input.to_vec(),
                format!("starting index {start} is greater than ending index {end}"),
            ));
        }
        let step = if p[2].known {
            if p[2].value <= 0 {
                return Err((input.to_vec(), "step must be > 0".to_string()));
            }
            p[2].value
        } else {
            1
        };
        let elements = children(item);
        let step = usize::try_from(step).unwrap_or(usize::MAX);
        result.extend(
            elements
                .into_iter()
                .take(end as usize)
                .skip(start as usize)
                .step_by(step),
        );
    }
    Ok(result)
}

/// Comparable kinds of Go's text/template comparison functions.
enum Basic<'v> {
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(&'v str),
}

const BAD_TYPE: &str = "invalid type for comparison";
const INCOMPATIBLE: &str = "incompatible types for comparison";

fn basic<'v>(item: &'v Item<'_>) -> Result<Basic<'v>, String> {
    match item {
        Item::Byte(b) => Ok(Basic::Uint(u64::from(*b))),
        Item::Val(v) => match v.as_ref() {
            Value::Bool(b) => Ok(Basic::Bool(*b)),
            Value::Number(n) => Ok(match as_go_int(n) {
                Some(i) => Basic::Int(i),
                None => Basic::Float(n.as_f64().unwrap_or(0.0)),
            }),
            Value::String(s) => Ok(Basic::Str(s)),
            _ => Err(BAD_TYPE.to_string()),
        },
        Item::Invalid => Err(BAD_TYPE.to_string()),
    }
}

fn equal(a: &Item<'_>, b: &Item<'_>) -> Result<bool, String> {
    Ok(match (basic(a)?, basic(b)?) {
        (Basic::Bool(x), Basic::Bool(y)) => x == y,
        (Basic::Int(x), Basic::Int(y)) => x == y,
        (Basic::Uint(x), Basic::Uint(y)) => x == y,
        (Basic::Float(x), Basic::Float(y)) => x == y,
        (Basic::Str(x), Basic::Str(y)) => x == y,
        (Basic::Int(x), Basic::Uint(y)) | (Basic::Uint(y), Basic::Int(x)) => u64::try_from(x).is_ok_and(|x| x == y),
        _ => return Err(INCOMPATIBLE.to_string()),
    })
}

fn less(a: &Item<'_>, b: &Item<'_>) -> Result<bool, String> {
    Ok(match (basic(a)?, basic(b)?) {
        (Basic::Bool(_), Basic::Bool(_)) => return Err(BAD_TYPE.to_string()),
        (Basic::Int(x), Basic::Int(y)) => x < y,
        (Basic::Uint(x), Basic::Uint(y)) => x < y,
        (Basic::Float(x), Basic::Float(y)) => x < y,
        (Basic::Str(x), Basic::Str(y)) => x < y,
        (Basic::Int(x), Basic::Uint(y)) => u64::try_from(x).map_or(true, |x| x < y),
        (Basic::Uint(x), Basic::Int(y)) => u64::try_from(y).is_ok_and(|y| x < y),
        _ => return Err(INCOMPATIBLE.to_string()),
    })
}

fn less_equal(a: &Item<'_>, b: &Item<'_>) -> Result<bool, String> {
    if less(a, b)? {
        return Ok(true);
    }
    equal(a, b)
}
