//! The variant endpoints: list, create, details (also flat), update, delete.

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::auth::AccountCtx;
use crate::envelope::{Refusal, Reply, ok};
use crate::form;
use crate::model::{Variant, VariantOptions};
use crate::state::SharedState;

#[derive(Deserialize)]
pub struct VariantParam {
    pub variant_id: String,
}

fn json_object(body: &[u8]) -> Result<Map<String, Value>, Refusal> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(Refusal::bad_request(
            "Bad request: the body must be a JSON object",
        )),
    }
}

/// `options`: all four fields required, with their enums and minimums.
fn parse_options(v: Option<&Value>) -> Result<VariantOptions, Refusal> {
    let bad = |what: &str| Refusal::bad_request(format!("Bad request: {what}"));
    let Some(Value::Object(o)) = v else {
        return Err(bad("options is required and must be an object"));
    };
    let fit = match o.get("fit").and_then(Value::as_str) {
        Some(f @ ("scale-down" | "contain" | "cover" | "crop" | "pad")) => f.to_string(),
        _ => {
            return Err(bad(
                "options.fit must be one of scale-down, contain, cover, crop, pad",
            ));
        }
    };
    let metadata = match o.get("metadata").and_then(Value::as_str) {
        Some(m @ ("keep" | "copyright" | "none")) => m.to_string(),
        _ => return Err(bad("options.metadata must be one of keep, copyright, none")),
    };
    let dim = |name: &str| -> Result<serde_json::Number, Refusal> {
        match o.get(name) {
            Some(Value::Number(n)) if n.as_f64().is_some_and(|x| x >= 1.0) => Ok(n.clone()),
            _ => Err(bad(&format!(
                "options.{name} must be a number of at least 1"
            ))),
        }
    };
    Ok(VariantOptions {
        fit,
        metadata,
        width: dim("width")?,
        height: dim("height")?,
    })
}

fn parse_never(v: Option<&Value>) -> Result<Option<bool>, Refusal> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(Refusal::bad_request(
            "Bad request: neverRequireSignedURLs must be a boolean",
        )),
    }
}

/// `GET images/v1/variants`: `{variants: {<name>: Variant}}`.
pub async fn list(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
) -> Reply {
    Ok(ok(json!({ "variants": st.store.variants(&account) })))
}

/// `POST images/v1/variants`
pub async fn create(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    body: Bytes,
) -> Reply {
    let obj = json_object(&body)?;
    let id = match obj.get("id") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(Refusal::bad_request("Bad request: id is required")),
    };
    form::check_name(&id, 99, Refusal::variant_name_not_allowed)?;
    let options = parse_options(obj.get("options"))?;
    let never = parse_never(obj.get("neverRequireSignedURLs"))?.unwrap_or(false);
    let v = st.store.create_variant(
        &account,
        Variant {
            id,
            options,
            never_require_signed_urls: never,
        },
    )?;
    Ok(ok(json!({ "variant": v })))
}

/// `GET images/v1/variants/{variant_id}`
pub async fn get(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<VariantParam>,
) -> Reply {
    let v = st.store.variant(&account, &p.variant_id)?;
    Ok(ok(json!({ "variant": v })))
}

/// `GET images/v1/variants/{variant_id}/flat`: the variant's fields at the top of `result`
/// (the shape is unconfirmed; this is what the spec's summary describes).
pub async fn get_flat(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<VariantParam>,
) -> Reply {
    Ok(ok(st.store.variant(&account, &p.variant_id)?))
}

/// `PATCH images/v1/variants/{variant_id}`: `options` required, `neverRequireSignedURLs` optional.
pub async fn update(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<VariantParam>,
    body: Bytes,
) -> Reply {
    // An unknown variant is refused before its body is looked at.
    st.store.variant(&account, &p.variant_id)?;
    let obj = json_object(&body)?;
    let options = parse_options(obj.get("options"))?;
    let never = parse_never(obj.get("neverRequireSignedURLs"))?;
    let v = st
        .store
        .update_variant(&account, &p.variant_id, options, never)?;
    Ok(ok(json!({ "variant": v })))
}

/// `DELETE images/v1/variants/{variant_id}`. Deleting `public` is allowed (a third party saw
/// the API keep it; unconfirmed, and the spec does not say).
pub async fn delete(
    State(st): State<SharedState>,
    Extension(AccountCtx(account)): Extension<AccountCtx>,
    Path(p): Path<VariantParam>,
) -> Reply {
    st.store.delete_variant(&account, &p.variant_id)?;
    Ok(ok(json!({})))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_need_all_four_fields() {
        let good = json!({"fit": "cover", "metadata": "none", "width": 10, "height": 20});
        assert!(parse_options(Some(&good)).is_ok());
        let no_height = json!({"fit": "cover", "metadata": "none", "width": 10});
        assert!(parse_options(Some(&no_height)).is_err());
        let zero = json!({"fit": "cover", "metadata": "none", "width": 0, "height": 20});
        assert!(parse_options(Some(&zero)).is_err());
        let bad_fit = json!({"fit": "stretch", "metadata": "none", "width": 1, "height": 1});
        assert!(parse_options(Some(&bad_fit)).is_err());
    }
}
