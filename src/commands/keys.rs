//! `cfimg keys list | create | delete`: the signing keys behind signed URLs.

use anyhow::Result;
use clap::Subcommand;

use crate::commands::Context;

const MAX_NAME_CHARS: usize = 20;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// List signing keys (values masked in tables unless --show-values; --json prints them)
    #[command(
        after_help = "Examples:\n  cfimg keys list\n  cfimg keys list --json | jq -r '.[] | select(.name == \"default\") | .value'"
    )]
    List {
        /// Show key values in the table
        #[arg(long)]
        show_values: bool,
    },
    /// Create a key; on an existing name this ROTATES it: the old value stops working
    #[command(
        after_help = "Example:\n  cfimg keys create backup\n\nCreating a key whose name exists gives it a new value: URLs signed with the old value stop working."
    )]
    Create {
        /// Key name: letters and digits, at most 20
        name: String,
        /// Show the new value in the table
        #[arg(long)]
        show_values: bool,
    },
    /// Delete a key (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`
    #[command(
        after_help = "Examples:\n  cfimg keys delete backup\n  cfimg keys delete backup --yes"
    )]
    Delete {
        /// Key name
        name: String,
        /// Delete without asking
        #[arg(short, long)]
        yes: bool,
    },
}

pub fn run(command: KeysCommand, ctx: &mut Context) -> Result<()> {
    match command {
        KeysCommand::List { show_values } => {
            let keys = ctx.client()?.list_keys()?;
            ctx.out.keys(&keys, show_values)?;
        }
        KeysCommand::Create { name, show_values } => {
            super::check_name("key", &name, MAX_NAME_CHARS)?;
            let client = ctx.client()?;
            let existed = client.list_keys()?.iter().any(|k| k.name == name);
            let keys = client.put_key(&name)?;
            ctx.ui.status(&if existed {
                format!("rotated key '{name}': it has a new value, and URLs signed with the old one stop working")
            } else {
                format!("created key '{name}'")
            });
            ctx.out.keys(&keys, show_values)?;
        }
        KeysCommand::Delete { name, yes } => {
            super::confirm_delete(ctx, yes, &format!("signing key '{name}'"))?;
            let keys = ctx.client()?.delete_key(&name).map_err(|e| {
                crate::error::name_not_found(
                    e,
                    &format!("signing key '{name}'"),
                    "see the keys there are with `cfimg keys list`",
                )
            })?;
            ctx.ui.status(&format!("deleted key '{name}'"));
            ctx.out.keys(&keys, false)?;
        }
    }
    Ok(())
}
