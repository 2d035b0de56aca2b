//! List v2 metadata filters: `meta.<field>[<operator>]=<value>`, ANDed together.
//!
//! Limits, from the API's description of the listing
//! (<https://developers.cloudflare.com/api/resources/images/subresources/v2/methods/list/>): at
//! most 5 filters, at most 5 nesting levels, at most 10 values for `in`, range operators numeric
//! only. Two error messages are documented verbatim ("Unsupported metadata filter operator:
//! '`<op>`'", "Too many metadata filters: N provided, maximum 5 allowed"); the others follow
//! their style.

use serde_json::Value;

use crate::envelope::Refusal;
use crate::model::Meta;

pub const MAX_FILTERS: usize = 5;
pub const MAX_DEPTH: usize = 5;
pub const MAX_IN_VALUES: usize = 10;

#[derive(Clone, Debug, PartialEq)]
enum Op {
    /// Untyped equality: matches a string, number or boolean with that text.
    Eq,
    EqString,
    EqNumber,
    EqBoolean,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    InString,
    InNumber,
}

#[derive(Clone, Debug, PartialEq)]
enum Operand {
    Text(String),
    Number(f64),
    Bool(bool),
    Texts(Vec<String>),
    Numbers(Vec<f64>),
}

#[derive(Clone, Debug)]
pub struct MetaFilter {
    path: Vec<String>,
    op: Op,
    operand: Operand,
}

/// Parses the `meta.*` query parameters among `pairs` (already percent-decoded).
pub fn parse_filters(pairs: &[(String, String)]) -> Result<Vec<MetaFilter>, Refusal> {
    let metas: Vec<&(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k.starts_with("meta."))
        .collect();
    if metas.len() > MAX_FILTERS {
        return Err(Refusal::bad_request(format!(
            "Too many metadata filters: {} provided, maximum {MAX_FILTERS} allowed",
            metas.len()
        )));
    }
    metas.into_iter().map(|(k, v)| parse_one(k, v)).collect()
}

fn parse_one(key: &str, value: &str) -> Result<MetaFilter, Refusal> {
    let rest = &key["meta.".len()..];
    // A filter without `[op]` is taken as `eq`: the API's description does not say, and
    // equality is what such a query plainly asks for.
    let (field, op_text) = match rest.find('[') {
        Some(i) if rest.ends_with(']') => (&rest[..i], &rest[i + 1..rest.len() - 1]),
        Some(_) => {
            return Err(Refusal::bad_request(format!(
                "Invalid metadata filter: '{key}'"
            )));
        }
        None => (rest, "eq"),
    };
    let path: Vec<String> = field.split('.').map(str::to_string).collect();
    if path.iter().any(String::is_empty) {
        return Err(Refusal::bad_request(format!(
            "Invalid metadata filter field: '{field}'"
        )));
    }
    if path.len() > MAX_DEPTH {
        return Err(Refusal::bad_request(format!(
            "Metadata filter nesting too deep: {} levels provided, maximum {MAX_DEPTH} allowed",
            path.len()
        )));
    }
    let op = match op_text {
        "eq" => Op::Eq,
        "eq:string" => Op::EqString,
        "eq:number" => Op::EqNumber,
        "eq:boolean" => Op::EqBoolean,
        "gt" | "gt:number" => Op::Gt,
        "gte" | "gte:number" => Op::Gte,
        "lt" | "lt:number" => Op::Lt,
        "lte" | "lte:number" => Op::Lte,
        "in" => Op::In,
        "in:string" => Op::InString,
        "in:number" => Op::InNumber,
        other => {
            return Err(Refusal::bad_request(format!(
                "Unsupported metadata filter operator: '{other}'"
            )));
        }
    };
    let number = |v: &str| -> Result<f64, Refusal> {
        v.trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| {
                Refusal::bad_request(format!(
                    "Invalid numeric value for metadata filter '{key}': '{v}'"
                ))
            })
    };
    let operand = match op {
        Op::Eq | Op::EqString => Operand::Text(value.to_string()),
        Op::EqNumber => Operand::Number(number(value)?),
        Op::EqBoolean => match value {
            "true" => Operand::Bool(true),
            "false" => Operand::Bool(false),
            _ => {
                return Err(Refusal::bad_request(format!(
                    "Invalid boolean value for metadata filter '{key}': '{value}'"
                )));
            }
        },
        Op::Gt | Op::Gte | Op::Lt | Op::Lte => {
            let n = value.trim().parse::<f64>().ok().filter(|n| n.is_finite());
            match n {
                Some(n) => Operand::Number(n),
                None => {
                    return Err(Refusal::bad_request(format!(
                        "Range operator '{op_text}' only accepts numeric values, got '{value}'"
                    )));
                }
            }
        }
        Op::In | Op::InString | Op::InNumber => {
            let items: Vec<&str> = value.split('|').collect();
            if items.len() > MAX_IN_VALUES {
                return Err(Refusal::bad_request(format!(
                    "Too many values for 'in' operator: {} provided, maximum {MAX_IN_VALUES} allowed",
                    items.len()
                )));
            }
            if op == Op::InNumber {
                Operand::Numbers(items.into_iter().map(number).collect::<Result<_, _>>()?)
            } else {
                Operand::Texts(items.into_iter().map(str::to_string).collect())
            }
        }
    };
    Ok(MetaFilter { path, op, operand })
}

impl MetaFilter {
    pub fn matches(&self, meta: Option<&Meta>) -> bool {
        let Some(meta) = meta else { return false };
        let mut cur = meta.get(&self.path[0]);
        for seg in &self.path[1..] {
            cur = cur.and_then(|v| v.get(seg));
        }
        let Some(v) = cur else { return false };
        match (&self.op, &self.operand) {
            (Op::Eq, Operand::Text(t)) => loose_eq(v, t),
            (Op::EqString, Operand::Text(t)) => v.as_str() == Some(t.as_str()),
            (Op::EqNumber, Operand::Number(n)) => v.as_f64() == Some(*n),
            (Op::EqBoolean, Operand::Bool(b)) => v.as_bool() == Some(*b),
            (Op::Gt, Operand::Number(n)) => v.as_f64().is_some_and(|x| x > *n),
            (Op::Gte, Operand::Number(n)) => v.as_f64().is_some_and(|x| x >= *n),
            (Op::Lt, Operand::Number(n)) => v.as_f64().is_some_and(|x| x < *n),
            (Op::Lte, Operand::Number(n)) => v.as_f64().is_some_and(|x| x <= *n),
            (Op::In, Operand::Texts(ts)) => ts.iter().any(|t| loose_eq(v, t)),
            (Op::InString, Operand::Texts(ts)) => ts.iter().any(|t| v.as_str() == Some(t)),
            (Op::InNumber, Operand::Numbers(ns)) => v.as_f64().is_some_and(|x| ns.contains(&x)),
            _ => false,
        }
    }
}

/// Untyped equality: a string equal to the text, a number equal to its numeric reading, or a
/// boolean named by it.
fn loose_eq(v: &Value, t: &str) -> bool {
    match v {
        Value::String(s) => s == t,
        Value::Number(n) => t.parse::<f64>().ok().is_some_and(|x| n.as_f64() == Some(x)),
        Value::Bool(b) => (t == "true" && *b) || (t == "false" && !*b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn meta(v: Value) -> Meta {
        v.as_object().unwrap().clone()
    }

    fn check(filter: (&str, &str), m: Value) -> bool {
        let f = parse_filters(&pairs(&[filter])).unwrap();
        f[0].matches(Some(&meta(m)))
    }

    #[test]
    fn operators_match() {
        assert!(check(
            ("meta.status[eq]", "active"),
            json!({"status": "active"})
        ));
        assert!(check(("meta.n[eq]", "5"), json!({"n": 5})));
        assert!(!check(("meta.n[eq:string]", "5"), json!({"n": 5})));
        assert!(check(("meta.n[eq:number]", "5"), json!({"n": 5.0})));
        assert!(check(("meta.on[eq:boolean]", "true"), json!({"on": true})));
        assert!(check(("meta.p[gte:number]", "1"), json!({"p": 1})));
        assert!(!check(("meta.p[gt]", "1"), json!({"p": 1})));
        assert!(check(("meta.p[lt]", "100"), json!({"p": 99.5})));
        assert!(check(("meta.p[lte:number]", "3"), json!({"p": 3})));
        assert!(check(("meta.r[in]", "a|b|c"), json!({"r": "b"})));
        assert!(check(("meta.r[in:number]", "4|5"), json!({"r": 5})));
        assert!(!check(("meta.r[in:string]", "4|5"), json!({"r": 5})));
        assert!(check(
            ("meta.region.name[eq]", "eu"),
            json!({"region": {"name": "eu"}})
        ));
        assert!(!check(("meta.missing[eq]", "x"), json!({"a": 1})));
    }

    #[test]
    fn documented_errors() {
        let e = parse_filters(&pairs(&[("meta.a[not-eq]", "x")])).unwrap_err();
        assert_eq!(e.code(), 5400);
        assert_eq!(
            e.message(),
            "Unsupported metadata filter operator: 'not-eq'"
        );
        let six: Vec<(String, String)> = (0..6)
            .map(|i| (format!("meta.k{i}[eq]"), "v".to_string()))
            .collect();
        let e = parse_filters(&six).unwrap_err();
        assert_eq!(
            e.message(),
            "Too many metadata filters: 6 provided, maximum 5 allowed"
        );
    }

    #[test]
    fn limits() {
        assert!(parse_filters(&pairs(&[("meta.a.b.c.d.e[eq]", "x")])).is_ok());
        assert!(parse_filters(&pairs(&[("meta.a.b.c.d.e.f[eq]", "x")])).is_err());
        assert!(parse_filters(&pairs(&[("meta.a[in]", "1|2|3|4|5|6|7|8|9|10")])).is_ok());
        assert!(parse_filters(&pairs(&[("meta.a[in]", "1|2|3|4|5|6|7|8|9|10|11")])).is_err());
        assert!(parse_filters(&pairs(&[("meta.a[gt]", "abc")])).is_err());
        assert!(parse_filters(&pairs(&[("meta.a[eq:boolean]", "yes")])).is_err());
    }
}
