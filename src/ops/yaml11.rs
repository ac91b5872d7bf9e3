//! YAML 1.1 plain scalars that kubectl (sigs.k8s.io/yaml, a go-yaml v2 fork) resolves differently
//! from serde_yaml's YAML 1.2: `0644` is octal, `yes`/`on`/`y` are booleans, `1_000` is a number.
//! Such values in `key: value` and `- value` lines are rewritten to their YAML 1.2 spelling before
//! parsing; quoted scalars, block scalars and comments are left alone.

use std::borrow::Cow;

/// The manifest text with YAML 1.1-only plain scalars respelled for a YAML 1.2 parser.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut changed = false;
    // Inside a block scalar (`|`, `>`): lines indented deeper than `indent` are its content.
    let mut block: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        if let Some(parent) = block {
            if body.trim().is_empty() || indent > parent {
                out.push_str(line);
                continue;
            }
            block = None;
        }
        let Some((key_col, start, value)) = scalar_value(body) else {
            out.push_str(line);
            continue;
        };
        // A block scalar (`|`, `>`, after an optional tag or anchor): its content is indented
        // deeper than the key that introduces it.
        let indicator = value.split_whitespace().find(|t| !t.starts_with(['!', '&']));
        if indicator.is_some_and(|t| t.starts_with(['|', '>'])) {
            block = Some(key_col);
        }
        match respell(value) {
            Some(new) => {
                changed = true;
                out.push_str(&body[..start]);
                out.push_str(&new);
                out.push_str(&body[start + value.len()..]);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// For `key: value`, `- value` and `- key: value` lines: the column of the node the value belongs
/// to, where the value starts, and the value (without a trailing comment). Other lines (the
/// continuation of a multi-line scalar, say) have none.
fn scalar_value(line: &str) -> Option<(usize, usize, &str)> {
    let mut rest = line.trim_start();
    let mut start = line.len() - rest.len();
    let mut dashed = false;
    while let Some(r) = rest.strip_prefix("- ") {
        let r2 = r.trim_start();
        start += rest.len() - r2.len();
        rest = r2;
        dashed = true;
    }
    let key_col = start;
    if !rest.starts_with(['"', '\'', '#', '{', '[']) {
        match find_key_colon(rest) {
            Some(colon) => {
                let after = &rest[colon + 1..];
                let v = after.trim_start();
                start += colon + 1 + (after.len() - v.len());
                rest = v;
            }
            None if !dashed => return None,
            None => {}
        }
    } else if rest.starts_with(['"', '\'']) {
        // A quoted key: find its end, then the colon after it.
        let q = rest.as_bytes()[0] as char;
        let end = rest[1..].find(q)? + 1;
        let after = rest[end + 1..].strip_prefix(':')?;
        let v = after.trim_start();
        start += end + 2 + (after.len() - v.len());
        rest = v;
    }
    let value = match rest.find(" #") {
        Some(i) => rest[..i].trim_end(),
        None => rest.trim_end(),
    };
    (!value.is_empty()).then_some((key_col, start, value))
}

/// The colon that ends a plain mapping key (`: ` or at the end of the line).
fn find_key_colon(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len()).find(|&i| b[i] == b':' && (i + 1 == b.len() || b[i + 1] == b' '))
}

/// The YAML 1.2 spelling of a plain scalar that YAML 1.1 resolves to a bool or an int, if it
/// differs.
fn respell(v: &str) -> Option<String> {
    match v {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => return Some("true".into()),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => return Some("false".into()),
        _ => {}
    }
    let (sign, digits) = match v.strip_prefix(['-', '+']) {
        Some(d) => (&v[..1], d),
        None => ("", v),
    };
    // An int starts with a digit (`_1` is a string).
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let plain = digits.replace('_', "");
    if plain.len() > 1 && plain.starts_with('0') && plain.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let n = i64::from_str_radix(&plain, 8).ok()?;
        return Some(format!("{}{n}", if sign == "-" { "-" } else { "" }));
    }
    if digits.contains('_') && plain.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("{sign}{plain}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::normalize;

    /// What `kubectl label --local -f - x=y -o json` makes of the same scalars.
    #[test]
    fn resolves_like_kubectl() {
        let text = "data:\n  b: yes\n  d: 1_000\n  e: 012\n  h: on\n  q: \"yes\"\n  s: '0644'\n  z: 0\n  v: 1.10\n";
        let want = "data:\n  b: true\n  d: 1000\n  e: 10\n  h: true\n  q: \"yes\"\n  s: '0644'\n  z: 0\n  v: 1.10\n";
        assert_eq!(normalize(text), want);
        let vol = "  volumes:\n  - name: s\n    secret:\n      defaultMode: 0400 # owner read\n  - 0755\n";
        let want = "  volumes:\n  - name: s\n    secret:\n      defaultMode: 256 # owner read\n  - 493\n";
        assert_eq!(normalize(vol), want);
    }

    #[test]
    fn leaves_continuations_and_other_strings_alone() {
        // The continuation of a long plain scalar (as an editor or our YAML printer wraps it).
        let text = "  command: mkdir -p /data && chmod\n    0755\n  flag: _1\n  list:\n  - on\n";
        assert_eq!(
            normalize(text),
            "  command: mkdir -p /data && chmod\n    0755\n  flag: _1\n  list:\n  - true\n"
        );
        // Block scalars under a list item, and after a tag.
        let text = "- script: |\n    mode: 0644\n  after: yes\n- data: !!str |\n    yes\n";
        assert_eq!(
            normalize(text),
            "- script: |\n    mode: 0644\n  after: true\n- data: !!str |\n    yes\n"
        );
    }

    #[test]
    fn leaves_block_scalars_and_unchanged_text_alone() {
        let text = "data:\n  script: |\n    mode: 0644\n    ok: yes\n  after: no\n";
        assert_eq!(
            normalize(text),
            "data:\n  script: |\n    mode: 0644\n    ok: yes\n  after: false\n"
        );
        let plain = "a: 1\nb: true\n";
        assert!(matches!(normalize(plain), std::borrow::Cow::Borrowed(_)));
    }
}
