//! Kubernetes name helpers: safe-encoded hashes (pod-template-hash) and the apimachinery name/label validators.

/// The alphabet of apimachinery `rand.String` / `rand.SafeEncodeString` (no vowels, no 0/1/3).
pub const ALPHANUMS: &str = "bcdfghjklmnpqrstvwxz2456789";

/// apimachinery `validation.DNS1123LabelMaxLength`.
pub const DNS1123_LABEL_MAX_LENGTH: usize = 63;
/// apimachinery `validation.DNS1123SubdomainMaxLength`.
pub const DNS1123_SUBDOMAIN_MAX_LENGTH: usize = 253;
/// apimachinery `validation.DNS1035LabelMaxLength`.
pub const DNS1035_LABEL_MAX_LENGTH: usize = 63;
/// apimachinery `validation.LabelValueMaxLength`.
pub const LABEL_VALUE_MAX_LENGTH: usize = 63;
const QUALIFIED_NAME_MAX_LENGTH: usize = 63;

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_ERR_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1123_SUBDOMAIN_ERR_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT: &str = "[a-z]([-a-z0-9]*[a-z0-9])?";
const DNS1035_LABEL_ERR_MSG: &str = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_NAME_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_ERR_MSG: &str =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const LABEL_VALUE_ERR_MSG: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/// apimachinery `rand.SafeEncodeString`: each character `c` becomes `ALPHANUMS[c % 27]`.
///
/// Upstream indexes per rune; for the ASCII digit strings it is used on this is
/// the same as mapping each byte.
pub fn safe_encode_string(s: &str) -> String {
    let alphabet = ALPHANUMS.as_bytes();
    s.chars()
        .map(|c| char::from(alphabet[(c as usize) % alphabet.len()]))
        .collect()
}

/// 32-bit FNV-1a of `bytes` (Go `hash/fnv.New32a`).
pub fn fnv32a(bytes: &[u8]) -> u32 {
    fnv32a_update(0x811c_9dc5, bytes)
}

fn fnv32a_update(mut hash: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// Port of kubernetes `controller.ComputeHash` over an already-serialized template.
///
/// Hashes `canonical_json` with FNV-32a; when `collision_count` is set, 8 more
/// bytes are written: the count as little-endian u32 followed by four zero bytes
/// (upstream allocates 8 bytes but `PutUint32` fills only 4). The decimal hash is
/// then passed through [`safe_encode_string`].
///
/// Upstream hashes a spew dump of the Go struct, so values differ from a real
/// cluster; the encoding and collision handling are the same.
pub fn template_hash(canonical_json: &str, collision_count: Option<i32>) -> String {
    let mut hash = fnv32a_update(0x811c_9dc5, canonical_json.as_bytes());
    if let Some(count) = collision_count {
        let mut buf = [0u8; 8];
        buf[..4].copy_from_slice(&(count as u32).to_le_bytes());
        hash = fnv32a_update(hash, &buf);
    }
    safe_encode_string(&hash.to_string())
}

/// apimachinery `validation.MaxLenError`.
pub fn max_len_error(length: usize) -> String {
    format!("must be no more than {length} characters")
}

/// apimachinery `validation.EmptyError`.
pub fn empty_error() -> String {
    "must be non-empty".to_string()
}

/// apimachinery `validation.RegexError` (note the double space before `or`, as upstream).
pub fn regex_error(msg: &str, fmt: &str, examples: &[&str]) -> String {
    if examples.is_empty() {
        return format!("{msg} (regex used for validation is '{fmt}')");
    }
    let mut out = format!("{msg} (e.g. ");
    for (i, example) in examples.iter().enumerate() {
        if i > 0 {
            out.push_str(" or ");
        }
        out.push('\'');
        out.push_str(example);
        out.push_str("', ");
    }
    out.push_str("regex used for validation is '");
    out.push_str(fmt);
    out.push_str("')");
    out
}

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// Matches `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`.
fn matches_dns1123_label(value: &str) -> bool {
    let b = value.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            is_lower_alnum(f) && is_lower_alnum(l) && b.iter().all(|&c| is_lower_alnum(c) || c == b'-')
        }
        _ => false,
    }
}

/// Matches the DNS-1123 subdomain regex: labels joined by single dots.
fn matches_dns1123_subdomain(value: &str) -> bool {
    value.split('.').all(matches_dns1123_label)
}

/// Matches `^[a-z]([-a-z0-9]*[a-z0-9])?$`.
fn matches_dns1035_label(value: &str) -> bool {
    let b = value.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            f.is_ascii_lowercase() && is_lower_alnum(l) && b.iter().all(|&c| is_lower_alnum(c) || c == b'-')
        }
        _ => false,
    }
}

/// Matches `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`.
fn matches_qualified_name(value: &str) -> bool {
    let b = value.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            f.is_ascii_alphanumeric()
                && l.is_ascii_alphanumeric()
                && b.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// apimachinery `validation.IsDNS1123Label` (object names of namespaces, services, ...).
pub fn is_dns1123_label(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_LABEL_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_LABEL_MAX_LENGTH));
    }
    if !matches_dns1123_label(value) {
        if matches_dns1123_subdomain(value) {
            errs.push("must not contain dots".to_string());
        } else {
            errs.push(regex_error(
                DNS1123_LABEL_ERR_MSG,
                DNS1123_LABEL_FMT,
                &["my-name", "123-abc"],
            ));
        }
    }
    errs
}

/// apimachinery `validation.IsDNS1123Subdomain` (most object names).
pub fn is_dns1123_subdomain(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_SUBDOMAIN_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if !matches_dns1123_subdomain(value) {
        errs.push(regex_error(
            DNS1123_SUBDOMAIN_ERR_MSG,
            DNS1123_SUBDOMAIN_FMT,
            &["example.com"],
        ));
    }
    errs
}

/// apimachinery `validation.IsDNS1035Label` (service names).
pub fn is_dns1035_label(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1035_LABEL_MAX_LENGTH {
        errs.push(max_len_error(DNS1035_LABEL_MAX_LENGTH));
    }
    if !matches_dns1035_label(value) {
        errs.push(regex_error(
            DNS1035_LABEL_ERR_MSG,
            DNS1035_LABEL_FMT,
            &["my-name", "abc-123"],
        ));
    }
    errs
}

/// apimachinery `validation.IsQualifiedName` (label and annotation keys).
pub fn is_qualified_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let parts: Vec<&str> = value.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errs.push(format!("prefix part {}", empty_error()));
            } else {
                for msg in is_dns1123_subdomain(prefix) {
                    errs.push(format!("prefix part {msg}"));
                }
            }
            *name
        }
        _ => {
            errs.push(format!(
                "a qualified name {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                regex_error(
                    QUALIFIED_NAME_ERR_MSG,
                    QUALIFIED_NAME_FMT,
                    &["MyName", "my.name", "123-abc"]
                )
            ));
            return errs;
        }
    };
    if name.is_empty() {
        errs.push(format!("name part {}", empty_error()));
    } else if name.len() > QUALIFIED_NAME_MAX_LENGTH {
        errs.push(format!("name part {}", max_len_error(QUALIFIED_NAME_MAX_LENGTH)));
    }
    if !matches_qualified_name(name) {
        errs.push(format!(
            "name part {}",
            regex_error(
                QUALIFIED_NAME_ERR_MSG,
                QUALIFIED_NAME_FMT,
                &["MyName", "my.name", "123-abc"]
            )
        ));
    }
    errs
}

/// apimachinery `validation.IsValidLabelValue`.
pub fn is_valid_label_value(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > LABEL_VALUE_MAX_LENGTH {
        errs.push(max_len_error(LABEL_VALUE_MAX_LENGTH));
    }
    if !value.is_empty() && !matches_qualified_name(value) {
        errs.push(regex_error(
            LABEL_VALUE_ERR_MSG,
            LABEL_VALUE_FMT,
            &["MyValue", "my_value", "12345"],
        ));
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_encode_digits() {
        // '0'..'9' are bytes 48..57 -> indices 21..26,0..3.
        assert_eq!(safe_encode_string("0123456789"), "456789bcdf");
        assert_eq!(ALPHANUMS.len(), 27);
        assert_eq!(safe_encode_string(""), "");
    }

    #[test]
    fn fnv32a_known_vectors() {
        assert_eq!(fnv32a(b""), 0x811c_9dc5);
        assert_eq!(fnv32a(b"a"), 0xe40c_292c);
        assert_eq!(fnv32a(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn template_hash_shape_and_collision() {
        let json = r#"{"metadata":{"labels":{"app":"web"}}}"#;
        let h = template_hash(json, None);
        assert_eq!(h, safe_encode_string(&fnv32a(json.as_bytes()).to_string()));
        assert!(h.len() <= 10 && !h.is_empty());
        assert!(h.chars().all(|c| "456789bcdf".contains(c)));
        // Some(0) still writes 8 zero bytes, so it differs from None.
        assert_ne!(template_hash(json, Some(0)), h);
        let mut bytes = json.as_bytes().to_vec();
        bytes.extend_from_slice(&[2, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(
            template_hash(json, Some(2)),
            safe_encode_string(&fnv32a(&bytes).to_string())
        );
        let mut neg = json.as_bytes().to_vec();
        neg.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
        assert_eq!(
            template_hash(json, Some(-1)),
            safe_encode_string(&fnv32a(&neg).to_string())
        );
        assert_eq!(template_hash(json, None), template_hash(json, None));
    }

    #[test]
    fn dns1123_label() {
        for ok in ["a", "ab", "a-b", "0", "a1", &"a".repeat(63)] {
            assert!(is_dns1123_label(ok).is_empty(), "{ok}");
        }
        let regex_msg = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
        assert_eq!(is_dns1123_label("My_App"), vec![regex_msg.to_string()]);
        assert_eq!(is_dns1123_label(""), vec![regex_msg.to_string()]);
        assert_eq!(is_dns1123_label("-a"), vec![regex_msg.to_string()]);
        assert_eq!(is_dns1123_label("a.b"), vec!["must not contain dots"]);
        assert_eq!(
            is_dns1123_label(&"a".repeat(64)),
            vec!["must be no more than 63 characters"]
        );
    }

    #[test]
    fn dns1123_subdomain() {
        for ok in ["a", "a.b", "example.com", "a-1.b-2", &"a".repeat(253)] {
            assert!(is_dns1123_subdomain(ok).is_empty(), "{ok}");
        }
        let msg = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
        for bad in ["My_App", "", ".a", "a.", "a..b", "a.-b", "UPPER"] {
            assert_eq!(is_dns1123_subdomain(bad), vec![msg.to_string()], "{bad}");
        }
        assert_eq!(
            is_dns1123_subdomain(&"a".repeat(254)),
            vec!["must be no more than 253 characters"]
        );
    }

    #[test]
    fn dns1035_label() {
        assert!(is_dns1035_label("my-svc").is_empty());
        let msg = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
        for bad in ["1abc", "no-domain.com", "a-", ""] {
            assert_eq!(is_dns1035_label(bad), vec![msg.to_string()], "{bad}");
        }
    }

    #[test]
    fn qualified_name() {
        for ok in ["app", "app.kubernetes.io/name", "A_b.c-D", "k8s.io/x", &"a".repeat(63)] {
            assert!(is_qualified_name(ok).is_empty(), "{ok}");
        }
        let name_regex = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
        assert_eq!(is_qualified_name("_a"), vec![name_regex.to_string()]);
        assert_eq!(
            is_qualified_name(""),
            vec!["name part must be non-empty".to_string(), name_regex.to_string()]
        );
        assert_eq!(is_qualified_name("/a"), vec!["prefix part must be non-empty"]);
        assert_eq!(
            is_qualified_name("Example.com/a"),
            vec![
                "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
            ]
        );
        assert_eq!(
            is_qualified_name(&"a".repeat(64)),
            vec!["name part must be no more than 63 characters"]
        );
        assert_eq!(
            is_qualified_name("a/b/c"),
            vec![
                "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ]
        );
    }

    #[test]
    fn label_value() {
        for ok in ["", "a", "my_value", "12345", "A.b-c_D", &"v".repeat(63)] {
            assert!(is_valid_label_value(ok).is_empty(), "{ok}");
        }
        let msg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
        assert_eq!(is_valid_label_value("-a"), vec![msg.to_string()]);
        assert_eq!(is_valid_label_value("a b"), vec![msg.to_string()]);
        assert_eq!(is_valid_label_value("é"), vec![msg.to_string()]);
        assert_eq!(
            is_valid_label_value(&format!("{}-", "a".repeat(63))),
            vec!["must be no more than 63 characters".to_string(), msg.to_string()]
        );
    }
}
