//! `cfimg images url`: delivery URLs, signed ones included, made offline where possible.

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use crate::api::Client;
use crate::config::SettingFlags;
use crate::context::Context;
use crate::delivery::{self, DeliveryBase, UrlForm};
use crate::error::{CliError, Exit};
use crate::output::{Column, Layout};
use crate::{signing, timespec};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    cfimg images url 083eb7b2-5392-4565-b69e-aff66acddd00\n  \
    cfimg images url cats/1 --variant w=400,sharpen=3\n  \
    cfimg images url 083eb7b2-5392-4565-b69e-aff66acddd00 --signed --expires 2h\n  \
    cfimg images url cats/1 --form zone --delivery-url https://example.com\n  \
    cfimg images list --all --ndjson | jq -r .id | cfimg images url --ids-from - --signed")]
pub struct UrlArgs {
    /// Image ids
    #[arg(value_name = "ID", required_unless_present = "ids_from")]
    pub ids: Vec<String>,

    /// Read more ids from FILE, one a line or `images list --ndjson` objects (- for stdin)
    #[arg(long, value_name = "FILE")]
    pub ids_from: Option<String>,

    /// Variant name, or flexible-variant transformations like w=400,sharpen=3 (unsigned only)
    #[arg(long, value_name = "NAME", default_value = "public")]
    pub variant: String,

    /// The account hash (in every delivery URL; shown on the Images dashboard) [profile: account_hash]
    #[arg(long, value_name = "HASH")]
    pub account_hash: Option<String>,

    /// Delivery base for a custom domain, e.g. https://example.com/cdn-cgi/imagedelivery [profile: delivery_url]
    #[arg(long, value_name = "URL")]
    pub delivery_url: Option<String>,

    /// URL form: <host>/<hash>/… (imagedelivery) or <host>/cdn-cgi/imagedelivery/<hash>/… (zone) [default: the delivery URL's]
    #[arg(long, value_name = "FORM", value_enum)]
    pub form: Option<UrlForm>,

    /// Add exp and sig so images that require signed URLs can be fetched
    #[arg(long)]
    pub signed: bool,

    /// How long a signed URL works: a duration (1h, 30m) or an RFC 3339 time
    #[arg(
        long,
        value_name = "DURATION|TIME",
        default_value = "1h",
        requires = "signed",
        conflicts_with = "expires_at"
    )]
    pub expires: String,

    /// Exact expiry as Unix seconds (reproducible output)
    #[arg(long, value_name = "UNIX", requires = "signed")]
    pub expires_at: Option<i64>,

    /// Sign with this key from the keys API [default: the profile's signing_key or CFIMG_SIGNING_KEY, else the key named default]
    #[arg(long, value_name = "NAME", requires = "signed")]
    pub key: Option<String>,
}

#[derive(Serialize)]
struct UrlOut<'a> {
    id: &'a str,
    variant: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_at: Option<i64>,
}

pub fn run(args: UrlArgs, ctx: &mut Context) -> Result<()> {
    delivery::check_variant(&args.variant).map_err(CliError::usage)?;
    if args.signed && delivery::is_flexible_variant(&args.variant) {
        return Err(CliError::usage(
            "flexible variants cannot be signed: Cloudflare serves images that need signed URLs through named variants only",
        )
        .with_hint("use a named variant (cfimg variants list) with --signed")
        .into());
    }
    let ids = collect_ids(&args)?;
    ctx.set_setting_flags(SettingFlags {
        account_hash: args.account_hash.clone(),
        delivery_url: args.delivery_url.clone(),
    });
    let expires_at = if args.signed {
        Some(match args.expires_at {
            Some(at) => at,
            None => timespec::parse_time_or_duration(&args.expires, jiff::Timestamp::now())
                .map_err(|e| CliError::usage(format!("--expires: {e}")))?
                .as_second(),
        })
    } else {
        None
    };

    let mut client: Option<Client> = None;
    let mut base = delivery_base(&ids[0], ctx, &mut client)?;
    if let Some(form) = args.form {
        base = base.in_form(form).map_err(|e| {
            CliError::usage(e).with_hint(
                "name your zone: --delivery-url https://example.com (or delivery_url in the profile)",
            )
        })?;
    }
    let key = if args.signed {
        Some(signing_key(&args, ctx, &mut client)?)
    } else {
        None
    };

    // One URL a line for a person, so `$(cfimg images url ID)` works.
    let layout = Layout::results(&[Column::whole("URL")], |out: &UrlOut<'_>| {
        Some(vec![out.url.clone()])
    });
    let mut urls = ctx.out.stream(layout);
    for id in &ids {
        let plain = base.url(id, &args.variant);
        let url = match (&key, expires_at) {
            (Some(key), Some(exp)) => signing::sign_url(&plain, key.expose(), exp)
                .map_err(|e| CliError::failed(e.to_string()))?,
            _ => plain,
        };
        let out = UrlOut {
            id,
            variant: &args.variant,
            url,
            expires_at,
        };
        urls.item(&out)?;
    }
    urls.finish()?;
    Ok(())
}

fn collect_ids(args: &UrlArgs) -> Result<Vec<String>> {
    // An id with a `.` or `..` segment has no delivery URL that reaches it: refuse it rather
    // than print a URL that names another image.
    for id in &args.ids {
        crate::image_id::check_dot_segments(id).map_err(|e| CliError::usage(e.to_string()))?;
    }
    let mut ids = args.ids.clone();
    if let Some(from) = &args.ids_from {
        // The same reader as `delete` and `edit` (one id a line, or `images list --ndjson`
        // objects), with the delivery-path refusal on top.
        ids.extend(crate::select::read_ids_checked(from, |id| {
            crate::image_id::check_dot_segments(id).map_err(|e| e.to_string())
        })?);
    }
    if ids.is_empty() {
        return Err(CliError::usage("no image ids given").into());
    }
    Ok(ids)
}

/// The base and account hash as configured (`--account-hash` and `--delivery-url` are their
/// flags), else read from one image's own variant URLs. Without a configured base, the API URL
/// decides it (`delivery::default_base_for`): an emulator's own origin, or Cloudflare's
/// delivery host.
fn delivery_base(
    first_id: &str,
    ctx: &mut Context,
    client: &mut Option<Client>,
) -> Result<DeliveryBase> {
    let config = ctx.config()?;
    let hash = config.account_hash.as_ref().map(|s| s.value.clone());
    let base = config.delivery_url.as_ref().map(|s| s.value.clone());
    let offline_base = base
        .clone()
        .unwrap_or_else(|| delivery::default_base_for(&config.api_url.value));
    if let Some(hash) = hash
        && !ctx.global.local
    {
        return Ok(DeliveryBase::new(&offline_base, &hash));
    }
    // Ask the API for one image and read the hash (and, for the emulator, the base) from its
    // variant URLs.
    let api = client.insert(ctx.client()?);
    let image = api
        .get_image(first_id)
        .map_err(|e| super::get::not_found_names(e, first_id))?;
    let found = image
        .variants
        .iter()
        .find_map(|url| delivery::base_from_variant_url(url, &image.id))
        .ok_or_else(|| {
            CliError::failed(format!(
                "image '{first_id}' has no variant URL to read the account hash from"
            ))
            .with_hint("pass --account-hash (shown on the Images dashboard)")
        })?;
    // Saving the hash alone must give the same URLs next time; where the API's own base is
    // not the one the API URL implies (a proxy in front of Cloudflare's API), say to save it too.
    let implied_base = DeliveryBase::new(&offline_base, "").base;
    let also_base = if ctx.global.local || base.is_some() || implied_base == found.base {
        String::new()
    } else {
        format!(" and delivery_url = \"{}\"", found.base)
    };
    ctx.ui.hint(&format!(
        "save a request next time: add account_hash = \"{}\"{also_base} to your profile, or pass --account-hash",
        found.account_hash
    ));
    Ok(match base {
        Some(base) => DeliveryBase::new(&base, &found.account_hash),
        None => found,
    })
}

/// The key: `--key NAME` from the API; else a configured key value; else `default` from the API.
fn signing_key(
    args: &UrlArgs,
    ctx: &mut Context,
    client: &mut Option<Client>,
) -> Result<crate::api::Secret> {
    if args.key.is_none()
        && let Some(key) = &ctx.config()?.signing_key
    {
        return Ok(key.value.clone());
    }
    let name = args.key.as_deref().unwrap_or("default");
    let api = match client {
        Some(api) => api,
        None => client.insert(ctx.client()?),
    };
    let keys = api.list_keys()?;
    let names: Vec<&str> = keys.iter().map(|k| k.name.as_str()).collect();
    keys.iter()
        .find(|k| k.name == name)
        .map(|k| crate::api::Secret::new(k.value.clone()))
        .ok_or_else(|| {
            CliError::new(Exit::NotFound, format!("signing key '{name}' not found"))
                .with_hint(format!("the account's keys: {}", names.join(", ")))
                .into()
        })
}
