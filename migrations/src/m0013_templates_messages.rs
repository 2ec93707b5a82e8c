//! Email templates per language and the mailings sent from them (with their per-person results);
//! internal messages between users, and company announcements with who has read them.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn count(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .big_integer()
        .not_null()
        .default(0)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut templates = vec![
            id("id"),
            text("key"),
            text("language"),
            text("name"),
            // transactional or marketing (marketing honours consent and carries an unsubscribe link)
            text("purpose"),
            text("subject"),
            opt_text("html"),
            text("body_text"),
        ];
        templates.extend(bookkeeping());
        m.create_table(table("email_templates", templates, &[]))
            .await?;
        m.create_index(unique_index(
            "email_templates",
            "ux_email_templates_key_language",
            &["key", "language"],
        ))
        .await?;

        let mut mailings = vec![
            id("id"),
            text("template_key"),
            json("person_ids"),
            opt_fk_id("job_id"),
            // queued, running, done
            text("status"),
            count("queued_count"),
            count("skipped_count"),
        ];
        mailings.extend(bookkeeping());
        m.create_table(table("mailings", mailings, &[])).await?;
        m.create_index(index(
            "mailings",
            "ix_mailings_created",
            &["created_at", "id"],
        ))
        .await?;
        // Resuming a fan-out skips persons who already have their mail.
        m.create_index(index(
            "emails",
            "ix_emails_related_person",
            &["related_type", "related_id", "person_id"],
        ))
        .await?;

        m.create_table(table(
            "messages",
            vec![
                id("id"),
                fk_id("thread_id"),
                fk_id("sender_id"),
                text("subject"),
                text("body"),
                timestamp("created_at"),
            ],
            &[("sender_id", "users", "cascade")],
        ))
        .await?;
        m.create_index(index(
            "messages",
            "ix_messages_thread",
            &["thread_id", "created_at"],
        ))
        .await?;
        m.create_index(index(
            "messages",
            "ix_messages_sender",
            &["sender_id", "created_at"],
        ))
        .await?;
        m.create_table(table(
            "message_recipients",
            vec![
                fk_id("message_id"),
                fk_id("user_id"),
                opt_timestamp("read_at"),
            ],
            &[
                ("message_id", "messages", "cascade"),
                ("user_id", "users", "cascade"),
            ],
        ))
        .await?;
        m.create_index(unique_index(
            "message_recipients",
            "ux_message_recipients",
            &["user_id", "message_id"],
        ))
        .await?;

        let mut announcements = vec![
            id("id"),
            text("title"),
            text("body"),
            boolean("pinned", false),
            timestamp("valid_from"),
            opt_timestamp("valid_until"),
        ];
        announcements.extend(bookkeeping());
        m.create_table(table("announcements", announcements, &[]))
            .await?;
        m.create_index(index(
            "announcements",
            "ix_announcements_valid",
            &["valid_from", "valid_until"],
        ))
        .await?;
        m.create_table(table(
            "announcement_reads",
            vec![
                fk_id("announcement_id"),
                fk_id("user_id"),
                timestamp("read_at"),
            ],
            &[
                ("announcement_id", "announcements", "cascade"),
                ("user_id", "users", "cascade"),
            ],
        ))
        .await?;
        m.create_index(unique_index(
            "announcement_reads",
            "ux_announcement_reads",
            &["announcement_id", "user_id"],
        ))
        .await?;

        let everyone = [
            "admin",
            "manager",
            "sales_rep",
            "buyer",
            "support_agent",
            "marketing",
            "viewer",
        ];
        for role in everyone {
            grant(m, role, "email_templates", "read", "all").await?;
            grant(m, role, "announcements", "read", "all").await?;
        }
        for role in ["admin", "marketing"] {
            for action in ["create", "update", "delete"] {
                grant(m, role, "email_templates", action, "all").await?;
            }
            grant(m, role, "mailings", "read", "all").await?;
            grant(m, role, "mailings", "create", "all").await?;
        }
        for role in ["admin", "manager"] {
            for action in ["create", "update", "delete"] {
                grant(m, role, "announcements", action, "all").await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).is_in([
                    "email_templates",
                    "mailings",
                    "announcements",
                ]))
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("ix_emails_related_person")
                .table(Alias::new("emails"))
                .to_owned(),
        )
        .await?;
        for t in [
            "announcement_reads",
            "announcements",
            "message_recipients",
            "messages",
            "mailings",
            "email_templates",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
