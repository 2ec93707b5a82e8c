//! The one way a record is changed under optimistic concurrency: bump `version`, stamp `updated_at`,
//! and write only if the row still has the version that was read. A writer that slipped in between
//! makes this one lose with 412 instead of being overwritten.
use crate::clock;
use crate::error::{ApiError, ApiResult};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::str::FromStr;

fn column<E: EntityTrait>(name: &str) -> ApiResult<E::Column> {
    E::Column::from_str(name)
        .map_err(|_| ApiError::Internal(anyhow::anyhow!("table has no `{name}` column")))
}

pub async fn save<A>(
    db: &impl ConnectionTrait,
    mut active: A,
    id: &str,
    version: i32,
) -> ApiResult<()>
where
    A: ActiveModelTrait + Send,
{
    let version_col = column::<A::Entity>("version")?;
    active.set(version_col, (version + 1).into());
    active.set(column::<A::Entity>("updated_at")?, clock::now().into());
    let result = A::Entity::update_many()
        .set(active)
        .filter(column::<A::Entity>("id")?.eq(id))
        .filter(version_col.eq(version))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(ApiError::PreconditionFailed {
            current: version + 1,
        });
    }
    Ok(())
}
