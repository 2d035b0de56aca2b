//! The test harness: the real `cfimg` binary against an in-process emulator, with a cleared
//! environment, a temporary home and config, and a check on every run that no secret leaked.

#![allow(dead_code)]

use std::borrow::BorrowMut;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use cfimg::emulator::{EmulatorConfig, RunningEmulator};

pub const ACCOUNT: &str = "023e105f4ecef8ad9ca31a8372d0c353";
pub const TOKEN: &str = "test-token-0123456789-SECRET";

pub struct TestEnv {
    pub home: tempfile::TempDir,
    pub emulator: RunningEmulator,
    /// Extra secrets that must never show up in any output.
    pub secrets: Vec<String>,
}

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

    pub fn with_config(config: EmulatorConfig) -> Self {
        let emulator =
            cfimg::emulator::start(config, ([127, 0, 0, 1], 0).into()).expect("emulator starts");
        TestEnv {
            home: tempfile::tempdir().expect("temp home"),
            emulator,
            secrets: vec![TOKEN.to_string()],
        }
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
        let output = cmd.borrow_mut().args(args).output().expect("cfimg runs");
        self.finish(output)
    }

    pub fn run_with_stdin<C: BorrowMut<Command>>(
        &self,
        mut cmd: C,
        args: &[&str],
        stdin: impl Into<Vec<u8>>,
    ) -> Run {
        let output = cmd
            .borrow_mut()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("cfimg runs");
        self.finish(output)
    }

    fn finish(&self, output: Output) -> Run {
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            stdout_bytes: output.stdout,
        };
        for secret in &self.secrets {
            assert!(
                !run.stdout.contains(secret.as_str()),
                "a secret leaked to stdout:\n{}",
                run.stdout
            );
            assert!(
                !run.stderr.contains(secret.as_str()),
                "a secret leaked to stderr:\n{}",
                run.stderr
            );
        }
        assert!(
            !run.stderr.contains("panicked"),
            "cfimg panicked:\n{}",
            run.stderr
        );
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
