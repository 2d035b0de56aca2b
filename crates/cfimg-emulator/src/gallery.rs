//! The gallery: plain HTML pages, rendered on the server, that show what the emulator holds.
//!
//! `GET /` lists the stored images of one account, newest first, [`PAGE_SIZE`] to a page, each
//! as a thumbnail (`/_gallery/thumb`, a built-in `scale-down` into a 240-pixel box) with its id,
//! filename, upload time, access and metadata. Every account with images is linked at the top;
//! the default account is shown first when it has images. `GET /_gallery/image` shows one image
//! with every variant of its account rendered through its real delivery URL (signed for a
//! private image, with the account's first key, valid for an hour), what the variant asks for
//! and the size it gives.
//!
//! No script, no build step. Ids, filenames, metadata and variant names are user input: every
//! one is escaped for HTML (and, in links, encoded for the URL) before it is written.

use std::fmt::Write as _;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::config::DEFAULT_ACCOUNT_ID;
use crate::delivery::{self, DELIVERY_PREFIX};
use crate::model::{ImageRecord, account_hash, delivery_id, format_time};
use crate::state::SharedState;
use crate::transform::{self, Format, fit};

/// Images on one page of the gallery.
pub const PAGE_SIZE: usize = 200;
/// How long the signed URLs on an image's page work.
const SIGNED_FOR_SECS: i64 = 3_600;

/// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A gallery link with its query encoded (then escaped, for the attribute it goes in).
fn link(path: &str, params: &[(&str, &str)]) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    escape(&format!("{path}?{query}"))
}

fn param(req: &Request, name: &str) -> Option<String> {
    form_urlencoded::parse(req.uri().query()?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn page(title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    );
    let mut r = html.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

const STYLE: &str = "\
body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f4f5;color:#18181b}\
header{background:#18181b;color:#fafafa;padding:12px 20px}header h1{font-size:18px;margin:0 0 4px}\
header a{color:#fbbf24}main{padding:16px 20px}code{font:12px ui-monospace,monospace;word-break:break-all}\
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}\
figure{margin:0;background:#fff;border:1px solid #e4e4e7;border-radius:6px;padding:8px;overflow:hidden}\
figure .frame{display:flex;align-items:center;justify-content:center;height:240px;\
background:repeating-conic-gradient(#eee 0 25%,#fff 0 50%) 0 0/16px 16px}\
figure img{max-width:100%;max-height:240px}figcaption{margin-top:6px}\
.badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px}\
.public{background:#dcfce7;color:#166534}.private{background:#fee2e2;color:#991b1b}\
pre{white-space:pre-wrap;word-break:break-all;background:#f4f4f5;padding:4px;margin:4px 0 0;font-size:12px}\
nav.pages{padding:0 20px 20px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}\
dt{font-weight:600}.variant img{max-width:100%}.variant .frame{height:auto;min-height:120px}";

fn access_badge(rec: &ImageRecord) -> &'static str {
    if rec.require_signed_urls {
        "<span class=\"badge private\">private</span>"
    } else {
        "<span class=\"badge public\">public</span>"
    }
}

fn meta_text(rec: &ImageRecord) -> Option<String> {
    rec.meta
        .as_ref()
        .filter(|m| !m.is_empty())
        .map(|m| serde_json::to_string(m).unwrap_or_default())
}

/// `GET /`
pub async fn index(State(st): State<SharedState>, req: Request) -> Response {
    let accounts = st.store.accounts_with_images();
    let chosen = param(&req, "account").or_else(|| {
        accounts
            .iter()
            .find(|(id, _)| id == DEFAULT_ACCOUNT_ID)
            .or(accounts.first())
            .map(|(id, _)| id.clone())
    });
    let mut body = String::from("<header><h1>cfimg emulator</h1>");
    let Some(account) = chosen else {
        body.push_str(
            "<p>No images yet.</p></header><main><p>Upload some, for example \
             <code>cfimg images upload DIR</code> with <code>CLOUDFLARE_API_BASE_URL</code> \
             set to this emulator's <code>/client/v4</code> URL, then reload.</p></main>",
        );
        return page("cfimg emulator", &body);
    };
    let total = accounts
        .iter()
        .find(|(id, _)| *id == account)
        .map_or(0, |(_, n)| *n);
    let settings = st.store.settings(&account);
    let _ = write!(
        body,
        "<p>{total} image{} in account <code>{}</code> · account hash <code>{}</code> · \
         flexible variants {} · browser TTL {} s</p>",
        if total == 1 { "" } else { "s" },
        escape(&account),
        escape(&account_hash(&account)),
        if settings.flexible_variants {
            "on"
        } else {
            "off"
        },
        settings.browser_ttl,
    );
    if accounts.len() > 1 {
        body.push_str("<p>Accounts:");
        for (id, n) in &accounts {
            let _ = write!(
                body,
                " <a href=\"{}\"><code>{}</code></a> ({n})",
                link("/", &[("account", id)]),
                escape(id)
            );
        }
        body.push_str("</p>");
    }
    body.push_str("</header>\n<main class=\"grid\">\n");
    let before = param(&req, "before").and_then(|b| b.parse().ok());
    let (images, next) = st.store.newest_images(&account, before, PAGE_SIZE);
    for rec in &images {
        let image_page = link("/_gallery/image", &[("account", &account), ("id", &rec.id)]);
        let thumb = link("/_gallery/thumb", &[("account", &account), ("id", &rec.id)]);
        let _ = write!(
            body,
            "<figure><a class=\"frame\" href=\"{image_page}\"><img src=\"{thumb}\" alt=\"{}\"></a>\
             <figcaption><a href=\"{image_page}\"><code>{}</code></a><br>{}<br>\
             <time>{}</time> {}",
            escape(&rec.filename),
            escape(&rec.id),
            escape(&rec.filename),
            format_time(rec.uploaded),
            access_badge(rec),
        );
        if let Some(meta) = meta_text(rec) {
            let _ = write!(body, "<pre>{}</pre>", escape(&meta));
        }
        body.push_str("</figcaption></figure>\n");
    }
    body.push_str("</main>\n");
    if let Some(next) = next {
        let _ = writeln!(
            body,
            "<nav class=\"pages\"><a href=\"{}\">Older images →</a></nav>",
            link("/", &[("account", &account), ("before", &next.to_string())])
        );
    }
    page("cfimg emulator · gallery", &body)
}

/// `GET /_gallery/thumb?account=…&id=…`
pub async fn thumb(State(st): State<SharedState>, req: Request) -> Response {
    let (Some(account), Some(id)) = (param(&req, "account"), param(&req, "id")) else {
        return (StatusCode::NOT_FOUND, "no such image").into_response();
    };
    let accept = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    drop(req);
    delivery::thumbnail(&st, &account, &id, accept.as_deref()).await
}

/// `GET /_gallery/image?account=…&id=…`
pub async fn image(State(st): State<SharedState>, req: Request) -> Response {
    let (Some(account), Some(id)) = (param(&req, "account"), param(&req, "id")) else {
        return not_found();
    };
    drop(req);
    let Some((rec, blob)) = st.store.get_blob(&account, &id) else {
        return not_found();
    };
    let source = blob.read().await.ok();
    let input = Format::readable(&rec.content_type);
    let size = match (&source, input) {
        (Some(bytes), Some(format)) => transform::dimensions(bytes, format),
        _ => None,
    };
    let kept = match (&source, input) {
        (Some(bytes), Some(format)) => transform::kept_as_stored(bytes, format),
        _ => true,
    };
    let hash = account_hash(&account);
    let mut body = format!(
        "<header><h1>{}</h1><p><a href=\"{}\">← all images</a></p></header>\n<main>\n<dl>",
        escape(&rec.filename),
        link("/", &[("account", &account)])
    );
    let mut row = |name: &str, value: String| {
        let _ = write!(body, "<dt>{name}</dt><dd>{value}</dd>");
    };
    row("id", format!("<code>{}</code>", escape(&rec.id)));
    row("filename", escape(&rec.filename));
    row("uploaded", format_time(rec.uploaded));
    row("access", access_badge(&rec).to_string());
    row("type", escape(&rec.content_type));
    row("bytes", rec.size.to_string());
    if let Some((w, h)) = size {
        row("size", format!("{w} × {h}"));
    }
    if let Some(creator) = &rec.creator {
        row("creator", escape(creator));
    }
    if let Some(meta) = meta_text(&rec) {
        row("metadata", format!("<pre>{}</pre>", escape(&meta)));
    }
    body.push_str("</dl>\n<h2>Variants</h2>\n<div class=\"grid\">\n");
    let key = st.store.keys(&account).into_iter().next();
    let exp = jiff::Timestamp::now().as_second() + SIGNED_FOR_SECS;
    for (name, variant) in st.store.variants(&account) {
        let path = format!("{DELIVERY_PREFIX}{hash}/{}/{name}", delivery_id(&rec.id));
        let root_path = format!("/{hash}/{}/{name}", delivery_id(&rec.id));
        let signed = rec.require_signed_urls && !variant.never_require_signed_urls;
        let (src, root_src) = match (&key, signed) {
            (Some(k), true) => (
                delivery::sign(&path, exp, &k.value),
                delivery::sign(&root_path, exp, &k.value),
            ),
            _ => (path, root_path),
        };
        let o = &variant.options;
        let box_w = o.width.as_f64().unwrap_or(1.0).round() as u32;
        let box_h = o.height.as_f64().unwrap_or(1.0).round() as u32;
        let gives = match (size, o.fit.parse::<fit::Fit>(), kept) {
            (Some(s), Ok(f), false) => {
                let (w, h) = fit::plan(f, s, Some(box_w), Some(box_h)).output();
                format!("{w} × {h}")
            }
            _ => "as stored (not transformed)".to_string(),
        };
        let _ = writeln!(
            body,
            "<figure class=\"variant\"><div class=\"frame\"><img src=\"{}\" alt=\"{}\"></div>\
             <figcaption><b>{}</b>{} · fit {} into {box_w} × {box_h}, metadata {} → <b>{gives}</b>\
             <br>zone form: <code>{}{}</code><br>imagedelivery.net form: <code>{}{}</code>\
             </figcaption></figure>",
            escape(&src),
            escape(&name),
            escape(&name),
            if signed {
                " (signed URL, valid 1 h)"
            } else {
                ""
            },
            escape(&o.fit),
            escape(&o.metadata),
            escape(&st.origin),
            escape(&src),
            escape(&st.origin),
            escape(&root_src),
        );
    }
    body.push_str("</div>\n</main>\n");
    page(&format!("{} · cfimg emulator", rec.filename), &body)
}

fn not_found() -> Response {
    let mut r = page(
        "Not found · cfimg emulator",
        "<header><h1>No such image</h1><p><a href=\"/\">← all images</a></p></header>",
    );
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_input_cannot_open_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)">'&"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;"
        );
        assert_eq!(
            link("/_gallery/image", &[("id", "a/b&c\"<")]),
            "/_gallery/image?id=a%2Fb%26c%22%3C"
        );
    }
}
