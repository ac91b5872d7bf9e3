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
    /// Pods only: the stored digests (`pod_digest`) of the loaded pods, by key, raw until used,
    /// and their chunks (runs of whole entries) for decoding on several cores.
    digests: Option<&'static [u8]>,
    digest_chunks: Vec<&'static [u8]>,
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
            digest_chunks: Vec::new(),
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
            digest_chunks: Vec::new(),
            digest_map: OnceCell::new(),
        }
    }

    /// The digests stored beside a loaded pod section (written by `save` from the same pods), and
    /// their chunks in order.
    pub fn with_digests(mut self, digests: &'static [u8], chunks: Vec<&'static [u8]>) -> Self {
        self.digests = Some(digests);
        self.digest_chunks = chunks;
        self
    }

    /// The stored digests and their chunks, if the section is untouched since load: they can be
    /// written back as they are.
    pub fn digests_if_untouched(&self) -> Option<(&'static [u8], &[&'static [u8]])> {
        if self.modified {
            None
        } else {
            self.digests.map(|d| (d, self.digest_chunks.as_slice()))
        }
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
            let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            if self.digests.is_some() && self.digest_chunks.len() > 1 && cores > 1 {
                return self.parallel_pod_summaries(cores, ns, chunk, corrupt, f);
            }
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
        let Some(raw) = raw else { return };
        let mut walk = Walk {
            ns,
            chunk,
            batch: Vec::with_capacity(chunk),
            f,
        };
        if let Err(e) = walk.run(raw) {
            corrupt.borrow_mut().get_or_insert(format!("pods: {e}"));
            return;
        }
        if !walk.batch.is_empty() {
            (walk.f)(&walk.batch);
        }
    }

    /// The digests' chunks decoded a wave at a time, one chunk per core, and handed to `f` in
    /// order: the same pods in the same order as one pass.
    fn parallel_pod_summaries(
        &self,
        cores: usize,
        ns: Option<&str>,
        chunk: usize,
        corrupt: &RefCell<Option<String>>,
        f: &mut dyn FnMut(&[Object]),
    ) {
        // A chunk is whole `"key":{...}` entries: braced, it is a section of its own.
        let decode = |c: &[u8]| -> Result<Vec<Object>, String> {
            let mut braced = Vec::with_capacity(c.len() + 2);
            braced.push(b'{');
            braced.extend_from_slice(c);
            braced.push(b'}');
            let mut none = |_: &[Object]| {};
            let mut walk = Walk {
                ns,
                chunk: usize::MAX,
                batch: Vec::new(),
                f: &mut none,
            };
            walk.run(&braced).map_err(|e| e.to_string())?;
            Ok(walk.batch)
        };
        for wave in self.digest_chunks.chunks(cores) {
            let decoded: Vec<Result<Vec<Object>, String>> = std::thread::scope(|s| {
                let handles: Vec<_> = wave.iter().map(|c| s.spawn(|| decode(c))).collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|_| Err("a decoding thread failed".into())))
                    .collect()
            });
            for pods in decoded {
                match pods {
                    Ok(pods) => pods.chunks(chunk.max(1)).for_each(&mut *f),
                    Err(e) => {
                        corrupt.borrow_mut().get_or_insert(format!("pod digests: {e}"));
                        return;
                    }
                }
            }
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

/// A walk over a section's `key: pod` entries decoding each pod of `ns` (or all) as a summary,
/// handing them to `f` `chunk` at a time (what is left stays in `batch`).
struct Walk<'a> {
    ns: Option<&'a str>,
    chunk: usize,
    batch: Vec<Object>,
    f: &'a mut dyn FnMut(&[Object]),
}

impl Walk<'_> {
    fn run(&mut self, raw: &[u8]) -> Result<(), serde_json::Error> {
        use serde::de::Deserializer as _;
        let mut de = serde_json::Deserializer::from_slice(raw);
        (&mut de).deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for &mut Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a section of objects by key")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let wanted = self.ns.is_none_or(|ns| ObjKey::decode(&key).namespace == ns);
            if !wanted {
                map.next_value::<serde::de::IgnoredAny>()?;
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
