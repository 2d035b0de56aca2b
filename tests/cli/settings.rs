//! Settings as code: `settings export`, `plan` and `apply` against the emulator, and against a
//! proxy in front of it for what the emulator does not do (a `GET …/config` the real API may
//! not have, a refused create).

use crate::common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

use serde_json::json;

use common::{ACCOUNT, TOKEN, TestEnv};

/// A file that differs from a new account in every way a file can.
const SETTINGS: &str = r#"keys = ["backup", "default"]

[account]
flexible_variants = true
browser_ttl = 3600

[variants.avatar]
fit = "crop"
width = 96
height = 96
metadata = "copyright"
never_require_signed_urls = true

[variants.public]
fit = "scale-down"
width = 1366
height = 768

[variants.thumb]
fit = "cover"
width = 200
height = 200
"#;

fn write(env: &TestEnv, name: &str, text: &str) {
    std::fs::write(env.path(name), text).unwrap();
}

/// The requests that change something (all but `GET`), as `METHOD /images/v1/…`.
fn writes(env: &TestEnv) -> Vec<String> {
    env.emulator
        .requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .map(|r| {
            let path = r.path.split(ACCOUNT).nth(1).unwrap_or(&r.path).to_string();
            format!("{} {path}", r.method)
        })
        .collect()
}

fn key_names(env: &TestEnv) -> Vec<String> {
    let keys = env.ok(&["--json", "keys", "list"]).json();
    let mut names: Vec<String> = keys
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

fn variant_names(env: &TestEnv) -> Vec<String> {
    let variants = env.ok(&["--json", "variants", "list"]).json();
    variants
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn export_then_apply_to_an_empty_account_then_export_again_gives_the_same_file() {
    let source = TestEnv::new();
    source.ok(&[
        "variants", "create", "thumb", "--fit", "cover", "--width", "200", "--height", "200",
    ]);
    source.ok(&[
        "variants",
        "create",
        "avatar",
        "--fit",
        "crop",
        "--width",
        "96",
        "--height",
        "96",
        "--metadata",
        "copyright",
        "--never-require-signed-urls",
    ]);
    source.ok(&["keys", "create", "backup"]);
    write(
        &source,
        "options.toml",
        "[account]\nflexible_variants = true\nbrowser_ttl = 3600\n",
    );
    source.ok(&["settings", "apply", "options.toml", "--yes"]);

    let run = source.ok(&["settings", "export", "-o", "cfimg-settings.toml"]);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "wrote cfimg-settings.toml (3 variants, 2 signing keys)\n"
    );
    let exported = std::fs::read_to_string(source.path("cfimg-settings.toml")).unwrap();
    insta::assert_snapshot!("exported_settings", exported);
    // Without -o the same text goes to stdout.
    assert_eq!(source.ok(&["settings", "export"]).stdout, exported);

    let target = TestEnv::new();
    write(&target, "cfimg-settings.toml", &exported);
    let run = target.ok(&["settings", "apply", "--yes"]);
    assert_eq!(
        run.stdout,
        "created  variant  avatar\n\
         created  variant  thumb\n\
         created  key      backup\n\
         updated  option   flexible_variants\n\
         updated  option   browser_ttl\n"
    );
    assert_eq!(target.ok(&["settings", "export"]).stdout, exported);
    target.ok(&["settings", "plan", "--check"]);
}

#[test]
fn export_as_json_has_the_shape_of_the_file() {
    let env = TestEnv::new();
    let settings = env.ok(&["--json", "settings", "export"]).json();
    assert_eq!(
        settings,
        json!({
            "keys": ["default"],
            "account": {"flexible_variants": false, "browser_ttl": 172800},
            "variants": {"public": {
                "fit": "scale-down", "width": 1366, "height": 768,
                "metadata": "none", "never_require_signed_urls": false,
            }},
        })
    );
    let written = env
        .ok(&["--json", "settings", "export", "-o", "s.toml"])
        .json();
    assert_eq!(written, json!({"path": "s.toml", "variants": 1, "keys": 1}));
    env.run(env.cmd(), &["settings", "export", "-o", "."])
        .code(2)
        .error_contains("is a directory");
}

#[test]
fn plan_shows_each_field_that_changes_old_and_new() {
    let env = TestEnv::new();
    env.ok(&[
        "variants", "create", "thumb", "--fit", "cover", "--width", "200", "--height", "200",
    ]);
    env.ok(&[
        "variants", "create", "legacy", "--fit", "pad", "--width", "10", "--height", "10",
    ]);
    write(
        &env,
        "cfimg-settings.toml",
        "keys = [\"default\", \"backup\"]\n\
         [account]\nbrowser_ttl = 3600\n\
         [variants.thumb]\nfit = \"cover\"\nwidth = 300\nheight = 200\nmetadata = \"keep\"\n\
         [variants.avatar]\nfit = \"crop\"\nwidth = 96\nheight = 96\n",
    );
    let before = writes(&env);

    let run = env.ok(&["settings", "plan", "--prune"]);
    insta::assert_snapshot!("plan_table", run.stdout);
    assert_eq!(
        run.stderr,
        "keeping variant 'public': --prune deletes the public variant only when the file says prune_public = true\n\
         plan: 2 to create, 2 to update, 1 to delete; `cfimg settings apply cfimg-settings.toml` makes them\n"
    );

    let plan = env
        .ok(&[
            "--json",
            "settings",
            "plan",
            "cfimg-settings.toml",
            "--prune",
        ])
        .json();
    let thumb = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "thumb")
        .unwrap();
    assert_eq!(
        thumb,
        &json!({"action": "update", "kind": "variant", "name": "thumb", "fields": [
            {"field": "width", "old": 200, "new": 300},
            {"field": "metadata", "old": "none", "new": "keep"},
        ]})
    );
    let actions: Vec<String> = plan["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} {} {}", c["action"], c["kind"], c["name"]).replace('"', ""))
        .collect();
    assert_eq!(
        actions,
        [
            "create variant avatar",
            "update variant thumb",
            "create key backup",
            "update option browser_ttl",
            "delete variant legacy",
        ],
        "creates and updates before deletes"
    );
    assert_eq!(
        plan["kept"],
        json!([{"kind": "variant", "name": "public", "reason": "--prune deletes the public variant only when the file says prune_public = true"}])
    );
    assert_eq!(writes(&env), before, "a plan sends nothing but reads");
}

#[test]
fn check_exits_6_when_the_account_differs_and_0_when_it_matches() {
    let env = TestEnv::new();
    env.ok(&["settings", "export", "-o", "cfimg-settings.toml"]);
    let run = env.ok(&["settings", "plan", "--check"]);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "no changes: the account matches cfimg-settings.toml\n"
    );

    // A variant the file does not name is drift only for --prune.
    env.ok(&[
        "variants", "create", "extra", "--fit", "pad", "--width", "1", "--height", "1",
    ]);
    env.ok(&["settings", "plan", "--check"]);
    let run = env.run(env.cmd(), &["settings", "plan", "--check", "--prune"]);
    run.code(6)
        .error_contains("1 change pending: the account differs from cfimg-settings.toml")
        .hint_contains("cfimg settings apply cfimg-settings.toml");
    assert!(
        run.stdout.starts_with("ACTION"),
        "the plan is shown: {}",
        run.stdout
    );

    // For a script: the plan on stdout, the error object (exit_code 6) on stderr.
    let run = env.run(
        env.cmd(),
        &["--json", "settings", "plan", "--check", "--prune"],
    );
    run.code(6);
    assert_eq!(run.json()["changes"][0]["name"], "extra");
    let error: serde_json::Value =
        serde_json::from_str(run.stderr.lines().last().unwrap()).unwrap();
    assert_eq!(error["error"]["exit_code"], 6);

    let text = std::fs::read_to_string(env.path("cfimg-settings.toml")).unwrap();
    write(
        &env,
        "cfimg-settings.toml",
        &text.replace("width = 1366", "width = 1600"),
    );
    env.run(env.cmd(), &["settings", "plan", "--check"])
        .code(6)
        .error_contains("1 change pending");
}

#[test]
fn prune_keeps_public_unless_told_and_never_the_last_key() {
    let env = TestEnv::new();
    env.ok(&["keys", "create", "backup"]);
    env.ok(&[
        "variants", "create", "thumb", "--fit", "cover", "--width", "1", "--height", "1",
    ]);

    // A file that names nothing: --prune deletes the variant, keeps `public` and every key.
    write(&env, "nothing.toml", "");
    let run = env.ok(&["settings", "apply", "nothing.toml", "--prune", "--yes"]);
    assert_eq!(run.stdout, "deleted  variant  thumb\n");
    assert!(
        run.stderr.contains("keeping variant 'public'"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("keeping key 'backup': the file names no signing key, and --prune never leaves an account without one"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("keeping key 'default'"),
        "{}",
        run.stderr
    );
    assert_eq!(variant_names(&env), ["public"]);
    assert_eq!(key_names(&env), ["backup", "default"]);

    // Naming one key prunes the others: the one named is there first.
    write(&env, "backup.toml", "keys = [\"backup\"]\n");
    let run = env.ok(&["settings", "apply", "backup.toml", "--prune", "--yes"]);
    assert_eq!(run.stdout, "deleted  key      default\n");
    assert_eq!(key_names(&env), ["backup"]);
    assert_eq!(variant_names(&env), ["public"]);

    // `public` goes only when the file says so.
    write(
        &env,
        "bare.toml",
        "keys = [\"backup\"]\nprune_public = true\n",
    );
    let run = env.ok(&["settings", "apply", "bare.toml", "--prune", "--yes"]);
    assert_eq!(run.stdout, "deleted  variant  public\n");
    assert_eq!(variant_names(&env), Vec::<String>::new());
}

/// The runtime guard behind the plan's order: when the key the file names cannot be created,
/// the account's last key is not deleted either.
#[test]
fn a_failed_key_create_does_not_leave_the_account_without_a_key() {
    let env = TestEnv::new();
    let proxy = Proxy::start(&env, |method, path| {
        (method == "PUT" && path.ends_with("/images/v1/keys/fresh")).then(|| {
            common::http_response(
                "400 Bad Request",
                "application/json",
                &[],
                &common::api_failure(5400, "Maximum number of signing keys reached"),
            )
        })
    });
    write(&env, "fresh.toml", "keys = [\"fresh\"]\n");
    let mut cmd = env.cmd();
    cmd.env("CLOUDFLARE_API_BASE_URL", proxy.base_url());
    let run = env.run(
        cmd,
        &[
            "--json",
            "settings",
            "apply",
            "fresh.toml",
            "--prune",
            "--yes",
        ],
    );
    run.code(5).error_contains("2 of 2 failed");
    let results = run.json();
    assert_eq!(results[0]["action"], "create");
    assert_eq!(results[0]["applied"], false);
    assert_eq!(results[0]["error"]["status"], 400);
    assert_eq!(results[0]["error"]["errors"][0]["code"], 5400);
    assert_eq!(results[1]["action"], "delete");
    assert_eq!(results[1]["name"], "default");
    assert_eq!(results[1]["applied"], false);
    assert!(
        results[1]["skipped"]
            .as_str()
            .unwrap()
            .contains("last signing key"),
        "{results}"
    );
    assert!(
        run.stderr
            .contains("warning: delete key 'default': not sent"),
        "{}",
        run.stderr
    );
    assert_eq!(key_names(&env), ["default"]);
    assert!(
        writes(&env).iter().all(|w| !w.starts_with("DELETE")),
        "{:?}",
        writes(&env)
    );
}

#[test]
fn a_second_apply_sends_nothing_but_the_reads() {
    let env = TestEnv::new();
    env.ok(&[
        "variants", "create", "legacy", "--fit", "pad", "--width", "1", "--height", "1",
    ]);
    write(&env, "cfimg-settings.toml", SETTINGS);
    let first = env.ok(&["settings", "apply", "--prune", "--yes"]);
    assert!(
        first
            .stderr
            .ends_with("applied: 3 to create, 2 to update, 1 to delete\n"),
        "{}",
        first.stderr
    );
    let sent = writes(&env);
    assert_eq!(
        sent,
        [
            "POST /images/v1/variants", // legacy, before the apply
            "POST /images/v1/variants",
            "POST /images/v1/variants",
            "PUT /images/v1/keys/backup",
            "PATCH /images/v1/config",
            "PATCH /images/v1/config",
            "DELETE /images/v1/variants/legacy",
        ]
    );

    let requests = env.emulator.request_count();
    let again = env.ok(&["settings", "apply", "--prune", "--yes"]);
    assert_eq!(again.stdout, "");
    assert_eq!(
        again.stderr,
        "no changes: the account already matches cfimg-settings.toml\n"
    );
    assert_eq!(writes(&env), sent, "no write the second time");
    let reads: Vec<String> = env.emulator.requests()[requests..]
        .iter()
        .map(|r| format!("{} {}", r.method, r.path.split(ACCOUNT).nth(1).unwrap()))
        .collect();
    assert_eq!(
        reads,
        [
            "GET /images/v1/variants",
            "GET /images/v1/keys",
            "GET /images/v1/config"
        ]
    );
    assert_eq!(
        env.ok(&["--json", "settings", "apply", "--yes"]).json(),
        json!([])
    );
}

#[test]
fn bad_files_are_refused_with_their_line_before_anything_is_sent() {
    let env = TestEnv::new();
    for (text, expected) in [
        (
            "[variants.thumb]\nfit = \"cover\"\nwidht = 200\nheight = 200\n",
            "s.toml, line 3: unknown field `widht`, expected one of `fit`, `width`, `height`, `metadata`, `never_require_signed_urls`; nothing was sent",
        ),
        (
            "keys = [\"default\"]\n\n[variants.thumb]\nfit = \"cover\"\nwidth = \"200\"\nheight = 200\n",
            "s.toml, line 5: invalid type: string \"200\", expected a nonzero u32; nothing was sent",
        ),
        (
            "[variants.thumb]\nfit = \"squash\"\nwidth = 200\nheight = 200\n",
            "s.toml, line 2: unknown variant `squash`, expected one of `scale-down`, `contain`, `cover`, `crop`, `pad`; nothing was sent",
        ),
        (
            "[account]\nflexible_variants = true\nbrowser_ttl = 60\n",
            "s.toml, line 3: browser_ttl 60 is out of range: use 3600 (one hour) to 31536000 (one year) seconds; nothing was sent",
        ),
        (
            "key = [\"default\"]\n",
            "s.toml, line 1: unknown field `key`, expected one of `keys`, `prune_public`, `account`, `variants`; nothing was sent",
        ),
    ] {
        write(&env, "s.toml", text);
        // No credentials either: the file is read first.
        for args in [
            &["settings", "plan", "s.toml"][..],
            &["settings", "apply", "s.toml", "--yes"],
        ] {
            env.run(env.bare(), args)
                .code(1)
                .error_contains(expected)
                .hint_contains("`cfimg settings schema` describes every key the file takes");
        }
    }
    env.run(env.cmd(), &["settings", "plan", "missing.toml"])
        .code(1)
        .error_contains("cannot read missing.toml: there is no such file")
        .hint_contains("cfimg settings export -o missing.toml");
    write(&env, "s.toml", "keys = [\"default\"]\n");
    env.run(
        env.cmd(),
        &["settings", "apply", "s.toml", "--rotate", "nope"],
    )
    .code(2)
    .error_contains("--rotate nope: the file names no signing key \"nope\"");
    assert_eq!(env.emulator.request_count(), 0);
}

#[test]
fn keys_are_rotated_only_when_asked() {
    let env = TestEnv::new();
    let value = |env: &TestEnv| env.ok(&["--json", "keys", "list"]).json()[0]["value"].clone();
    let before = value(&env);
    write(&env, "cfimg-settings.toml", "keys = [\"default\"]\n");
    env.ok(&["settings", "apply", "--yes"]);
    assert_eq!(value(&env), before, "an existing key is not created again");

    let run = env.ok(&["settings", "plan", "--rotate", "default"]);
    assert_eq!(
        run.stdout,
        "ACTION  KIND  NAME     FIELD  OLD  NEW\nrotate  key   default              a new value\n"
    );
    let run = env.ok(&["settings", "apply", "--rotate", "default", "--yes"]);
    assert_eq!(run.stdout, "rotated  key      default\n");
    assert_ne!(value(&env), before);
}

#[test]
fn apply_asks_for_yes_off_a_terminal_and_reports_each_change_as_json() {
    let env = TestEnv::new();
    write(
        &env,
        "cfimg-settings.toml",
        "keys = [\"default\", \"backup\"]\n",
    );
    let run = env.run(env.cmd(), &["settings", "apply"]);
    run.code(2)
        .error_contains("refusing to apply 1 change without confirmation")
        .hint_contains("pass --yes");
    assert!(
        run.stderr
            .starts_with("ACTION  KIND  NAME    FIELD  OLD  NEW\ncreate  key   backup\n"),
        "the plan is shown first: {}",
        run.stderr
    );
    assert_eq!(writes(&env), Vec::<String>::new());

    let run = env.ok(&["--json", "settings", "apply", "--yes"]);
    assert_eq!(
        run.json(),
        json!([{"action": "create", "kind": "key", "name": "backup", "fields": [], "applied": true}])
    );
    assert_eq!(writes(&env), ["PUT /images/v1/keys/backup"]);
    // -q leaves out the plan and the status lines, not the results.
    write(
        &env,
        "cfimg-settings.toml",
        "keys = [\"default\", \"backup\", \"third\"]\n",
    );
    let run = env.ok(&["-q", "settings", "apply", "--yes"]);
    assert_eq!(
        (run.stdout.as_str(), run.stderr.as_str()),
        ("created  key      third\n", "")
    );
}

/// The real API documents only `PATCH …/config`: where a `GET` is refused, export leaves the
/// options out (commented), and plan and apply set those the file names on every run.
#[test]
fn options_that_cannot_be_read_are_set_on_every_apply() {
    let env = TestEnv::new();
    let proxy = Proxy::start(&env, |method, path| {
        (method == "GET" && path.ends_with("/images/v1/config")).then(|| {
            common::http_response(
                "404 Not Found",
                "application/json",
                &[],
                &common::api_failure(7000, "No route for that URI"),
            )
        })
    });
    let through_proxy = || {
        let mut cmd = env.cmd();
        cmd.env("CLOUDFLARE_API_BASE_URL", proxy.base_url());
        cmd
    };

    let run = env.run(through_proxy(), &["settings", "export"]);
    run.success();
    assert!(
        run.stderr.contains("warning: the account options could not be read ([7000] No route for that URI (HTTP 404))"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains(
            "# The account options could not be read ([7000] No route for that URI (HTTP 404)).\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\n# [account]\n# "), "{}", run.stdout);

    write(
        &env,
        "cfimg-settings.toml",
        "keys = [\"default\"]\n[account]\nbrowser_ttl = 3600\n",
    );
    let run = env.run(through_proxy(), &["settings", "plan", "--check"]);
    run.success();
    assert_eq!(
        run.stdout,
        "ACTION  KIND    NAME         FIELD  OLD        NEW\nset     option  browser_ttl         (unknown)  3600\n"
    );
    assert!(run.stderr.contains("set on every apply"), "{}", run.stderr);
    for _ in 0..2 {
        let run = env.run(through_proxy(), &["settings", "apply", "--yes"]);
        run.success();
        assert_eq!(run.stdout, "set      option   browser_ttl\n");
    }
    assert_eq!(
        writes(&env),
        ["PATCH /images/v1/config", "PATCH /images/v1/config"]
    );
    // Read directly, the emulator has the value.
    env.ok(&["settings", "plan", "--check"]);
}

#[cfg(unix)]
#[test]
fn apply_asks_on_a_terminal_and_takes_no_for_an_answer() {
    use crate::terminal::{finish, on_terminal_with};
    let env = TestEnv::new();
    write(
        &env,
        "cfimg-settings.toml",
        "keys = [\"default\", \"backup\"]\n",
    );
    let vars = [
        ("CLOUDFLARE_API_TOKEN", TOKEN),
        ("CLOUDFLARE_ACCOUNT_ID", ACCOUNT),
    ];

    let mut s = on_terminal_with(&env, &["settings", "apply"], &vars);
    s.exp_string("create  key   backup").unwrap();
    s.exp_string("Apply these changes (1 to create)?").unwrap();
    s.send("n").unwrap();
    s.flush().unwrap();
    let before = s.exp_string("nothing changed").unwrap();
    assert!(!before.contains("error"), "{before}");
    let (code, _) = finish(s);
    assert_eq!(code, 0);
    assert_eq!(writes(&env), Vec::<String>::new());

    let mut s = on_terminal_with(&env, &["settings", "apply", "--prune"], &vars);
    s.exp_string("Apply these changes (1 to create)?").unwrap();
    s.send("y").unwrap();
    s.flush().unwrap();
    s.exp_string("created  key      backup").unwrap();
    let (code, _) = finish(s);
    assert_eq!(code, 0);
    assert_eq!(key_names(&env), ["backup", "default"]);
}

/// A proxy in front of the emulator: a request `answer` has a response for gets it, the others
/// go on to the emulator, one connection each.
struct Proxy {
    port: u16,
}

type Answer = fn(&str, &str) -> Option<Vec<u8>>;

impl Proxy {
    fn start(env: &TestEnv, answer: Answer) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let upstream = env
            .emulator
            .origin()
            .trim_start_matches("http://")
            .to_string();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let upstream = upstream.clone();
                std::thread::spawn(move || relay(stream, &upstream, answer));
            }
        });
        Proxy { port }
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}/client/v4", self.port)
    }
}

/// One request: answered here, or passed on with `connection: close` and its answer passed back.
fn relay(mut client: TcpStream, upstream: &str, answer: Answer) {
    let mut data = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        match client.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_string())
        })
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    while data.len() < head_end + length {
        match client.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    let mut first = head.lines().next().unwrap_or_default().split(' ');
    let (method, path) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    if let Some(response) = answer(method, path) {
        let _ = client.write_all(&response);
        return;
    }
    let mut forwarded: String = head
        .lines()
        .filter(|l| !l.is_empty() && !l.to_ascii_lowercase().starts_with("connection:"))
        .map(|l| format!("{l}\r\n"))
        .collect();
    forwarded.push_str("connection: close\r\n\r\n");
    let Ok(mut server) = TcpStream::connect(upstream) else {
        return;
    };
    let mut reply = Vec::new();
    if server.write_all(forwarded.as_bytes()).is_ok()
        && server.write_all(&data[head_end..head_end + length]).is_ok()
        && server.read_to_end(&mut reply).is_ok()
    {
        let _ = client.write_all(&reply);
    }
}
