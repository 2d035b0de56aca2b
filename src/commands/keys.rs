//! `cfimg keys list | create | delete`: the signing keys behind signed URLs.

use anyhow::Result;
use clap::Subcommand;

use crate::commands::delete::{Kind, Outcome};
use crate::context::Context;

/// The API's limit on signing key names; its pattern says alphanumeric
/// (docs/api-notes.md#limits).
const MAX_NAME_CHARS: usize = 20;

const KEY: Kind = Kind {
    one: "signing key",
    many: "signing keys",
    field: "name",
    not_found_hint: "see the keys there are with `cfimg keys list`",
};

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
    /// Delete keys (asks first on a terminal; --yes elsewhere); the last is replaced by a new `default`
    #[command(
        after_help = "Examples:\n  cfimg keys delete backup\n  cfimg keys delete backup old --yes"
    )]
    Delete {
        /// Key names
        #[arg(required = true, value_name = "NAME")]
        names: Vec<String>,
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
            super::args::check_name("key", &name, MAX_NAME_CHARS)?;
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
        KeysCommand::Delete { names, yes } => {
            let outcome = super::delete::run(ctx, &KEY, &names, yes, |client, name| {
                client.delete_key(name)
            })?;
            // The API answers each delete with the keys left; the last answer shows what
            // signing now uses (a new `default` once the last key is gone).
            if let Outcome::Done(Some(left)) = outcome {
                let names: Vec<&str> = left.iter().map(|k| k.name.as_str()).collect();
                ctx.ui.status(&format!("keys left: {}", names.join(", ")));
            }
        }
    }
    Ok(())
}
