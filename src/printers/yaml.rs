//! YAML rendering of JSON values, byte-for-byte as kubectl `-o yaml` prints them (go-yaml v2).

use serde_json::{Map, Number, Value};

const BEST_INDENT: i64 = 2;
const BEST_WIDTH: i64 = 80;

/// Renders `v` as one YAML document exactly like kubectl's YAML printer.
pub fn to_yaml(v: &Value) -> String {
    let mut e = Emitter {
        out: String::new(),
        column: 0,
        indent: -1,
        indents: Vec::new(),
        whitespace: true,
        indention: true,
    };
    e.node(v, false, false);
    e.write_indent();
    e.out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

/// Emitter state mirroring the fields of go-yaml's `yaml_emitter_t` that matter here.
struct Emitter {
    out: String,
    column: i64,
    indent: i64,
    indents: Vec<i64>,
    whitespace: bool,
    indention: bool,
}

impl Emitter {
    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0);
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(&mut self, ind: &str, need_ws: bool, is_ws: bool, is_indention: bool) {
        if need_ws && !self.whitespace {
            self.put(' ');
        }
        for c in ind.chars() {
            self.put(c);
        }
        self.whitespace = is_ws;
        self.indention = self.indention && is_indention;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn node(&mut self, v: &Value, mapping_ctx: bool, simple_key: bool) {
        match v {
            Value::Object(m) if m.is_empty() => self.empty_flow("{", "}"),
            Value::Array(a) if a.is_empty() => self.empty_flow("[", "]"),
            Value::Object(m) => {
                self.increase_indent(false, false);
                for (k, val) in sorted_entries(m) {
                    let k = k.as_str();
                    self.write_indent();
                    let analysis = analyze(k);
                    if !analysis.multiline && k.len() <= 128 {
                        self.scalar(k, string_style(k), true);
                        self.write_indicator(":", false, false, false);
                    } else {
                        self.write_indicator("?", true, false, true);
                        self.scalar(k, string_style(k), false);
                        self.write_indent();
                        self.write_indicator(":", true, false, true);
                    }
                    self.node(val, true, false);
                }
                self.pop_indent();
            }
            Value::Array(a) => {
                let indentless = mapping_ctx && !self.indention;
                self.increase_indent(false, indentless);
                for item in a {
                    self.write_indent();
                    self.write_indicator("-", true, false, true);
                    self.node(item, false, false);
                }
                self.pop_indent();
            }
            Value::String(s) => {
                let s = fold_nel(s);
                self.scalar(&s, string_style(&s), simple_key);
            }
            Value::Number(n) => self.scalar(&number_text(n), Style::Plain, simple_key),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, Style::Plain, simple_key),
            Value::Null => self.scalar("null", Style::Plain, simple_key),
        }
    }

    fn empty_flow(&mut self, open: &str, close: &str) {
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn scalar(&mut self, s: &str, requested: Style, simple_key: bool) {
        let a = analyze(s);
        let mut style = requested;
        if style == Style::Plain && (!a.block_plain_allowed || (s.is_empty() && simple_key)) {
            style = Style::Single;
        }
        if style == Style::Single && !a.single_quoted_allowed {
            style = Style::Double;
        }
        if style == Style::Literal && (!a.block_allowed || simple_key) {
            style = Style::Double;
        }
        self.increase_indent(true, false);
        let allow_breaks = !simple_key;
        match style {
            Style::Plain => self.write_plain(s, allow_breaks),
            Style::Single => self.write_single(s, allow_breaks),
            Style::Double => self.write_double(s, allow_breaks),
            Style::Literal => self.write_literal(s),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, s: &str, allow_breaks: bool) {
        if !self.whitespace {
            self.put(' ');
        }
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            let next_space = chars.get(i + 1) == Some(&' ');
            if c == ' ' && allow_breaks && !spaces && self.column > BEST_WIDTH && !next_space {
                self.write_indent();
            } else {
                self.put(c);
            }
            spaces = c == ' ';
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_single(&mut self, s: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = s.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i > 0 && i + 1 < chars.len() && !next_space {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double(&mut self, s: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let chars: Vec<char> = s.chars().collect();
        // go-yaml's `is_bom` looks at the start of the value, not at the current character.
        let bom = s.starts_with('\u{FEFF}');
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if bom || !is_printable(c) || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                match c {
                    '\0' => self.put('0'),
                    '\u{07}' => self.put('a'),
                    '\u{08}' => self.put('b'),
                    '\t' => self.put('t'),
                    '\n' => self.put('n'),
                    '\u{0B}' => self.put('v'),
                    '\u{0C}' => self.put('f'),
                    '\r' => self.put('r'),
                    '\u{1B}' => self.put('e'),
                    '"' => self.put('"'),
                    '\\' => self.put('\\'),
                    '\u{85}' => self.put('N'),
                    '\u{A0}' => self.put('_'),
                    '\u{2028}' => self.put('L'),
                    '\u{2029}' => self.put('P'),
                    _ => {
                        let v = u32::from(c);
                        let (prefix, width) = if v <= 0xFF {
                            ('x', 2)
                        } else if v <= 0xFFFF {
                            ('u', 4)
                        } else {
                            ('U', 8)
                        };
                        self.put(prefix);
                        for ch in format!("{v:0width$X}").chars() {
                            self.put(ch);
                        }
                    }
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && i + 1 != chars.len() {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_literal(&mut self, s: &str) {
        self.write_indicator("|", true, false, false);
        let chars: Vec<char> = s.chars().collect();
        if chars.first().is_some_and(|&c| c == ' ' || is_break(c)) {
            self.write_indicator("2", false, false, false);
        }
        let chomp = match chars.as_slice() {
            [] => Some("-"),
            [.., last] if !is_break(*last) => Some("-"),
            [_] => Some("+"),
            [.., prev, _] if is_break(*prev) => Some("+"),
            _ => None,
        };
        if let Some(h) = chomp {
            self.write_indicator(h, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for &c in &chars {
            if is_break(c) {
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_printable(c: char) -> bool {
    matches!(u32::from(c), 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD) && c != '\u{FEFF}'
}

/// The subset of go-yaml's `yaml_scalar_analysis_t` used for style selection.
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let chars: Vec<char> = s.chars().collect();
    let mut block_indicators = s.starts_with("---") || s.starts_with("...");
    let (mut line_breaks, mut special) = (false, false);
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut prev_space, mut prev_break) = (false, false);
    let mut preceded_by_ws = true;
    let n = chars.len();
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_ws = chars.get(i + 1).is_none_or(|&d| d == ' ' || d == '\t');
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%' | '@' | '`' => {
                    block_indicators = true
                }
                '?' | ':' | '-' if followed_by_ws => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_ws => block_indicators = true,
                '#' if preceded_by_ws => block_indicators = true,
                _ => {}
            }
        }
        if !is_printable(c) {
            special = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= i + 1 == n;
            break_space |= prev_break;
            prev_space = true;
            prev_break = false;
        } else if is_break(c) {
            line_breaks = true;
            leading_break |= i == 0;
            trailing_break |= i + 1 == n;
            space_break |= prev_space;
            prev_space = false;
            prev_break = true;
        } else {
            prev_space = false;
            prev_break = false;
        }
        preceded_by_ws = matches!(c, ' ' | '\t' | '\0') || is_break(c);
    }
    let mut a = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break || line_breaks {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
        a.block_allowed = false;
    }
    if block_indicators {
        a.block_plain_allowed = false;
    }
    a
}

/// The style go-yaml's encoder requests for a string before the emitter's checks.
fn string_style(s: &str) -> Style {
    if s.contains('\n') {
        Style::Literal
    } else if resolves_to_str(s) && !is_base60_float(s) {
        Style::Plain
    } else {
        Style::Double
    }
}

/// Whether go-yaml v2's `resolve` would read `s`, written plain, back as a string.
fn resolves_to_str(s: &str) -> bool {
    const SPECIAL: &[&str] = &[
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no", "No", "NO", "false",
        "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf",
        ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ];
    let hint = match s.as_bytes().first() {
        None => b'N',
        Some(b'+' | b'-') => b'S',
        Some(b'0'..=b'9') => b'D',
        Some(b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~') => b'M',
        Some(b'.') => b'.',
        Some(_) => return true,
    };
    if SPECIAL.contains(&s) {
        return false;
    }
    match hint {
        b'.' => !parses_as_float(s),
        b'D' | b'S' => {
            if is_timestamp(s.as_bytes()) {
                return false;
            }
            let plain = s.replace('_', "");
            if go_parse_int(&plain, 0).is_some() || go_parse_uint(&plain, 0).is_some() {
                return false;
            }
            if parses_as_float(&plain) {
                return false;
            }
            if let Some(rest) = plain.strip_prefix("0b") {
                if go_parse_int(rest, 2).is_some() || go_parse_uint(rest, 2).is_some() {
                    return false;
                }
            } else if let Some(rest) = plain.strip_prefix("-0b") {
                return go_parse_int(&format!("-{rest}"), 2).is_none();
            }
            true
        }
        _ => true,
    }
}

/// Go's `strconv.ParseUint(s, base, 64)` for base 0 (with prefixes) or 2, ignoring underscores.
fn go_parse_uint(s: &str, base: u32) -> Option<u64> {
    let b = s.as_bytes();
    let (radix, digits) = if base == 0 && b.first() == Some(&b'0') {
        match b.get(1).map(u8::to_ascii_lowercase) {
            Some(b'b') if b.len() >= 3 => (2, &s[2..]),
            Some(b'o') if b.len() >= 3 => (8, &s[2..]),
            Some(b'x') if b.len() >= 3 => (16, &s[2..]),
            _ => (8, &s[1..]),
        }
    } else if base == 0 {
        (10, s)
    } else {
        (base, s)
    };
    if s.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    if digits.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(digits, radix).ok()
}

/// Go's `strconv.ParseInt(s, base, 64)`.
fn go_parse_int(s: &str, base: u32) -> Option<i64> {
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest.is_empty() {
        return None;
    }
    let u = go_parse_uint(rest, base)?;
    if neg {
        0i64.checked_sub_unsigned(u)
    } else {
        i64::try_from(u).ok()
    }
}

/// Whether `s` matches go-yaml's `yamlStyleFloat` and Go's `ParseFloat` accepts it (finite).
fn parses_as_float(s: &str) -> bool {
    yaml_style_float(s) && s.parse::<f64>().is_ok_and(f64::is_finite)
}

/// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn yaml_style_float(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i;
    if b.first() == Some(&b'.') {
        let d = digits(1);
        if d == 0 {
            return false;
        }
        i = 1 + d;
    } else {
        let d = digits(0);
        if d == 0 {
            return false;
        }
        i = d;
        if b.get(i) == Some(&b'.') {
            i += 1 + digits(i + 1);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let d = digits(i);
        if d == 0 {
            return false;
        }
        i += d;
    }
    i == b.len()
}

/// go-yaml's `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
fn is_base60_float(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut i = 1 + b[1..].iter().take_while(|c| c.is_ascii_digit() || **c == b'_').count();
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        let d = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let ok = match d {
            1 => true,
            2 => b[i + 1] <= b'5',
            _ => false,
        };
        if !ok {
            // A longer digit run may still match `[0-5]?[0-9]` only if it is exactly 1-2 digits.
            return false;
        }
        i += 1 + d;
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1 + b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || **c == b'_')
            .count();
    }
    i == b.len()
}

/// go-yaml's `parseTimestamp`: Go `time.Parse` with its four accepted layouts.
fn is_timestamp(s: &[u8]) -> bool {
    if s.len() < 5 || !s[..4].iter().all(u8::is_ascii_digit) || s[4] != b'-' {
        return false;
    }
    let Some((year, month, day, rest)) = parse_date(s) else {
        return false;
    };
    let days = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day < 1 || day > days {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let (sep, rest) = (rest[0], &rest[1..]);
    let Some(rest) = parse_time(rest) else {
        return false;
    };
    match sep {
        b' ' => rest.is_empty(),
        b'T' | b't' => parse_zone(rest),
        _ => false,
    }
}

/// Go's `getnum(s, false)`: one or two leading digits.
fn getnum(s: &[u8]) -> Option<(u32, &[u8])> {
    match s {
        [a @ b'0'..=b'9', b @ b'0'..=b'9', rest @ ..] => Some((u32::from(a - b'0') * 10 + u32::from(b - b'0'), rest)),
        [a @ b'0'..=b'9', rest @ ..] => Some((u32::from(a - b'0'), rest)),
        _ => None,
    }
}

fn parse_date(s: &[u8]) -> Option<(u32, u32, u32, &[u8])> {
    let year = s[..4].iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
    let (month, rest) = getnum(&s[5..])?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let rest = rest.strip_prefix(b"-")?;
    let (day, rest) = getnum(rest)?;
    Some((year, month, day, rest))
}

fn parse_time(s: &[u8]) -> Option<&[u8]> {
    let (hour, rest) = getnum(s)?;
    let (minute, rest) = getnum(rest.strip_prefix(b":")?)?;
    let (second, mut rest) = getnum(rest.strip_prefix(b":")?)?;
    if hour >= 24 || minute >= 60 || second >= 60 {
        return None;
    }
    if rest.len() >= 2 && (rest[0] == b'.' || rest[0] == b',') && rest[1].is_ascii_digit() {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        rest = &rest[1 + n..];
    }
    Some(rest)
}

fn parse_zone(s: &[u8]) -> bool {
    match s {
        [b'Z'] => true,
        [sign, h1, h2, b':', m1, m2] => {
            let digits = [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit());
            digits
                && (*sign == b'+' || *sign == b'-')
                && (h1 - b'0') * 10 + (h2 - b'0') <= 24
                && (m1 - b'0') * 10 + (m2 - b'0') <= 60
        }
        _ => false,
    }
}

/// Map entries in go-yaml v2's key order, keys folded as the JSON-to-YAML round trip does.
/// Go's `sort.Sort` insertion-sorts up to 12 items, so small maps match exactly even when
/// `key_less` is not a consistent order; an insertion sort never panics on such orders.
fn sorted_entries(m: &Map<String, Value>) -> Vec<(String, &Value)> {
    let mut items: Vec<(Vec<char>, &Value)> = m.iter().map(|(k, v)| (fold_nel(k).chars().collect(), v)).collect();
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key_less(&items[j].0, &items[j - 1].0) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
    items.into_iter().map(|(k, v)| (k.into_iter().collect(), v)).collect()
}

/// Go's JSON leaves U+0085 (NEL) raw and go-yaml's parser folds it like a line break in a
/// double-quoted scalar: one break becomes a space, `n` breaks become `n - 1` newlines, and
/// spaces around the breaks are dropped.
fn fold_nel(s: &str) -> String {
    if !s.contains('\u{85}') {
        return s.to_string();
    }
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{85}' && !(c == ' ' && chars.clone().find(|&d| d != ' ') == Some('\u{85}')) {
            out.push(c);
            continue;
        }
        let mut breaks = usize::from(c == '\u{85}');
        while let Some(d) = chars.next_if(|&d| d == ' ' || d == '\u{85}') {
            breaks += usize::from(d == '\u{85}');
        }
        match breaks {
            1 => out.push(' '),
            n => out.push_str(&"\n".repeat(n - 1)),
        }
    }
    out
}

/// go-yaml v2's `keyList.Less` for string keys: runs of digits compare numerically,
/// and letters sort after non-letters.
fn key_less(ar: &[char], br: &[char]) -> bool {
    for i in 0..ar.len().min(br.len()) {
        if ar[i] == br[i] {
            continue;
        }
        let al = ar[i].is_alphabetic();
        let bl = br[i].is_alphabetic();
        if al && bl {
            return ar[i] < br[i];
        }
        if al || bl {
            return bl;
        }
        let (mut an, mut bn) = (0i64, 0i64);
        if ar[i] == '0' || br[i] == '0' {
            for j in (0..i).rev() {
                if !ar[j].is_ascii_digit() {
                    break;
                }
                if ar[j] != '0' {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while ai < ar.len() && ar[ai].is_ascii_digit() {
            an = an.wrapping_mul(10).wrapping_add(i64::from(u32::from(ar[ai]) - 0x30));
            ai += 1;
        }
        let mut bi = i;
        while bi < br.len() && br[bi].is_ascii_digit() {
            bn = bn.wrapping_mul(10).wrapping_add(i64::from(u32::from(br[bi]) - 0x30));
            bi += 1;
        }
        if an != bn {
            return an < bn;
        }
        if ai != bi {
            return ai < bi;
        }
        return ar[i] < br[i];
    }
    ar.len() < br.len()
}

/// A number as kubectl prints it: the value goes through Go's JSON encoder and back through
/// go-yaml, so integral floats that fit 64 bits become integers and the rest are printed with
/// `strconv.FormatFloat(f, 'g', -1, 64)`.
fn number_text(n: &Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    let Some(f) = n.as_f64() else {
        return n.to_string();
    };
    let sign = if f.is_sign_negative() { "-" } else { "" };
    let (digits, exp) = shortest_digits(f);
    let nd = digits.len() as i64;
    if f.fract() == 0.0 && f.abs() < 1e21 {
        let text = format!("{sign}{digits}{}", "0".repeat((exp + 1 - nd).max(0) as usize));
        if let Ok(i) = text.parse::<i64>() {
            return i.to_string();
        }
        if let Ok(u) = text.parse::<u64>() {
            return u.to_string();
        }
    }
    if !(-4..6).contains(&exp) {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let dot = if rest.is_empty() { "" } else { "." };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{dot}{rest}e{esign}{:02}", exp.abs());
    }
    let dp = exp + 1;
    if dp <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat(dp.unsigned_abs() as usize))
    } else if dp >= nd {
        format!("{sign}{digits}{}", "0".repeat((dp - nd) as usize))
    } else {
        let (int, frac) = digits.split_at(dp as usize);
        format!("{sign}{int}.{frac}")
    }
}

/// The shortest round-trip decimal digits of `|f|` and the exponent of the first digit.
fn shortest_digits(f: f64) -> (String, i64) {
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits = mant.chars().filter(char::is_ascii_digit).collect();
    (digits, exp.parse().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::to_yaml;
    use serde_json::Value;

    /// `(value as JSON, kubectl -o yaml of {"a": value})`, captured from kubectl v1.32.4.
    #[rustfmt::skip]
    const CASES: &[(&str, &str)] = &[
        ("{\"s\": \"true\"}", "a:\n  s: \"true\"\n"),
        ("{\"s\": \"yes\"}", "a:\n  s: \"yes\"\n"),
        ("{\"s\": \"Yes\"}", "a:\n  s: \"Yes\"\n"),
        ("{\"s\": \"on\"}", "a:\n  s: \"on\"\n"),
        ("{\"s\": \"On\"}", "a:\n  s: \"On\"\n"),
        ("{\"s\": \"y\"}", "a:\n  s: \"y\"\n"),
        ("{\"s\": \"Y\"}", "a:\n  s: \"Y\"\n"),
        ("{\"s\": \"o\"}", "a:\n  s: o\n"),
        ("{\"s\": \"~\"}", "a:\n  s: \"~\"\n"),
        ("{\"s\": \"null\"}", "a:\n  s: \"null\"\n"),
        ("{\"s\": \"nil\"}", "a:\n  s: nil\n"),
        ("{\"s\": \"\"}", "a:\n  s: \"\"\n"),
        ("{\"s\": \"1\"}", "a:\n  s: \"1\"\n"),
        ("{\"s\": \"1.5\"}", "a:\n  s: \"1.5\"\n"),
        ("{\"s\": \"1E3\"}", "a:\n  s: \"1E3\"\n"),
        ("{\"s\": \"0123\"}", "a:\n  s: \"0123\"\n"),
        ("{\"s\": \"0x1F\"}", "a:\n  s: \"0x1F\"\n"),
        ("{\"s\": \"0b+101\"}", "a:\n  s: \"0b+101\"\n"),
        ("{\"s\": \"-0b101\"}", "a:\n  s: \"-0b101\"\n"),
        ("{\"s\": \"1__0\"}", "a:\n  s: \"1__0\"\n"),
        ("{\"s\": \"1e400\"}", "a:\n  s: 1e400\n"),
        ("{\"s\": \".INF\"}", "a:\n  s: \".INF\"\n"),
        ("{\"s\": \"nan\"}", "a:\n  s: nan\n"),
        ("{\"s\": \"..\"}", "a:\n  s: ..\n"),
        ("{\"s\": \"--\"}", "a:\n  s: --\n"),
        ("{\"s\": \"2024-01-01\"}", "a:\n  s: \"2024-01-01\"\n"),
        ("{\"s\": \"2024-01-01T00:00:00Z\"}", "a:\n  s: \"2024-01-01T00:00:00Z\"\n"),
        ("{\"s\": \"2024-01-01T00:00:00+25:00\"}", "a:\n  s: 2024-01-01T00:00:00+25:00\n"),
        ("{\"s\": \"2024-01-01T1:2:3Z\"}", "a:\n  s: \"2024-01-01T1:2:3Z\"\n"),
        ("{\"s\": \"2024-01-01T00:00:00,5Z\"}", "a:\n  s: \"2024-01-01T00:00:00,5Z\"\n"),
        ("{\"s\": \"1:20\"}", "a:\n  s: \"1:20\"\n"),
        ("{\"s\": \"1:20.5\"}", "a:\n  s: \"1:20.5\"\n"),
        ("{\"s\": \"a: b\"}", "a:\n  s: 'a: b'\n"),
        ("{\"s\": \"a:\"}", "a:\n  s: 'a:'\n"),
        ("{\"s\": \"#a\"}", "a:\n  s: '#a'\n"),
        ("{\"s\": \"*a\"}", "a:\n  s: '*a'\n"),
        ("{\"s\": \"\\\"a\"}", "a:\n  s: '\"a'\n"),
        ("{\"s\": \"[a\"}", "a:\n  s: '[a'\n"),
        ("{\"s\": \"? a\"}", "a:\n  s: '? a'\n"),
        ("{\"s\": \"a{b}\"}", "a:\n  s: a{b}\n"),
        ("{\"s\": \"a'b\"}", "a:\n  s: a'b\n"),
        ("{\"s\": \"a>b\"}", "a:\n  s: a>b\n"),
        ("{\"s\": \"<<\"}", "a:\n  s: <<\n"),
        ("{\"s\": \"=\"}", "a:\n  s: =\n"),
        ("{\"s\": \" lead\"}", "a:\n  s: ' lead'\n"),
        ("{\"s\": \" both \"}", "a:\n  s: ' both '\n"),
        ("{\"s\": \"a\\tb\"}", "a:\n  s: \"a\\tb\"\n"),
        ("{\"s\": \"tab\\t\"}", "a:\n  s: \"tab\\t\"\n"),
        ("{\"s\": \"a\\n\"}", "a:\n  s: |\n    a\n"),
        ("{\"s\": \"a\\n\\n\"}", "a:\n  s: |+\n    a\n\n"),
        ("{\"s\": \"\\n\"}", "a:\n  s: |2+\n\n"),
        ("{\"s\": \"a\\nb \"}", "a:\n  s: \"a\\nb \"\n"),
        ("{\"s\": \" \"}", "a:\n  s:  \n"),
        ("{\"s\": \"日本語\"}", "a:\n  s: 日本語\n"),
        ("{\"s\": \"😀\"}", "a:\n  s: \"\\U0001F600\"\n"),
        ("{\"s\": \"\\u0000\"}", "a:\n  s: \"\\0\"\n"),
        ("{\"s\": \"�\"}", "a:\n  s: �\n"),
        ("{\"s\": \"it's\"}", "a:\n  s: it's\n"),
        ("{\"s\": \"multi\\nline\\ntext\"}", "a:\n  s: |-\n    multi\n    line\n    text\n"),
        ("{\"s\": \"00\"}", "a:\n  s: \"00\"\n"),
        ("{\"s\": \"1.\"}", "a:\n  s: \"1.\"\n"),
        ("{\"s\": \"1:0\"}", "a:\n  s: \"1:0\"\n"),
        ("{\"s\": \"1-2-3\"}", "a:\n  s: 1-2-3\n"),
        ("{\"s\": \"x y\"}", "a:\n  s: x y\n"),
        ("{\"s\": \"~x\"}", "a:\n  s: ~x\n"),
        ("{\"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}", "a:\n  s: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b\n"),
        ("{\"s\": \"x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x \"}", "a:\n  s: 'x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x\n    x x x x x x x x x x x x x x x x x x x x x x '\n"),
        ("{\"s\": \"short yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy z\"}", "a:\n  s: short yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n    z\n"),
        ("{\"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39: colon\"}", "a:\n  s: 'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39: colon'\n"),
        ("{\"s\": \"#word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}", "a:\n  s: '#word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39'\n"),
        ("{\"s\": \" word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}", "a:\n  s: ' word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39'\n"),
        ("{\"s\": \"word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15  word16  word17  word18  word19  word20  word21  word22  word23  word24  word25  word26  word27  word28  word29  word30  word31  word32  word33  word34  word35  word36  word37  word38  word39\"}", "a:\n  s: word0  word1  word2  word3  word4  word5  word6  word7  word8  word9  word10  word11  word12  word13  word14  word15  word16  word17  word18  word19  word20  word21  word22  word23  word24  word25  word26  word27  word28  word29  word30  word31  word32  word33  word34  word35  word36  word37  word38  word39\n"),
        ("{\"s\": \"word0   word1   word2   word3   word4   word5   word6   word7   word8   word9   word10   word11   word12   word13   word14   word15   word16   word17   word18   word19   word20   word21   word22   word23   word24   word25   word26   word27   word28   word29   word30   word31   word32   word33   word34   word35   word36   word37   word38   word39\"}", "a:\n  s: word0   word1   word2   word3   word4   word5   word6   word7   word8   word9   word10   word11   word12   word13   word14   word15   word16   word17   word18   word19   word20   word21   word22   word23   word24   word25   word26   word27   word28   word29   word30   word31   word32   word33   word34   word35   word36   word37   word38   word39\n"),
        ("{\"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\\ttab\"}", "a:\n  s: \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39\\ttab\"\n"),
        ("{\"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\\nline2 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}", "a:\n  s: |-\n    word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\n    line2 word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\n"),
        ("{\"s\": \"line1\\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39 \\n\"}", "a:\n  s: \"line1\\nword0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n    word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35\n    word36 word37 word38 word39 \\n\"\n"),
        ("{\"s\": \"éééééééééééééééééééééééééééééééééééééééééééééééééé éééééééééééééééééééééééééééééééééééééééééééééééééé x\"}", "a:\n  s: éééééééééééééééééééééééééééééééééééééééééééééééééé éééééééééééééééééééééééééééééééééééééééééééééééééé\n    x\n"),
        ("{\"s\": \"😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 😀 \"}", "a:\n  s: \"\\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600\n    \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600\n    \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600\n    \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600\n    \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600\n    \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600 \\U0001F600\n    \\U0001F600 \\U0001F600 \\U0001F600 \"\n"),
        ("{\"s\": \"'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39'\"}", "a:\n  s: '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n    word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35\n    word36 word37 word38 word39'''\n"),
        ("{\"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39   end\"}", "a:\n  s: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39   end\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b c\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b c\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b c\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b c\n"),
        ("{\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b c d\"}", "a:\n  s: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n    b c d\n"),
        ("{\"l\": [\"true\", \"false\", \"True\", \"TRUE\", \"yes\", \"Yes\", \"YES\", \"no\", \"No\", \"on\", \"On\", \"ON\", \"off\", \"Off\", \"y\", \"Y\", \"n\", \"N\", \"t\", \"f\"]}", "a:\n  l:\n  - \"true\"\n  - \"false\"\n  - \"True\"\n  - \"TRUE\"\n  - \"yes\"\n  - \"Yes\"\n  - \"YES\"\n  - \"no\"\n  - \"No\"\n  - \"on\"\n  - \"On\"\n  - \"ON\"\n  - \"off\"\n  - \"Off\"\n  - \"y\"\n  - \"Y\"\n  - \"n\"\n  - \"N\"\n  - t\n  - f\n"),
        ("{\"l\": [\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\", [\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\", {\"k\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}]]}", "a:\n  l:\n  - word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39\n  - - word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n      word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n      word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34\n      word35 word36 word37 word38 word39\n    - k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n        word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22\n        word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33\n        word34 word35 word36 word37 word38 word39\n"),
        ("{\"deep\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}}}}}}}", "a:\n  deep:\n    a:\n      b:\n        c:\n          d:\n            e:\n              f: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10\n                word11 word12 word13 word14 word15 word16 word17 word18 word19 word20\n                word21 word22 word23 word24 word25 word26 word27 word28 word29 word30\n                word31 word32 word33 word34 word35 word36 word37 word38 word39\n"),
        ("{\"deep\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": \"x\\ny\"}}}}}}}", "a:\n  deep:\n    a:\n      b:\n        c:\n          d:\n            e:\n              f: |-\n                x\n                y\n"),
        ("[1, [2, [3, [4, []]]], {}, [], [{}], [[]]]", "a:\n- 1\n- - 2\n  - - 3\n    - - 4\n      - []\n- {}\n- []\n- - {}\n- - []\n"),
        ("[{\"a\": 1, \"b\": [1, 2, {\"c\": [{\"d\": 1}, {}]}]}, [{\"x\": [[], {}]}]]", "a:\n- a: 1\n  b:\n  - 1\n  - 2\n  - c:\n    - d: 1\n    - {}\n- - x:\n    - []\n    - {}\n"),
        ("[[{\"a\": 1, \"b\": 2}, {\"c\": 3}], [[1, 2], [3]]]", "a:\n- - a: 1\n    b: 2\n  - c: 3\n- - - 1\n    - 2\n  - - 3\n"),
        ("{\"n\": [0, -1, 1, 1.5, -1.5, 1.0, 100.0, 1000.0, 1e+20, 1e+21, 1e-07, 1e-05, 0.0001, 123456.5, 1234567.5, 1e+300, 9007199254740993, 9223372036854775807, -9223372036854775808, 9223372036854775808, 18446744073709551615, 18446744073709551616, 3.14159265358979, 0.1, 2.5e-05, -0.0]}", "a:\n  \"n\":\n  - 0\n  - -1\n  - 1\n  - 1.5\n  - -1.5\n  - 1\n  - 100\n  - 1000\n  - 1e+20\n  - 1e+21\n  - 1e-07\n  - 1e-05\n  - 0.0001\n  - 123456.5\n  - 1.2345675e+06\n  - 1e+300\n  - 9007199254740993\n  - 9223372036854775807\n  - -9223372036854775808\n  - 9223372036854776000\n  - 1.8446744073709552e+19\n  - 1.8446744073709552e+19\n  - 3.14159265358979\n  - 0.1\n  - 2.5e-05\n  - 0\n"),
        ("{\"b\": [true, false, null]}", "a:\n  b:\n  - true\n  - false\n  - null\n"),
        ("{\"m\": {\"\": 1, \"true\": 2, \"1\": 3, \"a b\": 4, \"a: b\": 5, \"#x\": 6, \"-\": 7, \"- x\": 8, \"key\\nnl\": 9, \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 10, \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 11, \" lead\": 12, \"é\": 13, \"😀\": 14, \"a\\tb\": 15, \"null\": 16, \"~\": 17, \"x\": {}, \"y\": [], \"z\": [1]}}", "a:\n  m:\n    \"\": 1\n    ' lead': 12\n    '#x': 6\n    '-': 7\n    '- x': 8\n    \"~\": 17\n    \"\\U0001F600\": 14\n    \"1\": 3\n    \"a\\tb\": 15\n    a b: 4\n    'a: b': 5\n    ? |-\n      key\n      nl\n    : 9\n    kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 11\n    ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n    : 10\n    \"null\": 16\n    \"true\": 2\n    x: {}\n    \"y\": []\n    z:\n    - 1\n    é: 13\n"),
        ("{\"m\": {\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": [1, 2], \"key\\nnl\": {\"a\": 1}, \"key\\nx\\n\": [1]}}", "a:\n  m:\n    ? |-\n      key\n      nl\n    : a: 1\n    ? |\n      key\n      x\n    : - 1\n    ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n    : - 1\n      - 2\n"),
        ("{\"lit\": [\"a\\nb\", \"  x\\ny\", \"x\\n\", \"x\\n\\n\", \"\\nx\", \"x\\r\\ny\", \" \\nx\"], \"after\": 1}", "a:\n  after: 1\n  lit:\n  - |-\n    a\n    b\n  - |2-\n      x\n    y\n  - |\n    x\n  - |+\n    x\n\n  - |2-\n\n    x\n  - \"x\\r\\ny\"\n  - \" \\nx\"\n"),
        ("{\"e\": [{}, [], \"\", null, {\"\": \"\"}]}", "a:\n  e:\n  - {}\n  - []\n  - \"\"\n  - null\n  - \"\": \"\"\n"),
        ("{\"mixed\": [{\"a\": \"x\\ny\", \"b\": [\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"]}, \"tail\"]}", "a:\n  mixed:\n  - a: |-\n      x\n      y\n    b:\n    - word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n      word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n      word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34\n      word35 word36 word37 word38 word39\n  - tail\n"),
        ("{\"order\": {\"a10\": 1, \"a9\": 2, \"a_b\": 3, \"aB\": 4, \"a-b\": 5, \"a01\": 6, \"a1\": 7, \"1a\": 8, \"01a\": 9, \"10a0\": 10, \"v1beta1\": 11, \"v2\": 12}}", "a:\n  order:\n    01a: 9\n    10a0: 10\n    1a: 8\n    a-b: 5\n    a_b: 3\n    a1: 7\n    a01: 6\n    a9: 2\n    a10: 1\n    aB: 4\n    v1beta1: 11\n    v2: 12\n"),
        ("{\"nel\": [\"a \u{85} b\", \"a\u{85}\u{85}b\", \"\u{85}a\", \"a \u{85}\u{85} \u{85} b\"], \"bom\": \"\u{feff}a b\\\"\\n\"}", "a:\n  bom: \"\\uFEFF\\x61\\x20\\x62\\\"\\n\"\n  nel:\n  - a b\n  - |-\n    a\n    b\n  - ' a'\n  - |-\n    a\n\n    b\n"),
        ("{\"n\": [0, -1, 1, 1.5, -1.5, 1.0, 100.0, 1000.0, 1e+21, 1e-07, 1e-05, 0.0001, 123456.5, 1234567.5, 1e+300, 9007199254740993, 9223372036854775807, -9223372036854775808, 3.14159265358979, 0.1, 2.5e-05, -0.0]}", "a:\n  \"n\":\n  - 0\n  - -1\n  - 1\n  - 1.5\n  - -1.5\n  - 1\n  - 100\n  - 1000\n  - 1e+21\n  - 1e-07\n  - 1e-05\n  - 0.0001\n  - 123456.5\n  - 1.2345675e+06\n  - 1e+300\n  - 9007199254740993\n  - 9223372036854775807\n  - -9223372036854775808\n  - 3.14159265358979\n  - 0.1\n  - 2.5e-05\n  - 0\n"),
    ];

    #[test]
    fn matches_kubectl() {
        for (input, expected) in CASES {
            let v: Value = serde_json::from_str(&format!("{{\"a\": {input}}}")).unwrap_or_default();
            assert_eq!(to_yaml(&v), *expected, "input: {input}");
        }
    }

    #[test]
    fn top_level_empty_containers() {
        assert_eq!(to_yaml(&serde_json::json!({})), "{}\n");
        assert_eq!(to_yaml(&serde_json::json!([])), "[]\n");
        assert_eq!(to_yaml(&serde_json::json!({"a": {}, "b": []})), "a: {}\nb: []\n");
    }
}
