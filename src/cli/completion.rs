//! `completion SHELL`: shell completion scripts generated from the clap definitions (the same
//! scripts are committed in `completions/`, and a test keeps them current).

use super::{Cli, Output};
use crate::api::Error;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Args, Debug)]
pub struct CompletionArgs {
    /// bash, zsh, fish, powershell or elvish.
    pub shell: Vec<String>,
}

/// The script for one shell, for the binary named `kubesim`.
pub(super) fn script(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kubesim", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

fn usage_error(msg: &str) -> Error {
    Error::msg(format!("{msg}\nSee 'kubesim completion -h' for help and examples"))
}

pub(super) fn run(a: CompletionArgs, out: &mut Output) -> Result<i32, Error> {
    let shell = match a.shell.as_slice() {
        [] => return Err(usage_error("Shell not specified.")),
        [s] => s,
        _ => return Err(usage_error("Too many arguments. Expected only the shell type.")),
    };
    let shell = match shell.as_str() {
        "bash" => Shell::Bash,
        "zsh" => Shell::Zsh,
        "fish" => Shell::Fish,
        "powershell" => Shell::PowerShell,
        "elvish" => Shell::Elvish,
        other => return Err(usage_error(&format!("Unsupported shell type \"{other}\"."))),
    };
    out.out(script(shell));
    Ok(0)
}
