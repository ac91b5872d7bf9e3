//! Go's string renderings as kubectl shows them: `strconv.Quote` (`%q`), `strconv.IsPrint`, and
//! `encoding/json`'s HTML-safe string escaping.

/// Approximates Go's `strconv.IsPrint` (letters, marks, numbers, punctuation, symbols, ASCII space).
pub fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
        | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xE000..=0xF8FF | 0xE0001..=0xE007F | 0xF0000..)
}

/// Go's `strconv.Quote` (also `%q` and the string form of `%#v`), as API messages quote names and
/// values.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if is_print(c) => out.push(c),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Appends `s` as `encoding/json` writes a string: quoted, HTML-safe (`<`, `>`, `&` and the JS line
/// separators as `\u` escapes), with Go's short escapes for `\b` and `\f`.
pub fn go_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || matches!(c, '<' | '>' | '&' | '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matches_strconv() {
        assert_eq!(go_quote("web-1"), "\"web-1\"");
        assert_eq!(go_quote("a\"b\\c\n\t\u{1}\u{7f}é"), "\"a\\\"b\\\\c\\n\\t\\x01\\x7fé\"");
        assert_eq!(go_quote("\u{a0}\u{feff}😀"), "\"\\u00a0\\ufeff😀\"");
    }

    #[test]
    fn json_strings_are_html_safe() {
        let mut out = String::new();
        go_json_string(&mut out, "a<&>\u{8}\u{1}\u{2028}é");
        assert_eq!(out, "\"a\\u003c\\u0026\\u003e\\b\\u0001\\u2028é\"");
    }
}
