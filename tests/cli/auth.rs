//! Every way the API refuses credentials (docs/api-notes.md#errors-and-codes) is an auth
//! failure to the CLI: exit 3 with a hint about the token, in ordinary commands, in `config
//! init`'s check, in bulk uploads and deletes, and around the batch token.
//!
//! The emulator gives 400/6003 (a token it cannot read as `Bearer <token>`) and 403/10000 (a
//! token it does not accept) for real; the CLI never sends a request without credentials, and
//! only the batch host answers 401, so 400/9106 and 401 come from a canned server.

use crate::common;

use common::{ACCOUNT, Canned, TOKEN, TestEnv, api_failure, http_response};

/// A token the emulator cannot read: quotes pasted along with it.
const QUOTED: &str = "\"test-token-0123456789-SECRET\"";

/// The API's answer to a malformed `Authorization` header, with its `error_chain`.
fn malformed_body() -> String {
    serde_json::json!({
        "success": false,
        "errors": [{
            "code": 6003,
            "message": "Invalid request headers",
            "error_chain": [{"code": 6111, "message": "Invalid format for Authorization header"}],
        }],
        "messages": [],
        "result": null,
    })
    .to_string()
}

/// Canned answers for the refusals the emulator does not give the CLI.
fn canned(status: &str, body: &str) -> Canned {
    Canned::start(http_response(status, "application/json", &[], body))
}

fn no_credentials() -> Canned {
    canned(
        "400 Bad Request",
        &api_failure(
            9106,
            "Missing X-Auth-Key, X-Auth-Email or Authorization headers",
        ),
    )
}

fn unauthorized() -> Canned {
    canned(
        "401 Unauthorized",
        &api_failure(10000, "Authentication error"),
    )
}

/// 10000 under a status other than 401 or 403 is still a refusal of the credentials.
fn code_10000_on_400() -> Canned {
    canned(
        "400 Bad Request",
        &api_failure(10000, "Authentication error"),
    )
}

/// A command against the emulator with `token` in the environment.
fn with_token(env: &TestEnv, token: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_TOKEN", token);
    cmd
}

/// A command against a canned server.
fn against(env: &TestEnv, server: &Canned) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_BASE_URL", server.base_url());
    cmd
}

#[test]
fn ordinary_commands_exit_3_with_the_token_hint_for_every_refusal() {
    let env = TestEnv::new();
    for args in [&["images", "list"][..], &["stats"], &["images", "get", "x"]] {
        // 400/6003 from the emulator, with its cause in the message.
        let run = env.run(with_token(&env, QUOTED), args);
        run.code(3)
            .error_contains("[6003] Invalid request headers ([6111] Invalid format for Authorization header) (HTTP 400)")
            .hint_contains("could not read the Authorization header");
        // 403/10000 from the emulator.
        let run = env.run(with_token(&env, "a-token-the-emulator-refuses"), args);
        run.code(3)
            .error_contains("[10000] Authentication error (HTTP 403)")
            .hint_contains("token was refused");
    }
    let cases = [
        (no_credentials(), "[9106]", "no credentials reached the API"),
        (
            canned("400 Bad Request", &malformed_body()),
            "[6111]",
            "could not read the Authorization header",
        ),
        (unauthorized(), "(HTTP 401)", "a token it accepts"),
        (code_10000_on_400(), "[10000]", "token was refused"),
    ];
    for (server, error, hint) in cases {
        let run = env.run(against(&env, &server), &["images", "list"]);
        run.code(3).error_contains(error).hint_contains(hint);
        // Not retried: the same answer would come again.
        assert_eq!(server.requests(), 1, "{error}");
    }
}

#[test]
fn a_json_error_keeps_the_error_chain() {
    let env = TestEnv::new();
    let run = env.run(with_token(&env, QUOTED), &["--json", "stats"]);
    run.code(3);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with('{'))
        .expect("a JSON error on stderr");
    let error: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(error["error"]["status"], 400);
    assert_eq!(error["error"]["exit_code"], 3);
    assert_eq!(
        error["error"]["errors"][0]["error_chain"][0]["code"], 6111,
        "{line}"
    );
}

/// `config init --token-stdin` against `api_url`; nothing may be written when it fails.
fn init(env: &TestEnv, api_url: &str, token: &str) -> common::Run {
    let mut cmd = env.bare();
    cmd.env("CLOUDFLARE_API_BASE_URL", api_url);
    env.run_with_stdin(
        cmd,
        &["config", "init", "--account-id", ACCOUNT, "--token-stdin"],
        format!("{token}\n"),
    )
}

#[test]
fn config_init_refuses_every_refused_token_with_exit_3_and_saves_nothing() {
    // The emulator with `--token`: only that token is accepted.
    let env = TestEnv::new();
    let api = env.emulator.base_url();
    let run = init(&env, &api, QUOTED);
    run.code(3)
        .error_contains("the API could not read the token")
        .error_contains("[6003]")
        .hint_contains("without quotes or spaces");
    let run = init(&env, &api, "a-token-the-emulator-refuses");
    run.code(3)
        .error_contains("the token may not read images")
        .hint_contains("Images Read");
    let cases = [
        (no_credentials(), "the token did not reach the API", "proxy"),
        (
            unauthorized(),
            "the API did not accept the token",
            "whole token",
        ),
        (code_10000_on_400(), "may not read images", "Images Read"),
    ];
    for (server, error, hint) in cases {
        let run = init(&env, &server.base_url(), TOKEN);
        run.code(3).error_contains(error).hint_contains(hint);
        run.hint_contains("--no-verify");
    }
    assert!(!env.config_path().exists());
    // The right token passes the same check.
    init(&env, &api, TOKEN).success();
    assert!(env.config_path().exists());
}

/// `cfimg emulator --token TOKEN` in the background, killed when dropped.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn config_init_against_cfimg_emulator_with_token() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let env = TestEnv::new();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("cfimg"))
        .args(["emulator", "--listen", "127.0.0.1:0", "--token", TOKEN])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("cfimg emulator starts");
    let mut api = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut api)
        .unwrap();
    let _served = Served(child);
    let api = api.trim();
    init(&env, api, QUOTED)
        .code(3)
        .error_contains("could not read the token");
    init(&env, api, "a-token-the-emulator-refuses")
        .code(3)
        .error_contains("may not read images");
    assert!(!env.config_path().exists());
    init(&env, api, TOKEN).success();
}

/// `n` PNGs under `dir`.
fn images(env: &TestEnv, dir: &str, n: u32) {
    common::write_pngs(&env.path(dir), n);
}

fn posts(env: &TestEnv) -> usize {
    env.emulator
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count()
}

#[test]
fn a_bulk_upload_with_a_token_the_api_cannot_read_stops_at_the_first_refusal() {
    let env = TestEnv::new();
    images(&env, "a", 20);
    let run = env.run(
        with_token(&env, QUOTED),
        &["--ndjson", "images", "upload", "a", "-j", "4"],
    );
    run.code(3)
        .error_contains("refused the credentials")
        .error_contains("[6003]")
        .hint_contains("could not read the Authorization header");
    // Files, not requests: a refusal sent before the body was read may reach the client as
    // a broken send, which is known not to have landed and is sent again.
    let sent = run.ndjson().len();
    assert!((1..=4).contains(&sent), "{sent} files sent");
    assert!(posts(&env) <= 4 * 4, "{} requests", posts(&env));
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
}

#[test]
fn a_bulk_delete_stops_at_the_first_refusal_with_exit_3() {
    let env = TestEnv::new();
    let ids: Vec<String> = (0..20).map(|i| format!("img{i}")).collect();
    let mut args = vec!["images", "delete", "--yes", "-j", "2"];
    args.extend(ids.iter().map(String::as_str));
    let run = env.run(with_token(&env, "a-token-the-emulator-refuses"), &args);
    run.code(3)
        .error_contains("stopped at the first refusal")
        .hint_contains("token was refused");
    // Two workers: at most the two requests in flight when the first refusal came back, not
    // one per image.
    let sent = env.emulator.request_count();
    assert!(
        (1..=2).contains(&sent),
        "{sent} requests sent for 20 images"
    );
    // One name: the refusal itself, exit 3 all the same.
    let run = env.run(
        with_token(&env, QUOTED),
        &["images", "delete", "--yes", "one"],
    );
    run.code(3).error_contains("[6003]");
}

#[test]
fn a_refused_batch_token_request_is_exit_3() {
    let env = TestEnv::new();
    images(&env, "a", 3);
    let run = env.run(
        with_token(&env, QUOTED),
        &[
            "images",
            "upload",
            "a",
            "--batch",
            "--batch-url",
            env.emulator.origin(),
        ],
    );
    run.code(3)
        .error_contains("[6003]")
        .hint_contains("could not read the Authorization header");
    assert_eq!(posts(&env), 0);
}

#[test]
fn a_batch_host_refusing_in_the_api_s_other_ways_is_renewed_once_then_exit_3() {
    for (status, body) in [
        ("400 Bad Request", malformed_body()),
        (
            "400 Bad Request",
            api_failure(
                9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers",
            ),
        ),
        (
            "401 Unauthorized",
            api_failure(10000, "Authentication error"),
        ),
    ] {
        let env = TestEnv::new();
        images(&env, "a", 12);
        let batch = canned(status, &body);
        let host = batch.base_url().trim_end_matches("/client/v4").to_string();
        let run = env.run(
            env.cmd(),
            &[
                "images",
                "upload",
                "a",
                "--batch",
                "--batch-url",
                &host,
                "-j",
                "3",
            ],
        );
        run.code(3)
            .error_contains("refused the credentials")
            .hint_contains("token");
        let tokens = env
            .emulator
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/images/v1/batch_token"))
            .count();
        // The first token, and one renewal after the host refused it.
        assert_eq!(tokens, 2, "{status}: {}", run.stderr);
        assert!(batch.requests() <= 6, "{} uploads sent", batch.requests());
    }
}
