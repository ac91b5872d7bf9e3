//! The in-memory cluster: objects per kind (decoded lazily from the store's raw JSON), the
//! simulated clock, timers, the seeded RNG, counters, recorded Events and the change log the
//! engine reads to know which controllers to wake.

mod admission;
mod events;
mod lazy;
mod pod_index;
pub use events::Source;
pub use lazy::Lazy;
mod section;
mod timers;

pub use pod_index::{NodeUsage, PodIndex, PodInfo};
pub use section::Section;
pub use timers::TimerQueue;

use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use crate::api::{Error, Kind, ObjKey, Object, Result, Typed, validation};
use crate::sim::{Rng, SimDuration, SimTime};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;

/// A controller's wake-up call, persisted in the store.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Timer {
    pub at: SimTime,
    pub seq: u64,
    pub controller: String,
    pub key: String,
}

/// The small, always-decoded part of the store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    pub now: SimTime,
    pub seed: u64,
    pub rng: Rng,
    pub resource_version: u64,
    pub namespace: String,
    #[serde(default)]
    pub realtime: bool,
    #[serde(default)]
    pub timer_seq: u64,
    #[serde(default)]
    pub timers: TimerQueue,
    /// No stored Event expires before this (a lower bound: the next sweep is due then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events_expire: Option<SimTime>,
    /// Next host part handed out in each node's pod CIDR (decoded only by commands that start pods).
    #[serde(default)]
    pub pod_ip_next: Lazy<BTreeMap<String, u32>>,
    /// Index of each node's pod CIDR (10.244.N.0/24).
    #[serde(default)]
    pub node_cidr: Lazy<BTreeMap<String, u32>>,
}

impl State {
    pub fn new(seed: u64, now: SimTime) -> Self {
        State {
            now,
            seed,
            rng: Rng::new(seed),
            resource_version: 0,
            namespace: "default".into(),
            realtime: false,
            timer_seq: 0,
            timers: TimerQueue::default(),
            events_expire: None,
            pod_ip_next: Lazy::default(),
            node_cidr: Lazy::default(),
        }
    }
}

/// One write, as the engine sees it: which object, and what it was before (None if created).
#[derive(Clone, Debug)]
pub struct Change {
    pub kind: Kind,
    pub key: ObjKey,
    pub old: Option<Before>,
    pub deleted: bool,
}

/// What the triggers need of an object's previous version (cheaper than a clone of it).
#[derive(Clone, Debug)]
pub struct Before {
    pub meta: ObjectMeta,
    /// For pods: the node it was bound to.
    pub node: Option<String>,
}

impl Before {
    fn of(o: &Object) -> Self {
        let node = match o {
            Object::Pod(p) => crate::api::meta::node_name(p).map(str::to_string),
            _ => None,
        };
        Before {
            meta: o.meta().clone(),
            node,
        }
    }
}

/// The whole cluster in memory.
pub struct World {
    pub state: State,
    sections: BTreeMap<Kind, Section>,
    changes: Vec<Change>,
    dirty: bool,
    corrupt: RefCell<Option<String>>,
    pod_index: OnceCell<PodIndex>,
}

impl World {
    pub fn new(state: State) -> Self {
        let sections = Kind::all().map(|k| (k, Section::empty())).collect();
        World {
            state,
            sections,
            changes: Vec::new(),
            dirty: true,
            corrupt: RefCell::new(None),
            pod_index: OnceCell::new(),
        }
    }

    /// A world over sections loaded from a store, kept raw until used.
    pub fn from_sections(state: State, loaded: BTreeMap<Kind, Section>) -> Self {
        let mut w = World::new(state);
        w.sections.extend(loaded);
        w.dirty = false;
        w
    }

    pub fn sections(&self) -> &BTreeMap<Kind, Section> {
        &self.sections
    }

    pub fn now(&self) -> SimTime {
        self.state.now
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// A stored object that failed to decode: the command must fail without saving.
    pub fn corruption(&self) -> Option<String> {
        self.corrupt.borrow().clone()
    }

    fn section(&self, kind: Kind) -> &Section {
        &self.sections[&kind]
    }

    fn section_mut(&mut self, kind: Kind) -> &mut Section {
        self.sections.entry(kind).or_insert_with(Section::empty)
    }

    // ---- reads ----

    /// An object by key; an Event past its time to live is gone.
    pub fn get_obj(&self, kind: Kind, key: &ObjKey) -> Option<&Object> {
        self.section(kind)
            .get(kind, key, &self.corrupt)
            .filter(|o| self.live(o))
    }

    /// Events expire an hour after their last write (`--event-ttl`), whether or not they were
    /// swept from the store yet; every other object lives until deleted.
    fn live(&self, o: &Object) -> bool {
        match o {
            Object::Event(e) => !events::expired(e, self.now()),
            _ => true,
        }
    }

    pub fn get<T: Typed>(&self, key: &ObjKey) -> Option<&T> {
        self.get_obj(T::KIND, key).and_then(T::from_object)
    }

    /// Objects of a kind, in one namespace or all, ordered by namespace then name.
    pub fn list_objs(&self, kind: Kind, ns: Option<&str>) -> Vec<&Object> {
        let mut objs = self.section(kind).list(kind, ns, &self.corrupt);
        if kind == Kind::Event {
            objs.retain(|o| self.live(o));
        }
        objs
    }

    pub fn list<T: Typed>(&self, ns: Option<&str>) -> Vec<&T> {
        self.list_objs(T::KIND, ns)
            .into_iter()
            .filter_map(T::from_object)
            .collect()
    }

    /// Objects of a kind in `ns` whose names start with `prefix` (a range query: only those
    /// are decoded).
    pub fn list_prefix_objs(&self, kind: Kind, ns: &str, prefix: &str) -> Vec<&Object> {
        let mut objs = self.section(kind).list_prefix(kind, ns, prefix, &self.corrupt);
        if kind == Kind::Event {
            objs.retain(|o| self.live(o));
        }
        objs
    }

    /// Pods of `ns` (or all) with only what a table prints (see `decode_pod_summary`), handed to
    /// `f` a chunk at a time.
    pub fn for_each_pod_summary(&self, ns: Option<&str>, chunk: usize, f: &mut dyn FnMut(&[Object])) {
        self.section(Kind::Pod)
            .for_each_pod_summary(ns, chunk, &self.corrupt, f)
    }

    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Event => self.live_events(),
            _ => self.section(kind).len(&self.corrupt),
        }
    }

    /// The pod index, built on first use from the raw store: from the stored pod digests when
    /// the pods were not touched yet, else a partial decode of each pod (or its digest).
    pub fn pods(&self) -> &PodIndex {
        self.pod_index.get_or_init(|| {
            let mut ix = PodIndex::default();
            let section = self.section(Kind::Pod);
            let from_json = |key: &ObjKey, raw: &RawValue| match PodInfo::from_json(raw.get()) {
                Ok(info) => Some(info),
                Err(e) => {
                    self.corrupt.borrow_mut().get_or_insert(format!("pods {key}: {e}"));
                    None
                }
            };
            if let Some(digests) = section.loaded_digests(&self.corrupt) {
                for (key, raw) in digests {
                    if let Some(info) = from_json(&key, raw) {
                        ix.set(key, info);
                    }
                }
                return ix;
            }
            for (key, entry) in section.iter_for_save(&self.corrupt) {
                let info = match (entry.decoded(), entry.raw()) {
                    (Some(Object::Pod(p)), _) => Some(PodInfo::of(p)),
                    (_, Some(raw)) => from_json(key, section.digest(key, &self.corrupt).unwrap_or(raw)),
                    _ => None,
                };
                if let Some(info) = info {
                    ix.set(key.clone(), info);
                }
            }
            ix
        })
    }

    /// Keeps the pod index (if built) in step with a write.
    fn index_write(&mut self, key: &ObjKey, obj: Option<&Object>) {
        if let Some(ix) = self.pod_index.get_mut() {
            match obj {
                Some(Object::Pod(_)) | None => ix.update_from(key, obj),
                Some(_) => {}
            }
        }
    }

    // ---- writes ----

    fn next_rv(&mut self) -> String {
        self.state.resource_version += 1;
        self.state.resource_version.to_string()
    }

    /// Stores a new object: uid, resourceVersion, creationTimestamp and generation are set here,
    /// as the API server sets them. Pods pass admission first.
    pub fn create(&mut self, mut obj: Object) -> Result<ObjKey> {
        let kind = obj.kind();
        self.generate_name(&mut obj);
        let key = ObjKey::of(obj.meta());
        if self.get_obj(kind, &key).is_some() {
            return Err(Error::already_exists(kind, &key.name));
        }
        if kind.namespaced() && kind != Kind::Event {
            let ns = ObjKey::cluster(key.namespace.clone());
            match self.get_obj(Kind::Namespace, &ns) {
                None => return Err(Error::not_found(Kind::Namespace, &key.namespace)),
                Some(n) if n.meta().deletion_timestamp.is_some() => {
                    return Err(Error::Status {
                        reason: crate::api::Reason::Forbidden,
                        message: format!(
                            "{} {} is forbidden: unable to create new content in namespace {} because it is being terminated",
                            kind.resource(),
                            crate::api::error::go_quote(&key.name),
                            key.namespace
                        ),
                        context: String::new(),
                    });
                }
                Some(_) => {}
            }
        }
        match kind {
            Kind::Pod => admission::admit_pod(&mut obj, &mut self.state.rng, self.state.now),
            Kind::Service => {
                let mut ips = std::collections::BTreeSet::new();
                let mut ports = std::collections::BTreeSet::new();
                for s in self.list::<crate::api::k8s_openapi::api::core::v1::Service>(None) {
                    let Some(spec) = &s.spec else { continue };
                    ips.extend(spec.cluster_ips.iter().flatten().filter(|ip| *ip != "None").cloned());
                    ports.extend(spec.ports.iter().flatten().filter_map(|p| p.node_port));
                }
                admission::admit_service(&mut obj, &mut self.state.rng, &ips, &ports)
                    .map_err(|e| Error::invalid(kind, &key.name, vec![e]))?;
            }
            _ => {}
        }
        let now = self.now();
        let uid = self.state.rng.uuid();
        let rv = self.next_rv();
        let m = obj.meta_mut();
        m.uid = Some(uid);
        m.resource_version = Some(rv);
        m.creation_timestamp = Some(crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::Time(
            now.to_timestamp(),
        ));
        m.generation = if kind.info().has_generation { Some(1) } else { None };
        m.managed_fields = None;
        m.self_link = None;
        if kind == Kind::Pod {
            self.index_write(&key, Some(&obj));
        }
        self.note_write(&obj);
        self.section_mut(kind).insert(key.clone(), obj);
        self.changes.push(Change {
            kind,
            key: key.clone(),
            old: None,
            deleted: false,
        });
        self.dirty = true;
        Ok(key)
    }

    /// Replaces a stored object. Returns false (and changes nothing) when it is identical to
    /// what is stored, so controllers can write idempotently and the engine reaches a fixed point.
    pub fn update(&mut self, mut obj: Object) -> bool {
        let kind = obj.kind();
        let key = ObjKey::of(obj.meta());
        let Some(old) = self.get_obj(kind, &key) else {
            return false;
        };
        crate::api::meta::keep_server_fields(obj.meta_mut(), old.meta());
        if obj == *old {
            return false;
        }
        if kind.info().has_generation && spec_changed(&obj, old) {
            obj.meta_mut().generation = Some(old.meta().generation.unwrap_or(0) + 1);
        }
        let old = Before::of(old);
        let rv = self.next_rv();
        obj.meta_mut().resource_version = Some(rv);
        if kind == Kind::Pod {
            self.index_write(&key, Some(&obj));
        }
        self.note_write(&obj);
        self.section_mut(kind).insert(key.clone(), obj);
        self.changes.push(Change {
            kind,
            key,
            old: Some(old),
            deleted: false,
        });
        self.dirty = true;
        true
    }

    pub fn put<T: Typed>(&mut self, t: T) -> bool {
        self.update(t.into_object())
    }

    /// Removes an object at once (finalizers and grace are the callers' business).
    pub fn remove(&mut self, kind: Kind, key: &ObjKey) -> Option<Object> {
        let old = self.get_obj(kind, key)?.clone();
        if kind == Kind::Pod {
            self.index_write(key, None);
        }
        self.section_mut(kind).remove(key);
        self.changes.push(Change {
            kind,
            key: key.clone(),
            old: Some(Before::of(&old)),
            deleted: true,
        });
        self.dirty = true;
        Some(old)
    }

    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.changes)
    }

    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    // ---- time ----

    pub fn set_now(&mut self, t: SimTime) {
        if t != self.state.now {
            self.state.now = t;
            self.dirty = true;
        }
    }

    /// Schedules `controller` to reconcile `key` at `at` (keeping only the earliest wake-up).
    pub fn wake_at(&mut self, controller: &str, key: &ObjKey, at: SimTime) {
        let seq = self.state.timer_seq + 1;
        if self.state.timers.wake(controller, key.encode(), at, seq) {
            self.state.timer_seq = seq;
            self.dirty = true;
        }
    }

    /// When `controller` is due to reconcile `key` next, if it is.
    pub fn timer_due(&self, controller: &str, key: &ObjKey) -> Option<SimTime> {
        self.state.timers.due(controller, &key.encode())
    }

    pub fn wake_after(&mut self, controller: &str, key: &ObjKey, d: SimDuration) {
        let at = self.now() + d;
        self.wake_at(controller, key, at);
    }

    pub fn next_timer(&self) -> Option<SimTime> {
        self.state.timers.next()
    }

    /// Removes and returns the timers due at or before `t`.
    pub fn pop_due(&mut self, t: SimTime) -> Vec<Timer> {
        let due = self.state.timers.pop_due(t);
        if !due.is_empty() {
            self.dirty = true;
        }
        due
    }

    /// `metadata.generateName` plus 5 random characters, when no name is given.
    fn generate_name(&mut self, obj: &mut Object) {
        if obj.meta().name.as_deref().is_none_or(str::is_empty)
            && let Some(prefix) = obj.meta().generate_name.clone()
        {
            let base: String = prefix.chars().take(58).collect();
            let name = format!("{base}{}", self.state.rng.suffix(5));
            obj.meta_mut().name = Some(name);
        }
    }

    /// Validates and stores a new object on behalf of a user or controller.
    pub fn admit_create(&mut self, mut obj: Object) -> Result<ObjKey> {
        self.generate_name(&mut obj);
        crate::api::defaults::apply_defaults(&mut obj);
        validation::validate(&obj, None)?;
        self.create(obj)
    }

    /// The next pod IP from the node's pod CIDR (10.244.N.0/24).
    pub fn allocate_pod_ip(&mut self, node: &str) -> String {
        let n = self.node_cidr_index(node);
        let next = match self.state.pod_ip_next.get_mut() {
            Ok(m) => m.entry(node.to_string()).or_insert(2),
            Err(e) => return self.corrupt_state("podIpNext", e),
        };
        let host = *next;
        *next = if *next >= 254 { 2 } else { *next + 1 };
        self.dirty = true;
        format!("10.244.{n}.{host}")
    }

    pub fn node_cidr_index(&mut self, node: &str) -> u32 {
        let cidrs = match self.state.node_cidr.get_mut() {
            Ok(m) => m,
            Err(e) => {
                self.corrupt_state("nodeCidr", e);
                return 0;
            }
        };
        if let Some(i) = cidrs.get(node) {
            return *i;
        }
        let i = cidrs.values().max().map_or(0, |m| m + 1);
        cidrs.insert(node.to_string(), i);
        self.dirty = true;
        i
    }

    /// A state field that does not decode: the command fails and the store is left as it is.
    fn corrupt_state(&self, field: &str, e: String) -> String {
        self.corrupt.borrow_mut().get_or_insert(format!("state {field}: {e}"));
        String::new()
    }
}

/// Whether anything besides metadata and status differs (the API server bumps generation then).
fn spec_changed(a: &Object, b: &Object) -> bool {
    let strip = |o: &Object| {
        let mut v = o.to_value();
        if let Some(m) = v.as_object_mut() {
            m.remove("metadata");
            m.remove("status");
        }
        v
    };
    strip(a) != strip(b)
}
