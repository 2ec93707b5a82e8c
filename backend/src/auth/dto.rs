//! Bodies of the auth API.
use crate::access::Grant;
use crate::users::dto::{Locale, User};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 254))]
    #[schema(min_length = 1, max_length = 254, example = "admin@demo.example")]
    pub email: String,
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256, format = "password")]
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[validate(length(min = 1, max = 512))]
    #[schema(min_length = 1, max_length = 512)]
    pub refresh_token: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    pub expires_in: i64,
    pub user: User,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user: User,
    /// The caller's effective grants (widest scope per resource and action).
    pub grants: Vec<Grant>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    pub locale: Locale,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ChangePassword {
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256, format = "password")]
    pub current_password: String,
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256, format = "password")]
    pub new_password: String,
}
