//! The `cfimg` binary: parse, build the context, run, and map the outcome to an exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

use cfimg::cli::Cli;
use cfimg::commands::{self, Context};
use cfimg::config::Env;
use cfimg::error::{Exit, exit_code_for, hint_for};
use cfimg::ui::Ui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = Ui::detect(cli.global.quiet, cli.global.verbose);
    let width = std::io::stdout()
        .is_terminal()
        .then(terminal_width)
        .flatten();
    let json_errors = cli.global.json || cli.global.ndjson;
    let mut ctx = Context::new(cli.global, Env::from_process(), ui.clone(), width);
    match commands::run(cli.command, &mut ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(&ui, &error, json_errors),
    }
}

/// Show the error the one way every error is shown, and pick its exit code.
fn report(ui: &Ui, error: &anyhow::Error, json_errors: bool) -> ExitCode {
    // A closed pipe (`cfimg images list | head`) is how the reader says it has enough.
    if error
        .chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    {
        return ExitCode::SUCCESS;
    }
    let exit = exit_code_for(error);
    if exit == Exit::Partial || exit == Exit::Interrupted {
        // The per-item report and summary already said what happened.
        ui.error(&error.to_string(), None);
    } else {
        ui.error(&error.to_string(), hint_for(error).as_deref());
    }
    if json_errors {
        ui.raw(&cfimg::error::json_error(error).to_string());
    }
    ExitCode::from(exit as u8)
}

fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| comfy_table::Table::new().width())
}
