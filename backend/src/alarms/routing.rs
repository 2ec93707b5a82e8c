//! Who gets an alarm: the responsible user, or while they are absent whoever stands in for them
//! (the deputy named on the absence, else the partner's deputy owner); and whom it escalates to:
//! the managers of the responsible user's teams.
use super::entity::absence;
use crate::error::ApiResult;
use crate::partners::entity::owner;
use chrono::NaiveDate;
use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The absence covering `user_id` on `day`, if any.
pub async fn absence_on(
    db: &impl ConnectionTrait,
    user_id: &str,
    day: NaiveDate,
) -> ApiResult<Option<absence::Model>> {
    Ok(absence::Entity::find()
        .filter(absence::Column::UserId.eq(user_id))
        .filter(absence::Column::StartsOn.lte(day))
        .filter(absence::Column::EndsOn.gte(day))
        .filter(absence::Column::DeletedAt.is_null())
        .one(db)
        .await?)
}

pub async fn recipient(
    db: &impl ConnectionTrait,
    user_id: &str,
    partner_id: Option<&str>,
    day: NaiveDate,
) -> ApiResult<String> {
    let Some(away) = absence_on(db, user_id, day).await? else {
        return Ok(user_id.to_owned());
    };
    if let Some(deputy) = away.deputy_id {
        return Ok(deputy);
    }
    if let Some(p) = partner_id {
        let deputy = owner::Entity::find()
            .filter(owner::Column::PartnerId.eq(p))
            .filter(owner::Column::Role.eq("deputy"))
            .filter(owner::Column::UserId.ne(user_id))
            .one(db)
            .await?;
        if let Some(d) = deputy {
            return Ok(d.user_id);
        }
    }
    Ok(user_id.to_owned())
}

/// Managers of the live teams `user_id` belongs to (not the user themself).
pub async fn managers_of(db: &impl ConnectionTrait, user_id: &str) -> ApiResult<Vec<String>> {
    let teams = Query::select()
        .column(Alias::new("team_id"))
        .from(Alias::new("team_members"))
        .and_where(Expr::col(Alias::new("user_id")).eq(user_id))
        .to_owned();
    let stmt = Query::select()
        .distinct()
        .column(Alias::new("manager_id"))
        .from(Alias::new("teams"))
        .and_where(Expr::col(Alias::new("id")).in_subquery(teams))
        .and_where(Expr::col(Alias::new("deleted_at")).is_null())
        .and_where(Expr::col(Alias::new("manager_id")).is_not_null())
        .and_where(Expr::col(Alias::new("manager_id")).ne(user_id))
        .to_owned();
    let backend = db.get_database_backend();
    let rows = db.query_all(backend.build(&stmt)).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r.try_get::<String>("", "manager_id").ok())
        .collect())
}
