//! `create configmap` and `create secret generic`: data from literals, files and env files, with
//! kubectl's key checks, and the base64 of secret data.

use super::ordered::{s, string_map};
use super::{Generated, object_meta};
use crate::api::{Error, Kind, Result};

/// Data entries of a ConfigMap or Secret from `--from-literal`, `--from-file` and
/// `--from-env-file`, with kubectl's key checks.
#[derive(Default, Debug)]
pub struct DataSources<'a> {
    pub literals: &'a [String],
    pub files: &'a [String],
    pub env_files: &'a [String],
}

fn valid_config_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 253
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && k != "."
        && k != ".."
        && !k.starts_with("..")
}

fn key_error(k: &str, what: &str) -> Error {
    Error::msg(format!(
        "{} is not a valid key name for a {what}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        crate::api::error::go_quote(k)
    ))
}

/// Reads the sources into (key, bytes) pairs, in order; `what` is `ConfigMap` or `Secret`.
fn collect_data(
    src: &DataSources<'_>,
    name: &str,
    what: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>>,
    list_dir: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Result<Vec<(String, Vec<u8>)>> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let add = |k: String, v: Vec<u8>, out: &mut Vec<(String, Vec<u8>)>| -> Result<()> {
        if !valid_config_key(&k) {
            return Err(key_error(&k, what));
        }
        if out.iter().any(|(x, _)| *x == k) {
            return Err(Error::msg(format!(
                "cannot add key {}, another key by that name already exists in Data for {what} {}",
                crate::api::error::go_quote(&k),
                crate::api::error::go_quote(name)
            )));
        }
        out.push((k, v));
        Ok(())
    };
    for f in src.files {
        let (key, path) = match f.split_once('=') {
            Some((k, p)) => (Some(k.to_string()), p.to_string()),
            None => (None, f.clone()),
        };
        if let Some(entries) = list_dir(&path) {
            if key.is_some() {
                return Err(Error::msg("cannot give a key name for a directory path"));
            }
            for e in entries {
                let full = format!("{}/{e}", path.trim_end_matches('/'));
                add(e, read(&full)?, &mut out)?;
            }
        } else {
            let k = key.unwrap_or_else(|| path.rsplit('/').next().unwrap_or(&path).to_string());
            add(k, read(&path)?, &mut out)?;
        }
    }
    for l in src.literals {
        let Some((k, v)) = l.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            return Err(Error::msg(format!("invalid literal source {l}, expected key=value")));
        };
        add(k.to_string(), v.as_bytes().to_vec(), &mut out)?;
    }
    for f in src.env_files {
        let text = String::from_utf8_lossy(&read(f)?).to_string();
        for line in text.lines() {
            let line = line.trim_start();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.split_once('=') {
                Some((k, v)) => add(k.to_string(), v.as_bytes().to_vec(), &mut out)?,
                None => return Err(Error::msg(format!("invalid env: {line}"))),
            }
        }
    }
    Ok(out)
}

/// Reads files for `--from-file` from the local filesystem.
pub fn read_local(path: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let m = e.to_string().to_lowercase();
        let m = m.split(" (os error").next().unwrap_or(&m).to_string();
        Error::msg(format!("error reading {path}: {m}"))
    })
}

/// Lists the regular files of a directory, sorted, or None when `path` is not a directory.
pub fn list_local(path: &str) -> Option<Vec<String>> {
    let rd = std::fs::read_dir(path).ok()?;
    let mut v: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    Some(v)
}

/// `kubectl create configmap NAME --from-literal/--from-file/--from-env-file`.
pub fn configmap(name: &str, ns: Option<&str>, src: &DataSources<'_>) -> Result<Generated> {
    let data = collect_data(src, name, "ConfigMap", &read_local, &list_local)?;
    let mut text = Vec::new();
    let mut binary = Vec::new();
    for (k, v) in data {
        match String::from_utf8(v) {
            Ok(t) => text.push((k, t)),
            Err(e) => binary.push((k, base64(e.as_bytes()))),
        }
    }
    let mut body = vec![("metadata", object_meta(Some(name), ns, &[], &[]))];
    if !text.is_empty() {
        body.push(("data", string_map(&text)));
    }
    if !binary.is_empty() {
        body.push(("binaryData", string_map(&binary)));
    }
    Ok(Generated::new(Kind::ConfigMap, name, body))
}

/// `kubectl create secret generic NAME ...`.
pub fn secret_generic(name: &str, ns: Option<&str>, type_: Option<&str>, src: &DataSources<'_>) -> Result<Generated> {
    let data = collect_data(src, name, "Secret", &read_local, &list_local)?;
    let data: Vec<(String, String)> = data.into_iter().map(|(k, v)| (k, base64(&v))).collect();
    let mut body = vec![("metadata", object_meta(Some(name), ns, &[], &[]))];
    if !data.is_empty() {
        body.push(("data", string_map(&data)));
    }
    if let Some(t) = type_.filter(|t| !t.is_empty()) {
        body.push(("type", s(t)));
    }
    Ok(Generated::new(Kind::Secret, name, body))
}

/// Standard base64 with padding.
pub fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b"b"), "Yg==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }
}
