//! Simulated time, the timer queue and the seeded random generator; depends on nothing in the crate.

mod rng;
mod time;

pub use rng::Rng;
pub use time::{SimDuration, SimTime, parse_go_duration};
