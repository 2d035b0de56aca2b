//! How errors reach the user: the whole cause chain on the `error:` line, and the JSON error
//! object for scripts even when the command line itself could not be parsed.

use crate::common;

use std::net::TcpListener;

use common::{ACCOUNT, TestEnv};

/// The JSON error object on stderr (the line that starts with `{`).
fn json_error(stderr: &str) -> serde_json::Value {
    let line = stderr
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON error object on stderr:\n{stderr}"));
    serde_json::from_str(line).unwrap()
}

#[test]
fn usage_errors_print_the_json_error_object_when_json_was_asked_for() {
    let env = TestEnv::new();
    for args in [
        &["images", "list", "--bogus", "--json"][..],
        &["--ndjson", "images", "list", "--bogus"],
        &["--json", "--account-id", "xyz", "images", "list"],
    ] {
        let run = env.run(env.cmd(), args);
        run.code(2);
        let error = &json_error(&run.stderr)["error"];
        assert_eq!(error["exit_code"], 2, "{args:?}");
        assert!(
            error["message"]
                .as_str()
                .is_some_and(|m| m.contains("--bogus") || m.contains("--account-id")),
            "{args:?}: {error}"
        );
        assert!(error["status"].is_null());
        assert_eq!(error["errors"], serde_json::json!([]));
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    // Without --json the usage error stays clap's alone.
    let run = env.run(env.cmd(), &["images", "list", "--bogus"]);
    run.code(2);
    assert!(!run.stderr.contains('{'), "{}", run.stderr);
    // Help is not an error, with or without --json.
    env.run(env.cmd(), &["images", "list", "--help", "--json"])
        .success();
}

#[test]
fn a_listen_failure_prints_its_cause() {
    let env = TestEnv::new();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let run = env.run(env.bare(), &["emulator", "--listen", &addr]);
    run.code(1)
        .error_contains(&format!("cannot listen on {addr}: "))
        .error_contains("in use");
    let run = env.run(env.bare(), &["--json", "emulator", "--listen", &addr]);
    let message = json_error(&run.stderr)["error"]["message"].clone();
    assert!(message.as_str().unwrap().contains("in use"), "{message}");
}

#[test]
fn a_config_write_failure_prints_its_cause() {
    let env = TestEnv::new();
    let mut targets = Vec::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = env.path("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root may write there all the same; the case only means something where it cannot.
        if std::fs::write(locked.join("probe"), "").is_err() {
            targets.push((locked.join("config.toml"), "Permission denied"));
        }
    }
    // Nobody, root included, can make a directory in /proc: a config there reads as missing
    // and then cannot be written.
    #[cfg(target_os = "linux")]
    targets.push((
        std::path::PathBuf::from(format!(
            "/proc/cfimg-test-{}/config.toml",
            std::process::id()
        )),
        "No such file or directory",
    ));
    assert!(
        !targets.is_empty(),
        "no unwritable place found on this system"
    );
    for (path, cause) in targets {
        let path = path.to_str().unwrap().to_string();
        let run = env.run_with_stdin(
            env.bare(),
            &[
                "--config",
                &path,
                "config",
                "init",
                "--account-id",
                ACCOUNT,
                "--token-stdin",
                "--no-verify",
            ],
            "a-token-1234567890",
        );
        run.code(3)
            .error_contains(&format!("cannot write config file {path}: "))
            .error_contains(cause);
    }
}

#[test]
fn a_network_failure_prints_its_cause() {
    let env = TestEnv::new();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let run = env.run(
        env.cmd().env(
            "CLOUDFLARE_API_BASE_URL",
            format!("http://127.0.0.1:{port}/client/v4"),
        ),
        &["--retries", "0", "images", "list"],
    );
    run.code(1)
        .error_contains("could not reach http://127.0.0.1:")
        .error_contains("onnection refused");
}

#[test]
fn a_timeout_after_connecting_is_not_called_unreachable() {
    use cfimg_emulator::{EmulatorConfig, Faults};
    let env = TestEnv::with_config(EmulatorConfig {
        token: Some(common::TOKEN.to_string()),
        faults: Faults {
            latency: std::time::Duration::from_secs(3),
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    });
    let run = env.run(
        env.cmd(),
        &["--retries", "0", "--timeout", "0.5", "images", "list"],
    );
    run.code(1)
        .error_contains(&format!(
            "no answer from {}/accounts/",
            env.emulator.base_url()
        ))
        .error_contains("timed out after 0.5 s")
        .hint_contains("--timeout");
    assert!(!run.stderr.contains("could not reach"), "{}", run.stderr);
    assert_eq!(env.emulator.request_count(), 1, "the server was reached");
}

#[test]
fn a_connection_dropped_after_connecting_is_not_called_unreachable() {
    use cfimg_emulator::{EmulatorConfig, Faults};
    let env = TestEnv::with_config(EmulatorConfig {
        token: Some(common::TOKEN.to_string()),
        faults: Faults {
            drop_rate: 1.0,
            ..Faults::default()
        },
        ..EmulatorConfig::default()
    });
    let run = env.run(env.cmd(), &["--retries", "0", "images", "get", "some/id"]);
    run.code(1)
        .error_contains(&format!("request to {}/accounts/", env.emulator.base_url()));
    assert!(!run.stderr.contains("could not reach"), "{}", run.stderr);
    assert_eq!(env.emulator.request_count(), 1, "the server was reached");
}

#[test]
fn ids_that_urls_resolve_away_are_refused_before_any_request() {
    let env = TestEnv::new();
    for command in ["get", "edit", "delete", "blob"] {
        for id in [".", ".."] {
            let mut args = vec!["images", command, id];
            if command == "delete" {
                args.push("--yes");
            }
            env.run(env.cmd(), &args)
                .code(2)
                .error_contains("cannot be an image id");
        }
    }
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn a_failed_single_upload_keeps_the_hint_of_the_api_error_behind_it() {
    let env = TestEnv::new();
    let canned = common::Canned::start(common::http_response(
        "413 Payload Too Large",
        "application/json",
        &[],
        &common::api_failure(7011, "Request entity is too large"),
    ));
    let run = env.run(
        env.cmd().env("CLOUDFLARE_API_BASE_URL", canned.base_url()),
        &[
            "--json",
            "images",
            "upload",
            &common::fixture_str("images/photo.jpg"),
        ],
    );
    run.code(1)
        .error_contains("413")
        .hint_contains("images may be at most 10 MB");
    let error = &json_error(&run.stderr)["error"];
    assert_eq!(error["hint"], "images may be at most 10 MB");
    assert_eq!(error["status"], 413);
    assert_eq!(error["errors"][0]["code"], 7011);
}
