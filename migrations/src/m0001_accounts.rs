//! Users, roles with their grants, teams, login sessions with rotating refresh tokens, API keys and
//! the login-attempt log that brute-force protection counts.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut users = vec![
            id("id"),
            text("email"),
            text("name"),
            text("password_hash"),
            text("status"),
            text("locale"),
        ];
        users.extend(bookkeeping());
        m.create_table(table("users", users, &[])).await?;
        m.create_index(unique_index("users", "ux_users_email", &["email"]))
            .await?;
        m.create_index(index("users", "ix_users_name", &["name", "id"]))
            .await?;
        m.create_index(index("users", "ix_users_created", &["created_at", "id"]))
            .await?;

        let mut roles = vec![
            id("id"),
            text("key"),
            text("name"),
            text("description"),
            boolean("built_in", false),
        ];
        roles.extend(bookkeeping());
        m.create_table(table("roles", roles, &[])).await?;
        m.create_index(unique_index("roles", "ux_roles_key", &["key"]))
            .await?;

        let mut grants = table(
            "role_grants",
            vec![
                fk_id("role_id"),
                text("resource"),
                text("action"),
                text("scope"),
            ],
            &[("role_id", "roles", "cascade")],
        );
        grants.primary_key(&mut primary_key(&["role_id", "resource", "action"]));
        m.create_table(grants).await?;

        let mut user_roles = table(
            "user_roles",
            vec![fk_id("user_id"), fk_id("role_id")],
            &[
                ("user_id", "users", "cascade"),
                ("role_id", "roles", "restrict"),
            ],
        );
        user_roles.primary_key(&mut primary_key(&["user_id", "role_id"]));
        m.create_table(user_roles).await?;
        m.create_index(index("user_roles", "ix_user_roles_role", &["role_id"]))
            .await?;

        let mut teams = vec![id("id"), text("name"), opt_fk_id("manager_id")];
        teams.extend(bookkeeping());
        m.create_table(table(
            "teams",
            teams,
            &[("manager_id", "users", "set_null")],
        ))
        .await?;
        m.create_index(index("teams", "ix_teams_manager", &["manager_id"]))
            .await?;
        m.create_index(index("teams", "ix_teams_name", &["name", "id"]))
            .await?;

        let mut members = table(
            "team_members",
            vec![fk_id("team_id"), fk_id("user_id")],
            &[
                ("team_id", "teams", "cascade"),
                ("user_id", "users", "cascade"),
            ],
        );
        members.primary_key(&mut primary_key(&["team_id", "user_id"]));
        m.create_table(members).await?;
        m.create_index(index("team_members", "ix_team_members_user", &["user_id"]))
            .await?;

        m.create_table(table(
            "sessions",
            vec![
                id("id"),
                fk_id("user_id"),
                timestamp("created_at"),
                timestamp("expires_at"),
                opt_timestamp("revoked_at"),
                opt_text("revoke_reason"),
                opt_text("ip"),
                opt_text("user_agent"),
            ],
            &[("user_id", "users", "cascade")],
        ))
        .await?;
        m.create_index(index("sessions", "ix_sessions_user", &["user_id"]))
            .await?;

        m.create_table(table(
            "refresh_tokens",
            vec![
                id("id"),
                fk_id("session_id"),
                text("token_hash"),
                timestamp("created_at"),
                timestamp("expires_at"),
                opt_timestamp("used_at"),
            ],
            &[("session_id", "sessions", "cascade")],
        ))
        .await?;
        m.create_index(unique_index(
            "refresh_tokens",
            "ux_refresh_tokens_hash",
            &["token_hash"],
        ))
        .await?;

        m.create_table(table(
            "api_keys",
            vec![
                id("id"),
                fk_id("user_id"),
                text("name"),
                text("prefix"),
                text("secret_hash"),
                timestamp("created_at"),
                opt_fk_id("created_by"),
                opt_timestamp("last_used_at"),
                opt_timestamp("expires_at"),
                opt_timestamp("revoked_at"),
            ],
            &[("user_id", "users", "cascade")],
        ))
        .await?;
        m.create_index(unique_index("api_keys", "ux_api_keys_prefix", &["prefix"]))
            .await?;
        m.create_index(index("api_keys", "ix_api_keys_user", &["user_id", "id"]))
            .await?;

        m.create_table(table(
            "login_attempts",
            vec![
                id("id"),
                text("email"),
                text("ip"),
                boolean("success", false),
                timestamp("at"),
            ],
            &[],
        ))
        .await?;
        m.create_index(index(
            "login_attempts",
            "ix_login_attempts_email",
            &["email", "at"],
        ))
        .await?;
        m.create_index(index(
            "login_attempts",
            "ix_login_attempts_ip",
            &["ip", "at"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "login_attempts",
            "api_keys",
            "refresh_tokens",
            "sessions",
            "team_members",
            "teams",
            "user_roles",
            "role_grants",
            "roles",
            "users",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
