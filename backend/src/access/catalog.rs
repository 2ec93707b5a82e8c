//! Every resource and the actions that make sense on it. Roles may only grant what is listed here;
//! each module adds its resource when it lands.
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    Users,
    Roles,
    Teams,
    ApiKeys,
    History,
    SavedViews,
    Partners,
    Persons,
    Lists,
    Activities,
    Reports,
    Leads,
    CustomFields,
    Jobs,
    Emails,
    Absences,
    EmailTemplates,
    Mailings,
    Announcements,
    Territories,
    /// Sale deals.
    Deals,
    /// Supply (procurement) deals: their own grants, so buyers can work them without seeing sales.
    SupplyDeals,
    DealTypes,
    Products,
    ExchangeRates,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
    Export,
    Import,
    Assign,
    Approve,
    Admin,
}

pub const CATALOG: &[(Resource, &[Action])] = {
    use Action::*;
    &[
        (Resource::Users, &[Read, Create, Update, Delete]),
        (Resource::Roles, &[Read, Create, Update, Delete]),
        (Resource::Teams, &[Read, Create, Update, Delete]),
        (Resource::ApiKeys, &[Read, Create, Update, Delete]),
        (Resource::History, &[Read, Export]),
        (Resource::SavedViews, &[Read, Create, Update, Delete]),
        (
            Resource::Partners,
            &[Read, Create, Update, Delete, Assign, Export, Import],
        ),
        (
            Resource::Persons,
            &[Read, Create, Update, Delete, Export, Import],
        ),
        (Resource::Lists, &[Read, Create, Update, Delete]),
        (Resource::Activities, &[Read, Create, Update, Delete]),
        (Resource::Reports, &[Read]),
        (
            Resource::Leads,
            &[Read, Create, Update, Delete, Export, Import],
        ),
        (Resource::CustomFields, &[Read, Create, Update, Delete]),
        (Resource::Jobs, &[Read, Update, Delete]),
        (Resource::Emails, &[Read, Create, Update]),
        (Resource::Absences, &[Read, Create, Update, Delete]),
        (Resource::EmailTemplates, &[Read, Create, Update, Delete]),
        (Resource::Mailings, &[Read, Create]),
        (Resource::Announcements, &[Read, Create, Update, Delete]),
        (Resource::Territories, &[Read, Create, Update, Delete]),
        (
            Resource::Deals,
            &[Read, Create, Update, Delete, Export, Assign],
        ),
        (
            Resource::SupplyDeals,
            &[Read, Create, Update, Delete, Export, Assign],
        ),
        (Resource::DealTypes, &[Read, Create, Update, Delete]),
        (Resource::Products, &[Read, Create, Update, Delete]),
        (Resource::ExchangeRates, &[Read, Create, Update, Delete]),
    ]
};

impl Resource {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Users => "users",
            Self::Roles => "roles",
            Self::Teams => "teams",
            Self::ApiKeys => "api_keys",
            Self::History => "history",
            Self::SavedViews => "saved_views",
            Self::Partners => "partners",
            Self::Persons => "persons",
            Self::Lists => "lists",
            Self::Activities => "activities",
            Self::Reports => "reports",
            Self::Leads => "leads",
            Self::CustomFields => "custom_fields",
            Self::Jobs => "jobs",
            Self::Emails => "emails",
            Self::Absences => "absences",
            Self::EmailTemplates => "email_templates",
            Self::Mailings => "mailings",
            Self::Announcements => "announcements",
            Self::Territories => "territories",
            Self::Deals => "deals",
            Self::SupplyDeals => "supply_deals",
            Self::DealTypes => "deal_types",
            Self::Products => "products",
            Self::ExchangeRates => "exchange_rates",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        CATALOG.iter().map(|(r, _)| *r).find(|r| r.as_str() == s)
    }

    pub fn actions(self) -> &'static [Action] {
        CATALOG
            .iter()
            .find(|(r, _)| *r == self)
            .map(|(_, a)| *a)
            .unwrap_or(&[])
    }
}

impl Action {
    pub const ALL: [Action; 9] = [
        Self::Read,
        Self::Create,
        Self::Update,
        Self::Delete,
        Self::Export,
        Self::Import,
        Self::Assign,
        Self::Approve,
        Self::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Export => "export",
            Self::Import => "import",
            Self::Assign => "assign",
            Self::Approve => "approve",
            Self::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Whether `resource` x `action` is a grantable pair.
pub fn catalog(resource: &str, action: &str) -> Option<(Resource, Action)> {
    let r = Resource::parse(resource)?;
    let a = Action::parse(action)?;
    r.actions().contains(&a).then_some((r, a))
}
