//! Prompts, through a real pseudo-terminal (rexpect): `config init` asks, checks the token and
//! offers the default; `images delete` asks before deleting. And the other side: without a
//! terminal nothing prompts and nothing hangs, even with stdin left open.

#![cfg(unix)]

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{ACCOUNT, TOKEN, TestEnv};
use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

/// `cfimg ARGS` on a pseudo-terminal, with the harness's cleared environment.
fn on_terminal(env: &TestEnv, args: &[&str]) -> PtySession {
    on_terminal_with(env, args, &[])
}

/// [`on_terminal`] with more environment variables (credentials, say).
pub(crate) fn on_terminal_with(env: &TestEnv, args: &[&str], vars: &[(&str, &str)]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cfimg"));
    cmd.env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("XDG_DATA_HOME", env.home.path().join("data"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
        .envs(vars.iter().copied())
        .current_dir(env.home.path())
        .args(args);
    spawn_command(cmd, Some(30_000)).expect("cfimg starts on a pty")
}

/// Wait for the end, and check the secret never showed on the screen.
pub(crate) fn finish(mut session: PtySession) -> (i32, String) {
    let rest = session.exp_eof().expect("cfimg ends");
    assert!(!rest.contains(TOKEN), "the token was shown:\n{rest}");
    let code = match session.process().wait().expect("exit status") {
        WaitStatus::Exited(_, code) => code,
        other => panic!("cfimg did not exit normally: {other:?}"),
    };
    (code, rest)
}

fn saved_config(env: &TestEnv) -> toml::Value {
    toml::from_str(&std::fs::read_to_string(env.config_path()).unwrap()).unwrap()
}

/// A first profile, `prod`, saved without a terminal.
fn with_prod_profile(env: &TestEnv) {
    let mut cmd = env.bare();
    cmd.env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url());
    env.run_with_stdin(
        cmd,
        &[
            "config",
            "init",
            "--profile",
            "prod",
            "--account-id",
            ACCOUNT,
            "--token-stdin",
        ],
        TOKEN,
    )
    .success();
}

#[test]
fn config_init_asks_checks_the_token_and_offers_the_default() {
    let env = TestEnv::new();
    with_prod_profile(&env);
    let mut s = on_terminal(&env, &["config", "init"]);
    s.exp_string("Profile name").unwrap();
    s.send_line("staging").unwrap();
    s.exp_string("Account id").unwrap();
    s.send_line(ACCOUNT).unwrap();
    s.exp_string("API token (input hidden)").unwrap();
    s.send_line(TOKEN).unwrap();
    s.exp_string("the token can read images").unwrap();
    s.exp_string("Make 'staging' the default profile instead of 'prod'?")
        .unwrap();
    s.send("y").unwrap();
    s.flush().unwrap();
    s.exp_string("saved profile 'staging'").unwrap();
    let (code, _) = finish(s);
    assert_eq!(code, 0);
    let config = saved_config(&env);
    assert_eq!(config["default_profile"].as_str(), Some("staging"));
    assert_eq!(
        config["profiles"]["staging"]["api_token"].as_str(),
        Some(TOKEN)
    );
}

#[test]
fn config_init_on_a_terminal_defaults_the_name_and_keeps_the_default_when_told_no() {
    let env = TestEnv::new();
    with_prod_profile(&env);
    let mut s = on_terminal(&env, &["config", "init", "--account-id", ACCOUNT]);
    s.exp_string("Profile name").unwrap();
    s.send_line("").unwrap(); // Enter takes `default`
    s.exp_string("API token").unwrap();
    s.send_line(TOKEN).unwrap();
    s.exp_string("Make 'default' the default profile instead of 'prod'?")
        .unwrap();
    s.send("n").unwrap();
    s.flush().unwrap();
    s.exp_string("saved profile 'default'").unwrap();
    let (code, _) = finish(s);
    assert_eq!(code, 0);
    let config = saved_config(&env);
    assert_eq!(config["default_profile"].as_str(), Some("prod"));
    assert!(config["profiles"].get("default").is_some());
}

#[test]
fn a_refused_token_names_the_missing_permission_and_nothing_is_saved() {
    let env = TestEnv::new();
    let mut s = on_terminal(&env, &["config", "init", "--profile", "p"]);
    s.exp_string("Account id").unwrap();
    s.send_line(ACCOUNT).unwrap();
    s.exp_string("API token").unwrap();
    s.send_line("not-the-token").unwrap();
    s.exp_string("error: the token may not read images")
        .unwrap();
    s.exp_string("hint:").unwrap();
    s.exp_string("Images Read").unwrap();
    let (code, _) = finish(s);
    assert_eq!(code, 3);
    assert!(!env.config_path().exists());
}

#[test]
fn a_bad_account_id_is_asked_again() {
    let env = TestEnv::new();
    let mut s = on_terminal(&env, &["config", "init", "--profile", "p", "--no-verify"]);
    s.exp_string("Account id").unwrap();
    s.send_line("1234").unwrap();
    s.exp_string("is not an account id").unwrap();
    s.send_line(ACCOUNT).unwrap();
    s.exp_string("API token").unwrap();
    s.send_line(TOKEN).unwrap();
    s.exp_string("saved profile 'p'").unwrap();
    let (code, _) = finish(s);
    assert_eq!(code, 0);
}

fn upload_one(env: &TestEnv, id: &str) {
    env.ok(&[
        "images",
        "upload",
        &common::fixture_str("images/logo.png"),
        "--id",
        id,
    ]);
}

#[test]
fn delete_asks_on_a_terminal_and_takes_no_for_an_answer() {
    let env = TestEnv::new();
    upload_one(&env, "keep/me");
    with_prod_profile(&env);

    let mut s = on_terminal(&env, &["images", "delete", "keep/me"]);
    s.exp_string("Delete image 'keep/me'? This cannot be undone")
        .unwrap();
    s.send("n").unwrap();
    s.flush().unwrap();
    // Declining is an answer, not a failure: a plain note, exit 0.
    let before = s.exp_string("nothing deleted").unwrap();
    assert!(!before.contains("error"), "{before}");
    let (code, rest) = finish(s);
    assert_eq!(code, 0, "{rest}");
    env.ok(&["images", "get", "keep/me"]);

    let mut s = on_terminal(&env, &["images", "delete", "keep/me"]);
    s.exp_string("Delete image 'keep/me'?").unwrap();
    s.send("y").unwrap();
    s.flush().unwrap();
    s.exp_string("deleted  keep/me").unwrap();
    let (code, _) = finish(s);
    assert_eq!(code, 0);
    let run = env.run(env.cmd(), &["images", "get", "keep/me"]);
    run.code(4);
}

/// `cfimg ARGS` on a pseudo-terminal with working credentials, to talk to.
fn session_with_token(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cfimg"));
    cmd.env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("CLOUDFLARE_API_TOKEN", TOKEN)
        .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
        .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
        .current_dir(env.home.path())
        .args(args);
    spawn_command(cmd, Some(60_000)).expect("cfimg starts on a pty")
}

/// `count` images with ids under `prefix`.
fn upload_many(env: &TestEnv, prefix: &str, count: u32) {
    let dir = prefix.trim_end_matches('/');
    common::write_pngs(&env.path(dir), count);
    env.ok(&["images", "upload", dir, "--prefix", prefix, "-j", "8"]);
}

#[test]
fn deleting_several_shows_the_plan_asks_once_and_a_no_deletes_nothing() {
    let env = TestEnv::new();
    upload_many(&env, "few/", 5);
    let mut s = session_with_token(&env, &["images", "delete", "--id-prefix", "few/"]);
    s.exp_string("5 images match (of 5 listed): few/").unwrap();
    s.exp_string("Delete 5 images? This cannot be undone")
        .unwrap();
    s.send("n").unwrap();
    s.flush().unwrap();
    s.exp_string("nothing deleted").unwrap();
    let (code, rest) = finish(s);
    assert_eq!(code, 0, "{rest}");
    assert_eq!(env.emulator.image_count(ACCOUNT), 5);
    assert!(
        !env.emulator.requests().iter().any(|r| r.method == "DELETE"),
        "a no sent a DELETE"
    );
}

#[test]
fn deleting_more_than_a_hundred_needs_the_count_typed() {
    let env = TestEnv::new();
    upload_many(&env, "many/", 101);
    let args = ["images", "delete", "--id-prefix", "many/"];
    // Anything but the count is a no.
    for answer in ["y", "100"] {
        let mut s = session_with_token(&env, &args);
        s.exp_string("101 images match (of 101 listed)").unwrap();
        s.exp_string("Type 101 to delete them").unwrap();
        s.send_line(answer).unwrap();
        s.exp_string("nothing deleted").unwrap();
        let (code, rest) = finish(s);
        assert_eq!(code, 0, "{rest}");
        assert_eq!(env.emulator.image_count(ACCOUNT), 101, "after {answer:?}");
    }
    let mut s = session_with_token(&env, &args);
    s.exp_string("Type 101 to delete them").unwrap();
    s.send_line("101").unwrap();
    s.exp_string("101 deleted, 0 failed").unwrap();
    let (code, rest) = finish(s);
    assert_eq!(code, 0, "{rest}");
    assert_eq!(env.emulator.image_count(ACCOUNT), 0);
}

/// Run with stdin a pipe that stays open (as under a CI runner or `ssh host cmd`): a program
/// that prompted anyway would wait forever.
fn run_with_open_stdin(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cfimg"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("CLOUDFLARE_API_TOKEN", TOKEN)
        .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
        .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
        .env("NO_COLOR", "1")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cfimg starts");
    let stdin = child.stdin.take();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("cfimg {args:?} hung waiting for input that no one can give");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains(TOKEN));
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn without_a_terminal_nothing_prompts_and_nothing_hangs() {
    let env = TestEnv::new();
    upload_one(&env, "still/here");

    let (code, err) = run_with_open_stdin(&env, &["images", "delete", "still/here"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with(
            "error: refusing to delete image 'still/here' without confirmation\nhint: pass --yes"
        ),
        "{err}"
    );
    for (args, message) in [
        (
            &["keys", "delete", "default"][..],
            "error: refusing to delete",
        ),
        (
            &["variants", "delete", "public"],
            "error: refusing to delete",
        ),
        (
            &["config", "init", "--account-id", ACCOUNT],
            "error: no terminal to ask for the token on",
        ),
        (&["config", "init"], "error: no account id given"),
    ] {
        let (code, err) = run_with_open_stdin(&env, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.starts_with(message), "{args:?}: {err}");
        assert!(err.contains("\nhint: "), "{args:?}: {err}");
    }
    env.ok(&["images", "get", "still/here"]);
    assert!(!env.config_path().exists());

    // With everything given, init works off a terminal and asks nothing.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cfimg"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
        .args(["config", "init", "--account-id", ACCOUNT, "--token-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(TOKEN.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        saved_config(&env)["default_profile"].as_str(),
        Some("default")
    );
}

#[test]
fn tables_fit_the_terminal_and_never_cut_ids() {
    let env = TestEnv::new();
    let id = "a-long-custom-id/that/must/stay/whole-0123456789";
    env.ok(&[
        "images",
        "upload",
        &common::fixture_str("images/logo.png"),
        "--id",
        id,
        "--meta",
        "note=a long note that would make the table far wider than the terminal is",
    ]);
    with_prod_profile(&env);
    for (args, name) in [
        (&["images", "list"][..], id),
        (&["variants", "list"], "public"),
        (&["config", "show"], "023e105f4ecef8ad9ca31a8372d0c353"),
    ] {
        let mut s = {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_cfimg"));
            cmd.env_clear()
                .env("HOME", env.home.path())
                .env("XDG_CONFIG_HOME", env.home.path().join("config"))
                .env("NO_COLOR", "1")
                .env("COLUMNS", "72")
                .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
                .args(args);
            spawn_command(cmd, Some(30_000)).unwrap()
        };
        let (code, screen) = {
            let text = s.exp_eof().unwrap();
            let code = match s.process().wait().unwrap() {
                WaitStatus::Exited(_, code) => code,
                other => panic!("{other:?}"),
            };
            (code, text)
        };
        assert_eq!(code, 0, "{screen}");
        assert!(screen.contains(name), "{args:?} cut {name}:\n{screen}");
        for line in screen.lines() {
            let line = line.trim_end_matches('\r');
            assert!(
                line.chars().count() <= 72,
                "{args:?}: a line wider than 72:\n{line}\n{screen}"
            );
        }
    }
}

#[test]
fn wide_file_names_line_up_in_a_listing_fitted_to_the_terminal() {
    let env = TestEnv::new();
    let dir = common::wide_named_images(&env);
    env.ok(&[
        "images",
        "upload",
        dir.to_str().unwrap(),
        "--id-from",
        "path",
    ]);
    // 40 columns cut the file names and upload times and leave a column out; 200 fit all.
    for columns in [40, 200] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cfimg"));
        cmd.env_clear()
            .env("HOME", env.home.path())
            .env("XDG_CONFIG_HOME", env.home.path().join("config"))
            .env("NO_COLOR", "1")
            .env("COLUMNS", columns.to_string())
            .env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
            .args(["images", "list"]);
        let (code, screen) = finish(spawn_command(cmd, Some(30_000)).unwrap());
        let screen = utf8(&screen);
        assert_eq!(code, 0, "{screen}");
        let lines: Vec<&str> = screen
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .skip_while(|l| !l.starts_with("ID "))
            .collect();
        assert_eq!(lines.len(), 4, "{screen}");
        for name in common::WIDE_NAMES {
            assert!(
                screen.contains(&format!("{name}  ")),
                "the id {name} was cut:\n{screen}"
            );
        }
        common::assert_aligned(&lines);
        for line in &lines {
            let width = unicode_width::UnicodeWidthStr::width(*line);
            assert!(width <= columns, "wider than {columns}: {line:?}\n{screen}");
        }
    }
}

#[test]
fn clicolor_0_turns_colour_off_on_a_terminal() {
    let env = TestEnv::new();
    let error_on_terminal = |vars: &[(&str, &str)]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cfimg"));
        cmd.env_clear()
            .env("HOME", env.home.path())
            .env("XDG_CONFIG_HOME", env.home.path().join("config"))
            .env("TERM", "xterm")
            .env("CLOUDFLARE_API_TOKEN", TOKEN)
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
            .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
            .envs(vars.iter().copied())
            .args(["images", "get", "missing"]);
        let (code, screen) = finish(spawn_command(cmd, Some(30_000)).unwrap());
        assert_eq!(code, 4, "{screen}");
        assert!(screen.contains("error:"), "{screen}");
        screen
    };
    // A terminal gets colour, unless asked not to.
    let screen = error_on_terminal(&[]);
    assert!(
        screen.contains("\x1b["),
        "no colour on a terminal: {screen:?}"
    );
    let screen = error_on_terminal(&[("CLICOLOR", "0")]);
    assert!(!screen.contains('\x1b'), "CLICOLOR=0 ignored: {screen:?}");
    let screen = error_on_terminal(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]);
    assert!(!screen.contains('\x1b'), "NO_COLOR ignored: {screen:?}");
}

/// The screen as the terminal shows it: rexpect hands over each byte as a `char` of its own.
fn utf8(screen: &str) -> String {
    let bytes: Vec<u8> = screen.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8(bytes).expect("cfimg writes UTF-8")
}

/// `cfimg ARGS` on a pseudo-terminal with working credentials; what it wrote, and its exit.
fn on_terminal_with_token(env: &TestEnv, args: &[&str]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cfimg"));
    cmd.env_clear()
        .env("HOME", env.home.path())
        .env("XDG_CONFIG_HOME", env.home.path().join("config"))
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("CLOUDFLARE_API_TOKEN", TOKEN)
        .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT)
        .env("CLOUDFLARE_API_BASE_URL", env.emulator.base_url())
        .current_dir(env.home.path())
        .args(args);
    finish(spawn_command(cmd, Some(60_000)).expect("cfimg starts on a pty"))
}

#[test]
fn a_retry_shows_a_note_on_a_terminal_and_nothing_elsewhere() {
    let env = TestEnv::with_config(cfimg_emulator::EmulatorConfig {
        token: Some(TOKEN.to_string()),
        faults: cfimg_emulator::Faults {
            fail_rate: 0.6,
            // With this seed the first requests are answered 5xx.
            seed: Some(4),
            ..Default::default()
        },
        ..Default::default()
    });
    // A 5xx, a note while waiting, then the answer (a 404: there is no such image).
    let (code, screen) =
        on_terminal_with_token(&env, &["--retries", "20", "images", "get", "nope"]);
    assert_eq!(code, 4, "{screen}");
    assert!(screen.contains("retrying in "), "{screen}");
    assert!(screen.contains(" after HTTP 5"), "{screen}");
    // The note is erased: the error starts a clean line.
    assert!(screen.contains("\r\x1b[2Kerror: "), "{screen:?}");

    // A bulk upload shows it inside its progress display.
    let logo = common::fixture_str("images/logo.png");
    let photo = common::fixture_str("images/photo.jpg");
    let (code, screen) = on_terminal_with_token(
        &env,
        &[
            "--retries",
            "20",
            "images",
            "upload",
            &logo,
            &photo,
            "--id-from",
            "path",
        ],
    );
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("retrying in "), "{screen}");

    // Off a terminal: nothing but the result and the error.
    let run = env.run(env.cmd(), &["--retries", "20", "images", "get", "nope"]);
    run.code(4);
    assert!(!run.stderr.contains("retrying"), "{}", run.stderr);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| !l.starts_with("hint:"))
            .count(),
        1,
        "{}",
        run.stderr
    );
}
