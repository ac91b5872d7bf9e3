//! The persisted timer queue: wake-ups ordered by (time, seq), at most one per controller and key
//! (the earliest), with O(log n) scheduling and popping.

use super::Timer;
use crate::sim::SimTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

/// Timers by due time, and the due time of each (controller, key).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimerQueue {
    by_time: BTreeSet<(SimTime, u64, String, String)>,
    by_key: BTreeMap<(String, String), (SimTime, u64)>,
}

impl TimerQueue {
    /// Schedules a wake-up; an earlier one for the same controller and key wins.
    pub fn wake(&mut self, controller: &str, key: String, at: SimTime, seq: u64) -> bool {
        let k = (controller.to_string(), key);
        if let Some(&(t, s)) = self.by_key.get(&k) {
            if t <= at {
                return false;
            }
            self.by_time.remove(&(t, s, k.0.clone(), k.1.clone()));
        }
        self.by_time.insert((at, seq, k.0.clone(), k.1.clone()));
        self.by_key.insert(k, (at, seq));
        true
    }

    pub fn next(&self) -> Option<SimTime> {
        self.by_time.first().map(|t| t.0)
    }

    /// When `controller` will next reconcile `key`, if a wake-up is pending.
    pub fn due(&self, controller: &str, key: &str) -> Option<SimTime> {
        self.by_key.get(&(controller.to_string(), key.to_string())).map(|t| t.0)
    }

    /// Removes and returns the timers due at or before `t`, in (time, seq) order.
    pub fn pop_due(&mut self, t: SimTime) -> Vec<Timer> {
        let mut out = Vec::new();
        while let Some(first) = self.by_time.first() {
            if first.0 > t {
                break;
            }
            let Some((at, seq, controller, key)) = self.by_time.pop_first() else {
                break;
            };
            self.by_key.remove(&(controller.clone(), key.clone()));
            out.push(Timer {
                at,
                seq,
                controller,
                key,
            });
        }
        out
    }

    pub fn len(&self) -> usize {
        self.by_time.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_time.is_empty()
    }
}

impl Serialize for TimerQueue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.by_time.iter().map(|(at, seq, controller, key)| Timer {
            at: *at,
            seq: *seq,
            controller: controller.clone(),
            key: key.clone(),
        }))
    }
}

impl<'de> Deserialize<'de> for TimerQueue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let timers = Vec::<Timer>::deserialize(d)?;
        let mut q = TimerQueue::default();
        for t in timers {
            q.wake(&t.controller, t.key, t.at, t.seq);
        }
        Ok(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earliest_wins_and_pops_in_order() {
        let mut q = TimerQueue::default();
        assert!(q.wake("kubelet", "a".into(), SimTime(30), 1));
        assert!(!q.wake("kubelet", "a".into(), SimTime(40), 2));
        assert!(q.wake("kubelet", "a".into(), SimTime(10), 3));
        assert!(q.wake("deployment", "b".into(), SimTime(10), 4));
        assert_eq!(q.len(), 2);
        assert_eq!(q.next(), Some(SimTime(10)));
        let due = q.pop_due(SimTime(10));
        assert_eq!(due.iter().map(|t| t.seq).collect::<Vec<_>>(), vec![3, 4]);
        assert!(q.is_empty());
        let json = serde_json::to_string(&{
            let mut q = TimerQueue::default();
            q.wake("x", "k".into(), SimTime(5), 9);
            q
        })
        .unwrap();
        assert_eq!(json, r#"[{"at":5,"seq":9,"controller":"x","key":"k"}]"#);
        let back: TimerQueue = serde_json::from_str(&json).unwrap();
        assert_eq!(back.due("x", "k"), Some(SimTime(5)));
    }
}
