//! The routes: the REST API under `/client/v4/accounts/{account_id}/images`, the same image
//! routes at the root for the batch host, delivery in both forms (`/cdn-cgi/imagedelivery/…`
//! and `/<hash>/…`), the gallery (`/`), the direct-upload URLs, and the API's answers for
//! unknown paths and wrong methods.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};

use crate::envelope::Refusal;
use crate::record::{RecordedRequest, Unanswered};
use crate::state::SharedState;
use crate::{
    auth, batch, delivery, direct_upload, fault_layer, gallery, images, keys, settings, variants,
};

/// Unknown paths: the API's 404 / 7000.
async fn no_route() -> Response {
    Refusal::no_route().into_response()
}

/// A known path with the wrong method.
async fn wrong_method() -> Response {
    Refusal::wrong_method().into_response()
}

/// The image routes served both by the API and by the batch host.
fn shared_image_routes() -> Router<SharedState> {
    Router::new()
        .route("/v1", get(images::list_v1).post(images::upload))
        .route(
            "/v1/{image_id}",
            get(images::get).patch(images::patch).delete(images::delete),
        )
        .route("/v2", get(images::list_v2))
        .route("/v2/direct_upload", post(direct_upload::create_v2))
}

fn api_routes(state: &SharedState) -> Router<SharedState> {
    shared_image_routes()
        .route("/v1/{image_id}/blob", get(images::blob))
        .route("/v1/direct_upload", post(direct_upload::create_v1))
        .route("/v1/keys", get(keys::list))
        .route(
            "/v1/keys/{signing_key_name}",
            put(keys::put).delete(keys::delete),
        )
        .route("/v1/stats", get(keys::stats))
        .route("/v1/batch_token", get(batch::token))
        .route("/v1/config", get(settings::get).patch(settings::patch))
        .route("/v1/variants", get(variants::list).post(variants::create))
        .route(
            "/v1/variants/{variant_id}",
            get(variants::get)
                .patch(variants::update)
                .delete(variants::delete),
        )
        .route("/v1/variants/{variant_id}/flat", get(variants::get_flat))
        .route_layer(from_fn_with_state(state.clone(), auth::api_auth))
        .method_not_allowed_fallback(wrong_method)
}

fn batch_routes(state: &SharedState) -> Router<SharedState> {
    shared_image_routes()
        .route_layer(from_fn_with_state(state.clone(), batch::batch_auth))
        .method_not_allowed_fallback(wrong_method)
}

/// Logs every request (any path) before anything else can answer or drop it, and the status of
/// its answer when there is one.
async fn record(State(st): State<SharedState>, mut req: Request, next: Next) -> Response {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let slot = st.recorder.push(RecordedRequest {
        method: req.method().to_string(),
        path: req.uri().path().to_string(),
        query: req.uri().query().map(str::to_string),
        content_type,
        part_names: Vec::new(),
        status: None,
    });
    req.extensions_mut().insert(slot);
    let response = next.run(req).await;
    if response.extensions().get::<Unanswered>().is_none() {
        st.recorder.set_status(slot, response.status().as_u16());
    }
    response
}

pub fn build(state: SharedState) -> Router {
    let api = Router::new()
        .nest(
            "/client/v4/accounts/{account_id}/images",
            api_routes(&state),
        )
        .nest("/images", batch_routes(&state))
        .route(
            &format!("{}{{*rest}}", direct_upload::UPLOAD_PREFIX),
            post(direct_upload::upload_target),
        )
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(from_fn_with_state(state.clone(), fault_layer::api_faults));
    let delivery = Router::new()
        .route(
            &format!("{}{{*rest}}", delivery::DELIVERY_PREFIX),
            get(delivery::deliver),
        )
        .route_layer(from_fn_with_state(
            state.clone(),
            fault_layer::delivery_faults,
        ));
    // The gallery: HTML pages for a person, outside the API (no credentials, no faults).
    let gallery = Router::new()
        .route("/", get(gallery::index))
        .route("/_gallery/image", get(gallery::image))
        .route("/_gallery/thumb", get(gallery::thumb));
    delivery
        .merge(gallery)
        .merge(api)
        // Delivery in the imagedelivery.net form, `/<hash>/…`, before the API's routes.
        .layer(from_fn_with_state(state.clone(), delivery::root_form))
        .layer(DefaultBodyLimit::disable())
        .layer(from_fn_with_state(state.clone(), record))
        .with_state(state)
}
