//! `--json` means one JSON document on stdout, for every command: walked over the whole
//! command tree, so a new command is caught until it is added here.

use crate::common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use clap::CommandFactory;
use common::{TestEnv, fixture_str};
use serde_json::Value;

/// Commands left out of the walk, and why.
/// Commands left out of the walk, and why.
const NOT_WALKED: &[(&str, &str)] = &[];

/// Every leaf command of the tree, as `images list`.
fn leaf_commands() -> BTreeSet<String> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut BTreeSet<String>) {
        let subs: Vec<_> = cmd
            .get_subcommands()
            .filter(|s| s.get_name() != "help" && !s.is_hide_set())
            .collect();
        if subs.is_empty() {
            out.insert(path.join(" "));
        }
        for sub in subs {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = BTreeSet::new();
    walk(&cfimg::cli::Cli::command(), &mut Vec::new(), &mut out);
    out
}

/// The one JSON document in `stdout`, or what is wrong with it.
fn one_document(stdout: &str) -> Result<Value, String> {
    let mut docs = serde_json::Deserializer::from_str(stdout).into_iter::<Value>();
    let first = match docs.next() {
        Some(Ok(doc)) => doc,
        Some(Err(e)) => return Err(format!("not JSON: {e}")),
        None => return Err("nothing on stdout".into()),
    };
    match docs.next() {
        None => Ok(first),
        Some(Ok(_)) => Err("more than one JSON document".into()),
        Some(Err(e)) => Err(format!("something after the document: {e}")),
    }
}

#[test]
fn every_command_prints_one_json_document_under_json() {
    let env = TestEnv::new();
    let logo = fixture_str("images/logo.png");
    let photo = fixture_str("images/photo.jpg");
    let out = env.path("out.png").display().to_string();
    let dist = env.path("dist").display().to_string();
    common::write_pngs(&env.path("dist"), 2);
    // In order: later cases use what earlier ones made. Each names its command first.
    let cases: &[(&str, &[&str])] = &[
        ("images upload", &[&logo, "--id", "json/one"]),
        ("images upload", &[&logo, &photo]),
        ("images list", &[]),
        ("images get", &["json/one"]),
        ("images edit", &["json/one", "--meta", "a=1"]),
        ("images url", &["json/one"]),
        ("images blob", &["json/one", "-o", &out]),
        ("images export", &["exported"]),
        ("images import", &["exported", "--skip-existing"]),
        ("images copy", &["--to-profile", "mirror"]),
        ("images delete", &["json/one", "--yes"]),
        ("images sync", &[&dist, "--prefix", "synced/", "--dry-run"]),
        ("images sync", &[&dist, "--prefix", "synced/"]),
        (
            "variants create",
            &["thumb", "--fit", "cover", "--width", "8", "--height", "8"],
        ),
        ("variants list", &[]),
        ("variants get", &["thumb"]),
        ("variants edit", &["thumb", "--width", "9"]),
        ("variants delete", &["thumb", "--yes"]),
        ("keys create", &["backup"]),
        ("keys list", &[]),
        ("keys delete", &["backup", "--yes"]),
        ("settings export", &["-o", "settings.toml"]),
        ("settings plan", &["settings.toml"]),
        ("settings apply", &["settings.toml", "--yes"]),
        ("settings schema", &[]),
        ("stats", &[]),
        ("direct-upload", &[]),
        ("config show", &[]),
        ("config path", &[]),
        ("config list", &[]),
        ("config use", &["json"]),
        ("config remove", &["json", "--yes"]),
    ];
    let mut walked = BTreeSet::new();
    // `config init` reads its token from stdin; the profile it saves is what `config use`
    // and `config remove` act on below.
    let init = env.run_with_stdin(
        env.cmd(),
        &[
            "--json",
            "config",
            "init",
            "--profile",
            "json",
            "--account-id",
            common::ACCOUNT,
            "--token-stdin",
            "--no-verify",
        ],
        format!("{}\n", common::TOKEN),
    );
    init.success();
    let doc =
        one_document(&init.stdout).unwrap_or_else(|p| panic!("cfimg --json config init: {p}"));
    assert_eq!(doc["profile"], "json");
    walked.insert("config init".to_string());
    // Another account for `images copy`: a second emulator, as a profile.
    let mirror = cfimg_emulator::start(
        cfimg_emulator::EmulatorConfig::default(),
        ([127, 0, 0, 1], 0).into(),
    )
    .expect("emulator starts");
    let config = std::fs::read_to_string(env.config_path()).unwrap();
    std::fs::write(
        env.config_path(),
        format!(
            "{config}\n[profiles.mirror]\naccount_id = \"{}\"\napi_token = \"{}\"\napi_url = \"{}\"\n",
            common::ACCOUNT,
            common::TOKEN,
            mirror.base_url()
        ),
    )
    .unwrap();
    for (command, rest) in cases {
        let mut args = vec!["--json"];
        args.extend(command.split(' '));
        args.extend_from_slice(rest);
        let run = env.run(env.cmd(), &args);
        run.success();
        if let Err(problem) = one_document(&run.stdout) {
            panic!(
                "cfimg {}: {problem}\nstdout:\n{}",
                args.join(" "),
                run.stdout
            );
        }
        walked.insert(command.to_string());
    }

    // The emulator's first line is its document; it serves until stopped.
    let mut child = Command::new(env!("CARGO_BIN_EXE_cfimg"))
        .args(["--json", "emulator", "--listen", "127.0.0.1:0"])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let doc = one_document(&line).unwrap_or_else(|p| panic!("cfimg --json emulator: {p}"));
    assert!(doc["api_url"].as_str().unwrap().ends_with("/client/v4"));
    walked.insert("emulator".into());

    // A shell script is no JSON document: refused, and stdout left empty.
    let run = env.run(env.cmd(), &["--json", "completions", "bash"]);
    run.code(2).error_contains("shell script");
    assert_eq!(run.stdout, "");
    walked.insert("completions".into());

    let not_walked: BTreeSet<String> = NOT_WALKED.iter().map(|(c, _)| c.to_string()).collect();
    let missing: Vec<_> = leaf_commands()
        .into_iter()
        .filter(|c| !walked.contains(c) && !not_walked.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "add these commands to the --json walk: {missing:?}"
    );
}

#[test]
fn json_shapes_of_commands_that_had_none() {
    let env = TestEnv::new();
    env.ok(&[
        "images",
        "upload",
        &fixture_str("images/logo.png"),
        "--id",
        "shape/one",
    ]);
    let out = env.path("logo.png");
    let written = env
        .ok(&[
            "--json",
            "images",
            "blob",
            "shape/one",
            "-o",
            out.to_str().unwrap(),
        ])
        .json();
    let size = std::fs::metadata(&out).unwrap().len();
    assert_eq!(written["id"], "shape/one");
    assert_eq!(written["path"], out.to_str().unwrap());
    assert_eq!(written["bytes"], size);
    assert_eq!(written["content_type"], "image/png");
    // Without -o stdout carries the bytes, so --json cannot be kept: refused before any request.
    let before = env.emulator.request_count();
    env.run(env.cmd(), &["--json", "images", "blob", "shape/one"])
        .code(2)
        .hint_contains("-o FILE");
    assert_eq!(env.emulator.request_count(), before);

    let path = env.ok(&["--json", "config", "path"]).json();
    assert_eq!(path["path"], env.config_path().to_str().unwrap());
    assert_eq!(path["exists"], false);
    // Without --json it stays the bare path, for `$EDITOR "$(cfimg config path)"`.
    assert_eq!(
        env.ok(&["config", "path"]).stdout.trim_end(),
        env.config_path().to_str().unwrap()
    );
}
