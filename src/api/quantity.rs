//! Resource quantities (`100m`, `1.5Gi`, `129e6`): parsing, canonical form, arithmetic, as apimachinery `resource.Quantity`.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// apimachinery `ErrFormatWrong`.
pub const ERR_FORMAT_WRONG: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/// apimachinery `ErrNumeric` (also used here when a value exceeds the i128 nano range).
pub const ERR_NUMERIC: &str = "unable to parse numeric part of quantity";
/// apimachinery `ErrSuffix`.
pub const ERR_SUFFIX: &str = "unable to parse quantity's suffix";

const NANOS_PER_UNIT: i128 = 1_000_000_000;
/// BinarySI values are capped at 2^63-1 on parse, like upstream `maxAllowed`.
const MAX_BINARY_NANOS: u128 = (i64::MAX as u128) * 1_000_000_000;

/// How a quantity is serialized (apimachinery `resource.Format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Format {
    /// `12e6`
    DecimalExponent,
    /// `12Mi` (12 * 2^20)
    BinarySI,
    /// `12M` (12 * 10^6)
    #[default]
    DecimalSI,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::DecimalExponent => "DecimalExponent",
            Format::BinarySI => "BinarySI",
            Format::DecimalSI => "DecimalSI",
        }
    }
}

/// A fixed-point quantity held as an i128 count of nano-units plus its format.
///
/// Equality and ordering compare the numeric value only (upstream `Equal`/`Cmp`).
/// A parsed string that is already canonical is remembered and printed verbatim,
/// as the API server does (so `+1` stays `+1`); arithmetic forgets it.
#[derive(Debug, Clone, Default)]
pub struct Quantity {
    nanos: i128,
    format: Format,
    cached: Option<String>,
}

/// Splits a quantity string like upstream `parseQuantityString`: (positive, num, denom, suffix).
fn split_quantity(s: &str) -> Result<(bool, &str, &str, &str), &'static str> {
    let b = s.as_bytes();
    let end = b.len();
    let mut pos = 0;
    let mut positive = true;
    match b.first() {
        Some(b'-') => {
            positive = false;
            pos += 1;
        }
        Some(b'+') => pos += 1,
        _ => {}
    }
    while pos < end && b[pos] == b'0' {
        pos += 1;
    }
    if pos >= end {
        return Ok((positive, "0", "", ""));
    }
    let num_start = pos;
    while pos < end && b[pos].is_ascii_digit() {
        pos += 1;
    }
    let num = if pos == num_start { "0" } else { &s[num_start..pos] };
    let mut denom = "";
    if pos < end && b[pos] == b'.' {
        pos += 1;
        let start = pos;
        while pos < end && b[pos].is_ascii_digit() {
            pos += 1;
        }
        denom = &s[start..pos];
    }
    let suffix_start = pos;
    while pos < end && b"eEinumkKMGTP".contains(&b[pos]) {
        pos += 1;
    }
    if pos < end && matches!(b[pos], b'-' | b'+') {
        pos += 1;
    }
    while pos < end && b[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos < end {
        return Err(ERR_FORMAT_WRONG);
    }
    Ok((positive, num, denom, &s[suffix_start..]))
}

/// (base, exponent, format) of a suffix, like upstream `quantitySuffixer.interpret`.
fn interpret(suffix: &str) -> Option<(u32, i32, Format)> {
    let dec = |e| Some((10, e, Format::DecimalSI));
    let bin = |e| Some((2, e, Format::BinarySI));
    match suffix {
        "" => dec(0),
        "n" => dec(-9),
        "u" => dec(-6),
        "m" => dec(-3),
        "k" => dec(3),
        "M" => dec(6),
        "G" => dec(9),
        "T" => dec(12),
        "P" => dec(15),
        "E" => dec(18),
        "Ki" => bin(10),
        "Mi" => bin(20),
        "Gi" => bin(30),
        "Ti" => bin(40),
        "Pi" => bin(50),
        "Ei" => bin(60),
        s if s.len() > 1 && (s.starts_with('e') || s.starts_with('E')) => {
            let e = s[1..].parse::<i64>().ok()?;
            Some((10, i32::try_from(e).ok()?, Format::DecimalExponent))
        }
        _ => None,
    }
}

/// Parses an ASCII digit string into u128, None on overflow.
fn digits_value(digits: &str) -> Option<u128> {
    digits
        .bytes()
        .try_fold(0u128, |acc, d| acc.checked_mul(10)?.checked_add(u128::from(d - b'0')))
}

/// ceil(digits * 10^shift) for a non-negative digit string, None on overflow.
fn scale_digits_ceil(digits: &str, shift: i64) -> Option<u128> {
    if shift >= 0 {
        let pow = 10u128.checked_pow(u32::try_from(shift).ok()?)?;
        return digits_value(digits)?.checked_mul(pow);
    }
    let keep = i64::try_from(digits.len()).ok()? + shift;
    let (int_part, rest) = if keep <= 0 {
        ("", digits)
    } else {
        digits.split_at(usize::try_from(keep).ok()?)
    };
    let value = digits_value(int_part)?;
    if rest.bytes().any(|d| d != b'0') {
        value.checked_add(1)
    } else {
        Some(value)
    }
}

impl Quantity {
    /// apimachinery `ParseQuantity`. Errors carry the upstream messages.
    pub fn parse(s: &str) -> Result<Quantity, String> {
        if s.is_empty() {
            return Err(ERR_FORMAT_WRONG.to_string());
        }
        if s == "0" {
            return Ok(Quantity {
                nanos: 0,
                format: Format::DecimalSI,
                cached: Some(s.to_string()),
            });
        }
        let (positive, num, denom, suffix) = split_quantity(s).map_err(str::to_string)?;
        let (base, exponent, mut format) = interpret(suffix).ok_or(ERR_SUFFIX)?;
        let magnitude = if base == 10 {
            let shift = i64::from(exponent) - denom.len() as i64 + 9;
            scale_digits_ceil(&format!("{num}{denom}"), shift).ok_or(ERR_NUMERIC)?
        } else {
            let frac = denom.trim_end_matches('0');
            let scaled = digits_value(&format!("{num}{frac}"))
                .and_then(|d| d.checked_mul(1u128 << exponent))
                .and_then(|d| d.checked_mul(NANOS_PER_UNIT as u128));
            match (scaled, 10u128.checked_pow(frac.len() as u32)) {
                (Some(n), Some(div)) => n.div_ceil(div).min(MAX_BINARY_NANOS),
                (None, _) => MAX_BINARY_NANOS,
                (Some(_), None) => return Err(ERR_NUMERIC.to_string()),
            }
        };
        if format == Format::BinarySI && magnitude > 0 && magnitude < NANOS_PER_UNIT as u128 {
            format = Format::DecimalSI;
        }
        let nanos = i128::try_from(magnitude).map_err(|_| ERR_NUMERIC.to_string())?;
        let cached = canonical_input(num, denom, base, exponent).then(|| s.to_string());
        Ok(Quantity {
            nanos: if positive { nanos } else { -nanos },
            format,
            cached,
        })
    }

    /// A quantity of `nanos` * 10^-9 in `format`.
    pub fn from_nanos(nanos: i128, format: Format) -> Quantity {
        Quantity {
            nanos,
            format,
            cached: None,
        }
    }

    /// apimachinery `NewMilliQuantity`.
    pub fn from_milli(milli: i64, format: Format) -> Quantity {
        Quantity::from_nanos(i128::from(milli) * 1_000_000, format)
    }

    /// apimachinery `NewQuantity`.
    pub fn from_value(value: i64, format: Format) -> Quantity {
        Quantity::from_nanos(i128::from(value) * NANOS_PER_UNIT, format)
    }

    pub fn nanos(&self) -> i128 {
        self.nanos
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn is_zero(&self) -> bool {
        self.nanos == 0
    }

    /// -1, 0 or 1.
    pub fn sign(&self) -> i32 {
        self.nanos.signum() as i32
    }

    fn scaled(&self, divisor: i128) -> i64 {
        let q = self.nanos / divisor;
        let r = self.nanos % divisor;
        let v = if r > 0 {
            q + 1
        } else if r < 0 {
            q - 1
        } else {
            q
        };
        i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
    }

    /// apimachinery `Value`: rounded up away from zero (saturates instead of overflowing).
    pub fn value(&self) -> i64 {
        self.scaled(NANOS_PER_UNIT)
    }

    /// apimachinery `MilliValue`: ceil(q * 1000) away from zero (saturates instead of overflowing).
    pub fn milli_value(&self) -> i64 {
        self.scaled(1_000_000)
    }

    /// apimachinery `Add`: a zero receiver takes `other`'s format.
    pub fn add(&mut self, other: &Quantity) {
        if self.is_zero() {
            self.format = other.format;
        }
        self.nanos = self.nanos.saturating_add(other.nanos);
        self.cached = None;
    }

    /// apimachinery `Sub`: a zero receiver takes `other`'s format.
    pub fn sub(&mut self, other: &Quantity) {
        if self.is_zero() {
            self.format = other.format;
        }
        self.nanos = self.nanos.saturating_sub(other.nanos);
        self.cached = None;
    }

    /// apimachinery `Neg`.
    pub fn neg(&mut self) {
        self.nanos = self.nanos.saturating_neg();
        self.cached = None;
    }

    /// The canonical form computed from the value (ignores a remembered input string).
    pub fn canonical(&self) -> String {
        if self.nanos == 0 {
            return "0".to_string();
        }
        let mut format = self.format;
        if format == Format::BinarySI
            && (self.nanos.unsigned_abs() < 1024 * NANOS_PER_UNIT as u128 || self.nanos % NANOS_PER_UNIT != 0)
        {
            format = Format::DecimalSI;
        }
        if format == Format::BinarySI {
            let mut v = self.nanos / NANOS_PER_UNIT;
            let mut k = 0;
            while k < 6 && v % 1024 == 0 {
                v /= 1024;
                k += 1;
            }
            return format!("{v}{}", ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][k]);
        }
        let (mut m, mut e) = (self.nanos, -9i32);
        while m % 10 == 0 {
            m /= 10;
            e += 1;
        }
        match e.rem_euclid(3) {
            1 => {
                m *= 10;
                e -= 1;
            }
            2 => {
                m *= 100;
                e -= 2;
            }
            _ => {}
        }
        let suffix = match (format, e) {
            (Format::DecimalSI, -9) => "n".to_string(),
            (Format::DecimalSI, -6) => "u".to_string(),
            (Format::DecimalSI, -3) => "m".to_string(),
            (_, 0) => String::new(),
            (Format::DecimalSI, 3) => "k".to_string(),
            (Format::DecimalSI, 6) => "M".to_string(),
            (Format::DecimalSI, 9) => "G".to_string(),
            (Format::DecimalSI, 12) => "T".to_string(),
            (Format::DecimalSI, 15) => "P".to_string(),
            (Format::DecimalSI, 18) => "E".to_string(),
            (_, e) => format!("e{e}"),
        };
        format!("{m}{suffix}")
    }
}

/// Whether upstream's int64 fast path keeps the input string as the serialized form.
fn canonical_input(num: &str, denom: &str, base: u32, exponent: i32) -> bool {
    let digits = num.len() + denom.len();
    let (precision_ok, scale) = if base == 2 {
        let ok = denom.is_empty() && 15 - num.len() as i64 - i64::from(exponent * 3 / 10) > 0;
        (ok, -(denom.len() as i64))
    } else {
        (digits <= 18, i64::from(exponent) - denom.len() as i64)
    };
    if !precision_ok || scale < -9 {
        return false;
    }
    let shifted = format!("{num}{denom}");
    let Ok(value) = shifted.parse::<i64>() else {
        return false;
    };
    if base == 2 {
        let fits = value.checked_mul(1i64 << exponent).is_some();
        fits && value & 0x07 != 0
    } else {
        scale % 3 == 0 && !shifted.ends_with("000") && !shifted.starts_with('0')
    }
}

impl FromStr for Quantity {
    type Err = String;

    fn from_str(s: &str) -> Result<Quantity, String> {
        Quantity::parse(s)
    }
}

impl fmt::Display for Quantity {
    /// The string the API server would store: the remembered input if canonical, else the canonical form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cached {
            Some(s) => f.write_str(s),
            None => f.write_str(&self.canonical()),
        }
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Quantity) -> bool {
        self.nanos == other.nanos
    }
}

impl Eq for Quantity {}

impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Quantity) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Quantity {
    fn cmp(&self, other: &Quantity) -> Ordering {
        self.nanos.cmp(&other.nanos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        Quantity::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    /// Upstream test helper `decQuantity(i, exponent, format)`: i * 10^exponent.
    fn dq(i: i128, exp: i32, format: Format) -> Quantity {
        let nanos = if exp >= -9 {
            i * 10i128.pow((exp + 9) as u32)
        } else {
            i / 10i128.pow((-9 - exp) as u32)
        };
        Quantity::from_nanos(nanos, format)
    }

    use Format::{BinarySI as B, DecimalExponent as X, DecimalSI as D};

    #[test]
    fn parse_table_from_upstream() {
        let max = Quantity::from_nanos(MAX_BINARY_NANOS as i128, B);
        let cases = [
            ("0", dq(0, 0, D)),
            ("0n", dq(0, 0, D)),
            ("0m", dq(0, 0, D)),
            ("0Ki", dq(0, 0, B)),
            ("0M", dq(0, 0, D)),
            ("0Ti", dq(0, 0, B)),
            ("1", dq(1, 0, D)),
            ("1Ki", dq(1024, 0, B)),
            ("8Ki", dq(8 * 1024, 0, B)),
            ("7Mi", dq(7 << 20, 0, B)),
            ("6Gi", dq(6 << 30, 0, B)),
            ("5Ti", dq(5 << 40, 0, B)),
            ("4Pi", dq(4 << 50, 0, B)),
            ("3Ei", dq(3 << 60, 0, B)),
            ("100Ti", dq(100 << 40, 0, B)),
            ("5n", dq(5, -9, D)),
            ("4u", dq(4, -6, D)),
            ("3m", dq(3, -3, D)),
            ("8k", dq(8, 3, D)),
            ("50k", dq(5, 4, D)),
            ("7M", dq(7, 6, D)),
            ("6G", dq(6, 9, D)),
            ("5T", dq(5, 12, D)),
            ("300T", dq(3, 14, D)),
            ("2P", dq(2, 15, D)),
            ("1E", dq(1, 18, D)),
            ("1E-3", dq(1, -3, X)),
            ("1e3", dq(1, 3, X)),
            ("1E6", dq(1, 6, X)),
            ("1E18", dq(1, 18, X)),
            ("1e14", dq(1, 14, X)),
            ("100.035k", dq(100035, 0, D)),
            ("0.001", dq(1, -3, D)),
            ("0.0005k", dq(5, -1, D)),
            ("0.5", dq(5, -1, D)),
            ("0.00500", dq(5, -3, D)),
            ("0.5e0", dq(5, -1, X)),
            ("0.5e-2", dq(5, -3, X)),
            ("10.035M", dq(10035, 3, D)),
            ("1.2e3", dq(12, 2, X)),
            ("1.3E+6", dq(13, 5, X)),
            ("1.40e9", dq(14, 8, X)),
            ("1.7E18", dq(17, 17, X)),
            ("9.01", dq(901, -2, D)),
            ("7.123456M", dq(7123456, 0, D)),
            ("6.987654321G", dq(6987654321, 0, D)),
            ("2.5P", dq(25, 14, D)),
            ("1.01E", dq(101, 16, D)),
            ("3.001n", dq(4, -9, D)),
            ("1.1E-9", dq(2, -9, X)),
            ("0.0000000001", dq(1, -9, D)),
            ("0.0000000005", dq(1, -9, D)),
            ("0.5e-9", dq(1, -9, X)),
            ("0.9n", dq(1, -9, D)),
            ("0.00000012345", dq(124, -9, D)),
            ("0.00000012354", dq(124, -9, D)),
            ("9Ei", max.clone()),
            ("9223372036854775807Ki", max),
            ("12E", dq(12, 18, D)),
            ("100.035Ki", dq(10243584, -2, B)),
            ("0.5Mi", dq(524288, 0, B)),
            ("0.05Gi", dq(536870912, -1, B)),
            ("0.025Ti", dq(274877906944, -1, B)),
            ("0.000000000001Ki", dq(2, -9, D)),
            (".001", dq(1, -3, D)),
            (".0001k", dq(100, -3, D)),
            ("1.", dq(1, 0, D)),
            ("1.G", dq(1, 9, D)),
        ];
        for (input, want) in cases {
            for (prefix, sign) in [("", 1), ("+", 1), ("-", -1)] {
                let got = q(&format!("{prefix}{input}"));
                assert_eq!(got.nanos(), sign * want.nanos(), "{prefix}{input}");
                assert_eq!(got.format(), want.format(), "{prefix}{input}");
            }
        }
    }

    #[test]
    fn parse_errors() {
        let format = ["", "aoeu", "1.1.M", "1+1.0M", " 1", "1 ", "1 Ki", "1Mi5x", "0.1am"];
        for s in format {
            assert_eq!(Quantity::parse(s).err().as_deref(), Some(ERR_FORMAT_WRONG), "{s:?}");
        }
        for s in ["0.1mi", ".5i", "1i", "-3.01i", "-3.01e-", "1Mi5", "1e"] {
            assert_eq!(Quantity::parse(s).err().as_deref(), Some(ERR_SUFFIX), "{s:?}");
        }
        assert_eq!(
            ERR_FORMAT_WRONG,
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        );
        assert_eq!(Quantity::parse("1e40").err().as_deref(), Some(ERR_NUMERIC));
        assert!("1Ki".parse::<Quantity>().is_ok());
    }

    #[test]
    fn canonical_strings_from_upstream() {
        let cases = [
            (dq(1 << 30, 0, B), "1Gi", "1024Mi"),
            (dq(300 << 20, 0, B), "300Mi", "307200Ki"),
            (dq(6 * 1024, 0, B), "6Ki", ""),
            (dq(1001 << 30, 0, B), "1001Gi", "1025024Mi"),
            (dq(1 << 40, 0, B), "1Ti", "1024Gi"),
            (dq(5, 0, B), "5", "5000m"),
            (dq(500, -3, B), "500m", "0.5"),
            (dq(1, 9, D), "1G", "1000M"),
            (dq(1000, 6, D), "1G", "0.001T"),
            (dq(1000000000, 0, D), "1G", ""),
            (dq(1, -3, D), "1m", "1000u"),
            (dq(80, -3, D), "80m", ""),
            (dq(1080, -3, D), "1080m", "1.08"),
            (dq(108, -2, D), "1080m", "1080000000n"),
            (dq(10800, -4, D), "1080m", ""),
            (dq(300, 6, D), "300M", ""),
            (dq(1, 12, D), "1T", ""),
            (dq(1, 18, D), "1E", ""),
            (dq(1, 21, D), "1e21", "1000E"),
            (dq(5, 21, D), "5e21", "5000E"),
            (dq(1234567, 6, D), "1234567M", ""),
            (dq(1234567, -3, B), "1234567m", ""),
            (dq(3, 3, D), "3k", ""),
            (dq(1025, 0, B), "1025", ""),
            (dq(0, 0, D), "0", ""),
            (dq(0, 0, B), "0", ""),
            (dq(1, 9, X), "1e9", ".001e12"),
            (dq(1, -3, X), "1e-3", "0.001e0"),
            (dq(1, -9, X), "1e-9", "1000e-12"),
            (dq(80, -3, X), "80e-3", ""),
            (dq(300, 6, X), "300e6", ""),
            (dq(1, 12, X), "1e12", ""),
            (dq(3, 3, X), "3e3", ""),
            (dq(0, 0, X), "0", "00"),
            (dq(1, -9, D), "1n", ""),
            (dq(1080, -9, D), "1080n", ""),
            (dq(108, -8, D), "1080n", ""),
            (dq(10800, -10, D), "1080n", ""),
            (dq(1, -6, D), "1u", ""),
            (dq(1080, -6, D), "1080u", ""),
        ];
        for (value, expect, alternate) in cases {
            assert_eq!(value.to_string(), expect, "{value:?}");
            let parsed = q(expect);
            assert_eq!(parsed.to_string(), expect);
            assert_eq!(parsed, value);
            if !alternate.is_empty() {
                assert_eq!(q(alternate).to_string(), expect, "{alternate}");
            }
            if !value.is_zero() {
                let mut neg = value.clone();
                neg.neg();
                assert_eq!(neg.to_string(), format!("-{expect}"));
            }
        }
    }

    #[test]
    fn parse_emit() {
        let cases = [
            ("1Ki", "1Ki"),
            ("1Mi", "1Mi"),
            ("1024Mi", "1Gi"),
            ("1000M", "1G"),
            (".001Ki", "1024m"),
            (".000001Ki", "1024u"),
            (".000000001Ki", "1024n"),
            (".000000000001Ki", "2n"),
            ("100m", "100m"),
            ("0.1", "100m"),
            ("1.5Gi", "1536Mi"),
            ("129e6", "129e6"),
            ("2", "2"),
            ("500M", "500M"),
            ("1.5", "1500m"),
            ("1000m", "1"),
            ("2000Mi", "2000Mi"),
            ("0.5Gi", "512Mi"),
            ("1e3", "1e3"),
            ("10e3", "10e3"),
            ("+1", "+1"),
            ("01", "01"),
            ("1.0", "1"),
            ("-0", "0"),
            ("e3", "0"),
            ("100.035Ki", "102435840m"),
        ];
        for (input, want) in cases {
            assert_eq!(q(input).to_string(), want, "{input}");
        }
        for (input, want) in &cases[..8] {
            assert_eq!(q(&format!("-{input}")).to_string(), format!("-{want}"), "-{input}");
        }
    }

    #[test]
    fn arithmetic_and_values() {
        let mut a = q("1500m");
        a.add(&q("500m"));
        assert_eq!(a.to_string(), "2");
        let mut z = q("0");
        z.add(&q("1Gi"));
        assert_eq!(z.to_string(), "1Gi");
        let mut z = q("0");
        z.sub(&q("100m"));
        assert_eq!(z.to_string(), "-100m");
        let mut m = q("1Gi");
        m.sub(&q("512Mi"));
        assert_eq!(m.to_string(), "512Mi");
        let mut n = q("100m");
        n.add(&q("0"));
        assert_eq!(n.to_string(), "100m");
        assert_eq!(q("100m").milli_value(), 100);
        assert_eq!(q("100m").value(), 1);
        assert_eq!(q("1.5").value(), 2);
        assert_eq!(q("-1.5").value(), -2);
        assert_eq!(q("2").milli_value(), 2000);
        assert_eq!(q("1Ki").value(), 1024);
        assert_eq!(q("0.0001").milli_value(), 1);
        assert_eq!(q("1n").milli_value(), 1);
        assert_eq!(q("128Mi").value(), 134217728);
        assert_eq!(Quantity::from_nanos(i128::MAX, D).value(), i64::MAX);
        let mut min = Quantity::from_nanos(i128::MIN, B);
        assert!(min.to_string().starts_with('-'));
        min.neg();
        assert_eq!(min.nanos(), i128::MAX);
        assert!(q("100m") > q("50m"));
        assert!(q("10000T") > q("100Gi"));
        assert_eq!(q("1"), q("1000m"));
        assert_eq!(q("0").cmp(&q("0n")), Ordering::Equal);
    }

    #[test]
    fn constructors_from_upstream() {
        let milli = [
            (1, D, "1m"),
            (1000, D, "1"),
            (1234000, D, "1234"),
            (1024, B, "1024m"),
            (1000000, X, "1e3"),
            (1024 * 1024, B, "1048576m"),
        ];
        for (v, f, want) in milli {
            assert_eq!(Quantity::from_milli(v, f).to_string(), want);
        }
        let whole = [
            (1, D, "1"),
            (1000, D, "1k"),
            (1234000, D, "1234k"),
            (1024, B, "1Ki"),
            (1000000, X, "1e6"),
            (1024 * 1024, B, "1Mi"),
        ];
        for (v, f, want) in whole {
            let made = Quantity::from_value(v, f);
            assert_eq!(made.to_string(), want);
            assert_eq!(q(want).value(), v);
        }
        assert_eq!(Format::BinarySI.as_str(), "BinarySI");
        assert_eq!(Quantity::default().to_string(), "0");
    }
}
