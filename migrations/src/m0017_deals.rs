//! Sales and supply pipelines: deal types (each of kind `sale` or `supply`) with ordered stages,
//! deals with their lines and stage history, the product catalogue with price lists, and dated
//! exchange rates into the company currency. Activities gain a link to a deal.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn integer(name: &str, default: i32) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .integer()
        .not_null()
        .default(default)
        .to_owned()
}

fn opt_integer(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).integer().null().to_owned()
}

fn opt_big(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .big_integer()
        .null()
        .to_owned()
}

fn big(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .big_integer()
        .not_null()
        .to_owned()
}

fn double(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name))
        .double()
        .not_null()
        .to_owned()
}

fn opt_date(name: &str) -> ColumnDef {
    ColumnDef::new(Alias::new(name)).date().null().to_owned()
}

fn with_bookkeeping(mut columns: Vec<ColumnDef>) -> Vec<ColumnDef> {
    columns.extend(bookkeeping());
    columns
}

const TABLES: [&str; 8] = [
    "deal_stage_history",
    "deal_lines",
    "deals",
    "product_prices",
    "price_lists",
    "products",
    "deal_stages",
    "deal_types",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(table(
            "deal_types",
            with_bookkeeping(vec![
                id("id"),
                text("kind"),
                text("name"),
                // Whether a deal may jump over stages or go back to an earlier one.
                boolean("allow_skip", true),
                boolean("allow_back", true),
                integer("position", 0),
                boolean("active", true),
            ]),
            &[],
        ))
        .await?;
        m.create_table(table(
            "deal_stages",
            with_bookkeeping(vec![
                id("id"),
                fk_id("type_id"),
                text("name"),
                integer("position", 0),
                // None: no deadline while a deal sits in this stage.
                opt_integer("planned_days"),
                integer("probability", 0),
                // `open`, `won` or `lost`: what reaching the stage means for the deal.
                text("outcome"),
            ]),
            &[("type_id", "deal_types", "cascade")],
        ))
        .await?;
        m.create_index(index(
            "deal_stages",
            "ix_deal_stages_type",
            &["type_id", "position"],
        ))
        .await?;

        m.create_table(table(
            "products",
            with_bookkeeping(vec![
                id("id"),
                text("code"),
                text("name"),
                // `product` or `service`.
                text("kind"),
                text("unit"),
                // Basis points: 2500 is 25 %.
                integer("vat_rate_bp", 0),
                opt_text("description"),
                boolean("active", true),
            ]),
            &[],
        ))
        .await?;
        m.create_index(unique_index("products", "ux_products_code", &["code"]))
            .await?;
        m.create_index(index("products", "ix_products_name", &["name", "id"]))
            .await?;
        m.create_table(table(
            "price_lists",
            with_bookkeeping(vec![
                id("id"),
                text("name"),
                text("currency"),
                boolean("active", true),
            ]),
            &[],
        ))
        .await?;
        let mut prices = Table::create();
        prices
            .table(Alias::new("product_prices"))
            .if_not_exists()
            .col(fk_id("price_list_id"))
            .col(fk_id("product_id"))
            .col(big("amount"))
            .primary_key(&mut primary_key(&["price_list_id", "product_id"]))
            .foreign_key(
                ForeignKey::create()
                    .name("fk_product_prices_list")
                    .from(Alias::new("product_prices"), Alias::new("price_list_id"))
                    .to(Alias::new("price_lists"), Alias::new("id"))
                    .on_delete(ForeignKeyAction::Cascade),
            )
            .foreign_key(
                ForeignKey::create()
                    .name("fk_product_prices_product")
                    .from(Alias::new("product_prices"), Alias::new("product_id"))
                    .to(Alias::new("products"), Alias::new("id"))
                    .on_delete(ForeignKeyAction::Cascade),
            );
        m.create_table(prices).await?;
        m.create_index(index(
            "product_prices",
            "ix_product_prices_product",
            &["product_id"],
        ))
        .await?;

        m.create_table(table(
            "exchange_rates",
            with_bookkeeping(vec![
                id("id"),
                text("currency"),
                ColumnDef::new(Alias::new("rate_date"))
                    .date()
                    .not_null()
                    .to_owned(),
                // Units of the company currency for one unit of `currency`.
                double("rate"),
            ]),
            &[],
        ))
        .await?;
        m.create_index(unique_index(
            "exchange_rates",
            "ux_exchange_rates_day",
            &["currency", "rate_date"],
        ))
        .await?;

        m.create_table(table(
            "deals",
            with_bookkeeping(vec![
                id("id"),
                text("kind"),
                fk_id("type_id"),
                fk_id("stage_id"),
                text("title"),
                fk_id("partner_id"),
                opt_fk_id("branch_id"),
                json("person_ids"),
                fk_id("owner_id"),
                // Campaigns land later; the id is kept without a foreign key until then.
                opt_fk_id("campaign_id"),
                opt_fk_id("source_id"),
                text("priority"),
                // `open`, `won`, `lost` or `cancelled`.
                text("status"),
                opt_text("close_reason"),
                opt_big("expected_amount"),
                text("currency"),
                opt_date("expected_close_on"),
                opt_big("realised_amount"),
                opt_date("realised_on"),
                timestamp("stage_entered_at"),
                // When the deal overstays its stage (None: the stage has no planned duration).
                opt_timestamp("stage_due_at"),
                opt_text("description"),
                json("tags"),
                json("custom_fields"),
            ]),
            &[
                ("type_id", "deal_types", "restrict"),
                ("stage_id", "deal_stages", "restrict"),
                ("partner_id", "partners", "restrict"),
                ("branch_id", "branches", "set_null"),
                ("owner_id", "users", "restrict"),
                ("source_id", "list_items", "restrict"),
            ],
        ))
        .await?;
        // A board reaches the deals in scope as three disjoint branches, through their owner,
        // their creator (not the owner) or their partner (neither): each index leads on one of
        // them, narrows to the pipeline, status, stage and time in it (the cards' order), and
        // carries what the branch tests and a column sums, so SQLite never reads the table for
        // the sums and reads it only for the first cards.
        let branch = |lead: &'static str, tested: &[&'static str]| -> Vec<&'static str> {
            [
                lead,
                "type_id",
                "status",
                "stage_id",
                "stage_entered_at",
                "id",
            ]
            .into_iter()
            .chain(tested.iter().copied())
            .chain([
                "kind",
                "deleted_at",
                "currency",
                "expected_amount",
                "realised_amount",
                "stage_due_at",
            ])
            .collect()
        };
        let boards = [
            ("ix_deals_owner_board", branch("owner_id", &[])),
            ("ix_deals_created_by", branch("created_by", &["owner_id"])),
            (
                "ix_deals_partner",
                branch("partner_id", &["owner_id", "created_by"]),
            ),
        ];
        for (name, columns) in boards.iter().map(|(n, c)| (*n, &c[..])).chain([
            (
                "ix_deals_board",
                &["type_id", "status", "stage_id", "id"][..],
            ),
            ("ix_deals_stage", &["stage_id", "id"]),
            // The forecast reads open deals by close date, and won deals by realised date, from
            // these alone (SQLite: no table lookups, grouped in index order).
            (
                "ix_deals_forecast",
                &[
                    "status",
                    "kind",
                    "expected_close_on",
                    "currency",
                    "stage_id",
                    "expected_amount",
                    "deleted_at",
                ],
            ),
            (
                "ix_deals_realised",
                &[
                    "status",
                    "kind",
                    "realised_on",
                    "currency",
                    "realised_amount",
                    "deleted_at",
                ],
            ),
            ("ix_deals_due", &["status", "stage_due_at", "id"]),
            ("ix_deals_title", &["title", "id"]),
            ("ix_deals_created", &["created_at", "id"]),
            ("ix_deals_updated", &["updated_at", "id"]),
            ("ix_deals_amount", &["expected_amount", "id"]),
            ("ix_deals_campaign", &["campaign_id", "id"]),
            ("ix_deals_source", &["source_id", "id"]),
        ]) {
            m.create_index(index("deals", name, columns)).await?;
        }
        m.create_table(table(
            "deal_lines",
            vec![
                id("id"),
                fk_id("deal_id"),
                integer("position", 0),
                opt_fk_id("product_id"),
                text("description"),
                double("quantity"),
                opt_text("unit"),
                big("unit_price"),
                integer("discount_bp", 0),
                integer("vat_rate_bp", 0),
            ],
            &[
                ("deal_id", "deals", "cascade"),
                ("product_id", "products", "set_null"),
            ],
        ))
        .await?;
        m.create_index(index(
            "deal_lines",
            "ix_deal_lines_deal",
            &["deal_id", "position"],
        ))
        .await?;
        m.create_table(table(
            "deal_stage_history",
            vec![
                id("id"),
                fk_id("deal_id"),
                // None: the deal was created in `to_stage_id`.
                opt_fk_id("from_stage_id"),
                fk_id("to_stage_id"),
                opt_fk_id("user_id"),
                timestamp("moved_at"),
                // How long the deal stayed in `from_stage_id`.
                opt_big("seconds_in_from"),
            ],
            &[("deal_id", "deals", "cascade")],
        ))
        .await?;
        for (name, columns) in [
            ("ix_deal_stage_history_deal", &["deal_id", "moved_at"][..]),
            ("ix_deal_stage_history_to", &["to_stage_id", "deal_id"]),
            ("ix_deal_stage_history_from", &["from_stage_id"]),
        ] {
            m.create_index(index("deal_stage_history", name, columns))
                .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Alias::new("activities"))
                .add_column(ColumnDef::new(Alias::new("deal_id")).string_len(36).null())
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "activities",
            "ix_activities_deal",
            &["deal_id", "started_at", "id"],
        ))
        .await?;

        let mut plan = Vec::new();
        for resource in ["deals", "supply_deals"] {
            for action in ["read", "create", "update", "delete", "export", "assign"] {
                plan.push(("admin", resource, action, "all"));
                plan.push(("manager", resource, action, "team"));
            }
        }
        for action in ["read", "create", "update", "export"] {
            plan.push(("sales_rep", "deals", action, "own"));
            // Buyers work procurement together: they see every supply deal and change their own.
            let scope = if action == "update" { "own" } else { "all" };
            plan.push(("buyer", "supply_deals", action, scope));
        }
        plan.push(("marketing", "deals", "read", "team"));
        plan.push(("viewer", "deals", "read", "own"));
        for resource in ["deal_types", "products", "exchange_rates"] {
            for action in ["create", "update", "delete"] {
                plan.push(("admin", resource, action, "all"));
            }
            for role in [
                "admin",
                "manager",
                "sales_rep",
                "buyer",
                "support_agent",
                "marketing",
                "viewer",
            ] {
                plan.push((role, resource, "read", "all"));
            }
        }
        // Buyers keep the catalogue of what they buy.
        for action in ["create", "update"] {
            plan.push(("buyer", "products", action, "all"));
        }
        for (role, resource, action, scope) in plan {
            grant(m, role, resource, action, scope).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_activities_deal")
                .table(Alias::new("activities"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Alias::new("activities"))
                .drop_column(Alias::new("deal_id"))
                .to_owned(),
        )
        .await?;
        for t in TABLES.iter().chain(&["exchange_rates"]) {
            m.drop_table(Table::drop().table(Alias::new(*t)).to_owned())
                .await?;
        }
        m.exec_stmt(
            Query::delete()
                .from_table(Alias::new("role_grants"))
                .and_where(Expr::col(Alias::new("resource")).is_in([
                    "deals",
                    "supply_deals",
                    "deal_types",
                    "products",
                    "exchange_rates",
                ]))
                .to_owned(),
        )
        .await
    }
}
