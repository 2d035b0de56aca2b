//! The Cloudflare response envelope, decoded once for every endpoint.
//!
//! Parsing is lenient where the API is known to vary (`messages`, `result` and `result_info`
//! may be missing or null; docs/api-notes.md#response-envelope) and strict where it matters: `success: false` is an error even on
//! HTTP 200, and a body that is not JSON becomes `UnexpectedResponse` with an excerpt.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

use super::error::{ApiError, ApiMessage};

#[derive(Deserialize)]
struct Envelope<T> {
    success: Option<bool>,
    #[serde(default)]
    errors: Option<Vec<ApiMessage>>,
    #[serde(default = "none")]
    result: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

/// Decode a response body into the envelope's `result`.
///
/// `Ok(None)` means a successful envelope whose `result` was missing or null.
pub fn decode<T: DeserializeOwned>(
    status: u16,
    content_type: &str,
    body: &[u8],
) -> Result<Option<T>, ApiError> {
    match serde_json::from_slice::<Envelope<T>>(body) {
        Ok(envelope) => {
            let errors = envelope.errors.unwrap_or_default();
            let success = envelope.success.unwrap_or((200..300).contains(&status));
            if success && (200..300).contains(&status) {
                Ok(envelope.result)
            } else {
                Err(api_error(status, errors))
            }
        }
        Err(shape_error) => {
            // Is it an envelope at all? Then either it reports a failure, or its `result` is
            // not what we expected.
            match serde_json::from_slice::<Envelope<IgnoredAny>>(body) {
                Ok(envelope)
                    if envelope.success == Some(false) || !(200..300).contains(&status) =>
                {
                    Err(api_error(status, envelope.errors.unwrap_or_default()))
                }
                Ok(_) => Err(ApiError::Decode {
                    status,
                    reason: shape_error.to_string(),
                }),
                Err(_) => Err(unexpected(status, content_type, body)),
            }
        }
    }
}

/// An error for an error status whose body is not worth decoding as a result.
pub fn decode_failure(status: u16, content_type: &str, body: &[u8]) -> ApiError {
    match serde_json::from_slice::<Envelope<IgnoredAny>>(body) {
        Ok(envelope) => api_error(status, envelope.errors.unwrap_or_default()),
        Err(_) => unexpected(status, content_type, body),
    }
}

fn api_error(status: u16, errors: Vec<ApiMessage>) -> ApiError {
    ApiError::Api {
        status,
        errors,
        retry_after: None,
        after_uncertain_attempt: false,
    }
}

fn unexpected(status: u16, content_type: &str, body: &[u8]) -> ApiError {
    ApiError::UnexpectedResponse {
        status,
        content_type: if content_type.is_empty() {
            "no content type".to_string()
        } else {
            content_type.to_string()
        },
        excerpt: excerpt(body),
    }
}

/// The start of a body as one short line: tags stripped, white space folded.
pub fn excerpt(body: &[u8]) -> String {
    // A bound on how much of an untrusted body reaches a message, so it counts chars, not
    // display columns as `text::truncate` does: a body of zero-width characters would
    // otherwise pass whole.
    const MAX_CHARS: usize = 120;
    let text = String::from_utf8_lossy(&body[..body.len().min(4096)]);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                plain.push(' ');
            }
            _ if in_tag => {}
            c if c.is_control() => plain.push(' '),
            c => plain.push(c),
        }
    }
    let folded = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        return "(empty body)".to_string();
    }
    let mut out: String = folded.chars().take(MAX_CHARS).collect();
    if folded.chars().count() > MAX_CHARS {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn ok(body: &str) -> Result<Option<Value>, ApiError> {
        decode::<Value>(200, "application/json", body.as_bytes())
    }

    #[test]
    fn a_full_success_envelope_yields_its_result() {
        let r = ok(r#"{"success":true,"errors":[],"messages":[],"result":{"id":"x"}}"#);
        assert_eq!(r.unwrap().unwrap()["id"], "x");
    }

    #[test]
    fn missing_or_null_optional_parts_are_fine() {
        assert!(
            ok(r#"{"success":true,"errors":[],"result":null}"#)
                .unwrap()
                .is_none()
        );
        assert!(ok(r#"{"success":true}"#).unwrap().is_none());
        let r =
            ok(r#"{"success":true,"errors":null,"messages":null,"result_info":null,"result":{}}"#);
        assert!(r.unwrap().is_some());
    }

    #[test]
    fn success_false_on_200_is_an_error() {
        let err = ok(r#"{"success":false,"errors":[{"code":5400,"message":"bad"}],"result":null}"#)
            .unwrap_err();
        match err {
            ApiError::Api { status, errors, .. } => {
                assert_eq!(status, 200);
                assert_eq!(errors[0].code, 5400);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn an_error_without_messages_or_result_is_read() {
        let body =
            r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"}]}"#;
        let err = decode::<Value>(403, "application/json", body.as_bytes()).unwrap_err();
        assert!(err.is_auth());
        assert_eq!(err.to_string(), "[10000] Authentication error (HTTP 403)");
    }

    #[test]
    fn the_auth_layer_s_400s_are_auth_errors() {
        for code in [9106, 6003, 6111] {
            let body = format!(r#"{{"success":false,"errors":[{{"code":{code},"message":"x"}}]}}"#);
            let err = decode::<Value>(400, "application/json", body.as_bytes()).unwrap_err();
            assert!(err.is_auth(), "{code}");
        }
        let other = r#"{"success":false,"errors":[{"code":5400,"message":"bad"}]}"#;
        let err = decode::<Value>(400, "application/json", other.as_bytes()).unwrap_err();
        assert!(!err.is_auth());
    }

    #[test]
    fn each_way_of_refusing_credentials_is_told_apart_and_shows_its_chain() {
        use crate::api::AuthRefusal;
        let refusal = |status: u16, body: &str| {
            decode::<Value>(status, "application/json", body.as_bytes())
                .unwrap_err()
                .auth_refusal()
        };
        let one = |code: i64| {
            format!(r#"{{"success":false,"errors":[{{"code":{code},"message":"x"}}]}}"#)
        };
        assert_eq!(refusal(400, &one(9106)), Some(AuthRefusal::Missing));
        assert_eq!(refusal(400, &one(6003)), Some(AuthRefusal::Malformed));
        assert_eq!(refusal(401, &one(10000)), Some(AuthRefusal::NotAccepted));
        assert_eq!(refusal(403, &one(10000)), Some(AuthRefusal::Refused));
        assert_eq!(refusal(403, &one(5403)), Some(AuthRefusal::Refused));
        assert_eq!(refusal(400, &one(10000)), Some(AuthRefusal::Refused));
        assert_eq!(refusal(400, &one(5455)), None);
        // 9106 and 6003 are the auth layer's only on a 400.
        assert_eq!(refusal(500, &one(9106)), None);

        let chained = r#"{"success":false,"errors":[{"code":6003,"message":"Invalid request headers","error_chain":[{"code":6111,"message":"Invalid format for Authorization header"}]}]}"#;
        let err = decode::<Value>(400, "application/json", chained.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "[6003] Invalid request headers ([6111] Invalid format for Authorization header) (HTTP 400)"
        );
    }

    #[test]
    fn html_is_an_unexpected_response_with_an_excerpt() {
        let body = "<html><head><title>502 Bad Gateway</title></head><body>oops</body></html>";
        let err = decode::<Value>(502, "text/html", body.as_bytes()).unwrap_err();
        match err {
            ApiError::UnexpectedResponse {
                status, excerpt, ..
            } => {
                assert_eq!(status, 502);
                assert_eq!(excerpt, "502 Bad Gateway oops");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn a_result_of_the_wrong_shape_is_a_decode_error() {
        #[derive(Debug, serde::Deserialize)]
        struct Needs {
            #[allow(dead_code)]
            id: String,
        }
        let err = decode::<Needs>(200, "application/json", br#"{"success":true,"result":[1]}"#)
            .unwrap_err();
        assert!(matches!(err, ApiError::Decode { .. }));
    }

    #[test]
    fn invalid_json_and_empty_bodies_do_not_panic() {
        assert!(matches!(
            ok("{\"success\":tru").unwrap_err(),
            ApiError::UnexpectedResponse { .. }
        ));
        assert!(matches!(
            ok("").unwrap_err(),
            ApiError::UnexpectedResponse { .. }
        ));
        assert_eq!(excerpt(b""), "(empty body)");
    }
}

/// Property tests: whatever a server sends, decoding never panics and excerpts stay short.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::api::images::Image;
    use crate::arbitrary::json_value;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Bodies shaped like envelopes, more likely to reach the decoder's deeper paths.
    fn envelope_like() -> impl Strategy<Value = Vec<u8>> {
        (
            prop::option::of(json_value()),
            prop::option::of(json_value()),
            prop::option::of(json_value()),
        )
            .prop_map(|(success, errors, result)| {
                let mut map = serde_json::Map::new();
                if let Some(v) = success {
                    map.insert("success".into(), v);
                }
                if let Some(v) = errors {
                    map.insert("errors".into(), v);
                }
                if let Some(v) = result {
                    map.insert("result".into(), v);
                }
                Value::Object(map).to_string().into_bytes()
            })
    }

    fn any_body() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            ".{0,256}".prop_map(String::into_bytes),
            json_value().prop_map(|v| v.to_string().into_bytes()),
            envelope_like(),
        ]
    }

    #[test]
    fn the_excerpt_of_a_body_that_once_failed_is_one_short_line() {
        // A case proptest found once (NUL bytes and a stray continuation byte).
        let mut body = vec![204, 128, 0, 33, 0, 33, 61, 33, 0, 128, 0, 61];
        body.extend(std::iter::repeat_n([0u8, 33], 40).flatten());
        body.extend([
            56, 248, 5, 104, 95, 183, 139, 116, 250, 4, 92, 71, 230, 201, 150, 166,
        ]);
        let text = excerpt(&body);
        assert!(text.chars().count() <= 121 && !text.contains('\n') && !text.is_empty());
    }

    proptest! {
    #[test]
    fn the_envelope_decoder_never_panics(
        status in 100u16..600,
        content_type in prop_oneof![Just(""), Just("application/json"), Just("text/html")],
        body in any_body(),
    ) {
        let value = decode::<Value>(status, content_type, &body);
        if value.is_ok() {
            // Only a 2xx answer can be a success.
            prop_assert!((200..300).contains(&status));
        }
        let _ = decode::<Image>(status, content_type, &body);
        let _ = decode::<serde::de::IgnoredAny>(status, content_type, &body);
        let error = decode_failure(status, content_type, &body);
        prop_assert!(!error.to_string().is_empty());
    }

    #[test]
    fn excerpts_are_short_single_lines(body in any_body()) {
        let text = excerpt(&body);
        prop_assert!(text.chars().count() <= 121);
        prop_assert!(!text.contains('\n'));
        prop_assert!(!text.is_empty());
    }
    }
}
