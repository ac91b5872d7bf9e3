//! Go-compatible rendering of JSON values: `encoding/json` output, `fmt` `%v`/`%#v`, `strconv.Quote`.

pub(super) use crate::api::gostr::go_quote as quote;
use crate::api::gostr::{go_json_string, is_print};
use serde_json::{Number, Value};

/// Shortest round-trip digits of a finite float: (negative, digits, decimal exponent of the first digit).
fn shortest_digits(f: f64) -> (bool, String, i32) {
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    (f.is_sign_negative(), digits, exp.parse::<i32>().unwrap_or(0))
}

/// strconv.FormatFloat(f, 'e', -1, 64): `d.ddde±XX`.
fn format_e(neg: bool, digits: &str, exp: i32) -> String {
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    out.push('e');
    out.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push('0');
    }
    out.push_str(&e.to_string());
    out
}

/// strconv.FormatFloat(f, 'f', -1, 64).
fn format_f(neg: bool, digits: &str, exp: i32) -> String {
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if exp < 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-exp - 1) as usize));
        out.push_str(digits);
        return out;
    }
    let int_len = exp as usize + 1;
    if digits.len() <= int_len {
        out.push_str(digits);
        out.push_str(&"0".repeat(int_len - digits.len()));
    } else {
        out.push_str(&digits[..int_len]);
        out.push('.');
        out.push_str(&digits[int_len..]);
    }
    out
}

/// A float64 as Go's `fmt` prints it with `%v` (`%g` with shortest precision).
pub(super) fn float_v(f: f64) -> String {
    let (neg, digits, exp) = shortest_digits(f);
    if f != 0.0 && !(-4..6).contains(&exp) {
        format_e(neg, &digits, exp)
    } else {
        format_f(neg, &digits, exp)
    }
}

/// A float64 as `encoding/json` writes it.
fn float_json(f: f64) -> String {
    let (neg, digits, exp) = shortest_digits(f);
    let abs = f.abs();
    if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
        let s = format_e(neg, &digits, exp);
        match s.strip_suffix(|c: char| c.is_ascii_digit()) {
            Some(head) if head.ends_with("e-0") => {
                format!("{}{}", &head[..head.len() - 1], &s[s.len() - 1..])
            }
            _ => s,
        }
    } else {
        format_f(neg, &digits, exp)
    }
}

/// Whether a decoded JSON number is an int64 for Go (unstructured decoding falls back to float64).
pub(super) fn as_go_int(n: &Number) -> Option<i64> {
    n.as_i64()
}

/// A number as Go's `fmt` prints the int64/float64 that unstructured decoding produces.
pub(super) fn number_v(n: &Number) -> String {
    match as_go_int(n) {
        Some(i) => i.to_string(),
        None => float_v(n.as_f64().unwrap_or(0.0)),
    }
}

fn number_json(n: &Number) -> String {
    match as_go_int(n) {
        Some(i) => i.to_string(),
        None => float_json(n.as_f64().unwrap_or(0.0)),
    }
}

fn sorted(m: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = m.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

fn json_into(out: &mut String, v: &Value, indent: Option<usize>) {
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"    ".repeat(depth));
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_json(n)),
        Value::String(s) => go_json_string(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, e) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(d) = indent {
                    newline(out, d + 1);
                }
                json_into(out, e, indent.map(|d| d + 1));
            }
            if let (Some(d), false) = (indent, a.is_empty()) {
                newline(out, d);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, e)) in sorted(m).into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(d) = indent {
                    newline(out, d + 1);
                }
                go_json_string(out, k);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                json_into(out, e, indent.map(|d| d + 1));
            }
            if let (Some(d), false) = (indent, m.is_empty()) {
                newline(out, d);
            }
            out.push('}');
        }
    }
}

/// Go's `json.Marshal`: compact, sorted keys, HTML-safe escapes.
pub(super) fn json(v: &Value) -> String {
    let mut out = String::new();
    json_into(&mut out, v, None);
    out
}

/// Go's `json.MarshalIndent(v, "", "    ")`.
pub(super) fn json_indent(v: &Value) -> String {
    let mut out = String::new();
    json_into(&mut out, v, Some(0));
    out
}

/// Go's `fmt.Sprintf("%v", v)` for values decoded from JSON into `interface{}`.
pub(super) fn go_v(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number_v(n),
        Value::String(s) => s.clone(),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(go_v).collect();
            format!("[{}]", items.join(" "))
        }
        Value::Object(m) => {
            let items: Vec<String> = sorted(m).into_iter().map(|(k, e)| format!("{k}:{}", go_v(e))).collect();
            format!("map[{}]", items.join(" "))
        }
    }
}

/// Go's `fmt.Sprintf("%#v", v)` for values decoded from JSON into `interface{}`.
pub(super) fn go_sharp_v(v: &Value) -> String {
    match v {
        Value::Null => "interface {}(nil)".to_string(),
        Value::String(s) => quote(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(go_sharp_v).collect();
            format!("[]interface {{}}{{{}}}", items.join(", "))
        }
        Value::Object(m) => {
            let items: Vec<String> = sorted(m)
                .into_iter()
                .map(|(k, e)| format!("{}:{}", quote(k), go_sharp_v(e)))
                .collect();
            format!("map[string]interface {{}}{{{}}}", items.join(", "))
        }
        other => go_v(other),
    }
}

/// The Go type name of a decoded JSON value (as `reflect.Type.String()`).
pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "interface {}",
        Value::Bool(_) => "bool",
        Value::Number(n) if as_go_int(n).is_some() => "int64",
        Value::Number(_) => "float64",
        Value::String(_) => "string",
        Value::Array(_) => "[]interface {}",
        Value::Object(_) => "map[string]interface {}",
    }
}

/// Go's `%#U` rendering of a rune.
pub(super) fn go_unicode(r: char) -> String {
    if is_print(r) {
        format!("U+{:04X} '{r}'", r as u32)
    } else {
        format!("U+{:04X}", r as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Numbers as kubectl v1.32.4 printed them with `{.spec.v[*]}` (`%v`) and `{.spec.v}` (JSON).
    #[test]
    fn numbers_match_kubectl() {
        let v: Value = serde_json::from_str(
            "[1.0, 123456.0, 1234567.0, 0.0001, 0.00001, 1.5e300, -2.5, -0.0, 0, -7, \
             9223372036854775807, 9223372036854775808, 18446744073709551616, 1e20, \
             0.1, 100, 1e2, 5e-324, 0.000001234, 1e21, 0.0000001]",
        )
        .unwrap();
        let items = v.as_array().unwrap();
        let text: Vec<String> = items.iter().map(go_v).collect();
        assert_eq!(
            text.join(" "),
            "1 123456 1.234567e+06 0.0001 1e-05 1.5e+300 -2.5 -0 0 -7 9223372036854775807 \
             9.223372036854776e+18 1.8446744073709552e+19 1e+20 0.1 100 \
             100 5e-324 1.234e-06 1e+21 1e-07"
        );
        assert_eq!(
            json(&v),
            "[1,123456,1234567,0.0001,0.00001,1.5e+300,-2.5,-0,0,-7,9223372036854775807,\
             9223372036854776000,18446744073709552000,100000000000000000000,\
             0.1,100,100,5e-324,0.000001234,1e+21,1e-7]"
        );
    }

    #[test]
    fn json_escapes_like_go() {
        let v = json!({"s": "a\"b\\c\nd\u{1}\u{8}\u{c}\u{2028}é", "b": "busybox<&>"});
        assert_eq!(
            json(&v),
            r#"{"b":"busybox\u003c\u0026\u003e","s":"a\"b\\c\nd\u0001\b\f\u2028é"}"#
        );
    }

    #[test]
    fn indented_json_matches_marshal_indent() {
        let v = json!([{"b": true, "e": [], "o": {}, "n": [1, 2]}]);
        assert_eq!(
            json_indent(&v),
            "[\n    {\n        \"b\": true,\n        \"e\": [],\n        \"n\": [\n            1,\n            2\n        ],\n        \"o\": {}\n    }\n]"
        );
        assert_eq!(json_indent(&json!([])), "[]");
    }

    /// The `%#v` dump kubectl printed for a failing template, and `%v` as custom-columns prints.
    #[test]
    fn go_syntax_matches_kubectl() {
        let v = json!({"labels": {"z": "1", "a": "q\"<é\u{1}\t"}, "a": [1, null, "x", {"k": null}, [2, 3], 1.5, 1e6, true, {}, []],
            "s": "\u{a0}\u{ad}\u{200b}\u{2028}\u{feff}\u{7f}😀 \u{300}x"});
        assert_eq!(
            go_sharp_v(&v),
            "map[string]interface {}{\"a\":[]interface {}{1, interface {}(nil), \"x\", map[string]interface {}{\"k\":interface {}(nil)}, []interface {}{2, 3}, 1.5, 1e+06, true, map[string]interface {}{}, []interface {}{}}, \"labels\":map[string]interface {}{\"a\":\"q\\\"<é\\x01\\t\", \"z\":\"1\"}, \"s\":\"\\u00a0\\u00ad\\u200b\\u2028\\ufeff\\x7f😀 \u{300}x\"}"
        );
        assert_eq!(go_v(&json!({"k": "v", "t": ["t1", null]})), "map[k:v t:[t1 <nil>]]");
    }
}
