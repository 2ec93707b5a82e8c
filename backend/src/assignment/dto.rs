//! Bodies of the assignment API.
use super::decide::{Owner, Rank, Rule};
use crate::territories::entity::rule;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssignmentRule {
    pub id: String,
    /// None: anywhere.
    pub territory_id: Option<String>,
    /// An item of the `partner_groups` list; none: any group.
    pub group_id: Option<String>,
    pub user_id: String,
    /// `primary`, `deputy` or `shared`.
    pub role: String,
    /// Among rules equally specific, the lower number wins.
    pub priority: i32,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

impl From<rule::Model> for AssignmentRule {
    fn from(m: rule::Model) -> Self {
        Self {
            id: m.id,
            territory_id: m.territory_id,
            group_id: m.group_id,
            user_id: m.user_id,
            role: m.role,
            priority: m.priority,
            valid_from: m.valid_from,
            valid_to: m.valid_to,
            updated_at: m.updated_at,
        }
    }
}

/// One row of a proposed table; `id` keeps an existing rule (so owners it made stay its own).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct RuleInput {
    pub id: Option<String>,
    pub territory_id: Option<String>,
    pub group_id: Option<String>,
    pub user_id: String,
    #[schema(example = "primary")]
    pub role: String,
    #[serde(default)]
    pub priority: i32,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

/// The whole assignment table as it should be.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct RuleSet {
    #[validate(length(max = 10000))]
    #[schema(max_items = 10000)]
    pub rules: Vec<RuleInput>,
}

#[derive(Debug, Clone, Deserialize, IntoParams, Validate)]
pub struct PreviewQuery {
    /// How many changed partners to list (the counts cover all); default 100, at most 1000.
    pub limit: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct OwnerRef {
    pub user_id: String,
    pub role: String,
    /// The rule that made this owner; none when set by hand.
    pub rule_id: Option<String>,
}

impl From<&Owner> for OwnerRef {
    fn from(o: &Owner) -> Self {
        Self {
            user_id: o.user_id.clone(),
            role: o.role.clone(),
            rule_id: o.rule_id.clone(),
        }
    }
}

/// A partner whose owners (or territory) the table changes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PreviewItem {
    pub partner_id: String,
    pub partner_name: String,
    pub territory_from: Option<String>,
    pub territory_to: Option<String>,
    pub from: Vec<OwnerRef>,
    pub to: Vec<OwnerRef>,
    /// The rule that gives the primary owner. In a preview a rule without an id is named
    /// `new:<index in the proposed rules>`.
    pub rule_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConflictItem {
    pub partner_id: String,
    pub partner_name: String,
    /// The tied primary rules, naming different users.
    pub rule_ids: Vec<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Preview {
    /// Live partners looked at.
    pub partners: u64,
    /// Partners whose owners change.
    pub changed: u64,
    /// Partners whose territory changes (their owners may not).
    pub relocated: u64,
    /// Partners two primary rules tie on; they keep their primary owner.
    pub conflicts: u64,
    /// The first changed partners, by id.
    pub items: Vec<PreviewItem>,
    pub conflict_items: Vec<ConflictItem>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Applied {
    /// The job that reassigns; follow it at `/api/v1/admin/jobs/{id}`.
    pub job_id: String,
    pub rules: Vec<AssignmentRule>,
}

/// A rule that applies to a partner, and how it fared.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CandidateRule {
    pub rule: AssignmentRule,
    pub rank: Rank,
    /// `won` (gave this owner), `tied` (a conflict), `beaten` (a more specific rule won).
    pub outcome: String,
}

/// Why a partner has its owners.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Explanation {
    pub partner_id: String,
    pub territory_id: Option<String>,
    /// The territory and those above it, outermost first.
    pub territory_path: Vec<String>,
    pub owners_locked: bool,
    pub owners: Vec<OwnerRef>,
    /// Every rule that applies today, best first.
    pub candidates: Vec<CandidateRule>,
    pub conflict: bool,
}

impl AssignmentRule {
    pub fn from_rule(r: &Rule, updated_at: DateTime<Utc>) -> Self {
        Self {
            id: r.id.clone(),
            territory_id: r.territory_id.clone(),
            group_id: r.group_id.clone(),
            user_id: r.user_id.clone(),
            role: r.role.clone(),
            priority: r.priority,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
            updated_at,
        }
    }
}

/// Partners per owner and territory.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OwnerCount {
    /// None: unassigned.
    pub user_id: Option<String>,
    pub territory_id: Option<String>,
    pub partners: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnassignedPartner {
    pub id: String,
    pub name: String,
    pub city: Option<String>,
    pub territory_id: Option<String>,
}
