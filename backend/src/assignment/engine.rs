//! Assignment over many partners at once: each partner of a batch decided against the table. The
//! preview and the apply job run the same `plan`, so a preview shows exactly what applying does.
use super::decide::{same_owners, Owner, Table, PRIMARY};
use super::read::Subject;
use crate::territories::tree::{Address, Tree};

/// What assignment changes on one partner.
#[derive(Debug, Clone)]
pub struct Change {
    pub partner_id: String,
    pub territory: (Option<String>, Option<String>),
    pub from: Vec<Owner>,
    pub to: Vec<Owner>,
    /// The rule that gave the primary owner, when one did.
    pub rule_id: Option<String>,
}

impl Change {
    pub fn owners_changed(&self) -> bool {
        !same_owners(&self.from, &self.to)
    }
}

/// A partner whose primary owner two rules claim.
#[derive(Debug, Clone)]
pub struct Conflict {
    pub partner_id: String,
    pub rule_ids: Vec<String>,
}

/// Decides each partner: the territory its address lies in, then its owners (unless locked).
pub fn plan(tree: &Tree, table: &Table, subjects: &[Subject]) -> (Vec<Change>, Vec<Conflict>) {
    let (mut changes, mut conflicts) = (Vec::new(), Vec::new());
    for s in subjects {
        let territory = tree
            .locate(&Address {
                country: s.country.as_deref(),
                region: s.region.as_deref(),
                postal_code: s.postal_code.as_deref(),
            })
            .map(str::to_owned);
        let decision = table.decide(territory.as_deref(), s.group_id.as_deref());
        if !decision.conflict.is_empty() {
            conflicts.push(Conflict {
                partner_id: s.id.clone(),
                rule_ids: decision.conflict.iter().map(|r| r.id.clone()).collect(),
            });
        }
        let to = if s.owners_locked {
            s.owners.clone()
        } else {
            decision.owners(&s.owners)
        };
        if territory != s.territory_id || !same_owners(&s.owners, &to) {
            changes.push(Change {
                partner_id: s.id.clone(),
                territory: (s.territory_id.clone(), territory),
                from: s.owners.clone(),
                rule_id: to
                    .iter()
                    .find(|o| o.role == PRIMARY)
                    .and_then(|o| o.rule_id.clone()),
                to,
            });
        }
    }
    (changes, conflicts)
}
