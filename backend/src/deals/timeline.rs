//! Everything that happened on a deal, newest first: its activities (calls, meetings, notes, and
//! the mail sent from it, which the outbox logs as an email activity once sent), the mail still
//! on its way (or failed), its attachments and its stage moves.
use super::dto::TimelineEntry;
use super::entity::stage_move;
use crate::access::Action;
use crate::activities::entity as activity;
use crate::attachments::entity as attachment;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::mail::entity as email;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// Entries of each kind read; the timeline shows the newest of them together.
const PER_KIND: u64 = 200;

pub async fn timeline(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: &str,
) -> ApiResult<Vec<TimelineEntry>> {
    super::service::find_visible(db, caller, Action::Read, id, false).await?;
    let mut entries = Vec::new();
    for a in activity::Entity::find()
        .filter(activity::Column::DealId.eq(id))
        .filter(activity::Column::DeletedAt.is_null())
        .order_by_desc(activity::Column::StartedAt)
        .limit(PER_KIND)
        .all(db)
        .await?
    {
        entries.push(TimelineEntry {
            kind: "activity".into(),
            at: a.started_at,
            id: a.id,
            title: format!("{}: {}", a.kind, a.subject),
            detail: a.description,
            user_id: Some(a.user_id),
            from_stage_id: None,
            to_stage_id: None,
            status: None,
        });
    }
    for m in email::Entity::find()
        .filter(email::Column::RelatedType.eq("deal"))
        .filter(email::Column::RelatedId.eq(id))
        .filter(email::Column::Status.ne(crate::mail::outbox::SENT))
        .order_by_desc(email::Column::CreatedAt)
        .limit(PER_KIND)
        .all(db)
        .await?
    {
        entries.push(TimelineEntry {
            kind: "email".into(),
            at: m.created_at,
            id: m.id,
            title: m.subject,
            detail: Some(m.text_body),
            user_id: m.created_by,
            from_stage_id: None,
            to_stage_id: None,
            status: Some(m.status),
        });
    }
    for f in attachment::Entity::find()
        .filter(attachment::Column::EntityType.eq("deal"))
        .filter(attachment::Column::EntityId.eq(id))
        .filter(attachment::Column::DeletedAt.is_null())
        .order_by_desc(attachment::Column::CreatedAt)
        .limit(PER_KIND)
        .all(db)
        .await?
    {
        entries.push(TimelineEntry {
            kind: "attachment".into(),
            at: f.created_at,
            id: f.id,
            title: f.file_name,
            detail: Some(f.content_type),
            user_id: f.created_by,
            from_stage_id: None,
            to_stage_id: None,
            status: None,
        });
    }
    for s in stage_move::Entity::find()
        .filter(stage_move::Column::DealId.eq(id))
        .order_by_desc(stage_move::Column::MovedAt)
        .limit(PER_KIND)
        .all(db)
        .await?
    {
        entries.push(TimelineEntry {
            kind: "stage".into(),
            at: s.moved_at,
            id: s.id,
            title: String::new(),
            detail: None,
            user_id: s.user_id,
            from_stage_id: s.from_stage_id,
            to_stage_id: Some(s.to_stage_id),
            status: None,
        });
    }
    entries.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    entries.truncate(PER_KIND as usize);
    Ok(entries)
}
