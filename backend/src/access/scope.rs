//! Turning a scope into SQL. `own` and `team` are conditions on the column that names a record's
//! owner; the caller's teams are computed in subqueries so they are always current.
use super::Scope;
use sea_orm::sea_query::{Alias, Condition, Expr, Query, SelectStatement, SimpleExpr};

/// Which column of the listed table holds the user the record belongs to.
#[derive(Clone, Copy)]
pub struct ScopeColumn {
    pub table: &'static str,
    pub column: &'static str,
}

fn live_teams() -> SelectStatement {
    Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("teams"))
        .and_where(Expr::col(Alias::new("deleted_at")).is_null())
        .to_owned()
}

/// Teams the user belongs to or manages.
fn my_teams(user_id: &str) -> Condition {
    let member_of = Query::select()
        .column(Alias::new("team_id"))
        .from(Alias::new("team_members"))
        .and_where(Expr::col(Alias::new("user_id")).eq(user_id))
        .to_owned();
    let managed = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("teams"))
        .and_where(Expr::col(Alias::new("manager_id")).eq(user_id))
        .to_owned();
    Condition::all()
        .add(Expr::col(Alias::new("team_id")).in_subquery(live_teams()))
        .add(
            Condition::any()
                .add(Expr::col(Alias::new("team_id")).in_subquery(member_of))
                .add(Expr::col(Alias::new("team_id")).in_subquery(managed)),
        )
}

/// `col` names the caller, a member of one of the caller's teams, or a manager of one.
pub fn team_condition(col: SimpleExpr, user_id: &str) -> Condition {
    let members = Query::select()
        .column(Alias::new("user_id"))
        .from(Alias::new("team_members"))
        .cond_where(my_teams(user_id))
        .to_owned();
    let managers = Query::select()
        .column(Alias::new("manager_id"))
        .from(Alias::new("teams"))
        .and_where(Expr::col(Alias::new("deleted_at")).is_null())
        .and_where(
            Expr::col(Alias::new("id")).in_subquery(
                Query::select()
                    .column(Alias::new("team_id"))
                    .from(Alias::new("team_members"))
                    .and_where(Expr::col(Alias::new("user_id")).eq(user_id))
                    .to_owned(),
            ),
        )
        .to_owned();
    Condition::any()
        .add(Expr::expr(col.clone()).eq(user_id))
        .add(Expr::expr(col.clone()).in_subquery(members))
        .add(Expr::expr(col).in_subquery(managers))
}

/// The SQL condition a scope puts on a list; `All` adds nothing.
pub fn scope_condition(scope: Scope, user_id: &str, owner: ScopeColumn) -> Condition {
    let col: SimpleExpr = Expr::col((Alias::new(owner.table), Alias::new(owner.column))).into();
    match scope {
        Scope::All => Condition::all(),
        Scope::Own => Condition::all().add(Expr::expr(col).eq(user_id)),
        Scope::Team => team_condition(col, user_id),
    }
}
