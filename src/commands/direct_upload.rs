//! `cfimg direct-upload`: a one-time URL someone else can POST one image to.

use anyhow::Result;
use clap::Args;

use crate::api::direct_upload::DirectUploadRequest;
use crate::context::Context;
use crate::error::CliError;
use crate::timespec;

/// The API's window for `expiry`: at least 2 minutes and at most 6 hours ahead
/// (docs/api-notes.md#limits).
const MIN_AHEAD_SECS: i64 = 2 * 60;
const MAX_AHEAD_SECS: i64 = 6 * 60 * 60;

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    url=$(cfimg direct-upload --expires 1h --meta user=42)\n  \
    curl -F file=@photo.jpg \"$url\"")]
pub struct DirectUploadArgs {
    /// When the URL stops working: a duration (30m, 2h) or an RFC 3339 time; 2 minutes to 6 hours ahead [default: 30m]
    // Spelled as `images url --expires`: one flag name for "how long this URL works" (the
    // API's own field, `expiry`, stays in the JSON output).
    #[arg(long, value_name = "DURATION|TIME")]
    pub expires: Option<String>,

    /// Custom id for the image; may contain slashes, not a UUID
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Metadata as a JSON object, at most 1024 bytes
    #[arg(long, value_name = "JSON", conflicts_with = "meta")]
    pub metadata: Option<String>,

    /// One metadata entry, key=value or key:=json; repeatable
    #[arg(long, value_name = "KEY=VALUE")]
    pub meta: Vec<String>,

    /// Make the image private: reachable only through signed URLs
    #[arg(long, conflicts_with = "id", overrides_with = "no_require_signed_urls")]
    pub require_signed_urls: bool,

    /// Keep the image public (the default)
    #[arg(long, overrides_with = "require_signed_urls")]
    pub no_require_signed_urls: bool,

    /// Creator to record
    #[arg(long, value_name = "C")]
    pub creator: Option<String>,
}

pub fn run(args: DirectUploadArgs, ctx: &mut Context) -> Result<()> {
    let now = jiff::Timestamp::now();
    let expiry = match &args.expires {
        None => None,
        Some(text) => {
            let at = timespec::parse_time_or_duration(text, now)
                .map_err(|e| CliError::usage(format!("--expires: {e}")))?;
            let ahead = at.as_second() - now.as_second();
            if !(MIN_AHEAD_SECS..=MAX_AHEAD_SECS).contains(&ahead) {
                return Err(CliError::usage(format!(
                    "--expires {text} is {} ahead; the API takes 2 minutes to 6 hours",
                    describe_seconds(ahead)
                ))
                .into());
            }
            Some(timespec::rfc3339(at))
        }
    };
    if let Some(id) = &args.id {
        crate::image_id::validate_custom_id(id)
            .map_err(|e| CliError::usage(format!("--id '{id}': {e}")))?;
    }
    let request = DirectUploadRequest {
        expiry,
        id: args.id.clone(),
        metadata: crate::commands::images::metadata_from_args(
            args.metadata.as_deref(),
            &args.meta,
        )?,
        require_signed_urls: args.require_signed_urls,
        creator: args.creator.clone(),
    };
    let created = ctx.client()?.create_direct_upload(&request)?;
    ctx.out.direct_upload(&created)?;
    Ok(())
}

fn describe_seconds(seconds: i64) -> String {
    if seconds < 0 {
        format!("{} s in the past, not", -seconds)
    } else if seconds < 120 {
        format!("only {seconds} s")
    } else {
        format!("{:.1} h", seconds as f64 / 3600.0)
    }
}
