//! `scale`.

use super::Output;
use super::session::Globals;
use crate::api::Error;
use crate::engine;
use crate::ops::{get, scale};
use clap::Args;

#[derive(Args, Debug)]
pub struct ScaleArgs {
    /// TYPE NAME or TYPE/NAME.
    pub resource: Vec<String>,
    /// The new desired number of replicas.
    #[arg(long)]
    pub replicas: Option<i64>,
    /// Precondition for current size.
    #[arg(long, default_value_t = -1)]
    pub current_replicas: i64,
}

pub(super) fn run(g: &Globals, a: ScaleArgs, out: &mut Output) -> Result<i32, Error> {
    let Some(replicas) = a.replicas else {
        return Err(Error::msg("required flag(s) \"replicas\" not set"));
    };
    if replicas < 0 {
        return Err(Error::msg(
            "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
        ));
    }
    let (reqs, _) = get::parse_args(&a.resource)?;
    let mut s = g.write(out)?;
    let ns = s.namespace(g);
    let current = if a.current_replicas >= 0 {
        Some(a.current_replicas as i32)
    } else {
        None
    };
    let mut code = 0;
    for r in &reqs {
        for key in r.named_keys(&ns)? {
            let n = &key.name;
            match scale::scale(&mut s.world, r.kind, &key, replicas as i32, current) {
                Ok(()) => out.line(format!("{}/{n} scaled", r.kind.singular_qualified())),
                Err(e) => {
                    out.err_line(e.render());
                    code = 1;
                }
            }
        }
    }
    engine::settle(&mut s.world)?;
    s.finish()?;
    Ok(code)
}
