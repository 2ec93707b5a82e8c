//! Field metadata per list, for filter builders and sortable columns in clients.
use crate::api::fields::{FieldsResponse, ResourceFields};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use actix_web::{web, HttpResponse};

/// Every list that accepts the filter tree; each module adds its own.
pub fn fields_of(resource: &str) -> Option<&'static ResourceFields> {
    [
        &crate::users::dto::FIELDS,
        &crate::roles::dto::FIELDS,
        &crate::teams::dto::FIELDS,
        &crate::api_keys::dto::FIELDS,
        &crate::history::dto::FIELDS,
        &crate::saved_views::dto::FIELDS,
        &crate::lists::dto::FIELDS,
        &crate::partners::dto::FIELDS,
        &crate::persons::dto::FIELDS,
        &crate::branches::dto::FIELDS,
        &crate::activities::dto::FIELDS,
        &crate::leads::dto::FIELDS,
    ]
    .into_iter()
    .find(|f| f.resource == resource)
}

#[utoipa::path(get, path = "/api/v1/meta/{resource}/fields", tag = "meta",
    params(("resource" = String, Path, description = "users, roles, teams, api_keys, history, saved_views")),
    responses((status = 200, description = "Filterable and sortable fields of the list", body = FieldsResponse)))]
pub async fn get_fields(_caller: Caller, resource: web::Path<String>) -> ApiResult<HttpResponse> {
    let spec = fields_of(&resource).ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(spec.describe()))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/meta/{resource}/fields").get(get_fields));
}
