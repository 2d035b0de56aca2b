//! Bad input of every kind, each checked for its message, its exit code, no panic (the harness
//! looks at every run), and no request sent when the input could be refused locally.

use crate::common;

use std::net::TcpListener;

use common::{ACCOUNT, Canned, TestEnv, api_failure, fixture_str, http_response};

/// Where a case's requests go.
enum Target {
    /// The emulator, with working credentials.
    Emulator,
    /// A server that answers every request with this response.
    Canned(Vec<u8>),
    /// A server that reads requests and never answers.
    Silent,
    /// A port nothing listens on.
    Refused,
    /// A host name that does not resolve.
    Unresolvable,
}

struct Case {
    what: &'static str,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
    /// No credentials or account in the environment.
    bare: bool,
    target: Target,
    code: i32,
    /// Part of the `error:` line.
    message: &'static str,
    /// Requests the server should see; 0 for input refused before sending.
    requests: usize,
}

fn case(what: &'static str, args: &[&str], code: i32, message: &'static str) -> Case {
    Case {
        what,
        args: args.iter().map(|a| a.to_string()).collect(),
        env: Vec::new(),
        bare: false,
        target: Target::Emulator,
        code,
        message,
        requests: 0,
    }
}

impl Case {
    fn env(mut self, name: &'static str, value: &str) -> Self {
        self.env.push((name, value.to_string()));
        self
    }

    fn bare(mut self) -> Self {
        self.bare = true;
        self
    }

    fn server(mut self, target: Target, requests: usize) -> Self {
        self.target = target;
        self.requests = requests;
        self
    }
}

fn json_200(body: &str) -> Target {
    Target::Canned(http_response("200 OK", "application/json", &[], body))
}

fn failing(status: &str, code: u32, message: &str, headers: &[&str]) -> Target {
    Target::Canned(http_response(
        status,
        "application/json",
        headers,
        &api_failure(code, message),
    ))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[test]
fn bad_inputs_fail_clearly_with_their_exit_code_and_early() {
    let env = TestEnv::new();
    let home = |name: &str| env.path(name).display().to_string();
    let png = fixture_str("images/logo.png");

    // Files the cases need.
    std::fs::write(env.path("bad.toml"), "default_profile = [\n").unwrap();
    std::fs::create_dir(env.path("a-directory")).unwrap();
    std::fs::write(env.path("binary.toml"), [0xff, 0xfe, 0x00, 0x80]).unwrap();
    let mut big = std::fs::read(common::fixture("images/logo.png")).unwrap();
    big.resize(10 * 1024 * 1024 + 1, 0);
    std::fs::write(env.path("big.png"), big).unwrap();
    let long_metadata = format!("{{\"note\":\"{}\"}}", "x".repeat(1100));
    let long_id = "a".repeat(1025);
    env.ok(&["images", "upload", &png, "--id", "taken"]);

    // One case a line (or a few), as a table reads best.
    #[rustfmt::skip]
    let cases = vec![
        // Configuration and credentials.
        case("malformed config", &["--config", &home("bad.toml"), "images", "list"], 3, "is not valid"),
        case("config is a directory", &["--config", &home("a-directory"), "images", "list"], 3, "cannot read config file"),
        case("config is not text", &["--config", &home("binary.toml"), "images", "list"], 3, "cannot read config file"),
        case("unknown profile", &["--profile", "nope", "images", "list"], 3, "profile 'nope'"),
        case("missing token", &["images", "list"], 3, "no API token")
            .bare()
            .env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT),
        case("missing account id", &["images", "list"], 3, "no account id")
            .bare()
            .env("CLOUDFLARE_API_TOKEN", common::TOKEN),
        case("malformed account id (environment)", &["images", "list"], 3, "is not an account id")
            .env("CLOUDFLARE_ACCOUNT_ID", "023e105f4ecef8ad9ca31a8372d0c35"),
        case("malformed account id (flag)", &["--account-id", "xyz", "images", "list"], 2, "32 hexadecimal"),
        case("token with a line break", &["images", "list"], 3, "HTTP header cannot carry")
            .env("CLOUDFLARE_API_TOKEN", "first-half\nsecond-half"),
        case("API URL without a scheme", &["images", "list"], 3, "not an http:// or https:// URL")
            .env("CLOUDFLARE_API_BASE_URL", "api.cloudflare.com/client/v4"),
        // Metadata.
        case("metadata not JSON", &["images", "upload", &png, "--metadata", "{nope"], 2, "--metadata"),
        case("metadata not an object", &["images", "upload", &png, "--metadata", "[1, 2]"], 2, "object"),
        case("metadata over 1024 bytes", &["images", "upload", &png, "--metadata", &long_metadata], 2, "at most 1024"),
        case("--meta without =", &["images", "upload", &png, "--meta", "team"], 2, "--meta"),
        case("--meta without = on edit", &["images", "edit", "taken", "--meta", "team"], 2, "--meta"),
        case("edit with nothing to change", &["images", "edit", "taken"], 2, "nothing to change"),
        case("bad list filter operator", &["images", "list", "--meta", "size[near]=3"], 2, "near"),
        // Custom ids.
        case("id with a leading slash", &["images", "upload", &png, "--id", "/brand/logo"], 2, "/"),
        case("id that is a UUID", &["images", "upload", &png, "--id", "1b4e28ba-2fa1-11d2-883f-0016d3cca427"], 2, "UUID"),
        case("id too long", &["images", "upload", &png, "--id", &long_id], 2, "at most 1024"),
        case("custom id and signed URLs", &["images", "upload", &png, "--id", "x", "--require-signed-urls"], 2, "signed URLs"),
        // Files.
        case("missing file", &["images", "upload", "missing.png"], 1, "no such file"),
        case("a directory for -o", &["images", "blob", "taken", "-o", &home("a-directory"), "--force"], 2, "is a directory"),
        case("-o in a missing directory", &["images", "blob", "taken", "-o", &home("nowhere/x.png")], 1, "no directory"),
        case("empty file", &["images", "upload", &fixture_str("bad/empty.png")], 1, "empty"),
        case("text file", &["images", "upload", &fixture_str("bad/notes.txt")], 1, "not"),
        case("file over 10 MB", &["images", "upload", &home("big.png")], 1, "10"),
        case("image over 12,000 px", &["images", "upload", &fixture_str("bad/wide.png")], 1, "12000 px"),
        // Options.
        case("unknown variant fit", &["variants", "create", "thumb", "--fit", "squash", "--width", "10", "--height", "10"], 2, "squash"),
        case("variant width 0", &["variants", "create", "thumb", "--fit", "cover", "--width", "0", "--height", "10"], 2, "--width"),
        case("variant name not allowed", &["variants", "create", "no-dashes!", "--fit", "cover", "--width", "10", "--height", "10"], 2, "no-dashes!"),
        case("expiry too far", &["direct-upload", "--expires", "7h"], 2, "2 minutes to 6 hours"),
        case("expiry too soon", &["direct-upload", "--expires", "1m"], 2, "2 minutes to 6 hours"),
        case("expiry not a time", &["direct-upload", "--expires", "tomorrow-ish"], 2, "--expires"),
        case("--limit 0", &["images", "list", "--limit", "0"], 2, "--limit"),
        case("--timeout 0", &["--timeout", "0", "images", "list"], 2, "--timeout"),
        // What the server says.
        case("success:false on HTTP 200", &["images", "get", "x"], 1, "[5400] Bad request: try again")
            .server(json_200(&api_failure(5400, "Bad request: try again")), 1),
        case("HTML error page", &["--retries", "1", "images", "get", "x"], 1, "unexpected answer from the API (HTTP 502, text/html")
            .server(
                Target::Canned(http_response(
                    "502 Bad Gateway",
                    "text/html",
                    &[],
                    "<html><body><h1>502 Bad Gateway</h1></body></html>",
                )),
                2,
            ),
        case("HTML on HTTP 200", &["images", "get", "x"], 1, "unexpected answer from the API (HTTP 200")
            .server(Target::Canned(http_response("200 OK", "text/html", &[], "<html>hello</html>")), 1),
        case("invalid JSON", &["images", "get", "x"], 1, "unexpected answer from the API (HTTP 200")
            .server(json_200("{\"success\":true,\"result\":{\"id\""), 1),
        case("JSON of the wrong shape", &["images", "get", "x"], 1, "could not read the API's answer")
            .server(json_200("{\"success\":true,\"result\":[1,2]}"), 1),
        case("401", &["images", "list"], 3, "[10000] Authentication error (HTTP 401)")
            .server(failing("401 Unauthorized", 10000, "Authentication error", &[]), 1),
        case("403", &["images", "list"], 3, "(HTTP 403)")
            .env("CLOUDFLARE_API_TOKEN", "a-token-the-emulator-refuses")
            .server(Target::Emulator, 1),
        case("404", &["images", "get", "nope"], 4, "image 'nope' not found")
            .server(Target::Emulator, 1),
        case("409", &["images", "upload", &png, "--id", "taken"], 1, "409")
            .server(Target::Emulator, 1),
        case("413", &["images", "upload", &png], 1, "[7011] Request entity is too large (HTTP 413)")
            .server(failing("413 Payload Too Large", 7011, "Request entity is too large", &[]), 1),
        case("a type the API does not take", &["images", "upload", &png], 1, "[5455]")
            .server(failing("400 Bad Request", 5455, "Uploaded image must have image/jpeg, image/png, image/webp, image/gif or image/svg+xml content-type", &[]), 1),
        case("429 until retries run out", &["--retries", "2", "images", "list"], 1, "[971]")
            .server(failing("429 Too Many Requests", 971, "Please wait and consider throttling your request speed", &["retry-after: 0"]), 3),
        case("500 until retries run out", &["--retries", "1", "images", "get", "x"], 1, "(HTTP 500)")
            .server(failing("500 Internal Server Error", 5500, "Internal server error", &[]), 2),
        case("connection refused", &["--retries", "0", "images", "list"], 1, "connection failed")
            .server(Target::Refused, 0),
        case("unresolvable host", &["--retries", "0", "images", "list"], 1, "connection failed")
            .server(Target::Unresolvable, 0),
        case("timeout", &["--retries", "0", "--timeout", "0.5", "images", "list"], 1, "timed out")
            .server(Target::Silent, 1),
    ];
    assert!(cases.len() >= 30);

    for case in cases {
        let mut canned = None;
        let base_url = match &case.target {
            Target::Emulator => env.emulator.base_url(),
            Target::Canned(response) => {
                let server = Canned::start(response.clone());
                let url = server.base_url();
                canned = Some(server);
                url
            }
            Target::Silent => {
                let server = Canned::silent();
                let url = server.base_url();
                canned = Some(server);
                url
            }
            Target::Refused => format!("http://127.0.0.1:{}/client/v4", free_port()),
            Target::Unresolvable => "http://cfimg-test.invalid/client/v4".to_string(),
        };
        let mut cmd = if case.bare { env.bare() } else { env.cmd() };
        // Bare runs too, so that a request they should not send is counted, not sent abroad.
        cmd.env("CLOUDFLARE_API_BASE_URL", &base_url);
        for (name, value) in &case.env {
            cmd.env(name, value);
        }
        let before = env.emulator.request_count();
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let run = env.run(cmd, &args);
        assert_eq!(
            run.code, case.code,
            "{}: exit code\nstderr:\n{}",
            case.what, run.stderr
        );
        let line = run
            .stderr
            .lines()
            .find(|l| l.starts_with("error: "))
            .unwrap_or_else(|| panic!("{}: no error line in\n{}", case.what, run.stderr));
        assert!(
            line.contains(case.message),
            "{}: error line {line:?} lacks {:?}",
            case.what,
            case.message
        );
        assert!(
            run.stdout.is_empty(),
            "{}: stdout {:?}",
            case.what,
            run.stdout
        );

        let sent = match &canned {
            Some(server) => server.requests(),
            None => env.emulator.request_count() - before,
        };
        assert_eq!(sent, case.requests, "{}: requests sent", case.what);
    }
}
