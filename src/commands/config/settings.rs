//! `config show` and `config list`: the settings a command runs with, each with where it comes
//! from, secrets masked.

use anyhow::Result;
use serde::Serialize;

use crate::api::Auth;
use crate::config::{self, Resolved};
use crate::context::Context;
use crate::output::{Document, Human};

#[derive(Serialize)]
struct Setting {
    name: &'static str,
    value: Option<String>,
    source: Option<String>,
}

impl Setting {
    fn new<T: ToString>(name: &'static str, value: Option<&config::Sourced<T>>) -> Self {
        Setting {
            name,
            value: value.map(|s| s.value.to_string()),
            source: value.map(|s| s.source.to_string()),
        }
    }
}

/// The settings a command runs with, secrets masked.
fn settings(resolved: &Resolved) -> Vec<Setting> {
    let credentials = resolved.auth.as_ref().map(|a| config::Sourced {
        value: match &a.value {
            Auth::Token(t) => format!("token {}", t.masked()),
            Auth::GlobalKey { email, key } => {
                format!("global API key {} for {email}", key.masked())
            }
        },
        source: a.source.clone(),
    });
    let signing_key = resolved.signing_key.as_ref().map(|k| config::Sourced {
        value: k.value.masked(),
        source: k.source.clone(),
    });
    vec![
        Setting::new("account_id", resolved.account_id.as_ref()),
        Setting::new("api_url", Some(&resolved.api_url)),
        Setting::new("account_hash", resolved.account_hash.as_ref()),
        Setting::new("delivery_url", resolved.delivery_url.as_ref()),
        Setting::new("credentials", credentials.as_ref()),
        Setting::new("signing_key", signing_key.as_ref()),
    ]
}

fn settings_json(settings: &[Setting]) -> serde_json::Map<String, serde_json::Value> {
    settings
        .iter()
        .map(|s| {
            (
                s.name.to_string(),
                serde_json::json!({"value": s.value, "source": s.source}),
            )
        })
        .collect()
}

pub(super) fn show(ctx: &mut Context) -> Result<()> {
    let resolved = ctx.config()?.clone();
    let mut rows = vec![Setting {
        name: "config_file",
        value: Some(resolved.path.value.display().to_string()),
        source: Some(resolved.path.source.to_string()),
    }];
    if let Some(mode) = file_mode(&resolved.path.value) {
        rows.push(Setting {
            name: "file_mode",
            value: Some(mode),
            source: None,
        });
    }
    rows.push(Setting::new("profile", resolved.profile.as_ref()));
    rows.extend(settings(&resolved));
    ctx.out.show(&settings_json(&rows), || Human::Rows {
        header: &["SETTING", "VALUE", "FROM"],
        whole: &[0, 1],
        rows: rows
            .iter()
            .map(|s| {
                vec![
                    s.name.to_string(),
                    s.value.clone().unwrap_or_else(|| "(not set)".into()),
                    s.source.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    })?;
    if !resolved.path.value.exists() {
        ctx.ui
            .hint("the config file does not exist yet: `cfimg config init` creates it");
    }
    Ok(())
}

/// Every profile, each resolved as `cfimg --profile NAME` would resolve it (the run's other
/// flags and the environment included), so each value says where it would come from.
pub(super) fn list(ctx: &mut Context) -> Result<()> {
    let overrides = ctx.overrides();
    let path = config::existing_config_path(&overrides, &ctx.env)?;
    let (file, warnings) = config::load(&path.value)?;
    for warning in &warnings {
        ctx.ui.warn(warning);
    }
    let mut profiles = Vec::new();
    for name in file.profiles.keys() {
        let mut as_named = overrides.clone();
        as_named.profile = Some(name.clone());
        // A profile that cannot be used (an account id that is not one) is listed with what
        // is wrong, rather than hiding the others.
        let (settings, problem) = match config::resolve(&as_named, &ctx.env) {
            Ok(resolved) => (settings(&resolved), None),
            Err(e) => (Vec::new(), Some(crate::error::chain_message(&e))),
        };
        profiles.push((name.clone(), settings, problem));
    }
    let is_default = |name: &str| file.default_profile.as_deref() == Some(name);
    let objects: Vec<serde_json::Value> = profiles
        .iter()
        .map(|(name, settings, problem)| {
            serde_json::json!({
                "name": name,
                "default": is_default(name),
                "settings": settings_json(settings),
                "problem": problem,
            })
        })
        .collect();
    let mut fields = serde_json::Map::new();
    fields.insert("config_file".into(), serde_json::json!(path.value));
    fields.insert(
        "default_profile".into(),
        serde_json::json!(file.default_profile),
    );
    let document = Document::Object {
        key: "profiles",
        fields,
    };
    ctx.out.list(&objects, document, || {
        let mut rows = Vec::new();
        for (name, settings, problem) in &profiles {
            let mut label = if is_default(name) {
                format!("{name} (default)")
            } else {
                name.clone()
            };
            if let Some(problem) = problem {
                rows.push(vec![
                    label.clone(),
                    "problem".into(),
                    problem.clone(),
                    String::new(),
                ]);
            }
            for s in settings.iter().filter(|s| s.value.is_some()) {
                rows.push(vec![
                    std::mem::take(&mut label),
                    s.name.to_string(),
                    s.value.clone().unwrap_or_default(),
                    s.source.clone().unwrap_or_default(),
                ]);
            }
        }
        if rows.is_empty() {
            return Human::Nothing;
        }
        Human::Rows {
            header: &["PROFILE", "SETTING", "VALUE", "FROM"],
            whole: &[0, 2],
            rows,
        }
    })?;
    if file.profiles.is_empty() {
        ctx.ui.hint(&format!(
            "{} has no profiles yet: `{}` creates one",
            path.value.display(),
            super::config_command(&path, "init")
        ));
    } else if let Some(name) = &file.default_profile
        && !file.profiles.contains_key(name)
    {
        ctx.ui.warn(&format!(
                "default_profile names profile '{name}', which is not in the file: set another with `{}`",
                super::config_command(&path, "use NAME")
            ));
    }
    Ok(())
}

/// The file's permission bits, and the command that fixes them when others can read it.
#[cfg(unix)]
fn file_mode(path: &std::path::Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    Some(if mode & 0o077 == 0 {
        format!("{mode:o}")
    } else {
        format!("{mode:o}, readable by others: chmod 600 {}", path.display())
    })
}

#[cfg(not(unix))]
fn file_mode(_path: &std::path::Path) -> Option<String> {
    None
}
