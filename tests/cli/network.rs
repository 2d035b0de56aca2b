//! The way to the API: which certificates HTTPS trusts (the system's store, or `SSL_CERT_FILE` /
//! `SSL_CERT_DIR`) and which proxy requests take (`HTTPS_PROXY`, `NO_PROXY`), through a real
//! local HTTPS endpoint with a certificate authority made for the test.
//!
//! The harness clears the environment, so every variable here is handed over explicitly.

use crate::common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use common::TestEnv;
use tokio_rustls::rustls;

/// A certificate authority of the test's own, and a server certificate for 127.0.0.1 it signed.
struct TestCa {
    ca_pem: String,
    server_cert: rustls::pki_types::CertificateDer<'static>,
    server_key: rustls::pki_types::PrivateKeyDer<'static>,
}

fn make_ca() -> TestCa {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "cfimg test inspecting proxy CA");
    ca_params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
        rcgen::KeyUsagePurpose::DigitalSignature,
    ];
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().unwrap())
        .unwrap();
    let server_key = rcgen::KeyPair::generate().unwrap();
    let server = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".into()])
        .unwrap()
        .signed_by(&server_key, &ca)
        .unwrap();
    TestCa {
        ca_pem: ca.pem(),
        server_cert: server.der().clone(),
        server_key: rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
    }
}

/// HTTPS in front of the emulator: TLS with the test CA's certificate, bytes passed through.
fn tls_front(ca: &TestCa, backend: SocketAddr) -> u16 {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![ca.server_cert.clone()], ca.server_key.clone_key())
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    // A client that refuses the certificate ends the handshake here.
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let Ok(mut upstream) = tokio::net::TcpStream::connect(backend).await else {
                        return;
                    };
                    let _ = tokio::io::copy_bidirectional(&mut tls, &mut upstream).await;
                });
            }
        });
    });
    port
}

/// A forward proxy that only speaks CONNECT, and remembers what it was asked to connect to.
struct ConnectProxy {
    port: u16,
    targets: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let targets = Arc::new(Mutex::new(Vec::new()));
        let seen = targets.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let seen = seen.clone();
                std::thread::spawn(move || tunnel(client, &seen));
            }
        });
        ConnectProxy { port, targets }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn targets(&self) -> Vec<String> {
        self.targets.lock().unwrap().clone()
    }
}

fn tunnel(mut client: TcpStream, seen: &Mutex<Vec<String>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match client.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return,
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut words = head.split_whitespace();
    let (Some("CONNECT"), Some(target)) = (words.next(), words.next()) else {
        let _ = client.write_all(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n");
        return;
    };
    seen.lock().unwrap().push(target.to_string());
    let Ok(upstream) = TcpStream::connect(target) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let (mut client_read, mut upstream_write) =
        (client.try_clone().unwrap(), upstream.try_clone().unwrap());
    let (mut upstream_read, mut client_write) = (upstream, client);
    let up = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_read, &mut upstream_write);
        let _ = upstream_write.shutdown(std::net::Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream_read, &mut client_write);
    let _ = client_write.shutdown(std::net::Shutdown::Write);
    let _ = up.join();
}

/// The emulator behind HTTPS with the test CA, and the CA written to a PEM file.
struct Setup {
    env: TestEnv,
    https_port: u16,
    ca_file: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let env = TestEnv::new();
        let ca = make_ca();
        let backend: SocketAddr = env
            .emulator
            .origin()
            .trim_start_matches("http://")
            .parse()
            .unwrap();
        let https_port = tls_front(&ca, backend);
        let ca_file = env.path("ca/test-ca.pem");
        std::fs::create_dir_all(ca_file.parent().unwrap()).unwrap();
        std::fs::write(&ca_file, &ca.ca_pem).unwrap();
        Setup {
            env,
            https_port,
            ca_file,
        }
    }

    fn https_url(&self) -> String {
        format!("https://127.0.0.1:{}/client/v4", self.https_port)
    }

    /// `cfimg` with credentials, pointed at the HTTPS front.
    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.env.cmd();
        cmd.env("CLOUDFLARE_API_BASE_URL", self.https_url());
        cmd
    }
}

#[test]
fn a_certificate_from_an_unknown_authority_fails_clearly_at_once() {
    let s = Setup::new();
    let before = s.env.emulator.request_count();
    let run = s.env.run(s.cmd(), &["images", "list"]);
    run.code(1)
        .error_contains(&format!(
            "could not make a secure connection to https://127.0.0.1:{}/",
            s.https_port
        ))
        .error_contains("UnknownIssuer")
        .hint_contains("SSL_CERT_FILE");
    assert_eq!(s.env.emulator.request_count(), before);
    // Not retried: a certificate does not become trusted by asking again.
    assert!(!run.stderr.contains("retrying"), "{}", run.stderr);
    let run = s.env.run(s.cmd(), &["-v", "images", "list"]);
    assert!(!run.stderr.contains("retrying"), "{}", run.stderr);
}

#[test]
fn ssl_cert_file_and_ssl_cert_dir_add_trust() {
    let s = Setup::new();
    let run = s.env.run(
        s.cmd().env("SSL_CERT_FILE", &s.ca_file),
        &["--json", "images", "list"],
    );
    run.success();
    assert_eq!(run.json()["images"], serde_json::json!([]));
    s.env
        .run(
            s.cmd().env("SSL_CERT_DIR", s.ca_file.parent().unwrap()),
            &["--json", "images", "list"],
        )
        .success();
    // A variable that names nothing usable is a configuration error, not a TLS mystery.
    s.env
        .run(
            s.cmd().env("SSL_CERT_FILE", s.env.path("nope.pem")),
            &["images", "list"],
        )
        .code(3)
        .error_contains("$SSL_CERT_FILE names")
        .error_contains("does not exist");
}

#[test]
fn https_proxy_carries_requests_unless_no_proxy_names_the_host() {
    let s = Setup::new();
    let proxy = ConnectProxy::start();
    let through = |extra: &[(&str, &str)]| {
        let mut cmd = s.cmd();
        cmd.env("SSL_CERT_FILE", &s.ca_file)
            .env("HTTPS_PROXY", proxy.url());
        for (name, value) in extra {
            cmd.env(name, value);
        }
        s.env.run(cmd, &["--json", "images", "list"])
    };
    through(&[]).success();
    let target = format!("127.0.0.1:{}", s.https_port);
    assert_eq!(proxy.targets(), std::slice::from_ref(&target));

    through(&[("NO_PROXY", "127.0.0.1")]).success();
    through(&[("no_proxy", "localhost,127.0.0.1")]).success();
    assert_eq!(proxy.targets(), [target], "NO_PROXY hosts go direct");

    // A proxy that is not a URL is named, not quoted (it may hold a password).
    s.env
        .run(
            s.cmd()
                .env("HTTPS_PROXY", "http://user:pass-1234567890@bad host:1"),
            &["images", "list"],
        )
        .code(3)
        .error_contains("$HTTPS_PROXY is not a proxy URL");
}
