//! kubectl's JSONPath templates (`-o jsonpath`, custom-columns, --sort-by): a port of client-go `util/jsonpath`.
//
// Layout: `jsonpath/parse.rs` (template parser and nodes), `jsonpath/eval.rs` (evaluation),
// `jsonpath/gofmt.rs` (Go-compatible rendering: json.Marshal, fmt %v / %#v, strconv.Quote).
//
// What the template is applied to: kubectl applies an `-o jsonpath` template once, to the
// whole object it prints. `kubectl get pod NAME` prints that one object; `kubectl get pods`
// (or several names, or several resource types) first coerces everything into one
// `{"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":""},"items":[...]}` object,
// so templates address the items as `{.items[*]...}`. It is NOT applied per item (custom
// columns are: see `custom_columns::render_rows`). kubectl writes no trailing newline.
//
// Differences from kubectl: map iteration (`*`, `..`) follows sorted key order where Go's is
// random; `\xNN` escapes that form invalid UTF-8 print U+FFFD instead of the raw byte.

mod eval;
mod gofmt;
mod parse;

use std::borrow::Cow;

use serde_json::Value;

use eval::{Evaluator, Item};
use parse::Node;

/// A parsed JSONPath template.
#[derive(Clone, Debug)]
pub struct JsonPath {
    template: String,
    nodes: Vec<Node>,
}

impl JsonPath {
    /// Parses an `-o jsonpath=` / `jsonpath-file` / `jsonpath-as-json` template. The error is
    /// kubectl's full message, `error parsing jsonpath {template}, {reason}\n` (print it after
    /// `error: `, adding a newline only when it does not already end with one, as kubectl does).
    pub fn parse(template: &str) -> Result<JsonPath, String> {
        Self::parse_bare(template).map_err(|e| format!("error parsing jsonpath {template}, {e}\n"))
    }

    /// Parses like client-go's `JSONPath.Parse`; the error is the bare reason (e.g.
    /// `unclosed action`), which is what custom-columns and `--sort-by` print.
    pub fn parse_bare(template: &str) -> Result<JsonPath, String> {
        Ok(JsonPath {
            template: template.to_string(),
            nodes: parse::parse(template)?,
        })
    }

    /// The template text as given.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// Runs the template as kubectl's JSONPath printer does. Results of one `{}` are joined by
    /// spaces; maps and arrays print as compact JSON, strings raw, null as `null`. kubectl
    /// defaults `allow_missing_keys` to true (`--allow-missing-template-keys`). The error is
    /// kubectl's whole message (`error executing jsonpath "...": Error executing template: ...`,
    /// ending in three newlines), to print after `error: `.
    pub fn execute(&self, data: &Value, allow_missing_keys: bool) -> Result<String, String> {
        let sets = self
            .results(data, allow_missing_keys)
            .map_err(|e| self.exec_error(data, &e))?;
        let mut out = String::new();
        for set in &sets {
            for (i, item) in set.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(&text(item));
            }
        }
        Ok(out)
    }

    /// Runs the template as `-o jsonpath-as-json`: each result set becomes an indented JSON
    /// array followed by a newline. Errors as [`JsonPath::execute`].
    pub fn execute_as_json(&self, data: &Value, allow_missing_keys: bool) -> Result<String, String> {
        let sets = self
            .results(data, allow_missing_keys)
            .map_err(|e| self.exec_error(data, &e))?;
        let mut out = String::new();
        for set in &sets {
            let array = Value::Array(set.iter().map(Item::to_value).collect());
            out.push_str(&gofmt::json_indent(&array));
            out.push('\n');
        }
        Ok(out)
    }

    /// client-go's `FindResults`: one list of values per top-level template part (literal text
    /// gives a string). The error is the bare reason (e.g. `x is not found`), as custom-columns
    /// and `--sort-by` print it.
    pub fn find_results(&self, data: &Value, allow_missing_keys: bool) -> Result<Vec<Vec<Value>>, String> {
        let sets = self.results(data, allow_missing_keys)?;
        Ok(sets
            .iter()
            .map(|set| set.iter().map(Item::to_value).collect())
            .collect())
    }

    fn results<'a>(&self, data: &'a Value, allow_missing_keys: bool) -> Result<Vec<Vec<Item<'a>>>, String> {
        Evaluator::new(&self.nodes, allow_missing_keys).find_results(Item::Val(Cow::Borrowed(data)), 0)
    }

    fn exec_error(&self, data: &Value, reason: &str) -> String {
        format!(
            "error executing jsonpath {}: Error executing template: {reason}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{}\n\tobject given to jsonpath engine was:\n\t\t{}\n\n\n",
            gofmt::quote(&self.template),
            self.template,
            gofmt::go_sharp_v(data),
        )
    }
}

/// How one result prints in `-o jsonpath` output.
fn text(item: &Item<'_>) -> String {
    match item {
        Item::Invalid => "<no value>".to_string(),
        Item::Byte(b) => b.to_string(),
        Item::Val(v) => match v.as_ref() {
            Value::Object(_) | Value::Array(_) => gofmt::json(v),
            Value::Null => "null".to_string(),
            Value::String(s) => s.clone(),
            other => gofmt::go_v(other),
        },
    }
}

/// kubectl's `RelaxedJSONPathExpression` (custom-columns and `--sort-by`): `a.b`, `.a.b`,
/// `{a.b}` and `{.a.b}` all become `{.a.b}`; the empty string stays empty.
pub fn relaxed_expression(path: &str) -> Result<String, String> {
    if path.is_empty() {
        return Ok(String::new());
    }
    let field = |s: &str| -> Option<String> {
        if s.is_empty() || s.contains(['{', '}']) {
            return None;
        }
        Some(match s.strip_prefix('.') {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => s.to_string(),
        })
    };
    let braced = path.strip_prefix('{').and_then(|p| p.strip_suffix('}')).and_then(field);
    match braced.or_else(|| field(path)) {
        Some(spec) => Ok(format!("{{.{spec}}}")),
        None => Err(
            "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
                .to_string(),
        ),
    }
}

/// A value as Go's `fmt` `%v` prints it (maps as `map[k:v]`, arrays as `[a b]`, null as
/// `<nil>`): how custom-columns renders cells.
pub fn go_value_string(v: &Value) -> String {
    gofmt::go_v(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(data: &str, template: &str, allow_missing: bool) -> Result<String, String> {
        let v: Value = serde_json::from_str(data).unwrap();
        JsonPath::parse(template)?.execute(&v, allow_missing)
    }

    /// Short error reason out of kubectl's long execution error.
    fn reason(err: &str) -> &str {
        let start = err.find("Error executing template: ").map_or(0, |i| i + 26);
        let end = err.find(". Printing more").unwrap_or(err.len());
        &err[start..end]
    }

    // Objects below are what `kubectl annotate --local -f F x- -o jsonpath=T` saw (kubectl adds
    // `metadata.annotations: {}`); expectations are kubectl v1.32.4's output.
    const A: &str = r#"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p"},"spec":{"a":[0,1,2,3,4],"e":[],"s":"hello","o":{"x":1}}}"#;
    const F: &str = r#"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p"},"spec":{"items":[{"name":"a","n":1,"f":1.5,"b":true,"s":"x"},{"name":"b","n":2,"f":2.5,"b":false},{"name":"c","n":3,"tags":["t1","t2"],"o":{"k":"v"},"z":null},{"name":"d"}]}}"#;
    const N: &str = r#"{"kind":"Pod","spec":{"a":[1,null,"x",{"k":null},[2,3]],"n":null,"e":[],"m":{}}}"#;

    #[test]
    fn outputs_match_kubectl() {
        let cases: &[(&str, &str, &str)] = &[
            (A, "{.spec.a[-1:]}", "4"),
            (A, "{.spec.a[::2]}", "0 2 4"),
            (A, "{.spec.a[1:3]}", "1 2"),
            (A, "{.spec.a[0:0]}", ""),
            (A, "{.spec.a[-2:-1]}", "3"),
            (A, "{.spec.a[0:-1]}", "0 1 2 3"),
            (A, "{.spec.a[:]}", "0 1 2 3 4"),
            (A, "{.spec.a[-5]}", "0"),
            (A, "{.spec.a[]}", "0"),
            (A, "{.spec.a[0,2]}", "0 2"),
            (A, "{.spec.a[0,]}", "0 0"),
            (A, "{.spec['a','s']}", "[0,1,2,3,4] hello"),
            (A, "{.spec.a[1:]}{.spec.a[1]}", "1 2 3 41"),
            (A, "{.spec.s.*}", "104 101 108 108 111"),
            (A, "{.spec.a[?(@>1)]}", "2 3 4"),
            (A, "{.spec.a[?(@)]}", "0 1 2 3 4"),
            (A, "{.spec.o..x}", "1"),
            (A, r"{.spec\\}", r#"{"a":[0,1,2,3,4],"e":[],"o":{"x":1},"s":"hello"}"#),
            (
                A,
                "{..}",
                r#"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p"},"spec":{"a":[0,1,2,3,4],"e":[],"o":{"x":1},"s":"hello"}} v1 Pod {"annotations":{},"name":"p"} p {"a":[0,1,2,3,4],"e":[],"o":{"x":1},"s":"hello"} [0,1,2,3,4] {"x":1} hello"#,
            ),
            (A, "{range}{.kind}{end}", "Pod"),
            (A, "{.kind range}{@}{end}", "Pod"),
            (A, "{99999999999999999999}", "1e+20"),
            (A, "{+5}", "5"),
            (A, "{1.}", "1"),
            (A, "{true}", "true"),
            (A, r#"{"\u00e9\x41\101"}"#, "éAA"),
            (A, r#"{"\xc3\xa9"}"#, "é"),
            (A, "{'\"'}", "\""),
            (A, "{'it''s'}", "s"),
            (A, "{$.kind} {@.kind}", "Pod Pod"),
            (F, "{range .spec.items[*]}{.name}{\"\\n\"}{end}", "a\nb\nc\nd\n"),
            (F, "{range .spec.items[*]}{.name}{end}tail{.metadata.name}", "abcdtailp"),
            (F, "{.spec.items[?(@.name==\"b\")].n}", "2"),
            (F, "{.spec.items[?(@.name=='b')].n}", "2"),
            (F, "{.spec.items[?( @.name == \"b\" )].n}", "2"),
            (F, "{.spec.items[?(@.b)].name}", "a b"),
            (F, "{.spec.items[?(@.z)].name}", "c"),
            (F, "{.spec.items[?(@.name<\"c\")].name}", "a b"),
            (F, "{.spec.items[?(@..name==\"a\")].n}", "1"),
            (F, "{.spec.items[?(@.name!=\"b\")].n}", "1 3"),
            (F, "{.spec.items[?(@.name==\"a)b\")].n}", ""),
            (F, "{.spec.items[?(@.name==\"a)b\")].n}", ""),
            (F, "{..name}", "p a b c d"),
            (F, "{...name}", "p a b c d"),
            (F, "{.spec..n}", "1 2 3"),
            (F, "{..items[0].name}", "a"),
            (F, "{.spec.items[*].tags[*]}", "t1 t2"),
            (F, "{.spec.items[-1:].name}", "d"),
            (F, "{.spec.items[?(@.name==\"a\")]..s}", "x"),
            (F, "{.metadata['name']}", "p"),
            (N, "{.spec.n}", "null"),
            (N, "{.spec.a}", r#"[1,null,"x",{"k":null},[2,3]]"#),
            (N, "{.spec.a[*]}", r#"1 null x {"k":null} [2,3]"#),
            (N, "{.spec.a[3].k}", "null"),
            (N, "{.spec.e} {.spec.m}", "[] {}"),
            (
                N,
                "{range .spec.a[*]}[{@}]{end}",
                r#"[1][<no value>][x][{"k":null}][[2,3]]"#,
            ),
            (N, "{..k}", "null"),
        ];
        for (data, template, want) in cases {
            assert_eq!(run(data, template, false).as_deref(), Ok(*want), "template {template}");
        }
        let allowed: &[(&str, &str, &str)] = &[
            (A, "{.missing}", ""),
            (A, "{.spec.a[0].x}", ""),
            (N, "{.spec.n.x}", ""),
            (F, "{.spec.items[?(@.n>1)].name}", "b c"),
            (F, "{.spec.items[?(@.n!=2)].name}", "a c"),
            (F, "{.spec.items[?(@.n==2)].missing}", ""),
            (F, "{range .spec.missing[*]}x{end}after", "after"),
        ];
        for (data, template, want) in allowed {
            assert_eq!(run(data, template, true).as_deref(), Ok(*want), "template {template}");
        }
    }

    #[test]
    fn execution_errors_match_kubectl() {
        let cases: &[(&str, &str, &str)] = &[
            (A, "{.spec.a[3:1]}", "starting index 3 is greater than ending index 1"),
            (A, "{.spec.a[-20]}", "array index out of bounds: index -15, length 5"),
            (A, "{.spec.a[::0]}", "step must be > 0"),
            (A, "{.spec.a[::-1]}", "step must be > 0"),
            (A, "{.spec.a[5]}", "array index out of bounds: index 5, length 5"),
            (A, "{.spec.a[4:9]}", "array index out of bounds: index 8, length 5"),
            (A, "{.spec.a[-6:]}", "array index out of bounds: index -1, length 5"),
            (A, "{.spec.e[0]}", "array index out of bounds: index 0, length 0"),
            (A, "{.spec.e[-1]}", "array index out of bounds: index -1, length 0"),
            (A, "{.spec.a[:-9]}", "array index out of bounds: index -5, length 5"),
            (A, "{.spec.s[0]}", "string is not array or slice"),
            (A, "{.spec.o[0]}", "map[string]interface {} is not array or slice"),
            (A, "{.spec.a[0][0]}", "int64 is not array or slice"),
            (A, "{.spec.a[0].x}", "x is not found"),
            (A, "{.spec.missing[0]}", "missing is not found"),
            (
                A,
                "{.spec.o[?(@.x)]}",
                "map[x:1] is not array or slice and cannot be filtered",
            ),
            (
                A,
                "{.spec.s[?(@.x)]}",
                "hello is not array or slice and cannot be filtered",
            ),
            (A, "{.spec.a[?(@=1)]}", "unrecognized filter operator ="),
            (A, "{.spec.a[?(@=<1)]}", "unrecognized filter operator =<"),
            (A, "{.spec.a[?(@>\"x\")]}", "incompatible types for comparison"),
            (A, "{.}", " is not found"),
            (A, "{.spec['']}", " is not found"),
            (A, "{.metadata['na.me']}", "na is not found"),
            (A, "{.kind .metadata.name}", "metadata is not found"),
            (A, "{\"a\" \"b\" .kind}", "kind is not found"),
            (A, "{foo}", "unrecognized identifier foo"),
            (A, "{end}", "not in range, nothing to end"),
            (F, "{.spec.items[?(@.n>1)].name}", "n is not found"),
            (
                F,
                "{.spec.items[?(@.n==2.0)].name}",
                "incompatible types for comparison",
            ),
            (F, "{.spec.items[?(@.f>2)].name}", "incompatible types for comparison"),
            (F, "{.spec.items[?(@.b<true)].name}", "invalid type for comparison"),
            (F, "{.spec.items.name}", "name is not found"),
            (F, "{range .spec.items[*]}{.name}", "name is not found"),
            (
                F,
                "{range .spec.items[*]}{.name}{end}{end}",
                "not in range, nothing to end",
            ),
            (
                F,
                "{range .spec.items[*]}{.name}:{range .tags[*]}<{@}>{end};{end}",
                "tags is not found",
            ),
            (
                F,
                "{range .spec.items[1:3]}[{.name}]{end}|{range .spec.items[0:0]}[{.name}]{end}|",
                "name is not found",
            ),
        ];
        for (data, template, want) in cases {
            let err = run(data, template, false).unwrap_err();
            assert_eq!(reason(&err), *want, "template {template}");
        }
        let allowed: &[(&str, &str, &str)] = &[
            (F, "{.spec.items[?(@.z==\"x\")].name}", "invalid type for comparison"),
            (
                F,
                "{.spec.items[?(@.tags[*]==\"t1\")].name}",
                "can only compare one element at a time",
            ),
            (A, "{.spec.a[5]}", "array index out of bounds: index 5, length 5"),
        ];
        for (data, template, want) in allowed {
            let err = run(data, template, true).unwrap_err();
            assert_eq!(reason(&err), *want, "template {template}");
        }
    }

    #[test]
    fn full_error_texts_match_kubectl() {
        let data = r#"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"a":"q\"<é\u0001\t","z":"1"},"name":"p"},"spec":{"a":[1,null,"x",{"k":null},[2,3],1.5,1e6,true,1e21,{},[]],"n":null}}"#;
        let dump = "map[string]interface {}{\"apiVersion\":\"v1\", \"kind\":\"Pod\", \"metadata\":map[string]interface {}{\"annotations\":map[string]interface {}{}, \"labels\":map[string]interface {}{\"a\":\"q\\\"<é\\x01\\t\", \"z\":\"1\"}, \"name\":\"p\"}, \"spec\":map[string]interface {}{\"a\":[]interface {}{1, interface {}(nil), \"x\", map[string]interface {}{\"k\":interface {}(nil)}, []interface {}{2, 3}, 1.5, 1e+06, true, 1e+21, map[string]interface {}{}, []interface {}{}}, \"n\":interface {}(nil)}}";
        assert_eq!(
            run(data, "abc{.spec.a[20]}", true).unwrap_err(),
            format!(
                "error executing jsonpath \"abc{{.spec.a[20]}}\": Error executing template: array index out of bounds: index 20, length 11. Printing more information for debugging the template:\n\ttemplate was:\n\t\tabc{{.spec.a[20]}}\n\tobject given to jsonpath engine was:\n\t\t{dump}\n\n\n"
            )
        );
        assert_eq!(
            run(data, "{.a[}", true).unwrap_err(),
            "error parsing jsonpath {.a[}, unterminated array\n"
        );
        assert_eq!(JsonPath::parse_bare("{.a[}").unwrap_err(), "unterminated array");
    }

    #[test]
    fn json_output_matches_kubectl() {
        let v: Value = serde_json::from_str(F).unwrap();
        let as_json = |t: &str| JsonPath::parse(t).unwrap().execute_as_json(&v, true).unwrap();
        assert_eq!(
            as_json("{.spec.items[*].name}"),
            "[\n    \"a\",\n    \"b\",\n    \"c\",\n    \"d\"\n]\n"
        );
        assert_eq!(as_json("{.nope}"), "[]\n");
        assert_eq!(
            as_json("{.metadata.name}{.spec.items[0]}"),
            "[\n    \"p\"\n]\n[\n    {\n        \"b\": true,\n        \"f\": 1.5,\n        \"n\": 1,\n        \"name\": \"a\",\n        \"s\": \"x\"\n    }\n]\n"
        );
        assert_eq!(
            as_json("{range .spec.items[*]}{.name}{end}"),
            "[\n    \"a\"\n]\n[\n    \"b\"\n]\n[\n    \"c\"\n]\n[\n    \"d\"\n]\n"
        );
    }

    #[test]
    fn relaxes_like_kubectl() {
        assert_eq!(relaxed_expression("metadata.name").unwrap(), "{.metadata.name}");
        assert_eq!(relaxed_expression(".metadata.name").unwrap(), "{.metadata.name}");
        assert_eq!(relaxed_expression("{metadata.name}").unwrap(), "{.metadata.name}");
        assert_eq!(relaxed_expression("{.metadata.name}").unwrap(), "{.metadata.name}");
        assert_eq!(relaxed_expression("").unwrap(), "");
        assert_eq!(relaxed_expression(".").unwrap(), "{..}");
        assert!(relaxed_expression("{.metadata.name}x").is_err());
        assert!(relaxed_expression("{}").is_err());
    }
}
