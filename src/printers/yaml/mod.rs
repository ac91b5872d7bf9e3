//! YAML rendering of JSON values, byte-for-byte as kubectl `-o yaml` prints them (go-yaml v2).

mod emitter;
mod scalar;

use serde_json::{Map, Number, Value};

/// Renders `v` as one YAML document exactly like kubectl's YAML printer.
pub fn to_yaml(v: &Value) -> String {
    emitter::emit(v)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_printable(c: char) -> bool {
    matches!(u32::from(c), 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD) && c != '\u{FEFF}'
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
mod tests;
