//! `get`'s `-o`/`--template` flags resolved to a printer, in kubectl's order of printer families.

use crate::api::Error;
use crate::printers::custom_columns;
use crate::printers::jsonpath::JsonPath;

/// How the result is printed.
pub(in crate::cli) enum Printer {
    Table {
        wide: bool,
    },
    Json,
    Yaml,
    Name,
    JsonPath {
        path: JsonPath,
        as_json: bool,
    },
    Columns {
        cols: Vec<(String, JsonPath)>,
        no_headers: bool,
    },
}

impl Printer {
    pub(super) fn is_table(&self) -> bool {
        matches!(self, Printer::Table { .. })
    }
}

const ALLOWED_FORMATS: &str = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/// kubectl's printer flags (`-o`, `--template`, `--no-headers`): the first matching family wins,
/// in kubectl's order.
pub(in crate::cli) fn printer(
    output: Option<&str>,
    template: Option<&str>,
    no_headers: bool,
) -> Result<Printer, Error> {
    let format = output.unwrap_or("");
    let template = template.filter(|t| !t.is_empty());
    match (format, template) {
        ("", None) => return Ok(Printer::Table { wide: false }),
        ("wide", _) => return Ok(Printer::Table { wide: true }),
        ("json", _) => return Ok(Printer::Json),
        ("yaml", _) => return Ok(Printer::Yaml),
        ("name", _) => return Ok(Printer::Name),
        _ => {}
    }
    // `-o FORMAT=VALUE`, or `-o FORMAT --template VALUE`.
    let (name, value) = match template {
        Some(t) => (format, t.to_string()),
        None => match format.split_once('=') {
            Some((f, v)) => (f, v.to_string()),
            None => (format, String::new()),
        },
    };
    let no_compatible = || {
        Error::msg(format!(
            "unable to match a printer suitable for the output format \"{format}\", allowed formats are: {ALLOWED_FORMATS}"
        ))
    };
    match name {
        "" | "go-template" | "go-template-file" | "template" | "templatefile" => {
            if value.is_empty() {
                return Err(Error::msg("template format specified but no template given"));
            }
            Err(Error::msg(
                "go templates are not supported by kubesim; use -o jsonpath=... or -o custom-columns=...",
            ))
        }
        "jsonpath" | "jsonpath-file" | "jsonpath-as-json" => {
            if value.is_empty() {
                return Err(Error::msg("template format specified but no template given"));
            }
            let text = if name == "jsonpath-file" {
                std::fs::read_to_string(&value).map_err(|e| {
                    Error::msg(format!(
                        "error reading --template {value}, {}",
                        go_io_error("open", &value, &e)
                    ))
                })?
            } else {
                value
            };
            let path = JsonPath::parse(&text).map_err(|e| Error::msg(e.trim_end_matches('\n').to_string()))?;
            Ok(Printer::JsonPath {
                path,
                as_json: name == "jsonpath-as-json",
            })
        }
        "custom-columns" | "custom-columns-file" => {
            if value.is_empty() {
                return Err(Error::msg(
                    "custom-columns format specified but no custom columns given",
                ));
            }
            if name == "custom-columns-file" {
                let text = std::fs::read_to_string(&value).map_err(|e| {
                    Error::msg(format!(
                        "error reading template {value}, {}",
                        go_io_error("open", &value, &e)
                    ))
                })?;
                // kubectl's file-based custom-columns printer ignores --no-headers.
                let cols = custom_columns::parse_file(&text).map_err(Error::msg)?;
                Ok(Printer::Columns {
                    cols,
                    no_headers: false,
                })
            } else {
                let cols = custom_columns::parse_spec(&value).map_err(Error::msg)?;
                Ok(Printer::Columns { cols, no_headers })
            }
        }
        _ => Err(no_compatible()),
    }
}

/// An `os` error as Go prints it: `open /x: no such file or directory`.
fn go_io_error(op: &str, path: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let reason = match e.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => return format!("read {path}: is a directory"),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    };
    format!("{op} {path}: {reason}")
}
