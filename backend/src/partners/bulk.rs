//! Bulk actions on partners picked in a list: all of them or none (one transaction), each change
//! checked against the caller's scope and recorded in history like a single edit.
use super::dto::{BulkAction, BulkPartners, BulkResult};
use super::entity::partner;
use super::service::find_visible;
use crate::access::Action;
use crate::api::versioned;
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history;
use crate::lists::service::{check_codes, check_item};
use sea_orm::{ActiveValue::Set, TransactionTrait};

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
        BulkAction::Delete => {}
    }
    let needs = if input.action == BulkAction::Delete {
        Action::Delete
    } else {
        Action::Update
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
    txn.commit().await?;
    Ok(BulkResult {
        changed: ids.len() as u64,
    })
}
