//! What contacts cost: each activity's duration times the hourly rate of the user who had it,
//! summed per partner, user or month over the activities the caller may see.
use crate::access::{Action, Resource};
use crate::activities::service::visible;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::partners::entity::partner;
use crate::users::entity::user;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Alias, Expr, Order, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, QueryFilter,
    QuerySelect,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Partner,
    User,
    Month,
}

#[derive(Debug, Deserialize, IntoParams, validator::Validate)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ContactCostQuery {
    /// Activities started at or after.
    pub from: DateTime<Utc>,
    /// Activities started before.
    pub to: DateTime<Utc>,
    pub group_by: GroupBy,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactCostRow {
    /// Partner id, user id or `YYYY-MM`; null for activities without a partner.
    pub key: Option<String>,
    pub label: String,
    pub activities: i64,
    pub minutes: i64,
    /// In minor units of `currency`; 0 where the user has no rate.
    pub cost: i64,
    pub currency: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ContactCostReport {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub group_by: GroupBy,
    pub rows: Vec<ContactCostRow>,
}

#[derive(FromQueryResult)]
struct Row {
    key: Option<String>,
    activities: i64,
    minutes: i64,
    rate_minutes: i64,
    currency: Option<String>,
}

pub async fn report(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &ContactCostQuery,
) -> ApiResult<ContactCostReport> {
    caller.require(Resource::Reports, Action::Read)?;
    let scope = caller.require(Resource::Activities, Action::Read)?;
    if q.to <= q.from {
        return Err(ApiError::invalid(
            "to",
            "before_from",
            "`to` must be after `from`.",
        ));
    }
    let backend = db.get_database_backend();
    let key = match (q.group_by, backend) {
        (GroupBy::Partner, _) => "activities.partner_id",
        (GroupBy::User, _) => "activities.user_id",
        (GroupBy::Month, DatabaseBackend::Postgres) => {
            "to_char(activities.started_at AT TIME ZONE 'UTC', 'YYYY-MM')"
        }
        // SQLite keeps timestamps as ISO 8601 text: the month is its first seven characters.
        (GroupBy::Month, _) => "substr(activities.started_at, 1, 7)",
    };
    let stmt = Query::select()
        .expr_as(Expr::cust(key), Alias::new("key"))
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("activities"))
        .expr_as(
            Expr::cust("CAST(SUM(activities.duration_minutes) AS BIGINT)"),
            Alias::new("minutes"),
        )
        .expr_as(
            Expr::cust(
                "CAST(SUM(activities.duration_minutes * COALESCE(users.hourly_rate, 0)) AS BIGINT)",
            ),
            Alias::new("rate_minutes"),
        )
        .expr_as(
            Expr::col((Alias::new("users"), Alias::new("rate_currency"))),
            Alias::new("currency"),
        )
        .from(Alias::new("activities"))
        .inner_join(
            Alias::new("users"),
            Expr::col((Alias::new("users"), Alias::new("id")))
                .equals((Alias::new("activities"), Alias::new("user_id"))),
        )
        .and_where(Expr::col((Alias::new("activities"), Alias::new("deleted_at"))).is_null())
        .and_where(Expr::col((Alias::new("activities"), Alias::new("started_at"))).gte(q.from))
        .and_where(Expr::col((Alias::new("activities"), Alias::new("started_at"))).lt(q.to))
        .cond_where(visible(scope, &caller.user_id))
        .add_group_by([
            Expr::cust(key),
            Expr::col((Alias::new("users"), Alias::new("rate_currency"))).into(),
        ])
        .order_by_expr(Expr::cust(key), Order::Asc)
        .to_owned();
    let rows = Row::find_by_statement(backend.build(&stmt)).all(db).await?;
    let labels = labels(db, q.group_by, &rows).await?;
    Ok(ContactCostReport {
        from: q.from,
        to: q.to,
        group_by: q.group_by,
        rows: rows
            .into_iter()
            .map(|r| ContactCostRow {
                label: r
                    .key
                    .as_ref()
                    .and_then(|k| labels.get(k).cloned())
                    .unwrap_or_else(|| r.key.clone().unwrap_or_default()),
                // Rounded to the nearest minor unit once per group, not per activity.
                cost: (r.rate_minutes + 30) / 60,
                key: r.key,
                activities: r.activities,
                minutes: r.minutes,
                currency: r.currency,
            })
            .collect(),
    })
}

async fn labels(
    db: &impl ConnectionTrait,
    group_by: GroupBy,
    rows: &[Row],
) -> ApiResult<HashMap<String, String>> {
    let keys: Vec<String> = rows.iter().filter_map(|r| r.key.clone()).collect();
    Ok(match group_by {
        GroupBy::Month => HashMap::new(),
        GroupBy::Partner => partner::Entity::find()
            .select_only()
            .column(partner::Column::Id)
            .column(partner::Column::Name)
            .filter(partner::Column::Id.is_in(keys))
            .into_tuple::<(String, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect(),
        GroupBy::User => user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::Name)
            .filter(user::Column::Id.is_in(keys))
            .into_tuple::<(String, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect(),
    })
}
