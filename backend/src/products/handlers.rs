//! Thin HTTP handlers for products and price lists.
use super::dto::{PriceList, PriceListFields, Product, ProductFields, ProductListQuery};
use super::service;
use crate::api::extract::Query;
use crate::api::{with_etag, IfMatch, Page};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use validator::Validate;

#[utoipa::path(get, path = "/api/v1/products", tag = "products", params(ProductListQuery),
    responses((status = 200, description = "A page of the catalogue", body = Page<Product>)))]
pub async fn list_products(
    state: web::Data<AppState>,
    caller: Caller,
    q: Query<ProductListQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list(&state.db.read, &caller, &q).await?))
}

#[utoipa::path(post, path = "/api/v1/products", tag = "products", request_body = ProductFields,
    responses((status = 201, description = "Created", body = Product, headers(("ETag" = String)))))]
pub async fn create_product(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<ProductFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let p = service::create(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), p.version, &p))
}

#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "products", params(("id" = String, Path)),
    responses((status = 200, description = "The product with its prices", body = Product, headers(("ETag" = String)))))]
pub async fn get_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let p = service::get(&state.db.read, &caller, &id).await?;
    Ok(with_etag(HttpResponse::Ok(), p.version, &p))
}

#[utoipa::path(patch, path = "/api/v1/products/{id}", tag = "products", request_body = ProductFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = Product, headers(("ETag" = String)))))]
pub async fn update_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<ProductFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let p = service::update(&state.db.write, &caller, &id, if_match, body, false).await?;
    Ok(with_etag(HttpResponse::Ok(), p.version, &p))
}

#[utoipa::path(delete, path = "/api/v1/products/{id}", tag = "products",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash; deal lines keep their copy")))]
pub async fn delete_product(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let none = ProductFields::default();
    service::update(&state.db.write, &caller, &id, if_match, none, true).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(get, path = "/api/v1/price-lists", tag = "products",
    responses((status = 200, description = "Every price list", body = [PriceList])))]
pub async fn list_price_lists(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(service::list_price_lists(&state.db.read, &caller).await?))
}

#[utoipa::path(post, path = "/api/v1/price-lists", tag = "products", request_body = PriceListFields,
    responses((status = 201, description = "Created", body = PriceList, headers(("ETag" = String)))))]
pub async fn create_price_list(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PriceListFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let p = service::create_price_list(&state.db.write, &caller, body).await?;
    Ok(with_etag(HttpResponse::Created(), p.version, &p))
}

#[utoipa::path(patch, path = "/api/v1/price-lists/{id}", tag = "products", request_body = PriceListFields,
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being changed")),
    responses((status = 200, description = "Updated", body = PriceList, headers(("ETag" = String)))))]
pub async fn update_price_list(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
    body: web::Json<PriceListFields>,
) -> ApiResult<HttpResponse> {
    let body = body.into_inner();
    body.validate()?;
    let p =
        service::update_price_list(&state.db.write, &caller, &id, if_match, body, false).await?;
    Ok(with_etag(HttpResponse::Ok(), p.version, &p))
}

#[utoipa::path(delete, path = "/api/v1/price-lists/{id}", tag = "products",
    params(("id" = String, Path), ("If-Match" = String, Header, description = "The ETag of the version being deleted")),
    responses((status = 204, description = "Moved to the trash")))]
pub async fn delete_price_list(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let none = PriceListFields::default();
    service::update_price_list(&state.db.write, &caller, &id, if_match, none, true).await?;
    Ok(HttpResponse::NoContent().finish())
}
