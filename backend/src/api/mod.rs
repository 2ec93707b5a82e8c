//! HTTP pieces every domain reuses: list parameters and keyset pages, the JSON filter tree, sorting,
//! ETag / If-Match, and the extractor configuration that turns bad input into problem documents.
pub mod etag;
pub mod extract;
pub mod fields;
pub mod filter;
pub mod fts;
pub mod list;
pub mod multipart;
pub mod sql;
pub mod versioned;

pub use etag::{with_etag, IfMatch};
pub use fields::{Field, Kind, ResourceFields};
pub use filter::FilterNode;
pub use list::{fetch_page, ListQuery, Page, SearchBody};

/// For PATCH bodies: tells "field absent" (`None`) from "field set to null" (`Some(None)`).
pub fn double_option<'de, T, D>(de: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    serde::Deserialize::deserialize(de).map(Some)
}
