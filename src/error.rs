//! Exit codes, and the error a command raises when it knows what the user should do.
//!
//! `main` maps every error to one of the documented exit codes through `exit_code_for`.

use crate::api::{ApiError, Failure};
use crate::config::ConfigError;

/// The documented exit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    Error = 1,
    Usage = 2,
    Config = 3,
    NotFound = 4,
    Partial = 5,
    Interrupted = 130,
}

/// An error with a message, an optional hint, and the exit code it deserves.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct CliError {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    /// The API's answer behind it, kept so `--json` errors still carry its status and codes.
    #[source]
    pub api: Option<ApiError>,
}

impl CliError {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        CliError {
            exit,
            message: message.into(),
            hint: None,
            api: None,
        }
    }

    /// Keep the API error this one explains.
    pub fn caused_by(mut self, api: ApiError) -> Self {
        self.api = Some(api);
        self
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }

    pub fn failed(message: impl Into<String>) -> Self {
        Self::new(Exit::Error, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// A bulk command finished, and some items failed; they have been reported already.
#[derive(Debug, thiserror::Error)]
#[error("{failed} of {total} failed")]
pub struct PartialFailure {
    pub failed: usize,
    pub total: usize,
}

/// The user pressed Ctrl-C; what finished has been reported.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// A 404 that names what was not found (`image 'cats/1'`), with a hint where to look; any
/// other error passes through unchanged.
pub fn name_not_found(error: ApiError, what: &str, hint: &str) -> anyhow::Error {
    if error.is_not_found() {
        CliError::new(Exit::NotFound, format!("{what} not found ({error})"))
            .with_hint(hint)
            .caused_by(error)
            .into()
    } else {
        error.into()
    }
}

/// The error and every cause behind it, outermost first, joined with `: `
/// (`cannot listen on 127.0.0.1:8080: Address already in use (os error 98)`). A cause whose
/// text the message already carries (an error that quotes its own cause) is not repeated.
pub fn message_for(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if text.is_empty() || message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// Which exit code an error deserves.
pub fn exit_code_for(error: &anyhow::Error) -> Exit {
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return e.exit;
        }
        if cause.downcast_ref::<PartialFailure>().is_some() {
            return Exit::Partial;
        }
        if cause.downcast_ref::<Interrupted>().is_some() {
            return Exit::Interrupted;
        }
        if cause.downcast_ref::<ConfigError>().is_some() {
            return Exit::Config;
        }
        if let Some(e) = cause.downcast_ref::<ApiError>() {
            return if e.is_auth() {
                Exit::Config
            } else if e.is_not_found() {
                Exit::NotFound
            } else {
                Exit::Error
            };
        }
    }
    Exit::Error
}

/// A hint for an error, when we know one that helps.
pub fn hint_for(error: &anyhow::Error) -> Option<String> {
    for cause in error.chain() {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return e.hint.clone();
        }
        if let Some(e) = cause.downcast_ref::<ApiError>() {
            return api_hint(e);
        }
        if let Some(e) = cause.downcast_ref::<ConfigError>() {
            return config_hint(e);
        }
    }
    None
}

fn config_hint(e: &ConfigError) -> Option<String> {
    match e {
        ConfigError::Invalid {
            hint: Some(hint), ..
        } => Some(hint.clone()),
        ConfigError::Invalid { path, .. } => Some(format!(
            "fix the file, or start over with `cfimg config init` after moving {} away",
            path.display()
        )),
        ConfigError::Missing { .. } => Some(
            "check the path; `cfimg config init` creates the file, and without --config or CFIMG_CONFIG the default file is used".into(),
        ),
        ConfigError::UnknownProfile {
            from: crate::config::Source::DefaultProfile(_),
            ..
        } => Some("choose another default with `cfimg config use NAME`".into()),
        ConfigError::Certificates { variable, .. } => Some(format!(
            "point {variable} at a PEM file (SSL_CERT_FILE) or a directory of them (SSL_CERT_DIR), or unset it to use the system's certificate store"
        )),
        ConfigError::BadProxy { variable } => Some(format!(
            "set {variable} to http://HOST:PORT (user:password@ may precede the host), or unset it"
        )),
        _ => None,
    }
}

fn api_hint(e: &ApiError) -> Option<String> {
    match e {
        ApiError::Api { status: 401, .. } => Some(
            "the API did not get a token it accepts: check CLOUDFLARE_API_TOKEN or the profile's api_token (`cfimg config show`)".into(),
        ),
        ApiError::Api { status: 403, .. } => Some(
            "the token was refused: check that it is the whole token, made for this account, with the \"Images Read\" permission to read and \"Images Write\" to change images".into(),
        ),
        ApiError::Api {
            status: 429,
            retry_after,
            ..
        } => Some(match retry_after {
            Some(0) => "the API's rate limit was reached; try again shortly".into(),
            Some(secs) => format!("the API's rate limit was reached; try again in {secs} s"),
            None => "the API's rate limit (1200 requests per 5 minutes) was reached; try again in a few minutes".into(),
        }),
        ApiError::Api { status: 413, .. } => Some("images may be at most 10 MB".into()),
        ApiError::Transport { failure: Failure::Certificate, .. } => Some(
            "cfimg trusts the system's certificate store, or SSL_CERT_FILE / SSL_CERT_DIR when set; if a proxy or firewall inspects HTTPS, add its CA certificate to the store or point SSL_CERT_FILE at it (PEM)".into(),
        ),
        ApiError::Transport { outcome_unknown: true, .. } => Some(
            "the request may have been carried out: check with `cfimg images list` before trying again".into(),
        ),
        ApiError::Transport { failure: Failure::Timeout(_), .. } => Some(
            "the server did not answer in time: try again, or allow more with --timeout SECONDS".into(),
        ),
        ApiError::Transport { .. } => Some(
            "check the network, or the API URL (--api-url, CLOUDFLARE_API_BASE_URL)".into(),
        ),
        ApiError::UnexpectedResponse { .. } => Some(
            "something between cfimg and the API answered instead; check --api-url and any proxy".into(),
        ),
        _ => None,
    }
}

/// clap's report of a bad command line (`error: …`, maybe `tip: …`, then the usage) as the same
/// JSON error object, exit code 2.
pub fn json_usage_error(rendered: &str) -> serde_json::Value {
    let mut lines = rendered.lines().map(str::trim);
    let message = lines
        .find_map(|l| l.strip_prefix("error:"))
        .unwrap_or("bad command line")
        .trim();
    let tips: Vec<&str> = lines
        .filter_map(|l| l.strip_prefix("tip:"))
        .map(str::trim)
        .collect();
    serde_json::json!({
        "error": {
            "message": message,
            "hint": (!tips.is_empty()).then(|| tips.join("; ")),
            "status": null,
            "errors": [],
            "exit_code": Exit::Usage as u8,
        }
    })
}

/// The error as one JSON object for scripts:
/// `{"error": {"message", "hint", "status", "errors", "exit_code"}}`, where `status` and
/// `errors` are the API's HTTP status and `[{code, message}]` when the API answered.
pub fn json_error(error: &anyhow::Error) -> serde_json::Value {
    let api = error.chain().find_map(|c| c.downcast_ref::<ApiError>());
    let status = api.and_then(ApiError::status);
    let errors = match api {
        Some(ApiError::Api { errors, .. }) => serde_json::to_value(errors).unwrap_or_default(),
        _ => serde_json::Value::Array(Vec::new()),
    };
    serde_json::json!({
        "error": {
            "message": message_for(error),
            "hint": hint_for(error),
            "status": status,
            "errors": errors,
            "exit_code": exit_code_for(error) as u8,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_carries_every_cause_once() {
        let io = std::io::Error::new(std::io::ErrorKind::AddrInUse, "Address already in use");
        let error = anyhow::Error::new(io).context("cannot listen on 127.0.0.1:8080");
        assert_eq!(
            message_for(&error),
            "cannot listen on 127.0.0.1:8080: Address already in use"
        );
        // A message that already quotes its cause does not repeat it.
        let api = ApiError::Api {
            status: 404,
            errors: Vec::new(),
            retry_after: None,
            after_uncertain_attempt: false,
        };
        let error: anyhow::Error = name_not_found(api, "image 'x'", "look");
        assert_eq!(
            message_for(&error),
            "image 'x' not found (no error details given (HTTP 404))"
        );
    }

    #[test]
    fn clap_reports_become_json_error_objects() {
        let object = json_usage_error(
            "error: unexpected argument '--bogus' found\n\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: cfimg images list [OPTIONS]\n",
        );
        assert_eq!(
            object["error"]["message"],
            "unexpected argument '--bogus' found"
        );
        assert_eq!(
            object["error"]["hint"],
            "to pass '--bogus' as a value, use '-- --bogus'"
        );
        assert_eq!(object["error"]["exit_code"], 2);
    }
}
