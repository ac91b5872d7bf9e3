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
