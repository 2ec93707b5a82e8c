//! Moving a deal between the stages of its type: the type's rules (skip, back), what won and lost
//! require, the stage history (who, when, from, to, time spent) and the stage's deadline, which
//! the alarms watch.
use super::dto::MoveDeal;
use super::entity::{deal, stage_move};
use crate::alarms::service::{self as alarms, NewDeadline};
use crate::api::versioned;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::pipelines::dto::{DealType, Stage};
use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ConnectionTrait, EntityTrait};

pub const DEADLINE: &str = "deal_stage";

/// When a deal entering `stage` at `entered` overstays it; none for closed stages and stages
/// without a planned duration.
pub fn due_at(stage: &Stage, entered: DateTime<Utc>) -> Option<DateTime<Utc>> {
    stage
        .planned_days
        .filter(|_| stage.outcome == "open")
        .map(|days| entered + Duration::days(days.into()))
}

/// Keeps the deal's deadline in step with it: an open deal with a due time has one, for its
/// owner; any other has none.
pub async fn sync_deadline(
    db: &impl ConnectionTrait,
    deal: &deal::Model,
    stage_name: &str,
    by: Option<&str>,
) -> ApiResult<()> {
    match deal.stage_due_at.filter(|_| deal.status == "open") {
        Some(due_at) => {
            let title = format!("{} ({stage_name})", deal.title);
            alarms::register(
                db,
                NewDeadline {
                    source_type: DEADLINE,
                    source_id: &deal.id,
                    title: &title,
                    due_at,
                    user_id: &deal.owner_id,
                    partner_id: Some(&deal.partner_id),
                },
                by,
            )
            .await?;
        }
        None => alarms::clear(db, DEADLINE, &deal.id).await?,
    }
    Ok(())
}

/// Writes the stage history row of `deal` having entered its current stage.
pub async fn record_entry(
    db: &impl ConnectionTrait,
    deal: &deal::Model,
    from: Option<(&str, DateTime<Utc>)>,
    by: Option<&str>,
) -> ApiResult<()> {
    let row = stage_move::Model {
        id: clock::new_id(),
        deal_id: deal.id.clone(),
        from_stage_id: from.map(|(s, _)| s.to_owned()),
        to_stage_id: deal.stage_id.clone(),
        user_id: by.map(str::to_owned),
        moved_at: deal.stage_entered_at,
        seconds_in_from: from.map(|(_, entered)| (deal.stage_entered_at - entered).num_seconds()),
    };
    stage_move::Entity::insert(stage_move::ActiveModel::from(row))
        .exec_without_returning(db)
        .await?;
    Ok(())
}

fn rule_broken(code: &'static str, message: &str) -> ApiError {
    ApiError::invalid("stage_id", code, message)
}

/// Moves `model` (already checked for the caller's access and version) as `input` asks; the
/// deal as stored afterwards. Moving into the stage it is in changes nothing.
pub async fn apply(
    db: &impl ConnectionTrait,
    by: &str,
    now: DateTime<Utc>,
    deal_type: &DealType,
    model: deal::Model,
    input: &MoveDeal,
) -> ApiResult<deal::Model> {
    if model.status == "cancelled" {
        return Err(ApiError::conflict(
            "deal_cancelled",
            "The deal is cancelled; reopen it before moving it.",
        ));
    }
    let to = deal_type
        .stages
        .iter()
        .find(|s| s.id == input.stage_id)
        .ok_or_else(|| rule_broken("unknown_stage", "No such stage in the deal's type."))?;
    if to.id == model.stage_id {
        return Ok(model);
    }
    let from_position = deal_type
        .stages
        .iter()
        .find(|s| s.id == model.stage_id)
        .map_or(0, |s| s.position);
    if to.position < from_position && !deal_type.allow_back {
        return Err(rule_broken(
            "stage_back_not_allowed",
            "Deals of this type do not go back to an earlier stage.",
        ));
    }
    if to.outcome == "open" && to.position > from_position + 1 && !deal_type.allow_skip {
        return Err(rule_broken(
            "stage_skip_not_allowed",
            "Deals of this type go through every stage in order.",
        ));
    }
    let mut active = deal::ActiveModel {
        stage_id: Set(to.id.clone()),
        status: Set(to.outcome.clone()),
        stage_entered_at: Set(now),
        ..Default::default()
    };
    match to.outcome.as_str() {
        "won" => {
            let Some(amount) = input.realised_amount.or(model.realised_amount) else {
                return Err(ApiError::invalid(
                    "realised_amount",
                    "required",
                    "A won deal needs the realised value.",
                ));
            };
            active.realised_amount = Set(Some(amount));
            active.realised_on = Set(Some(input.realised_on.unwrap_or(now.date_naive())));
            active.close_reason = Set(input.close_reason.clone());
        }
        "lost" => {
            let Some(reason) = input.close_reason.clone() else {
                return Err(ApiError::invalid(
                    "close_reason",
                    "required",
                    "A lost deal needs the reason.",
                ));
            };
            active.close_reason = Set(Some(reason));
            active.realised_amount = Set(None);
            active.realised_on = Set(None);
        }
        _ => {
            active.close_reason = Set(None);
            active.realised_amount = Set(None);
            active.realised_on = Set(None);
        }
    }
    active.stage_due_at = Set(due_at(to, now));
    versioned::save(db, active, &model.id, model.version).await?;
    let moved = deal::Entity::find_by_id(&model.id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    record_entry(
        db,
        &moved,
        Some((&model.stage_id, model.stage_entered_at)),
        Some(by),
    )
    .await?;
    sync_deadline(db, &moved, &to.name, Some(by)).await?;
    Ok(moved)
}
