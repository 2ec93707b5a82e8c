//! Field metadata per list, for filter builders and sortable columns in clients.
use crate::api::fields::{FieldSet, FieldsResponse, ResourceFields};
use crate::auth::Caller;
use crate::custom_fields::service as custom_fields;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use sea_orm::ConnectionTrait;

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
        &crate::deals::dto::FIELDS,
        &crate::products::dto::FIELDS,
    ]
    .into_iter()
    .find(|f| f.resource == resource)
}

/// The fields of a list with the custom fields defined for it.
pub async fn field_set(
    db: &impl ConnectionTrait,
    resource: &str,
) -> ApiResult<Option<FieldSet<'static>>> {
    let Some(spec) = fields_of(resource) else {
        return Ok(None);
    };
    if custom_fields::carries(spec.table) {
        Ok(Some(custom_fields::field_set(db, spec).await?))
    } else {
        Ok(Some(FieldSet::fixed(spec, db.get_database_backend())))
    }
}

#[utoipa::path(get, path = "/api/v1/meta/{resource}/fields", tag = "meta",
    params(("resource" = String, Path, description = "users, roles, teams, api_keys, history, saved_views, list_items, partners, persons, branches, activities, leads, deals, products")),
    responses((status = 200, description = "Filterable and sortable fields of the list; custom fields are named `custom.<key>`", body = FieldsResponse)))]
pub async fn get_fields(
    state: web::Data<AppState>,
    _caller: Caller,
    resource: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let set = field_set(&state.db.read, &resource)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(set.describe()))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/meta/{resource}/fields").get(get_fields));
}
