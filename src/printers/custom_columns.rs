//! kubectl's `-o custom-columns=` / `custom-columns-file=` column specs and the cells they render.

use serde_json::Value;

use crate::printers::jsonpath::JsonPath;
use crate::printers::jsonpath::{go_value_string, relaxed_expression};

/// Rows rendered before a column template failed on an item, and kubectl's error text.
/// kubectl prints the rows (through its tab writer) and then `error: {message}`.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderError {
    pub rows: Vec<Vec<String>>,
    pub message: String,
}

/// Parses `NAME:.metadata.name,RSRCVER:.metadata.resourceVersion`. Errors are kubectl's texts
/// (to print after `error: `). kubectl only parses the templates when it prints the first
/// object (after the header line); here a template syntax error is reported up front.
pub fn parse_spec(spec: &str) -> Result<Vec<(String, JsonPath)>, String> {
    if spec.is_empty() {
        return Err("custom-columns format specified but no custom columns given".to_string());
    }
    let mut columns = Vec::new();
    for part in spec.split(',') {
        let Some((header, path)) = part.split_once(':') else {
            return Err(format!(
                "unexpected custom-columns spec: {part}, expected <header>:<json-path-expr>"
            ));
        };
        columns.push((header.to_string(), relaxed_expression(path)?));
    }
    compile(columns)
}

/// Parses a `custom-columns-file`: a line of whitespace-separated headers, then a line of
/// whitespace-separated JSONPath specs; further lines are ignored.
pub fn parse_file(contents: &str) -> Result<Vec<(String, JsonPath)>, String> {
    let mut lines = contents
        .split_inclusive('\n')
        .map(|l| l.strip_suffix('\n').unwrap_or(l))
        .map(|l| l.strip_suffix('\r').unwrap_or(l));
    let expected = "Expected format is one line of space separated headers, one line of space separated column specs.";
    let headers: Vec<&str> = lines
        .next()
        .ok_or_else(|| format!("invalid template, missing header line. {expected}"))?
        .split_whitespace()
        .collect();
    let specs: Vec<&str> = lines
        .next()
        .ok_or_else(|| format!("invalid template, missing spec line. {expected}"))?
        .split_whitespace()
        .collect();
    if headers.len() != specs.len() {
        return Err(format!(
            "number of headers ({}) and field specifications ({}) don't match",
            headers.len(),
            specs.len()
        ));
    }
    let mut columns = Vec::new();
    for (header, spec) in headers.into_iter().zip(specs) {
        columns.push((header.to_string(), relaxed_expression(spec)?));
    }
    compile(columns)
}

fn compile(columns: Vec<(String, String)>) -> Result<Vec<(String, JsonPath)>, String> {
    columns
        .into_iter()
        .map(|(header, template)| Ok((header, JsonPath::parse_bare(&template)?)))
        .collect()
}

/// The header row (unless `no_headers`) and one row per item. A cell joins every value the
/// column's template finds with `,`, each printed as Go's `%v` (maps as `map[k:v]`, arrays as
/// `[a b]`, null as `<nil>`); no value gives `<none>`. Missing keys are allowed. Items are the
/// objects kubectl prints one by one: the `items` of a list, or the single object.
pub fn render_rows(
    cols: &[(String, JsonPath)],
    items: &[Value],
    no_headers: bool,
) -> Result<Vec<Vec<String>>, RenderError> {
    let mut rows = Vec::new();
    if !no_headers {
        rows.push(cols.iter().map(|(header, _)| header.clone()).collect());
    }
    for item in items {
        let mut row = Vec::new();
        for (_, path) in cols {
            let values = match path.find_results(item, true) {
                Ok(values) => values,
                Err(message) => return Err(RenderError { rows, message }),
            };
            let mut cell = Vec::new();
            if values.first().is_none_or(Vec::is_empty) {
                cell.push("<none>".to_string());
            }
            cell.extend(values.iter().flatten().map(go_value_string));
            row.push(cell.join(","));
        }
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pods the fake API server returned to `kubectl get pods -o custom-columns=...`.
    fn pods() -> Vec<Value> {
        let specs = r#"[{"name":"a","n":1,"f":1.5,"b":true,"s":"x"},{"name":"b","n":2,"f":2.5,"b":false},{"name":"c","n":3,"tags":["t1","t2"],"o":{"k":"v"},"z":null},{"name":"d"}]"#;
        let specs: Vec<Value> = serde_json::from_str(specs).unwrap();
        specs
            .into_iter()
            .map(|spec| {
                let name = spec["name"].clone();
                serde_json::json!({"apiVersion": "v1", "kind": "Pod",
                    "metadata": {"name": name, "namespace": "default"}, "spec": spec})
            })
            .collect()
    }

    fn table(rows: &[Vec<String>]) -> Vec<String> {
        rows.iter().map(|r| r.join("|")).collect()
    }

    #[test]
    fn cells_match_kubectl() {
        let cols = parse_spec(
            "NAME:.metadata.name,N:.spec.n,OBJ:.spec.o,TAGS:.spec.tags,Z:.spec.z,NONE:.spec.nope,B:.spec.b,F:.spec.f,T:.spec.tags[*],M:{.metadata},E:",
        )
        .unwrap();
        let rows = render_rows(&cols, &pods(), false).unwrap();
        assert_eq!(
            table(&rows),
            [
                "NAME|N|OBJ|TAGS|Z|NONE|B|F|T|M|E",
                "a|1|<none>|<none>|<none>|<none>|true|1.5|<none>|map[name:a namespace:default]|<none>",
                "b|2|<none>|<none>|<none>|<none>|false|2.5|<none>|map[name:b namespace:default]|<none>",
                "c|3|map[k:v]|[t1 t2]|<nil>|<none>|<none>|<none>|t1,t2|map[name:c namespace:default]|<none>",
                "d|<none>|<none>|<none>|<none>|<none>|<none>|<none>|<none>|map[name:d namespace:default]|<none>",
            ]
        );
        let cols =
            parse_spec("A:metadata.name,B:{metadata.name},C:{.metadata.name},D:.metadata.name:x,F:.spec.tags[1]")
                .unwrap();
        let rows = render_rows(&cols, &pods(), true).unwrap();
        assert_eq!(
            table(&rows),
            [
                "a|a|a|<none>|<none>",
                "b|b|b|<none>|<none>",
                "c|c|c|<none>|t2",
                "d|d|d|<none>|<none>"
            ]
        );
    }

    #[test]
    fn errors_match_kubectl() {
        let err = |spec: &str| parse_spec(spec).unwrap_err();
        assert_eq!(err(""), "custom-columns format specified but no custom columns given");
        assert_eq!(
            err("A"),
            "unexpected custom-columns spec: A, expected <header>:<json-path-expr>"
        );
        assert_eq!(
            err("A:.metadata.name,B"),
            "unexpected custom-columns spec: B, expected <header>:<json-path-expr>"
        );
        assert_eq!(
            err("A:.metadata.name,"),
            "unexpected custom-columns spec: , expected <header>:<json-path-expr>"
        );
        assert_eq!(
            err("A:{.metadata.name}x"),
            "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"
        );
        assert_eq!(err("A:{.a[}"), "unterminated array");
        let cols = parse_spec("A:.spec.tags[5]").unwrap();
        let failed = render_rows(&cols, &pods(), false).unwrap_err();
        assert_eq!(failed.message, "array index out of bounds: index 5, length 2");
        assert_eq!(table(&failed.rows), ["A", "<none>", "<none>"]);
        let cols = parse_spec("A:.spec.f[0]").unwrap();
        assert_eq!(
            render_rows(&cols, &pods(), false).unwrap_err().message,
            "float64 is not array or slice"
        );
    }

    #[test]
    fn files_match_kubectl() {
        let cols = parse_file("NAME  N\n  .metadata.name\t{.spec.n}\nignored\n").unwrap();
        assert_eq!(
            table(&render_rows(&cols, &pods(), false).unwrap()),
            ["NAME|N", "a|1", "b|2", "c|3", "d|<none>"]
        );
        let cols = parse_file("A\r\n.metadata.name\r\n").unwrap();
        assert_eq!(table(&render_rows(&cols, &pods()[..1], false).unwrap()), ["A", "a"]);
        let cols = parse_file("\n\n").unwrap();
        assert_eq!(table(&render_rows(&cols, &pods()[..1], false).unwrap()), ["", ""]);
        let expected =
            "Expected format is one line of space separated headers, one line of space separated column specs.";
        assert_eq!(
            parse_file("").unwrap_err(),
            format!("invalid template, missing header line. {expected}")
        );
        assert_eq!(
            parse_file("NAME\n").unwrap_err(),
            format!("invalid template, missing spec line. {expected}")
        );
        assert_eq!(
            parse_file("A B\n.metadata.name\n").unwrap_err(),
            "number of headers (2) and field specifications (1) don't match"
        );
        assert_eq!(parse_file("A\n{.a[}\n").unwrap_err(), "unterminated array");
    }
}
