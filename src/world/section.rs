//! One kind's objects: kept as the store's raw JSON until first read, then decoded one object at
//! a time, so a command touching a few objects never decodes the whole cluster.

use crate::api::{Kind, ObjKey, Object, decode_str};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;

/// An object, raw as stored and/or decoded.
pub struct Entry {
    raw: Option<&'static RawValue>,
    obj: OnceCell<Object>,
}

impl Entry {
    /// The stored JSON of an unmodified object, if it was never re-encoded.
    pub fn raw(&self) -> Option<&RawValue> {
        self.raw
    }

    pub fn decoded(&self) -> Option<&Object> {
        self.obj.get()
    }
}

pub struct Section {
    /// The section's bytes in the loaded file, not yet validated: they are checked (UTF-8 and JSON)
    /// when first expanded, and written back untouched otherwise.
    raw: Option<&'static [u8]>,
    entries: OnceCell<BTreeMap<ObjKey, Entry>>,
    modified: bool,
    /// Pods only: the stored digests (`pod_digest`) of the loaded pods, by key, raw until used.
    digests: Option<&'static [u8]>,
    digest_map: OnceCell<BTreeMap<Cow<'static, str>, &'static RawValue>>,
}

impl Section {
    pub fn empty() -> Self {
        let entries = OnceCell::new();
        let _ = entries.set(BTreeMap::new());
        Section {
            raw: None,
            entries,
            modified: false,
            digests: None,
            digest_map: OnceCell::new(),
        }
    }

    /// A section borrowed from the loaded file, which lives for the whole process.
    pub fn from_raw(raw: &'static [u8]) -> Self {
        Section {
            raw: Some(raw),
            entries: OnceCell::new(),
            modified: false,
            digests: None,
            digest_map: OnceCell::new(),
        }
    }

    /// The digests stored beside a loaded pod section (written by `save` from the same pods).
    pub fn with_digests(mut self, digests: &'static [u8]) -> Self {
        self.digests = Some(digests);
        self
    }

    /// The stored digests, if the section is untouched since load: they can be written back as is.
    pub fn digests_if_untouched(&self) -> Option<&[u8]> {
        if self.modified { None } else { self.digests }
    }

    /// The stored digest of a loaded pod, if the store has digests.
    pub fn digest(&self, key: &ObjKey, corrupt: &RefCell<Option<String>>) -> Option<&'static RawValue> {
        self.digest_map(corrupt)?.get(key.encode().as_str()).copied()
    }

    fn digest_map(&self, corrupt: &RefCell<Option<String>>) -> Option<&BTreeMap<Cow<'static, str>, &'static RawValue>> {
        let raw = self.digests?;
        Some(self.digest_map.get_or_init(|| {
            serde_json::from_slice(raw).unwrap_or_else(|e| {
                corrupt.borrow_mut().get_or_insert(format!("pod digests: {e}"));
                BTreeMap::new()
            })
        }))
    }

    /// Each loaded pod's digest, in key order, without expanding the section; None when the store
    /// has no digests or the section was expanded (then its entries are the truth).
    pub fn loaded_digests(
        &self,
        corrupt: &RefCell<Option<String>>,
    ) -> Option<impl Iterator<Item = (ObjKey, &'static RawValue)>> {
        if self.entries.get().is_some() {
            return None;
        }
        let map = self.digest_map(corrupt)?;
        Some(map.iter().map(|(k, v)| (ObjKey::decode(k), *v)))
    }

    /// Untouched since load: the raw section can be written back as it is.
    pub fn raw_if_untouched(&self) -> Option<&[u8]> {
        if self.modified { None } else { self.raw }
    }

    pub fn entries(&self, corrupt: &RefCell<Option<String>>) -> &BTreeMap<ObjKey, Entry> {
        self.entries.get_or_init(|| {
            let Some(raw) = self.raw else { return BTreeMap::new() };
            // serde_json checks UTF-8 as it reads the slice (each raw value it hands out is valid).
            match serde_json::from_slice::<BTreeMap<String, &'static RawValue>>(raw) {
                Ok(m) => m
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            ObjKey::decode(&k),
                            Entry {
                                raw: Some(v),
                                obj: OnceCell::new(),
                            },
                        )
                    })
                    .collect(),
                Err(e) => {
                    corrupt.borrow_mut().get_or_insert(format!("section: {e}"));
                    BTreeMap::new()
                }
            }
        })
    }

    fn entries_mut(&mut self) -> &mut BTreeMap<ObjKey, Entry> {
        let dummy = RefCell::new(None);
        self.entries(&dummy);
        self.modified = true;
        self.entries.get_mut().expect("entries initialised above")
    }

    fn decode<'a>(kind: Kind, key: &ObjKey, e: &'a Entry, corrupt: &RefCell<Option<String>>) -> Option<&'a Object> {
        if let Some(o) = e.obj.get() {
            return Some(o);
        }
        let raw = e.raw.as_ref()?;
        match decode_str(kind, raw.get()) {
            Ok(o) => Some(e.obj.get_or_init(|| o)),
            Err(err) => {
                corrupt
                    .borrow_mut()
                    .get_or_insert(format!("{} {key}: {err}", kind.plural()));
                None
            }
        }
    }

    pub fn get(&self, kind: Kind, key: &ObjKey, corrupt: &RefCell<Option<String>>) -> Option<&Object> {
        let e = self.entries(corrupt).get(key)?;
        Self::decode(kind, key, e, corrupt)
    }

    pub fn list(&self, kind: Kind, ns: Option<&str>, corrupt: &RefCell<Option<String>>) -> Vec<&Object> {
        let entries = self.entries(corrupt);
        let iter: Box<dyn Iterator<Item = (&ObjKey, &Entry)>> = match ns {
            Some(ns) if kind.namespaced() => {
                let start = ObjKey::new(ns, "");
                Box::new(entries.range(start..).take_while(move |(k, _)| k.namespace == ns))
            }
            _ => Box::new(entries.iter()),
        };
        iter.filter_map(|(k, e)| Self::decode(kind, k, e, corrupt)).collect()
    }

    /// Objects in `ns` whose names start with `prefix`, in name order.
    pub fn list_prefix(&self, kind: Kind, ns: &str, prefix: &str, corrupt: &RefCell<Option<String>>) -> Vec<&Object> {
        let entries = self.entries(corrupt);
        let start = ObjKey::new(ns, prefix);
        entries
            .range(start..)
            .take_while(|(k, _)| k.namespace == ns && k.name.starts_with(prefix))
            .filter_map(|(k, e)| Self::decode(kind, k, e, corrupt))
            .collect()
    }

    /// Calls `f` with each pod of `ns` (or all), `chunk` at a time: raw pods decoded as summaries
    /// (`decode_pod_summary`) and dropped after the call, decoded ones cloned. For listing many pods
    /// without holding their decodes; a section never expanded is read in one streaming pass.
    pub fn for_each_pod_summary(
        &self,
        ns: Option<&str>,
        chunk: usize,
        corrupt: &RefCell<Option<String>>,
        f: &mut dyn FnMut(&[Object]),
    ) {
        if self.entries.get().is_none() && self.raw.is_some() {
            // The digests hold everything a summary reads, in a third of the bytes.
            return self.stream_pod_summaries(self.digests.or(self.raw), ns, chunk, corrupt, f);
        }
        let entries = self.entries(corrupt);
        let iter: Box<dyn Iterator<Item = (&ObjKey, &Entry)>> = match ns {
            Some(ns) => Box::new(
                entries
                    .range(ObjKey::new(ns, "")..)
                    .take_while(move |(k, _)| k.namespace == ns),
            ),
            None => Box::new(entries.iter()),
        };
        let mut batch = Vec::with_capacity(chunk);
        for (k, e) in iter {
            if let Some(o) = e.obj.get() {
                batch.push(o.clone());
            } else if let Some(raw) = e.raw {
                match crate::api::decode_pod_summary(raw.get()) {
                    Ok(o) => batch.push(o),
                    Err(err) => {
                        corrupt.borrow_mut().get_or_insert(format!("{k}: {err}"));
                    }
                }
            }
            if batch.len() == chunk {
                f(&batch);
                batch.clear();
            }
        }
        if !batch.is_empty() {
            f(&batch);
        }
    }

    /// One pass over a section never expanded (or its digests): each pod is decoded as a summary
    /// straight from the file as it is read.
    fn stream_pod_summaries(
        &self,
        raw: Option<&'static [u8]>,
        ns: Option<&str>,
        chunk: usize,
        corrupt: &RefCell<Option<String>>,
        f: &mut dyn FnMut(&[Object]),
    ) {
        use serde::de::{Deserializer as _, IgnoredAny, MapAccess, Visitor};

        struct Walk<'a> {
            ns: Option<&'a str>,
            chunk: usize,
            batch: Vec<Object>,
            f: &'a mut dyn FnMut(&[Object]),
        }
        impl<'de> Visitor<'de> for &mut Walk<'_> {
            type Value = ();
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a section of objects by key")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let wanted = self.ns.is_none_or(|ns| ObjKey::decode(&key).namespace == ns);
                    if !wanted {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                    let crate::api::PodSummary(o) = map.next_value()?;
                    self.batch.push(o);
                    if self.batch.len() == self.chunk {
                        (self.f)(&self.batch);
                        self.batch.clear();
                    }
                }
                Ok(())
            }
        }
        let Some(raw) = raw else { return };
        let mut walk = Walk {
            ns,
            chunk,
            batch: Vec::with_capacity(chunk),
            f,
        };
        let mut de = serde_json::Deserializer::from_slice(raw);
        if let Err(e) = (&mut de).deserialize_map(&mut walk) {
            corrupt.borrow_mut().get_or_insert(format!("pods: {e}"));
            return;
        }
        if !walk.batch.is_empty() {
            (walk.f)(&walk.batch);
        }
    }

    pub fn len(&self, corrupt: &RefCell<Option<String>>) -> usize {
        self.entries(corrupt).len()
    }

    pub fn insert(&mut self, key: ObjKey, obj: Object) {
        let cell = OnceCell::new();
        let _ = cell.set(obj);
        self.entries_mut().insert(key, Entry { raw: None, obj: cell });
    }

    pub fn remove(&mut self, key: &ObjKey) {
        self.entries_mut().remove(key);
    }

    pub fn iter_for_save<'a>(
        &'a self,
        corrupt: &'a RefCell<Option<String>>,
    ) -> impl Iterator<Item = (&'a ObjKey, &'a Entry)> {
        self.entries(corrupt).iter()
    }
}
