//! The one place that answers "may this caller do this?". Handlers never check roles themselves:
//! a service asks [`Caller::require`] for the scope of an action, then narrows its SQL with
//! [`scope_condition`] so lists are filtered in the database, never after loading.
mod catalog;
mod grants;
mod records;
mod scope;

pub use catalog::{catalog, Action, Resource, CATALOG};
pub use grants::{load_grants, Grant, Grants};
pub use records::{find_for, live};
pub use scope::{scope_condition, team_condition, ScopeColumn};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How far a grant reaches. Ordered: `Own < Team < All`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Records the user owns, created, or that were shared with them.
    Own,
    /// Also records of the members of the teams the user belongs to or manages.
    Team,
    /// Every record.
    All,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::Team => "team",
            Self::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "own" => Some(Self::Own),
            "team" => Some(Self::Team),
            "all" => Some(Self::All),
            _ => None,
        }
    }
}
