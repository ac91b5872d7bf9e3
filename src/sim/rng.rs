//! The seeded generator (splitmix64) behind every random-looking name, UID and address.

use serde::{Deserialize, Serialize};

const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// A deterministic generator whose whole state is one integer kept in the store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rng(pub u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// `n` characters from Kubernetes' name alphabet, as generateName suffixes use.
    pub fn suffix(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| ALPHABET[self.below(ALPHABET.len() as u64) as usize] as char)
            .collect()
    }

    /// A version-4 UUID.
    pub fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        let time_hi = ((a & 0x0fff) | 0x4000) as u16;
        let clock = (((b >> 48) & 0x3fff) | 0x8000) as u16;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            (a >> 32) as u32,
            ((a >> 16) & 0xffff) as u16,
            time_hi,
            clock,
            b & 0xffff_ffff_ffff
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.suffix(5), b.suffix(5));
        assert_eq!(a.uuid(), b.uuid());
        let s = Rng::new(1).suffix(5);
        assert_eq!(s.len(), 5);
        assert!(s.bytes().all(|c| ALPHABET.contains(&c)));
        let u = Rng::new(1).uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
    }
}
