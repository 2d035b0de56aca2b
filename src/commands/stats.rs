//! `cfimg stats`: stored images against the account's allowance.

use anyhow::Result;

use crate::context::Context;

pub fn run(ctx: &mut Context) -> Result<()> {
    let stats = ctx.client()?.stats()?;
    ctx.out.stats(&stats)?;
    Ok(())
}
