//! Attachments on any record: metadata here, bytes in the configured store.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut cols = vec![
            id("id"),
            text("entity_type"),
            fk_id("entity_id"),
            text("file_name"),
            text("content_type"),
            ColumnDef::new(Alias::new("size_bytes"))
                .big_integer()
                .not_null()
                .to_owned(),
            text("sha256"),
            text("storage_key"),
        ];
        cols.extend(bookkeeping());
        m.create_table(table("attachments", cols, &[])).await?;
        m.create_index(index(
            "attachments",
            "ix_attachments_entity",
            &["entity_type", "entity_id", "created_at"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("attachments")).to_owned())
            .await
    }
}
