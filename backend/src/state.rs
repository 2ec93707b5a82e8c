//! What every handler can reach: the database, the settings and the token keys.
use crate::auth::jwt::JwtKeys;
use crate::db::Db;
use crate::settings::Settings;

pub struct AppState {
    pub db: Db,
    pub store: std::sync::Arc<dyn crate::attachments::storage::BlobStore>,
    pub settings: Settings,
    pub jwt: JwtKeys,
    /// The clock background work reads; tests move it.
    pub clock: crate::clock::AppClock,
    pub mailer: crate::mail::transport::Mailer,
    /// Wakes the live notification streams.
    pub hub: crate::notifications::Hub,
}
