//! Branches follow territory changes too: each lies in the territory of its own address.
use crate::branches::entity as branch;
use crate::error::ApiResult;
use crate::territories::tree::{Address, Tree};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

const BATCH: u64 = 5000;

type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Moves every live branch whose territory no longer matches its address; returns how many.
pub async fn relocate(db: &impl TransactionTrait, tree: &Tree) -> ApiResult<u64> {
    let mut moved = 0;
    let mut after = String::new();
    loop {
        let txn = db.begin().await?;
        let rows: Vec<Row> = branch::Entity::find()
            .select_only()
            .columns([
                branch::Column::Id,
                branch::Column::Country,
                branch::Column::Region,
                branch::Column::PostalCode,
                branch::Column::TerritoryId,
            ])
            .filter(branch::Column::DeletedAt.is_null())
            .filter(branch::Column::Id.gt(after.as_str()))
            .order_by_asc(branch::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(&txn)
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.0.clone();
        for (id, country, region, postal_code, current) in rows {
            let address = Address {
                country: country.as_deref(),
                region: region.as_deref(),
                postal_code: postal_code.as_deref(),
            };
            let territory = tree.locate(&address).map(str::to_owned);
            if territory != current {
                move_one(&txn, &id, territory).await?;
                moved += 1;
            }
        }
        txn.commit().await?;
    }
    Ok(moved)
}

async fn move_one(db: &impl ConnectionTrait, id: &str, territory: Option<String>) -> ApiResult<()> {
    branch::Entity::update_many()
        .col_expr(branch::Column::TerritoryId, Expr::value(territory))
        .filter(branch::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
