//! sea-orm models of deadlines and absences.
pub mod deadline {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "deadlines")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        /// What registered it: `task`, `deal_stage`, `campaign_phase`, `ticket`.
        pub source_type: String,
        pub source_id: String,
        pub title: String,
        pub due_at: DateTimeUtc,
        /// Who answers for it.
        pub user_id: String,
        pub partner_id: Option<String>,
        pub warned_at: Option<DateTimeUtc>,
        pub overdue_at: Option<DateTimeUtc>,
        pub escalated_at: Option<DateTimeUtc>,
        /// Set when the work is done or the deadline replaced: no more alarms.
        pub cleared_at: Option<DateTimeUtc>,
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

pub mod absence {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
    #[sea_orm(table_name = "absences")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub user_id: String,
        pub starts_on: Date,
        pub ends_on: Date,
        /// Who stands in; none means the deputy owner of each partner.
        pub deputy_id: Option<String>,
        pub note: Option<String>,
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
