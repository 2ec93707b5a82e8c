//! Bulk actions on partners picked in a list: all of them or none (one transaction), each change
//! checked against the caller's scope and recorded in history like a single edit.
use super::dto::{BulkAction, BulkPartners, BulkResult};
use super::entity::owner;
use super::entity::partner;
use super::service::{check_active_users, find_visible, owners_of};
use crate::access::Action;
use crate::api::versioned;
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::lists::service::{check_codes, check_item};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, DatabaseTransaction, EntityTrait, QueryFilter,
    TransactionTrait,
};

fn tags_of(m: &partner::Model) -> Vec<String> {
    m.tags
        .as_ref()
        .and_then(|t| serde_json::from_value(t.clone()).ok())
        .unwrap_or_default()
}

pub async fn apply(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: BulkPartners,
) -> ApiResult<BulkResult> {
    let txn = db.begin().await?;
    match &input.action {
        BulkAction::AddTags | BulkAction::RemoveTags => {
            check_codes(&txn, "tags", "tags", &input.tags).await?
        }
        BulkAction::SetGroup => {
            if let Some(g) = &input.group_id {
                check_item(&txn, "partner_groups", "group_id", g).await?;
            }
        }
        BulkAction::SetOwner => {
            let Some(owner) = &input.owner_id else {
                return Err(ApiError::invalid(
                    "owner_id",
                    "required",
                    "Name the new primary owner.",
                ));
            };
            check_active_users(&txn, "owner_id", std::slice::from_ref(owner)).await?;
        }
        BulkAction::Delete => {}
    }
    let needs = match input.action {
        BulkAction::Delete => Action::Delete,
        BulkAction::SetOwner => Action::Assign,
        _ => Action::Update,
    };
    let mut ids = input.ids.clone();
    ids.sort();
    ids.dedup();
    for id in &ids {
        // A partner the caller cannot see fails the whole batch, naming the id.
        let model = find_visible(&txn, caller, needs, id, false)
            .await
            .map_err(|e| match e {
                ApiError::NotFound => {
                    ApiError::invalid("ids", "unknown_partner", &format!("No such partner: {id}."))
                }
                other => other,
            })?;
        if let (BulkAction::SetOwner, Some(owner)) = (input.action, &input.owner_id) {
            set_primary(&txn, caller, &model, owner, input.lock).await?;
            continue;
        }
        let (version, before) = (
            model.version,
            serde_json::json!({"tags": tags_of(&model), "group_id": model.group_id}),
        );
        let mut active: partner::ActiveModel = model.clone().into();
        let action = match input.action {
            BulkAction::AddTags => {
                let mut tags = tags_of(&model);
                tags.extend(
                    input
                        .tags
                        .iter()
                        .filter(|t| !tags_of(&model).contains(t))
                        .cloned(),
                );
                active.tags = Set(Some(serde_json::json!(tags)));
                "update"
            }
            BulkAction::RemoveTags => {
                let tags: Vec<String> = tags_of(&model)
                    .into_iter()
                    .filter(|t| !input.tags.contains(t))
                    .collect();
                active.tags = Set(Some(serde_json::json!(tags)));
                "update"
            }
            BulkAction::SetGroup => {
                active.group_id = Set(input.group_id.clone());
                "update"
            }
            BulkAction::Delete => {
                active.deleted_at = Set(Some(clock::now()));
                "delete"
            }
            BulkAction::SetOwner => "assign",
        };
        let after = serde_json::json!({
            "tags": match &active.tags { sea_orm::ActiveValue::Set(Some(t)) => t.clone(), _ => before["tags"].clone() },
            "group_id": match &active.group_id { sea_orm::ActiveValue::Set(g) => serde_json::json!(g), _ => before["group_id"].clone() },
        });
        versioned::save(&txn, active, id, version).await?;
        history::record(
            &txn,
            caller.actor(),
            "partner",
            id,
            action,
            history::diff(&before, &after),
        )
        .await?;
    }
    if input.action == BulkAction::SetGroup {
        // A new group can mean new owners.
        crate::assignment::follow::partners(&txn, caller.actor(), &ids).await?;
    }
    txn.commit().await?;
    Ok(BulkResult {
        changed: ids.len() as u64,
    })
}

/// Hands a partner to a new primary owner by hand: the former primary goes, deputies and shared
/// owners stay (the new owner leaves any other role they had).
async fn set_primary(
    txn: &DatabaseTransaction,
    caller: &Caller,
    model: &partner::Model,
    owner_id: &str,
    lock: Option<bool>,
) -> ApiResult<()> {
    let before = owners_of(txn, std::slice::from_ref(&model.id)).await?;
    owner::Entity::delete_many()
        .filter(owner::Column::PartnerId.eq(model.id.as_str()))
        .filter(
            Condition::any()
                .add(owner::Column::Role.eq("primary"))
                .add(owner::Column::UserId.eq(owner_id)),
        )
        .exec(txn)
        .await?;
    owner::Entity::insert(owner::ActiveModel {
        partner_id: Set(model.id.clone()),
        user_id: Set(owner_id.to_owned()),
        role: Set("primary".into()),
        rule_id: Set(None),
    })
    .exec_without_returning(txn)
    .await?;
    let mut active: partner::ActiveModel = model.clone().into();
    active.primary_owner_id = Set(Some(owner_id.to_owned()));
    if let Some(lock) = lock {
        active.owners_locked = Set(lock);
    }
    versioned::save(txn, active, &model.id, model.version).await?;
    let after = owners_of(txn, std::slice::from_ref(&model.id)).await?;
    history::record(
        txn,
        caller.actor(),
        "partner",
        &model.id,
        "assign",
        history::diff(
            &serde_json::json!({"owners": before.get(&model.id), "owners_locked": model.owners_locked}),
            &serde_json::json!({"owners": after.get(&model.id), "owners_locked": lock.unwrap_or(model.owners_locked)}),
        ),
    )
    .await?;
    Ok(())
}
