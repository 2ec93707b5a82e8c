//! sea-orm models of imports, what they created or updated, their failed rows, and saved mappings.
pub mod import {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "imports")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub entity: String,
        pub status: String,
        pub file_name: String,
        pub file_path: String,
        pub encoding: String,
        pub delimiter: String,
        pub options: Option<Json>,
        pub mapping: Option<Json>,
        pub headers: Option<Json>,
        pub rows_total: i64,
        pub rows_done: i64,
        pub created: i64,
        pub updated: i64,
        pub skipped: i64,
        pub failed: i64,
        pub preview: Option<Json>,
        pub error: Option<String>,
        pub job_id: Option<String>,
        pub finished_at: Option<DateTimeUtc>,
        pub undone_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub created_by: Option<String>,
        pub version: i32,
        pub deleted_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    fn decode<T: serde::de::DeserializeOwned>(v: &Option<Json>) -> Option<T> {
        v.as_ref()
            .and_then(|v| serde_json::from_value(v.clone()).ok())
    }

    /// The JSON columns, read back as what was stored in them.
    impl Model {
        pub fn headers(&self) -> Vec<String> {
            decode(&self.headers).unwrap_or_default()
        }

        pub fn mapping(&self) -> crate::imports::dto::Mapping {
            decode(&self.mapping).unwrap_or_default()
        }

        pub fn options(&self) -> Option<crate::imports::dto::Options> {
            decode(&self.options)
        }
    }
}

pub mod record {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_records")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub import_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub entity_id: String,
        pub action: String,
        pub before: Option<Json>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod failure {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_errors")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub import_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub row_number: i64,
        pub cells: Option<Json>,
        pub message: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod template {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "import_templates")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub entity: String,
        pub mapping: Option<Json>,
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
