//! Property tests: the code that reads what users and servers hand us never panics, whatever
//! the input, and what it accepts keeps the rules it promises.

use cfimg::api::envelope::{decode, decode_failure, excerpt};
use cfimg::api::images::Image;
use cfimg::image_id::{
    MAX_CUSTOM_ID_CHARS, api_path_segment, delivery_path, is_uuid, validate_custom_id,
};
use cfimg::metadata::{MAX_METADATA_BYTES, compact_json, parse_filter, parse_json, parse_pairs};
use proptest::prelude::*;
use serde_json::Value;

/// Arbitrary JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("success".to_string()),
                    Just("errors".to_string()),
                    Just("result".to_string()),
                    Just("code".to_string()),
                    Just("message".to_string()),
                    Just("id".to_string()),
                    ".{0,8}".prop_map(String::from),
                ],
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

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

    #[test]
    fn metadata_json_never_panics_and_what_passes_fits(text in prop_oneof![
        ".{0,64}",
        json_value().prop_map(|v| v.to_string()),
        ".{0,1100}".prop_map(|s| format!("{{\"k\":{}}}", Value::String(s))),
    ]) {
        if let Ok(map) = parse_json(&text) {
            prop_assert!(compact_json(&map).len() <= MAX_METADATA_BYTES);
        }
    }

    #[test]
    fn metadata_pairs_never_panic_and_what_passes_fits(pairs in prop::collection::vec(
        prop_oneof![
            ".{0,24}",
            "[a-z]{1,6}=.{0,12}",
            "[a-z]{1,6}:=.{0,12}",
            ("[a-z]{1,6}", json_value()).prop_map(|(k, v)| format!("{k}:={v}")),
        ],
        0..8,
    )) {
        if let Ok(map) = parse_pairs(&pairs) {
            prop_assert!(compact_json(&map).len() <= MAX_METADATA_BYTES);
        }
    }

    #[test]
    fn list_filters_never_panic(text in prop_oneof![".{0,40}", "[a-z.]{0,8}\\[[a-z:]{0,10}\\]=.{0,12}"]) {
        let _ = parse_filter(&text);
    }

    #[test]
    fn id_validation_never_panics_and_accepted_ids_keep_the_rules(id in prop_oneof![
        ".{0,40}",
        "[a-z0-9/]{0,12}",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        ".{1020,1030}",
    ]) {
        if validate_custom_id(&id).is_ok() {
            prop_assert!(!id.is_empty());
            prop_assert!(id.chars().count() <= MAX_CUSTOM_ID_CHARS);
            prop_assert!(!id.starts_with('/') && !id.ends_with('/'));
            prop_assert!(!is_uuid(&id));
            prop_assert!(!id.chars().any(char::is_control));
        }
        // Whatever the id, it is one path segment in API paths and a clean delivery path.
        let segment = api_path_segment(&id);
        prop_assert!(!segment.contains('/') && !segment.contains('?') && !segment.contains('#'));
        let path = delivery_path(&id);
        prop_assert!(!path.contains('?') && !path.contains('#') && !path.contains(' '));
    }
}
