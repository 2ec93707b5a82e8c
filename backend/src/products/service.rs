//! The product catalogue and its price lists: read by everyone, kept by admins (and buyers).
use super::dto::{
    Price, PriceList, PriceListFields, Product, ProductFields, ProductListQuery, FIELDS,
};
use super::entity::{price, price_list, product};
use crate::access::{Action, Resource};
use crate::api::filter::contains_any;
use crate::api::{fetch_page, versioned, IfMatch, Page};
use crate::auth::Caller;
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::history;
use sea_orm::sea_query::Expr;
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

pub async fn list(
    db: &impl ConnectionTrait,
    caller: &Caller,
    q: &ProductListQuery,
) -> ApiResult<Page<Product>> {
    caller.require(Resource::Products, Action::Read)?;
    let mut select = product::Entity::find().filter(product::Column::DeletedAt.is_null());
    if let Some(active) = q.active {
        select = select.filter(product::Column::Active.eq(active));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        select = select.filter(contains_any(
            [
                Expr::col(product::Column::Code).into(),
                Expr::col(product::Column::Name).into(),
            ],
            text,
        ));
    }
    Ok(fetch_page(db, select, &FIELDS, &q.list_query(), None)
        .await?
        .map(Product::from))
}

async fn find(db: &impl ConnectionTrait, id: &str) -> ApiResult<product::Model> {
    product::Entity::find_by_id(id)
        .filter(product::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn with_prices(db: &impl ConnectionTrait, model: product::Model) -> ApiResult<Product> {
    let prices = price::Entity::find()
        .filter(price::Column::ProductId.eq(model.id.as_str()))
        .order_by_asc(price::Column::PriceListId)
        .all(db)
        .await?;
    let mut dto = Product::from(model);
    dto.prices = prices
        .into_iter()
        .map(|p| Price {
            price_list_id: p.price_list_id,
            amount: p.amount,
        })
        .collect();
    Ok(dto)
}

pub async fn get(db: &impl ConnectionTrait, caller: &Caller, id: &str) -> ApiResult<Product> {
    caller.require(Resource::Products, Action::Read)?;
    with_prices(db, find(db, id).await?).await
}

async fn code_taken(db: &impl ConnectionTrait, code: &str, except: Option<&str>) -> ApiResult<()> {
    let mut select = product::Entity::find().filter(product::Column::Code.eq(code));
    if let Some(id) = except {
        select = select.filter(product::Column::Id.ne(id));
    }
    if select.one(db).await?.is_some() {
        return Err(ApiError::invalid(
            "code",
            "duplicate_code",
            "Another product has this code.",
        ));
    }
    Ok(())
}

/// Replaces the product's prices after checking each names a live price list once.
async fn set_prices(
    txn: &DatabaseTransaction,
    product_id: &str,
    prices: &[Price],
) -> ApiResult<()> {
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, p) in prices.iter().enumerate() {
        let known = price_list::Entity::find_by_id(&p.price_list_id)
            .filter(price_list::Column::DeletedAt.is_null())
            .one(txn)
            .await?
            .is_some();
        if !known || !seen.insert(p.price_list_id.as_str()) {
            errors.push(FieldError::new(
                format!("prices[{i}].price_list_id"),
                if known {
                    "duplicate"
                } else {
                    "unknown_price_list"
                },
                if known {
                    "The product has one price per price list."
                } else {
                    "No such price list."
                },
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    price::Entity::delete_many()
        .filter(price::Column::ProductId.eq(product_id))
        .exec(txn)
        .await?;
    if !prices.is_empty() {
        price::Entity::insert_many(prices.iter().map(|p| price::ActiveModel {
            price_list_id: Set(p.price_list_id.clone()),
            product_id: Set(product_id.to_owned()),
            amount: Set(p.amount),
        }))
        .exec_without_returning(txn)
        .await?;
    }
    Ok(())
}

fn apply(active: &mut product::ActiveModel, f: &ProductFields) {
    if let Some(v) = &f.code {
        active.code = Set(v.trim().to_owned());
    }
    if let Some(v) = &f.name {
        active.name = Set(v.trim().to_owned());
    }
    if let Some(v) = &f.kind {
        active.kind = Set(v.clone());
    }
    if let Some(v) = &f.unit {
        active.unit = Set(v.trim().to_owned());
    }
    if let Some(v) = f.vat_rate_bp {
        active.vat_rate_bp = Set(v);
    }
    if f.description.is_some() {
        active.description = Set(f.description.clone());
    }
    if let Some(v) = f.active {
        active.active = Set(v);
    }
}

fn snapshot(p: &Product) -> serde_json::Value {
    serde_json::to_value(p).unwrap_or_default()
}

pub async fn create(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: ProductFields,
) -> ApiResult<Product> {
    caller.require(Resource::Products, Action::Create)?;
    ApiError::required(&[
        ("code", input.code.is_none()),
        ("name", input.name.is_none()),
    ])?;
    let (code, name) = (
        input.code.as_deref().unwrap_or_default(),
        input.name.as_deref().unwrap_or_default(),
    );
    let now = clock::now();
    let id = clock::new_id();
    let txn = db.begin().await?;
    code_taken(&txn, code.trim(), None).await?;
    let mut active = product::ActiveModel {
        id: Set(id.clone()),
        code: Set(code.trim().to_owned()),
        name: Set(name.trim().to_owned()),
        kind: Set("product".into()),
        unit: Set("pcs".into()),
        vat_rate_bp: Set(0),
        description: Set(None),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        created_by: Set(Some(caller.user_id.clone())),
        version: Set(1),
        deleted_at: Set(None),
    };
    apply(&mut active, &input);
    product::Entity::insert(active)
        .exec_without_returning(&txn)
        .await?;
    set_prices(&txn, &id, input.prices.as_deref().unwrap_or_default()).await?;
    let dto = with_prices(&txn, find(&txn, &id).await?).await?;
    history::record(
        &txn,
        caller.actor(),
        "product",
        &id,
        "create",
        history::created(&snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn update(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: ProductFields,
    delete: bool,
) -> ApiResult<Product> {
    caller.require(
        Resource::Products,
        if delete {
            Action::Delete
        } else {
            Action::Update
        },
    )?;
    let txn = db.begin().await?;
    let model = find(&txn, id).await?;
    if_match.check(model.version)?;
    if let Some(code) = &input.code {
        code_taken(&txn, code.trim(), Some(id)).await?;
    }
    let before = snapshot(&with_prices(&txn, model.clone()).await?);
    let mut active: product::ActiveModel = model.clone().into();
    apply(&mut active, &input);
    if delete {
        active.deleted_at = Set(Some(clock::now()));
    }
    versioned::save(&txn, active, id, model.version).await?;
    if let Some(prices) = &input.prices {
        set_prices(&txn, id, prices).await?;
    }
    let after = product::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let dto = with_prices(&txn, after).await?;
    history::record(
        &txn,
        caller.actor(),
        "product",
        id,
        if delete { "delete" } else { "update" },
        history::diff(&before, &snapshot(&dto)),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn list_price_lists(
    db: &impl ConnectionTrait,
    caller: &Caller,
) -> ApiResult<Vec<PriceList>> {
    caller.require(Resource::Products, Action::Read)?;
    Ok(price_list::Entity::find()
        .filter(price_list::Column::DeletedAt.is_null())
        .order_by_asc(price_list::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(PriceList::from)
        .collect())
}

async fn find_list(db: &impl ConnectionTrait, id: &str) -> ApiResult<price_list::Model> {
    price_list::Entity::find_by_id(id)
        .filter(price_list::Column::DeletedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn create_price_list(
    db: &impl TransactionTrait,
    caller: &Caller,
    input: PriceListFields,
) -> ApiResult<PriceList> {
    caller.require(Resource::Products, Action::Create)?;
    ApiError::required(&[
        ("name", input.name.is_none()),
        ("currency", input.currency.is_none()),
    ])?;
    let (name, currency) = (
        input.name.as_deref().unwrap_or_default(),
        input.currency.as_deref().unwrap_or_default(),
    );
    let now = clock::now();
    let model = price_list::Model {
        id: clock::new_id(),
        name: name.trim().to_owned(),
        currency: currency.to_owned(),
        active: input.active.unwrap_or(true),
        created_at: now,
        updated_at: now,
        created_by: Some(caller.user_id.clone()),
        version: 1,
        deleted_at: None,
    };
    let txn = db.begin().await?;
    price_list::Entity::insert(price_list::ActiveModel::from(model.clone()))
        .exec_without_returning(&txn)
        .await?;
    let dto = PriceList::from(model);
    history::record(
        &txn,
        caller.actor(),
        "price_list",
        &dto.id,
        "create",
        history::created(&serde_json::to_value(&dto).unwrap_or_default()),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}

pub async fn update_price_list(
    db: &impl TransactionTrait,
    caller: &Caller,
    id: &str,
    if_match: IfMatch,
    input: PriceListFields,
    delete: bool,
) -> ApiResult<PriceList> {
    caller.require(
        Resource::Products,
        if delete {
            Action::Delete
        } else {
            Action::Update
        },
    )?;
    let txn = db.begin().await?;
    let model = find_list(&txn, id).await?;
    if_match.check(model.version)?;
    let before = serde_json::to_value(PriceList::from(model.clone())).unwrap_or_default();
    let mut active: price_list::ActiveModel = model.clone().into();
    if let Some(v) = &input.name {
        active.name = Set(v.trim().to_owned());
    }
    if let Some(v) = &input.currency {
        active.currency = Set(v.clone());
    }
    if let Some(v) = input.active {
        active.active = Set(v);
    }
    if delete {
        active.deleted_at = Set(Some(clock::now()));
    }
    versioned::save(&txn, active, id, model.version).await?;
    let dto = PriceList::from(
        price_list::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound)?,
    );
    history::record(
        &txn,
        caller.actor(),
        "price_list",
        id,
        if delete { "delete" } else { "update" },
        history::diff(&before, &serde_json::to_value(&dto).unwrap_or_default()),
    )
    .await?;
    txn.commit().await?;
    Ok(dto)
}
