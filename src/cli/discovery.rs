//! `api-resources` and `api-versions`: API discovery answered from the kind registry.

use super::Output;
use crate::api::{Error, Kind};
use crate::printers::table::render;
use clap::Args;

#[derive(Args, Debug)]
pub struct ApiResourcesArgs {
    /// Output format: wide or name.
    #[arg(short = 'o', long)]
    pub output: Option<String>,
    /// If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub namespaced: Option<bool>,
    /// Limit to resources in the specified API group.
    #[arg(long)]
    pub api_group: Option<String>,
    /// Limit to resources that belong to the specified categories.
    #[arg(long, value_delimiter = ',')]
    pub categories: Vec<String>,
    /// When using the default or custom-column output format, don't print headers.
    #[arg(long)]
    pub no_headers: bool,
    /// If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.
    #[arg(long)]
    pub sort_by: Option<String>,
    /// Limit to resources that support the specified verbs.
    #[arg(long, value_delimiter = ',')]
    pub verbs: Vec<String>,
    /// Use the cached list of resources if available (accepted; kubesim has no cache).
    #[arg(long, num_args = 0..=1, default_missing_value = "true")]
    pub cached: Option<bool>,
}

#[derive(Args, Debug)]
pub struct ApiVersionsArgs {}

/// The verbs every kubesim resource serves, sorted as `-o wide` prints them.
const VERBS: [&str; 8] = [
    "create",
    "delete",
    "deletecollection",
    "get",
    "list",
    "patch",
    "update",
    "watch",
];

pub(super) fn run_resources(a: ApiResourcesArgs, out: &mut Output) -> Result<i32, Error> {
    let output = a.output.as_deref().unwrap_or("");
    if !matches!(output, "" | "wide" | "name") {
        return Err(Error::msg(format!("--output {output} is not available")));
    }
    if let Some(s) = a.sort_by.as_deref()
        && !matches!(s, "name" | "kind")
    {
        let _ = s;
        return Err(Error::msg("--sort-by accepts only name or kind"));
    }
    let mut kinds: Vec<Kind> = Kind::all()
        .filter(|k| {
            let i = k.info();
            a.namespaced.is_none_or(|n| n == i.namespaced)
                && a.api_group.as_deref().is_none_or(|g| g == i.group)
                && a.verbs.iter().all(|v| VERBS.contains(&v.as_str()))
                && a.categories.iter().all(|c| categories(*k).contains(&c.as_str()))
        })
        .collect();
    // kubectl sorts by group (or the --sort-by field), then by name.
    let key = |k: &Kind| -> (String, &'static str) {
        let i = k.info();
        let first = match a.sort_by.as_deref() {
            Some("name") => i.plural.to_string(),
            Some("kind") => i.name.to_string(),
            _ => i.group.to_string(),
        };
        (first, i.plural)
    };
    kinds.sort_by_key(key);
    if output == "name" {
        for k in kinds {
            let i = k.info();
            if i.group.is_empty() {
                out.line(i.plural);
            } else {
                out.line(format!("{}.{}", i.plural, i.group));
            }
        }
        return Ok(0);
    }
    let mut rows = Vec::new();
    if !a.no_headers {
        let mut h = vec!["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"];
        if output == "wide" {
            h.extend(["VERBS", "CATEGORIES"]);
        }
        rows.push(h.into_iter().map(String::from).collect());
    }
    for k in kinds {
        let i = k.info();
        let mut row = vec![
            i.plural.to_string(),
            i.short_names.join(","),
            k.api_version(),
            i.namespaced.to_string(),
            i.name.to_string(),
        ];
        if output == "wide" {
            row.push(VERBS.join(","));
            row.push(categories(k).join(","));
        }
        rows.push(row);
    }
    out.out(render(&rows));
    Ok(0)
}

/// Discovery categories: `all` for the kinds `get all` lists.
fn categories(k: Kind) -> Vec<&'static str> {
    if k.info().in_all { vec!["all"] } else { Vec::new() }
}

/// Every group/version served, sorted as kubectl prints them.
pub(super) fn api_versions() -> Vec<String> {
    let mut v: Vec<String> = Kind::all().map(|k| k.api_version()).collect();
    // HorizontalPodAutoscalers are also served as autoscaling/v1.
    v.push("autoscaling/v1".into());
    v.sort();
    v.dedup();
    v
}

pub(super) fn run_versions(_a: ApiVersionsArgs, out: &mut Output) -> Result<i32, Error> {
    for v in api_versions() {
        out.line(v);
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_sorted_like_kubectl() {
        let v = api_versions();
        assert_eq!(v.first().map(String::as_str), Some("apps/v1"));
        assert_eq!(v.last().map(String::as_str), Some("v1"));
        assert!(v.iter().position(|x| x == "autoscaling.k8s.io/v1") < v.iter().position(|x| x == "autoscaling/v1"));
    }
}
