//! Demo nomenclatures, partners, branches and persons from Croatia, Poland and Romania, created
//! through the services (so they carry history) by the demo administrator.
use crate::access::load_grants;
use crate::auth::Caller;
use crate::branches::{dto::BranchFields, service as branches};
use crate::db::Db;
use crate::error::ApiError;
use crate::lists::{dto::CreateListItem, service as lists};
use crate::partners::{dto::PartnerFields, dto::SetOwners, entity::partner, service as partners};
use crate::persons::{dto::PersonFields, service as persons};
use sea_orm::{EntityTrait, PaginatorTrait};
use std::collections::HashMap;

const ITEMS: &[(&str, &str, &str)] = &[
    ("legal_forms", "doo", "d.o.o."),
    ("legal_forms", "dd", "d.d."),
    ("legal_forms", "obrt", "obrt"),
    ("legal_forms", "spzoo", "sp. z o.o."),
    ("legal_forms", "sa", "S.A."),
    ("legal_forms", "srl", "S.R.L."),
    ("partner_groups", "retail", "Maloprodaja / Retail"),
    ("partner_groups", "wholesale", "Veleprodaja / Wholesale"),
    ("partner_groups", "industry", "Industrija / Industry"),
    ("lead_sources", "fair", "Sajam / Trade fair"),
    ("lead_sources", "web", "Web"),
    ("lead_sources", "referral", "Preporuka / Referral"),
    ("activity_types", "call", "Poziv / Call"),
    ("activity_types", "meeting", "Sastanak / Meeting"),
    ("activity_types", "visit", "Posjet / Visit"),
    ("activity_types", "email", "E-mail"),
    ("tags", "vip", "VIP"),
    ("tags", "export", "Izvoz / Export"),
];

/// name, legal form, group, tax country, tax id, city, postal code, country, owner role
type DemoPartner = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PARTNERS: &[DemoPartner] = &[
    (
        "Kraš",
        "dd",
        "industry",
        "HR",
        "94577403194",
        "Zagreb",
        "10000",
        "HR",
        "sales_rep",
    ),
    (
        "Podravka",
        "dd",
        "industry",
        "HR",
        "69435151530",
        "Koprivnica",
        "48000",
        "HR",
        "sales_rep",
    ),
    (
        "Konzum plus",
        "doo",
        "retail",
        "HR",
        "",
        "Zagreb",
        "10000",
        "HR",
        "sales_rep",
    ),
    (
        "Wawel",
        "sa",
        "industry",
        "PL",
        "5260250274",
        "Kraków",
        "30-701",
        "PL",
        "manager",
    ),
    (
        "Hurtownia Kowalski",
        "spzoo",
        "wholesale",
        "PL",
        "",
        "Poznań",
        "61-001",
        "PL",
        "buyer",
    ),
    (
        "Dedeman",
        "srl",
        "retail",
        "RO",
        "18547290",
        "Bacău",
        "600001",
        "RO",
        "sales_rep",
    ),
    (
        "Carpați Distribuție",
        "srl",
        "wholesale",
        "RO",
        "14399840",
        "Cluj-Napoca",
        "400001",
        "RO",
        "buyer",
    ),
];

fn describe(e: ApiError) -> anyhow::Error {
    match e {
        ApiError::Internal(e) => e,
        other => anyhow::anyhow!("{other:?}"),
    }
}

/// Adds the demo partners once (skipped when any partner exists).
pub async fn seed(db: &Db, users: &HashMap<&str, String>) -> anyhow::Result<()> {
    if partner::Entity::find().count(&db.read).await? > 0 {
        return Ok(());
    }
    let Some(admin_id) = users.get("admin") else {
        return Ok(());
    };
    let admin = Caller {
        grants: load_grants(&db.read, admin_id).await?,
        user_id: admin_id.clone(),
        session_id: None,
        api_key_id: None,
        request_id: None,
    };
    let mut item_ids = HashMap::new();
    for (list, code, name) in ITEMS {
        let input = CreateListItem {
            code: (*code).into(),
            name: (*name).into(),
            position: None,
        };
        let item = lists::create(&db.write, &admin, list, input)
            .await
            .map_err(describe)?;
        item_ids.insert(*code, item.id);
    }
    for (name, form, group, tax_country, tax_id, city, postal, country, owner) in PARTNERS {
        let form_name = ITEMS
            .iter()
            .find(|i| i.1 == *form)
            .map(|i| i.2)
            .unwrap_or_default();
        let fields = PartnerFields {
            name: Some(format!("{name} {form_name}")),
            legal_form_id: Some(item_ids.get(form).cloned()),
            group_id: Some(item_ids.get(group).cloned()),
            tax_country: Some(Some((*tax_country).into())),
            tax_id: Some((*tax_id).to_owned())
                .filter(|t| !t.is_empty())
                .map(Some),
            city: Some((*city).into()),
            postal_code: Some((*postal).into()),
            country: Some(Some((*country).into())),
            is_supplier: Some(*owner == "buyer"),
            is_customer: Some(*owner != "buyer"),
            tags: Some(if *group == "industry" {
                vec!["vip".into()]
            } else {
                vec![]
            }),
            ..Default::default()
        };
        let p = partners::create(&db.write, &admin, fields)
            .await
            .map_err(describe)?;
        let owners = SetOwners {
            primary_id: users.get(owner).cloned(),
            deputy_ids: vec![],
            shared_ids: vec![],
            locked: None,
        };
        partners::set_owners(&db.write, &admin, &p.id, owners)
            .await
            .map_err(describe)?;
        let branch = BranchFields {
            name: Some(format!("{city} – centrala")),
            city: Some((*city).into()),
            country: Some((*country).into()),
            ..Default::default()
        };
        let b = branches::create(&db.write, &admin, &p.id, branch)
            .await
            .map_err(describe)?;
        let person = PersonFields {
            first_name: Some(first_name(country).into()),
            last_name: Some(last_name(country).into()),
            partner_id: Some(Some(p.id.clone())),
            branch_id: Some(Some(b.id)),
            position: Some("Nabava / Procurement".into()),
            ..Default::default()
        };
        persons::create(&db.write, &admin, person)
            .await
            .map_err(describe)?;
    }
    Ok(())
}

fn first_name(country: &str) -> &'static str {
    match country {
        "PL" => "Agnieszka",
        "RO" => "Mihai",
        _ => "Marija",
    }
}

fn last_name(country: &str) -> &'static str {
    match country {
        "PL" => "Zielińska",
        "RO" => "Popa",
        _ => "Horvat",
    }
}
