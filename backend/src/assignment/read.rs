//! Reading what assignment decides on: the territories, the table, and partners in batches with
//! their owners.
use super::decide::{Owner, Rule};
use crate::api::sql::Binds;
use crate::error::{ApiError, ApiResult};
use crate::territories::entity::{rule, territory};
use crate::territories::tree::Tree;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QueryResult,
};

pub async fn load_tree(db: &impl ConnectionTrait) -> ApiResult<Tree> {
    let all = territory::Entity::find()
        .filter(territory::Column::DeletedAt.is_null())
        .all(db)
        .await?;
    Ok(Tree::new(&all))
}

pub async fn load_rules(db: &impl ConnectionTrait) -> ApiResult<Vec<Rule>> {
    Ok(rule::Entity::find()
        .filter(rule::Column::DeletedAt.is_null())
        .order_by_asc(rule::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(Rule::from)
        .collect())
}

/// A partner as assignment sees it.
#[derive(Debug, Clone)]
pub struct Subject {
    pub id: String,
    pub country: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub group_id: Option<String>,
    pub territory_id: Option<String>,
    pub owners_locked: bool,
    pub owners: Vec<Owner>,
}

/// A partner as the batch query reads it.
#[derive(serde::Deserialize)]
struct Row(
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Flag,
);

/// An owner row: partner, user, role, rule.
#[derive(serde::Deserialize)]
struct OwnerRow(String, String, String, Option<String>);

/// A boolean as JSON carries it from either database: `true` or `1`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Int(i64),
}

impl Flag {
    fn get(&self) -> bool {
        match self {
            Self::Bool(b) => *b,
            Self::Int(i) => *i != 0,
        }
    }
}

/// Which partners to read.
pub enum Which<'a> {
    /// Ids in `(after, until]`, in id order.
    Range {
        after: Option<String>,
        until: Option<String>,
    },
    Ids(&'a [String]),
}

/// A query of a few columns: `SELECT {columns} {rest}`.
struct Query {
    columns: &'static str,
    rest: String,
    binds: Binds,
}

fn partners_query(backend: DatabaseBackend, which: &Which, limit: u64) -> Query {
    let mut binds = Binds::new(backend);
    let mut conditions = vec!["deleted_at IS NULL".to_owned()];
    match which {
        Which::Range { after, until } => {
            if let Some(a) = after {
                conditions.push(format!("id > {}", binds.push(a.clone())));
            }
            if let Some(u) = until {
                conditions.push(format!("id <= {}", binds.push(u.clone())));
            }
        }
        Which::Ids(ids) => {
            let list: Vec<String> = ids.iter().map(|id| binds.push(id.clone())).collect();
            conditions.push(format!("id IN ({})", list.join(", ")));
        }
    }
    let limit = binds.push(limit as i64);
    Query {
        columns: "id, country, region, postal_code, group_id, territory_id, owners_locked",
        rest: format!(
            "FROM partners WHERE {} ORDER BY id LIMIT {limit}",
            conditions.join(" AND ")
        ),
        binds,
    }
}

/// Whose owners to read: partners with ids between two, or named ones.
enum Owned<'a> {
    Between(&'a str, &'a str),
    Of(&'a [String]),
}

/// The owners of a batch: for a range of partners one range scan of the owners' primary key from
/// its first id to its last; for named partners, theirs.
fn owners_query(backend: DatabaseBackend, which: Owned<'_>) -> Query {
    let mut binds = Binds::new(backend);
    let condition = match which {
        Owned::Between(first, last) => {
            let (a, b) = (binds.push(first), binds.push(last));
            format!("partner_id >= {a} AND partner_id <= {b}")
        }
        Owned::Of(ids) => {
            let list: Vec<String> = ids.iter().map(|id| binds.push(id.clone())).collect();
            format!("partner_id IN ({})", list.join(", "))
        }
    };
    Query {
        columns: "partner_id, user_id, role, rule_id",
        rest: format!("FROM partner_owners WHERE {condition}"),
        binds,
    }
}

/// A row type read either way.
trait Fetched: serde::de::DeserializeOwned {
    fn from_row(r: &QueryResult) -> Result<Self, DbErr>;
}

impl Fetched for Row {
    fn from_row(r: &QueryResult) -> Result<Self, DbErr> {
        Ok(Self(
            r.try_get_by_index(0)?,
            r.try_get_by_index(1)?,
            r.try_get_by_index(2)?,
            r.try_get_by_index(3)?,
            r.try_get_by_index(4)?,
            r.try_get_by_index(5)?,
            Flag::Bool(r.try_get_by_index(6)?),
        ))
    }
}

impl Fetched for OwnerRow {
    fn from_row(r: &QueryResult) -> Result<Self, DbErr> {
        Ok(Self(
            r.try_get_by_index(0)?,
            r.try_get_by_index(1)?,
            r.try_get_by_index(2)?,
            r.try_get_by_index(3)?,
        ))
    }
}

/// Runs the query. On SQLite the database folds the rows into one JSON array: the driver hands
/// each row between threads, and for thousands of rows that, not the query, takes the time. On
/// PostgreSQL rows arrive decoded from the socket and building JSON would cost more.
async fn fetch<T: Fetched>(db: &impl ConnectionTrait, q: Query) -> ApiResult<Vec<T>> {
    let backend = db.get_database_backend();
    let Query {
        columns,
        rest,
        binds,
    } = q;
    if backend == DatabaseBackend::Postgres {
        let rows = db
            .query_all(binds.statement(format!("SELECT {columns} {rest}")))
            .await?;
        return Ok(rows
            .iter()
            .map(T::from_row)
            .collect::<Result<Vec<T>, DbErr>>()?);
    }
    let sql = format!(
        "SELECT json_group_array(json_array({columns})) AS batch FROM (SELECT {columns} {rest})"
    );
    let batch: Option<String> = match db.query_one(binds.statement(sql)).await? {
        Some(r) => r.try_get("", "batch")?,
        None => None,
    };
    match batch {
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("reading partners: {e}"))),
        None => Ok(Vec::new()),
    }
}

/// Live partners, in id order, with their owners.
pub async fn load_subjects(
    db: &impl ConnectionTrait,
    which: Which<'_>,
    limit: u64,
) -> ApiResult<Vec<Subject>> {
    let backend = db.get_database_backend();
    let mut rows: Vec<Row> = fetch(db, partners_query(backend, &which, limit)).await?;
    // A JSON aggregate keeps no promised order.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    let whose = match (&which, rows.first(), rows.last()) {
        (Which::Range { .. }, Some(first), Some(last)) => Owned::Between(&first.0, &last.0),
        (Which::Ids(ids), Some(_), _) => Owned::Of(ids),
        _ => return Ok(Vec::new()),
    };
    let mut owners = fetch::<OwnerRow>(db, owners_query(backend, whose)).await?;
    owners.sort_by(|a, b| a.0.cmp(&b.0));
    // Both sorted by partner: walk them side by side.
    let mut owners = owners.into_iter().peekable();
    Ok(rows
        .into_iter()
        .map(|r| {
            while owners.next_if(|o| o.0 < r.0).is_some() {}
            let mut own = Vec::new();
            while let Some(o) = owners.next_if(|o| o.0 == r.0) {
                own.push(Owner {
                    user_id: o.1,
                    role: o.2,
                    rule_id: o.3,
                });
            }
            own.sort();
            Subject {
                owners_locked: r.6.get(),
                id: r.0,
                country: r.1,
                region: r.2,
                postal_code: r.3,
                group_id: r.4,
                territory_id: r.5,
                owners: own,
            }
        })
        .collect())
}
