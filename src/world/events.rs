//! Recording Events as the client-go event recorder does, aggregating repeats into `count`.

use super::World;
use crate::api::Object;
use crate::api::k8s_openapi::api::core::v1::{Event, EventSource, ObjectReference};
use crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::{ObjectMeta, Time};
use crate::api::{Kind, ObjKey, Typed};
use crate::sim::{SimDuration, SimTime};
use serde::Deserialize;

/// Who reports an event: `deployment-controller`, or `kubelet` with its node.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub component: &'a str,
    pub host: Option<&'a str>,
}

impl<'a> Source<'a> {
    pub fn controller(component: &'a str) -> Self {
        Source { component, host: None }
    }
}

impl World {
    /// Records `reason`/`message` about the object; a repeat of the same event bumps its count.
    pub fn record_event(
        &mut self,
        kind: Kind,
        meta: &ObjectMeta,
        warning: bool,
        reason: &str,
        message: &str,
        source: Source<'_>,
    ) {
        let involved = ObjectReference {
            api_version: Some(kind.api_version()),
            kind: Some(kind.name().to_string()),
            name: meta.name.clone(),
            namespace: meta.namespace.clone(),
            uid: meta.uid.clone(),
            resource_version: meta.resource_version.clone(),
            field_path: None,
        };
        self.record_event_ref(involved, warning, reason, message, source);
    }

    pub fn record_event_ref(
        &mut self,
        involved: ObjectReference,
        warning: bool,
        reason: &str,
        message: &str,
        source: Source<'_>,
    ) {
        let ns = involved.namespace.clone().unwrap_or_else(|| "default".into());
        let obj_name = involved.name.clone().unwrap_or_default();
        // Names are `<object>.<16 hex>` like the recorder's; the first 8 digits hash the object's
        // UID and the last 8 count its events, so an object's events sort in the order they were
        // recorded and a repeat is found with a range query over that prefix.
        let prefix = event_prefix(&obj_name, involved.uid.as_deref().unwrap_or(""));
        let now = Time(self.now().to_timestamp());
        // Names number an object's events in order: one past the last stored (expired ones too,
        // so a sweep never makes a number come back); repeats are found among the live ones.
        let stored = self
            .section(Kind::Event)
            .list_prefix(Kind::Event, &ns, &prefix, &self.corrupt);
        let seq = stored.last().map_or(0, |e| {
            let name = e.meta().name.as_deref().unwrap_or_default();
            name.strip_prefix(prefix.as_str())
                .and_then(|n| usize::from_str_radix(n, 16).ok())
                .map_or(stored.len(), |n| n + 1)
        });
        let type_ = if warning { "Warning" } else { "Normal" };
        let live: Vec<&Event> = self
            .list_prefix_objs(Kind::Event, &ns, &prefix)
            .into_iter()
            .filter_map(Event::from_object)
            .collect();
        // The recorder's aggregator: similar events (same source, object, type and reason) with
        // ever new messages are combined into one once they reach ten within ten minutes.
        let similar: Vec<&Event> = live
            .iter()
            .copied()
            .filter(|e| {
                e.reason.as_deref() == Some(reason)
                    && e.type_.as_deref() == Some(type_)
                    && e.involved_object.uid == involved.uid
                    && e.source.as_ref().and_then(|s| s.component.as_deref()) == Some(source.component)
                    && e.source.as_ref().and_then(|s| s.host.as_deref()) == source.host
            })
            .collect();
        let combined = aggregate(&similar, message, self.now());
        let message = combined.as_deref().unwrap_or(message);
        let repeat = similar.iter().find(|e| match &combined {
            Some(_) => e.message.as_deref().is_some_and(|m| m.starts_with(COMBINED)),
            None => e.message.as_deref() == Some(message) && e.involved_object.field_path == involved.field_path,
        });
        if let Some(existing) = repeat {
            let mut e = (*existing).clone();
            e.count = Some(e.count.unwrap_or(1) + 1);
            e.last_timestamp = Some(now);
            e.message = Some(message.to_string());
            e.involved_object.resource_version = involved.resource_version;
            self.put(e);
            return;
        }
        let name = format!("{prefix}{seq:08x}");
        let event = Event {
            metadata: ObjectMeta {
                name: Some(name),
                namespace: Some(ns),
                ..Default::default()
            },
            involved_object: involved,
            reason: Some(reason.to_string()),
            message: Some(message.to_string()),
            source: Some(EventSource {
                component: Some(source.component.to_string()),
                host: source.host.map(str::to_string),
            }),
            first_timestamp: Some(now.clone()),
            last_timestamp: Some(now),
            count: Some(1),
            type_: Some(type_.to_string()),
            reporting_component: Some(source.component.to_string()),
            reporting_instance: Some(source.host.unwrap_or("").to_string()),
            ..Default::default()
        };
        let _ = self.create(event.into_object());
    }

    /// Events about one object, as `kubectl describe` orders them: by last timestamp, ties in the
    /// order they were written.
    pub fn events_for(&self, kind: Kind, meta: &ObjectMeta) -> Vec<&Event> {
        let ns = meta.namespace.as_deref().unwrap_or("default");
        let prefix = event_prefix(meta.name.as_deref().unwrap_or(""), meta.uid.as_deref().unwrap_or(""));
        let mut out: Vec<&Event> = self
            .list_prefix_objs(Kind::Event, ns, &prefix)
            .into_iter()
            .filter_map(Event::from_object)
            .filter(|e| e.involved_object.uid == meta.uid && e.involved_object.kind.as_deref() == Some(kind.name()))
            .collect();
        let rv = |e: &Event| {
            e.metadata
                .resource_version
                .as_deref()
                .and_then(|r| r.parse::<u64>().ok())
        };
        out.sort_by_key(|e| (e.last_timestamp.as_ref().map(|t| t.0), rv(e)));
        out
    }
}

/// The message prefix of an event that stands for many similar ones (EventAggregatorByReasonMessageFunc).
const COMBINED: &str = "(combined from similar events): ";
/// The aggregator's defaults: ten distinct messages within ten minutes.
const AGGREGATE_MAX: usize = 10;
const AGGREGATE_INTERVAL: i64 = 600;

/// client-go's EventAggregate over the similar events already recorded: the messages seen since
/// the aggregator's record was last reset (a gap of more than ten minutes between observations).
/// Returns the combined message when `message` would be the tenth distinct one (or later).
fn aggregate(similar: &[&Event], message: &str, now: SimTime) -> Option<String> {
    let at = |t: Option<&Time>| t.map(|t| SimTime::from_timestamp(t.0));
    // Each event was observed from its first to its last timestamp; a repeated one (count > 1)
    // is taken as observed throughout, a single one at that instant.
    let mut seen: Vec<(SimTime, SimTime)> = similar
        .iter()
        .filter_map(|e| {
            let last = at(e.last_timestamp.as_ref())?;
            let first = at(e.first_timestamp.as_ref()).unwrap_or(last);
            Some(if e.count.unwrap_or(1) > 1 {
                (first, last)
            } else {
                (last, last)
            })
        })
        .collect();
    seen.sort_unstable_by_key(|s| std::cmp::Reverse(s.1));
    let mut since = now;
    for (first, last) in seen {
        if since.since(last).as_secs() > AGGREGATE_INTERVAL {
            break;
        }
        since = since.min(first);
    }
    let in_run = |e: &&&Event| at(e.last_timestamp.as_ref()).is_some_and(|t| t >= since);
    let mut keys: Vec<&str> = similar
        .iter()
        .filter(in_run)
        .filter_map(|e| e.message.as_deref())
        .filter(|m| !m.starts_with(COMBINED))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let size = keys.len() + usize::from(!keys.contains(&message));
    (size >= AGGREGATE_MAX).then(|| format!("{COMBINED}{message}"))
}

/// How long the API server keeps an Event after its last write (kube-apiserver `--event-ttl`).
const EVENT_TTL: i64 = 3600;

/// When an event was last written: its lastTimestamp (or eventTime, firstTimestamp, creation).
fn written(
    last: Option<&Time>,
    event_time: Option<jiff::Timestamp>,
    first: Option<&Time>,
    created: Option<&Time>,
) -> Option<SimTime> {
    last.map(|t| t.0)
        .or(event_time)
        .or(first.map(|t| t.0))
        .or(created.map(|t| t.0))
        .map(SimTime::from_timestamp)
}

/// The event's time to live has run out at `now`.
pub(super) fn expired(e: &Event, now: SimTime) -> bool {
    let at = written(
        e.last_timestamp.as_ref(),
        e.event_time.as_ref().map(|t| t.0),
        e.first_timestamp.as_ref(),
        e.metadata.creation_timestamp.as_ref(),
    );
    at.is_some_and(|at| at + SimDuration::from_secs(EVENT_TTL) <= now)
}

impl World {
    /// Keeps `events_expire` a lower bound of the stored Events' expiry: called on every write of
    /// an object, it counts the Events.
    pub(super) fn note_write(&mut self, obj: &Object) {
        let Object::Event(e) = obj else { return };
        let at = written(
            e.last_timestamp.as_ref(),
            e.event_time.as_ref().map(|t| t.0),
            e.first_timestamp.as_ref(),
            e.metadata.creation_timestamp.as_ref(),
        )
        .unwrap_or(self.now());
        let expire = at + SimDuration::from_secs(EVENT_TTL);
        if self.state.events_expire.is_none_or(|t| expire < t) {
            self.state.events_expire = Some(expire);
        }
    }

    /// Removes the Events whose time to live has run out, once the earliest expiry is due: a
    /// partial decode of each stored event's timestamps, then the next expiry.
    pub fn sweep_events(&mut self) {
        let now = self.now();
        if self.state.events_expire.is_none_or(|t| t > now) {
            return;
        }
        let mut expired: Vec<ObjKey> = Vec::new();
        let mut next: Option<SimTime> = None;
        for (key, at) in self.stored_event_times() {
            let Some(expire) = at.map(|at| at + SimDuration::from_secs(EVENT_TTL)) else {
                continue;
            };
            if expire <= now {
                expired.push(key.clone());
            } else if next.is_none_or(|n| expire < n) {
                next = Some(expire);
            }
        }
        self.state.events_expire = next;
        self.dirty = true;
        for key in expired {
            self.section_mut(Kind::Event).remove(&key);
        }
    }

    /// How many Events are live (a partial decode of each stored one's timestamps).
    pub(super) fn live_events(&self) -> usize {
        let now = self.now();
        self.stored_event_times()
            .filter(|(_, at)| at.is_none_or(|at| at + SimDuration::from_secs(EVENT_TTL) > now))
            .count()
    }

    /// Each stored Event's key and last write, decoding only its timestamps if still raw.
    fn stored_event_times(&self) -> impl Iterator<Item = (ObjKey, Option<SimTime>)> + '_ {
        #[derive(Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct Times {
            last_timestamp: Option<Time>,
            event_time: Option<crate::api::k8s_openapi::apimachinery::pkg::apis::meta::v1::MicroTime>,
            first_timestamp: Option<Time>,
            metadata: Meta,
        }
        #[derive(Deserialize, Default)]
        #[serde(default, rename_all = "camelCase")]
        struct Meta {
            creation_timestamp: Option<Time>,
        }
        self.section(Kind::Event)
            .iter_for_save(&self.corrupt)
            .map(|(key, entry)| {
                let at = match (entry.decoded(), entry.raw()) {
                    (Some(Object::Event(e)), _) => written(
                        e.last_timestamp.as_ref(),
                        e.event_time.as_ref().map(|t| t.0),
                        e.first_timestamp.as_ref(),
                        e.metadata.creation_timestamp.as_ref(),
                    ),
                    (_, Some(raw)) => serde_json::from_str::<Times>(raw.get()).ok().and_then(|t| {
                        written(
                            t.last_timestamp.as_ref(),
                            t.event_time.map(|m| m.0),
                            t.first_timestamp.as_ref(),
                            t.metadata.creation_timestamp.as_ref(),
                        )
                    }),
                    _ => None,
                };
                (key.clone(), at)
            })
    }
}

/// `<object name>.<8 hex digits of FNV-1a(uid)>`: the name prefix shared by an object's events.
fn event_prefix(name: &str, uid: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in uid.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{name}.{h:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(message: &str, first: i64, last: i64) -> Event {
        let t = |s: i64| Some(Time(SimTime::from_secs(s).to_timestamp()));
        Event {
            message: Some(message.into()),
            first_timestamp: t(first),
            last_timestamp: t(last),
            ..Default::default()
        }
    }

    /// EventAggregate: the tenth distinct message within ten minutes is combined; a repeat of a
    /// seen one is not; a gap of more than ten minutes starts a fresh record.
    #[test]
    fn aggregates_like_client_go() {
        let nine: Vec<Event> = (0..9).map(|i| event(&format!("Created pod: p{i}"), 0, 0)).collect();
        let refs: Vec<&Event> = nine.iter().collect();
        let now = SimTime::from_secs(60);
        assert_eq!(
            aggregate(&refs, "Created pod: p9", now).as_deref(),
            Some("(combined from similar events): Created pod: p9")
        );
        assert_eq!(aggregate(&refs, "Created pod: p3", now), None);
        assert_eq!(aggregate(&refs[..8], "Created pod: p9", now), None);
        // Eleven minutes later the aggregator's record has been reset.
        assert_eq!(aggregate(&refs, "Created pod: p9", SimTime::from_secs(660)), None);
        // A combined event repeated for longer than ten minutes keeps the record alive.
        let mut combined = nine.clone();
        combined.push(event("(combined from similar events): Created pod: p9", 0, 900));
        combined[9].count = Some(20);
        let refs: Vec<&Event> = combined.iter().collect();
        assert!(aggregate(&refs, "Created pod: p10", SimTime::from_secs(1000)).is_some());
        // Observations that keep coming less than ten minutes apart keep it.
        let mut chain = nine.clone();
        chain[8].last_timestamp = Some(Time(SimTime::from_secs(500).to_timestamp()));
        let refs: Vec<&Event> = chain.iter().collect();
        assert!(aggregate(&refs, "Created pod: p9", SimTime::from_secs(1000)).is_some());
    }
}
