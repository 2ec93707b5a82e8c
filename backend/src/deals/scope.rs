//! Who sees a deal. Sale deals answer to the `deals` grants and supply deals to `supply_deals`,
//! so a buyer can work procurement without seeing sales. Under `own` a deal is the user's when
//! they own it, created it, or own its partner ("my partners' deals"); `team` widens each of
//! those to the user's team-mates.
use super::entity::deal;
use crate::access::{scope_condition, Action, Resource, Scope, ScopeColumn};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::partners::entity::partner;
use crate::partners::scope::{partner_visible, visible as partners_visible};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

pub const KINDS: [&str; 2] = ["sale", "supply"];

/// Beyond this many visible partners a list filters by the partner rules in SQL instead of by
/// their ids (an IN list that long costs more than it saves).
const MAX_PARTNER_IDS: usize = 5000;

pub fn resource(kind: &str) -> Resource {
    if kind == "supply" {
        Resource::SupplyDeals
    } else {
        Resource::Deals
    }
}

fn deals_column(column: &'static str) -> ScopeColumn {
    ScopeColumn {
        table: "deals",
        column,
    }
}

fn people(scope: Scope, user_id: &str) -> Condition {
    Condition::any()
        .add(scope_condition(scope, user_id, deals_column("owner_id")))
        .add(scope_condition(scope, user_id, deals_column("created_by")))
}

/// The deals of one kind within `scope` (for one record: the partner rule is a subquery).
pub fn visible(scope: Scope, user_id: &str) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    people(scope, user_id).add(partner_visible(scope, user_id, "deals", "partner_id"))
}

/// `visible` for lists: the partners in scope are read first, so the database finds the deals
/// through its indexes on owner and partner instead of testing the partner rule on every deal of
/// the pipeline.
async fn visible_in_list(
    db: &impl ConnectionTrait,
    scope: Scope,
    user_id: &str,
) -> ApiResult<Condition> {
    if scope == Scope::All {
        return Ok(Condition::all());
    }
    Ok(people(scope, user_id).add(partners_in_list(db, scope, user_id).await?))
}

/// Deals of the partners within `scope`: by their ids, read first, or by the partner rule when
/// there are too many.
async fn partners_in_list(
    db: &impl ConnectionTrait,
    scope: Scope,
    user_id: &str,
) -> ApiResult<Condition> {
    let ids: Vec<String> = partner::Entity::find()
        .filter(partners_visible(scope, user_id))
        .select_only()
        .column(partner::Column::Id)
        .limit(MAX_PARTNER_IDS as u64 + 1)
        .into_tuple()
        .all(db)
        .await?;
    if ids.len() > MAX_PARTNER_IDS {
        return Ok(Condition::all().add(partner_visible(scope, user_id, "deals", "partner_id")));
    }
    Ok(Condition::all().add(deal::Column::PartnerId.is_in(ids)))
}

/// The deals of one kind the caller may `action`, as disjoint branches: those they own, those they
/// created and do not own, and those of their partners they neither own nor created. Each branch
/// is found by its own index (owner, creator, partner), which on SQLite, unlike one OR of the
/// three, can answer a board column's sums from the index alone and stop at its first cards.
/// One branch, every deal of the kind, under the `all` scope; 403 without the grant.
pub async fn branches(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    kind: &str,
) -> ApiResult<Vec<Condition>> {
    let scope = caller
        .grants
        .scope(resource(kind), action)
        .ok_or(ApiError::Forbidden)?;
    let of_kind = || Condition::all().add(deal::Column::Kind.eq(kind));
    if scope == Scope::All {
        return Ok(vec![of_kind()]);
    }
    let user_id = caller.user_id.as_str();
    let owner = scope_condition(scope, user_id, deals_column("owner_id"));
    let creator = scope_condition(scope, user_id, deals_column("created_by"));
    // A deal without a creator is not the caller's creation (NOT of a NULL comparison is NULL).
    let not_created = Condition::any()
        .add(deal::Column::CreatedBy.is_null())
        .add(creator.clone().not());
    Ok(vec![
        of_kind().add(owner.clone()),
        of_kind().add(creator).add(owner.clone().not()),
        of_kind()
            .add(partners_in_list(db, scope, user_id).await?)
            .add(owner.not())
            .add(not_created),
    ])
}

/// The deals of every kind (or of `only`) the caller may `action`, each kind under its own
/// grant's scope; 403 when the caller may not `action` any of them.
pub async fn reachable(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    only: Option<&str>,
) -> ApiResult<Condition> {
    let mut any = Condition::any();
    let mut granted = false;
    // Sale and supply grants usually share a scope: its partners are read once.
    let mut read: Vec<(Scope, Condition)> = Vec::new();
    for kind in KINDS.iter().filter(|k| only.is_none_or(|o| o == **k)) {
        if let Some(scope) = caller.grants.scope(resource(kind), action) {
            granted = true;
            let visible = match read.iter().find(|(s, _)| *s == scope) {
                Some((_, c)) => c.clone(),
                None => {
                    let c = visible_in_list(db, scope, &caller.user_id).await?;
                    read.push((scope, c.clone()));
                    c
                }
            };
            any = any.add(
                Condition::all()
                    .add(deal::Column::Kind.eq(*kind))
                    .add(visible),
            );
        }
    }
    if granted {
        Ok(any)
    } else {
        Err(ApiError::Forbidden)
    }
}
