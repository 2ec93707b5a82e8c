//! Mailings: one personalised email per person, fanned out by a job in batches. Each batch commits
//! its emails together with the mailing's counts and the job's progress, so a crash or restart
//! resumes after the last batch that committed without sending anyone two. Marketing
//! mail goes only to persons who consented, and carries their unsubscribe link.
use super::context::{self, person_email};
use super::dto::{CreateMailing, Mailing};
use super::entity::{mailing, template};
use super::render;
use super::service::pick;
use crate::access::{Action, Resource};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::jobs::entity as job;
use crate::jobs::queue;
use crate::jobs::worker::{JobFailure, JobResult};
use crate::mail::outbox::{self, NewEmail};
use crate::partners::entity::partner;
use crate::persons::entity as person;
use crate::state::AppState;
use crate::users::entity::user;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// The job that fans a mailing out.
pub const FAN_OUT_JOB: &str = "mailing.fan_out";
const BATCH: usize = 500;

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateMailing,
) -> ApiResult<Mailing> {
    caller.require(Resource::Mailings, Action::Create)?;
    let person_scope = caller.require(Resource::Persons, Action::Read)?;
    let txn = db.begin().await?;
    if pick(&txn, &input.template_key, "en").await?.is_none() {
        return Err(ApiError::invalid(
            "template_key",
            "unknown_template",
            "No such template.",
        ));
    }
    let mut ids: Vec<String> = Vec::with_capacity(input.person_ids.len());
    let mut seen = HashSet::new();
    for id in input.person_ids {
        if seen.insert(id.clone()) {
            ids.push(id);
        }
    }
    // Every person must be one the sender may see.
    for chunk in ids.chunks(500) {
        let visible: HashSet<String> = person::Entity::find()
            .select_only()
            .column(person::Column::Id)
            .filter(person::Column::Id.is_in(chunk.iter().cloned()))
            .filter(crate::persons::service::visible(person_scope, caller))
            .into_tuple::<String>()
            .all(&txn)
            .await?
            .into_iter()
            .collect();
        if let Some((i, missing)) = chunk
            .iter()
            .enumerate()
            .find(|(_, id)| !visible.contains(*id))
        {
            return Err(ApiError::invalid(
                &format!("person_ids.{i}"),
                "unknown_person",
                &format!("No such person: {missing}."),
            ));
        }
    }
    let now = clock::now();
    let id = clock::new_id();
    let job_id = queue::enqueue(
        &txn,
        FAN_OUT_JOB,
        serde_json::json!({"mailing_id": id}),
        now,
        Some(&caller.user_id),
    )
    .await?;
    let model = mailing::Model {
        id: id.clone(),
        template_key: input.template_key,
        person_ids: Some(serde_json::json!(ids)),
        job_id: Some(job_id),
        status: "queued".into(),
        queued_count: 0,
        skipped_count: 0,
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    mailing::Entity::insert(mailing::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    crate::history::record(
        &txn,
        caller.actor(),
        "mailing",
        &id,
        "create",
        crate::history::created(
            &serde_json::json!({"template_key": model.template_key, "persons": ids.len()}),
        ),
    )
    .await?;
    txn.commit().await?;
    queue::wake();
    Ok(model.into())
}

pub async fn list(db: &impl ConnectionTrait, caller: &Caller) -> ApiResult<Vec<Mailing>> {
    caller.require(Resource::Mailings, Action::Read)?;
    Ok(mailing::Entity::find()
        .order_by_desc(mailing::Column::CreatedAt)
        .limit(200)
        .all(db)
        .await?
        .into_iter()
        .map(Mailing::from)
        .collect())
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Mailing> {
    caller.require(Resource::Mailings, Action::Read)?;
    mailing::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(Mailing::from)
        .ok_or(ApiError::NotFound)
}

/// A template's language versions, each compiled once for the whole fan-out.
struct Versions<'t> {
    all: &'t [template::Model],
    compiled: HashMap<&'static str, (&'t template::Model, render::Compiled<'t>)>,
}

impl<'t> Versions<'t> {
    /// The version for a language: its own, else English, else any (as [`super::service::pick`]).
    fn get(
        &mut self,
        language: &'static str,
    ) -> Result<&(&'t template::Model, render::Compiled<'t>), JobFailure> {
        if !self.compiled.contains_key(language) {
            let by = |lang: &str| self.all.iter().find(|t| t.language == lang);
            let t = by(language)
                .or_else(|| by("en"))
                .or_else(|| self.all.first())
                .ok_or_else(|| JobFailure::Dead("the template is gone".into()))?;
            let compiled = render::Compiled::new(t).map_err(JobFailure::Dead)?;
            self.compiled.insert(language, (t, compiled));
        }
        self.compiled
            .get(language)
            .ok_or_else(|| JobFailure::Dead("the template is gone".into()))
    }
}

/// The `mailing.fan_out` job. Each batch is read and rendered outside any transaction (on
/// SQLite the single writer stays free for the sender), then written in one short transaction
/// with the mailing's counts and the job's progress.
pub async fn fan_out(state: &AppState, job: &job::Model) -> JobResult {
    let mailing_id = job
        .payload
        .as_ref()
        .and_then(|p| p["mailing_id"].as_str())
        .ok_or_else(|| JobFailure::Dead("payload lacks mailing_id".into()))?;
    let db = &state.db.write;
    let m = mailing::Entity::find_by_id(mailing_id)
        .one(db)
        .await
        .map_err(ApiError::from)?
        .ok_or_else(|| JobFailure::Dead(format!("mailing {mailing_id} is gone")))?;
    let ids: Vec<String> = m
        .person_ids
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let sender = match &m.created_by {
        Some(u) => user::Entity::find_by_id(u.as_str())
            .one(db)
            .await
            .map_err(ApiError::from)?,
        None => None,
    };
    let all = template::Entity::find()
        .filter(template::Column::Key.eq(m.template_key.as_str()))
        .filter(template::Column::DeletedAt.is_null())
        .all(db)
        .await
        .map_err(ApiError::from)?;
    if all.is_empty() {
        return Err(JobFailure::Dead(format!(
            "template {} is gone",
            m.template_key
        )));
    }
    let mut versions = Versions {
        all: &all,
        compiled: HashMap::new(),
    };
    let total = ids.len() as i64;
    // A batch's emails commit with the job's progress, so a run after a crash starts right after
    // the last batch that committed: nobody gets their email twice.
    let resumed = (job.progress_done.max(0) as usize).min(ids.len());
    let mut done = resumed;
    for chunk in ids[resumed..].chunks(BATCH) {
        let mails = render_batch(state, &m, sender.as_ref(), &mut versions, chunk).await?;
        let txn = db.begin().await.map_err(ApiError::from)?;
        if txn.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            // A batch lost with the database server is redone: the job's progress goes with it.
            txn.execute_unprepared("SET LOCAL synchronous_commit TO OFF")
                .await
                .map_err(ApiError::from)?;
        }
        let queued = outbox::queue_many(
            &txn,
            &state.settings.mail_from,
            m.created_by.as_deref(),
            mails,
        )
        .await? as i64;
        // Persons deleted since, or without an address or consent.
        let skipped = chunk.len() as i64 - queued;
        mailing::Entity::update_many()
            .col_expr(mailing::Column::Status, Expr::value("running"))
            .col_expr(
                mailing::Column::QueuedCount,
                Expr::col(mailing::Column::QueuedCount).add(queued),
            )
            .col_expr(
                mailing::Column::SkippedCount,
                Expr::col(mailing::Column::SkippedCount).add(skipped),
            )
            .col_expr(mailing::Column::UpdatedAt, Expr::value(clock::now()))
            .filter(mailing::Column::Id.eq(mailing_id))
            .exec(&txn)
            .await
            .map_err(ApiError::from)?;
        done += chunk.len();
        let lease =
            state.clock.now() + chrono::Duration::seconds(state.settings.job_lease_secs as i64);
        queue::progress(&txn, &job.id, done as i64, total, lease).await?;
        txn.commit().await.map_err(ApiError::from)?;
        // The sender starts on this batch while the next one renders.
        queue::wake();
    }
    mailing::Entity::update_many()
        .col_expr(mailing::Column::Status, Expr::value("done"))
        .filter(mailing::Column::Id.eq(mailing_id))
        .exec(db)
        .await
        .map_err(ApiError::from)?;
    Ok(Some(serde_json::json!({"mailing_id": mailing_id})))
}

/// Renders the emails of one batch: one per person who still exists, has an address and, for
/// marketing mail, consented.
async fn render_batch(
    state: &AppState,
    m: &mailing::Model,
    sender: Option<&user::Model>,
    versions: &mut Versions<'_>,
    ids: &[String],
) -> Result<Vec<NewEmail>, JobFailure> {
    let db = &state.db.read;
    let persons = person::Entity::find()
        .filter(person::Column::Id.is_in(ids.iter().cloned()))
        .filter(person::Column::DeletedAt.is_null())
        .all(db)
        .await
        .map_err(ApiError::from)?;
    let partner_ids: Vec<String> = persons
        .iter()
        .filter_map(|p| p.partner_id.clone())
        .collect();
    let partners: HashMap<String, partner::Model> = partner::Entity::find()
        .filter(partner::Column::Id.is_in(partner_ids))
        .all(db)
        .await
        .map_err(ApiError::from)?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let mut mails = Vec::with_capacity(persons.len());
    for p in &persons {
        let partner = p.partner_id.as_ref().and_then(|id| partners.get(id));
        let (template, compiled) = versions.get(context::language_of(partner))?;
        let marketing = template.purpose == "marketing";
        let Some(to) = person_email(p).filter(|_| !marketing || p.marketing_consent) else {
            continue;
        };
        let unsubscribe = if marketing {
            let stamp = p.consent_at.map_or(0, |t| t.timestamp_micros());
            let token = state
                .jwt
                .sign_unsubscribe(&p.id, stamp)
                .map_err(|e| JobFailure::Dead(e.to_string()))?;
            Some(format!(
                "{}/api/v1/unsubscribe/{token}",
                state.settings.public_url.trim_end_matches('/')
            ))
        } else {
            None
        };
        let ctx = context::context(Some(p), partner, sender, unsubscribe.as_deref());
        let mut rendered = compiled.render(&ctx).map_err(JobFailure::Dead)?;
        if let Some(url) = &unsubscribe {
            // Every marketing mail can be unsubscribed from, whatever its template says.
            if !rendered.text.contains(url.as_str()) {
                rendered
                    .text
                    .push_str(&format!("\n\n--\nUnsubscribe: {url}\n"));
            }
        }
        mails.push(NewEmail {
            to: vec![to],
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
            channel: "email",
            related: Some(("mailing".into(), m.id.clone())),
            partner_id: p.partner_id.clone(),
            person_id: Some(p.id.clone()),
        });
    }
    Ok(mails)
}
