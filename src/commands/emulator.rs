//! TEMPORARY
#[derive(clap::Args, Debug)]
pub struct EmulatorArgs {}
pub fn run(_args: EmulatorArgs) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
