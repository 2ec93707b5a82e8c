//! Merging a duplicate person into the one that stays: activities and leads move over, emails and
//! phones are united, the duplicate goes to the trash, and both histories say so. One transaction.
use super::dto::Person;
use super::entity;
use super::service::find_visible;
use crate::access::Action;
use crate::activities::entity as activity;
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::{self, Change};
use crate::leads::entity as lead;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

fn union(a: &Option<serde_json::Value>, b: &Option<serde_json::Value>) -> serde_json::Value {
    let list = |v: &Option<serde_json::Value>| -> Vec<String> {
        v.as_ref()
            .and_then(|v| serde_json::from_value(v.clone()).ok())
            .unwrap_or_default()
    };
    let mut out = list(a);
    for x in list(b) {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    serde_json::json!(out)
}

pub async fn merge(
    db: &impl TransactionTrait,
    caller: &Caller,
    target_id: &str,
    duplicate_id: &str,
) -> ApiResult<Person> {
    if target_id == duplicate_id {
        return Err(ApiError::invalid(
            "duplicate_id",
            "same_person",
            "A person cannot be merged into itself.",
        ));
    }
    let txn = db.begin().await?;
    let target = find_visible(&txn, caller, Action::Update, target_id, false).await?;
    let duplicate = find_visible(&txn, caller, Action::Delete, duplicate_id, false)
        .await
        .map_err(|e| match e {
            ApiError::NotFound => {
                ApiError::invalid("duplicate_id", "unknown_person", "No such person.")
            }
            other => other,
        })?;
    let moved = activity::Entity::update_many()
        .col_expr(activity::Column::PersonId, Expr::value(target_id))
        .filter(activity::Column::PersonId.eq(duplicate_id))
        .exec(&txn)
        .await?
        .rows_affected;
    lead::Entity::update_many()
        .col_expr(lead::Column::PersonId, Expr::value(target_id))
        .filter(lead::Column::PersonId.eq(duplicate_id))
        .exec(&txn)
        .await?;
    crate::attachments::service::move_all(&txn, ("person", duplicate_id), ("person", target_id))
        .await?;
    let mut kept: entity::ActiveModel = target.clone().into();
    kept.emails = Set(Some(union(&target.emails, &duplicate.emails)));
    kept.phones = Set(Some(union(&target.phones, &duplicate.phones)));
    if target.partner_id.is_none() {
        kept.partner_id = Set(duplicate.partner_id.clone());
        kept.branch_id = Set(duplicate.branch_id.clone());
    }
    crate::api::versioned::save(&txn, kept, target_id, target.version).await?;
    let mut trashed: entity::ActiveModel = duplicate.clone().into();
    trashed.deleted_at = Set(Some(clock::now()));
    crate::api::versioned::save(&txn, trashed, duplicate_id, duplicate.version).await?;
    let into = vec![Change {
        field: "merged_into".into(),
        old: serde_json::Value::Null,
        new: target_id.into(),
    }];
    history::record(
        &txn,
        caller.actor(),
        "person",
        duplicate_id,
        "merged_into",
        into,
    )
    .await?;
    let from = vec![
        Change {
            field: "merged_from".into(),
            old: serde_json::Value::Null,
            new: duplicate_id.into(),
        },
        Change {
            field: "moved_activities".into(),
            old: serde_json::Value::Null,
            new: moved.into(),
        },
    ];
    history::record(&txn, caller.actor(), "person", target_id, "merge", from).await?;
    let person = Person::from(
        entity::Entity::find_by_id(target_id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    txn.commit().await?;
    Ok(person)
}
