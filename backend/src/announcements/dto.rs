//! Bodies of the announcements API.
use super::entity::announcement;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Announcement {
    pub id: String,
    pub title: String,
    pub body: String,
    /// Shown above the others.
    pub pinned: bool,
    pub valid_from: DateTime<Utc>,
    /// Null: until taken down.
    pub valid_until: Option<DateTime<Utc>>,
    /// When the caller read it.
    pub read_at: Option<DateTime<Utc>>,
    /// How many users have read it.
    pub read_count: u64,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl Announcement {
    pub fn new(m: announcement::Model, read_at: Option<DateTime<Utc>>, read_count: u64) -> Self {
        Self {
            id: m.id,
            title: m.title,
            body: m.body,
            pinned: m.pinned,
            valid_from: m.valid_from,
            valid_until: m.valid_until,
            read_at,
            read_count,
            created_by: m.created_by,
            created_at: m.created_at,
            version: m.version,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateAnnouncement {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub body: String,
    #[serde(default)]
    pub pinned: bool,
    /// Now when left out.
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateAnnouncement {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
    #[validate(length(min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub body: Option<String>,
    pub pinned: Option<bool>,
    pub valid_from: Option<DateTime<Utc>>,
    /// `null` makes it valid until taken down.
    #[serde(default, deserialize_with = "crate::api::double_option")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    pub valid_until: Option<Option<DateTime<Utc>>>,
}

#[derive(Debug, Default, Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AnnouncementQuery {
    /// Also past and future ones (needs `announcements:update`).
    pub all: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Reader {
    pub user_id: String,
    pub name: String,
    pub read_at: DateTime<Utc>,
}
