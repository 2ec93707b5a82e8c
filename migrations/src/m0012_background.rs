//! Background work and messaging: durable jobs with the scheduler's once-per-period marks, the email
//! outbox (a queue of its own), notifications with their preferences, deadlines that alarm, and users' absences (who
//! stands in for whom).
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn int(name: &str, default: i64) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .big_integer()
        .not_null()
        .default(default)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut jobs = vec![
            id("id"),
            text("kind"),
            json("payload"),
            // queued, running, done, dead, cancelled
            text("status"),
            timestamp("run_at"),
            int("attempts", 0),
            int("max_attempts", 5),
            opt_text("last_error"),
            opt_text("locked_by"),
            opt_timestamp("locked_until"),
            int("progress_done", 0),
            int("progress_total", 0),
            json("result"),
            opt_timestamp("finished_at"),
        ];
        jobs.extend(bookkeeping());
        m.create_table(table("jobs", jobs, &[])).await?;
        m.create_index(index("jobs", "ix_jobs_due", &["status", "run_at"]))
            .await?;
        m.create_index(index("jobs", "ix_jobs_created", &["created_at", "id"]))
            .await?;

        m.create_table(table(
            "schedule_runs",
            vec![text("name"), text("period"), timestamp("created_at")],
            &[],
        ))
        .await?;
        m.create_index(unique_index(
            "schedule_runs",
            "ux_schedule_runs",
            &["name", "period"],
        ))
        .await?;

        let mut emails = vec![
            id("id"),
            text("from_addr"),
            json("to_addrs"),
            text("subject"),
            opt_text("html_body"),
            text("text_body"),
            // email or fax: a fax goes to the gateway and is logged as a fax activity.
            text("channel"),
            opt_text("related_type"),
            opt_fk_id("related_id"),
            opt_fk_id("partner_id"),
            opt_fk_id("person_id"),
            // queued, sending, sent, failed
            text("status"),
            int("attempts", 0),
            opt_text("last_error"),
            text("message_id"),
            opt_timestamp("sent_at"),
            // The outbox is a queue of its own: due rows are claimed with a lease, like jobs.
            timestamp("next_attempt_at"),
            opt_timestamp("locked_until"),
        ];
        emails.extend(bookkeeping());
        m.create_table(table("emails", emails, &[])).await?;
        m.create_index(index("emails", "ix_emails_created", &["created_at", "id"]))
            .await?;
        m.create_index(index(
            "emails",
            "ix_emails_status",
            &["status", "created_at"],
        ))
        .await?;
        m.create_index(index(
            "emails",
            "ix_emails_due",
            &["status", "next_attempt_at"],
        ))
        .await?;

        m.create_table(table(
            "notifications",
            vec![
                id("id"),
                fk_id("user_id"),
                text("kind"),
                text("title"),
                opt_text("body"),
                opt_text("link_type"),
                opt_fk_id("link_id"),
                opt_timestamp("read_at"),
                timestamp("created_at"),
            ],
            &[("user_id", "users", "cascade")],
        ))
        .await?;
        m.create_index(index(
            "notifications",
            "ix_notifications_user",
            &["user_id", "read_at", "created_at"],
        ))
        .await?;

        m.create_table(table(
            "notification_preferences",
            vec![
                fk_id("user_id"),
                text("kind"),
                boolean("in_app", true),
                boolean("email", false),
            ],
            &[("user_id", "users", "cascade")],
        ))
        .await?;
        m.create_index(unique_index(
            "notification_preferences",
            "ux_notification_preferences",
            &["user_id", "kind"],
        ))
        .await?;

        let mut deadlines = vec![
            id("id"),
            text("source_type"),
            fk_id("source_id"),
            text("title"),
            timestamp("due_at"),
            fk_id("user_id"),
            opt_fk_id("partner_id"),
            opt_timestamp("warned_at"),
            opt_timestamp("overdue_at"),
            opt_timestamp("escalated_at"),
            opt_timestamp("cleared_at"),
        ];
        deadlines.extend(bookkeeping());
        m.create_table(table(
            "deadlines",
            deadlines,
            &[("user_id", "users", "cascade")],
        ))
        .await?;
        // The alarm scan reads each step's due rows through these: "not yet X and due".
        for (name, column) in [
            ("ix_deadlines_warn", "warned_at"),
            ("ix_deadlines_overdue", "overdue_at"),
            ("ix_deadlines_escalate", "escalated_at"),
        ] {
            m.create_index(index("deadlines", name, &[column, "cleared_at", "due_at"]))
                .await?;
        }
        m.create_index(index(
            "deadlines",
            "ix_deadlines_source",
            &["source_type", "source_id"],
        ))
        .await?;

        let mut absences = vec![
            id("id"),
            fk_id("user_id"),
            ColumnDef::new(Alias::new("starts_on"))
                .date()
                .not_null()
                .to_owned(),
            ColumnDef::new(Alias::new("ends_on"))
                .date()
                .not_null()
                .to_owned(),
            opt_fk_id("deputy_id"),
            opt_text("note"),
        ];
        absences.extend(bookkeeping());
        m.create_table(table(
            "absences",
            absences,
            &[
                ("user_id", "users", "cascade"),
                ("deputy_id", "users", "set_null"),
            ],
        ))
        .await?;
        m.create_index(index(
            "absences",
            "ix_absences_user",
            &["user_id", "starts_on", "ends_on"],
        ))
        .await?;

        for action in ["read", "update", "delete"] {
            grant(m, "admin", "jobs", action, "all").await?;
        }
        for action in ["read", "create", "update"] {
            grant(m, "admin", "emails", action, "all").await?;
        }
        // Users follow the mail they sent; managers their team's.
        for role in [
            "manager",
            "sales_rep",
            "buyer",
            "marketing",
            "support_agent",
        ] {
            let read = if role == "manager" { "team" } else { "own" };
            grant(m, role, "emails", "read", read).await?;
            grant(m, role, "emails", "create", "own").await?;
        }
        for action in ["read", "create", "update", "delete"] {
            grant(m, "admin", "absences", action, "all").await?;
            grant(m, "manager", "absences", action, "team").await?;
        }
        for role in ["sales_rep", "buyer", "marketing", "support_agent", "viewer"] {
            for action in ["read", "create", "update", "delete"] {
                grant(m, role, "absences", action, "own").await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).is_in(["jobs", "emails", "absences"]))
                .to_owned(),
        )
        .await?;
        for t in [
            "absences",
            "deadlines",
            "notification_preferences",
            "notifications",
            "emails",
            "schedule_runs",
            "jobs",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
