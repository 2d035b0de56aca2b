//! `config use` and `config remove`: which profile is the default, and which profiles the file
//! holds. Both edit the document in place, as `config init` does.

use anyhow::Result;

use crate::config::{self, ConfigDocument};
use crate::context::Context;
use crate::error::{CliError, Exit};
use crate::output::Human;

/// The document at the config path, which must hold profile `name`.
fn open_with_profile(
    ctx: &Context,
    name: &str,
) -> Result<(config::Sourced<std::path::PathBuf>, ConfigDocument)> {
    let path = config::existing_config_path(&ctx.overrides(), &ctx.env)?;
    let doc = ConfigDocument::open(&path.value)?;
    if doc.file().profiles.contains_key(name) {
        return Ok((path, doc));
    }
    let known: Vec<&str> = doc.file().profiles.keys().map(String::as_str).collect();
    let hint = if known.is_empty() {
        format!(
            "it has no profiles yet: `{}` creates one",
            super::config_command(&path, &format!("init --profile {name}"))
        )
    } else {
        format!("its profiles: {}", known.join(", "))
    };
    Err(CliError::new(
        Exit::Config,
        format!("profile '{name}' is not in {}", path.value.display()),
    )
    .with_hint(hint)
    .into())
}

pub(super) fn use_profile(name: &str, ctx: &mut Context) -> Result<()> {
    let (path, mut doc) = open_with_profile(ctx, name)?;
    let previous = doc.file().default_profile.clone();
    if previous.as_deref() == Some(name) {
        ctx.ui.status(&format!(
            "'{name}' already is the default profile in {}",
            path.value.display()
        ));
    } else {
        doc.set_default_profile(Some(name));
        doc.save()?;
        ctx.ui.status(&format!(
            "'{name}' is now the default profile in {}{}",
            path.value.display(),
            previous
                .as_ref()
                .map(|p| format!(" (was '{p}')"))
                .unwrap_or_default()
        ));
    }
    ctx.out.show(
        &serde_json::json!({
            "config_file": path.value,
            "default_profile": name,
            "previous_default_profile": previous,
        }),
        || Human::Nothing,
    )?;
    Ok(())
}

pub(super) fn remove(name: &str, yes: bool, ctx: &mut Context) -> Result<()> {
    let (path, mut doc) = open_with_profile(ctx, name)?;
    if !crate::commands::delete::confirm(
        ctx,
        yes,
        &format!("profile '{name}' from {}", path.value.display()),
    )? {
        // Declining is an answer, not an error: nothing changes, exit 0.
        ctx.ui.status("nothing removed");
        return Ok(());
    }
    doc.remove_profile(name);
    let was_default = doc.file().default_profile.as_deref() == Some(name);
    if was_default {
        // A default naming a profile that is gone would break every command.
        doc.set_default_profile(None);
    }
    doc.save()?;
    ctx.ui.status(&format!(
        "removed profile '{name}' from {}",
        path.value.display()
    ));
    if was_default {
        let others: Vec<&str> = doc.file().profiles.keys().map(String::as_str).collect();
        if !others.is_empty() {
            ctx.ui.hint(&format!(
                "it was the default profile, and now none is set: choose one of {} with `{}`",
                others.join(", "),
                super::config_command(&path, "use NAME")
            ));
        }
    }
    ctx.out.show(
        &serde_json::json!({
            "config_file": path.value,
            "removed": name,
            "default_profile": doc.file().default_profile,
        }),
        || Human::Nothing,
    )?;
    Ok(())
}
