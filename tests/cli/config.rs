//! `cfimg config …` and how settings are resolved, through the real binary.

use crate::common;

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
    assert_eq!(shown["account_id"]["source"], "$CLOUDFLARE_ACCOUNT_ID");
    assert_eq!(shown["credentials"]["source"], "profile prod");
    assert!(
        shown["credentials"]["value"]
            .as_str()
            .unwrap()
            .starts_with("token ****")
    );
    let table = env.run(env.bare(), &["config", "show"]);
    assert!(table.stdout.contains("SETTING"), "{}", table.stdout);
    assert!(table.stdout.contains("profile prod"));
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

#[test]
fn show_says_plainly_where_each_value_comes_from() {
    let env = TestEnv::new();
    // A relative config path keeps the snapshot the same wherever the test runs.
    init(
        &env,
        "prod",
        ACCOUNT,
        TOKEN,
        &["--account-hash", "abc", "--config", "cfg.toml"],
    );
    let run = env.run(
        env.bare()
            .env("CFIMG_CONFIG", "cfg.toml")
            .env("CLOUDFLARE_ACCOUNT_ID", OTHER),
        &["config", "show"],
    );
    run.success();
    insta::assert_snapshot!("config_show_sources", run.stdout);
    let run = env.run(
        env.bare().env("CFIMG_PROFILE", "prod"),
        &[
            "--config",
            "cfg.toml",
            "--api-url",
            "http://127.0.0.1:9/client/v4",
            "config",
            "show",
        ],
    );
    insta::assert_snapshot!("config_show_flags", run.stdout);
}

#[test]
fn a_default_profile_that_is_gone_is_named_plainly() {
    let env = TestEnv::new();
    let path = env.path("f.toml");
    std::fs::write(&path, "default_profile = \"missing\"\n[profiles.prod]\n").unwrap();
    env.run(
        env.bare(),
        &["--config", path.to_str().unwrap(), "images", "list"],
    )
    .code(3)
    .error_contains("default_profile names profile 'missing', which is not in")
    .error_contains("its profiles: prod")
    .hint_contains("cfimg config use");
}

#[test]
fn config_errors_say_what_is_wrong_without_quoting_secrets() {
    let env = TestEnv::new();
    let secret = "abc-very-secret-token";
    env.add_secret(secret);
    let cases = [
        (
            format!("api_token = \"{secret}\"\n"),
            "unknown key `api_token` at the top level (line 1)",
            "[profiles.default]",
        ),
        (
            format!("[profiles.p]\napi_token = \"{secret}\"\napi_token = \"{secret}\"\n"),
            "duplicate key `api_token`",
            "keep one",
        ),
        (
            "[profiles.p]\naccount_idd = \"x\"\n".to_string(),
            "unknown key `account_idd` in [profiles.p] (line 2)",
            "a profile takes account_id",
        ),
    ];
    for (text, error, hint) in cases {
        let path = env.path("bad.toml");
        std::fs::write(&path, &text).unwrap();
        let run = env.run(
            env.bare(),
            &["--config", path.to_str().unwrap(), "images", "list"],
        );
        run.code(3).error_contains(error).hint_contains(hint);
        assert!(!run.stderr.contains("in quotes"), "{}", run.stderr);
    }
}

#[test]
fn a_named_config_file_that_does_not_exist_is_an_error_except_for_init() {
    let env = TestEnv::new();
    let missing = env.path("typo.toml");
    let missing = missing.to_str().unwrap();
    env.run(env.bare(), &["--config", missing, "images", "list"])
        .code(3)
        .error_contains(&format!("config file {missing} (--config) does not exist"));
    env.run(env.bare().env("CFIMG_CONFIG", missing), &["config", "show"])
        .code(3)
        .error_contains("($CFIMG_CONFIG) does not exist");
    // `config init` is how it comes to exist.
    let mut cmd = env.bare();
    cmd.env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url());
    env.run_with_stdin(
        cmd,
        &[
            "--config",
            missing,
            "config",
            "init",
            "--account-id",
            ACCOUNT,
            "--token-stdin",
        ],
        TOKEN,
    )
    .success();
    env.run(env.bare(), &["--config", missing, "config", "show"])
        .success();
}

#[test]
fn init_keeps_comments_order_and_formatting() {
    let env = TestEnv::new();
    let path = env.config_path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let original = format!(
        "# cfimg settings, kept in git\n\
         default_profile = \"prod\"   # most commands\n\
         \n\
         # the real account\n\
         [profiles.prod]\n\
         account_id = \"{ACCOUNT}\"  # from the dashboard\n\
         api_token  = \"{TOKEN}\"\n"
    );
    std::fs::write(&path, &original).unwrap();
    init(&env, "local", OTHER, "local-token-123456", &["--no-verify"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        format!(
            "{original}\n[profiles.local]\naccount_id = \"{OTHER}\"\napi_token = \"local-token-123456\"\n"
        )
    );
}

#[cfg(unix)]
#[test]
fn init_writes_through_a_symlink_to_its_target() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let dotfiles = env.path("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    let real = dotfiles.join("cfimg.toml");
    std::fs::write(&real, "# mine\n").unwrap();
    let link = env.config_path();
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.starts_with("# mine\n"), "{text}");
    assert!(text.contains("[profiles.prod]"), "{text}");
    assert_eq!(
        std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Nothing was left behind beside the link or the target.
    let names = |dir: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&dotfiles), ["cfimg.toml"]);
    assert_eq!(names(link.parent().unwrap()), ["config.toml"]);
}

#[test]
fn the_hint_after_init_suggests_config_use_which_works_off_a_terminal() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    let mut cmd = env.bare();
    cmd.env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url());
    let run = env.run_with_stdin(
        cmd,
        &[
            "config",
            "init",
            "--profile",
            "loc",
            "--account-id",
            OTHER,
            "--token-stdin",
            "--no-verify",
        ],
        "loc-token-123456",
    );
    run.success().hint_contains("`cfimg config use loc`");
    env.run(env.bare(), &["config", "use", "loc"]).success();
    let shown = env.run(env.bare(), &["--json", "config", "show"]).json();
    assert_eq!(shown["profile"]["value"], "loc");
    assert_eq!(shown["account_id"]["value"], OTHER);
}

#[test]
fn config_use_sets_the_default_and_refuses_unknown_profiles() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    init(
        &env,
        "staging",
        OTHER,
        "staging-token-xyz",
        &["--no-verify"],
    );
    let path = env.config_path();
    std::fs::write(
        &path,
        std::fs::read_to_string(&path).unwrap().replace(
            "[profiles.staging]",
            "# staging: the test account\n[profiles.staging]",
        ),
    )
    .unwrap();
    let run = env.run(env.bare(), &["--json", "config", "use", "staging"]);
    run.success();
    assert_eq!(run.json()["default_profile"], "staging");
    assert_eq!(run.json()["previous_default_profile"], "prod");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("default_profile = \"staging\""), "{text}");
    assert!(text.contains("# staging: the test account"), "{text}");
    let before = text;
    env.run(env.bare(), &["config", "use", "nope"])
        .code(3)
        .error_contains("profile 'nope' is not in")
        .hint_contains("its profiles: prod, staging");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn config_list_shows_profiles_the_default_and_sources_without_secrets() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &["--account-hash", "abc"]);
    init(
        &env,
        "staging",
        OTHER,
        "staging-token-xyz",
        &["--no-verify"],
    );
    let run = env.run(env.bare(), &["config", "list"]);
    run.success();
    insta::assert_snapshot!("config_list", run.stdout);
    let run = env.run(
        env.bare()
            .env("CLOUDFLARE_API_BASE_URL", "http://127.0.0.1:9/client/v4"),
        &["--json", "config", "list"],
    );
    run.success();
    let listed = run.json();
    assert_eq!(listed["default_profile"], "prod");
    let profiles = listed["profiles"].as_array().unwrap();
    assert_eq!(profiles.len(), 2);
    assert_eq!(profiles[0]["name"], "prod");
    assert_eq!(profiles[0]["default"], true);
    assert_eq!(profiles[1]["default"], false);
    let staging = &profiles[1]["settings"];
    assert_eq!(staging["account_id"]["source"], "profile staging");
    assert_eq!(staging["api_url"]["source"], "$CLOUDFLARE_API_BASE_URL");
    assert_eq!(staging["credentials"]["value"], "token ****-xyz");
    assert_eq!(staging["credentials"]["source"], "profile staging");
    let run = env.run(env.bare(), &["--ndjson", "config", "list"]);
    assert_eq!(run.ndjson().len(), 2);
}

#[test]
fn config_remove_asks_needs_yes_off_a_terminal_and_clears_the_default() {
    let env = TestEnv::new();
    init(&env, "prod", ACCOUNT, TOKEN, &[]);
    init(
        &env,
        "staging",
        OTHER,
        "staging-token-xyz",
        &["--no-verify"],
    );
    let path = env.config_path();
    let before = std::fs::read_to_string(&path).unwrap();
    env.run(env.bare(), &["config", "remove", "prod"])
        .code(2)
        .hint_contains("--yes");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    env.run(env.bare(), &["config", "remove", "nope", "--yes"])
        .code(3)
        .error_contains("profile 'nope' is not in");
    let run = env.run(env.bare(), &["config", "remove", "prod", "--yes"]);
    run.success().hint_contains("cfimg config use NAME");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("prod"), "{text}");
    assert!(!text.contains("default_profile"), "{text}");
    assert!(text.contains("[profiles.staging]"), "{text}");
    // With no default left, commands still run (from the environment here).
    env.run(
        env.bare()
            .env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
        &["images", "list"],
    )
    .success();
}
