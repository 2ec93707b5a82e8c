//! Saved list views: a user's named filter tree, sort and columns for one resource.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut cols = vec![
            id("id"),
            fk_id("owner_id"),
            text("resource"),
            text("name"),
            json("filter"),
            opt_text("sort"),
            json("columns"),
        ];
        cols.extend(bookkeeping());
        m.create_table(table(
            "saved_views",
            cols,
            &[("owner_id", "users", "cascade")],
        ))
        .await?;
        m.create_index(index(
            "saved_views",
            "ix_saved_views_owner",
            &["owner_id", "resource", "name"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("saved_views")).to_owned())
            .await
    }
}
