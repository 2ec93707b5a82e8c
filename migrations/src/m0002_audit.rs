//! The append-only history table. Ids are UUIDv7, so ordering by id is ordering by time.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(table(
            "history",
            vec![
                id("id"),
                timestamp("at"),
                opt_fk_id("actor_id"),
                opt_fk_id("api_key_id"),
                text("entity_type"),
                fk_id("entity_id"),
                text("action"),
                json("changes"),
                opt_text("request_id"),
            ],
            &[],
        ))
        .await?;
        m.create_index(index(
            "history",
            "ix_history_entity",
            &["entity_type", "entity_id", "id"],
        ))
        .await?;
        m.create_index(index("history", "ix_history_actor", &["actor_id", "id"]))
            .await?;
        m.create_index(index("history", "ix_history_at", &["at"]))
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Alias::new("history")).to_owned())
            .await
    }
}
