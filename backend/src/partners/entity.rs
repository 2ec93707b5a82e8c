//! sea-orm models of partners and their owners.
pub mod partner {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
    #[sea_orm(table_name = "partners")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub kind: String,
        pub is_customer: bool,
        pub is_supplier: bool,
        pub name: String,
        pub name_key: String,
        pub legal_form_id: Option<String>,
        pub tax_id: Option<String>,
        pub tax_country: Option<String>,
        pub registration_number: Option<String>,
        pub street: Option<String>,
        pub city: Option<String>,
        pub postal_code: Option<String>,
        pub region: Option<String>,
        pub country: Option<String>,
        pub phones: Option<Json>,
        pub emails: Option<Json>,
        pub website: Option<String>,
        pub group_id: Option<String>,
        pub status: String,
        pub tags: Option<Json>,
        pub notes: Option<String>,
        pub custom_fields: Option<Json>,
        pub primary_owner_id: Option<String>,
        /// Derived from the address: the deepest territory it lies in.
        pub territory_id: Option<String>,
        /// Owners set by hand that automatic assignment leaves alone.
        pub owners_locked: bool,
        /// The lead this partner was converted from, whose history stays reachable.
        pub lead_id: Option<String>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub created_by: Option<String>,
        pub version: i32,
        pub deleted_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod owner {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "partner_owners")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub partner_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: String,
        /// `primary`, `deputy` or `shared`.
        pub role: String,
        /// The assignment rule that made this owner; `None` when set by hand.
        pub rule_id: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
