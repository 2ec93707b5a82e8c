//! Partners (companies and individuals, customers and suppliers), their owners, branches and persons,
//! and the managed lists (nomenclatures) that classify them.
use crate::columns::*;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut items = vec![
            id("id"),
            text("list"),
            text("code"),
            text("name"),
            ColumnDef::new(Alias::new("position"))
                .integer()
                .not_null()
                .default(0)
                .to_owned(),
            boolean("active", true),
        ];
        items.extend(bookkeeping());
        m.create_table(table("list_items", items, &[])).await?;
        m.create_index(unique_index(
            "list_items",
            "ux_list_items_code",
            &["list", "code"],
        ))
        .await?;

        let mut partners = vec![
            id("id"),
            text("kind"),
            boolean("is_customer", true),
            boolean("is_supplier", false),
            text("name"),
            // Lower-cased, accents and legal-form noise removed: what duplicate detection compares.
            text("name_key"),
            opt_fk_id("legal_form_id"),
            opt_text("tax_id"),
            opt_text("tax_country"),
            opt_text("registration_number"),
            opt_text("street"),
            opt_text("city"),
            opt_text("postal_code"),
            opt_text("region"),
            opt_text("country"),
            json("phones"),
            json("emails"),
            opt_text("website"),
            opt_fk_id("group_id"),
            text("status"),
            json("tags"),
            opt_text("notes"),
            json("custom_fields"),
            opt_fk_id("primary_owner_id"),
        ];
        partners.extend(bookkeeping());
        m.create_table(table(
            "partners",
            partners,
            &[
                ("legal_form_id", "list_items", "restrict"),
                ("group_id", "list_items", "restrict"),
                ("primary_owner_id", "users", "set_null"),
            ],
        ))
        .await?;
        for (name, cols) in [
            ("ix_partners_name", &["name", "id"][..]),
            ("ix_partners_created", &["created_at", "id"]),
            ("ix_partners_group_name", &["group_id", "name", "id"]),
            (
                "ix_partners_owner_name",
                &["primary_owner_id", "name", "id"],
            ),
            // A rep's view of one group: both filters and the sort in one index.
            (
                "ix_partners_group_owner_name",
                &["group_id", "primary_owner_id", "name", "id"],
            ),
            ("ix_partners_tax_id", &["tax_id"]),
            ("ix_partners_name_key", &["name_key", "city"]),
        ] {
            m.create_index(index("partners", name, cols)).await?;
        }

        let mut owners = table(
            "partner_owners",
            vec![fk_id("partner_id"), fk_id("user_id"), text("role")],
            &[
                ("partner_id", "partners", "cascade"),
                ("user_id", "users", "cascade"),
            ],
        );
        owners.primary_key(&mut primary_key(&["partner_id", "user_id"]));
        m.create_table(owners).await?;
        m.create_index(index(
            "partner_owners",
            "ix_partner_owners_user",
            &["user_id", "partner_id"],
        ))
        .await?;

        let mut branches = vec![
            id("id"),
            fk_id("partner_id"),
            text("name"),
            opt_text("street"),
            opt_text("city"),
            opt_text("postal_code"),
            opt_text("region"),
            opt_text("country"),
            json("phones"),
            json("emails"),
        ];
        branches.extend(bookkeeping());
        m.create_table(table(
            "branches",
            branches,
            &[("partner_id", "partners", "cascade")],
        ))
        .await?;
        m.create_index(index(
            "branches",
            "ix_branches_partner",
            &["partner_id", "name", "id"],
        ))
        .await?;

        let mut persons = vec![
            id("id"),
            text("first_name"),
            text("last_name"),
            opt_fk_id("partner_id"),
            opt_fk_id("branch_id"),
            opt_text("position"),
            json("emails"),
            json("phones"),
            boolean("marketing_consent", false),
            opt_timestamp("consent_at"),
            opt_text("consent_source"),
            json("custom_fields"),
        ];
        persons.extend(bookkeeping());
        m.create_table(table(
            "persons",
            persons,
            &[
                ("partner_id", "partners", "set_null"),
                ("branch_id", "branches", "set_null"),
            ],
        ))
        .await?;
        m.create_index(index(
            "persons",
            "ix_persons_partner",
            &["partner_id", "last_name", "id"],
        ))
        .await?;
        m.create_index(index(
            "persons",
            "ix_persons_name",
            &["last_name", "first_name", "id"],
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "persons",
            "branches",
            "partner_owners",
            "partners",
            "list_items",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        Ok(())
    }
}
