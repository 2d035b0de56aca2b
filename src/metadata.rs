//! User metadata (parsing it from JSON or `key=value` arguments, its size limit, its wire form)
//! and the metadata filters of the v2 image listing.

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

/// The API rejects metadata over 1024 bytes (docs/api-notes.md#limits). We measure the compact
/// JSON, which is exactly what we send (see [`compact_json`]).
pub const MAX_METADATA_BYTES: usize = 1024;

/// User metadata: a JSON object. (`serde_json`'s map keeps keys sorted, so output is stable.)
pub type Metadata = serde_json::Map<String, Value>;

/// Why metadata given by the user cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MetadataError {
    #[error("metadata is not valid JSON ({reason}); give an object such as {{\"key\":\"value\"}}")]
    InvalidJson { reason: String },
    #[error("metadata must be a JSON object such as {{\"key\":\"value\"}}, not {found}")]
    NotAnObject { found: &'static str },
    #[error(
        "metadata is {bytes} bytes as compact JSON; the API allows at most {MAX_METADATA_BYTES}"
    )]
    TooLarge { bytes: usize },
    #[error(
        "metadata argument {arg:?} has no '='; write key=value (text) or key:=json (e.g. n:=5)"
    )]
    MissingEquals { arg: String },
    #[error("metadata argument {arg:?} has an empty key; write key=value or key:=json")]
    EmptyKey { arg: String },
    #[error("metadata key {key:?} is given more than once; give each key once")]
    DuplicateKey { key: String },
    #[error("metadata key {key:?} is both set and unset; give it one of the two")]
    SetAndUnset { key: String },
    #[error(
        "the image's metadata is {found}, not a JSON object, so keys cannot be merged into it; replace it whole with --metadata"
    )]
    CurrentNotAnObject { found: &'static str },
    #[error(
        "metadata argument {arg:?} is not valid JSON after ':=' ({reason}); for plain text write key=value instead"
    )]
    InvalidPairJson { arg: String, reason: String },
}

/// Parses metadata given as JSON text; it must be an object within [`MAX_METADATA_BYTES`].
pub fn parse_json(text: &str) -> Result<Metadata, MetadataError> {
    let value: Value = serde_json::from_str(text).map_err(|e| MetadataError::InvalidJson {
        reason: e.to_string(),
    })?;
    match value {
        Value::Object(map) => {
            check_size(&map)?;
            Ok(map)
        }
        other => Err(MetadataError::NotAnObject {
            found: json_kind(&other),
        }),
    }
}

/// Parses metadata given as command-line pairs: `key=value` stores the value as a JSON string,
/// `key:=json` parses the value as JSON (`n:=5`, `ok:=true`, `tags:=["a","b"]`), so numbers and
/// booleans can be stored with their type, which the list filters care about.
pub fn parse_pairs(pairs: &[String]) -> Result<Metadata, MetadataError> {
    let mut map = Metadata::new();
    for arg in pairs {
        let Some(eq) = arg.find('=') else {
            return Err(MetadataError::MissingEquals { arg: arg.clone() });
        };
        let (left, raw) = (&arg[..eq], &arg[eq + 1..]);
        let (key, value) = match left.strip_suffix(':') {
            Some(key) => {
                let value =
                    serde_json::from_str(raw).map_err(|e| MetadataError::InvalidPairJson {
                        arg: arg.clone(),
                        reason: e.to_string(),
                    })?;
                (key, value)
            }
            None => (left, Value::String(raw.to_owned())),
        };
        if key.is_empty() {
            return Err(MetadataError::EmptyKey { arg: arg.clone() });
        }
        if map.contains_key(key) {
            return Err(MetadataError::DuplicateKey {
                key: key.to_owned(),
            });
        }
        map.insert(key.to_owned(), value);
    }
    check_size(&map)?;
    Ok(map)
}

/// Merges changes into an image's metadata: `set` adds or replaces keys, `unset` removes them
/// (a key that is not there is already as asked). The result must fit the size limit, since it
/// is what will be sent. `current` is the metadata as the API returned it, if any.
pub fn merge(
    current: Option<&Value>,
    set: Metadata,
    unset: &[String],
) -> Result<Metadata, MetadataError> {
    let mut merged = match current {
        None | Some(Value::Null) => Metadata::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(other) => {
            return Err(MetadataError::CurrentNotAnObject {
                found: json_kind(other),
            });
        }
    };
    for key in unset {
        if set.contains_key(key) {
            return Err(MetadataError::SetAndUnset { key: key.clone() });
        }
        merged.remove(key);
    }
    merged.extend(set);
    check_size(&merged)?;
    Ok(merged)
}

/// The metadata as sent on the wire: compact JSON, one form field
/// (docs/api-notes.md#requests-on-the-wire).
pub fn compact_json(m: &Metadata) -> String {
    // Serialising a map of JSON values cannot fail: keys are strings and values are valid JSON.
    serde_json::to_string(m).expect("a JSON map always serialises")
}

fn check_size(m: &Metadata) -> Result<(), MetadataError> {
    let bytes = compact_json(m).len();
    if bytes > MAX_METADATA_BYTES {
        return Err(MetadataError::TooLarge { bytes });
    }
    Ok(())
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

// ---------------------------------------------------------------------------------------------
// List filters (docs/api-notes.md#listing)

/// At most 5 filters per request.
pub const MAX_FILTERS: usize = 5;
/// At most 5 levels in a field path (`a.b.c.d.e`).
pub const MAX_FIELD_DEPTH: usize = 5;
/// At most 10 values for the `in` operators.
pub const MAX_IN_VALUES: usize = 10;

/// A metadata filter operator, exactly as the API spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterOp {
    Eq,
    EqString,
    EqNumber,
    EqBoolean,
    Gt,
    GtNumber,
    Gte,
    GteNumber,
    Lt,
    LtNumber,
    Lte,
    LteNumber,
    In,
    InString,
    InNumber,
}

impl FilterOp {
    /// Every operator, in the order they are listed in messages.
    pub const ALL: [FilterOp; 15] = [
        FilterOp::Eq,
        FilterOp::EqString,
        FilterOp::EqNumber,
        FilterOp::EqBoolean,
        FilterOp::Gt,
        FilterOp::GtNumber,
        FilterOp::Gte,
        FilterOp::GteNumber,
        FilterOp::Lt,
        FilterOp::LtNumber,
        FilterOp::Lte,
        FilterOp::LteNumber,
        FilterOp::In,
        FilterOp::InString,
        FilterOp::InNumber,
    ];

    /// The operator as it appears on the wire, inside `meta.<field>[<op>]`.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterOp::Eq => "eq",
            FilterOp::EqString => "eq:string",
            FilterOp::EqNumber => "eq:number",
            FilterOp::EqBoolean => "eq:boolean",
            FilterOp::Gt => "gt",
            FilterOp::GtNumber => "gt:number",
            FilterOp::Gte => "gte",
            FilterOp::GteNumber => "gte:number",
            FilterOp::Lt => "lt",
            FilterOp::LtNumber => "lt:number",
            FilterOp::Lte => "lte",
            FilterOp::LteNumber => "lte:number",
            FilterOp::In => "in",
            FilterOp::InString => "in:string",
            FilterOp::InNumber => "in:number",
        }
    }

    fn is_list(self) -> bool {
        matches!(self, FilterOp::In | FilterOp::InString | FilterOp::InNumber)
    }

    /// Whether each value must be a number: the range operators are numeric only, whatever
    /// their suffix, and the `:number` ones say so.
    fn needs_number(self) -> bool {
        matches!(
            self,
            FilterOp::EqNumber
                | FilterOp::Gt
                | FilterOp::GtNumber
                | FilterOp::Gte
                | FilterOp::GteNumber
                | FilterOp::Lt
                | FilterOp::LtNumber
                | FilterOp::Lte
                | FilterOp::LteNumber
                | FilterOp::InNumber
        )
    }
}

impl fmt::Display for FilterOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FilterOp {
    type Err = FilterError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FilterOp::ALL
            .into_iter()
            .find(|op| op.as_str() == s)
            .ok_or_else(|| FilterError::UnknownOp { op: s.to_owned() })
    }
}

fn allowed_ops() -> String {
    FilterOp::ALL.map(FilterOp::as_str).join(", ")
}

/// One metadata filter: `field` is a dotted path into the metadata (without the `meta.` the
/// wire adds), `value` is the raw text sent (for `in` operators, `|`-separated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaFilter {
    pub field: String,
    pub op: FilterOp,
    pub value: String,
}

impl MetaFilter {
    /// The query parameter for this filter: (`meta.<field>[<op>]`, value), not yet
    /// percent-encoded.
    pub fn query_pair(&self) -> (String, String) {
        (
            format!("meta.{}[{}]", self.field, self.op),
            self.value.clone(),
        )
    }
}

/// Why a metadata filter cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("filter {arg:?} has no '='; write key=value or key[op]=value, e.g. size[gt]=100")]
    MissingEquals { arg: String },
    #[error("filter {arg:?} has no field name before the operator; write key[op]=value")]
    EmptyField { arg: String },
    #[error("filter {arg:?} has a malformed operator; write key[op]=value, e.g. size[gt]=100")]
    MalformedOp { arg: String },
    #[error("unknown filter operator {op:?}; use one of: {}", allowed_ops())]
    UnknownOp { op: String },
    #[error(
        "filter field {field:?} has an empty part; write parts separated by single dots, e.g. a.b.c"
    )]
    EmptyFieldPart { field: String },
    #[error("filter field {field:?} has {depth} levels; the API allows at most {MAX_FIELD_DEPTH}")]
    TooDeep { field: String, depth: usize },
    #[error("filter field {field:?} contains {found:?}, which cannot be used in a field name")]
    BadFieldCharacter { field: String, found: char },
    #[error("filter operator {op} needs a number, but got {value:?}")]
    NotANumber { op: FilterOp, value: String },
    #[error("filter operator eq:boolean needs true or false, but got {value:?}")]
    NotABoolean { value: String },
    #[error("filter operator {op} has {count} values; the API allows at most {MAX_IN_VALUES}")]
    TooManyValues { op: FilterOp, count: usize },
    #[error(
        "filter operator {op} has an empty value in {value:?}; separate values with single '|'"
    )]
    EmptyListValue { op: FilterOp, value: String },
    #[error("{count} metadata filters given; the API allows at most {MAX_FILTERS}")]
    TooManyFilters { count: usize },
}

/// Parses `key[op]=value`, or the short `key=value` meaning `key[eq]=value`.
pub fn parse_filter(s: &str) -> Result<MetaFilter, FilterError> {
    let Some(eq) = s.find('=') else {
        return Err(FilterError::MissingEquals { arg: s.to_owned() });
    };
    let (left, value) = (&s[..eq], &s[eq + 1..]);
    let (field, op) = match left.find('[') {
        Some(open) => {
            let Some(op) = left[open + 1..].strip_suffix(']') else {
                return Err(FilterError::MalformedOp { arg: s.to_owned() });
            };
            (&left[..open], op.parse::<FilterOp>()?)
        }
        None => (left, FilterOp::Eq),
    };
    if field.is_empty() {
        return Err(FilterError::EmptyField { arg: s.to_owned() });
    }
    check_field(field)?;
    check_value(op, value)?;
    Ok(MetaFilter {
        field: field.to_owned(),
        op,
        value: value.to_owned(),
    })
}

/// Checks a whole set of filters against the per-request limit.
pub fn validate_filters(filters: &[MetaFilter]) -> Result<(), FilterError> {
    if filters.len() > MAX_FILTERS {
        return Err(FilterError::TooManyFilters {
            count: filters.len(),
        });
    }
    Ok(())
}

fn check_field(field: &str) -> Result<(), FilterError> {
    // Brackets would make `meta.<field>[<op>]` ambiguous; controls cannot be meant.
    if let Some(found) = field
        .chars()
        .find(|c| matches!(c, '[' | ']') || c.is_control())
    {
        return Err(FilterError::BadFieldCharacter {
            field: field.to_owned(),
            found,
        });
    }
    let parts: Vec<&str> = field.split('.').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return Err(FilterError::EmptyFieldPart {
            field: field.to_owned(),
        });
    }
    if parts.len() > MAX_FIELD_DEPTH {
        return Err(FilterError::TooDeep {
            field: field.to_owned(),
            depth: parts.len(),
        });
    }
    Ok(())
}

fn check_value(op: FilterOp, value: &str) -> Result<(), FilterError> {
    let values: Vec<&str> = if op.is_list() {
        let values: Vec<&str> = value.split('|').collect();
        if values.len() > MAX_IN_VALUES {
            return Err(FilterError::TooManyValues {
                op,
                count: values.len(),
            });
        }
        if values.iter().any(|v| v.is_empty()) {
            return Err(FilterError::EmptyListValue {
                op,
                value: value.to_owned(),
            });
        }
        values
    } else {
        vec![value]
    };
    for v in values {
        if op.needs_number() && !is_json_number(v) {
            return Err(FilterError::NotANumber {
                op,
                value: v.to_owned(),
            });
        }
        if op == FilterOp::EqBoolean && !matches!(v, "true" | "false") {
            return Err(FilterError::NotABoolean {
                value: v.to_owned(),
            });
        }
    }
    Ok(())
}

/// Whether `s` is a number in JSON syntax (`-12`, `3.5`, `1e3`). Metadata values are JSON, so
/// this is the one number syntax the server can be expected to compare against; it rejects
/// `NaN`, `inf`, `0x10`, `+1` and surrounding spaces.
fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'-') {
        i += 1;
    }
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn merge_keeps_what_it_is_not_told_to_change() {
        let current = json!({"keep": 1, "change": "old", "drop": true});
        let set = parse_pairs(&strings(&["change=new", "add:=[1,2]"])).unwrap();
        let merged = merge(Some(&current), set, &strings(&["drop", "absent"])).unwrap();
        assert_eq!(
            Value::Object(merged),
            json!({"keep": 1, "change": "new", "add": [1, 2]})
        );
        assert_eq!(merge(None, Metadata::new(), &[]).unwrap(), Metadata::new());
        assert_eq!(
            merge(Some(&Value::Null), Metadata::new(), &strings(&["x"])).unwrap(),
            Metadata::new()
        );
    }

    #[test]
    fn merge_checks_the_limit_on_the_result_and_refuses_contradictions() {
        let current = json!({"big": "x".repeat(1000)});
        let set = parse_pairs(&strings(&["more=0123456789012345678901234567890"])).unwrap();
        assert!(matches!(
            merge(Some(&current), set.clone(), &[]),
            Err(MetadataError::TooLarge { .. })
        ));
        // Removing the large value first makes room.
        assert!(merge(Some(&current), set, &strings(&["big"])).is_ok());
        let set = parse_pairs(&strings(&["k=v"])).unwrap();
        assert_eq!(
            merge(None, set, &strings(&["k"])),
            Err(MetadataError::SetAndUnset { key: "k".into() })
        );
        assert!(matches!(
            merge(Some(&json!("text")), Metadata::new(), &[]),
            Err(MetadataError::CurrentNotAnObject { .. })
        ));
    }

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_a_json_object() {
        let m = parse_json(r#" { "b": 1, "a": {"x": [true, null]} } "#).unwrap();
        assert_eq!(m["b"], json!(1));
        assert_eq!(compact_json(&m), r#"{"a":{"x":[true,null]},"b":1}"#);
        assert_eq!(parse_json("{}").unwrap().len(), 0);
    }

    #[test]
    fn rejects_json_that_is_not_an_object() {
        for (text, kind) in [
            ("[]", "an array"),
            ("3", "a number"),
            ("\"s\"", "a string"),
            ("null", "null"),
            ("true", "a boolean"),
        ] {
            assert_eq!(
                parse_json(text),
                Err(MetadataError::NotAnObject { found: kind })
            );
        }
        let err = parse_json("[1]").unwrap_err().to_string();
        assert_eq!(
            err,
            r#"metadata must be a JSON object such as {"key":"value"}, not an array"#
        );
        assert!(matches!(
            parse_json("{oops"),
            Err(MetadataError::InvalidJson { .. })
        ));
        assert!(matches!(
            parse_json(""),
            Err(MetadataError::InvalidJson { .. })
        ));
    }

    #[test]
    fn size_limit_is_on_the_compact_serialisation() {
        // {"k":"…"} has 8 bytes of framing.
        let fits = format!(r#"{{"k":"{}"}}"#, "v".repeat(MAX_METADATA_BYTES - 8));
        assert_eq!(
            parse_json(&fits).unwrap()["k"].as_str().unwrap().len(),
            1016
        );
        let over = format!(r#"{{"k":"{}"}}"#, "v".repeat(MAX_METADATA_BYTES - 7));
        assert_eq!(
            parse_json(&over),
            Err(MetadataError::TooLarge { bytes: 1025 })
        );
        assert_eq!(
            parse_json(&over).unwrap_err().to_string(),
            "metadata is 1025 bytes as compact JSON; the API allows at most 1024"
        );
        // Whitespace in the input does not count against the limit.
        let padded = format!(
            "{{ \"k\" :\n   \"{}\"   }}",
            "v".repeat(MAX_METADATA_BYTES - 8)
        );
        assert!(parse_json(&padded).is_ok());
        // Multi-byte characters count as their UTF-8 bytes.
        let wide = format!(r#"{{"k":"{}"}}"#, "é".repeat(509));
        assert_eq!(
            parse_json(&wide),
            Err(MetadataError::TooLarge { bytes: 1026 })
        );
    }

    #[test]
    fn parses_pairs_as_strings_or_json() {
        let m = parse_pairs(&strings(&[
            "title=Summer sale",
            "n:=5",
            "ok:=true",
            "tags:=[\"a\",\"b\"]",
            "expr=a=b",
            "empty=",
            "url=https://x.test/?q=1",
            "ratio:=0.5",
            "a:b=c",
        ]))
        .unwrap();
        assert_eq!(m["title"], json!("Summer sale"));
        assert_eq!(m["n"], json!(5));
        assert_eq!(m["ok"], json!(true));
        assert_eq!(m["tags"], json!(["a", "b"]));
        assert_eq!(m["expr"], json!("a=b"));
        assert_eq!(m["empty"], json!(""));
        assert_eq!(m["url"], json!("https://x.test/?q=1"));
        assert_eq!(m["ratio"], json!(0.5));
        assert_eq!(m["a:b"], json!("c"));
        // A number given with '=' stays text: that is the difference between the two forms.
        assert_eq!(parse_pairs(&strings(&["n=5"])).unwrap()["n"], json!("5"));
        assert!(parse_pairs(&[]).unwrap().is_empty());
    }

    #[test]
    fn pair_errors_name_the_argument() {
        let err = parse_pairs(&strings(&["a=1", "oops"])).unwrap_err();
        assert_eq!(err, MetadataError::MissingEquals { arg: "oops".into() });
        assert_eq!(
            err.to_string(),
            r#"metadata argument "oops" has no '='; write key=value (text) or key:=json (e.g. n:=5)"#
        );
        assert_eq!(
            parse_pairs(&strings(&["=x"])),
            Err(MetadataError::EmptyKey { arg: "=x".into() })
        );
        assert_eq!(
            parse_pairs(&strings(&[":=1"])),
            Err(MetadataError::EmptyKey { arg: ":=1".into() })
        );
        let err = parse_pairs(&strings(&["a=1", "a:=2"])).unwrap_err();
        assert_eq!(err, MetadataError::DuplicateKey { key: "a".into() });
        assert_eq!(
            err.to_string(),
            r#"metadata key "a" is given more than once; give each key once"#
        );
        let err = parse_pairs(&strings(&["n:=five"])).unwrap_err();
        assert!(matches!(err, MetadataError::InvalidPairJson { ref arg, .. } if arg == "n:=five"));
        assert!(err.to_string().contains("for plain text write key=value"));
    }

    #[test]
    fn pairs_are_size_checked() {
        let big = format!("k={}", "v".repeat(MAX_METADATA_BYTES));
        assert!(matches!(
            parse_pairs(&[big]),
            Err(MetadataError::TooLarge { bytes: 1032 })
        ));
        let halves = [
            format!("a={}", "v".repeat(510)),
            format!("b={}", "v".repeat(510)),
        ];
        assert!(matches!(
            parse_pairs(&halves),
            Err(MetadataError::TooLarge { .. })
        ));
    }

    #[test]
    fn parses_filters_in_both_forms() {
        let f = parse_filter("color=red").unwrap();
        assert_eq!(
            f,
            MetaFilter {
                field: "color".into(),
                op: FilterOp::Eq,
                value: "red".into()
            }
        );
        assert_eq!(
            f.query_pair(),
            ("meta.color[eq]".to_string(), "red".to_string())
        );
        let f = parse_filter("a.b.c[gte:number]=-1.5e3").unwrap();
        assert_eq!((f.field.as_str(), f.op), ("a.b.c", FilterOp::GteNumber));
        assert_eq!(f.query_pair().0, "meta.a.b.c[gte:number]");
        let f = parse_filter("tag[in]=a|b|c").unwrap();
        assert_eq!((f.op, f.value.as_str()), (FilterOp::In, "a|b|c"));
        // The value may itself contain '=' and brackets.
        let f = parse_filter("q[eq:string]=x=[y]").unwrap();
        assert_eq!(f.value, "x=[y]");
        assert_eq!(parse_filter("k=").unwrap().value, "");
        assert_eq!(
            parse_filter("ok[eq:boolean]=false").unwrap().op,
            FilterOp::EqBoolean
        );
        assert_eq!(parse_filter("a.b.c.d.e[lt]=0").unwrap().field, "a.b.c.d.e");
    }

    #[test]
    fn every_api_operator_parses_and_round_trips() {
        for op in FilterOp::ALL {
            assert_eq!(op.as_str().parse::<FilterOp>(), Ok(op));
            let value = if op == FilterOp::EqBoolean {
                "true"
            } else {
                "1"
            };
            let f = parse_filter(&format!("k[{op}]={value}")).unwrap();
            assert_eq!(f.op, op);
            assert_eq!(f.query_pair().0, format!("meta.k[{}]", op.as_str()));
        }
    }

    #[test]
    fn unknown_operator_lists_the_allowed_ones() {
        let err = parse_filter("k[not-eq]=1").unwrap_err();
        assert_eq!(
            err,
            FilterError::UnknownOp {
                op: "not-eq".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "unknown filter operator \"not-eq\"; use one of: eq, eq:string, eq:number, eq:boolean, \
             gt, gt:number, gte, gte:number, lt, lt:number, lte, lte:number, in, in:string, in:number"
        );
        assert!(matches!(
            parse_filter("k[EQ]=1"),
            Err(FilterError::UnknownOp { .. })
        ));
        assert!(matches!(
            parse_filter("k[]=1"),
            Err(FilterError::UnknownOp { .. })
        ));
    }

    #[test]
    fn rejects_malformed_filters() {
        assert!(matches!(
            parse_filter("color"),
            Err(FilterError::MissingEquals { .. })
        ));
        assert!(matches!(
            parse_filter("=x"),
            Err(FilterError::EmptyField { .. })
        ));
        assert!(matches!(
            parse_filter("[eq]=x"),
            Err(FilterError::EmptyField { .. })
        ));
        assert!(matches!(
            parse_filter("k[eq=x"),
            Err(FilterError::MalformedOp { .. })
        ));
        assert!(matches!(
            parse_filter("k[eq]x=1"),
            Err(FilterError::MalformedOp { .. })
        ));
        assert!(matches!(
            parse_filter("k]=1"),
            Err(FilterError::BadFieldCharacter { found: ']', .. })
        ));
        assert!(matches!(
            parse_filter("a..b=1"),
            Err(FilterError::EmptyFieldPart { .. })
        ));
        assert!(matches!(
            parse_filter(".a=1"),
            Err(FilterError::EmptyFieldPart { .. })
        ));
        let err = parse_filter("a.b.c.d.e.f=1").unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"filter field "a.b.c.d.e.f" has 6 levels; the API allows at most 5"#
        );
    }

    #[test]
    fn checks_values_against_the_operator() {
        for op in [
            "gt",
            "gte",
            "lt",
            "lte",
            "gt:number",
            "eq:number",
            "lte:number",
        ] {
            let err = parse_filter(&format!("k[{op}]=abc")).unwrap_err();
            assert!(matches!(err, FilterError::NotANumber { .. }), "{op}");
        }
        assert_eq!(
            parse_filter("k[gt]=ten").unwrap_err().to_string(),
            r#"filter operator gt needs a number, but got "ten""#
        );
        for bad in [
            "", " 1", "1 ", "+1", "01", "1.", ".5", "1e", "NaN", "inf", "0x1f", "--1",
        ] {
            assert!(
                matches!(
                    parse_filter(&format!("k[gt]={bad}")),
                    Err(FilterError::NotANumber { .. })
                ),
                "{bad:?}"
            );
        }
        for good in ["0", "-0", "12", "-3.25", "1e9", "2.5E-3", "7e+2"] {
            assert!(parse_filter(&format!("k[lt]={good}")).is_ok(), "{good:?}");
        }
        assert_eq!(
            parse_filter("k[eq:boolean]=yes"),
            Err(FilterError::NotABoolean {
                value: "yes".into()
            })
        );
        assert!(parse_filter("k[eq:boolean]=True").is_err());
        // Plain eq and eq:string take any text.
        assert!(parse_filter("k[eq]=abc").is_ok());
        assert!(parse_filter("k[eq:string]=12").is_ok());
    }

    #[test]
    fn checks_in_lists() {
        assert!(parse_filter("k[in:number]=1|2|3").is_ok());
        assert!(matches!(
            parse_filter("k[in:number]=1|two"),
            Err(FilterError::NotANumber { ref value, .. }) if value == "two"
        ));
        let ten = ["v"; 10].join("|");
        assert!(parse_filter(&format!("k[in]={ten}")).is_ok());
        let eleven = ["v"; 11].join("|");
        let err = parse_filter(&format!("k[in:string]={eleven}")).unwrap_err();
        assert_eq!(
            err,
            FilterError::TooManyValues {
                op: FilterOp::InString,
                count: 11
            }
        );
        assert_eq!(
            err.to_string(),
            "filter operator in:string has 11 values; the API allows at most 10"
        );
        assert!(matches!(
            parse_filter("k[in]=a||b"),
            Err(FilterError::EmptyListValue { .. })
        ));
        assert!(matches!(
            parse_filter("k[in]="),
            Err(FilterError::EmptyListValue { .. })
        ));
        // A '|' is an ordinary character for the other operators.
        assert_eq!(parse_filter("k=a|b").unwrap().value, "a|b");
    }

    #[test]
    fn limits_the_number_of_filters() {
        let f = parse_filter("k=v").unwrap();
        assert!(validate_filters(&[]).is_ok());
        assert!(validate_filters(&vec![f.clone(); 5]).is_ok());
        let err = validate_filters(&vec![f; 6]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "6 metadata filters given; the API allows at most 5"
        );
    }

    proptest! {
        #[test]
        fn parse_json_never_panics(text in any::<String>()) {
            let _ = parse_json(&text);
        }

        #[test]
        fn parse_json_never_panics_on_json_like_text(text in r#"[{}\[\]":, 0-9a-z.eE+\-\\]{0,64}"#) {
            let _ = parse_json(&text);
        }

        #[test]
        fn accepted_metadata_fits_the_limit(text in any::<String>()) {
            if let Ok(m) = parse_json(&text) {
                prop_assert!(compact_json(&m).len() <= MAX_METADATA_BYTES);
            }
        }

        #[test]
        fn parse_pairs_never_panics(pairs in proptest::collection::vec(any::<String>(), 0..6)) {
            let _ = parse_pairs(&pairs);
        }

        #[test]
        fn string_pairs_round_trip(key in "[a-z][a-z0-9_]{0,10}", value in "\\PC{0,40}") {
            let m = parse_pairs(&[format!("{key}={value}")]).unwrap();
            prop_assert_eq!(m[&key].as_str(), Some(value.as_str()));
            prop_assert_eq!(parse_json(&compact_json(&m)), Ok(m));
        }

        #[test]
        fn parse_filter_never_panics(s in any::<String>()) {
            let _ = parse_filter(&s);
        }

        #[test]
        fn parse_filter_never_panics_on_filter_like_text(s in r"[a-z.\[\]=:|0-9\-]{0,40}") {
            if let Ok(f) = parse_filter(&s) {
                let (key, _) = f.query_pair();
                prop_assert!(key.starts_with("meta."));
                prop_assert!(key.ends_with(']'));
            }
        }

        #[test]
        fn numbers_printed_by_rust_are_json_numbers(n in any::<i64>(), x in -1e12f64..1e12) {
            prop_assert!(is_json_number(&n.to_string()));
            let shown = serde_json::Number::from_f64(x).unwrap().to_string();
            prop_assert!(is_json_number(&shown), "{}", shown);
        }
    }
}

/// Property tests: whatever a user types, the parsers never panic, and what they accept fits.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::arbitrary::json_value;
    use proptest::prelude::*;
    use serde_json::Value;

    proptest! {
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
    }
}
