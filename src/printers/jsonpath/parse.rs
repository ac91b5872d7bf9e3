//! Parser for kubectl's JSONPath template language (a port of client-go `util/jsonpath` parser.go and node.go).

use super::gofmt::go_unicode;

/// One of the `start:end:step` parameters of an array node.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Param {
    pub(super) value: i64,
    /// Whether the value was given in the template.
    pub(super) known: bool,
    /// Whether `end` was derived from `start` (`[n]` means `[n:n+1]`).
    pub(super) derived: bool,
}

/// A node of the parsed template, as client-go's node types.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Node {
    Text(String),
    List(Vec<Node>),
    Field(String),
    Identifier(String),
    Array([Param; 3]),
    Filter {
        left: Vec<Node>,
        right: Vec<Node>,
        op: String,
    },
    Int(i64),
    Float(f64),
    Bool(bool),
    Wildcard,
    Recursive,
    Union(Vec<Vec<Node>>),
}

/// Parses a whole template into its top-level text and action nodes.
pub(super) fn parse(text: &str) -> Result<Vec<Node>, String> {
    let mut p = Parser {
        input: text,
        pos: 0,
        start: 0,
        width: 0,
    };
    let mut root = Vec::new();
    p.parse_text(&mut root)?;
    Ok(root)
}

/// Parses `text` as the inside of one action (`{text}`), returning its nodes.
fn parse_action(text: &str) -> Result<Vec<Node>, String> {
    let mut root = parse(&format!("{{{text}}}"))?;
    match root.first_mut() {
        Some(Node::List(nodes)) => Ok(std::mem::take(nodes)),
        _ => Ok(Vec::new()),
    }
}

struct Parser<'a> {
    input: &'a str,
    pos: usize,
    start: usize,
    width: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        self.input.get(self.pos..).unwrap_or("")
    }

    fn consume(&mut self) -> String {
        let value = self.input.get(self.start..self.pos).unwrap_or("");
        self.start = self.pos;
        value.to_string()
    }

    fn next(&mut self) -> Option<char> {
        match self.rest().chars().next() {
            Some(c) => {
                self.width = c.len_utf8();
                self.pos += self.width;
                Some(c)
            }
            None => {
                self.width = 0;
                None
            }
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.rest().chars().next()
    }

    fn backup(&mut self) {
        self.pos -= self.width;
    }

    /// The byte two positions before `pos` (the one preceding the rune just read).
    fn escaped(&self) -> bool {
        self.pos >= 2 && self.input.as_bytes().get(self.pos - 2) == Some(&b'\\')
    }

    fn parse_text(&mut self, root: &mut Vec<Node>) -> Result<(), String> {
        loop {
            loop {
                if self.rest().starts_with('{') {
                    if self.pos > self.start {
                        root.push(Node::Text(self.consume()));
                    }
                    break;
                }
                if self.next().is_none() {
                    if self.pos > self.start {
                        root.push(Node::Text(self.consume()));
                    }
                    return Ok(());
                }
            }
            self.pos += 1;
            self.consume();
            let mut list = Vec::new();
            self.parse_inside_action(&mut list)?;
            root.push(Node::List(list));
        }
    }

    /// Parses action contents up to and including the closing `}`.
    fn parse_inside_action(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        loop {
            let rest = self.rest();
            if rest.starts_with('}') {
                self.pos += 1;
                self.consume();
                return Ok(());
            }
            if rest.starts_with("[?(") {
                self.parse_filter(cur)?;
                continue;
            }
            if rest.starts_with("..") {
                self.parse_recursive(cur)?;
                continue;
            }
            match self.next() {
                None | Some('\r') | Some('\n') => return Err("unclosed action".to_string()),
                Some(' ') | Some('@') | Some('$') => {
                    self.consume();
                }
                Some('[') => self.parse_array(cur)?,
                Some(q @ ('"' | '\'')) => self.parse_quote(cur, q)?,
                Some('.') => self.parse_field(cur),
                Some(r) if r == '+' || r == '-' || r.is_numeric() => {
                    self.backup();
                    self.parse_number(cur)?;
                }
                Some(r) if is_alpha_numeric(r) => {
                    self.backup();
                    self.parse_identifier(cur);
                }
                Some(r) => {
                    return Err(format!("unrecognized character in action: {}", go_unicode(r)));
                }
            }
        }
    }

    fn parse_identifier(&mut self, cur: &mut Vec<Node>) {
        loop {
            let r = self.next();
            if is_terminator(r) {
                self.backup();
                break;
            }
        }
        let value = self.consume();
        cur.push(match value.as_str() {
            "true" => Node::Bool(true),
            "false" => Node::Bool(false),
            _ => Node::Identifier(value),
        });
    }

    fn parse_recursive(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        if matches!(cur.last(), Some(Node::Recursive)) {
            return Err("invalid multiple recursive descent".to_string());
        }
        self.pos += 2;
        self.consume();
        cur.push(Node::Recursive);
        if self.peek().is_some_and(is_alpha_numeric) {
            self.parse_field(cur);
        }
        Ok(())
    }

    fn parse_number(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        if matches!(self.peek(), Some('+' | '-')) {
            self.next();
        }
        loop {
            match self.next() {
                Some(r) if r == '.' || r.is_numeric() => {}
                _ => {
                    self.backup();
                    break;
                }
            }
        }
        let value = self.consume();
        if let Ok(i) = value.parse::<i64>() {
            cur.push(Node::Int(i));
        } else if let Some(f) = value.parse::<f64>().ok().filter(|f| f.is_finite()) {
            cur.push(Node::Float(f));
        } else {
            return Err(format!("cannot parse number {value}"));
        }
        Ok(())
    }

    fn parse_array(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated array".to_string()),
                Some(']') => break,
                Some(_) => {}
            }
        }
        let text = self.consume();
        let mut inner = text.get(1..text.len() - 1).unwrap_or("");
        if inner == "*" {
            inner = ":";
        }
        let parts: Vec<&str> = inner.split(',').collect();
        if parts.len() > 1 {
            let mut union = Vec::new();
            for part in parts {
                union.push(parse_action(&format!("[{}]", part.trim_matches(' ')))?);
            }
            cur.push(Node::Union(union));
            return Ok(());
        }
        if inner.len() >= 2
            && inner.starts_with('\'')
            && inner.ends_with('\'')
            && !inner[1..inner.len() - 1].contains('\'')
        {
            cur.extend(parse_action(&format!(".{}", &inner[1..inner.len() - 1]))?);
            return Ok(());
        }
        cur.push(Node::Array(parse_slice(inner)?));
        Ok(())
    }

    fn parse_filter(&mut self, cur: &mut Vec<Node>) -> Result<(), String> {
        self.pos += 3;
        self.consume();
        let (mut begin, mut end, mut pair) = (false, false, '"');
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated filter".to_string()),
                Some(r @ ('"' | '\'')) => {
                    if !begin {
                        begin = true;
                        pair = r;
                    } else if !self.escaped() && r == pair {
                        end = true;
                    }
                }
                Some(')') if begin == end => break,
                Some(_) => {}
            }
        }
        if self.next() != Some(']') {
            return Err("unclosed array expect ]".to_string());
        }
        let text = self.consume();
        let text = text.get(..text.len() - 2).unwrap_or("");
        match split_comparison(text) {
            Some((left, op, right)) => cur.push(Node::Filter {
                left: parse_action(left)?,
                right: parse_action(right)?,
                op: op.to_string(),
            }),
            None => cur.push(Node::Filter {
                left: parse_action(text)?,
                right: Vec::new(),
                op: "exists".to_string(),
            }),
        }
        Ok(())
    }

    fn parse_quote(&mut self, cur: &mut Vec<Node>, end: char) -> Result<(), String> {
        loop {
            match self.next() {
                None | Some('\n') => return Err("unterminated quoted string".to_string()),
                Some(r) if r == end && !self.escaped() => break,
                Some(_) => {}
            }
        }
        let value = self.consume();
        match unquote_extend(&value) {
            Some(s) => cur.push(Node::Text(s)),
            None => return Err(format!("unquote string {value} error invalid syntax")),
        }
        Ok(())
    }

    fn parse_field(&mut self, cur: &mut Vec<Node>) {
        self.consume();
        loop {
            let r = self.next();
            if r == Some('\\') {
                self.next();
            } else if is_terminator(r) {
                self.backup();
                break;
            }
        }
        let value = self.consume();
        cur.push(if value == "*" {
            Node::Wildcard
        } else {
            Node::Field(value.replace('\\', ""))
        });
    }
}

/// Emulates the regexp `^([^!<>=]+)([!<>=]+)(.+?)$` used for filter comparisons.
fn split_comparison(text: &str) -> Option<(&str, &str, &str)> {
    let is_op = |c: char| matches!(c, '!' | '<' | '>' | '=');
    let left_end = text.find(is_op)?;
    if left_end == 0 {
        return None;
    }
    let after = &text[left_end..];
    let op_len = after.find(|c: char| !is_op(c)).unwrap_or(after.len());
    if op_len == after.len() {
        // The lazy `(.+?)` still needs one character: give it the last operator byte.
        if op_len < 2 {
            return None;
        }
        return Some((&text[..left_end], &after[..op_len - 1], &after[op_len - 1..]));
    }
    Some((&text[..left_end], &after[..op_len], &after[op_len..]))
}

/// Emulates `^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$` and client-go's parameter derivation.
fn parse_slice(text: &str) -> Result<[Param; 3], String> {
    let invalid = || format!("invalid array index {text}");
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3 {
        return Err(invalid());
    }
    for part in &parts {
        let digits = part.strip_prefix('-').unwrap_or(part);
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
    }
    let mut params = [Param::default(); 3];
    for i in 0..3 {
        match parts.get(i) {
            Some(value) if i == 0 && !value.is_empty() || i > 0 => {
                if i > 0 && value.is_empty() {
                    params[i].known = false;
                } else {
                    params[i].known = true;
                    params[i].value = value
                        .parse::<i64>()
                        .map_err(|_| format!("array index {value} is not a number"))?;
                }
            }
            _ if i == 1 => {
                params[1] = Param {
                    value: params[0].value.wrapping_add(1),
                    known: true,
                    derived: true,
                };
            }
            _ => {}
        }
    }
    Ok(params)
}

/// Go's `UnquoteExtend`: `strconv.Unquote` that also accepts single-quoted strings.
fn unquote_extend(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let quote = *bytes.first()?;
    if bytes.len() < 2 || bytes[bytes.len() - 1] != quote || (quote != b'"' && quote != b'\'') {
        return None;
    }
    let mut rest = &s[1..s.len() - 1];
    if !rest.contains('\\') && !rest.contains(quote as char) {
        return Some(rest.to_string());
    }
    let mut out: Vec<u8> = Vec::new();
    while let Some(c) = rest.chars().next() {
        if c == quote as char {
            return None;
        }
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let esc = *rest.as_bytes().get(1).filter(|b| b.is_ascii())?;
        rest = &rest[2..];
        let simple = match esc {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            b'\\' => Some(b'\\'),
            b'\'' | b'"' if esc == quote => Some(esc),
            _ => None,
        };
        if let Some(b) = simple {
            out.push(b);
            continue;
        }
        match esc {
            b'x' | b'u' | b'U' => {
                let n = match esc {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = rest.get(..n)?;
                let v = u32::from_str_radix(hex, 16).ok()?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                rest = &rest[n..];
                if esc == b'x' {
                    out.push(v as u8);
                } else {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(char::from_u32(v)?.encode_utf8(&mut buf).as_bytes());
                }
            }
            b'0'..=b'7' => {
                let oct = rest.get(..2)?;
                let mut v = u32::from(esc - b'0');
                for d in oct.bytes() {
                    if !(b'0'..=b'7').contains(&d) {
                        return None;
                    }
                    v = (v << 3) | u32::from(d - b'0');
                }
                rest = &rest[2..];
                out.push(u8::try_from(v).ok()?);
            }
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

fn is_terminator(r: Option<char>) -> bool {
    match r {
        None => true,
        Some(c) => matches!(
            c,
            ' ' | '\t' | '\r' | '\n' | '.' | ',' | '[' | ']' | '$' | '@' | '{' | '}'
        ),
    }
}

fn is_alpha_numeric(r: char) -> bool {
    r == '_' || r.is_alphabetic() || r.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str) -> Node {
        Node::Field(s.to_string())
    }

    #[test]
    fn parses_text_and_fields() {
        assert_eq!(
            parse("a{.b.c}d").unwrap(),
            vec![
                Node::Text("a".into()),
                Node::List(vec![field("b"), field("c")]),
                Node::Text("d".into()),
            ]
        );
        assert_eq!(parse(r"{.x\.y}").unwrap(), vec![Node::List(vec![field("x.y")])]);
        assert_eq!(parse("{.metadata.name}}").unwrap()[1], Node::Text("}".into()));
    }

    #[test]
    fn parses_slices() {
        let p = |v, d| Param {
            value: v,
            known: true,
            derived: d,
        };
        let u = Param::default();
        let arr = |s: &str| match &parse(s).unwrap()[0] {
            Node::List(n) => n[0].clone(),
            other => other.clone(),
        };
        assert_eq!(arr("{[1]}"), Node::Array([p(1, false), p(2, true), u]));
        assert_eq!(arr("{[*]}"), Node::Array([u, u, u]));
        assert_eq!(arr("{[]}"), Node::Array([u, p(1, true), u]));
        assert_eq!(arr("{[::2]}"), Node::Array([u, u, p(2, false)]));
        assert_eq!(arr("{[-1:]}"), Node::Array([p(-1, false), u, u]));
    }

    #[test]
    fn splits_filter_comparisons() {
        assert_eq!(split_comparison("@.a==1"), Some(("@.a", "==", "1")));
        assert_eq!(split_comparison("@.a=="), Some(("@.a", "=", "=")));
        assert_eq!(split_comparison("@.a="), None);
        assert_eq!(split_comparison("==1"), None);
        assert_eq!(split_comparison("@.a"), None);
    }

    #[test]
    fn unquotes_like_go() {
        assert_eq!(unquote_extend(r#""a\tb""#).as_deref(), Some("a\tb"));
        assert_eq!(unquote_extend(r"'\u00e9\x41\101'").as_deref(), Some("éAA"));
        assert_eq!(unquote_extend(r#""\xc3\xa9""#).as_deref(), Some("é"));
        assert_eq!(unquote_extend(r#""\q""#), None);
        assert_eq!(unquote_extend(r#""\'""#), None);
        assert_eq!(unquote_extend(r#""\x""#), None);
        assert_eq!(unquote_extend("\"\\é\""), None);
    }

    /// Parse error texts as printed by kubectl v1.32.4 after `error parsing jsonpath T, `.
    #[test]
    fn parse_errors_match_kubectl() {
        let cases = [
            ("{.a[}", "unterminated array"),
            ("x{.metadata.name", "unclosed action"),
            ("}{", "unclosed action"),
            ("{.a\nb}", "unclosed action"),
            ("{\"a}", "unterminated quoted string"),
            ("{..*}", "unrecognized character in action: U+002A '*'"),
            ("{.kind,.metadata.name}", "unrecognized character in action: U+002C ','"),
            ("{\t.kind}", "unrecognized character in action: U+0009"),
            ("{#}", "unrecognized character in action: U+0023 '#'"),
            ("{.a[1:2:3:4]}", "invalid array index 1:2:3:4"),
            ("{.a[x]}", "invalid array index x"),
            ("{.a[ 1 ]}", "invalid array index  1 "),
            ("{.a[+1]}", "invalid array index +1"),
            ("{.a[-]}", "array index - is not a number"),
            ("{.a[1:-]}", "array index - is not a number"),
            (
                "{.a[99999999999999999999]}",
                "array index 99999999999999999999 is not a number",
            ),
            ("{....a}", "invalid multiple recursive descent"),
            ("{1.2.3}", "cannot parse number 1.2.3"),
            ("{-}", "cannot parse number -"),
            ("{\"\\q\"}", "unquote string \"\\q\" error invalid syntax"),
            ("{\"\\'\"}", "unquote string \"\\'\" error invalid syntax"),
            ("{.i[?(@.n==1)]", "unclosed action"),
            ("{.i[?(@.n==1)x}", "unclosed array expect ]"),
            ("{.i[?(@.n==1}", "unterminated filter"),
            ("{.i[?(==1)]}", "unrecognized character in action: U+003D '='"),
            ("{.i[?(@.a=~\"x\")]}", "unrecognized character in action: U+007E '~'"),
        ];
        for (template, want) in cases {
            assert_eq!(parse(template).unwrap_err(), want, "template {template:?}");
        }
    }
}
