//! cfimg run in the background, for the tests that stop a run midway: SIGKILL at a point the
//! test chooses, or Ctrl-C after the first result. Set up as `TestEnv::cmd` sets a run up, and
//! checked for leaked secrets like every other run.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{ACCOUNT, TOKEN, TestEnv};

/// What an interrupted run left: its exit code, the results it printed, and its stderr.
pub struct Interrupted {
    pub code: Option<i32>,
    /// Result lines on stdout, the first one (read before the signal) included.
    pub lines: usize,
    pub stderr: String,
}

impl TestEnv {
    /// cfimg started without waiting for it, against the API at `api_url`.
    pub fn spawn(&self, api_url: &str, args: &[&str], stdout: Stdio, stderr: Stdio) -> Child {
        Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
            .env_clear()
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join("config"))
            .env("XDG_DATA_HOME", self.home.path().join("data"))
            .env("NO_COLOR", "1")
            .env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", api_url)
            .current_dir(self.home.path())
            .args(args)
            .stdin(Stdio::null())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .expect("cfimg starts")
    }

    /// Run `cfimg ARGS` against the emulator in the background and SIGKILL it once `ready`
    /// says so: no handler runs, nothing is flushed.
    pub fn kill_when(&self, args: &[&str], ready: impl Fn() -> bool) {
        let stdout_path = self.path("killed.stdout");
        let stderr_path = self.path("killed.stderr");
        // Files, not pipes: a pipe nobody reads fills up and stalls the run.
        let mut child = self.spawn(
            &self.emulator.base_url(),
            args,
            std::fs::File::create(&stdout_path).unwrap().into(),
            std::fs::File::create(&stderr_path).unwrap().into(),
        );
        let deadline = Instant::now() + Duration::from_secs(60);
        while !ready() {
            assert!(
                child.try_wait().unwrap().is_none(),
                "the run ended before the kill point"
            );
            assert!(Instant::now() < deadline, "the kill point never came");
            std::thread::sleep(Duration::from_millis(2));
        }
        // `Child::kill` is SIGKILL on Unix.
        child.kill().unwrap();
        child.wait().unwrap();
        self.check_output(
            args,
            &std::fs::read_to_string(&stdout_path).unwrap(),
            &std::fs::read_to_string(&stderr_path).unwrap(),
        );
    }

    /// Run `cfimg ARGS` against the API at `api_url`, press Ctrl-C (SIGINT) as soon as its
    /// first result is printed, and wait for it to end.
    pub fn interrupt_after_first_result(&self, api_url: &str, args: &[&str]) -> Interrupted {
        let mut child = self.spawn(api_url, args, Stdio::piped(), Stdio::piped());
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        signal(&child, "INT");
        let mut rest = String::new();
        stdout.read_to_string(&mut rest).unwrap();
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        self.check_output(args, &format!("{first}{rest}"), &stderr);
        Interrupted {
            code: output.status.code(),
            lines: usize::from(!first.is_empty()) + rest.lines().count(),
            stderr,
        }
    }
}

/// Send the signal `name` (`INT`, `TERM`) to a running child.
pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}
