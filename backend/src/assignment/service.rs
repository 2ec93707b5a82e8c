//! The assignment table: read it, preview a proposed one against every partner, apply it (the
//! table is replaced at once and a job reassigns), and explain one partner's owners.
use super::decide::{Rule, Table};
use super::dto::{
    Applied, AssignmentRule, CandidateRule, ConflictItem, Explanation, OwnerRef, Preview,
    PreviewItem, RuleInput, RuleSet,
};
use super::engine::{self, Change, Conflict};
use super::jobs;
use super::read::{load_rules, load_subjects, load_tree, Which};
use crate::access::{Action, Resource};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use crate::partners::dto::OWNER_ROLES;
use crate::partners::entity::partner;
use crate::territories::entity::{rule, territory};
use crate::territories::tree::Tree;
use crate::users::entity::user;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Partners read per round of a preview.
const SCAN: u64 = 5000;

pub async fn list_rules(
    db: &impl ConnectionTrait,
    caller: &Caller,
) -> ApiResult<Vec<AssignmentRule>> {
    caller.require(Resource::Territories, Action::Read)?;
    Ok(rule::Entity::find()
        .filter(rule::Column::DeletedAt.is_null())
        .order_by_asc(rule::Column::Priority)
        .order_by_asc(rule::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(AssignmentRule::from)
        .collect())
}

/// Checks a proposed table, every row at once; gives each new row a `new:<index>` id.
async fn check(db: &impl ConnectionTrait, set: &RuleSet) -> ApiResult<Vec<Rule>> {
    let mut errors = Vec::new();
    let ids = |f: fn(&RuleInput) -> Option<&String>| -> Vec<String> {
        let mut v: Vec<String> = set.rules.iter().filter_map(|r| f(r).cloned()).collect();
        v.sort();
        v.dedup();
        v
    };
    let known = |rows: Vec<String>| rows.into_iter().collect::<HashSet<String>>();
    let territories = known(
        territory::Entity::find()
            .select_only()
            .column(territory::Column::Id)
            .filter(territory::Column::Id.is_in(ids(|r| r.territory_id.as_ref())))
            .filter(territory::Column::DeletedAt.is_null())
            .into_tuple()
            .all(db)
            .await?,
    );
    let groups = known(
        crate::lists::entity::Entity::find()
            .select_only()
            .column(crate::lists::entity::Column::Id)
            .filter(crate::lists::entity::Column::Id.is_in(ids(|r| r.group_id.as_ref())))
            .filter(crate::lists::entity::Column::List.eq("partner_groups"))
            .filter(crate::lists::entity::Column::DeletedAt.is_null())
            .into_tuple()
            .all(db)
            .await?,
    );
    let users = known(
        user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(user::Column::Id.is_in(ids(|r| Some(&r.user_id))))
            .filter(user::Column::DeletedAt.is_null())
            .filter(user::Column::Status.eq("active"))
            .into_tuple()
            .all(db)
            .await?,
    );
    let mut seen_ids = HashSet::new();
    let mut out = Vec::with_capacity(set.rules.len());
    for (i, r) in set.rules.iter().enumerate() {
        let mut bad = |field: &str, code: &str, message: &str| {
            errors.push(FieldError::new(format!("rules.{i}.{field}"), code, message));
        };
        if !OWNER_ROLES.contains(&r.role.as_str()) {
            bad("role", "invalid_choice", "One of primary, deputy, shared.");
        }
        if r.territory_id
            .as_ref()
            .is_some_and(|t| !territories.contains(t))
        {
            bad("territory_id", "unknown_territory", "No such territory.");
        }
        if r.group_id.as_ref().is_some_and(|g| !groups.contains(g)) {
            bad(
                "group_id",
                "unknown_item",
                "Not an item of the partner groups list.",
            );
        }
        if !users.contains(&r.user_id) {
            bad(
                "user_id",
                "unknown_user",
                "Names a user that does not exist or is disabled.",
            );
        }
        if let (Some(from), Some(to)) = (r.valid_from, r.valid_to) {
            if from > to {
                bad("valid_to", "before_start", "Ends before it starts.");
            }
        }
        let id = r.id.clone().unwrap_or_else(|| format!("new:{i}"));
        if !seen_ids.insert(id.clone()) {
            bad("id", "duplicate", "Two rows name the same rule.");
        }
        out.push(Rule {
            id,
            territory_id: r.territory_id.clone(),
            group_id: r.group_id.clone(),
            user_id: r.user_id.clone(),
            role: r.role.clone(),
            priority: r.priority,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::Validation(errors))
    }
}

async fn names(db: &impl ConnectionTrait, ids: Vec<String>) -> ApiResult<HashMap<String, String>> {
    Ok(partner::Entity::find()
        .select_only()
        .columns([partner::Column::Id, partner::Column::Name])
        .filter(partner::Column::Id.is_in(ids))
        .into_tuple::<(String, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// What a scan of one range of partners found.
#[derive(Default)]
struct Tally {
    partners: u64,
    changed: u64,
    relocated: u64,
    conflicts: u64,
    shown: Vec<Change>,
    conflicted: Vec<Conflict>,
}

/// Decides the partners with ids in `(from, until]`, reading the next batch while deciding one.
async fn scan_range(
    db: DatabaseConnection,
    tree: Arc<Tree>,
    rules: Vec<Rule>,
    (from, until): (Option<String>, Option<String>),
    limit: usize,
) -> ApiResult<Tally> {
    let table = Table::new(&tree, rules, clock::now().date_naive());
    let mut t = Tally::default();
    let range = |after: Option<String>| Which::Range {
        after,
        until: until.clone(),
    };
    let mut subjects = load_subjects(&db, range(from), SCAN).await?;
    while let Some(last) = subjects.last().map(|s| s.id.clone()) {
        let decide = async {
            t.partners += subjects.len() as u64;
            let room = limit.saturating_sub(t.shown.len().min(t.conflicted.len()));
            let found = engine::plan(&tree, &table, &subjects, room);
            t.changed += found.changed;
            t.relocated += found.relocated;
            t.conflicts += found.conflicted;
            let room = limit.saturating_sub(t.shown.len());
            t.shown.extend(found.changes.into_iter().take(room));
            let room = limit.saturating_sub(t.conflicted.len());
            t.conflicted.extend(found.conflicts.into_iter().take(room));
        };
        let (next, ()) = tokio::join!(load_subjects(&db, range(Some(last)), SCAN), decide);
        subjects = next?;
    }
    Ok(t)
}

/// Ids that cut the live partners into `parts` ranges of about the same size.
async fn cuts(db: &impl ConnectionTrait, parts: u64) -> ApiResult<Vec<String>> {
    let live = || partner::Entity::find().filter(partner::Column::DeletedAt.is_null());
    let total = live().count(db).await?;
    let mut out = Vec::new();
    for k in 1..parts {
        let cut: Option<String> = live()
            .select_only()
            .column(partner::Column::Id)
            .order_by_asc(partner::Column::Id)
            .offset(total * k / parts)
            .limit(1)
            .into_tuple()
            .one(db)
            .await?;
        out.extend(cut);
    }
    Ok(out)
}

/// Every partner the table would change, without changing anything. The partners are read in
/// two id ranges by two tasks side by side: reading rows, not deciding them, takes the time.
pub async fn scan(db: &DatabaseConnection, rules: Vec<Rule>, limit: usize) -> ApiResult<Preview> {
    let tree = Arc::new(load_tree(db).await?);
    let cut = cuts(db, 2).await?.pop();
    let low = tokio::spawn(scan_range(
        db.clone(),
        tree.clone(),
        rules.clone(),
        (None, cut.clone()),
        limit,
    ));
    let high = match cut {
        Some(c) => scan_range(db.clone(), tree, rules, (Some(c), None), limit).await,
        None => Ok(Tally::default()),
    };
    let low = low
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("a preview task failed: {e}")))?;
    let (low, high) = (low?, high?);
    let mut shown = low.shown;
    shown.extend(high.shown);
    shown.truncate(limit);
    let mut conflicted = low.conflicted;
    conflicted.extend(high.conflicted);
    conflicted.truncate(limit);
    let name_of = names(
        db,
        shown
            .iter()
            .map(|c| c.partner_id.clone())
            .chain(conflicted.iter().map(|c| c.partner_id.clone()))
            .collect(),
    )
    .await?;
    let name = |id: &str| name_of.get(id).cloned().unwrap_or_default();
    Ok(Preview {
        partners: low.partners + high.partners,
        changed: low.changed + high.changed,
        relocated: low.relocated + high.relocated,
        conflicts: low.conflicts + high.conflicts,
        items: shown
            .into_iter()
            .map(|c| PreviewItem {
                partner_name: name(&c.partner_id),
                territory_from: c.territory.0,
                territory_to: c.territory.1,
                from: c.from.iter().map(OwnerRef::from).collect(),
                to: c.to.iter().map(OwnerRef::from).collect(),
                rule_id: c.rule_id,
                partner_id: c.partner_id,
            })
            .collect(),
        conflict_items: conflicted
            .into_iter()
            .map(|c| ConflictItem {
                partner_name: name(&c.partner_id),
                partner_id: c.partner_id,
                rule_ids: c.rule_ids,
            })
            .collect(),
    })
}

pub async fn preview(
    db: &DatabaseConnection,
    caller: &Caller,
    set: RuleSet,
    limit: usize,
) -> ApiResult<Preview> {
    caller.require(Resource::Territories, Action::Update)?;
    let rules = check(db, &set).await?;
    scan(db, rules, limit).await
}

/// What the current table would still change, and its conflicts (the report).
/// For those who manage the table: it names partners beyond the caller's own.
pub async fn pending(db: &DatabaseConnection, caller: &Caller, limit: usize) -> ApiResult<Preview> {
    caller.require(Resource::Territories, Action::Update)?;
    let rules = load_rules(db).await?;
    scan(db, rules, limit).await
}

/// Replaces the table and starts the job that reassigns every partner by it.
pub async fn apply(
    db: &impl TransactionTrait,
    caller: &Caller,
    set: RuleSet,
) -> ApiResult<Applied> {
    caller.require(Resource::Territories, Action::Update)?;
    let txn = db.begin().await?;
    let rules = check(&txn, &set).await?;
    let before = list_rules(&txn, caller).await?;
    let existing: HashSet<String> = before.iter().map(|r| r.id.clone()).collect();
    let now = clock::now();
    let mut kept = HashSet::new();
    let mut written = Vec::with_capacity(rules.len());
    for (i, mut r) in rules.into_iter().enumerate() {
        let keep = !r.id.starts_with("new:") && existing.contains(&r.id);
        if !keep {
            if !r.id.starts_with("new:") {
                return Err(ApiError::invalid(
                    &format!("rules.{i}.id"),
                    "unknown_rule",
                    "No such rule.",
                ));
            }
            r.id = clock::new_id();
        }
        kept.insert(r.id.clone());
        let active = rule::ActiveModel {
            id: Set(r.id.clone()),
            territory_id: Set(r.territory_id.clone()),
            group_id: Set(r.group_id.clone()),
            user_id: Set(r.user_id.clone()),
            role: Set(r.role.clone()),
            priority: Set(r.priority),
            valid_from: Set(r.valid_from),
            valid_to: Set(r.valid_to),
            created_at: Set(now),
            updated_at: Set(now),
            created_by: Set(Some(caller.user_id.clone())),
            version: Set(1),
            deleted_at: Set(None),
        };
        if keep {
            let mut active = active;
            active.created_at = sea_orm::NotSet;
            active.created_by = sea_orm::NotSet;
            active.version = sea_orm::NotSet;
            rule::Entity::update(active).exec(&txn).await?;
        } else {
            rule::Entity::insert(active)
                .exec_without_returning(&txn)
                .await?;
        }
        written.push(AssignmentRule::from_rule(&r, now));
    }
    rule::Entity::update_many()
        .col_expr(
            rule::Column::DeletedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(rule::Column::DeletedAt.is_null())
        .filter(rule::Column::Id.is_not_in(kept))
        .exec(&txn)
        .await?;
    history::record(
        &txn,
        caller.actor(),
        "assignment_rules",
        "table",
        "update",
        history::diff(
            &serde_json::json!({"rules": before}),
            &serde_json::json!({"rules": written}),
        ),
    )
    .await?;
    let job_id = jobs::enqueue(&txn, caller).await?;
    txn.commit().await?;
    crate::jobs::queue::wake();
    Ok(Applied {
        job_id,
        rules: written,
    })
}

/// The rule behind a partner's owners and the candidates it beat.
pub async fn explain(
    db: &impl ConnectionTrait,
    caller: &Caller,
    partner_id: &str,
) -> ApiResult<Explanation> {
    let p =
        crate::partners::service::find_visible(db, caller, Action::Read, partner_id, false).await?;
    let tree = load_tree(db).await?;
    let all = rule::Entity::find()
        .filter(rule::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    let updated: HashMap<String, chrono::DateTime<chrono::Utc>> =
        all.iter().map(|r| (r.id.clone(), r.updated_at)).collect();
    let table = Table::new(
        &tree,
        all.into_iter().map(Rule::from).collect(),
        clock::now().date_naive(),
    );
    let decision = table.decide(p.territory_id.as_deref(), p.group_id.as_deref());
    let subject = load_subjects(db, Which::Ids(std::slice::from_ref(&p.id)), 1).await?;
    let owners = subject
        .first()
        .map(|s| s.owners.clone())
        .unwrap_or_default();
    let owns = |r: &Rule| {
        owners
            .iter()
            .any(|o| o.rule_id.as_deref() == Some(r.id.as_str()))
    };
    let candidates = decision
        .candidates
        .iter()
        .map(|c| CandidateRule {
            rule: AssignmentRule::from_rule(
                c.rule,
                updated.get(&c.rule.id).copied().unwrap_or_default(),
            ),
            rank: c.rank,
            outcome: if decision.conflict.iter().any(|r| r.id == c.rule.id) {
                "tied"
            } else if owns(c.rule) || decision.primary.is_some_and(|r| r.id == c.rule.id) {
                "won"
            } else {
                "beaten"
            }
            .into(),
        })
        .collect();
    let mut path: Vec<String> = p
        .territory_id
        .as_deref()
        .map(|t| {
            tree.chain(t)
                .into_iter()
                .filter_map(|id| tree.get(id))
                .map(|n| n.name.clone())
                .collect()
        })
        .unwrap_or_default();
    path.reverse();
    Ok(Explanation {
        partner_id: p.id,
        territory_id: p.territory_id,
        territory_path: path,
        owners_locked: p.owners_locked,
        owners: owners.iter().map(OwnerRef::from).collect(),
        candidates,
        conflict: !decision.conflict.is_empty(),
    })
}
