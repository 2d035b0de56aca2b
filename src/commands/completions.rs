//! `cfimg completions SHELL`: print a completion script for a shell, rendered from the same
//! clap tree that parses the command line, so the two cannot disagree.

use anyhow::Result;
use clap::Args;
use clap_complete::Shell;

use crate::context::Context;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg completions bash > ~/.local/share/bash-completion/completions/cfimg\n  \
    cfimg completions zsh > ~/.zfunc/_cfimg\n  \
    cfimg completions fish > ~/.config/fish/completions/cfimg.fish")]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs, ctx: &mut Context) -> Result<()> {
    // Under --json stdout is one JSON document or nothing; a shell script is neither.
    if ctx.out.is_json() {
        return Err(crate::error::CliError::usage(
            "completions prints a shell script, which --json and --ndjson cannot carry",
        )
        .with_hint("drop --json: `cfimg completions SHELL > FILE`")
        .into());
    }
    ctx.out.bytes(&crate::docs::completion(args.shell))?;
    Ok(())
}
