//! `cfimg emulator`: serve the local Cloudflare Images emulator until interrupted.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;

use cfimg_emulator::{self as emulator, DEFAULT_ACCOUNT_ID, EmulatorConfig, Faults, RateLimit};

use crate::config::Env;
use crate::config::vars::EMULATOR_TOKEN;
use crate::output::Output;
use crate::ui::Ui;

/// Serve a local Cloudflare Images API (with delivery, direct uploads and the batch host).
#[derive(clap::Args, Debug)]
#[command(
    after_help = "It prints its API base URL as the first line on stdout, then serves until \
Ctrl-C.\n\n\
Examples:\n  \
    cfimg emulator --listen 127.0.0.1:8787 --data-dir ./emulator-data\n  \
    cfimg emulator --listen 127.0.0.1:0 --rate-limit 100/60 --fail-rate 0.1 --seed 7\n  \
    CLOUDFLARE_API_BASE_URL=http://127.0.0.1:8787/client/v4 cfimg images list"
)]
pub struct EmulatorArgs {
    /// Address to listen on: HOST:PORT, or a port alone (:8787) for 127.0.0.1; port 0 picks a free one
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787", value_parser = parse_listen)]
    pub listen: SocketAddr,

    /// Keep images, variants and keys in this directory (default: in memory only)
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Accept only this API token (default: any well-formed credentials are accepted)
    #[arg(long, value_name = "T")]
    pub token: Option<String>,

    /// Add this many milliseconds of latency to every request
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub latency_ms: u64,

    /// Share of API requests answered with a 5xx error (0 to 1)
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = parse_rate)]
    pub fail_rate: f64,

    /// Allow N requests per SECONDS per credentials, then answer 429 until the window ends (1200/300 is the API's own; without it nothing is limited)
    #[arg(long, value_name = "N/SECONDS")]
    pub rate_limit: Option<RateLimit>,

    /// Share of API requests answered 429 at random, with Retry-After: 1 (0 to 1)
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = parse_rate)]
    pub throttle_rate: f64,

    /// Share of API requests whose connection is closed without an answer (0 to 1)
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = parse_rate)]
    pub drop_rate: f64,

    /// Share of image bodies (blob, delivery) cut short (0 to 1)
    #[arg(long, value_name = "F", default_value_t = 0.0, value_parser = parse_rate)]
    pub truncate_rate: f64,

    /// Send error answers as HTML pages, as a proxy would
    #[arg(long)]
    pub html_errors: bool,

    /// Seed for reproducible fault decisions
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Requests per second allowed per batch token
    #[arg(long, value_name = "N", default_value_t = 200,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub batch_rate: u32,

    /// Create N synthetic images at start (for listing benchmarks)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preload: usize,
}

/// Where to listen: `HOST:PORT` with an address or a name (`localhost:0`, `[::1]:8787`), or a
/// bare port (`:8787`, `8787`), which means loopback: an emulator is for this machine unless
/// an address says otherwise. A name that resolves to several addresses binds the first IPv4
/// one, since that is what `127.0.0.1` URLs and most clients reach.
fn parse_listen(s: &str) -> Result<SocketAddr, String> {
    use std::net::{Ipv4Addr, ToSocketAddrs};
    let usage = || {
        format!(
            "{s:?} is not an address to listen on: use HOST:PORT (127.0.0.1:8787, localhost:0) or a port (:8787)"
        )
    };
    let port = |text: &str| text.parse::<u16>().map_err(|_| usage());
    if let Some(bare) = s
        .strip_prefix(':')
        .or(Some(s).filter(|t| t.bytes().all(|b| b.is_ascii_digit())))
    {
        return Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, port(bare)?)));
    }
    if let Ok(addr) = s.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let (host, port_text) = s.rsplit_once(':').ok_or_else(usage)?;
    if host.is_empty() || host.contains(':') {
        return Err(usage());
    }
    let port = port(port_text)?;
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {host:?} to an address to listen on: {e}"))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| format!("{host:?} resolves to no address to listen on"))
}

/// A share between 0 and 1.
fn parse_rate(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between 0 and 1"))
    }
}

impl EmulatorArgs {
    fn config(&self) -> EmulatorConfig {
        EmulatorConfig {
            data_dir: self.data_dir.clone(),
            token: self.token.clone(),
            faults: Faults {
                latency: Duration::from_millis(self.latency_ms),
                fail_rate: self.fail_rate,
                rate_limit: self.rate_limit,
                throttle_rate: self.throttle_rate,
                drop_rate: self.drop_rate,
                truncate_rate: self.truncate_rate,
                html_errors: self.html_errors,
                seed: self.seed,
            },
            batch_rate_per_second: self.batch_rate,
            preload: self.preload,
            ..EmulatorConfig::default()
        }
    }
}

/// `-q` keeps stderr for errors: the URL on stdout is data and stays. `--json` and `--ndjson`
/// print it as `{"api_url": …}`, still alone on the first line.
pub fn run(mut args: EmulatorArgs, env: &Env, out: &Output, ui: &Ui) -> anyhow::Result<()> {
    if args.token.is_none() {
        args.token = env.get(EMULATOR_TOKEN.var).map(str::to_string);
    }
    // A --local command using the same directory finishes first; another `cfimg emulator`
    // serving it is an error (see `data_dir_served`).
    let waiting = |holder: Option<&emulator::DataDirHolder>| {
        let pid = holder
            .map(|h| format!(" (pid {})", h.pid))
            .unwrap_or_default();
        let dir = args.data_dir.as_deref().unwrap_or(std::path::Path::new(""));
        ui.status(&format!(
            "waiting for a cfimg --local command{pid} to finish with the data directory {}",
            dir.display()
        ));
    };
    let running =
        emulator::start_waiting(args.config(), args.listen, waiting).map_err(data_dir_served)?;
    running
        .announce_serving()
        .context("cannot note in the data directory that it is being served")?;
    let base_url = running.base_url();
    // The URL alone on the first line, so scripts can read it; a reader that went away
    // (`| head -1`) is no reason to stop serving.
    let _ = out.announce(&base_url, &serde_json::json!({ "api_url": base_url }));
    banner(ui, &args, &running, &base_url);
    wait_for_shutdown_signal()?;
    running.shutdown();
    Ok(())
}

/// A data directory another `cfimg emulator` serves, said with what to do about it: that
/// emulator is where its data can be reached. Other errors pass through.
pub fn data_dir_served(error: anyhow::Error) -> anyhow::Error {
    let Some(served) = error.downcast_ref::<emulator::DataDirServed>() else {
        return error;
    };
    let hint = format!(
        "send commands to that emulator instead (CLOUDFLARE_API_BASE_URL={} with an account id \
         and a token), or stop it first; another --data-dir keeps data apart",
        served.api_url
    );
    crate::error::CliError::failed(served.to_string())
        .with_hint(hint)
        .into()
}

/// How to use the running emulator, for the person who started it (`-q` leaves it out).
fn banner(ui: &Ui, args: &EmulatorArgs, running: &emulator::RunningEmulator, base_url: &str) {
    let data = match &args.data_dir {
        Some(dir) => format!("data kept in {}", dir.display()),
        None => "data kept in memory (gone when it stops)".to_string(),
    };
    ui.status(&format!(
        "cfimg emulator listening on {}; {data}",
        running.origin()
    ));
    ui.status(&format!(
        "any 32-hex account id works; the account hash of {DEFAULT_ACCOUNT_ID} is {}",
        emulator::account_hash(DEFAULT_ACCOUNT_ID)
    ));
    let auth = if args.token.is_some() {
        "with the configured token"
    } else {
        "with any token"
    };
    ui.status(&format!(
        "point cfimg at it: cfimg --api-url {base_url} --account-id {DEFAULT_ACCOUNT_ID} ... ({auth})"
    ));
    ui.status("press Ctrl-C to stop");
}

/// Blocks until Ctrl-C (SIGINT) or SIGTERM.
fn wait_for_shutdown_signal() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot wait for signals")?;
    rt.block_on(async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let mut term = signal(SignalKind::terminate()).context("cannot watch SIGTERM")?;
            tokio::select! {
                r = tokio::signal::ctrl_c() => r.context("cannot watch Ctrl-C")?,
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        tokio::signal::ctrl_c()
            .await
            .context("cannot watch Ctrl-C")?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser, Debug)]
    struct Cli {
        #[command(flatten)]
        args: EmulatorArgs,
    }

    #[test]
    fn defaults_and_faults() {
        let cli = Cli::try_parse_from(["x"]).unwrap();
        assert_eq!(cli.args.listen.to_string(), "127.0.0.1:8787");
        assert_eq!(cli.args.batch_rate, 200);
        let cli = Cli::try_parse_from([
            "x",
            "--fail-rate",
            "0.25",
            "--rate-limit",
            "1200/300",
            "--seed",
            "9",
            "--latency-ms",
            "5",
        ])
        .unwrap();
        let config = cli.args.config();
        assert_eq!(config.faults.fail_rate, 0.25);
        assert_eq!(config.faults.rate_limit.unwrap().requests, 1200);
        assert_eq!(config.faults.latency, Duration::from_millis(5));
        assert_eq!(config.faults.seed, Some(9));
    }

    #[test]
    fn bad_values_are_usage_errors() {
        for bad in [
            &["x", "--fail-rate", "1.5"][..],
            &["x", "--drop-rate", "-0.1"],
            &["x", "--truncate-rate", "lots"],
            &["x", "--rate-limit", "100"],
            &["x", "--batch-rate", "0"],
            &["x", "--listen", "nowhere"],
            &["x", "--listen", ":"],
            &["x", "--listen", ":99999"],
            &["x", "--listen", "localhost:"],
            &["x", "--listen", "localhost:http"],
            &["x", "--listen", ":8787x"],
        ] {
            assert!(Cli::try_parse_from(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn listen_takes_names_and_bare_ports() {
        let listen = |text: &str| parse_listen(text).map(|a| a.to_string());
        assert_eq!(listen(":8787").unwrap(), "127.0.0.1:8787");
        assert_eq!(listen("8787").unwrap(), "127.0.0.1:8787");
        assert_eq!(listen(":0").unwrap(), "127.0.0.1:0");
        assert_eq!(listen("0.0.0.0:80").unwrap(), "0.0.0.0:80");
        assert_eq!(listen("[::1]:9").unwrap(), "[::1]:9");
        let local = parse_listen("localhost:0").unwrap();
        assert!(local.ip().is_loopback(), "{local}");
        assert_eq!(local.port(), 0);
        assert!(
            listen("no-such-host.invalid:80")
                .unwrap_err()
                .contains("cannot resolve")
        );
    }
}
