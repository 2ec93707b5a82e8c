//! The bootstrap administrator and the demo data. Every module adds realistic records to
//! [`demo_if_empty`] so the first `just run` shows a living CRM.
mod deals;
mod partners;

use crate::clock;
use crate::db::Db;
use crate::error::ApiError;
use crate::history::Actor;
use crate::settings::Settings;
use crate::teams::entity::{team, team_member};
use crate::users::dto::{CreateUser, Locale};
use crate::users::{entity::user, service as users};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use secrecy::ExposeSecret;

/// When the database has no users, creates `CRM_ADMIN_EMAIL` with `CRM_ADMIN_PASSWORD` as administrator.
pub async fn bootstrap_admin(db: &Db, settings: &Settings) -> anyhow::Result<()> {
    let (Some(email), Some(password)) = (&settings.admin_email, &settings.admin_password) else {
        return Ok(());
    };
    if user::Entity::find().count(&db.read).await? > 0 {
        return Ok(());
    }
    let input = CreateUser {
        email: email.clone(),
        name: "Administrator".into(),
        password: password.expose_secret().to_owned(),
        roles: vec!["admin".into()],
        locale: None,
        hourly_rate: None,
        rate_currency: None,
    };
    validator::Validate::validate(&input)
        .map_err(|e| anyhow::anyhow!("CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD: {e}"))?;
    users::insert_user(&db.write, Actor::SYSTEM, input)
        .await
        .map_err(describe)?;
    tracing::info!(%email, "created the bootstrap administrator");
    Ok(())
}

fn describe(e: ApiError) -> anyhow::Error {
    match e {
        ApiError::Internal(e) => e,
        other => anyhow::anyhow!("{other:?}"),
    }
}

/// (role, name, email local part, locale)
const DEMO_USERS: &[(&str, &str, &str, Locale)] = &[
    ("admin", "Ivana Kovačević", "ivana.kovacevic", Locale::Hr),
    ("manager", "Marek Nowak", "marek.nowak", Locale::Pl),
    ("sales_rep", "Ana Horvat", "ana.horvat", Locale::Hr),
    ("buyer", "Andrei Popescu", "andrei.popescu", Locale::Ro),
    (
        "support_agent",
        "Katarzyna Wiśniewska",
        "katarzyna.wisniewska",
        Locale::Pl,
    ),
    ("marketing", "Elena Ionescu", "elena.ionescu", Locale::Ro),
    ("viewer", "Tomislav Babić", "tomislav.babic", Locale::Hr),
];

pub const DEMO_DOMAIN: &str = "demo.example";

pub fn demo_password(role: &str) -> String {
    format!("{role}-demo-2026")
}

/// Adds the demo records that are missing (safe to run again) and prints the demo logins.
pub async fn demo_if_empty(db: &Db, settings: &Settings) -> anyhow::Result<()> {
    let mut ids = std::collections::HashMap::new();
    for (role, name, local, locale) in DEMO_USERS {
        let email = format!("{local}@{DEMO_DOMAIN}");
        let existing = user::Entity::find()
            .filter(user::Column::Email.eq(&email))
            .one(&db.read)
            .await?;
        let id = match existing {
            Some(u) => u.id,
            None => {
                let input = CreateUser {
                    email,
                    name: (*name).into(),
                    password: demo_password(role),
                    roles: vec![(*role).into()],
                    locale: Some(*locale),
                    hourly_rate: Some(4500),
                    rate_currency: Some("EUR".into()),
                };
                users::insert_user(&db.write, Actor::SYSTEM, input)
                    .await
                    .map_err(describe)?
                    .id
            }
        };
        ids.insert(*role, id);
    }
    if team::Entity::find().count(&db.read).await? == 0 {
        let now = clock::now();
        let team_id = clock::new_id();
        team::Entity::insert(team::ActiveModel {
            id: Set(team_id.clone()),
            name: Set("Prodaja Zagreb".into()),
            manager_id: Set(ids.get("manager").cloned()),
            created_at: Set(now),
            updated_at: Set(now),
            created_by: Set(None),
            version: Set(1),
            deleted_at: Set(None),
        })
        .exec_without_returning(&db.write)
        .await?;
        for role in ["sales_rep", "buyer"] {
            if let Some(user_id) = ids.get(role) {
                team_member::Entity::insert(team_member::ActiveModel {
                    team_id: Set(team_id.clone()),
                    user_id: Set(user_id.clone()),
                })
                .exec_without_returning(&db.write)
                .await?;
            }
        }
    }
    partners::seed(db, &ids).await?;
    deals::seed(db, &settings.company_currency, &ids).await?;
    println!("Demo logins (demo data only; change them before real use):");
    for (role, _, local, _) in DEMO_USERS {
        println!(
            "  {:<14} {:<36} {}",
            role,
            format!("{local}@{DEMO_DOMAIN}"),
            demo_password(role)
        );
    }
    Ok(())
}
