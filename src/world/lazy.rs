//! A state field kept as its stored JSON until a command first uses it (most never do).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::cell::OnceCell;

/// `T` decoded on first use from the JSON it was loaded from; written back verbatim if never used.
/// A stored value that does not decode is an error on use (the store is corrupt), never a default.
#[derive(Clone, Debug, Default)]
pub struct Lazy<T> {
    raw: Option<Box<RawValue>>,
    value: OnceCell<Result<T, String>>,
}

impl<T: DeserializeOwned + Default> Lazy<T> {
    fn decoded(&self) -> &Result<T, String> {
        self.value.get_or_init(|| match &self.raw {
            None => Ok(T::default()),
            Some(raw) => serde_json::from_str(raw.get()).map_err(|e| e.to_string()),
        })
    }

    pub fn get(&self) -> Result<&T, String> {
        self.decoded().as_ref().map_err(Clone::clone)
    }

    pub fn get_mut(&mut self) -> Result<&mut T, String> {
        self.decoded();
        match self.value.get_mut() {
            Some(Ok(v)) => {
                self.raw = None;
                Ok(v)
            }
            Some(Err(e)) => Err(e.clone()),
            None => Err("not decoded".into()),
        }
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
            (Some(Ok(v)), _) => v.serialize(s),
            (_, Some(raw)) => raw.serialize(s),
            (_, None) => serde_json::Map::new().serialize(s),
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

    type Map = Lazy<BTreeMap<String, u32>>;

    #[test]
    fn decodes_on_first_use_and_writes_back_verbatim() {
        let l: Map = serde_json::from_str(r#"{"b": 2,"a":1}"#).expect("json");
        // Untouched: the stored bytes, spacing and order included.
        assert_eq!(serde_json::to_string(&l).expect("json"), r#"{"b": 2,"a":1}"#);
        let mut l = l;
        assert_eq!(l.get().expect("decodes")["a"], 1);
        l.get_mut().expect("decodes").insert("c".into(), 3);
        assert_eq!(serde_json::to_string(&l).expect("json"), r#"{"a":1,"b":2,"c":3}"#);
        assert_eq!(serde_json::to_string(&Map::default()).expect("json"), "{}");
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_an_error_and_kept() {
        let mut l: Map = serde_json::from_str(r#"{"a":"x"}"#).expect("json");
        assert!(l.get_mut().is_err());
        assert_eq!(serde_json::to_string(&l).expect("json"), r#"{"a":"x"}"#);
    }
}
