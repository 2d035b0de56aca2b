//! What users trust us with besides their images: the token and the signing keys. No output of
//! any run shows them (the harness checks every run), `Debug` hides them, and the config file
//! that holds them is private.

use crate::common;

use std::path::Path;

use cfimg_emulator::{Faults, RateLimit};
use common::{ACCOUNT, TOKEN, TestEnv, fixture_str};

const PROFILE_TOKEN: &str = "profile-token-SECRET-0123456789";
const LEGACY_KEY: &str = "legacy-global-key-SECRET-abcdef";
const SIGNING_KEY: &str = "signing-key-SECRET-Oix0bbNaT8Rge9Pu";
const ENV_SIGNING_KEY: &str = "env-signing-key-SECRET-0123456789";

fn write_profile(path: &Path, api_url: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        path,
        format!(
            "default_profile = \"main\"\n\n[profiles.main]\naccount_id = \"{ACCOUNT}\"\n\
             api_token = \"{PROFILE_TOKEN}\"\napi_url = \"{api_url}\"\nsigning_key = \"{SIGNING_KEY}\"\n\n\
             [profiles.legacy]\naccount_id = \"{ACCOUNT}\"\napi_key = \"{LEGACY_KEY}\"\nemail = \"me@example.com\"\n"
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// Every run here is checked by the harness for every secret it knows: the test token, the
/// profile's token and legacy key, the configured and environment signing keys, and every key
/// the emulator holds, in successes, failures, verbose logs and JSON errors.
#[test]
fn no_output_shows_a_token_or_a_signing_key_even_verbose_or_failing() {
    let env = TestEnv::with_faults(Faults {
        // Enough for the sweep below, then 429s for the last runs.
        rate_limit: Some("60/300".parse::<RateLimit>().unwrap()),
        ..Faults::default()
    });
    let config = env.path("profile.toml");
    write_profile(&config, &env.emulator.base_url());
    let config_arg = config.to_str().unwrap();
    let png = fixture_str("images/logo.png");

    let image = env
        .ok(&[
            "-vv",
            "--json",
            "images",
            "upload",
            &png,
            "--id",
            "brand/logo",
        ])
        .json();
    assert_eq!(image["id"], "brand/logo");
    let private = env
        .ok(&["--json", "images", "upload", &png, "--require-signed-urls"])
        .json();
    let private_id = private["id"].as_str().unwrap();
    for args in [
        &["-vv", "images", "list"][..],
        &["-vv", "--ndjson", "images", "list", "--all"],
        &["-vv", "images", "get", "brand/logo"],
        &["-vv", "images", "blob", "brand/logo"],
        &["-vv", "images", "url", private_id, "--signed"],
        &[
            "-vv", "--json", "images", "url", private_id, "--signed", "--key", "default",
        ],
        &["-vv", "keys", "list"],
        &["-vv", "keys", "create", "backup"],
        &["-vv", "stats"],
        &["-vv", "variants", "list"],
        &["-vv", "direct-upload"],
        &["-vv", "config", "show"],
        &["-vv", "--json", "config", "show"],
    ] {
        env.ok(args);
    }
    // The keys command shows values when asked to: that is its job, and the harness allows it.
    let shown = env.ok(&["keys", "list", "--show-values"]).stdout;
    assert!(
        env.emulator
            .signing_key_values()
            .iter()
            .any(|k| shown.contains(k.as_str())),
        "{shown}"
    );

    // Failures, verbose and as JSON.
    for (args, code) in [
        (&["-vv", "images", "get", "nope"][..], 4),
        (&["-vv", "--json", "images", "delete", "nope", "--yes"], 4),
        (&["-vv", "images", "upload", &png, "--id", "brand/logo"], 1),
        (&["-vv", "keys", "delete", "nope", "--yes"], 4),
    ] {
        env.run(env.cmd(), args).code(code);
    }
    env.run(
        env.cmd()
            .env("CLOUDFLARE_API_TOKEN", "a-wrong-token-SECRET-42"),
        &["-vv", "--json", "images", "list"],
    )
    .code(3)
    .error_contains("403");

    // Credentials from the profile file, and the legacy key pair.
    env.run(
        env.bare().env("CFIMG_SIGNING_KEY", ENV_SIGNING_KEY),
        &[
            "-vv",
            "--config",
            config_arg,
            "--profile",
            "main",
            "images",
            "url",
            private_id,
            "--signed",
        ],
    )
    .code(3)
    .error_contains("403");
    env.run(
        env.bare()
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
        &[
            "-vv",
            "--config",
            config_arg,
            "--profile",
            "legacy",
            "stats",
        ],
    )
    .code(3);
    env.run(
        env.bare(),
        &["-vv", "--config", config_arg, "config", "show"],
    )
    .success();
    env.run(
        env.bare(),
        &["-vv", "--json", "--config", config_arg, "config", "show"],
    )
    .success();

    // Past the emulator's rate limit: 429 until the retries run out.
    let mut limited = None;
    for _ in 0..80 {
        let run = env.run(env.cmd(), &["-vv", "--retries", "0", "stats"]);
        if run.code != 0 {
            limited = Some(run);
            break;
        }
    }
    limited
        .expect("the rate limit was reached")
        .code(1)
        .error_contains("971");

    let known = env.known_secrets();
    for secret in [
        TOKEN,
        PROFILE_TOKEN,
        LEGACY_KEY,
        SIGNING_KEY,
        ENV_SIGNING_KEY,
    ] {
        assert!(known.iter().any(|k| k == secret), "harness missed {secret}");
    }
    for key in env.emulator.signing_key_values() {
        assert!(known.contains(&key), "harness missed an emulator key");
    }
}

#[test]
#[should_panic(expected = "a secret leaked")]
fn the_harness_catches_a_signing_key_in_output() {
    let env = TestEnv::new();
    env.ok(&["keys", "list"]);
    let key = env.emulator.signing_key_values().pop().unwrap();
    env.check_output(&["keys", "list"], &format!("default  {key}\n"), "");
}

#[test]
#[should_panic(expected = "a secret leaked")]
fn the_harness_catches_a_configured_token_in_output() {
    let env = TestEnv::new();
    let config = env.path("profile.toml");
    write_profile(&config, &env.emulator.base_url());
    env.run(
        env.bare(),
        &["--config", config.to_str().unwrap(), "config", "show"],
    )
    .success();
    env.check_output(&["config", "show"], "", &format!("token {PROFILE_TOKEN}"));
}

#[cfg(unix)]
#[test]
fn the_config_file_is_created_private_and_a_readable_one_draws_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.run_with_stdin(
        env.bare()
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
        &["config", "init", "--account-id", ACCOUNT, "--token-stdin"],
        format!("{TOKEN}\n"),
    )
    .success();
    let path = env.config_path();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    let list = || {
        env.run(
            env.bare()
                .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
            &["images", "list"],
        )
    };
    let run = list();
    run.success();
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = list();
    run.success();
    assert!(
        run.stderr.contains("warning:")
            && run.stderr.contains("can be read by other users (mode 644)")
            && run.stderr.contains("chmod 600"),
        "{}",
        run.stderr
    );

    // Writing it again makes it private again.
    env.run_with_stdin(
        env.bare()
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url()),
        &["config", "init", "--account-id", ACCOUNT, "--token-stdin"],
        format!("{TOKEN}\n"),
    )
    .success();
    assert_eq!(mode(&path), 0o600);
}
