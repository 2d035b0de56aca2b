//! The clap tree: `Cli`, the global options, and the `Command` enum. Each command's own
//! arguments live beside its code in `commands/`.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands;
use crate::config::vars::FLAG_VARS;

/// The end of `cfimg --help`: the common tasks, where credentials come from, and the exit
/// codes, so the first screen is a map of the tool.
const TOP_AFTER_HELP: &str = "\
Common tasks:
  cfimg config init                        Save an account id and token (checked) in a profile
  cfimg images upload ./assets -j 8        Upload a folder, 8 files at a time
  cfimg images list --all --ndjson         Every image, one JSON object a line
  cfimg images delete --id-prefix tmp/     Delete every image under tmp/ (shows them, asks)
  cfimg images url ID --signed             A delivery URL that expires in an hour
  cfimg --local images list                Try any command against a local emulator, no account

Credentials: CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID, or a profile from `cfimg config init`.
Exit codes: 0 ok, 1 error, 2 usage, 3 config/auth, 4 not found, 5 partial failure,
6 settings differ (settings plan --check), 130 interrupted.
More: `cfimg help COMMAND`, `man cfimg`, and the README.";

#[derive(Debug, Parser)]
#[command(
    name = "cfimg",
    version,
    about = "Cloudflare Images from the command line: upload, list, edit, sign and serve",
    long_about = None,
    max_term_width = 100,
    after_help = TOP_AFTER_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, listed apart from each command's own in every `--help`.
#[derive(Clone, Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile from the config file
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Config file to use
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Cloudflare account id, 32 hex characters
    #[arg(long, global = true, value_name = "ID", value_parser = parse_account_id)]
    pub account_id: Option<String>,

    /// API base URL, default https://api.cloudflare.com/client/v4
    #[arg(long, global = true, value_name = "URL", value_parser = parse_http_url)]
    pub api_url: Option<String>,

    /// Run against a local emulator (no account needed; data kept in your data directory)
    #[arg(long, global = true)]
    pub local: bool,

    /// Print one JSON document on stdout
    #[arg(long, global = true, conflicts_with = "ndjson")]
    pub json: bool,

    /// Print one JSON object a line (lists and bulk results)
    #[arg(long, global = true)]
    pub ndjson: bool,

    /// Print nothing but data and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Log requests and timings on stderr (secrets redacted); repeat for more
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Retries for a failed request (429, 5xx, connection failures)
    #[arg(long, global = true, value_name = "N", default_value_t = 3)]
    pub retries: u32,

    /// Seconds one request may take before it is given up
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 60.0, value_parser = parse_timeout)]
    pub timeout: f64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Upload, sync, list, inspect, edit, download and delete images; back them up and copy them
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            cfimg images upload logo.png --meta team=web\n  \
            cfimg images list --all --ndjson | jq -r .id\n  \
            cfimg images delete brand/logo"
    )]
    Images(Box<commands::images::ImagesCommand>),
    /// Manage variants: named sizes images are delivered in
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            cfimg variants list\n  \
            cfimg variants create thumb --fit cover --width 200 --height 200"
    )]
    Variants(commands::variants::VariantsCommand),
    /// Manage the signing keys behind signed URLs
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            cfimg keys list\n  \
            cfimg keys create backup"
    )]
    Keys(commands::keys::KeysCommand),
    /// Keep variants, key names and account options in a file: export, plan, apply
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            cfimg settings export -o cfimg-settings.toml\n  \
            cfimg settings plan cfimg-settings.toml --check\n  \
            cfimg settings apply cfimg-settings.toml"
    )]
    Settings(commands::settings::SettingsCommand),
    /// Show how many images the account stores, and how many it may
    #[command(after_help = "Examples:\n  cfimg stats\n  cfimg stats --json | jq .count.current")]
    Stats,
    /// Create a one-time URL that someone else can upload one image to
    DirectUpload(commands::direct_upload::DirectUploadArgs),
    /// Create, show, list and switch profiles in the config file
    #[command(
        subcommand,
        after_help = "Examples:\n  \
            cfimg config init\n  \
            cfimg config show\n  \
            cfimg config use staging"
    )]
    Config(commands::config::ConfigCommand),
    /// Serve a local Cloudflare Images API for tests and offline work
    Emulator(commands::emulator::EmulatorArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(commands::completions::CompletionsArgs),
}

/// The command line as clap knows it, for parsing, `--help`, man pages and completions alike:
/// the derived tree, with `[env: NAME]` added to each flag a variable can stand in for, named
/// from the one table the configuration reads them by (`config::vars`).
pub fn command() -> clap::Command {
    name_variables(Cli::command(), "")
}

/// Parse the process's arguments with `command()`, colouring help and errors as `colour`
/// says (the run's one colour policy, `ui::ColourChoice`).
pub fn parse(colour: clap::ColorChoice) -> Result<Cli, clap::Error> {
    let mut matches = command().color(colour).try_get_matches()?;
    Cli::from_arg_matches_mut(&mut matches)
}

/// Add `[env: NAME]` to the help of the flags of `cmd` (at `path`, `images upload`) and of its
/// subcommands that a variable stands in for, before a `[default: …]` note written by hand, in
/// the order clap gives its own notes. (`mut_args` and `mut_subcommands` keep the order of
/// flags and commands, which completions follow.)
fn name_variables(cmd: clap::Command, path: &str) -> clap::Command {
    let cmd = cmd.mut_args(|arg| {
        let Some(flag_var) = FLAG_VARS
            .iter()
            .find(|fv| fv.commands.contains(&path) && arg.get_id() == fv.flag)
        else {
            return arg;
        };
        let note = format!("[env: {}]", flag_var.var);
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        let help = match help.find(" [default: ") {
            Some(at) => format!("{} {note}{}", &help[..at], &help[at..]),
            None => format!("{help} {note}"),
        };
        arg.help(help)
    });
    cmd.mut_subcommands(|sub| {
        let path = format!("{path} {}", sub.get_name());
        name_variables(sub, path.trim_start())
    })
}

fn parse_account_id(s: &str) -> Result<String, String> {
    if crate::config::is_account_id(s) {
        Ok(s.to_string())
    } else {
        Err("an account id is 32 hexadecimal characters (see the dashboard's Overview page)".into())
    }
}

fn parse_http_url(s: &str) -> Result<String, String> {
    if s.starts_with("http://") || s.starts_with("https://") {
        Ok(s.trim_end_matches('/').to_string())
    } else {
        Err("use an http:// or https:// URL".into())
    }
}

fn parse_timeout(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err("use a positive number of seconds".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_tree_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn every_flag_a_variable_stands_in_for_names_it_in_its_help() {
        let mut root = command();
        root.build();
        for (flag_var, command) in FLAG_VARS
            .iter()
            .flat_map(|fv| fv.commands.iter().map(move |c| (fv, c)))
        {
            let cmd = command
                .split_whitespace()
                .fold(&root, |cmd, name| cmd.find_subcommand(name).unwrap());
            let arg = cmd
                .get_arguments()
                .find(|a| a.get_id() == flag_var.flag)
                .unwrap_or_else(|| panic!("no flag {flag_var:?}"));
            let help = arg.get_help().unwrap().to_string();
            assert_eq!(help.matches("[env: ").count(), 1, "{help}");
            assert!(help.contains(&format!("[env: {}]", flag_var.var)), "{help}");
            // clap's own `env =` is not used: the snapshot is the one way variables are read.
            assert!(arg.get_env().is_none(), "{flag_var:?}");
        }
    }
}
