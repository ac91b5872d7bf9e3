//! A state field kept as its stored JSON until a command first uses it (most never do).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::cell::OnceCell;

/// `T` decoded on first use from the JSON it was loaded from; written back verbatim if never used.
#[derive(Clone, Debug, Default)]
pub struct Lazy<T> {
    raw: Option<Box<RawValue>>,
    value: OnceCell<T>,
}

impl<T: DeserializeOwned + Default> Lazy<T> {
    pub fn get(&self) -> &T {
        self.value.get_or_init(|| {
            // The JSON was checked when the state was loaded; a value of the wrong shape reads as empty.
            self.raw
                .as_ref()
                .and_then(|r| serde_json::from_str(r.get()).ok())
                .unwrap_or_default()
        })
    }

    pub fn get_mut(&mut self) -> &mut T {
        self.get();
        self.raw = None;
        self.value.get_mut().expect("initialised by get")
    }
}

impl<T: DeserializeOwned + Default + PartialEq> PartialEq for Lazy<T> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl<T: Serialize> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.value.get(), &self.raw) {
            (Some(v), _) => v.serialize(s),
            (None, Some(raw)) => raw.serialize(s),
            (None, None) => serde_json::Map::new().serialize(s),
        }
    }
}

impl<'de, T> Deserialize<'de> for Lazy<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Lazy {
            raw: Some(Box::<RawValue>::deserialize(d)?),
            value: OnceCell::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Lazy;
    use std::collections::BTreeMap;

    #[test]
    fn decodes_on_first_use_and_writes_back_verbatim() {
        let l: Lazy<BTreeMap<String, u32>> = serde_json::from_str(r#"{"b": 2,"a":1}"#).expect("json");
        // Untouched: the stored bytes, spacing and order included.
        assert_eq!(serde_json::to_string(&l).expect("json"), r#"{"b": 2,"a":1}"#);
        let mut l = l;
        assert_eq!(l.get()["a"], 1);
        l.get_mut().insert("c".into(), 3);
        assert_eq!(serde_json::to_string(&l).expect("json"), r#"{"a":1,"b":2,"c":3}"#);
        assert_eq!(
            serde_json::to_string(&Lazy::<BTreeMap<String, u32>>::default()).expect("json"),
            "{}"
        );
    }
}
