//! The same change to many deals picked in a list or on the board: a new owner, a move into a
//! stage, or both. All of them or none (one transaction); each is checked and recorded in
//! history like a single edit, and a problem names the deal it is about.
use super::dto::{BulkDeals, DealFields, MoveDeal};
use super::{service, Env};
use crate::access::Action;
use crate::api::IfMatch;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::partners::dto::BulkResult;
use sea_orm::{DatabaseTransaction, TransactionTrait};

async fn one(
    txn: &DatabaseTransaction,
    env: Env<'_>,
    caller: &Caller,
    id: &str,
    input: &BulkDeals,
) -> ApiResult<()> {
    let mut version = service::find_visible(txn, caller, Action::Update, id, false)
        .await?
        .version;
    if let Some(owner) = &input.owner_id {
        let fields = DealFields {
            owner_id: Some(owner.clone()),
            ..Default::default()
        };
        version = service::update(txn, env, caller, id, IfMatch(version), fields)
            .await?
            .version;
    }
    if let Some(stage) = &input.stage_id {
        let to = MoveDeal {
            stage_id: stage.clone(),
            realised_amount: None,
            realised_on: None,
            close_reason: None,
        };
        service::move_stage(txn, env, caller, id, IfMatch(version), to).await?;
    }
    Ok(())
}

pub async fn apply(
    db: &impl TransactionTrait,
    env: Env<'_>,
    caller: &Caller,
    input: BulkDeals,
) -> ApiResult<BulkResult> {
    if input.owner_id.is_none() && input.stage_id.is_none() {
        return Err(ApiError::invalid(
            "owner_id",
            "required",
            "Give a new owner, a stage, or both.",
        ));
    }
    let mut ids = input.ids.clone();
    ids.sort();
    ids.dedup();
    let txn = db.begin().await?;
    for (i, id) in ids.iter().enumerate() {
        one(&txn, env, caller, id, &input)
            .await
            .map_err(|e| match e {
                ApiError::NotFound => {
                    ApiError::invalid("ids", "unknown_deal", &format!("No such deal: {id}."))
                }
                ApiError::Validation(errors) => ApiError::Validation(
                    errors
                        .into_iter()
                        .map(|mut f| {
                            f.message = format!("{id}: {}", f.message);
                            f.field = format!("ids[{i}].{}", f.field);
                            f
                        })
                        .collect(),
                ),
                other => other,
            })?;
    }
    txn.commit().await?;
    Ok(BulkResult {
        changed: ids.len() as u64,
    })
}
