//! JSON rendering of values, byte-for-byte as kubectl `-o json` prints them.

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{Formatter, PrettyFormatter, Serializer};
use std::io::{self, Write};

/// Renders `v` like kubectl's JSON printer: 4-space indentation, Go's HTML-safe string
/// escaping, and a trailing newline.
pub fn to_json(v: &Value) -> String {
    let mut buf = Vec::new();
    let mut ser = Serializer::with_formatter(&mut buf, GoFormatter(PrettyFormatter::with_indent(b"    ")));
    if v.serialize(&mut ser).is_err() {
        return String::new();
    }
    buf.push(b'\n');
    String::from_utf8(buf).unwrap_or_default()
}

/// serde_json's pretty formatter plus the escapes and number forms of Go's `encoding/json`.
struct GoFormatter(PrettyFormatter<'static>);

impl Formatter for GoFormatter {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }

    /// Go prints integral floats without a fraction (`1.0` as `1`, `-0.0` as `-0`); this
    /// covers the exactly representable ones, below 2^53.
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        if value == 0.0 && value.is_sign_negative() {
            w.write_all(b"-0")
        } else if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
            self.write_i64(w, value as i64)
        } else {
            self.0.write_f64(w, value)
        }
    }

    /// Go's `encoding/json` HTML-escapes `<`, `>` and `&`, and escapes U+2028 and U+2029.
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let esc: &[u8] = match c {
                '<' => b"\\u003c",
                '>' => b"\\u003e",
                '&' => b"\\u0026",
                '\u{2028}' => b"\\u2028",
                '\u{2029}' => b"\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[start..i])?;
            w.write_all(esc)?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::to_json;
    use serde_json::Value;

    /// `(object as JSON, kubectl -o json of it)`, captured from kubectl v1.32.4.
    #[rustfmt::skip]
    const CASES: &[(&str, &str)] = &[
        ("{\"a\": {\"n\": [0, -1, 1, 1.5, -1.5, 1.0, 100.0, 1000.0, 1e+21, 1e-07, 1e-05, 0.0001, 123456.5, 1234567.5, 1e+300, 9007199254740993, 9223372036854775807, -9223372036854775808, 3.14159265358979, 0.1, 2.5e-05, -0.0]}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"n\": [\n            0,\n            -1,\n            1,\n            1.5,\n            -1.5,\n            1,\n            100,\n            1000,\n            1e+21,\n            1e-7,\n            0.00001,\n            0.0001,\n            123456.5,\n            1234567.5,\n            1e+300,\n            9007199254740993,\n            9223372036854775807,\n            -9223372036854775808,\n            3.14159265358979,\n            0.1,\n            0.000025,\n            -0\n        ]\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"ABC\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"ABC\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"x y\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"x y\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"no.\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"no.\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"On_\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"On_\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"~x\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"~x\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"x~\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"x~\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"null \"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"null \"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"NULL1\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"NULL1\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"b\": [true, false, null]}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"b\": [\n            true,\n            false,\n            null\n        ]\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"m\": {\"\": 1, \"true\": 2, \"1\": 3, \"a b\": 4, \"a: b\": 5, \"#x\": 6, \"-\": 7, \"- x\": 8, \"key\\nnl\": 9, \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 10, \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 11, \" lead\": 12, \"é\": 13, \"😀\": 14, \"a\\tb\": 15, \"null\": 16, \"~\": 17, \"x\": {}, \"y\": [], \"z\": [1]}}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"m\": {\n            \"\": 1,\n            \" lead\": 12,\n            \"#x\": 6,\n            \"-\": 7,\n            \"- x\": 8,\n            \"1\": 3,\n            \"a\\tb\": 15,\n            \"a b\": 4,\n            \"a: b\": 5,\n            \"key\\nnl\": 9,\n            \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 11,\n            \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 10,\n            \"null\": 16,\n            \"true\": 2,\n            \"x\": {},\n            \"y\": [],\n            \"z\": [\n                1\n            ],\n            \"~\": 17,\n            \"é\": 13,\n            \"😀\": 14\n        }\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"m\": {\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": [1, 2], \"key\\nnl\": {\"a\": 1}, \"key\\nx\\n\": [1]}}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"m\": {\n            \"key\\nnl\": {\n                \"a\": 1\n            },\n            \"key\\nx\\n\": [\n                1\n            ],\n            \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": [\n                1,\n                2\n            ]\n        }\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"true\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"true\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"\\n\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"\\n\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"a\\nb \"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"a\\nb \"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \" \"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \" \"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"s\": \"a\u{feff}\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"s\": \"a\u{feff}\"\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"lit\": [\"a\\nb\", \"  x\\ny\", \"x\\n\", \"x\\n\\n\", \"\\nx\", \"x\\r\\ny\", \" \\nx\"], \"after\": 1}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"after\": 1,\n        \"lit\": [\n            \"a\\nb\",\n            \"  x\\ny\",\n            \"x\\n\",\n            \"x\\n\\n\",\n            \"\\nx\",\n            \"x\\r\\ny\",\n            \" \\nx\"\n        ]\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"mixed\": [{\"a\": \"x\\ny\", \"b\": [\"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"]}, \"tail\"]}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"mixed\": [\n            {\n                \"a\": \"x\\ny\",\n                \"b\": [\n                    \"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36 word37 word38 word39\"\n                ]\n            },\n            \"tail\"\n        ]\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
        ("{\"a\": {\"nel\": [\"a \u{85} b\", \"a\u{85}\u{85}b\", \"\u{85}a\", \"a \u{85}\u{85} \u{85} b\"], \"bom\": \"\u{feff}a b\\\"\\n\"}, \"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"x\", \"annotations\": {}}}", "{\n    \"a\": {\n        \"bom\": \"\u{feff}a b\\\"\\n\",\n        \"nel\": [\n            \"a \u{85} b\",\n            \"a\u{85}\u{85}b\",\n            \"\u{85}a\",\n            \"a \u{85}\u{85} \u{85} b\"\n        ]\n    },\n    \"apiVersion\": \"v1\",\n    \"kind\": \"ConfigMap\",\n    \"metadata\": {\n        \"annotations\": {},\n        \"name\": \"x\"\n    }\n}\n"),
    ];

    #[test]
    fn matches_kubectl() {
        for (input, expected) in CASES {
            let v: Value = serde_json::from_str(input).unwrap_or_default();
            assert_eq!(to_json(&v), *expected, "input: {input}");
        }
    }

    #[test]
    fn empty_containers() {
        assert_eq!(to_json(&serde_json::json!({})), "{}\n");
        assert_eq!(
            to_json(&serde_json::json!({"a": [], "b": {}})),
            "{\n    \"a\": [],\n    \"b\": {}\n}\n"
        );
    }
}
