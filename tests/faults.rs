//! What users trust us with under a misbehaving network: downloads that are cut short, and the
//! emulator's fault flags as `cfimg emulator` exposes them.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use cfimg_emulator::{EmulatorConfig, Faults};
use common::{ACCOUNT, TOKEN, TestEnv, fixture_str};

/// A seed under which the emulator cuts its first image body short (0.6 of them in all).
const SEED: u64 = 2;

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cfimg-blob-"))
        .collect()
}

#[test]
fn a_truncated_blob_leaves_no_file_and_keeps_an_existing_one() {
    let env = TestEnv::with_config(EmulatorConfig {
        token: Some(TOKEN.to_string()),
        faults: Faults {
            truncate_rate: 1.0,
            seed: Some(3),
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    });
    let image = env
        .ok(&[
            "--json",
            "images",
            "upload",
            &fixture_str("images/photo.jpg"),
        ])
        .json();
    let id = image["id"].as_str().unwrap();
    let out_dir = env.path("downloads");
    std::fs::create_dir(&out_dir).unwrap();

    let fresh = out_dir.join("fresh.jpg");
    env.run(
        env.cmd(),
        &["-vv", "images", "blob", id, "-o", fresh.to_str().unwrap()],
    )
    .code(1)
    .error_contains("cut off");
    assert!(!fresh.exists());
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());

    let existing = out_dir.join("existing.jpg");
    std::fs::write(&existing, b"the user's own file").unwrap();
    env.run(
        env.cmd(),
        &[
            "--retries",
            "1",
            "images",
            "blob",
            id,
            "-o",
            existing.to_str().unwrap(),
            "--force",
        ],
    )
    .code(1)
    .error_contains("cut off");
    assert_eq!(std::fs::read(&existing).unwrap(), b"the user's own file");
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());

    // To a pipe nothing goes out until the bytes are whole: here, never.
    let run = env.run(env.cmd(), &["--retries", "1", "images", "blob", id]);
    run.code(1).error_contains("cut off");
    assert!(run.stdout_bytes.is_empty());
}

#[test]
fn a_truncated_blob_is_fetched_again() {
    let env = TestEnv::with_config(EmulatorConfig {
        token: Some(TOKEN.to_string()),
        faults: Faults {
            truncate_rate: 0.6,
            seed: Some(SEED),
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    });
    let photo = fixture_str("images/photo.jpg");
    let original = std::fs::read(&photo).unwrap();
    let image = env.ok(&["--json", "images", "upload", &photo]).json();
    let id = image["id"].as_str().unwrap();
    let out_dir = env.path("downloads");
    std::fs::create_dir(&out_dir).unwrap();
    let blobs = || {
        env.emulator
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/blob"))
            .count()
    };

    let file = out_dir.join("photo.jpg");
    let run = env.ok(&[
        "--retries",
        "5",
        "images",
        "blob",
        id,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&file).unwrap(), original, "{}", run.stderr);
    assert!(
        blobs() >= 2,
        "the first download was cut short: {} requests",
        blobs()
    );
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());

    // To a pipe too: nothing goes out until the bytes are whole.
    let before = blobs();
    let run = env.ok(&["--retries", "8", "images", "blob", id]);
    assert_eq!(run.stdout_bytes, original);
    assert!(blobs() > before);

    // Without retries, a cut-off download fails and leaves nothing behind.
    let mut failed = false;
    for i in 0..6 {
        let target = out_dir.join(format!("once-{i}.jpg"));
        let run = env.run(
            env.cmd(),
            &[
                "--retries",
                "0",
                "images",
                "blob",
                id,
                "-o",
                target.to_str().unwrap(),
            ],
        );
        if run.code != 0 {
            run.code(1).error_contains("cut off");
            assert!(!target.exists());
            failed = true;
        }
    }
    assert!(failed);
    assert_eq!(leftovers(&out_dir), Vec::<String>::new());
}

/// `cfimg emulator FLAGS` in the background, killed when dropped.
struct Served {
    child: std::process::Child,
    base_url: String,
}

impl Served {
    fn start(flags: &[&str]) -> Self {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
            .args(["emulator", "--listen", "127.0.0.1:0"])
            .args(flags)
            .env_clear()
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("cfimg emulator starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Served {
            child,
            base_url: line.trim().to_string(),
        }
    }

    fn stats_url(&self) -> String {
        format!("{}/accounts/{ACCOUNT}/images/v1/stats", self.base_url)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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
        let served = Served::start(&["--fail-rate", "0.5", "--seed", seed]);
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
    let served = Served::start(&["--rate-limit", "2/60"]);
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
    let served = Served::start(&[
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
    let served = Served::start(&["--drop-rate", "1"]);
    assert!(get(&c, &served.stats_url()).is_err());
}
