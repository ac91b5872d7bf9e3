//! `ParseQuantity`: splitting number and suffix, interpreting the suffix, scaling to nano-units, and
//! whether the input is already canonical.

use super::{ERR_FORMAT_WRONG, ERR_NUMERIC, ERR_SUFFIX, Format, MAX_BINARY_NANOS, NANOS_PER_UNIT, Quantity};

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
