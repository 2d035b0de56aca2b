//! `cfimg emulator` as a process: the addresses it takes for `--listen`, the faults its flags
//! inject, and how it shares a data directory with `--local` commands and with another emulator.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use cfimg_emulator::EmulatorConfig;
use common::{ACCOUNT, TestEnv};

/// `cfimg emulator ARGS` in the background with a cleared environment, killed when dropped.
struct Served {
    child: Child,
    base_url: String,
}

impl Served {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    /// With these environment variables set.
    fn start_with(args: &[&str], vars: &[(&str, &str)]) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
            .arg("emulator")
            .args(args)
            .env_clear()
            .envs(vars.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cfimg emulator starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(!line.is_empty(), "cfimg emulator {args:?} printed no URL");
        Served {
            child,
            base_url: line.trim().to_string(),
        }
    }

    /// The stats endpoint, which any running emulator answers.
    fn stats_url(&self) -> String {
        format!("{}/accounts/{ACCOUNT}/images/v1/stats", self.base_url)
    }

    /// The answer to a stats request.
    fn stats_status(&self) -> u16 {
        self.stats_status_for("any")
    }

    /// The answer to a stats request made with `token`.
    fn stats_status_for(&self, token: &str) -> u16 {
        http()
            .get(self.stats_url())
            .bearer_auth(token)
            .send()
            .unwrap()
            .status()
            .as_u16()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn listen_takes_a_host_name_or_a_bare_port() {
    for listen in ["localhost:0", ":0", "0"] {
        let served = Served::start(&["--listen", listen]);
        let rest = served
            .base_url
            .strip_prefix("http://")
            .unwrap_or_else(|| panic!("{listen}: {}", served.base_url));
        let (host, _) = rest.rsplit_once(':').unwrap();
        // A bare port is loopback; `localhost` is whichever loopback address it names.
        assert!(
            host == "127.0.0.1" || (listen.starts_with("localhost") && host == "[::1]"),
            "--listen {listen} serves at {}",
            served.base_url
        );
        assert!(served.base_url.ends_with("/client/v4"));
        assert_eq!(served.stats_status(), 200, "--listen {listen}");
    }
}

#[test]
fn the_only_accepted_token_comes_from_the_flag_or_else_the_environment() {
    let token = "emulator-token-0123456789";
    let served = Served::start_with(
        &["--listen", ":0"],
        &[("NO_COLOR", "1"), ("CFIMG_EMULATOR_TOKEN", token)],
    );
    assert_eq!(served.stats_status_for(token), 200);
    assert_ne!(served.stats_status_for("another-token"), 200);
    drop(served);

    // The flag wins over the variable.
    let served = Served::start_with(
        &["--listen", ":0", "--token", "flag-token-0123456789"],
        &[("CFIMG_EMULATOR_TOKEN", token)],
    );
    assert_eq!(served.stats_status_for("flag-token-0123456789"), 200);
    assert_ne!(served.stats_status_for(token), 200);
}

#[test]
fn an_address_that_is_no_address_is_a_usage_error() {
    let out = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
        .args(["emulator", "--listen", "localhost:http"])
        .env_clear()
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("HOST:PORT"), "{stderr}");
}

/// The data directory `--local` uses under the test's temporary home.
fn local_data_dir(env: &TestEnv) -> std::path::PathBuf {
    env.home.path().join("data").join("cfimg").join("emulator")
}

/// `cfimg ARGS` with the test's home, its stderr read line by line on a thread.
fn spawn_reading_stderr(env: &TestEnv, args: &[&str]) -> (Child, mpsc::Receiver<String>) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("XDG_DATA_HOME", env.home.path().join("data"))
        .env("NO_COLOR", "1")
        .current_dir(env.home.path())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cfimg starts");
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

/// The first stderr line that contains `text`; a run that never says it fails the test
/// rather than hanging it.
fn line_with(lines: &mpsc::Receiver<String>, text: &str) -> String {
    loop {
        match lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(e) => panic!("no stderr line with {text:?}: {e}"),
        }
    }
}

#[test]
fn a_local_command_waits_for_the_one_before_it_and_says_so() {
    let env = TestEnv::new();
    // An emulator on the same directory, as another --local command has while it runs.
    let holder = cfimg_emulator::start(
        EmulatorConfig {
            data_dir: Some(local_data_dir(&env)),
            ..EmulatorConfig::default()
        },
        ([127, 0, 0, 1], 0).into(),
    )
    .unwrap();
    let (child, stderr) = spawn_reading_stderr(&env, &["--local", "--json", "images", "list"]);
    let note = line_with(&stderr, "waiting for another cfimg --local command");
    assert!(
        note.contains(&format!("(pid {})", std::process::id())),
        "{note}"
    );
    assert!(
        note.contains(&local_data_dir(&env).display().to_string()),
        "{note}"
    );
    assert!(
        !note.starts_with("error") && !note.starts_with("warning"),
        "{note}"
    );
    // When the one before it is done, it goes on.
    holder.shutdown();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["images"], serde_json::json!([]));
}

#[test]
fn a_served_data_directory_refuses_local_commands_and_other_emulators() {
    let env = TestEnv::new();
    let dir = local_data_dir(&env);
    let served = Served::start(&[
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        dir.to_str().unwrap(),
    ]);
    // Serving lasts until it is stopped, so nothing waits for it: told where it is instead.
    let run = env.run(env.bare(), &["--local", "images", "list"]);
    run.code(1)
        .error_contains("is in use by `cfimg emulator`")
        .hint_contains(&served.base_url);
    let out = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
        .args(["emulator", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .env_clear()
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        out.stdout, b"",
        "no URL from an emulator that does not serve"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("error: the data directory"), "{stderr}");
    // The first one still serves, and its data is reachable there.
    assert_eq!(served.stats_status(), 200);
    drop(served);
    env.run(env.bare(), &["--local", "images", "list"])
        .success();
}

#[test]
fn an_emulator_waits_for_a_local_command_then_serves_its_data() {
    let env = TestEnv::new();
    let dir = local_data_dir(&env);
    let png = common::fixture_str("images/logo.png");
    env.run(
        env.bare(),
        &["--local", "images", "upload", &png, "--id", "kept"],
    )
    .success();
    let holder = cfimg_emulator::start(
        EmulatorConfig {
            data_dir: Some(dir.clone()),
            ..EmulatorConfig::default()
        },
        ([127, 0, 0, 1], 0).into(),
    )
    .unwrap();
    let (mut child, stderr) = spawn_reading_stderr(
        &env,
        &[
            "emulator",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            dir.to_str().unwrap(),
        ],
    );
    line_with(&stderr, "waiting for a cfimg --local command");
    holder.shutdown();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let served = Served {
        child,
        base_url: line.trim().to_string(),
    };
    let got = reqwest::blocking::Client::new()
        .get(format!(
            "{}/accounts/{ACCOUNT}/images/v1/kept",
            served.base_url
        ))
        .bearer_auth("any")
        .send()
        .unwrap();
    assert_eq!(got.status(), 200);
}

/// `cfimg emulator FLAGS` on a free loopback port.
fn serve_with(flags: &[&str]) -> Served {
    let mut args = vec!["--listen", "127.0.0.1:0"];
    args.extend_from_slice(flags);
    Served::start(&args)
}

fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

fn get(
    client: &reqwest::blocking::Client,
    url: &str,
) -> reqwest::Result<reqwest::blocking::Response> {
    client.get(url).bearer_auth("any").send()
}

#[test]
fn the_emulator_command_injects_each_fault_its_flags_name() {
    let c = http();

    // The same seed makes the same decisions, run after run.
    let statuses = |seed: &str| {
        let served = serve_with(&["--fail-rate", "0.5", "--seed", seed]);
        (0..30)
            .map(|_| get(&c, &served.stats_url()).unwrap().status().as_u16())
            .collect::<Vec<_>>()
    };
    let first = statuses("42");
    assert_eq!(first, statuses("42"));
    assert!(
        first.contains(&200) && first.iter().any(|s| *s >= 500),
        "{first:?}"
    );

    // A window of 2 requests, then the API's 429: its body, Retry-After and the Ratelimit
    // headers, which every answer carries.
    let served = serve_with(&["--rate-limit", "2/60"]);
    for remaining in ["1", "0"] {
        let r = get(&c, &served.stats_url()).unwrap();
        assert_eq!(r.status(), 200);
        let state = r.headers()["ratelimit"].to_str().unwrap();
        assert!(
            state.starts_with(&format!("\"default\";r={remaining};t=")),
            "{state}"
        );
        assert_eq!(r.headers()["ratelimit-policy"], "\"default\";q=2;w=60");
    }
    let r = get(&c, &served.stats_url()).unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    assert!(
        r.headers()["ratelimit"]
            .to_str()
            .unwrap()
            .starts_with("\"default\";r=0;t=")
    );
    let body: serde_json::Value = r.json().unwrap();
    assert_eq!(body["success"], false);
    assert_eq!(body["errors"][0]["code"], 971);

    // Random 429s, as an HTML page from a proxy would carry them.
    let served = serve_with(&[
        "--throttle-rate",
        "1",
        "--html-errors",
        "--latency-ms",
        "100",
    ]);
    let started = std::time::Instant::now();
    let r = get(&c, &served.stats_url()).unwrap();
    assert!(started.elapsed() >= Duration::from_millis(100));
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(r.text().unwrap().contains("429 Too Many Requests"));

    // A connection closed without a word.
    let served = serve_with(&["--drop-rate", "1"]);
    assert!(get(&c, &served.stats_url()).is_err());
}
