//! Test-only strategies for property tests: arbitrary JSON values, the kind of input both the
//! envelope decoder (from servers) and the metadata parsers (from users) must survive.

use proptest::prelude::*;
use serde_json::Value;

/// Arbitrary JSON values, a few levels deep.
pub(crate) fn json_value() -> impl Strategy<Value = Value> {
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
