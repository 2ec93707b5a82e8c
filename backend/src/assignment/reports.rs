//! Who holds which partners: counts per primary owner and territory, and the unassigned ones.
use super::dto::{OwnerCount, UnassignedPartner};
use crate::access::{Action, Resource};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::partners::entity::partner;
use crate::partners::scope::visible;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// Partners per primary owner and territory, within the caller's partner scope.
pub async fn owners(db: &impl ConnectionTrait, caller: &Caller) -> ApiResult<Vec<OwnerCount>> {
    caller.require(Resource::Reports, Action::Read)?;
    let scope = caller.require(Resource::Partners, Action::Read)?;
    let rows: Vec<(Option<String>, Option<String>, i64)> = partner::Entity::find()
        .select_only()
        .column(partner::Column::PrimaryOwnerId)
        .column(partner::Column::TerritoryId)
        .column_as(Expr::col(partner::Column::Id).count(), "partners")
        .filter(partner::Column::DeletedAt.is_null())
        .filter(visible(scope, &caller.user_id))
        .group_by(partner::Column::PrimaryOwnerId)
        .group_by(partner::Column::TerritoryId)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<OwnerCount> = rows
        .into_iter()
        .map(|(user_id, territory_id, partners)| OwnerCount {
            user_id,
            territory_id,
            partners,
        })
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.partners));
    Ok(out)
}

/// Partners nobody is primary owner of: the pool a manager hands out (`partners:assign`).
pub async fn unassigned(
    db: &impl ConnectionTrait,
    caller: &Caller,
) -> ApiResult<Vec<UnassignedPartner>> {
    caller.require(Resource::Partners, Action::Assign)?;
    Ok(partner::Entity::find()
        .select_only()
        .columns([
            partner::Column::Id,
            partner::Column::Name,
            partner::Column::City,
            partner::Column::TerritoryId,
        ])
        .filter(partner::Column::DeletedAt.is_null())
        .filter(partner::Column::PrimaryOwnerId.is_null())
        .order_by_asc(partner::Column::Name)
        .limit(1000)
        .into_tuple::<(String, String, Option<String>, Option<String>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, name, city, territory_id)| UnassignedPartner {
            id,
            name,
            city,
            territory_id,
        })
        .collect())
}
