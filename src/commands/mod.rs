//! Commands: glue that turns arguments into API calls and hands typed data to `output`. This
//! module only dispatches; the per-run context is `crate::context`.

pub mod args;
pub mod completions;
pub mod config;
pub mod delete;
pub mod direct_upload;
pub mod emulator;
pub mod images;
pub mod keys;
pub mod settings;
pub mod stats;
pub mod variants;

use anyhow::Result;

use crate::cli::Command;
use crate::context::Context;

/// Run the parsed command.
pub fn run(command: Command, ctx: &mut Context) -> Result<()> {
    match command {
        Command::Images(cmd) => images::run(*cmd, ctx),
        Command::Config(cmd) => config::run(cmd, ctx),
        Command::Emulator(args) => emulator::run(args, &ctx.env, &ctx.out, &ctx.ui),
        Command::Variants(cmd) => variants::run(cmd, ctx),
        Command::Keys(cmd) => keys::run(cmd, ctx),
        Command::Settings(cmd) => settings::run(cmd, ctx),
        Command::Stats => stats::run(ctx),
        Command::DirectUpload(args) => direct_upload::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
    }
}
