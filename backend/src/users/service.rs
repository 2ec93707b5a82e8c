//! Users: the rules, the access checks and the transactions. Handlers only call these.
use super::dto::{
    CreateUser, Locale, ResetPassword, UpdateUser, User, UserListQuery, UserStatus, FIELDS,
};
use super::entity::{user, user_role};
use crate::access::{scope_condition, Action, Resource, Scope, ScopeColumn};
use crate::api::filter::contains_any;
use crate::api::sql::Sql;
use crate::api::{fetch_page, versioned, FilterNode, IfMatch, ListQuery, Page};
use crate::auth::{password, principals, Caller};
use crate::clock;
use crate::error::{ApiError, ApiResult};
use crate::history::{self, Actor};
use crate::roles::entity::role;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    FromQueryResult, QueryFilter, QuerySelect, TransactionTrait,
};
use std::collections::HashMap;

const OWNER: ScopeColumn = ScopeColumn {
    table: "users",
    column: "id",
};

fn visible(scope: Scope, caller: &Caller) -> Condition {
    scope_condition(scope, &caller.user_id, OWNER)
}

/// Role keys per user, for a page of users in one query.
pub async fn roles_of(
    db: &impl ConnectionTrait,
    user_ids: &[String],
) -> ApiResult<HashMap<String, Vec<String>>> {
    let rows: Vec<(String, String)> = user_role::Entity::find()
        .select_only()
        .column(user_role::Column::UserId)
        .column_as(Expr::col((role::Entity, role::Column::Key)), "key")
        .join_rev(
            sea_orm::JoinType::InnerJoin,
            role::Entity::belongs_to(user_role::Entity)
                .from(role::Column::Id)
                .to(user_role::Column::RoleId)
                .into(),
        )
        .filter(user_role::Column::UserId.is_in(user_ids.iter().cloned()))
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (user_id, key) in rows {
        out.entry(user_id).or_default().push(key);
    }
    for keys in out.values_mut() {
        keys.sort();
    }
    Ok(out)
}

async fn to_dtos(db: &impl ConnectionTrait, models: Vec<user::Model>) -> ApiResult<Vec<User>> {
    let ids: Vec<String> = models.iter().map(|m| m.id.clone()).collect();
    let mut roles = roles_of(db, &ids).await?;
    Ok(models
        .into_iter()
        .map(|m| {
            let r = roles.remove(&m.id).unwrap_or_default();
            User::from_model(m, r)
        })
        .collect())
}

/// 422 on `field` unless `id` names a live user (an owner, a deputy, whom a deadline is for).
pub async fn check_user(db: &impl ConnectionTrait, field: &str, id: &str) -> ApiResult<()> {
    user::Entity::find_by_id(id)
        .filter(user::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .map(|_| ())
        .ok_or_else(|| ApiError::invalid(field, "unknown_user", "No such user."))
}

pub async fn to_dto(db: &impl ConnectionTrait, model: user::Model) -> ApiResult<User> {
    to_dtos(db, vec![model])
        .await?
        .pop()
        .ok_or(ApiError::NotFound)
}

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &UserListQuery,
    filter: Option<&FilterNode>,
    page: &ListQuery,
) -> ApiResult<Page<User>> {
    let scope = caller.require(Resource::Users, Action::Read)?;
    let mut select =
        user::Entity::find()
            .filter(visible(scope, caller))
            .filter(if page.trashed == Some(true) {
                user::Column::DeletedAt.is_not_null()
            } else {
                user::Column::DeletedAt.is_null()
            });
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let columns = [user::Column::Name, user::Column::Email].map(|c| Expr::col(c).into());
        select = select.filter(contains_any(columns, text));
    }
    if let Some(status) = q.status {
        select = select.filter(user::Column::Status.eq(status.as_str()));
    }
    if let Some(key) = &q.role {
        let with_role = sea_orm::sea_query::Query::select()
            .column(user_role::Column::UserId)
            .from(user_role::Entity)
            .inner_join(
                role::Entity,
                Expr::col((role::Entity, role::Column::Id))
                    .equals((user_role::Entity, user_role::Column::RoleId)),
            )
            .and_where(Expr::col((role::Entity, role::Column::Key)).eq(key.as_str()))
            .to_owned();
        select = select.filter(user::Column::Id.in_subquery(with_role));
    }
    let page = fetch_page(db, select, &FIELDS, page, filter).await?;
    let items = to_dtos(db, page.items).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
        total: page.total,
    })
}

/// The record if the caller's scope for `action` reaches it; 404 otherwise (existence is not revealed).
async fn find_visible(
    db: &impl ConnectionTrait,
    caller: &Caller,
    action: Action,
    id: &str,
    deleted: bool,
) -> ApiResult<(user::Model, Scope)> {
    let read = caller.require(Resource::Users, Action::Read)?;
    let found = user::Entity::find_by_id(id)
        .filter(visible(read, caller))
        .filter(if deleted {
            user::Column::DeletedAt.is_not_null()
        } else {
            user::Column::DeletedAt.is_null()
        })
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let scope = caller.require(Resource::Users, action)?;
    // Only an action granted more narrowly than reading needs a second look.
    if scope >= read {
        return Ok((found, scope));
    }
    let reach = user::Entity::find_by_id(id)
        .filter(visible(scope, caller))
        .one(db)
        .await?;
    reach.map(|_| (found, scope)).ok_or(ApiError::Forbidden)
}

/// A user and its role keys in one prepared statement: the hot read of the API.
pub static GET_SQL: Sql = Sql::new(
    "SELECT u.id, u.email, u.name, u.password_hash, u.status, u.locale, u.hourly_rate, u.rate_currency, \
     u.created_at, u.updated_at, \
     u.created_by, u.version, u.deleted_at, r.key AS role_key FROM users u \
     LEFT JOIN user_roles ur ON ur.user_id = u.id LEFT JOIN roles r ON r.id = ur.role_id \
     WHERE u.id = $1 AND u.deleted_at IS NULL",
);

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<User> {
    let read = caller.require(Resource::Users, Action::Read)?;
    // `all` and `own` need no SQL to decide; `team` asks the database.
    let visible_here = match read {
        Scope::All => true,
        Scope::Own => caller.user_id == id,
        Scope::Team => {
            let q = user::Entity::find_by_id(id).filter(visible(read, caller));
            q.one(db).await?.is_some()
        }
    };
    if !visible_here {
        return Err(ApiError::NotFound);
    }
    let rows = db
        .query_all(GET_SQL.statement(db.get_database_backend(), [id.into()]))
        .await?;
    let model = rows
        .first()
        .map(|r| user::Model::from_query_result(r, ""))
        .transpose()?
        .ok_or(ApiError::NotFound)?;
    let mut keys = rows
        .iter()
        .filter_map(|r| r.try_get::<Option<String>>("", "role_key").ok().flatten())
        .collect::<Vec<_>>();
    keys.sort();
    Ok(User::from_model(model, keys))
}

async fn role_ids(db: &impl ConnectionTrait, keys: &[String]) -> ApiResult<Vec<String>> {
    let mut keys = keys.to_vec();
    keys.sort();
    keys.dedup();
    let found = role::Entity::find()
        .filter(role::Column::Key.is_in(keys.clone()))
        .all(db)
        .await?;
    if let Some(missing) = keys.iter().find(|k| !found.iter().any(|r| &r.key == *k)) {
        return Err(ApiError::invalid(
            "roles",
            "unknown_role",
            &format!("There is no role `{missing}`."),
        ));
    }
    Ok(found.into_iter().map(|r| r.id).collect())
}

async fn set_roles(
    db: &impl ConnectionTrait,
    user_id: &str,
    role_ids: Vec<String>,
) -> ApiResult<()> {
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    if !role_ids.is_empty() {
        user_role::Entity::insert_many(role_ids.into_iter().map(|role_id| {
            user_role::ActiveModel {
                user_id: Set(user_id.to_owned()),
                role_id: Set(role_id),
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

async fn ensure_email_free(
    db: &impl ConnectionTrait,
    email: &str,
    except: Option<&str>,
) -> ApiResult<()> {
    let mut q = user::Entity::find().filter(user::Column::Email.eq(email));
    if let Some(id) = except {
        q = q.filter(user::Column::Id.ne(id));
    }
    if q.one(db).await?.is_some() {
        return Err(ApiError::field_conflict(
            "email_taken",
            "email",
            "Another user already has this email.",
        ));
    }
    Ok(())
}

fn snapshot(u: &User) -> serde_json::Value {
    serde_json::to_value(u).unwrap_or_default()
}

/// Creates a user; also used by the bootstrap administrator and the demo seed (`actor` = system).
pub async fn insert_user(
    db: &impl TransactionTrait,
    actor: Actor<'_>,
    input: CreateUser,
) -> ApiResult<User> {
    let email = input.email.trim().to_lowercase();
    let hash = password::hash(input.password).await?;
    let txn = db.begin().await?;
    ensure_email_free(&txn, &email, None).await?;
    let roles = role_ids(&txn, &input.roles).await?;
    let now = clock::now();
    let model = user::ActiveModel {
        id: Set(clock::new_id()),
        email: Set(email),
        name: Set(input.name.trim().to_owned()),
        password_hash: Set(hash),
        status: Set("active".into()),
        locale: Set(input.locale.unwrap_or_default().as_str().into()),
        hourly_rate: Set(input.hourly_rate),
        rate_currency: Set(input.rate_currency.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(actor.user_id.map(str::to_owned)),
        version: Set(1),
        deleted_at: Set(None),
    }
    .insert(&txn)
    .await?;
    set_roles(&txn, &model.id, roles).await?;
    let dto = to_dto(&txn, model).await?;
    history::record(
        &txn,
        actor,
        "user",
        &dto.id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: CreateUser,
) -> ApiResult<User> {
    if caller.require(Resource::Users, Action::Create)? != Scope::All {
        return Err(ApiError::Forbidden);
    }
    insert_user(db, caller.actor(), input).await
}

/// Applies `change` to a visible user under optimistic concurrency, writing one history entry.
async fn modify<F>(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: Option<IfMatch>,
    deleted: bool,
    action: &str,
    change: F,
) -> ApiResult<User>
where
    F: for<'a> FnOnce(
        &'a sea_orm::DatabaseTransaction,
        &'a mut user::ActiveModel,
        Scope,
    ) -> futures_util::future::BoxFuture<'a, ApiResult<()>>,
{
    let txn = db.begin().await?;
    let (model, scope) = find_visible(&txn, caller, Action::Update, id, deleted).await?;
    if let Some(m) = if_match {
        m.check(model.version)?;
    }
    let before = snapshot(&to_dto(&txn, model.clone()).await?);
    let version = model.version;
    let mut active: user::ActiveModel = model.into();
    change(&txn, &mut active, scope).await?;
    versioned::save(&txn, active, id, version).await?;
    let model = user::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let dto = to_dto(&txn, model).await?;
    history::record(
        &txn,
        caller.actor(),
        "user",
        id,
        action,
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    // Status, roles, deletion and passwords decide who may do what: drop cached rights everywhere.
    principals::commit_revoking(txn).await?;
    Ok(dto)
}

fn not_self(caller: &Caller, id: &str) -> ApiResult<()> {
    if caller.user_id == id {
        return Err(ApiError::conflict(
            "cannot_modify_self",
            "You cannot do this to your own account.",
        ));
    }
    Ok(())
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: UpdateUser,
) -> ApiResult<User> {
    let uid = id.to_owned();
    modify(
        db,
        caller,
        id,
        Some(if_match),
        false,
        "update",
        |txn, active, scope| {
            Box::pin(async move {
                let id = uid.as_str();
                if let Some(email) = input.email {
                    let email = email.trim().to_lowercase();
                    ensure_email_free(txn, &email, Some(id)).await?;
                    active.email = Set(email);
                }
                if let Some(name) = input.name {
                    active.name = Set(name.trim().to_owned());
                }
                if let Some(locale) = input.locale {
                    active.locale = Set(locale.as_str().into());
                }
                if input.hourly_rate.is_some() || input.rate_currency.is_some() {
                    // What a user's time costs is an administrator's decision, like their roles.
                    if scope != Scope::All {
                        return Err(ApiError::Forbidden);
                    }
                    if input.hourly_rate.is_some() {
                        active.hourly_rate = Set(input.hourly_rate);
                    }
                    if input.rate_currency.is_some() {
                        active.rate_currency = Set(input.rate_currency);
                    }
                }
                if let Some(roles) = input.roles {
                    // Changing roles is an administrator's act: an `own` grant must not self-promote.
                    if scope != Scope::All {
                        return Err(ApiError::Forbidden);
                    }
                    let ids = role_ids(txn, &roles).await?;
                    set_roles(txn, id, ids).await?;
                }
                Ok(())
            })
        },
    )
    .await
}

pub async fn set_status(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    status: UserStatus,
) -> ApiResult<User> {
    not_self(caller, id)?;
    let action = if status == UserStatus::Disabled {
        "disable"
    } else {
        "enable"
    };
    modify(db, caller, id, None, false, action, |_, active, scope| {
        Box::pin(async move {
            if scope != Scope::All {
                return Err(ApiError::Forbidden);
            }
            active.status = Set(status.as_str().into());
            Ok(())
        })
    })
    .await
}

pub async fn delete(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
) -> ApiResult<()> {
    not_self(caller, id)?;
    if caller.require(Resource::Users, Action::Delete)? != Scope::All {
        return Err(ApiError::Forbidden);
    }
    modify(
        db,
        caller,
        id,
        Some(if_match),
        false,
        "delete",
        |_, active, _| {
            Box::pin(async move {
                active.deleted_at = Set(Some(clock::now()));
                Ok(())
            })
        },
    )
    .await
    .map(|_| ())
}

pub async fn restore(db: &impl TransactionTrait, caller: &Caller, id: &str) -> ApiResult<User> {
    if caller.require(Resource::Users, Action::Delete)? != Scope::All {
        return Err(ApiError::Forbidden);
    }
    modify(db, caller, id, None, true, "restore", |_, active, _| {
        Box::pin(async move {
            active.deleted_at = Set(None);
            Ok(())
        })
    })
    .await
}

pub async fn reset_password(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    input: ResetPassword,
) -> ApiResult<()> {
    let hash = password::hash(input.password).await?;
    let uid = id.to_owned();
    modify(
        db,
        caller,
        id,
        None,
        false,
        "reset_password",
        |txn, active, scope| {
            Box::pin(async move {
                let id = uid.as_str();
                if scope != Scope::All {
                    return Err(ApiError::Forbidden);
                }
                active.password_hash = Set(hash);
                // A reset ends every login of that user: whoever knew the old password is out.
                crate::auth::sessions::revoke(
                    txn,
                    crate::auth::sessions::Sessions::AllOf(id),
                    "password_reset",
                )
                .await?;
                Ok(())
            })
        },
    )
    .await
    .map(|_| ())
}

pub async fn set_locale(
    db: &impl TransactionTrait,
    caller: &Caller,
    locale: Locale,
) -> ApiResult<User> {
    let txn = db.begin().await?;
    let model = user::Entity::find_by_id(&caller.user_id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let before = snapshot(&to_dto(&txn, model.clone()).await?);
    let version = model.version;
    let mut active: user::ActiveModel = model.into();
    active.locale = Set(locale.as_str().into());
    active.version = Set(version + 1);
    active.updated_at = Set(clock::now());
    let model = active.update(&txn).await?;
    let dto = to_dto(&txn, model).await?;
    history::record(
        &txn,
        caller.actor(),
        "user",
        &dto.id,
        "update",
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}
