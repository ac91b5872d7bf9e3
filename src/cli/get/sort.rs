//! `get --sort-by`: kubectl's sorter (first value per object, its `isLess` comparator, natural
//! string order) over Go's `sort.Sort`, so ties come out as kubectl prints them.

use super::gosort::go_sort;
use crate::api::error::go_quote;
use crate::api::quantity::Quantity;
use crate::api::{Error, Kind, Object};
use crate::printers::jsonpath::{JsonPath, relaxed_expression};
use serde_json::Value;
use std::cell::RefCell;
use std::cmp::Ordering;

/// The table path: kubectl sorts each kind's table by the first value the expression finds in
/// each row's object (`sorter.go` TableSorter).
pub(super) fn sort_table(field: &str, objs: &mut [&Object]) -> Result<(), Error> {
    if objs.is_empty() {
        return Ok(());
    }
    let parsed = relaxed_expression(field).unwrap_or_else(|_| field.to_string());
    let path = JsonPath::parse_bare(&parsed).map_err(|e| Error::msg(format!("sorting error: {e}")))?;
    let mut keyed: Vec<(Option<Value>, &Object)> = Vec::with_capacity(objs.len());
    for o in objs.iter() {
        keyed.push((first_value(&path, &o.to_value())?, *o));
    }
    if keyed.iter().all(|(k, _)| k.is_none()) {
        return Err(not_found_field(&parsed));
    }
    go_sort_by_key(&mut keyed, &parsed, "[][][]reflect.Value")?;
    for (slot, (_, o)) in objs.iter_mut().zip(keyed) {
        *slot = o;
    }
    Ok(())
}

/// The generic path (json, yaml, name, jsonpath, custom-columns): the items of the printed List
/// are sorted together (`sorter.go` SortObjects).
pub(super) fn sort_items(field: &str, items: &mut Vec<(Kind, Value)>) -> Result<(), Error> {
    if items.is_empty() {
        return Ok(());
    }
    let parsed = relaxed_expression(field).map_err(Error::msg)?;
    let path = JsonPath::parse_bare(&parsed).map_err(Error::msg)?;
    let mut keyed = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        keyed.push((first_value(&path, &item.1)?, item));
    }
    if keyed.iter().all(|(k, _)| k.is_none()) {
        return Err(not_found_field(&parsed));
    }
    go_sort_by_key(&mut keyed, &parsed, "*unstructured.Unstructured")?;
    items.extend(keyed.into_iter().map(|(_, item)| item));
    Ok(())
}

fn not_found_field(parsed: &str) -> Error {
    Error::msg(format!(
        "couldn't find any field with path {} in the list of objects",
        go_quote(parsed)
    ))
}

fn first_value(path: &JsonPath, v: &Value) -> Result<Option<Value>, Error> {
    let sets = path.find_results(v, true).map_err(Error::msg)?;
    Ok(sets.into_iter().next().and_then(|s| s.into_iter().next()))
}

/// Sorts with kubectl's comparator (a missing value sorts first) through Go's `sort.Sort`, so that
/// ties come out in the order kubectl prints them.
fn go_sort_by_key<T>(keyed: &mut [(Option<Value>, T)], field: &str, type_name: &str) -> Result<(), Error> {
    let failure: RefCell<Option<String>> = RefCell::new(None);
    let less = |a: &(Option<Value>, T), b: &(Option<Value>, T)| -> bool {
        let (Some(i), Some(j)) = (&a.0, &b.0) else {
            return a.0.is_none();
        };
        match is_less(i, j) {
            Ok(l) => l,
            Err(e) => {
                failure.borrow_mut().get_or_insert_with(|| {
                    format!("Field {field} in {type_name} is an unsortable type: interface, err: {e}")
                });
                false
            }
        }
    };
    go_sort(keyed, &less);
    match failure.into_inner() {
        Some(m) => Err(Error::msg(m)),
        None => Ok(()),
    }
}

/// `sorter.go` isLess on unstructured values: integers and floats numerically (never mixed),
/// strings as quantities when both parse, else in natural order; null first.
fn is_less(i: &Value, j: &Value) -> Result<bool, String> {
    match (i, j) {
        (Value::Null, Value::Null) => Ok(false),
        (Value::Null, _) => Ok(true),
        (_, Value::Null) => Ok(false),
        (Value::Number(a), Value::Number(b)) => {
            if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
                Ok(x < y)
            } else if a.is_f64() && b.is_f64() {
                Ok(a.as_f64() < b.as_f64())
            } else if !a.is_f64() && !b.is_f64() {
                Ok(a.as_u64() < b.as_u64())
            } else {
                Err("unsortable interface: interface".into())
            }
        }
        (Value::String(a), Value::String(b)) => match (Quantity::parse(a), Quantity::parse(b)) {
            (Ok(x), Ok(y)) => Ok(x.cmp(&y) == Ordering::Less),
            _ => Ok(natural_less(a, b)),
        },
        (Value::Bool(_), _) => Err("unsortable type: bool".into()),
        (Value::Object(_), _) => Err("unsortable type: map[string]interface {}".into()),
        (Value::Array(_), _) => Err("unsortable type: []interface {}".into()),
        _ => Err("unsortable interface: interface".into()),
    }
}

/// `github.com/fvbommel/sortorder` NaturalLess: runs of digits compare as numbers.
fn natural_less(s1: &str, s2: &str) -> bool {
    let (a, b) = (s1.as_bytes(), s2.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (c1, c2) = (a[i], b[j]);
        let (d1, d2) = (c1.is_ascii_digit(), c2.is_ascii_digit());
        if d1 != d2 {
            return d1;
        }
        if !d1 {
            if c1 != c2 {
                return c1 < c2;
            }
            i += 1;
            j += 1;
            continue;
        }
        while i < a.len() && a[i] == b'0' {
            i += 1;
        }
        while j < b.len() && b[j] == b'0' {
            j += 1;
        }
        let (nz1, nz2) = (i, j);
        while i < a.len() && a[i].is_ascii_digit() {
            i += 1;
        }
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let (l1, l2) = (i - nz1, j - nz2);
        if l1 != l2 {
            return l1 < l2;
        }
        if a[nz1..i] != b[nz2..j] {
            return a[nz1..i] < b[nz2..j];
        }
        if nz1 != nz2 {
            return nz1 < nz2;
        }
    }
    a.len() < b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn natural_order_matches_sortorder() {
        assert!(natural_less("web-2", "web-10"));
        assert!(!natural_less("web-10", "web-2"));
        assert!(natural_less("a", "b"));
        assert!(natural_less("1a", "a"));
        assert!(natural_less("x01", "x001"));
        assert!(natural_less("abc", "abcd"));
        assert!(!natural_less("abc", "abc"));
    }

    #[test]
    fn is_less_follows_kubectl() {
        assert_eq!(is_less(&json!(2), &json!(10)), Ok(true));
        assert_eq!(is_less(&json!("2Gi"), &json!("100Mi")), Ok(false));
        assert_eq!(is_less(&json!("100m"), &json!("1")), Ok(true));
        assert_eq!(is_less(&json!("web-2"), &json!("web-10")), Ok(true));
        assert!(is_less(&json!(true), &json!(false)).is_err());
        assert!(is_less(&json!(1), &json!(1.5)).is_err());
        assert_eq!(is_less(&json!(null), &json!(1)), Ok(true));
    }

    #[test]
    fn go_sort_matches_go_for_missing_values() {
        // Go's insertion sort swaps while Less(j, j-1): two missing values trade places.
        let mut v: Vec<(Option<Value>, &str)> = vec![(None, "a"), (None, "b"), (Some(json!(1)), "c")];
        go_sort_by_key(&mut v, "{.x}", "t").unwrap();
        let order: Vec<&str> = v.iter().map(|x| x.1).collect();
        assert_eq!(order, ["b", "a", "c"]);
    }
}
