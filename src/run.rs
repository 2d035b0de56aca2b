//! One run of the program: parse, build the context, run the command, and map the outcome
//! (or the usage error) to what is printed and the exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli;
use crate::commands;
use crate::config::Env;
use crate::context::Context;
use crate::error::{Exit, classify, classify_usage};
use crate::ui::{ColourChoice, Ui};

/// The whole program, start to exit code; `main.rs` only calls this.
pub fn run() -> ExitCode {
    // The one read of the environment: everything below takes what it needs from here.
    let env = Env::from_process();
    let colour = ColourChoice::from_env(&env);
    let cli = match cli::parse(colour.for_clap()) {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error, &env),
    };
    let ui = Ui::detect(cli.global.quiet, cli.global.verbose, &env);
    let width = std::io::stdout()
        .is_terminal()
        .then(|| terminal_width(&env))
        .flatten();
    let json_errors = cli.global.json || cli.global.ndjson;
    let mut ctx = Context::new(cli.global, env, ui.clone(), width);
    match commands::run(cli.command, &mut ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(&ui, &error, json_errors),
    }
}

/// Show the error the one way every error is shown, and pick its exit code.
fn report(ui: &Ui, error: &anyhow::Error, json_errors: bool) -> ExitCode {
    let classified = classify(error);
    if classified.exit == Exit::Success {
        // A closed pipe: the reader has what it wanted.
        return ExitCode::SUCCESS;
    }
    ui.error(&classified.message, classified.hint.as_deref());
    if json_errors {
        ui.raw(&classified.json().to_string());
    }
    ExitCode::from(classified.exit as u8)
}

/// clap's own report of a command line it could not parse (and `--help`, `--version`, which
/// clap treats as errors too). A script that asked for `--json` or `--ndjson` also gets the one
/// JSON error object on stderr, as for any other error; the flags are looked for in the raw
/// arguments, since parsing failed.
fn usage_error(error: &clap::Error, env: &Env) -> ExitCode {
    use clap::error::ErrorKind;
    let informational = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    // Help and usage text, coloured as clap does; a closed stream leaves nothing to do.
    let _ = error.print();
    if informational {
        return ExitCode::from(error.exit_code() as u8);
    }
    if wants_json(std::env::args_os().skip(1)) {
        let classified = classify_usage(&error.render().to_string());
        Ui::detect(false, 0, env).raw(&classified.json().to_string());
    }
    ExitCode::from(Exit::Usage as u8)
}

/// Whether `--json` or `--ndjson` is among the options (not after a `--`, where it would be
/// an argument).
fn wants_json(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    args.take_while(|a| a != "--")
        .any(|a| a == "--json" || a == "--ndjson")
}

/// `COLUMNS` when set (and a number), else what the terminal says.
fn terminal_width(env: &Env) -> Option<u16> {
    env.get("COLUMNS")
        .and_then(|c| c.trim().parse().ok())
        .or_else(|| comfy_table::Table::new().width())
}
