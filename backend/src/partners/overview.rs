//! Everything the partner page shows, in one call. Later modules (deals, tickets, campaigns) add
//! their summaries here.
use super::service::{find_visible, get_in};
use crate::access::{Action, Resource};
use crate::activities::{dto::Activity, entity as activity, service::visible as activity_visible};
use crate::attachments::entity as attachment;
use crate::auth::Caller;
use crate::branches::{dto::Branch, entity as branch};
use crate::error::ApiResult;
use crate::persons::{dto::Person, entity as person};
use crate::users::entity::user;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

const RECENT: u64 = 10;
const LISTED: u64 = 100;

#[derive(Debug, Serialize, ToSchema)]
pub struct OwnerUser {
    pub user_id: String,
    pub role: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerOverview {
    pub partner: super::dto::Partner,
    pub owners: Vec<OwnerUser>,
    /// Up to 100, by name.
    pub branches: Vec<Branch>,
    /// Up to 100, by last name.
    pub persons: Vec<Person>,
    /// The latest 10 the caller may see.
    pub recent_activities: Vec<Activity>,
    pub activity_count: u64,
    /// Files attached to the partner itself (not to its persons or activities).
    pub attachment_count: u64,
}

pub async fn overview(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<PartnerOverview> {
    let model = find_visible(db, caller, Action::Read, id, false).await?;
    let partner = get_in(db, model).await?;
    let ids: Vec<String> = partner.owners.iter().map(|o| o.user_id.clone()).collect();
    let names: HashMap<String, String> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Name)
        .filter(user::Column::Id.is_in(ids))
        .into_tuple::<(String, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let owners = partner
        .owners
        .iter()
        .map(|o| OwnerUser {
            user_id: o.user_id.clone(),
            role: o.role.clone(),
            name: names.get(&o.user_id).cloned().unwrap_or_default(),
        })
        .collect();
    let branches = branch::Entity::find()
        .filter(branch::Column::PartnerId.eq(id))
        .filter(branch::Column::DeletedAt.is_null())
        .order_by_asc(branch::Column::Name)
        .limit(LISTED)
        .all(db)
        .await?
        .into_iter()
        .map(Branch::from)
        .collect();
    // Persons and activities are their own resources: show them only to callers who may read them.
    let persons = match caller.require(Resource::Persons, Action::Read) {
        Ok(_) => person::Entity::find()
            .filter(person::Column::PartnerId.eq(id))
            .filter(person::Column::DeletedAt.is_null())
            .order_by_asc(person::Column::LastName)
            .order_by_asc(person::Column::FirstName)
            .limit(LISTED)
            .all(db)
            .await?
            .into_iter()
            .map(Person::from)
            .collect(),
        Err(_) => vec![],
    };
    let (recent_activities, activity_count) =
        match caller.require(Resource::Activities, Action::Read) {
            Ok(scope) => {
                let q = activity::Entity::find()
                    .filter(activity::Column::PartnerId.eq(id))
                    .filter(activity::Column::DeletedAt.is_null())
                    .filter(activity_visible(scope, &caller.user_id));
                let count = q.clone().count(db).await?;
                let recent = q
                    .order_by_desc(activity::Column::StartedAt)
                    .limit(RECENT)
                    .all(db)
                    .await?;
                (recent.into_iter().map(Activity::from).collect(), count)
            }
            Err(_) => (vec![], 0),
        };
    // Whoever reads the partner may read its files (the attachments follow their record's scope).
    let attachment_count = attachment::Entity::find()
        .filter(attachment::Column::EntityType.eq("partner"))
        .filter(attachment::Column::EntityId.eq(id))
        .filter(attachment::Column::DeletedAt.is_null())
        .count(db)
        .await?;
    Ok(PartnerOverview {
        partner,
        owners,
        branches,
        persons,
        recent_activities,
        activity_count,
        attachment_count,
    })
}
