//! The emulator on the wire, through real HTTP requests: envelopes, field spellings,
//! validations, the API's errors, rate-limit headers, pagination, variants, keys, direct
//! uploads, the batch host, delivery with signed URLs, faults and persistence. One module per area; the helpers they share are below.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use cfimg_emulator::{self as emulator, EmulatorConfig, Faults, RateLimit, RunningEmulator};
use hmac::{Hmac, Mac};
use reqwest::blocking::multipart::{Form, Part};
use reqwest::blocking::{Client, Response};
use serde_json::{Value, json};
use sha2::Sha256;

mod batch;
mod delivery;
mod direct_upload;
mod envelope;
mod errors;
mod faults;
mod flexible;
mod listing;
mod persistence;
mod rate_limits;
mod transformations;
mod update;
mod upload;
mod variants_and_keys;

const ACC: &str = "023e105f4ecef8ad9ca31a8372d0c353";
const TOKEN: &str = "test-token";

fn start(config: EmulatorConfig) -> RunningEmulator {
    emulator::start(config, "127.0.0.1:0".parse().unwrap()).expect("emulator starts")
}

fn emu() -> RunningEmulator {
    start(EmulatorConfig::default())
}

fn client() -> Client {
    Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

fn url(e: &RunningEmulator, rest: &str) -> String {
    format!("{}/accounts/{ACC}/images/{rest}", e.base_url())
}

fn get(c: &Client, u: &str) -> Response {
    c.get(u).bearer_auth(TOKEN).send().unwrap()
}

fn json_of(r: Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let body = r.json::<Value>().expect("JSON body");
    (status, body)
}

/// Asserts the failure envelope and returns (code, message).
fn failure(status: u16, body: &Value) -> (u64, String) {
    assert!(
        status >= 400,
        "expected an error status, got {status}: {body}"
    );
    assert_eq!(body["success"], false, "{body}");
    assert_eq!(body["messages"], json!([]), "{body}");
    assert!(body["result"].is_null(), "{body}");
    let errors = body["errors"].as_array().expect("errors array");
    assert!(!errors.is_empty());
    (
        errors[0]["code"].as_u64().unwrap(),
        errors[0]["message"].as_str().unwrap().to_string(),
    )
}

/// Asserts the success envelope and returns the result.
fn success(status: u16, body: Value) -> Value {
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["success"], true, "{body}");
    assert_eq!(body["errors"], json!([]));
    assert_eq!(body["messages"], json!([]));
    body["result"].clone()
}

/// A valid 1x1 GIF.
fn gif() -> Vec<u8> {
    let mut g = b"GIF89a".to_vec();
    g.extend_from_slice(&[1, 0, 1, 0, 0x80, 0, 0]); // screen 1x1, 2-colour table
    g.extend_from_slice(&[0, 0, 0, 0xFF, 0xFF, 0xFF]); // black, white
    g.extend_from_slice(&[0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]); // image descriptor
    g.extend_from_slice(&[2, 2, 0x44, 0x01, 0, 0x3B]); // LZW data, trailer
    g
}

fn file_part(bytes: Vec<u8>, name: &str) -> Part {
    Part::bytes(bytes)
        .file_name(name.to_string())
        .mime_str("application/octet-stream")
        .unwrap()
}

fn upload_form(c: &Client, e: &RunningEmulator, form: Form) -> (u16, Value) {
    json_of(
        c.post(url(e, "v1"))
            .bearer_auth(TOKEN)
            .multipart(form)
            .send()
            .unwrap(),
    )
}

/// Uploads a PNG and returns the Image object.
fn upload(c: &Client, e: &RunningEmulator, shade: u8, extra: &[(&str, &str)]) -> Value {
    let mut form = Form::new().part("file", file_part(png(shade), "pixel.png"));
    for (k, v) in extra {
        form = form.text(k.to_string(), v.to_string());
    }
    let (s, b) = upload_form(c, e, form);
    success(s, b)
}

fn enc(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn sign(path: &str, exp: i64, key: &str) -> String {
    let to_sign = format!("{path}?exp={exp}");
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    let sig: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{path}?exp={exp}&sig={sig}")
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn list_ids(page: &Value) -> Vec<String> {
    page["images"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

fn success_of(r: Response) -> Value {
    let (s, b) = json_of(r);
    success(s, b)
}

/// A valid 1x1 PNG, distinct for each `shade`.
fn png(shade: u8) -> Vec<u8> {
    cfimg_emulator::sample::png(u32::from(shade))
}
