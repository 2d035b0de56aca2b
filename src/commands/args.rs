//! Argument checks more than one command shares.

use anyhow::Result;

/// A `--X` / `--no-X` switch pair, of which clap keeps the last one given: `Some(true)`,
/// `Some(false)`, or `None` when neither was given (on an edit: leave it as it is).
pub fn switch_pair(on: bool, off: bool) -> Option<bool> {
    match (on, off) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

/// Variant and key names: the API's patterns say alphanumeric, up to a length.
pub fn check_name(kind: &str, name: &str, max_chars: usize) -> Result<()> {
    if name.is_empty()
        || name.chars().count() > max_chars
        || !name.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return Err(crate::error::CliError::usage(format!(
            "'{name}' is not a {kind} name: use 1 to {max_chars} letters and digits (a-z, A-Z, 0-9)"
        ))
        .into());
    }
    Ok(())
}
