//! sea-orm models of deals, their lines and their stage history.
pub mod deal {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "deals")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub kind: String,
        pub type_id: String,
        pub stage_id: String,
        pub title: String,
        pub partner_id: String,
        pub branch_id: Option<String>,
        pub person_ids: Option<Json>,
        pub owner_id: String,
        pub campaign_id: Option<String>,
        pub source_id: Option<String>,
        pub priority: String,
        pub status: String,
        pub close_reason: Option<String>,
        pub expected_amount: Option<i64>,
        pub currency: String,
        pub expected_close_on: Option<Date>,
        pub realised_amount: Option<i64>,
        pub realised_on: Option<Date>,
        pub stage_entered_at: DateTimeUtc,
        pub stage_due_at: Option<DateTimeUtc>,
        pub description: Option<String>,
        pub tags: Option<Json>,
        pub custom_fields: Option<Json>,
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

pub mod line {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "deal_lines")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub deal_id: String,
        pub position: i32,
        pub product_id: Option<String>,
        pub description: String,
        pub quantity: f64,
        pub unit: Option<String>,
        pub unit_price: i64,
        pub discount_bp: i32,
        pub vat_rate_bp: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod stage_move {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "deal_stage_history")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub deal_id: String,
        pub from_stage_id: Option<String>,
        pub to_stage_id: String,
        pub user_id: Option<String>,
        pub moved_at: DateTimeUtc,
        pub seconds_in_from: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
