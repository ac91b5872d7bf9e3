//! Runs the controllers: `settle` reconciles every queued key until nothing changes at the current
//! instant; `advance` jumps from one due timer to the next, settling at each. Both fail loudly
//! instead of looping forever.

use crate::api::{Error, ObjKey, Result};
use crate::controllers::{self, Ctl};
use crate::sim::SimTime;
use crate::world::World;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// How often one controller may reconcile one key within a single instant before the engine
/// declares a livelock.
const PER_KEY_CAP: u32 = 10_000;

/// Reconciles until no write wakes another controller.
pub fn settle(world: &mut World) -> Result<()> {
    settle_with(world, Vec::new())
}

fn settle_with(world: &mut World, initial: Vec<(Ctl, ObjKey)>) -> Result<()> {
    world.sweep_events();
    let mut queue: VecDeque<(Ctl, ObjKey)> = VecDeque::new();
    let mut queued: BTreeSet<(Ctl, ObjKey)> = BTreeSet::new();
    let mut runs: BTreeMap<(Ctl, ObjKey), u32> = BTreeMap::new();
    let push = |item: (Ctl, ObjKey), queue: &mut VecDeque<_>, queued: &mut BTreeSet<_>| {
        if queued.insert(item.clone()) {
            queue.push_back(item);
        }
    };
    for item in initial {
        push(item, &mut queue, &mut queued);
    }
    loop {
        let mut woken = Vec::new();
        for change in world.take_changes() {
            controllers::triggers(world, &change, &mut woken);
        }
        for item in woken {
            push(item, &mut queue, &mut queued);
        }
        if queue.is_empty() {
            let now = world.now();
            for timer in world.pop_due(now) {
                if let Some(c) = Ctl::from_name(&timer.controller) {
                    push((c, ObjKey::decode(&timer.key)), &mut queue, &mut queued);
                }
            }
        }
        let Some(item) = queue.pop_front() else { break };
        queued.remove(&item);
        let n = runs.entry(item.clone()).or_insert(0);
        *n += 1;
        if *n > PER_KEY_CAP {
            return Err(Error::msg(format!(
                "the simulation did not settle: the {} controller reconciled {} more than {PER_KEY_CAP} times at {}",
                item.0.name(),
                item.1,
                world.now().rfc3339()
            )));
        }
        controllers::reconcile(item.0, world, &item.1)?;
        if let Some(c) = world.corruption() {
            return Err(Error::msg(format!("the store is corrupt: {c}")));
        }
    }
    Ok(())
}

/// Moves the clock to `to`, firing every timer due on the way, in (time, seq) order.
pub fn advance(world: &mut World, to: SimTime) -> Result<()> {
    advance_until(world, to, |_| false).map(|_| ())
}

/// Like [`advance`], but stops at the first instant where `done` holds (checked after settling,
/// including at the start). Returns whether `done` held.
pub fn advance_until(world: &mut World, to: SimTime, mut done: impl FnMut(&World) -> bool) -> Result<bool> {
    settle(world)?;
    if done(world) {
        return Ok(true);
    }
    while step(world, to)?.is_some() {
        if done(world) {
            return Ok(true);
        }
    }
    if to > world.now() {
        world.set_now(to);
        settle(world)?;
    }
    Ok(done(world))
}

/// Steps to the next instant where anything is due, up to `to`; returns the new time, or None
/// when nothing is due before `to` (the clock is then left where it was).
pub fn step(world: &mut World, to: SimTime) -> Result<Option<SimTime>> {
    let Some(t) = world.next_timer() else { return Ok(None) };
    if t > to {
        return Ok(None);
    }
    if t > world.now() {
        world.set_now(t);
    }
    let due: Vec<(Ctl, ObjKey)> = world
        .pop_due(t)
        .into_iter()
        .filter_map(|timer| Ctl::from_name(&timer.controller).map(|c| (c, ObjKey::decode(&timer.key))))
        .collect();
    settle_with(world, due)?;
    Ok(Some(t))
}
