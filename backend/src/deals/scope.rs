//! Who sees a deal. Sale deals answer to the `deals` grants and supply deals to `supply_deals`,
//! so a buyer can work procurement without seeing sales. Under `own` a deal is the user's when
//! they own it, created it, or own its partner ("my partners' deals"); `team` widens each of
//! those to the user's team-mates.
use super::entity::deal;
use crate::access::{scope_condition, Action, Resource, Scope, ScopeColumn};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::partners::scope::partner_visible;
use sea_orm::{ColumnTrait, Condition};

pub const KINDS: [&str; 2] = ["sale", "supply"];

pub fn resource(kind: &str) -> Resource {
    if kind == "supply" {
        Resource::SupplyDeals
    } else {
        Resource::Deals
    }
}

/// The deals of one kind within `scope`.
pub fn visible(scope: Scope, user_id: &str) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    let column = |column| ScopeColumn {
        table: "deals",
        column,
    };
    Condition::any()
        .add(scope_condition(scope, user_id, column("owner_id")))
        .add(scope_condition(scope, user_id, column("created_by")))
        .add(partner_visible(scope, user_id, "deals", "partner_id"))
}

/// The deals of every kind (or of `only`) the caller may `action`, each kind under its own
/// grant's scope; 403 when the caller may not `action` any of them.
pub fn reachable(caller: &Caller, action: Action, only: Option<&str>) -> ApiResult<Condition> {
    let mut any = Condition::any();
    let mut granted = false;
    for kind in KINDS.iter().filter(|k| only.is_none_or(|o| o == **k)) {
        if let Some(scope) = caller.grants.scope(resource(kind), action) {
            granted = true;
            any = any.add(
                Condition::all()
                    .add(deal::Column::Kind.eq(*kind))
                    .add(visible(scope, &caller.user_id)),
            );
        }
    }
    if granted {
        Ok(any)
    } else {
        Err(ApiError::Forbidden)
    }
}
