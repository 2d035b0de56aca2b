//! Running the emulator: a background thread with its own tokio runtime, serving until stopped.

use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context as _;
use axum::body::Bytes;
use tokio::sync::oneshot;

use crate::config::{DEFAULT_ACCOUNT_ID, EmulatorConfig};
use crate::conn::{ConnHandle, KillableListener};
use crate::faults::FaultState;
use crate::record::Recorder;
use crate::render_cache::RenderCache;
use crate::router;
use crate::sample;
use crate::state::{AppState, SharedState};
use crate::store::Store;
use crate::window::FixedWindows;

/// How long an upload by URL may take to fetch.
const FETCH_TIMEOUT: Duration = Duration::from_secs(30);

/// A server that has started: where it listens, its state, and how to stop it.
pub struct Serving {
    pub origin: String,
    pub state: SharedState,
    pub handle: ServerHandle,
}

pub struct ServerHandle {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl ServerHandle {
    /// Stops serving, ends open connections, and waits for the thread.
    pub fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `http://HOST:PORT` for a bound address; an unspecified address (0.0.0.0, ::) is reached
/// through loopback, which is what URLs handed to clients need.
fn origin_of(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        std::net::IpAddr::V4(v4) if v4.is_unspecified() => {
            std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST)
        }
        std::net::IpAddr::V6(v6) if v6.is_unspecified() => {
            std::net::IpAddr::V6(std::net::Ipv6Addr::LOCALHOST)
        }
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}

pub fn start(config: EmulatorConfig, listen: SocketAddr) -> anyhow::Result<Serving> {
    let store = Store::open(config.data_dir.clone())?;
    if config.preload > 0 {
        store.preload(
            DEFAULT_ACCOUNT_ID,
            config.preload,
            Bytes::from(sample::png(0)),
            "image/png",
        );
    }
    // Bind here, so an address in use is an error of `start`, and connections made as soon as
    // it returns wait in the backlog.
    let std_listener =
        StdListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    std_listener.set_nonblocking(true)?;
    let origin = origin_of(std_listener.local_addr()?);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("cfimg-emulator")
        .enable_all()
        .build()
        .context("cannot start the emulator's runtime")?;
    let (listener, http) = {
        let _guard = runtime.enter();
        let listener = tokio::net::TcpListener::from_std(std_listener)?;
        let http = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .build()
            .context("cannot build the HTTP client for uploads by URL")?;
        (listener, http)
    };
    let state = Arc::new(AppState {
        store,
        faults: FaultState::new(config.faults.clone()),
        config,
        origin: origin.clone(),
        recorder: Recorder::default(),
        http,
        batch_windows: FixedWindows::default(),
        renders: RenderCache::default(),
    });
    let app = router::build(state.clone());
    let (stop_tx, stop_rx) = oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("cfimg-emulator".to_string())
        .spawn(move || {
            runtime.block_on(async move {
                let serve = axum::serve(
                    KillableListener::new(listener),
                    app.into_make_service_with_connect_info::<ConnHandle>(),
                );
                tokio::select! {
                    _ = serve => {}
                    _ = stop_rx => {}
                }
            });
            // Connection tasks still running (keep-alive clients) are cancelled here.
            runtime.shutdown_timeout(Duration::from_millis(200));
        })
        .context("cannot start the emulator thread")?;
    Ok(Serving {
        origin,
        state,
        handle: ServerHandle {
            stop: Some(stop_tx),
            thread: Some(thread),
        },
    })
}
