//! `cfimg images delete ID...`: asks on a terminal, needs `--yes` anywhere else.

use anyhow::Result;
use clap::Args;

use crate::commands::delete::{self, Kind};
use crate::context::Context;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images delete cats/1\n  \
    cfimg images list --all --ndjson --meta build=old | jq -r .id | xargs -r cfimg images delete --yes")]
pub struct DeleteArgs {
    /// Image ids
    #[arg(required = true, value_name = "ID", value_parser = crate::image_id::parse_image_id)]
    pub ids: Vec<String>,

    /// Delete without asking
    #[arg(short, long)]
    pub yes: bool,
}

const IMAGE: Kind = Kind {
    one: "image",
    many: "images",
    field: "id",
    not_found_hint: "list the account's images with `cfimg images list`",
};

pub fn run(args: DeleteArgs, ctx: &mut Context) -> Result<()> {
    delete::run(ctx, &IMAGE, &args.ids, args.yes, |client, id| {
        client.delete_image(id)
    })?;
    Ok(())
}
