//! Every `--help`, as users see it: a snapshot per command, found by walking the clap tree so a
//! new command is covered without touching this file; and a check that every command and flag
//! explains itself in one line, and every command shows an example.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test cli help::`, review the
//! diff of `tests/cli/snapshots/`, and commit it.

use clap::CommandFactory;

use cfimg::cli::Cli;

/// Every command path below `cfimg`, `[]` for the top, parents before children.
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" || sub.is_hide_set() {
                continue;
            }
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), &mut Vec::new(), &mut out);
    out
}

fn find<'a>(root: &'a clap::Command, path: &[String]) -> &'a clap::Command {
    path.iter().fold(root, |cmd, name| {
        cmd.find_subcommand(name).expect("path from the walk")
    })
}

#[test]
fn every_help_page_matches_its_snapshot() {
    let paths = command_paths();
    assert!(
        paths.len() > 20,
        "the walk found too few commands: {paths:?}"
    );
    for path in paths {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_cfimg"))
            .args(&path)
            .arg("--help")
            .env_clear()
            // A fixed width, so snapshots do not depend on the terminal running the tests.
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .output()
            .expect("cfimg runs");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "cfimg {path:?} --help failed");
        assert!(out.stderr.is_empty(), "help wrote to stderr");
        let name = if path.is_empty() {
            "cfimg".to_string()
        } else {
            format!("cfimg-{}", path.join("-"))
        };
        insta::with_settings!({
            snapshot_path => "snapshots",
            prepend_module_to_snapshot => false,
            description => format!("{} --help", std::iter::once("cfimg").chain(path.iter().map(String::as_str)).collect::<Vec<_>>().join(" ")),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, stdout);
        });
    }
}

#[test]
fn every_command_and_flag_explains_itself_in_a_line() {
    let root = Cli::command();
    let mut problems = Vec::new();
    for path in command_paths() {
        let cmd = find(&root, &path);
        let name = format!("cfimg {}", path.join(" "));
        match cmd.get_about() {
            Some(about) if !about.to_string().contains('\n') => {}
            _ => problems.push(format!("{name}: no one-line about")),
        }
        // Leaves do the work; each shows at least one way to run it.
        if !cmd.has_subcommands() {
            let after = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            if !after.contains("cfimg ") && !after.contains("$(cfimg") {
                problems.push(format!("{name}: no example in after_help"));
            }
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            match arg.get_help() {
                Some(help)
                    if !help.to_string().trim().is_empty() && !help.to_string().contains('\n') => {}
                _ => problems.push(format!("{name}: argument {id} has no one-line help")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `cfimg -V` says which cfimg this is; a subcommand has nothing of its own to version, so
/// `-V` there is a usage mistake rather than a second way to ask the same thing.
#[test]
fn version_is_offered_on_the_top_level_only() {
    let root = Cli::command();
    for path in command_paths().into_iter().filter(|p| !p.is_empty()) {
        let cmd = find(&root, &path);
        assert!(
            !cmd.get_arguments().any(|a| a.get_id() == "version"),
            "cfimg {} offers --version",
            path.join(" ")
        );
    }
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_cfimg"))
            .args(args)
            .env_clear()
            .output()
            .unwrap()
    };
    let top = run(&["-V"]);
    assert!(top.status.success());
    assert!(String::from_utf8_lossy(&top.stdout).starts_with("cfimg "));
    let sub = run(&["stats", "-V"]);
    assert_eq!(sub.status.code(), Some(2), "{sub:?}");
}

/// One spelling per idea: privacy settings are `--X` / `--no-X` switch pairs, and no flag
/// takes true|false, "how long until this URL expires" is `--expires` wherever it is asked,
/// and every delete takes several names.
#[test]
fn one_spelling_per_idea_across_commands() {
    let mut root = Cli::command();
    root.build();
    let mut problems = Vec::new();
    for path in command_paths() {
        let cmd = find(&root, &path);
        let name = format!("cfimg {}", path.join(" "));
        let longs: Vec<&str> = cmd.get_arguments().filter_map(|a| a.get_long()).collect();
        for arg in cmd.get_arguments() {
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            let value_names: Vec<String> = arg
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|v| v.to_string())
                .collect();
            if values == ["true", "false"] || value_names.iter().any(|v| v.contains("true|false")) {
                problems.push(format!("{name}: {} takes true|false", arg.get_id()));
            }
            let Some(long) = arg.get_long() else { continue };
            // Privacy settings come in pairs (`--no-verify` alone, an opt-out, is fine).
            let partner = match long.strip_prefix("no-") {
                Some(on) => on.to_string(),
                None => format!("no-{long}"),
            };
            if long.contains("require-signed-urls") && !longs.contains(&partner.as_str()) {
                problems.push(format!("{name}: --{long} without --{partner}"));
            }
            if long == "expiry" {
                problems.push(format!("{name}: --expiry (the spelling is --expires)"));
            }
        }
        if path.last().is_some_and(|p| p == "delete") {
            let several = cmd
                .get_positionals()
                .any(|a| a.get_num_args().is_some_and(|n| n.max_values() > 1));
            if !several {
                problems.push(format!("{name}: takes one name, not several"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_top_help_is_a_map_of_the_tool() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cfimg"))
        .arg("--help")
        .env_clear()
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "images",
        "variants",
        "keys",
        "stats",
        "direct-upload",
        "config",
        "emulator",
        "completions",
        "Global options:",
        "Common tasks:",
        "Exit codes:",
        "CLOUDFLARE_API_TOKEN",
    ] {
        assert!(
            text.contains(needle),
            "cfimg --help lacks {needle:?}:\n{text}"
        );
    }
    assert!(
        text.lines().all(|l| l.chars().count() <= 100),
        "a line is wider than 100 columns:\n{text}"
    );
}
