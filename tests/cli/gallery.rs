//! The emulator's gallery in a real browser: the fixtures uploaded with `cfimg images upload`,
//! the gallery and an image's page loaded in headless Chromium (driven over the DevTools
//! protocol), and every image on them decoded.
//!
//! Chromium is Debian's `chromium` package, which `.ci/run` installs. Where it is missing this
//! test fails under CI (`CI` set) and, elsewhere, says loudly that it did not run.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{TestEnv, fixture_str};
use serde_json::{Value, json};

/// How long Chromium may take to start, or a page to load: a guard against a hang, not a
/// measurement.
const PATIENCE: Duration = Duration::from_secs(90);

/// Headless Chromium with its DevTools endpoint, stopped when dropped.
struct Browser {
    child: Child,
    /// `127.0.0.1:PORT` of the DevTools HTTP and WebSocket endpoint.
    devtools: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// `None` when there is no `chromium` to start.
    fn start() -> Option<Browser> {
        let profile = tempfile::tempdir().unwrap();
        let mut child = match Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => panic!("cannot start chromium: {e}"),
        };
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…" on stderr.
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("ws://").nth(1) {
                    let _ = tx.send(rest.split('/').next().unwrap_or_default().to_string());
                }
            }
        });
        let devtools = rx
            .recv_timeout(PATIENCE)
            .expect("chromium announces its DevTools endpoint");
        Some(Browser {
            child,
            devtools,
            _profile: profile,
        })
    }

    /// Opens `url` in a new tab, waits for it to load, and returns what `expression` (a
    /// JavaScript expression, a promise allowed) gives, as JSON.
    fn evaluate_on(&self, url: &str, expression: &str) -> Value {
        let target: Value = reqwest::blocking::Client::builder()
            .no_proxy()
            .build()
            .unwrap()
            // The whole query is the URL to open: its own `&`s must be encoded.
            .put(format!(
                "http://{}/json/new?{}",
                self.devtools,
                percent_encoding::utf8_percent_encode(url, percent_encoding::NON_ALPHANUMERIC)
            ))
            .send()
            .unwrap()
            .json()
            .unwrap();
        let ws = target["webSocketDebuggerUrl"].as_str().unwrap();
        let path = ws.split_once(&self.devtools).unwrap().1;
        let mut socket = WebSocket::connect(&self.devtools, path);
        // A new tab starts on about:blank, which is "complete" at once, and the navigation to
        // the page asked for destroys whatever was evaluated there meanwhile: ask again until
        // the answer comes from the loaded page itself.
        let after_load = format!(
            "new Promise(done => {{ const go = async () => done(JSON.stringify(await ({expression}))); \
             const wait = () => (location.href !== 'about:blank' && document.readyState === 'complete') \
             ? go() : setTimeout(wait, 20); wait(); }})"
        );
        for id in 1..=50 {
            socket.send(
                &json!({
                    "id": id,
                    "method": "Runtime.evaluate",
                    "params": {"expression": after_load, "awaitPromise": true, "returnByValue": true}
                })
                .to_string(),
            );
            let message: Value = loop {
                let message: Value = serde_json::from_str(&socket.receive()).unwrap();
                if message["id"] == id {
                    break message;
                }
            };
            if let Some(text) = message["result"]["result"]["value"].as_str() {
                return serde_json::from_str(text).unwrap();
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the page {url} never answered the evaluation");
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Just enough of a WebSocket client (RFC 6455) for the DevTools protocol: text messages,
/// masked as a client must.
struct WebSocket {
    stream: TcpStream,
}

impl WebSocket {
    fn connect(host: &str, path: &str) -> WebSocket {
        let mut stream = TcpStream::connect(host).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        .unwrap();
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            let mut byte = [0u8; 1];
            stream.read_exact(&mut byte).unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head);
        assert!(head.starts_with("HTTP/1.1 101"), "handshake: {head}");
        WebSocket { stream }
    }

    fn send(&mut self, text: &str) {
        let payload = text.as_bytes();
        let mut frame = vec![0x81u8];
        match payload.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n < 65_536 => {
                frame.push(0x80 | 126);
                frame.extend_from_slice(&(n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend_from_slice(&(n as u64).to_be_bytes());
            }
        }
        let mask = [0x5a, 0x17, 0xc3, 0x08];
        frame.extend_from_slice(&mask);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.stream.write_all(&frame).unwrap();
    }

    /// The next text message, its fragments joined.
    fn receive(&mut self) -> String {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.stream.read_exact(&mut head).unwrap();
            let fin = head[0] & 0x80 != 0;
            let opcode = head[0] & 0x0f;
            let len = match head[1] & 0x7f {
                126 => {
                    let mut n = [0u8; 2];
                    self.stream.read_exact(&mut n).unwrap();
                    u64::from(u16::from_be_bytes(n))
                }
                127 => {
                    let mut n = [0u8; 8];
                    self.stream.read_exact(&mut n).unwrap();
                    u64::from_be_bytes(n)
                }
                n => u64::from(n),
            };
            let mut payload = vec![0u8; len as usize];
            self.stream.read_exact(&mut payload).unwrap();
            assert_ne!(opcode, 8, "DevTools closed the connection");
            if opcode == 0 || opcode == 1 {
                message.extend_from_slice(&payload);
                if fin {
                    return String::from_utf8(message).unwrap();
                }
            }
        }
    }
}

/// `[src, naturalWidth]` of every image on the page, once each has loaded or failed.
const IMAGES: &str = "Promise.all([...document.images].map(i => i.decode().catch(() => null)))\
    .then(() => [...document.images].map(i => [i.src, i.naturalWidth]))";

fn check_all_decoded(page: &str, images: &Value, expected: usize) {
    let images = images.as_array().unwrap();
    assert_eq!(images.len(), expected, "images on {page}: {images:?}");
    for image in images {
        assert!(
            image[1].as_u64().unwrap() > 0,
            "not decoded on {page}: {}",
            image[0]
        );
    }
}

#[test]
fn every_thumbnail_and_variant_decodes_in_a_real_browser() {
    let Some(browser) = Browser::start() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing in CI: .ci/run installs it (apt-get install chromium)"
        );
        // Loud on the test's stderr (which `cargo test` shows): this check did not run.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"\n!!! SKIPPED every_thumbnail_and_variant_decodes_in_a_real_browser: no `chromium` \
              on PATH (apt-get install chromium) !!!\n\n",
        );
        return;
    };
    let env = TestEnv::new();
    let fixtures = fixture_str("images");
    let uploaded = env
        .ok(&["--ndjson", "images", "upload", &fixtures])
        .ndjson();
    let private = env
        .ok(&[
            "--json",
            "images",
            "upload",
            &fixture_str("images/photo.jpg"),
            "--require-signed-urls",
            "--meta",
            "caption=<script>alert(1)</script>",
        ])
        .json();
    let count = uploaded.len() + 1;
    assert!(count >= 5 && Path::new(&fixtures).is_dir(), "{uploaded:?}");
    // A variant of each kind, so the image page shows more than one rendering.
    for (name, fit) in [("thumb", "cover"), ("boxed", "pad")] {
        env.ok(&[
            "variants", "create", name, "--fit", fit, "--width", "100", "--height", "60",
        ]);
    }

    let origin = env.emulator.origin().to_string();
    let gallery = browser.evaluate_on(&format!("{origin}/"), IMAGES);
    check_all_decoded("the gallery", &gallery, count);
    // The metadata is shown as text, not run.
    let text = browser.evaluate_on(&format!("{origin}/"), "document.body.innerText");
    assert!(
        text.as_str().unwrap().contains("<script>alert(1)</script>"),
        "{text}"
    );

    // The private image's page: every variant through a signed delivery URL.
    let id = private["id"].as_str().unwrap();
    let query = format!("account={}&id={id}", common::ACCOUNT);
    let page = browser.evaluate_on(&format!("{origin}/_gallery/image?{query}"), IMAGES);
    check_all_decoded("the private image's page", &page, 3);
    for image in page.as_array().unwrap() {
        let src = image[0].as_str().unwrap();
        assert!(src.contains("&sig="), "signed: {src}");
    }
}
