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

/// The script for one shell, for the binary named `kubesim`: clap's static completion of verbs
/// and flags, plus, where the shell allows a hook (bash, fish), resource names read from the
/// store (`kubesim get TYPE <TAB>` asks `kubesim get TYPE -o name`).
pub(super) fn script(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "kubesim", &mut buf);
    let mut s = String::from_utf8_lossy(&buf).into_owned();
    match shell {
        Shell::Bash => s.push_str(BASH_NAMES),
        Shell::Fish => s.push_str(FISH_NAMES),
        _ => {}
    }
    s
}

/// Verbs whose arguments after the resource type are object names.
#[cfg(test)]
const NAME_VERBS: &str = "get describe delete scale edit label annotate patch";

const BASH_NAMES: &str = r#"
# Resource names from the store: `kubesim VERB TYPE <TAB>` completes the names of that type.
_kubesim_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" verb="${COMP_WORDS[1]}" type="${COMP_WORDS[2]}"
    case " get describe delete scale edit label annotate patch " in
        *" $verb "*)
            if [[ $COMP_CWORD -ge 3 && $cur != -* && $type != -* ]]; then
                local names
                names=$(kubesim get "$type" -o name 2>/dev/null | sed 's|.*/||')
                COMPREPLY=($(compgen -W "$names" -- "$cur"))
                return 0
            fi
            ;;
    esac
    _kubesim "$@"
}
complete -F _kubesim_names -o nosort -o bashdefault -o default kubesim
"#;

const FISH_NAMES: &str = r#"
# Resource names from the store: `kubesim VERB TYPE <TAB>` completes the names of that type.
function __kubesim_names
    set -l words (commandline -opc)
    if test (count $words) -ge 3
        kubesim get $words[3] -o name 2>/dev/null | string replace -r '.*/' ''
    end
end
complete -c kubesim -n '__fish_seen_subcommand_from get describe delete scale edit label annotate patch' -f -a '(__kubesim_names)'
"#;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_hooks_cover_the_same_verbs() {
        for verb in NAME_VERBS.split(' ') {
            assert!(BASH_NAMES.contains(&format!(" {verb} ")), "bash misses {verb}");
            assert!(FISH_NAMES.contains(&format!(" {verb}")), "fish misses {verb}");
        }
    }
}
