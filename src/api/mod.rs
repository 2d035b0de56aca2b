//! The only code that speaks HTTP: one `Client`, one request funnel (throttle → send → retry →
//! decode), typed models and methods per resource.
//!
//! This layer never prints, prompts, or reads configuration or the environment: it gets a
//! resolved `ClientConfig` and returns typed values or `ApiError`. What it has to say while it
//! works (for `-v`) it tells an `Observer`.

pub mod auth;
pub mod batch;
pub mod config;
pub mod direct_upload;
pub mod envelope;
pub mod error;
pub mod images;
pub mod keys;
pub mod network;
pub mod ratelimit;
pub mod retry;
pub mod stats;
pub mod throttle;
pub mod variants;

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::blocking::{RequestBuilder, Response};
use serde::de::DeserializeOwned;

pub use auth::{Auth, Secret};
pub use error::{ApiError, ApiMessage, AuthRefusal, Failure};
pub use retry::{Backoff, Replay};
pub use throttle::{Rate, Throttle};

/// The API's public base URL.
pub const DEFAULT_API_URL: &str = "https://api.cloudflare.com/client/v4";

/// What the client tells whoever watches (the `-v` log).
#[derive(Debug)]
pub enum Event<'a> {
    /// One attempt finished with a status.
    Response {
        method: &'a str,
        url: &'a str,
        attempt: u32,
        status: u16,
        elapsed: Duration,
    },
    /// One attempt got no answer.
    Failed {
        method: &'a str,
        url: &'a str,
        attempt: u32,
        reason: &'a str,
        elapsed: Duration,
    },
    /// The server's rate-limit headers say its budget is spent (something else may share the
    /// token): requests wait `wait`, until its window resets, rather than meet a 429.
    Holding { wait: Duration },
    /// Another attempt follows after `wait`.
    Retrying {
        method: &'a str,
        url: &'a str,
        wait: Duration,
        why: &'a str,
        /// The status that is retried, or `None` for an attempt without an answer. A 429's
        /// wait holds back every request sharing the client, not only this one.
        status: Option<u16>,
    },
}

pub trait Observer: Send + Sync {
    fn event(&self, event: &Event<'_>);
}

/// Everything a client needs, already resolved from flags, environment and profile.
#[derive(Clone)]
pub struct ClientConfig {
    /// E.g. `https://api.cloudflare.com/client/v4`, no trailing slash.
    pub base_url: String,
    pub account_id: String,
    pub auth: Auth,
    /// Whole-request timeout, per attempt.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Attempts after the first.
    pub retries: u32,
    pub backoff: Backoff,
    /// Client-side rate limit across all threads sharing this client.
    pub rate: Option<Rate>,
    pub observer: Option<Arc<dyn Observer>>,
    /// Trusted certificates and proxies.
    pub network: network::Network,
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("account_id", &self.account_id)
            .field("auth", &self.auth)
            .field("timeout", &self.timeout)
            .field("retries", &self.retries)
            .field("rate", &self.rate)
            .field("network", &self.network)
            .finish_non_exhaustive()
    }
}

impl ClientConfig {
    pub fn new(base_url: impl Into<String>, account_id: impl Into<String>, auth: Auth) -> Self {
        ClientConfig {
            base_url: base_url.into().trim_end_matches('/').to_string(),
            account_id: account_id.into(),
            auth,
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retries: 3,
            backoff: Backoff::default(),
            rate: Some(Rate::CLOUDFLARE_API),
            observer: None,
            network: network::Network::default(),
        }
    }
}

/// A Cloudflare Images API client. Cloning is cheap and shares the connection pool and the
/// rate limiter, which is how parallel workers stay inside one budget.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: ClientConfig,
    http: reqwest::blocking::Client,
    /// Shared with clients derived for the same budget (a renewed batch token).
    throttle: Arc<Throttle>,
    /// Paths go below `/accounts/{account_id}`; false on the batch host, whose paths have no
    /// account prefix (the token names the account).
    account_scoped: bool,
}

impl std::fmt::Debug for Inner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// A request body that can be built again for every attempt (a multipart form holds an open
/// file and cannot be cloned).
pub enum Body<'a> {
    Empty,
    Json(serde_json::Value),
    Form(&'a (dyn Fn() -> Result<reqwest::blocking::multipart::Form, ApiError> + Sync)),
}

/// One API call, before it is sent.
pub struct Call<'a> {
    pub method: Method,
    /// Path below `/accounts/{account_id}`, starting with `/`; path segments already encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Body<'a>,
    pub replay: Replay,
    pub accept: Option<&'static str>,
}

impl<'a> Call<'a> {
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        let replay = if method == Method::POST {
            Replay::CreateUnsafe
        } else {
            Replay::Safe
        };
        Call {
            method,
            path: path.into(),
            query: Vec::new(),
            body: Body::Empty,
            replay,
            accept: None,
        }
    }

    pub fn query(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    pub fn json(mut self, body: serde_json::Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    pub fn form(
        mut self,
        build: &'a (dyn Fn() -> Result<reqwest::blocking::multipart::Form, ApiError> + Sync),
    ) -> Self {
        self.body = Body::Form(build);
        self
    }

    pub fn replay(mut self, replay: Replay) -> Self {
        self.replay = replay;
        self
    }
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let setup_failed = |reason: String| ApiError::Transport {
            url: config.base_url.clone(),
            reason: format!("cannot set up HTTP: {reason}"),
            outcome_unknown: false,
            failure: Failure::Other,
        };
        let builder = reqwest::blocking::Client::builder()
            .user_agent(concat!("cfimg/", env!("CARGO_PKG_VERSION")))
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .pool_max_idle_per_host(256);
        let builder = network::apply(builder, &config.network).map_err(setup_failed)?;
        let http = builder.build().map_err(|e| setup_failed(e.to_string()))?;
        let throttle = Arc::new(Throttle::new(config.rate));
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                http,
                throttle,
                account_scoped: true,
            }),
        })
    }

    /// The same client (connection pool, auth, retries) under another rate limit, with a
    /// limiter of its own.
    pub fn with_rate(&self, rate: Option<Rate>) -> Client {
        let mut config = self.inner.config.clone();
        config.rate = rate;
        self.derive(
            config,
            Arc::new(Throttle::new(rate)),
            self.inner.account_scoped,
        )
    }

    /// A client for the batch host (`batch_url`, e.g. `https://batch.imagedelivery.net`):
    /// paths without the account prefix, the batch token as bearer credential, and a limiter
    /// of its own at `rate`, since batch requests do not count toward the global limit. The
    /// connection pool, retries and observer are shared with this client.
    pub fn for_batch_host(&self, batch_url: &str, token: Secret, rate: Rate) -> Client {
        let mut config = self.inner.config.clone();
        config.base_url = batch_url.trim_end_matches('/').to_string();
        config.auth = Auth::Token(token);
        config.rate = Some(rate);
        self.derive(config, Arc::new(Throttle::new(Some(rate))), false)
    }

    /// The same client with another bearer token (a renewed batch token), keeping its limiter:
    /// requests under the old and the new token share one budget and one 429 pause.
    pub fn with_token(&self, token: Secret) -> Client {
        let mut config = self.inner.config.clone();
        config.auth = Auth::Token(token);
        self.derive(
            config,
            Arc::clone(&self.inner.throttle),
            self.inner.account_scoped,
        )
    }

    fn derive(
        &self,
        config: ClientConfig,
        throttle: Arc<Throttle>,
        account_scoped: bool,
    ) -> Client {
        Client {
            inner: Arc::new(Inner {
                config,
                http: self.inner.http.clone(),
                throttle,
                account_scoped,
            }),
        }
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    fn url(&self, path: &str) -> String {
        if !self.inner.account_scoped {
            return format!("{}{}", self.inner.config.base_url, path);
        }
        format!(
            "{}/accounts/{}{}",
            self.inner.config.base_url,
            percent_encoding::utf8_percent_encode(
                &self.inner.config.account_id,
                percent_encoding::NON_ALPHANUMERIC
            ),
            path
        )
    }

    /// Send a call and decode the envelope's `result`.
    pub fn request<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T, ApiError> {
        match self.request_answer(call)? {
            (_, Some(result)) => Ok(result),
            (status, None) => Err(ApiError::Decode {
                status,
                reason: "the answer has no `result`".to_string(),
            }),
        }
    }

    /// Send a call whose answer may come without a `result` (an endpoint whose answer is not
    /// documented): `None` for a successful envelope with none, or with a `null` one.
    pub fn request_optional<T: DeserializeOwned>(
        &self,
        call: Call<'_>,
    ) -> Result<Option<T>, ApiError> {
        Ok(self.request_answer(call)?.1)
    }

    /// The status and the decoded `result`, if the envelope had one.
    fn request_answer<T: DeserializeOwned>(
        &self,
        call: Call<'_>,
    ) -> Result<(u16, Option<T>), ApiError> {
        self.send_with(call, |response| {
            let status = response.status().as_u16();
            let content_type = content_type(&response);
            let body = read_body(response)?;
            envelope::decode::<T>(status, &content_type, &body).map(|r| (status, r))
        })
    }

    /// Send a call whose `result` does not matter (deletes), only its success.
    pub fn request_ok(&self, call: Call<'_>) -> Result<(), ApiError> {
        self.send_with(call, |response| {
            let status = response.status().as_u16();
            let content_type = content_type(&response);
            let body = read_body(response)?;
            envelope::decode::<serde::de::IgnoredAny>(status, &content_type, &body).map(|_| ())
        })
    }

    /// Send a call and let `read` take the successful response's body where it belongs (a
    /// file, memory). A body cut short, which `read` reports as `ApiError::Transport`, counts
    /// as an attempt without an answer and is retried like one, so `read` must start over on
    /// every call; any other error from `read` ends the call as it is.
    pub fn request_read<R>(
        &self,
        call: Call<'_>,
        read: impl FnMut(Response) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        self.send_with(call, read)
    }

    /// The funnel: every request of every command goes through here, so throttling, auth,
    /// retries and the `-v` log live in one place.
    ///
    /// `finish` turns a successful (2xx) response into the result; if it fails while reading
    /// the body, that counts as an attempt without an answer and may be retried.
    fn send_with<R>(
        &self,
        call: Call<'_>,
        mut finish: impl FnMut(Response) -> Result<R, ApiError>,
    ) -> Result<R, ApiError> {
        let config = &self.inner.config;
        let url = self.url(&call.path);
        let method = call.method.as_str().to_string();
        let mut uncertain = false;
        let mut attempt = 0;
        loop {
            let permit = self
                .inner
                .throttle
                .acquire(|wait| self.observe(&Event::Holding { wait }));
            let started = Instant::now();
            let request = self.build(&call, &url)?;
            let (outcome, result) = match request.send() {
                Ok(response) => {
                    let status = response.status().as_u16();
                    // Every answer, refusals and 429s included, says what budget is left.
                    permit.answered(ratelimit::read(response.headers(), unix_now()));
                    self.observe(&Event::Response {
                        method: &method,
                        url: &url,
                        attempt,
                        status,
                        elapsed: started.elapsed(),
                    });
                    if (200..300).contains(&status) {
                        match finish(response) {
                            Ok(value) => return Ok(value),
                            Err(ApiError::Transport {
                                reason, failure, ..
                            }) => (
                                retry::Outcome::NoAnswer,
                                ApiError::Transport {
                                    url: url.clone(),
                                    reason,
                                    outcome_unknown: call.replay != Replay::Safe,
                                    failure,
                                },
                            ),
                            Err(other) => return Err(other),
                        }
                    } else {
                        let retry_after = response
                            .headers()
                            .get(reqwest::header::RETRY_AFTER)
                            .and_then(|v| v.to_str().ok())
                            .and_then(|v| retry::parse_retry_after(v, unix_now()));
                        let content_type = content_type(&response);
                        let error = match read_body(response) {
                            Ok(body) => envelope::decode_failure(status, &content_type, &body),
                            Err(e) => e,
                        };
                        let error = match error {
                            ApiError::Api { status, errors, .. } => ApiError::Api {
                                status,
                                errors,
                                retry_after: retry_after.map(|d| d.as_secs()),
                                after_uncertain_attempt: uncertain,
                            },
                            other => other,
                        };
                        (
                            retry::Outcome::Status {
                                status,
                                retry_after,
                            },
                            error,
                        )
                    }
                }
                // A request that could not even be built fails the same way every time.
                Err(e) if e.is_builder() => {
                    return Err(ApiError::Transport {
                        url: url.clone(),
                        reason: format!("cannot build the request: {}", innermost(&e)),
                        outcome_unknown: false,
                        failure: Failure::Other,
                    });
                }
                Err(e) => {
                    let (failure, reason) = classify(&e, config.timeout);
                    self.observe(&Event::Failed {
                        method: &method,
                        url: &url,
                        attempt,
                        reason: &reason,
                        elapsed: started.elapsed(),
                    });
                    // A body error means our request body never reached its end: the server
                    // stopped reading it (often because it already answered, say with a
                    // 429, which the blocking client then cannot hand us) or we could not
                    // read the file. Either way the server never had a whole request, so it
                    // cannot have acted on it, and sending again is safe.
                    let outcome = if e.is_connect() || e.is_body() {
                        retry::Outcome::NotSent
                    } else {
                        retry::Outcome::NoAnswer
                    };
                    let outcome_unknown =
                        outcome == retry::Outcome::NoAnswer && call.replay != Replay::Safe;
                    let error = ApiError::Transport {
                        url: url.clone(),
                        reason,
                        outcome_unknown,
                        failure,
                    };
                    // An untrusted certificate stays untrusted: asking again only delays the
                    // error.
                    if failure == Failure::Certificate {
                        return Err(error);
                    }
                    (outcome, error)
                }
            };
            // This attempt is over; the next one (if any) starts afresh.
            drop(permit);
            let decision = retry::decide(
                outcome,
                call.replay,
                attempt,
                config.retries,
                &config.backoff,
                fastrand::f64(),
            );
            match decision {
                retry::Decision::GiveUp => return Err(result),
                retry::Decision::Retry(wait) => {
                    if let retry::Outcome::Status { status: 429, .. } = outcome {
                        // Everyone sharing this client waits, not just this request: the
                        // limit is per account, so the others would only collect 429s too.
                        self.inner.throttle.pause_for(wait);
                    }
                    if outcome == retry::Outcome::NoAnswer {
                        uncertain = true;
                    }
                    let (why, status) = match outcome {
                        retry::Outcome::Status { status, .. } => {
                            (format!("HTTP {status}"), Some(status))
                        }
                        _ => (result.to_string(), None),
                    };
                    self.observe(&Event::Retrying {
                        method: &method,
                        url: &url,
                        wait,
                        why: &why,
                        status,
                    });
                    std::thread::sleep(wait);
                    attempt += 1;
                }
            }
        }
    }

    fn build(&self, call: &Call<'_>, url: &str) -> Result<RequestBuilder, ApiError> {
        let mut request = self.inner.http.request(call.method.clone(), url).header(
            reqwest::header::ACCEPT,
            call.accept.unwrap_or("application/json"),
        );
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        request = self.inner.config.auth.apply(request);
        request = match &call.body {
            Body::Empty => request,
            Body::Json(value) => request.json(value),
            Body::Form(build) => request.multipart(build()?),
        };
        Ok(request)
    }

    fn observe(&self, event: &Event<'_>) {
        if let Some(observer) = &self.inner.config.observer {
            observer.event(event);
        }
    }
}

fn content_type(response: &Response) -> String {
    response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

fn read_body(response: Response) -> Result<Vec<u8>, ApiError> {
    let url = response.url().to_string();
    response.bytes().map(|b| b.to_vec()).map_err(|e| {
        // An answer had begun, so this is neither a connection failure nor "no answer".
        let (_, reason) = classify(&e, Duration::ZERO);
        ApiError::Transport {
            url,
            reason: format!("the answer was cut off: {reason}"),
            outcome_unknown: true,
            failure: Failure::Other,
        }
    })
}

/// The innermost error that says something: "Connection refused", "UnknownIssuer".
fn innermost(error: &reqwest::Error) -> String {
    let mut source: Option<&dyn std::error::Error> = Some(error);
    let mut innermost = error.to_string();
    while let Some(e) = source {
        let text = e.to_string();
        if !text.is_empty() {
            innermost = text;
        }
        source = e.source();
    }
    innermost
}

/// How far a failed request got, and a short reason. A timeout after connecting is told apart
/// from a connection that never opened, so the message does not claim the server was not
/// reached when it was.
fn classify(error: &reqwest::Error, timeout: Duration) -> (Failure, String) {
    let innermost = innermost(error);
    if network::is_certificate_error(error) {
        (Failure::Certificate, innermost)
    } else if error.is_connect() && error.is_timeout() {
        (
            Failure::Connect,
            format!("no connection within the connect timeout ({innermost})"),
        )
    } else if error.is_connect() {
        (Failure::Connect, format!("connection failed ({innermost})"))
    } else if error.is_timeout() {
        (
            Failure::Timeout(u32::try_from(timeout.as_millis()).unwrap_or(u32::MAX)),
            format!("timed out ({innermost})"),
        )
    } else {
        (Failure::Other, innermost)
    }
}

fn unix_now() -> i64 {
    jiff::Timestamp::now().as_second()
}
