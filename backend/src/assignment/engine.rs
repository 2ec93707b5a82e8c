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

/// What deciding a batch found: every count, and the first changes and conflicts in full.
#[derive(Debug, Default)]
pub struct Plan {
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// Partners whose owners change.
    pub changed: u64,
    /// Partners whose territory changes.
    pub relocated: u64,
    pub conflicted: u64,
}

/// Decides each partner: the territory its address lies in, then its owners (unless locked).
/// Only the first `keep` changes and conflicts are built (a preview counts the rest).
pub fn plan(tree: &Tree, table: &Table, subjects: &[Subject], keep: usize) -> Plan {
    let mut out = Plan::default();
    for s in subjects {
        let territory = tree.locate(&Address {
            country: s.country.as_deref(),
            region: s.region.as_deref(),
            postal_code: s.postal_code.as_deref(),
        });
        let decision = table.decide(territory, s.group_id.as_deref());
        if !decision.conflict.is_empty() {
            out.conflicted += 1;
            if out.conflicts.len() < keep {
                out.conflicts.push(Conflict {
                    partner_id: s.id.clone(),
                    rule_ids: decision.conflict.iter().map(|r| r.id.clone()).collect(),
                });
            }
        }
        let to = (!s.owners_locked).then(|| decision.owners(&s.owners));
        let moved = territory != s.territory_id.as_deref();
        let handed = to.as_ref().is_some_and(|to| !same_owners(&s.owners, to));
        out.relocated += u64::from(moved);
        out.changed += u64::from(handed);
        if (moved || handed) && out.changes.len() < keep {
            let to = to.unwrap_or_else(|| s.owners.clone());
            out.changes.push(Change {
                partner_id: s.id.clone(),
                territory: (s.territory_id.clone(), territory.map(str::to_owned)),
                from: s.owners.clone(),
                rule_id: to
                    .iter()
                    .find(|o| o.role == PRIMARY)
                    .and_then(|o| o.rule_id.clone()),
                to,
            });
        }
    }
    out
}
