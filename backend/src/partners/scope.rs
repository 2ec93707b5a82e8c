//! Who sees a partner: `own` reaches partners the user owns (primary, deputy or shared) or created;
//! `team` those of the user's team-mates; `all` every partner. Records under a partner (branches,
//! persons, activities, ...) are visible exactly when their partner is: see [`partner_visible`].
use crate::access::{team_condition, Scope};
use sea_orm::sea_query::{Alias, Condition, Expr, Query, SelectStatement, SimpleExpr};

fn col(table: &str, column: &str) -> SimpleExpr {
    Expr::col((Alias::new(table), Alias::new(column))).into()
}

fn owned_by(user_cond: Condition) -> SelectStatement {
    Query::select()
        .column((Alias::new("partner_owners"), Alias::new("partner_id")))
        .from(Alias::new("partner_owners"))
        .cond_where(user_cond)
        .to_owned()
}

/// Partners the user owns in any role (primary, deputy, shared): "my partners".
pub fn owned_by_user(user_id: &str) -> Condition {
    let owner = col("partner_owners", "user_id");
    Condition::all().add(Expr::expr(col("partners", "id")).in_subquery(owned_by(
        Condition::all().add(Expr::expr(owner).eq(user_id)),
    )))
}

/// The condition on the `partners` table for a caller's scope.
pub fn visible(scope: Scope, user_id: &str) -> Condition {
    let id = col("partners", "id");
    let creator = col("partners", "created_by");
    let owner = col("partner_owners", "user_id");
    match scope {
        Scope::All => Condition::all(),
        Scope::Own => Condition::any()
            .add(Expr::expr(id).in_subquery(owned_by(
                Condition::all().add(Expr::expr(owner).eq(user_id)),
            )))
            .add(Expr::expr(creator).eq(user_id)),
        Scope::Team => Condition::any()
            .add(Expr::expr(id).in_subquery(owned_by(team_condition(owner, user_id))))
            .add(team_condition(creator, user_id)),
    }
}

/// For tables under a partner: `partner_column` names a partner the caller may see.
pub fn partner_visible(
    scope: Scope,
    user_id: &str,
    table: &str,
    partner_column: &str,
) -> Condition {
    if scope == Scope::All {
        return Condition::all();
    }
    let visible_partners = Query::select()
        .column((Alias::new("partners"), Alias::new("id")))
        .from(Alias::new("partners"))
        .cond_where(visible(scope, user_id))
        .to_owned();
    Condition::all().add(Expr::expr(col(table, partner_column)).in_subquery(visible_partners))
}
