//! Assignment over many partners at once: read them in id order with their owners, decide each
//! against the table, and write what changed in a few statements per batch (territories, primary
//! owners, owner rows and one history entry per partner naming the rule). The preview and the
//! apply job run the same `plan`, so a preview shows exactly what applying does.
use super::decide::{same_owners, Owner, Rule, Table, PRIMARY};
use crate::clock;
use crate::error::ApiResult;
use crate::history::{self, Actor, Change as FieldChange};
use crate::partners::entity::{owner, partner};
use crate::territories::entity::{rule, territory};
use crate::territories::tree::{Address, Tree};
use sea_orm::sea_query::Value;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Statement,
};
use std::collections::HashMap;

pub async fn load_tree(db: &impl ConnectionTrait) -> ApiResult<Tree> {
    let all = territory::Entity::find()
        .filter(territory::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    Ok(Tree::new(&all))
}

pub async fn load_rules(db: &impl ConnectionTrait) -> ApiResult<Vec<Rule>> {
    Ok(rule::Entity::find()
        .filter(rule::Column::DeletedAt.is_null())
        .order_by_asc(rule::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Rule::from)
        .collect())
}

/// A partner as assignment sees it.
#[derive(Debug, Clone)]
pub struct Subject {
    pub id: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub group_id: Option<String>,
    pub territory_id: Option<String>,
    pub owners_locked: bool,
    pub owners: Vec<Owner>,
}

type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
);

/// Live partners after `after` in id order (or exactly `ids`), with their owners.
pub async fn load_subjects(
    db: &impl ConnectionTrait,
    after: Option<&str>,
    ids: Option<&[String]>,
    limit: u64,
) -> ApiResult<Vec<Subject>> {
    let mut q = partner::Entity::find()
        .select_only()
        .columns([
            partner::Column::Id,
            partner::Column::Country,
            partner::Column::Region,
            partner::Column::PostalCode,
            partner::Column::GroupId,
            partner::Column::TerritoryId,
            partner::Column::OwnersLocked,
        ])
        .filter(partner::Column::DeletedAt.is_null())
        .order_by_asc(partner::Column::Id)
        .limit(limit);
    if let Some(after) = after {
        q = q.filter(partner::Column::Id.gt(after));
    }
    if let Some(ids) = ids {
        q = q.filter(partner::Column::Id.is_in(ids.iter().cloned()));
    }
    let rows: Vec<Row> = q.into_tuple().all(db).await?;
    let mut owners: HashMap<String, Vec<Owner>> = HashMap::new();
    if !rows.is_empty() {
        let (first, last) = (&rows[0].0, &rows[rows.len() - 1].0);
        let of_rows = match ids {
            Some(ids) => owner::Column::PartnerId.is_in(ids.iter().cloned()),
            // A range, not a list of ids: one index range scan and no parameter limit.
            None => owner::Column::PartnerId.between(first.clone(), last.clone()),
        };
        for o in owner::Entity::find().filter(of_rows).all(db).await? {
            owners.entry(o.partner_id).or_default().push(Owner {
                user_id: o.user_id,
                role: o.role,
                rule_id: o.rule_id,
            });
        }
    }
    Ok(rows
        .into_iter()
        .map(
            |(id, country, region, postal_code, group_id, territory_id, owners_locked)| {
                let mut own = owners.remove(&id).unwrap_or_default();
                own.sort();
                Subject {
                    id,
                    country,
                    region,
                    postal_code,
                    group_id,
                    territory_id,
                    owners_locked,
                    owners: own,
                }
            },
        )
        .collect())
}

/// What assignment changes on one partner.
#[derive(Debug, Clone)]
pub struct Change {
    pub partner_id: String,
    pub territory: (Option<String>, Option<String>),
    pub from: Vec<Owner>,
    pub to: Vec<Owner>,
    /// The rule that gave the primary owner, when one did.
    pub rule_id: Option<String>,
}

impl Change {
    pub fn owners_changed(&self) -> bool {
        !same_owners(&self.from, &self.to)
    }
}

/// A partner whose primary owner two rules claim.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub partner_id: String,
    pub rule_ids: Vec<String>,
}

/// Decides each partner: the territory its address lies in, then its owners (unless locked).
pub fn plan(tree: &Tree, table: &Table, subjects: &[Subject]) -> (Vec<Change>, Vec<Conflict>) {
    let (mut changes, mut conflicts) = (Vec::new(), Vec::new());
    for s in subjects {
        let territory = tree
            .locate(&Address {
                country: s.country.as_deref(),
                region: s.region.as_deref(),
                postal_code: s.postal_code.as_deref(),
            })
            .map(str::to_owned);
        let decision = table.decide(territory.as_deref(), s.group_id.as_deref());
        if !decision.conflict.is_empty() {
            conflicts.push(Conflict {
                partner_id: s.id.clone(),
                rule_ids: decision.conflict.iter().map(|r| r.id.clone()).collect(),
            });
        }
        let to = if s.owners_locked {
            s.owners.clone()
        } else {
            decision.owners(&s.owners)
        };
        if territory != s.territory_id || !same_owners(&s.owners, &to) {
            changes.push(Change {
                partner_id: s.id.clone(),
                territory: (s.territory_id.clone(), territory),
                from: s.owners.clone(),
                rule_id: to
                    .iter()
                    .find(|o| o.role == PRIMARY)
                    .and_then(|o| o.rule_id.clone()),
                to,
            });
        }
    }
    (changes, conflicts)
}

fn owners_json(owners: &[Owner]) -> serde_json::Value {
    serde_json::json!(owners
        .iter()
        .map(|o| serde_json::json!({"user_id": o.user_id, "role": o.role, "rule_id": o.rule_id}))
        .collect::<Vec<_>>())
}

/// `(v1, v2, v3), (v4, ...)` with numbered placeholders from `start`.
fn values_list(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
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
        let sql = format!(
            "WITH v(id, territory_id, primary_owner_id) AS (VALUES {}) \
             UPDATE partners SET territory_id = v.territory_id, primary_owner_id = v.primary_owner_id, \
             version = partners.version + 1, updated_at = ${} FROM v WHERE partners.id = v.id",
            values_list(chunk.len(), 3),
            chunk.len() * 3 + 1
        );
        let mut values: Vec<Value> = Vec::with_capacity(chunk.len() * 3 + 1);
        for c in chunk {
            values.push(c.partner_id.clone().into());
            values.push(c.territory.1.clone().into());
            values.push(
                c.to.iter()
                    .find(|o| o.role == PRIMARY)
                    .map(|o| o.user_id.clone())
                    .into(),
            );
        }
        values.push(now.into());
        let sql = match backend {
            DatabaseBackend::Postgres => sql,
            _ => sql.replace('$', "?"),
        };
        db.execute(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    let moved: Vec<&Change> = changes.iter().filter(|c| c.owners_changed()).collect();
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
