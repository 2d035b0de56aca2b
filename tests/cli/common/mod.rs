//! The test harness: the real `cfimg` binary against an in-process emulator, with a cleared
//! environment, a temporary home and config, and a check on every run that no secret leaked.
//!
//! The secrets checked are every one the run could know: the test token, any token, key or
//! signing key handed to it in the environment or a config file it reads, and the value of every
//! signing key the emulator held before or after the run. Only the one command whose job is to
//! show signing keys (`keys` with `--show-values` or JSON output) may print those.

pub mod background;

use std::borrow::BorrowMut;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use assert_cmd::Command;
use cfimg_emulator::{EmulatorConfig, RunningEmulator};

pub const ACCOUNT: &str = "023e105f4ecef8ad9ca31a8372d0c353";
pub const TOKEN: &str = "test-token-0123456789-SECRET";

pub struct TestEnv {
    pub home: tempfile::TempDir,
    pub emulator: RunningEmulator,
    /// Secrets that must never show up in any output; grows as runs reveal more.
    secrets: Mutex<BTreeSet<String>>,
    /// Signing key values, which `keys --show-values` and `keys --json` may show.
    signing_keys: Mutex<BTreeSet<String>>,
}

/// Environment variables whose values are secrets.
const SECRET_VARS: &[&str] = &[
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_API_KEY",
    "CFIMG_SIGNING_KEY",
    "CFIMG_EMULATOR_TOKEN",
];

/// Shorter values (`k`, `local`) would match ordinary text by chance.
const MIN_SECRET_CHARS: usize = 8;

/// What one run printed and how it ended.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub stdout_bytes: Vec<u8>,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    pub fn ndjson(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("bad NDJSON line {l:?}: {e}"))
            })
            .collect()
    }

    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The error line follows the one format: `error: …`, maybe `hint: …`.
    #[track_caller]
    pub fn error_contains(&self, text: &str) -> &Self {
        let first = self.stderr.lines().find(|l| l.starts_with("error: "));
        let line = first.unwrap_or_else(|| panic!("no `error: ` line in stderr:\n{}", self.stderr));
        assert!(
            line.contains(text),
            "error line {line:?} lacks {text:?}\nstderr:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn hint_contains(&self, text: &str) -> &Self {
        let hint = self.stderr.lines().find(|l| l.starts_with("hint: "));
        let line = hint.unwrap_or_else(|| panic!("no `hint: ` line in stderr:\n{}", self.stderr));
        assert!(line.contains(text), "hint {line:?} lacks {text:?}");
        self
    }
}

impl TestEnv {
    pub fn new() -> Self {
        Self::with_config(EmulatorConfig {
            token: Some(TOKEN.to_string()),
            ..EmulatorConfig::default()
        })
    }

    /// The emulator with the test token and these faults (latency, failures, a rate limit).
    pub fn with_faults(faults: cfimg_emulator::Faults) -> Self {
        Self::with_config(EmulatorConfig {
            token: Some(TOKEN.to_string()),
            faults,
            ..EmulatorConfig::default()
        })
    }

    pub fn with_config(config: EmulatorConfig) -> Self {
        let emulator =
            cfimg_emulator::start(config, ([127, 0, 0, 1], 0).into()).expect("emulator starts");
        TestEnv {
            home: tempfile::tempdir().expect("temp home"),
            emulator,
            secrets: Mutex::new(BTreeSet::from([TOKEN.to_string()])),
            signing_keys: Mutex::new(BTreeSet::new()),
        }
    }

    /// Another value that must never be printed.
    pub fn add_secret(&self, secret: &str) {
        self.secrets.lock().unwrap().insert(secret.to_string());
    }

    /// Every secret known so far, signing keys included.
    pub fn known_secrets(&self) -> Vec<String> {
        let mut all: Vec<String> = self.secrets.lock().unwrap().iter().cloned().collect();
        all.extend(self.signing_keys.lock().unwrap().iter().cloned());
        all
    }

    /// Learn the secrets a command is about to be given or may read: its secret environment
    /// variables, the config files it may read, and the emulator's signing keys.
    fn learn_secrets(&self, cmd: &Command, args: &[&str]) {
        let mut secrets = self.secrets.lock().unwrap();
        let mut keys = self.signing_keys.lock().unwrap();
        let mut config_files = vec![self.config_path()];
        for (name, value) in cmd.get_envs() {
            let (Some(name), Some(value)) = (name.to_str(), value.and_then(|v| v.to_str())) else {
                continue;
            };
            if SECRET_VARS.contains(&name) {
                let value = value.trim();
                if name == "CFIMG_SIGNING_KEY" {
                    keys.insert(value.to_string());
                } else {
                    secrets.insert(value.to_string());
                }
            }
            if name == "CFIMG_CONFIG" {
                config_files.push(self.home.path().join(value));
            }
        }
        if let Some(i) = args.iter().position(|a| *a == "--config")
            && let Some(path) = args.get(i + 1)
        {
            config_files.push(self.home.path().join(path));
        }
        for path in config_files {
            // Read as plain TOML, not through the tool's own loader: the harness must find
            // secrets even in a file the tool would refuse.
            let Some(file) = std::fs::read_to_string(&path)
                .ok()
                .and_then(|text| text.parse::<toml::Table>().ok())
            else {
                continue;
            };
            let profiles = file.get("profiles").and_then(|p| p.as_table());
            for profile in profiles.into_iter().flat_map(|p| p.values()) {
                let text = |key: &str| profile.get(key).and_then(|v| v.as_str());
                for token in [text("api_token"), text("api_key")].into_iter().flatten() {
                    secrets.insert(token.trim().to_string());
                }
                if let Some(key) = text("signing_key") {
                    keys.insert(key.trim().to_string());
                }
            }
        }
        keys.extend(self.emulator.signing_key_values());
        secrets.retain(|s| s.chars().count() >= MIN_SECRET_CHARS);
        keys.retain(|s| s.chars().count() >= MIN_SECRET_CHARS);
    }

    /// Check what a run printed: no secret in either stream, and no panic.
    #[track_caller]
    pub fn check_output(&self, args: &[&str], stdout: &str, stderr: &str) {
        // The keys command shows key values when asked to: that is its job.
        let shows_keys = args.contains(&"keys")
            && args
                .iter()
                .any(|a| matches!(*a, "--show-values" | "--json" | "--ndjson"));
        let secrets = self.secrets.lock().unwrap().clone();
        let keys = self.signing_keys.lock().unwrap().clone();
        let checked = secrets.iter().chain(keys.iter().filter(|_| !shows_keys));
        for secret in checked {
            assert!(
                !stdout.contains(secret.as_str()),
                "a secret leaked to stdout of {args:?}:\n{stdout}"
            );
            assert!(
                !stderr.contains(secret.as_str()),
                "a secret leaked to stderr of {args:?}:\n{stderr}"
            );
        }
        assert!(
            !stderr.contains("panicked"),
            "cfimg panicked on {args:?}:\n{stderr}"
        );
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    pub fn config_path(&self) -> PathBuf {
        self.home
            .path()
            .join("config")
            .join("cfimg")
            .join("config.toml")
    }

    /// A command with nothing from the outside: only a temp home, and no credentials.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("cfimg").expect("binary built");
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("NO_COLOR", "1")
            .current_dir(self.home.path())
            .timeout(std::time::Duration::from_secs(120));
        cmd
    }

    /// A command pointed at the emulator with working credentials from the environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = self.bare();
        cmd.env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", self.emulator.base_url());
        cmd
    }

    /// Run and check that no secret leaked into either stream.
    pub fn run<C: BorrowMut<Command>>(&self, mut cmd: C, args: &[&str]) -> Run {
        let cmd = cmd.borrow_mut();
        self.learn_secrets(cmd, args);
        let output = cmd.args(args).output().expect("cfimg runs");
        self.finish(cmd, args, output)
    }

    pub fn run_with_stdin<C: BorrowMut<Command>>(
        &self,
        mut cmd: C,
        args: &[&str],
        stdin: impl Into<Vec<u8>>,
    ) -> Run {
        let cmd = cmd.borrow_mut();
        self.learn_secrets(cmd, args);
        let output = cmd
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("cfimg runs");
        self.finish(cmd, args, output)
    }

    fn finish(&self, cmd: &Command, args: &[&str], output: Output) -> Run {
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            stdout_bytes: output.stdout,
        };
        // Again after the run: it may have created keys or written a config file.
        self.learn_secrets(cmd, args);
        self.check_output(args, &run.stdout, &run.stderr);
        check_error_format(&run);
        run
    }

    /// Shortcut: `cfimg ARGS` with working credentials.
    pub fn ok(&self, args: &[&str]) -> Run {
        let run = self.run(self.cmd(), args);
        run.success();
        run
    }
}

/// The one error format: a failed run says `error: …` at the start of a line of stderr (a
/// `hint: …` may follow), and no other spelling of an error gets out (`Error: …` is what a
/// `main` returning `Result` prints).
#[track_caller]
pub fn check_error_format(run: &Run) {
    let stderr = strip_ansi(&run.stderr);
    if run.code != 0 {
        assert!(
            stderr.lines().any(|l| l.starts_with("error: ")),
            "exit {} without an `error: ` line:\n{}",
            run.code,
            run.stderr
        );
    }
    for line in stderr.lines() {
        assert!(
            !line.starts_with("Error") && !line.starts_with("ERROR"),
            "an error in another format: {line:?}\nstderr:\n{}",
            run.stderr
        );
    }
}

/// Text without colour codes (`ESC [ … m`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_str(name: &str) -> String {
    fixture(name).display().to_string()
}

/// The same image under wide and narrow names, for checking tables line up: `写真.png` and
/// `😀.png` take two terminal columns a character where `photo.png` takes one.
pub const WIDE_NAMES: [&str; 3] = ["写真.png", "😀.png", "photo.png"];

/// A directory below the test's home holding `WIDE_NAMES`.
pub fn wide_named_images(env: &TestEnv) -> PathBuf {
    let dir = env.path("wide");
    std::fs::create_dir_all(&dir).unwrap();
    for name in WIDE_NAMES {
        std::fs::copy(fixture("images/logo.png"), dir.join(name)).unwrap();
    }
    dir
}

/// Where each field of a table line starts, in terminal columns (a CJK character or an emoji
/// takes two): at the start of the line, and after a gap of two spaces or more.
pub fn field_starts(line: &str) -> Vec<usize> {
    use unicode_width::UnicodeWidthChar;
    let mut starts = Vec::new();
    let mut column = 0;
    // The start of a line counts as the end of a gap.
    let mut spaces = 2;
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 {
                starts.push(column);
            }
            spaces = 0;
        }
        column += c.width().unwrap_or(0);
    }
    starts
}

/// The columns of a table's lines start at the same terminal column on every line (a line
/// may end early: empty cells at its end are left off).
#[track_caller]
pub fn assert_aligned(lines: &[&str]) {
    let widest = lines
        .iter()
        .map(|l| field_starts(l))
        .max_by_key(|s| s.len())
        .expect("a table has lines");
    assert!(widest.len() > 1, "one column only:\n{}", lines.join("\n"));
    for line in lines {
        let starts = field_starts(line);
        assert_eq!(
            starts,
            widest[..starts.len()],
            "columns out of line in {line:?}:\n{}",
            lines.join("\n")
        );
    }
}

/// A tiny HTTP server that answers every request with the same canned response, for answers the
/// emulator never gives (`success:false` on 200, broken JSON, a 415 after the client's own
/// checks passed) and for a server that never answers at all.
pub struct Canned {
    port: u16,
    requests: Arc<AtomicUsize>,
}

impl Canned {
    /// Answer every request with `response`, a whole HTTP/1.1 response.
    pub fn start(response: Vec<u8>) -> Self {
        Self::serve(Some(response))
    }

    /// Read requests and never answer them (for timeouts).
    pub fn silent() -> Self {
        Self::serve(None)
    }

    fn serve(response: Option<Vec<u8>>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let response = response.clone();
                let counter = counter.clone();
                std::thread::spawn(move || answer(stream, response, &counter));
            }
        });
        Canned { port, requests }
    }

    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/client/v4", self.port)
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Read one request (head, then a body by Content-Length or chunks), then answer and close.
fn answer(mut stream: TcpStream, response: Option<Vec<u8>>, counter: &AtomicUsize) {
    let mut data = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(i) = find(&data, b"\r\n\r\n") {
            break i + 4;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let body = &data[head_end..];
        let complete = match length {
            Some(n) => body.len() >= n,
            // The last chunk: size 0, no trailers.
            None if chunked => body == b"0\r\n\r\n" || body.ends_with(b"\r\n0\r\n\r\n"),
            None => true,
        };
        if complete {
            break;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    counter.fetch_add(1, Ordering::SeqCst);
    match response {
        Some(response) => {
            let _ = stream.write_all(&response);
            let _ = stream.flush();
        }
        // Hold the connection open, unanswered, until the client gives up.
        None => {
            let _ = stream.read(&mut buf);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A whole HTTP response with a body, closing the connection after it.
pub fn http_response(status: &str, content_type: &str, headers: &[&str], body: &str) -> Vec<u8> {
    let mut text = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for h in headers {
        text.push_str(h);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body);
    text.into_bytes()
}

/// The API's failure envelope with one error.
pub fn api_failure(code: u32, message: &str) -> String {
    serde_json::json!({
        "success": false,
        "errors": [{"code": code, "message": message}],
        "messages": [],
        "result": null,
    })
    .to_string()
}

/// `count` distinct PNGs under `dir`, spread over a few sub-directories; their paths relative to
/// `dir`, sorted.
pub fn write_pngs(dir: &Path, count: u32) -> Vec<String> {
    let mut names = Vec::new();
    for i in 0..count {
        let rel = format!("set{}/img-{i:04}.png", i % 3);
        let path = dir.join(&rel);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(&path, png(i)).expect("write png");
        names.push(rel);
    }
    names.sort();
    names
}

pub use cfimg_emulator::sample::png;
