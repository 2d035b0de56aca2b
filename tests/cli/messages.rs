//! What a person at a terminal and a script both rely on: one error format with hints that
//! help, JSON errors for scripts, `--quiet`, colour switches, and a quiet exit on a closed pipe.

use crate::common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use cfimg_emulator::{EmulatorConfig, Faults, RateLimit};
use common::{ACCOUNT, TOKEN, TestEnv, fixture_str};

#[test]
fn a_connection_failure_names_the_url_and_hints_at_api_url() {
    let env = TestEnv::new();
    let run = env.run(
        env.cmd(),
        &[
            "--api-url",
            "http://127.0.0.1:9/client/v4",
            "--retries",
            "0",
            "images",
            "list",
        ],
    );
    run.code(1)
        .error_contains("could not reach http://127.0.0.1:9/client/v4/accounts/")
        .hint_contains("--api-url");
}

#[test]
fn refused_tokens_hint_at_the_token_and_its_permissions() {
    let env = TestEnv::new();
    let run = env.run(
        env.cmd().env("CLOUDFLARE_API_TOKEN", "wrong-token"),
        &["images", "list"],
    );
    run.code(3)
        .error_contains("(HTTP 403)")
        .error_contains("[10000]")
        .hint_contains("Images Read");
    let run = env.run(env.bare(), &["images", "list"]);
    run.code(3)
        .error_contains("no account id")
        .error_contains("config init");
}

#[test]
fn not_found_names_what_was_not_found() {
    let env = TestEnv::new();
    for (args, what, hint) in [
        (
            &["images", "get", "no/such"][..],
            "image 'no/such' not found",
            "cfimg images list",
        ),
        (
            &["variants", "get", "nosuch"],
            "variant 'nosuch' not found",
            "cfimg variants list",
        ),
        (
            &["keys", "delete", "nosuch", "--yes"],
            "signing key 'nosuch' not found",
            "cfimg keys list",
        ),
        (
            &["images", "delete", "gone", "--yes"],
            "image 'gone' not found",
            "cfimg images list",
        ),
    ] {
        let run = env.run(env.cmd(), args);
        run.code(4)
            .error_contains(what)
            .error_contains("(HTTP 404)")
            .hint_contains(hint);
    }
}

#[test]
fn a_rate_limit_that_outlasts_the_retries_says_when_to_try_again() {
    let env = TestEnv::with_faults(Faults {
        rate_limit: Some(RateLimit {
            requests: 1,
            window: Duration::from_secs(60),
        }),
        ..Faults::default()
    });
    env.ok(&["stats"]);
    let run = env.run(env.cmd(), &["--retries", "0", "stats"]);
    run.code(1)
        .error_contains("(HTTP 429)")
        .hint_contains("try again in");
    let hint = run
        .stderr
        .lines()
        .find(|l| l.starts_with("hint: "))
        .unwrap();
    assert!(hint.ends_with(" s"), "{hint}");
}

#[test]
fn with_json_the_error_is_also_one_json_object_on_stderr() {
    let env = TestEnv::new();
    for flag in ["--json", "--ndjson"] {
        let run = env.run(env.cmd(), &[flag, "images", "get", "missing"]);
        run.code(4).error_contains("image 'missing' not found");
        assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
        let line = run
            .stderr
            .lines()
            .find(|l| l.starts_with('{'))
            .expect("a JSON line on stderr");
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let error = &value["error"];
        assert_eq!(error["status"], 404);
        assert_eq!(error["errors"][0]["code"], 5404);
        assert!(error["message"].as_str().unwrap().contains("missing"));
        assert_eq!(error["exit_code"], 4);
        assert!(error["hint"].as_str().unwrap().contains("images list"));
    }
    // Errors that are not the API's have the same shape.
    let run = env.run(env.bare(), &["--json", "stats"]);
    run.code(3);
    let line = run.stderr.lines().find(|l| l.starts_with('{')).unwrap();
    let value: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(value["error"]["status"], serde_json::Value::Null);
    assert_eq!(value["error"]["errors"], serde_json::json!([]));
}

#[test]
fn usage_errors_from_clap_and_from_commands_share_the_format() {
    let env = TestEnv::new();
    let run = env.run(env.cmd(), &["images", "lst"]);
    run.code(2).error_contains("unrecognized subcommand");
    let run = env.run(env.cmd(), &["images", "edit", "x"]);
    run.code(2)
        .error_contains("nothing to change")
        .hint_contains("--meta");
    let run = env.run(env.cmd(), &["--account-id", "xyz", "stats"]);
    run.code(2).error_contains("32 hexadecimal characters");
}

#[test]
fn quiet_leaves_only_data_and_errors() {
    let env = TestEnv::new();
    for _ in 0..12 {
        env.ok(&["images", "upload", &fixture_str("images/logo.png")]);
    }
    // Without --quiet: a hint about the next page, and a warning for the v1 listing.
    let run = env.ok(&["images", "list", "--per-page", "10"]);
    assert!(run.stderr.contains("hint: more images"), "{}", run.stderr);
    let run = env.ok(&["images", "list", "--page", "1", "--per-page", "10"]);
    assert!(run.stderr.contains("warning:"), "{}", run.stderr);
    let out = env.path("out.png");
    let id = env
        .ok(&["images", "list", "--ndjson", "--limit", "1"])
        .ndjson()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    for args in [
        vec!["-q", "images", "list", "--per-page", "10"],
        vec!["-q", "images", "list", "--page", "1", "--per-page", "10"],
        vec![
            "--quiet",
            "images",
            "blob",
            &id,
            "-o",
            out.to_str().unwrap(),
        ],
    ] {
        let run = env.ok(&args);
        assert!(
            run.stderr.is_empty(),
            "{args:?} wrote to stderr:\n{}",
            run.stderr
        );
    }
    assert!(out.exists());
    let run = env.ok(&["-q", "images", "list", "--per-page", "10"]);
    assert_eq!(run.stdout.lines().count(), 11, "header and ten rows");
    // Errors still show, hint included.
    let run = env.run(env.cmd(), &["-q", "images", "get", "missing"]);
    run.code(4)
        .error_contains("not found")
        .hint_contains("images list");
}

#[test]
fn no_color_and_clicolor_force_are_honoured() {
    let env = TestEnv::new();
    let mut forced = env.cmd();
    forced.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
    let run = env.run(forced, &["images", "get", "missing"]);
    assert!(
        run.stderr.contains("\x1b["),
        "CLICOLOR_FORCE gave no colour: {:?}",
        run.stderr
    );

    let mut both = env.cmd();
    both.env("NO_COLOR", "1").env("CLICOLOR_FORCE", "1");
    let run = env.run(both, &["images", "get", "missing"]);
    assert!(
        !run.stderr.contains('\x1b'),
        "NO_COLOR ignored: {:?}",
        run.stderr
    );
    run.error_contains("not found");

    let mut plain = env.cmd();
    plain.env_remove("NO_COLOR");
    let run = env.run(plain, &["images", "get", "missing"]);
    assert!(
        !run.stderr.contains('\x1b'),
        "colour on a pipe: {:?}",
        run.stderr
    );
}

#[test]
fn a_closed_pipe_ends_quietly_with_zero() {
    let env = TestEnv::with_config(EmulatorConfig {
        token: Some(TOKEN.to_string()),
        preload: 3000,
        ..EmulatorConfig::default()
    });
    for args in [
        &["images", "list", "--all", "--ndjson"][..],
        &["images", "list", "--all"],
        &["images", "list", "--all", "--json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cfimg"))
            .env_clear()
            .env("HOME", env.home.path())
            .env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, then hang up, as `| head -1` does.
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} complained: {stderr}");
    }
}

#[cfg(unix)]
#[test]
fn a_config_file_others_can_read_is_reported_with_the_fix() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let mut cmd = env.bare();
    cmd.env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url());
    env.run_with_stdin(
        cmd,
        &["config", "init", "--account-id", ACCOUNT, "--token-stdin"],
        TOKEN,
    )
    .success();
    let path = env.config_path();
    let run = env.ok(&["config", "show"]);
    assert!(run.stdout.contains("file_mode     600"), "{}", run.stdout);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.run(env.bare(), &["config", "show"]);
    run.success();
    let fix = format!("chmod 600 {}", path.display());
    assert!(run.stdout.contains(&fix), "{}", run.stdout);
    assert!(
        run.stderr.starts_with("warning: ") && run.stderr.contains(&fix),
        "{}",
        run.stderr
    );
    // A script asking for JSON gets the same report.
    let run = env.run(env.bare(), &["--json", "config", "show"]);
    assert!(
        run.json()["file_mode"]["value"]
            .as_str()
            .unwrap()
            .contains(&fix)
    );
}
