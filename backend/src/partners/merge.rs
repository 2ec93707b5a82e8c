//! Merging a duplicate partner into the one that stays: everything that points at the duplicate
//! (branches, persons, activities, leads, owners) moves over, custom field values the target lacks
//! are taken from the duplicate, the duplicate goes to the trash, and both histories say what
//! happened. One transaction.
use super::dto::{MergeResult, Owner};
use super::entity::{owner, partner};
use super::service::{find_visible, get_in};
use crate::access::Action;
use crate::activities::entity as activity;
use crate::auth::Caller;
use crate::branches::entity as branch;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::{self, Change};
use crate::leads::entity as lead;
use crate::persons::entity as person;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};

pub async fn merge(
    db: &impl TransactionTrait,
    caller: &Caller,
    target_id: &str,
    duplicate_id: &str,
) -> ApiResult<MergeResult> {
    if target_id == duplicate_id {
        return Err(ApiError::invalid(
            "duplicate_id",
            "same_partner",
            "A partner cannot be merged into itself.",
        ));
    }
    let txn = db.begin().await?;
    let target = find_visible(&txn, caller, Action::Update, target_id, false).await?;
    let duplicate = find_visible(&txn, caller, Action::Delete, duplicate_id, false)
        .await
        .map_err(|e| match e {
            ApiError::NotFound => {
                ApiError::invalid("duplicate_id", "unknown_partner", "No such partner.")
            }
            other => other,
        })?;
    let moved_branches = branch::Entity::update_many()
        .col_expr(branch::Column::PartnerId, Expr::value(target_id))
        .filter(branch::Column::PartnerId.eq(duplicate_id))
        .exec(&txn)
        .await?
        .rows_affected;
    let moved_persons = person::Entity::update_many()
        .col_expr(person::Column::PartnerId, Expr::value(target_id))
        .filter(person::Column::PartnerId.eq(duplicate_id))
        .exec(&txn)
        .await?
        .rows_affected;
    let moved_activities = activity::Entity::update_many()
        .col_expr(activity::Column::PartnerId, Expr::value(target_id))
        .filter(activity::Column::PartnerId.eq(duplicate_id))
        .exec(&txn)
        .await?
        .rows_affected;
    lead::Entity::update_many()
        .col_expr(lead::Column::PartnerId, Expr::value(target_id))
        .filter(lead::Column::PartnerId.eq(duplicate_id))
        .exec(&txn)
        .await?;
    crate::attachments::service::move_all(&txn, ("partner", duplicate_id), ("partner", target_id))
        .await?;
    // The duplicate's owners keep seeing the partner: they join as shared owners, unless they
    // already own the target in some role. The target's primary owner stays primary.
    let existing: Vec<String> = owner::Entity::find()
        .filter(owner::Column::PartnerId.eq(target_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|o| o.user_id)
        .collect();
    let incoming = owner::Entity::find()
        .filter(owner::Column::PartnerId.eq(duplicate_id))
        .all(&txn)
        .await?;
    let mut joined: Vec<Owner> = Vec::new();
    for o in incoming
        .into_iter()
        .filter(|o| !existing.contains(&o.user_id))
    {
        owner::Entity::insert(owner::ActiveModel {
            partner_id: Set(target_id.to_owned()),
            user_id: Set(o.user_id.clone()),
            role: Set("shared".into()),
            rule_id: Set(None),
        })
        .exec_without_returning(&txn)
        .await?;
        joined.push(Owner {
            user_id: o.user_id,
            role: "shared".into(),
            rule_id: None,
        });
    }
    let mut target = target;
    let mut filled_change = None;
    if let Some(values) = fill_custom_fields(&target, &duplicate) {
        filled_change = Some(Change {
            field: "custom_fields".into(),
            old: target.custom_fields.clone().unwrap_or_default(),
            new: values.clone(),
        });
        let mut filled: partner::ActiveModel = target.clone().into();
        filled.custom_fields = Set(Some(values));
        crate::api::versioned::save(&txn, filled, target_id, target.version).await?;
        target = partner::Entity::find_by_id(target_id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?;
    }
    let mut trashed: partner::ActiveModel = duplicate.clone().into();
    trashed.deleted_at = Set(Some(clock::now()));
    crate::api::versioned::save(&txn, trashed, duplicate_id, duplicate.version).await?;
    let counts = serde_json::json!({"branches": moved_branches, "persons": moved_persons, "activities": moved_activities, "owners": joined});
    let into = vec![Change {
        field: "merged_into".into(),
        old: serde_json::Value::Null,
        new: target_id.into(),
    }];
    history::record(
        &txn,
        caller.actor(),
        "partner",
        duplicate_id,
        "merged_into",
        into,
    )
    .await?;
    let mut from = vec![
        Change {
            field: "merged_from".into(),
            old: serde_json::Value::Null,
            new: duplicate_id.into(),
        },
        Change {
            field: "moved".into(),
            old: serde_json::Value::Null,
            new: counts,
        },
    ];
    from.extend(filled_change);
    history::record(&txn, caller.actor(), "partner", target_id, "merge", from).await?;
    let partner = get_in(&txn, target).await?;
    txn.commit().await?;
    Ok(MergeResult {
        partner,
        moved_branches,
        moved_persons,
        moved_activities,
    })
}

/// The target's custom field values completed with the duplicate's where the target has none;
/// `None` when nothing would change.
fn fill_custom_fields(
    target: &partner::Model,
    duplicate: &partner::Model,
) -> Option<serde_json::Value> {
    let mut values = target
        .custom_fields
        .as_ref()
        .and_then(|v| v.as_object())
        .cloned()
        .unwrap_or_default();
    let before = values.len();
    if let Some(theirs) = duplicate.custom_fields.as_ref().and_then(|v| v.as_object()) {
        for (key, value) in theirs {
            values.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
    let grew = values.len() > before;
    grew.then_some(serde_json::Value::Object(values))
}
