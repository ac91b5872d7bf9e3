//! `SimTime` (milliseconds since the Unix epoch) and `SimDuration`, integers that never read a clock.

use serde::{Deserialize, Serialize};

/// An instant on the simulated clock, in milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SimTime(pub i64);

/// A span of simulated time in milliseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SimDuration(pub i64);

impl SimDuration {
    pub const ZERO: SimDuration = SimDuration(0);

    pub fn from_secs(s: i64) -> Self {
        SimDuration(s.saturating_mul(1000))
    }

    pub fn from_millis(ms: i64) -> Self {
        SimDuration(ms)
    }

    pub fn as_secs(self) -> i64 {
        self.0.div_euclid(1000)
    }
}

impl SimTime {
    pub fn from_secs(s: i64) -> Self {
        SimTime(s.saturating_mul(1000))
    }

    /// Whole seconds, as Kubernetes timestamps keep them.
    pub fn secs(self) -> i64 {
        self.0.div_euclid(1000)
    }

    pub fn to_timestamp(self) -> jiff::Timestamp {
        jiff::Timestamp::from_second(self.secs()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    pub fn from_timestamp(t: jiff::Timestamp) -> Self {
        SimTime(t.as_millisecond())
    }

    /// RFC 3339 with second precision, like every Kubernetes timestamp.
    pub fn rfc3339(self) -> String {
        jiff::fmt::strtime::format("%Y-%m-%dT%H:%M:%SZ", self.to_timestamp()).unwrap_or_default()
    }

    pub fn parse_rfc3339(s: &str) -> Result<SimTime, String> {
        s.parse::<jiff::Timestamp>()
            .map(SimTime::from_timestamp)
            .map_err(|e| format!("invalid time {s:?}: {e}"))
    }

    pub fn since(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0 - earlier.0)
    }
}

impl std::ops::Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
}

impl std::ops::Sub<SimDuration> for SimTime {
    type Output = SimTime;
    fn sub(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_sub(d.0))
    }
}

/// Parses a Go duration (`300ms`, `10s`, `1m30s`, `1.5h`, `0`), as Kubernetes fields and kubectl
/// flags such as `--timeout` take them.
pub fn parse_go_duration(s: &str) -> Result<SimDuration, String> {
    let err = || format!("time: invalid duration \"{s}\"");
    let (neg, mut rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if rest == "0" {
        return Ok(SimDuration::ZERO);
    }
    if rest.is_empty() {
        return Err(err());
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let num_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).ok_or_else(err)?;
        if num_end == 0 {
            return Err(err());
        }
        let n: f64 = rest[..num_end].parse().map_err(|_| err())?;
        rest = &rest[num_end..];
        let unit_end = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let ms = match &rest[..unit_end] {
            "ns" => 1e-6,
            "us" | "µs" => 1e-3,
            "ms" => 1.0,
            "s" => 1000.0,
            "m" => 60_000.0,
            "h" => 3_600_000.0,
            _ => return Err(err()),
        };
        total += n * ms;
        rest = &rest[unit_end..];
    }
    let ms = total.round() as i64;
    Ok(SimDuration(if neg { -ms } else { ms }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        assert_eq!(parse_go_duration("10s"), Ok(SimDuration(10_000)));
        assert_eq!(parse_go_duration("1m30s"), Ok(SimDuration(90_000)));
        assert_eq!(parse_go_duration("1.5h"), Ok(SimDuration(5_400_000)));
        assert_eq!(parse_go_duration("300ms"), Ok(SimDuration(300)));
        assert_eq!(parse_go_duration("0"), Ok(SimDuration(0)));
        assert!(parse_go_duration("2d").is_err());
        assert!(parse_go_duration("s").is_err());
        assert!(parse_go_duration("").is_err());
    }

    #[test]
    fn rfc3339_round_trip() {
        let t = SimTime::parse_rfc3339("2024-01-01T00:00:00Z").unwrap();
        assert_eq!(t.secs(), 1_704_067_200);
        assert_eq!(t.rfc3339(), "2024-01-01T00:00:00Z");
        assert_eq!((t + SimDuration::from_secs(600)).rfc3339(), "2024-01-01T00:10:00Z");
    }
}
