//! Writing a batch of assignment changes in a few statements: territories and primary owners,
//! owner rows, and one history entry per partner naming the rule.
use super::decide::{Owner, PRIMARY};
use super::engine::Change;
use crate::api::sql::Binds;
use crate::clock;
use crate::error::ApiResult;
use crate::history::{self, Actor, Change as FieldChange};
use crate::partners::entity::owner;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

fn owners_json(owners: &[Owner]) -> serde_json::Value {
    serde_json::json!(owners
        .iter()
        .map(|o| serde_json::json!({"user_id": o.user_id, "role": o.role, "rule_id": o.rule_id}))
        .collect::<Vec<_>>())
}

/// The new primary owner when that is all that changes: the same roles, only the primary's user
/// (one who held no other role) and rule differ.
fn primary_handover(c: &Change) -> Option<&Owner> {
    let primary = |v: &[Owner]| v.iter().position(|o| o.role == PRIMARY);
    let (from, to) = (primary(&c.from)?, primary(&c.to)?);
    let others = |v: &[Owner], skip: usize| -> Vec<(String, String, Option<String>)> {
        let mut k: Vec<_> = v
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, o)| (o.user_id.clone(), o.role.clone(), o.rule_id.clone()))
            .collect();
        k.sort();
        k
    };
    let new = &c.to[to];
    let same_rest = others(&c.from, from) == others(&c.to, to);
    let fresh_user = !c.from.iter().any(|o| o.user_id == new.user_id);
    (same_rest && fresh_user).then_some(new)
}

/// Writes a batch of changes in the caller's transaction.
pub async fn write(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    changes: &[Change],
) -> ApiResult<()> {
    if changes.is_empty() {
        return Ok(());
    }
    let backend = db.get_database_backend();
    let now = clock::now();
    // Partners: territory and primary owner, version bumped so an open form notices.
    for chunk in changes.chunks(2000) {
        let mut binds = Binds::new(backend);
        let rows = binds.rows(chunk.iter().map(|c| {
            let primary = c.to.iter().find(|o| o.role == PRIMARY);
            [
                c.partner_id.clone().into(),
                c.territory.1.clone().into(),
                primary.map(|o| o.user_id.clone()).into(),
            ]
        }));
        let stamp = binds.push(now);
        let sql = format!(
            "WITH v(id, territory_id, primary_owner_id) AS (VALUES {rows}) \
             UPDATE partners SET territory_id = v.territory_id, primary_owner_id = v.primary_owner_id, \
             version = partners.version + 1, updated_at = {stamp} FROM v WHERE partners.id = v.id"
        );
        db.execute(binds.statement(sql)).await?;
    }
    let mut handed: Vec<(&Change, &Owner)> = Vec::new();
    let mut moved: Vec<&Change> = Vec::new();
    for c in changes.iter().filter(|c| c.owners_changed()) {
        match primary_handover(c) {
            Some(to) => handed.push((c, to)),
            None => moved.push(c),
        }
    }
    // The usual change, a primary owner handed to another user, rewrites that one row in place.
    for chunk in handed.chunks(2000) {
        let mut binds = Binds::new(backend);
        let rows = binds.rows(chunk.iter().map(|(c, to)| {
            [
                c.partner_id.clone().into(),
                to.user_id.clone().into(),
                to.rule_id.clone().into(),
            ]
        }));
        let sql = format!(
            "WITH v(partner_id, user_id, rule_id) AS (VALUES {rows}) \
             UPDATE partner_owners SET user_id = v.user_id, rule_id = v.rule_id FROM v \
             WHERE partner_owners.partner_id = v.partner_id AND partner_owners.role = 'primary'"
        );
        db.execute(binds.statement(sql)).await?;
    }
    for chunk in moved.chunks(2000) {
        owner::Entity::delete_many()
            .filter(owner::Column::PartnerId.is_in(chunk.iter().map(|c| c.partner_id.clone())))
            .exec(db)
            .await?;
        let rows: Vec<owner::ActiveModel> = chunk
            .iter()
            .flat_map(|c| {
                c.to.iter().map(|o| owner::ActiveModel {
                    partner_id: sea_orm::Set(c.partner_id.clone()),
                    user_id: sea_orm::Set(o.user_id.clone()),
                    role: sea_orm::Set(o.role.clone()),
                    rule_id: sea_orm::Set(o.rule_id.clone()),
                })
            })
            .collect();
        for rows in rows.chunks(1000) {
            owner::Entity::insert_many(rows.to_vec())
                .exec_without_returning(db)
                .await?;
        }
    }
    let entries = changes.iter().map(|c| {
        let mut fields = Vec::new();
        if c.territory.0 != c.territory.1 {
            fields.push(FieldChange {
                field: "territory_id".into(),
                old: c.territory.0.clone().into(),
                new: c.territory.1.clone().into(),
            });
        }
        if c.owners_changed() {
            fields.push(FieldChange {
                field: "owners".into(),
                old: owners_json(&c.from),
                new: owners_json(&c.to),
            });
            fields.push(FieldChange {
                field: "rule_id".into(),
                old: serde_json::Value::Null,
                new: c.rule_id.clone().into(),
            });
        }
        (c.partner_id.clone(), fields)
    });
    history::record_many(db, actor, "partner", "assign", entries).await?;
    Ok(())
}
