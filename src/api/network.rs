//! How the client reaches the API: which certificate authorities it trusts and which proxy it
//! goes through. Both arrive resolved (from the environment snapshot, by the config layer); this
//! module only hands them to the HTTP client, which is told to read nothing itself.

use std::sync::Arc;

use reqwest::blocking::ClientBuilder;

/// Which certificate authorities HTTPS trusts.
#[derive(Clone, Debug, Default)]
pub enum Roots {
    /// The Mozilla roots built into cfimg: for a machine with no certificate store of its own.
    #[default]
    Bundled,
    /// These certificates (DER, each one a usable trust anchor), and no others.
    Only(Arc<Vec<Vec<u8>>>),
}

/// Proxy URLs as the conventional variables give them, and the hosts that bypass them.
#[derive(Clone, Default)]
pub struct Proxies {
    /// For `https://` URLs (`HTTPS_PROXY`).
    pub https: Option<String>,
    /// For `http://` URLs (`HTTP_PROXY`).
    pub http: Option<String>,
    /// For both, where the specific one is not set (`ALL_PROXY`).
    pub all: Option<String>,
    /// Hosts reached directly (`NO_PROXY`): names, domains, IPs, CIDR ranges, or `*`.
    pub no_proxy: Option<String>,
}

// Proxy URLs may carry a password: never shown.
impl std::fmt::Debug for Proxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set = |v: &Option<String>| v.as_ref().map(|_| "****");
        f.debug_struct("Proxies")
            .field("https", &set(&self.https))
            .field("http", &set(&self.http))
            .field("all", &set(&self.all))
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

/// Everything about the way to the API.
#[derive(Clone, Debug, Default)]
pub struct Network {
    pub roots: Roots,
    pub proxies: Proxies,
}

/// Configure the HTTP client with exactly these roots and proxies.
pub fn apply(builder: ClientBuilder, network: &Network) -> Result<ClientBuilder, String> {
    let mut builder = match &network.roots {
        Roots::Bundled => builder.tls_built_in_root_certs(true),
        Roots::Only(certs) => {
            let mut builder = builder.tls_built_in_root_certs(false);
            for der in certs.iter() {
                let cert = reqwest::Certificate::from_der(der).map_err(|e| e.to_string())?;
                builder = builder.add_root_certificate(cert);
            }
            builder
        }
    };
    // reqwest would otherwise read the proxy variables from the process environment itself;
    // they come from the snapshot instead, like every other variable cfimg reads.
    builder = builder.no_proxy();
    let no_proxy = network
        .proxies
        .no_proxy
        .as_deref()
        .and_then(reqwest::NoProxy::from_string);
    type Make = fn(&str) -> reqwest::Result<reqwest::Proxy>;
    let rules: [(&Option<String>, Make); 3] = [
        (&network.proxies.https, |url| reqwest::Proxy::https(url)),
        (&network.proxies.http, |url| reqwest::Proxy::http(url)),
        (&network.proxies.all, |url| reqwest::Proxy::all(url)),
    ];
    // The first rule that matches a URL's scheme wins, so the specific ones go first.
    for (url, make) in rules {
        let Some(url) = url else { continue };
        let proxy = make(url)
            .map_err(|_| "a proxy URL is not a URL (use http://HOST:PORT)".to_string())?
            .no_proxy(no_proxy.clone());
        builder = builder.proxy(proxy);
    }
    Ok(builder)
}

/// Whether a request failed because the server's certificate is not trusted (an unknown
/// issuer, an expired or mismatched certificate), as opposed to not connecting at all.
pub fn is_certificate_error(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if let Some(tls) = tls_error(e) {
            return is_certificate(tls);
        }
        source = e.source();
    }
    false
}

/// rustls' error, where one layer of the chain carries it. The TLS layer hands it up inside
/// an `io::Error`, itself wrapped in another, and `io::Error::source()` skips what it wraps.
fn tls_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut layer = error;
    loop {
        if let Some(tls) = layer.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        layer = layer.downcast_ref::<std::io::Error>()?.get_ref()?;
    }
}

fn is_certificate(error: &rustls::Error) -> bool {
    matches!(
        error,
        rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented
    )
}
