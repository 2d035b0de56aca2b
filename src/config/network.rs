//! Which certificate authorities HTTPS trusts and which proxy requests go through, read from
//! the environment snapshot the way OpenSSL and curl read it, so a machine where curl works
//! (a company proxy that inspects TLS, its CA in the system store or in `SSL_CERT_FILE`) works
//! for cfimg too.
//!
//! Trust: with `SSL_CERT_FILE` and/or `SSL_CERT_DIR` set, the certificates there and no others
//! (as OpenSSL, and so curl, treat them: they replace the default store); otherwise the
//! platform's store; and where there is none (a bare container), the Mozilla roots built in.
//!
//! Proxies: `HTTPS_PROXY` for https URLs, `HTTP_PROXY` for http, `ALL_PROXY` for both, each also
//! in lower case (which wins, as in curl), and `NO_PROXY` for the hosts reached directly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::CertificateDer;

use super::{ConfigError, Env};
use crate::api::network::{Network, Proxies, Roots};

/// The network settings from the environment: trusted roots (read from disk now) and proxies.
pub fn resolve(env: &Env) -> Result<Network, ConfigError> {
    Ok(Network {
        roots: roots(env)?,
        proxies: proxies(env)?,
    })
}

fn roots(env: &Env) -> Result<Roots, ConfigError> {
    let file = env.get("SSL_CERT_FILE").map(PathBuf::from);
    let dirs: Vec<PathBuf> = env
        .get("SSL_CERT_DIR")
        .map(|dirs| {
            std::env::split_paths(dirs)
                .filter(|d| !d.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    if file.is_none() && dirs.is_empty() {
        // rustls-native-certs would read SSL_CERT_FILE and SSL_CERT_DIR from the process
        // environment here; the snapshot was taken from that environment and has neither, so
        // this loads the platform's store. Entries it cannot read are left out, as OpenSSL
        // does: stores often hold a few.
        let store = rustls_native_certs::load_native_certs();
        return Ok(choose(usable(store.certs)));
    }
    let mut certs = Vec::new();
    if let Some(file) = &file {
        certs.extend(load("SSL_CERT_FILE", file, |p| {
            rustls_native_certs::load_certs_from_paths(Some(p), None)
        })?);
    }
    for dir in &dirs {
        certs.extend(load("SSL_CERT_DIR", dir, |p| {
            rustls_native_certs::load_certs_from_paths(None, Some(p))
        })?);
    }
    Ok(Roots::Only(Arc::new(certs)))
}

/// The platform's certificates, or the built-in roots where the platform has none.
fn choose(platform: Vec<Vec<u8>>) -> Roots {
    if platform.is_empty() {
        Roots::Bundled
    } else {
        Roots::Only(Arc::new(platform))
    }
}

/// The usable certificates at a path a variable names; a path that is missing or holds none
/// is an error that names the variable, since every HTTPS request would fail on it.
fn load(
    variable: &'static str,
    path: &Path,
    read: impl Fn(&Path) -> rustls_native_certs::CertificateResult,
) -> Result<Vec<Vec<u8>>, ConfigError> {
    let problem = |reason: String| ConfigError::Certificates {
        variable,
        path: path.to_path_buf(),
        reason,
    };
    if !path.exists() {
        return Err(problem("does not exist".into()));
    }
    let result = read(path);
    let certs = usable(result.certs);
    if certs.is_empty() {
        let why = result
            .errors
            .first()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default();
        return Err(problem(format!("holds no PEM certificate{why}")));
    }
    Ok(certs)
}

/// Certificates that can serve as trust anchors; stores often hold a few that cannot (ancient
/// roots without extensions), which would otherwise fail the whole client.
fn usable(certs: Vec<CertificateDer<'static>>) -> Vec<Vec<u8>> {
    certs
        .into_iter()
        .filter(|cert| rustls::RootCertStore::empty().add(cert.clone()).is_ok())
        .map(|cert| cert.to_vec())
        .collect()
}

fn proxies(env: &Env) -> Result<Proxies, ConfigError> {
    // Lower case first, as curl reads them.
    let pick = |lower: &'static str, upper: &'static str| -> Result<Option<String>, ConfigError> {
        let Some((variable, value)) = [lower, upper]
            .into_iter()
            .find_map(|name| env.get(name).map(|v| (name, v.trim().to_string())))
        else {
            return Ok(None);
        };
        // The value is not shown: proxy URLs may carry a password.
        reqwest::Proxy::all(value.as_str()).map_err(|_| ConfigError::BadProxy { variable })?;
        Ok(Some(value))
    };
    Ok(Proxies {
        https: pick("https_proxy", "HTTPS_PROXY")?,
        http: pick("http_proxy", "HTTP_PROXY")?,
        all: pick("all_proxy", "ALL_PROXY")?,
        no_proxy: env
            .get("no_proxy")
            .or_else(|| env.get("NO_PROXY"))
            .map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_store_falls_back_to_the_built_in_roots() {
        assert!(matches!(choose(Vec::new()), Roots::Bundled));
        assert!(matches!(choose(vec![vec![1]]), Roots::Only(_)));
    }

    #[test]
    fn a_certificate_variable_naming_nothing_usable_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        let env = Env::from_pairs([("SSL_CERT_FILE", missing.to_str().unwrap())]);
        let err = resolve(&env).unwrap_err().to_string();
        assert!(err.contains("$SSL_CERT_FILE names"), "{err}");
        assert!(err.contains("does not exist"), "{err}");
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let env = Env::from_pairs([("SSL_CERT_FILE", empty.to_str().unwrap())]);
        let err = resolve(&env).unwrap_err().to_string();
        assert!(err.contains("holds no PEM certificate"), "{err}");
        let env = Env::from_pairs([("SSL_CERT_DIR", dir.path().to_str().unwrap())]);
        let err = resolve(&env).unwrap_err().to_string();
        assert!(err.contains("$SSL_CERT_DIR names"), "{err}");
    }

    #[test]
    fn proxies_come_from_the_snapshot_lower_case_first() {
        let env = Env::from_pairs([
            ("HTTPS_PROXY", "http://upper:1"),
            ("https_proxy", "http://lower:2"),
            ("NO_PROXY", "localhost,.internal"),
        ]);
        let found = proxies(&env).unwrap();
        assert_eq!(found.https.as_deref(), Some("http://lower:2"));
        assert_eq!(found.http, None);
        assert_eq!(found.no_proxy.as_deref(), Some("localhost,.internal"));
        let env = Env::from_pairs([("HTTPS_PROXY", "http://user:secret@ho st:1")]);
        let err = proxies(&env).unwrap_err().to_string();
        assert!(err.contains("$HTTPS_PROXY"), "{err}");
        assert!(!err.contains("secret"), "{err}");
    }
}
