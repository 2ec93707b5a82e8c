//! A deal's lines: checked against the catalogue (prices from a price list in the deal's
//! currency, defaults from the product) and replaced as a whole.
use super::dto::{DealLine, LineInput};
use super::entity::line;
use crate::clock;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::products::entity::{price, price_list, product};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The lines as they will be stored, or every problem found, by line.
pub async fn resolve(
    db: &impl ConnectionTrait,
    deal_id: &str,
    currency: &str,
    inputs: &[LineInput],
) -> ApiResult<Vec<line::Model>> {
    let mut errors = Vec::new();
    let mut lines = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.iter().enumerate() {
        let field = |name: &str| format!("lines[{i}].{name}");
        let product = match &input.product_id {
            Some(id) => {
                let found = product::Entity::find_by_id(id)
                    .filter(product::Column::DeletedAt.is_null())
                    .one(db)
                    .await?;
                if found.is_none() {
                    errors.push(FieldError::new(
                        field("product_id"),
                        "unknown_product",
                        "No such product.",
                    ));
                    continue;
                }
                found
            }
            None => None,
        };
        let mut unit_price = input.unit_price;
        if let (None, Some(list_id), Some(p)) = (unit_price, &input.price_list_id, &product) {
            let list = price_list::Entity::find_by_id(list_id)
                .filter(price_list::Column::DeletedAt.is_null())
                .one(db)
                .await?;
            match list {
                None => errors.push(FieldError::new(
                    field("price_list_id"),
                    "unknown_price_list",
                    "No such price list.",
                )),
                Some(l) if l.currency != currency => errors.push(FieldError::new(
                    field("price_list_id"),
                    "currency_mismatch",
                    format!(
                        "The price list is in {}, the deal in {currency}.",
                        l.currency
                    ),
                )),
                Some(l) => {
                    unit_price = price::Entity::find_by_id((l.id.clone(), p.id.clone()))
                        .one(db)
                        .await?
                        .map(|pr| pr.amount);
                    if unit_price.is_none() {
                        errors.push(FieldError::new(
                            field("price_list_id"),
                            "no_price",
                            "The price list has no price for this product.",
                        ));
                    }
                }
            }
        }
        let description = input
            .description
            .clone()
            .or_else(|| product.as_ref().map(|p| p.name.clone()));
        let Some(description) = description else {
            errors.push(FieldError::new(
                field("description"),
                "required",
                "A line without a product needs a description.",
            ));
            continue;
        };
        let Some(unit_price) = unit_price else {
            if input.price_list_id.is_none() {
                errors.push(FieldError::new(
                    field("unit_price"),
                    "required",
                    "Give a unit price, or a product and a price list to take it from.",
                ));
            }
            continue;
        };
        lines.push(line::Model {
            id: clock::new_id(),
            deal_id: deal_id.to_owned(),
            position: i as i32,
            product_id: input.product_id.clone(),
            description: description.trim().to_owned(),
            quantity: input.quantity,
            unit: input
                .unit
                .clone()
                .or_else(|| product.as_ref().map(|p| p.unit.clone())),
            unit_price,
            discount_bp: input.discount_bp.unwrap_or(0),
            vat_rate_bp: input
                .vat_rate_bp
                .or_else(|| product.as_ref().map(|p| p.vat_rate_bp))
                .unwrap_or(0),
        });
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Replaces the deal's lines with `lines`.
pub async fn replace(
    db: &impl ConnectionTrait,
    deal_id: &str,
    lines: Vec<line::Model>,
) -> ApiResult<()> {
    line::Entity::delete_many()
        .filter(line::Column::DealId.eq(deal_id))
        .exec(db)
        .await?;
    if !lines.is_empty() {
        line::Entity::insert_many(lines.into_iter().map(line::ActiveModel::from))
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

pub async fn of(db: &impl ConnectionTrait, deal_id: &str) -> ApiResult<Vec<DealLine>> {
    Ok(line::Entity::find()
        .filter(line::Column::DealId.eq(deal_id))
        .order_by_asc(line::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(DealLine::from)
        .collect())
}
