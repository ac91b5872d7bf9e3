//! kubesim: a kubectl-compatible CLI over a whole simulated Kubernetes cluster kept in one local
//! JSON file.
//!
//! Each invocation flows one way through the layers:
//!
//! - [`cli`] parses arguments (clap), resolves the store and renders output and errors; the only
//!   layer that knows a terminal exists.
//! - [`store`] locates, locks, loads and atomically saves the state file.
//! - [`ops`] performs each verb's change on the [`world`] and returns typed results.
//! - [`engine`] runs the [`controllers`] to a fixed point and advances simulated time through due
//!   timers.
//! - [`controllers`] are reconcile functions (Deployment, ReplicaSet, scheduler, kubelet, garbage
//!   collector, namespace, ...) that meet only through objects in the world.
//! - [`world`] holds the objects (lazily decoded per kind and per object), clock, timers, RNG and
//!   recorded Events.
//! - [`printers`] turn typed results into kubectl's exact text: tables, yaml, json, name, describe.
//! - [`api`] holds the Kubernetes types, kind registry, defaulting, validation, selectors,
//!   quantities and the error vocabulary; [`sim`] the simulated time and seeded RNG.
//!
//! Layer rule (checked by a test): `cli → ops → engine → controllers → world → api, sim`;
//! `cli → store → world`; `cli → printers → api, sim`. Nothing imports `cli`.

pub mod api;
pub mod cli;
pub mod controllers;
pub mod engine;
pub mod ops;
pub mod printers;
pub mod sim;
pub mod store;
pub mod world;
