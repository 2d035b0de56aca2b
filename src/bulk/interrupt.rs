//! Ctrl-C (and SIGTERM, which CI systems send when they cancel a job) during a bulk run:
//! the first stops handing out new items and lets those in flight finish, so their results
//! are reported and recorded; a second ends the process at once. Either way every manifest
//! line already written stays intact.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Exit;

/// Watch for interrupts on a background thread. `first` runs once, on the first signal (to
/// tell the user what happens now). Returns the flag the engine polls.
///
/// If signals cannot be watched (no runtime, no handler), the run simply goes on without a
/// graceful stop: the default handler still ends the process on Ctrl-C.
pub fn watch(first: impl Fn() + Send + 'static) -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = Arc::clone(&flag);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    let Ok(runtime) = runtime else { return flag };
    let spawned = std::thread::Builder::new()
        .name("cfimg-interrupt".into())
        .spawn(move || {
            runtime.block_on(async move {
                #[cfg(unix)]
                let mut term =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
                let mut count = 0;
                loop {
                    #[cfg(unix)]
                    let got = match term.as_mut() {
                        Some(term) => tokio::select! {
                            r = tokio::signal::ctrl_c() => r.is_ok(),
                            _ = term.recv() => true,
                        },
                        None => tokio::signal::ctrl_c().await.is_ok(),
                    };
                    #[cfg(not(unix))]
                    let got = tokio::signal::ctrl_c().await.is_ok();
                    if !got {
                        return;
                    }
                    count += 1;
                    if count == 1 {
                        set.store(true, Ordering::SeqCst);
                        first();
                    } else {
                        std::process::exit(Exit::Interrupted as i32);
                    }
                }
            });
        });
    if spawned.is_err() {
        return flag;
    }
    flag
}
