//! `cfimg emulator` as a process: the addresses it takes for `--listen`, and how it shares a
//! data directory with `--local` commands and with another emulator.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::ACCOUNT;

/// `cfimg emulator ARGS` in the background with a cleared environment, killed when dropped.
struct Served {
    child: Child,
    base_url: String,
}

impl Served {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
            .arg("emulator")
            .args(args)
            .env_clear()
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

    /// The answer to a stats request, which any running emulator gives.
    fn stats_status(&self) -> u16 {
        reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap()
            .get(format!(
                "{}/accounts/{ACCOUNT}/images/v1/stats",
                self.base_url
            ))
            .bearer_auth("any")
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
