//! Resource quantities (`100m`, `1.5Gi`, `129e6`): parsing, canonical form, arithmetic, as apimachinery `resource.Quantity`.

mod parse;

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

impl Quantity {
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
mod tests;
