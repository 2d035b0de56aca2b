//! Exit codes, and the error a command raises when it knows what the user should do.
//!
//! `main` shows every error, and picks its exit code, through one [`classify`].

use crate::api::{ApiError, ApiMessage, AuthRefusal, Failure};
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
    /// `settings plan --check`: the account differs from the settings file.
    Pending = 6,
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
    chain_message(error.as_ref())
}

/// [`message_for`] for an error that is not (yet) an `anyhow::Error`.
pub fn chain_message(error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = String::new();
    for cause in std::iter::successors(Some(error), |e| e.source()) {
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

/// What an error means for the user and for a script: the exit code, the `error:` line, the
/// `hint:` line, and the API's status and codes when the API answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classified {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    pub status: Option<u16>,
    pub errors: Vec<ApiMessage>,
}

/// Classify an error by walking its cause chain once, outermost first. The first cause that
/// knows its exit code decides it; the hint is the first one any cause offers, so an error that
/// only explains an API failure (a `CliError` without a hint of its own) keeps the API's hint.
/// A closed pipe anywhere in the chain (`cfimg images list | head`) is how the reader says it
/// has enough: success, with nothing to show.
pub fn classify(error: &anyhow::Error) -> Classified {
    let mut exit = None;
    let mut hint = None;
    let mut api = None;
    let mut closed_pipe = false;
    for cause in error.chain() {
        let (cause_exit, cause_hint) = if let Some(e) = cause.downcast_ref::<CliError>() {
            (Some(e.exit), e.hint.clone())
        } else if cause.downcast_ref::<PartialFailure>().is_some() {
            (Some(Exit::Partial), None)
        } else if cause.downcast_ref::<Interrupted>().is_some() {
            (Some(Exit::Interrupted), None)
        } else if let Some(e) = cause.downcast_ref::<ConfigError>() {
            (Some(Exit::Config), config_hint(e))
        } else if let Some(e) = cause.downcast_ref::<ApiError>() {
            api = api.or(Some(e));
            (Some(api_exit(e)), api_hint(e))
        } else if let Some(e) = cause.downcast_ref::<std::io::Error>() {
            closed_pipe |= e.kind() == std::io::ErrorKind::BrokenPipe;
            (None, None)
        } else {
            (None, None)
        };
        exit = exit.or(cause_exit);
        hint = hint.or(cause_hint);
    }
    let exit = if closed_pipe {
        Exit::Success
    } else {
        exit.unwrap_or(Exit::Error)
    };
    Classified {
        exit,
        message: message_for(error),
        // A bulk run's per-item report and summary already said what happened and what to do.
        hint: hint.filter(|_| !matches!(exit, Exit::Partial | Exit::Interrupted)),
        status: api.and_then(ApiError::status),
        errors: match api {
            Some(ApiError::Api { errors, .. }) => errors.clone(),
            _ => Vec::new(),
        },
    }
}

impl Classified {
    /// The error as one JSON object for scripts:
    /// `{"error": {"message", "hint", "status", "errors", "exit_code"}}`, where `status` and
    /// `errors` are the API's HTTP status and `[{code, message}]` when the API answered.
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "error": {
                "message": self.message,
                "hint": self.hint,
                "status": self.status,
                "errors": self.errors,
                "exit_code": self.exit as u8,
            }
        })
    }
}

fn api_exit(e: &ApiError) -> Exit {
    if e.is_auth() {
        Exit::Config
    } else if e.is_not_found() {
        Exit::NotFound
    } else {
        Exit::Error
    }
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

/// What to check when the API refused the credentials, by the way it refused them.
/// `permission` is what the command needs (`"Images Read" to read and "Images Write" to change
/// images`, or only the latter for uploads).
pub fn auth_hint(refusal: AuthRefusal, permission: &str) -> String {
    match refusal {
        AuthRefusal::Missing => "no credentials reached the API: set CLOUDFLARE_API_TOKEN or the profile's api_token (`cfimg config show`); if they are set, something between cfimg and the API (a proxy) drops the Authorization header".into(),
        AuthRefusal::Malformed => "the API could not read the Authorization header: check that the token (CLOUDFLARE_API_TOKEN or the profile's api_token) is pasted whole, without quotes or spaces".into(),
        AuthRefusal::NotAccepted => "the API did not get a token it accepts: check CLOUDFLARE_API_TOKEN or the profile's api_token (`cfimg config show`)".into(),
        AuthRefusal::Refused => format!(
            "the token was refused: check that it is the whole token, made for this account, with the {permission}"
        ),
    }
}

/// The permissions the API's commands need, for [`auth_hint`].
pub const READ_AND_WRITE: &str =
    "\"Images Read\" permission to read and \"Images Write\" to change images";

fn api_hint(e: &ApiError) -> Option<String> {
    if let Some(refusal) = e.auth_refusal() {
        return Some(auth_hint(refusal, READ_AND_WRITE));
    }
    match e {
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

/// clap's report of a bad command line (`error: …`, maybe `tip: …`, then the usage),
/// classified like any other error: exit code 2, the tips as the hint.
pub fn classify_usage(rendered: &str) -> Classified {
    let mut lines = rendered.lines().map(str::trim);
    let message = lines
        .find_map(|l| l.strip_prefix("error:"))
        .unwrap_or("bad command line")
        .trim();
    let tips: Vec<&str> = lines
        .filter_map(|l| l.strip_prefix("tip:"))
        .map(str::trim)
        .collect();
    Classified {
        exit: Exit::Usage,
        message: message.to_string(),
        hint: (!tips.is_empty()).then(|| tips.join("; ")),
        status: None,
        errors: Vec::new(),
    }
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
        let object = classify_usage(
            "error: unexpected argument '--bogus' found\n\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: cfimg images list [OPTIONS]\n",
        )
        .json();
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

    fn api(status: u16) -> ApiError {
        ApiError::Api {
            status,
            errors: vec![ApiMessage {
                code: 5400 + i64::from(status % 100),
                message: "refused".into(),
                documentation_url: None,
                error_chain: Vec::new(),
            }],
            retry_after: None,
            after_uncertain_attempt: false,
        }
    }

    #[test]
    fn api_errors_are_classified_by_status() {
        let auth = classify(&api(403).into());
        assert_eq!(auth.exit, Exit::Config);
        assert!(auth.hint.unwrap().contains("Images Read"));
        assert_eq!(auth.status, Some(403));
        assert_eq!(auth.errors[0].code, 5403);
        assert_eq!(classify(&api(401).into()).exit, Exit::Config);
        assert_eq!(classify(&api(404).into()).exit, Exit::NotFound);
        let too_big = classify(&api(413).into());
        assert_eq!(too_big.exit, Exit::Error);
        assert_eq!(too_big.hint.as_deref(), Some("images may be at most 10 MB"));
        let plain = classify(&api(400).into());
        assert_eq!((plain.exit, plain.hint), (Exit::Error, None));
    }

    #[test]
    fn every_refusal_of_the_credentials_is_exit_3_with_a_hint_of_its_own() {
        let refused = ApiError::with_code;
        let mut hints = std::collections::BTreeSet::new();
        for (status, code, says) in [
            (400, 9106, "no credentials reached the API"),
            (400, 6003, "could not read the Authorization header"),
            (401, 10000, "a token it accepts"),
            (403, 10000, "Images Read"),
        ] {
            let c = classify(&refused(status, code).into());
            assert_eq!(c.exit, Exit::Config, "{status} {code}");
            let hint = c.hint.unwrap();
            assert!(hint.contains(says), "{status} {code}: {hint}");
            hints.insert(hint);
        }
        assert_eq!(hints.len(), 4);
    }

    #[test]
    fn transport_errors_have_no_status_and_say_what_to_check() {
        let error = ApiError::Transport {
            url: "https://api.test/x".into(),
            reason: "connection refused".into(),
            outcome_unknown: false,
            failure: Failure::Connect,
        };
        let c = classify(&error.into());
        assert_eq!((c.exit, c.status), (Exit::Error, None));
        assert!(c.errors.is_empty());
        assert!(c.hint.unwrap().contains("--api-url"));
    }

    #[test]
    fn answers_that_are_not_the_api_keep_their_status() {
        let html = ApiError::UnexpectedResponse {
            status: 502,
            content_type: "text/html".into(),
            excerpt: "<html>".into(),
        };
        let c = classify(&html.into());
        assert_eq!((c.exit, c.status), (Exit::Error, Some(502)));
        assert!(c.hint.unwrap().contains("proxy"));
        assert!(c.errors.is_empty());
        let decode = ApiError::Decode {
            status: 200,
            reason: "no `result`".into(),
        };
        let c = classify(&decode.into());
        assert_eq!((c.exit, c.status, c.hint), (Exit::Error, Some(200), None));
    }

    #[test]
    fn a_cli_error_decides_the_exit_and_its_own_hint_wins() {
        let error: anyhow::Error = CliError::new(Exit::NotFound, "image 'x' not found")
            .with_hint("look elsewhere")
            .caused_by(api(404))
            .into();
        let c = classify(&error);
        assert_eq!(c.exit, Exit::NotFound);
        assert_eq!(c.hint.as_deref(), Some("look elsewhere"));
        assert_eq!(c.status, Some(404));
        // A usage error with nothing behind it.
        let c = classify(&CliError::usage("bad").into());
        assert_eq!((c.exit, c.hint, c.status), (Exit::Usage, None, None));
    }

    #[test]
    fn a_cli_error_without_a_hint_keeps_the_hint_of_the_api_error_it_explains() {
        let error: anyhow::Error = CliError::failed("a.png: too large")
            .caused_by(api(413))
            .into();
        let c = classify(&error);
        assert_eq!(c.exit, Exit::Error);
        assert_eq!(c.hint.as_deref(), Some("images may be at most 10 MB"));
        assert_eq!(c.status, Some(413));
        assert_eq!(c.errors.len(), 1);
    }

    #[test]
    fn config_errors_exit_3_with_their_hint() {
        let error: anyhow::Error = ConfigError::BadProxy {
            variable: "HTTPS_PROXY",
        }
        .into();
        let c = classify(&error.context("cannot make a client"));
        assert_eq!(c.exit, Exit::Config);
        assert!(c.hint.unwrap().contains("HTTPS_PROXY"));
        assert_eq!(
            c.message,
            "cannot make a client: $HTTPS_PROXY is not a proxy URL"
        );
    }

    #[test]
    fn bulk_endings_carry_no_hint() {
        let partial = classify(
            &PartialFailure {
                failed: 1,
                total: 3,
            }
            .into(),
        );
        assert_eq!((partial.exit, partial.hint), (Exit::Partial, None));
        assert_eq!(partial.message, "1 of 3 failed");
        let interrupted = classify(&Interrupted.into());
        assert_eq!(interrupted.exit, Exit::Interrupted);
    }

    #[test]
    fn a_closed_pipe_is_success_and_anything_else_is_an_error() {
        let pipe = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed");
        let error = anyhow::Error::new(pipe).context("cannot write the listing");
        assert_eq!(classify(&error).exit, Exit::Success);
        let other = anyhow::anyhow!("something else");
        let c = classify(&other);
        assert_eq!((c.exit, c.hint), (Exit::Error, None));
    }

    #[test]
    fn the_json_error_has_the_documented_shape() {
        let error: anyhow::Error = CliError::failed("a.png: refused")
            .caused_by(api(403))
            .into();
        let json = classify(&error).json();
        let object = json["error"].as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        assert_eq!(keys, ["errors", "exit_code", "hint", "message", "status"]);
        assert_eq!(json["error"]["exit_code"], 1);
        assert_eq!(json["error"]["status"], 403);
        assert_eq!(json["error"]["errors"][0]["code"], 5403);
    }
}
