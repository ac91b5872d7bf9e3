//! `clock` and `clock advance DURATION`.

use super::Output;
use super::session::Globals;
use crate::api::Error;
use crate::engine;
use crate::sim::SimDuration;
use clap::{Args, Subcommand};

#[derive(Args, Debug)]
pub struct ClockArgs {
    #[command(subcommand)]
    pub cmd: Option<ClockCmd>,
}

#[derive(Subcommand, Debug)]
pub enum ClockCmd {
    /// Move the simulated clock forward (e.g. 30s, 5m, 1h30m, 2d), firing everything due.
    Advance {
        /// How far to move (humantime syntax).
        duration: String,
    },
}

pub(super) fn run(g: &Globals, a: ClockArgs, out: &mut Output) -> Result<i32, Error> {
    match a.cmd {
        None => {
            let s = g.read(out)?;
            out.line(s.world.now().rfc3339());
            s.finish()?;
        }
        Some(ClockCmd::Advance { duration }) => {
            let d = humantime::parse_duration(&duration)
                .map_err(|e| Error::msg(format!("invalid duration {duration:?}: {e}")))?;
            let mut s = g.write(out)?;
            let to = s.world.now() + SimDuration::from_millis(d.as_millis() as i64);
            engine::advance(&mut s.world, to)?;
            out.line(s.world.now().rfc3339());
            s.finish()?;
        }
    }
    Ok(0)
}
