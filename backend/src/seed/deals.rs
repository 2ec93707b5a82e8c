//! Demo pipelines (a sale and a supply one), deal sources, a small catalogue with two price
//! lists, exchange rates, and a deal on each demo partner at a different stage, created through
//! the services by the demo administrator.
use crate::access::load_grants;
use crate::auth::Caller;
use crate::clock;
use crate::currencies::{dto::SetExchangeRate, service as rates};
use crate::db::Db;
use crate::deals::dto::{DealFields, LineInput, MoveDeal};
use crate::deals::{service as deals, Env};
use crate::error::ApiError;
use crate::lists::{dto::CreateListItem, service as lists};
use crate::partners::entity::partner;
use crate::pipelines::dto::{DealTypeFields, StageInput};
use crate::pipelines::{entity::deal_type, service as pipelines};
use crate::products::dto::{Price, PriceListFields, ProductFields};
use crate::products::service as products;
use sea_orm::{EntityTrait, PaginatorTrait, QueryOrder};
use std::collections::HashMap;

fn describe(e: ApiError) -> anyhow::Error {
    match e {
        ApiError::Internal(e) => e,
        other => anyhow::anyhow!("{other:?}"),
    }
}

fn stage(name: &str, days: Option<i32>, probability: i32, outcome: &str) -> StageInput {
    StageInput {
        id: None,
        name: name.into(),
        planned_days: days,
        probability,
        outcome: outcome.into(),
    }
}

fn pipeline(kind: &str, name: &str, stages: Vec<StageInput>) -> DealTypeFields {
    DealTypeFields {
        kind: Some(kind.into()),
        name: Some(name.into()),
        stages: Some(stages),
        ..Default::default()
    }
}

/// (code, name, unit, VAT basis points, EUR price, PLN price) in minor units.
const PRODUCTS: &[(&str, &str, &str, i32, i64, i64)] = &[
    (
        "REG-200",
        "Skladišni regal 200 cm",
        "kom",
        2500,
        45_000,
        190_000,
    ),
    ("MONT-H", "Montaža (sat)", "h", 2500, 3_500, 15_000),
    ("SERV-Y", "Godišnji servis", "god", 2500, 120_000, 510_000),
];

/// Adds the demo pipelines and deals once (skipped when any deal type exists).
pub async fn seed(db: &Db, company: &str, users: &HashMap<&str, String>) -> anyhow::Result<()> {
    if deal_type::Entity::find().count(&db.read).await? > 0 {
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
    let w = &db.write;
    let sale = pipelines::create(
        w,
        &admin,
        pipeline(
            "sale",
            "Prodaja projekata / Project sales",
            vec![
                stage("Kvalifikacija / Qualification", Some(7), 10, "open"),
                stage("Ponuda / Offer", Some(10), 40, "open"),
                stage("Pregovori / Negotiation", Some(14), 70, "open"),
                stage("Dobiveno / Won", None, 100, "won"),
                stage("Izgubljeno / Lost", None, 0, "lost"),
            ],
        ),
    )
    .await
    .map_err(describe)?;
    let supply = pipelines::create(
        w,
        &admin,
        pipeline(
            "supply",
            "Nabava / Procurement",
            vec![
                stage(
                    "Upit dobavljačima / Request for quotes",
                    Some(5),
                    20,
                    "open",
                ),
                stage("Usporedba ponuda / Comparing quotes", Some(7), 50, "open"),
                stage("Narudžba / Order", Some(10), 90, "open"),
                stage("Isporučeno / Delivered", None, 100, "won"),
                stage("Odustano / Dropped", None, 0, "lost"),
            ],
        ),
    )
    .await
    .map_err(describe)?;
    let mut sources = Vec::new();
    for (code, name) in [
        ("fair", "Sajam / Trade fair"),
        ("tender", "Natječaj / Tender"),
    ] {
        let item = CreateListItem {
            code: code.into(),
            name: name.into(),
            position: None,
        };
        sources.push(
            lists::create(w, &admin, "deal_sources", item)
                .await
                .map_err(describe)?
                .id,
        );
    }
    let mut price_lists = Vec::new();
    for (name, currency) in [("Veleprodaja EUR", "EUR"), ("Cennik PLN", "PLN")] {
        let list = PriceListFields {
            name: Some(name.into()),
            currency: Some(currency.into()),
            active: None,
        };
        price_lists.push(
            products::create_price_list(w, &admin, list)
                .await
                .map_err(describe)?
                .id,
        );
    }
    let mut product_ids = Vec::new();
    for (code, name, unit, vat, eur, pln) in PRODUCTS {
        let fields = ProductFields {
            code: Some((*code).into()),
            name: Some((*name).into()),
            unit: Some((*unit).into()),
            vat_rate_bp: Some(*vat),
            prices: Some(vec![
                Price {
                    price_list_id: price_lists[0].clone(),
                    amount: *eur,
                },
                Price {
                    price_list_id: price_lists[1].clone(),
                    amount: *pln,
                },
            ]),
            ..Default::default()
        };
        product_ids.push(
            products::create(w, &admin, fields)
                .await
                .map_err(describe)?
                .id,
        );
    }
    let today = clock::now().date_naive();
    for (currency, rate) in [("PLN", 0.2345), ("RON", 0.2011)] {
        if currency == company {
            continue;
        }
        let input = SetExchangeRate {
            currency: currency.into(),
            rate_date: today,
            rate,
        };
        rates::set(w, &admin, company, input)
            .await
            .map_err(describe)?;
    }

    let env = Env {
        company,
        now: clock::now(),
    };
    let partners = partner::Entity::find()
        .order_by_asc(partner::Column::Name)
        .all(&db.read)
        .await?;
    for (i, p) in partners.iter().enumerate() {
        let (deal_type, currency) = match (p.is_supplier, p.country.as_deref()) {
            (true, _) => (&supply, "EUR"),
            (_, Some("PL")) => (&sale, "PLN"),
            _ => (&sale, "EUR"),
        };
        let stage_at = i % 4;
        let fields = DealFields {
            type_id: Some(deal_type.id.clone()),
            stage_id: deal_type.stages.get(stage_at.min(2)).map(|s| s.id.clone()),
            title: Some(format!("{} – {}", PRODUCTS[i % 3].1, p.name)),
            partner_id: Some(p.id.clone()),
            source_id: Some(sources.get(i % 2).cloned()),
            priority: Some(["normal", "high", "urgent", "low"][i % 4].into()),
            expected_amount: Some(Some(1_000_000 + 250_000 * i as i64)),
            currency: Some(currency.into()),
            expected_close_on: Some(today.checked_add_days(chrono::Days::new(20 + 15 * i as u64))),
            owner_id: p.primary_owner_id.clone(),
            lines: Some(vec![LineInput {
                product_id: Some(product_ids[i % 3].clone()),
                price_list_id: Some(price_lists[usize::from(currency == "PLN")].clone()),
                description: None,
                quantity: (i + 2) as f64,
                unit: None,
                unit_price: None,
                discount_bp: Some(500),
                vat_rate_bp: None,
            }]),
            ..Default::default()
        };
        let deal = deals::create(w, env, &admin, fields)
            .await
            .map_err(describe)?;
        // Every fourth deal is already won.
        if stage_at == 3 {
            let won = MoveDeal {
                stage_id: deal_type.stages[3].id.clone(),
                realised_amount: deal.expected_amount,
                realised_on: Some(today),
                close_reason: None,
            };
            let if_match = crate::api::IfMatch(deal.version);
            deals::move_stage(w, env, &admin, &deal.id, if_match, won)
                .await
                .map_err(describe)?;
        }
    }
    Ok(())
}
