//! `cfimg config …` and how settings are resolved, through the real binary.

mod common;

use common::{ACCOUNT, TOKEN, TestEnv};

const OTHER: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

fn init(env: &TestEnv, profile: &str, account: &str, token: &str, extra: &[&str]) {
    let mut args = vec![
        "config",
        "init",
        "--profile",
        profile,
        "--account-id",
        account,
        "--token-stdin",
    ];
    args.extend_from_slice(extra);
    // The token is checked against the emulator before it is saved.
    let mut cmd = env.bare();
    cmd.env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url());
    env.run_with_stdin(cmd, &args, format!("{token}\n"))
        .success();
}

#[test]
fn init_writes_a_private_profile_that_commands_use() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    let path = env.config_path();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("default_profile = \"prod\""), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let run = env.run(
        env.bare()
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
        &["--json", "images", "list"],
    );
    run.success();
    assert_eq!(run.json()["images"], serde_json::json!([]));
}

#[test]
fn config_path_follows_flag_and_environment() {
    let env = TestEnv::new();
    let run = env.run(env.bare(), &["config", "path"]);
    assert_eq!(run.stdout.trim(), env.config_path().display().to_string());
    let run = env.run(
        env.bare().env("CFIMG_CONFIG", "/tmp/x.toml"),
        &["config", "path"],
    );
    assert_eq!(run.stdout.trim(), "/tmp/x.toml");
    let run = env.run(
        env.bare().env("CFIMG_CONFIG", "/tmp/x.toml"),
        &["--config", "/tmp/y.toml", "config", "path"],
    );
    assert_eq!(run.stdout.trim(), "/tmp/y.toml");
}

#[test]
fn show_names_every_source_and_masks_the_token() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    let run = env.run(
        env.bare().env("CLOUDFLARE_ACCOUNT_ID", OTHER),
        &["--json", "config", "show"],
    );
    run.success();
    let shown = run.json();
    assert_eq!(shown["account_id"]["value"], OTHER);
    assert_eq!(
        shown["account_id"]["source"],
        "environment variable CLOUDFLARE_ACCOUNT_ID"
    );
    assert_eq!(shown["credentials"]["source"], "profile 'prod'");
    assert!(
        shown["credentials"]["value"]
            .as_str()
            .unwrap()
            .starts_with("token ****")
    );
    let table = env.run(env.bare(), &["config", "show"]);
    assert!(table.stdout.contains("SETTING"), "{}", table.stdout);
    assert!(table.stdout.contains("profile 'prod'"));
}

#[test]
fn an_explicit_profile_beats_the_environment() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    init(
        &env,
        "staging",
        OTHER,
        "staging-token-xyz",
        &["--no-verify"],
    );
    let show = |cmd: &mut assert_cmd::Command, args: &[&str]| {
        env.run(cmd, args).json()["account_id"]["value"].clone()
    };
    assert_eq!(
        show(&mut env.bare(), &["--json", "config", "show"]),
        ACCOUNT
    );
    assert_eq!(
        show(
            env.bare().env("CFIMG_PROFILE", "staging"),
            &["--json", "config", "show"]
        ),
        OTHER
    );
    let env_account = "cccccccccccccccccccccccccccccccc";
    assert_eq!(
        show(
            env.bare()
                .env("CLOUDFLARE_ACCOUNT_ID", env_account)
                .env("CFIMG_PROFILE", "staging"),
            &["--json", "config", "show"]
        ),
        env_account
    );
    assert_eq!(
        show(
            env.bare().env("CLOUDFLARE_ACCOUNT_ID", env_account),
            &["--json", "--profile", "staging", "config", "show"]
        ),
        OTHER
    );
    assert_eq!(
        show(
            env.bare().env("CLOUDFLARE_ACCOUNT_ID", env_account),
            &[
                "--json",
                "--profile",
                "staging",
                "--account-id",
                ACCOUNT,
                "config",
                "show"
            ]
        ),
        ACCOUNT
    );
}

#[test]
fn config_problems_exit_3_with_a_clear_line() {
    let env = TestEnv::new();
    env.run(env.bare(), &["--profile", "nope", "images", "list"])
        .code(3)
        .error_contains("profile 'nope'");
    let bad = env.path("bad.toml");
    std::fs::write(&bad, "default_profile = [").unwrap();
    env.run(
        env.bare(),
        &["--config", bad.to_str().unwrap(), "images", "list"],
    )
    .code(3)
    .error_contains("not valid");
    env.run(
        env.bare().env("CLOUDFLARE_ACCOUNT_ID", "xyz"),
        &["images", "list"],
    )
    .code(3)
    .error_contains("not an account id");
    env.run(env.bare(), &["--account-id", "xyz", "images", "list"])
        .code(2);
    env.run(
        env.bare().env("CLOUDFLARE_API_TOKEN", TOKEN),
        &["images", "list"],
    )
    .code(3)
    .error_contains("no account id");
}

#[cfg(unix)]
#[test]
fn a_config_file_others_can_read_draws_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    std::fs::set_permissions(env.config_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = env.run(env.bare(), &["config", "show"]);
    assert!(
        run.stderr.contains("warning:") && run.stderr.contains("chmod 600"),
        "{}",
        run.stderr
    );
}

#[test]
fn init_without_a_terminal_never_prompts() {
    let env = TestEnv::new();
    env.run(env.bare(), &["config", "init", "--account-id", ACCOUNT])
        .code(2)
        .hint_contains("--token-stdin");
    env.run(env.bare(), &["config", "init", "--token-stdin"])
        .code(2)
        .hint_contains("--account-id");
    assert!(!env.config_path().exists());
}

#[test]
fn legacy_key_and_email_authenticate() {
    let env = TestEnv::new();
    let run = env.run(
        env.bare()
            .env("CLOUDFLARE_API_KEY", TOKEN)
            .env("CLOUDFLARE_EMAIL", "me@example.com")
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
        &["--json", "images", "list"],
    );
    run.success();
    let request = env.emulator.requests().pop().unwrap();
    assert!(request.path.ends_with("/images/v2"));
}

#[test]
fn verbose_logs_requests_without_secrets() {
    let env = TestEnv::new();
    let run = env.ok(&["-vv", "images", "list"]);
    assert!(run.stderr.contains("GET http"), "{}", run.stderr);
    assert!(run.stderr.contains("→ 200"), "{}", run.stderr);
}

#[test]
fn local_mode_keeps_images_between_runs() {
    let env = TestEnv::new();
    let png = common::fixture_str("images/logo.png");
    env.run(
        env.bare(),
        &["--local", "images", "upload", &png, "--id", "local/logo"],
    )
    .success();
    let run = env.run(env.bare(), &["--local", "--ndjson", "images", "list"]);
    run.success();
    assert_eq!(run.ndjson()[0]["id"], "local/logo");
}
