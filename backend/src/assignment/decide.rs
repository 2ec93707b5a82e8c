//! The assignment table, decided for one partner. A rule applies to a partner when its territory
//! is the partner's or one above it (none: anywhere), its group is the partner's (none: any) and
//! it is valid on the day. The most specific rule wins: the deeper territory, then an exact group
//! over "any", then the lower priority number. For the primary owner two winners of different users
//! are a conflict, reported and not resolved; deputies and shared owners are every rule of that
//! role at its best rank.
use crate::territories::entity::rule;
use crate::territories::tree::Tree;
use chrono::NaiveDate;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::HashMap;
use utoipa::ToSchema;

pub const PRIMARY: &str = "primary";
pub const DEPUTY: &str = "deputy";
pub const SHARED: &str = "shared";

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub territory_id: Option<String>,
    pub group_id: Option<String>,
    pub user_id: String,
    pub role: String,
    pub priority: i32,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

impl From<rule::Model> for Rule {
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
        }
    }
}

impl Rule {
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }
}

/// How specific a rule is for a partner; smaller is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ToSchema)]
pub struct Rank {
    #[serde(skip)]
    key: (Reverse<usize>, Reverse<bool>, i32),
    /// Depth of the rule's territory (0: anywhere).
    pub territory_depth: usize,
    pub exact_group: bool,
    pub priority: i32,
}

impl Rank {
    fn new(territory_depth: usize, exact_group: bool, priority: i32) -> Self {
        Self {
            key: (Reverse(territory_depth), Reverse(exact_group), priority),
            territory_depth,
            exact_group,
            priority,
        }
    }
}

/// The rules of a day, by territory, for deciding many partners.
pub struct Table<'t> {
    tree: &'t Tree,
    by_territory: HashMap<String, Vec<Rule>>,
    anywhere: Vec<Rule>,
}

/// One rule that applies to a partner, with its rank.
#[derive(Debug, Clone)]
pub struct Candidate<'r> {
    pub rule: &'r Rule,
    pub rank: Rank,
}

/// An owner as stored: who, in which role, made by which rule (none: by hand).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Owner {
    pub user_id: String,
    pub role: String,
    pub rule_id: Option<String>,
}

/// What the table says for one partner.
#[derive(Debug, Default)]
pub struct Decision<'r> {
    pub candidates: Vec<Candidate<'r>>,
    pub primary: Option<&'r Rule>,
    /// The tied primary rules when they name different users.
    pub conflict: Vec<&'r Rule>,
}

impl<'t> Table<'t> {
    pub fn new(tree: &'t Tree, rules: Vec<Rule>, day: NaiveDate) -> Self {
        let (mut by_territory, mut anywhere) = (HashMap::<String, Vec<Rule>>::new(), Vec::new());
        for r in rules.into_iter().filter(|r| r.valid_on(day)) {
            match r.territory_id.clone() {
                Some(t) => by_territory.entry(t).or_default().push(r),
                None => anywhere.push(r),
            }
        }
        Self {
            tree,
            by_territory,
            anywhere,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_territory.is_empty() && self.anywhere.is_empty()
    }

    /// Every rule that applies, best first.
    pub fn decide(&self, territory_id: Option<&str>, group_id: Option<&str>) -> Decision<'_> {
        let chain = territory_id.map(|t| self.tree.chain(t)).unwrap_or_default();
        let depth_of = chain.len();
        let mut candidates = Vec::new();
        let levels = chain
            .iter()
            .enumerate()
            .map(|(i, t)| (self.by_territory.get(*t), depth_of - i))
            .chain(std::iter::once((Some(&self.anywhere), 0)));
        for (rules, depth) in levels {
            for r in rules.into_iter().flatten() {
                let exact = match (&r.group_id, group_id) {
                    (None, _) => false,
                    (Some(g), Some(p)) if g == p => true,
                    _ => continue,
                };
                candidates.push(Candidate {
                    rule: r,
                    rank: Rank::new(depth, exact, r.priority),
                });
            }
        }
        candidates.sort_by(|a, b| a.rank.cmp(&b.rank).then(a.rule.id.cmp(&b.rule.id)));
        let mut primaries = candidates.iter().filter(|c| c.rule.role == PRIMARY);
        let mut decision = Decision::default();
        if let Some(best) = primaries.next() {
            let tied: Vec<&Rule> = std::iter::once(best.rule)
                .chain(
                    primaries
                        .take_while(|c| c.rank == best.rank)
                        .map(|c| c.rule)
                        .filter(|r| r.user_id != best.rule.user_id),
                )
                .collect();
            if tied.len() > 1 {
                decision.conflict = tied;
            } else {
                decision.primary = Some(best.rule);
            }
        }
        decision.candidates = candidates;
        decision
    }
}

impl Decision<'_> {
    /// Rules of a role at that role's best rank.
    fn best_of(&self, role: &str) -> Vec<&Rule> {
        let mut of_role = self.candidates.iter().filter(|c| c.rule.role == role);
        let Some(best) = of_role.next() else {
            return Vec::new();
        };
        std::iter::once(best.rule)
            .chain(of_role.take_while(|c| c.rank == best.rank).map(|c| c.rule))
            .collect()
    }

    /// The owners a partner should have, given the ones it has. The table's primary replaces the
    /// current one; with a conflict the current one stays; with no primary rule a primary set by
    /// hand stays and one a rule made goes. Deputies and shared owners from rules replace those
    /// rules made earlier; those set by hand stay.
    pub fn owners(&self, current: &[Owner]) -> Vec<Owner> {
        let mut out: Vec<Owner> = Vec::new();
        let push = |o: Owner, out: &mut Vec<Owner>| {
            if !out.iter().any(|x| x.user_id == o.user_id) {
                out.push(o);
            }
        };
        let current_primary = current.iter().find(|o| o.role == PRIMARY);
        match (self.primary, self.conflict.is_empty()) {
            (Some(r), _) => push(made_by(r), &mut out),
            (None, false) => {
                if let Some(o) = current_primary {
                    push(o.clone(), &mut out)
                }
            }
            (None, true) => {
                if let Some(o) = current_primary.filter(|o| o.rule_id.is_none()) {
                    push(o.clone(), &mut out)
                }
            }
        }
        for role in [DEPUTY, SHARED] {
            for r in self.best_of(role) {
                push(made_by(r), &mut out);
            }
        }
        for o in current
            .iter()
            .filter(|o| o.role != PRIMARY && o.rule_id.is_none())
        {
            push(o.clone(), &mut out);
        }
        out.sort();
        out
    }
}

fn made_by(r: &Rule) -> Owner {
    Owner {
        user_id: r.user_id.clone(),
        role: r.role.clone(),
        rule_id: Some(r.id.clone()),
    }
}

/// Whether two owner lists give the same users the same roles (which rule made them aside).
pub fn same_owners(a: &[Owner], b: &[Owner]) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|o| b.iter().any(|p| p.user_id == o.user_id && p.role == o.role))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::territories::entity::territory;

    fn territory(id: &str, parent: Option<&str>) -> territory::Model {
        let now = chrono::Utc::now();
        territory::Model {
            id: id.into(),
            parent_id: parent.map(str::to_owned),
            name: id.into(),
            countries: None,
            regions: None,
            postal_codes: None,
            created_at: now,
            updated_at: now,
            created_by: None,
            version: 1,
            deleted_at: None,
        }
    }

    fn rule(
        id: &str,
        territory: Option<&str>,
        group: Option<&str>,
        user: &str,
        role: &str,
        priority: i32,
    ) -> Rule {
        Rule {
            id: id.into(),
            territory_id: territory.map(str::to_owned),
            group_id: group.map(str::to_owned),
            user_id: user.into(),
            role: role.into(),
            priority,
            valid_from: None,
            valid_to: None,
        }
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
    }

    #[test]
    fn the_deeper_territory_then_the_group_then_the_priority_wins() {
        let tree = Tree::new(&[territory("hr", None), territory("zagreb", Some("hr"))]);
        let rules = vec![
            rule("any", None, None, "u0", PRIMARY, 0),
            rule("hr", Some("hr"), Some("retail"), "u1", PRIMARY, 0),
            rule("zg", Some("zagreb"), None, "u2", PRIMARY, 5),
            rule(
                "zg-retail",
                Some("zagreb"),
                Some("retail"),
                "u3",
                PRIMARY,
                9,
            ),
            rule(
                "zg-retail-first",
                Some("zagreb"),
                Some("retail"),
                "u4",
                PRIMARY,
                1,
            ),
        ];
        let table = Table::new(&tree, rules, day());
        let pick =
            |t: Option<&str>, g: Option<&str>| table.decide(t, g).primary.map(|r| r.id.clone());
        assert_eq!(
            pick(Some("zagreb"), Some("retail")).as_deref(),
            Some("zg-retail-first")
        );
        assert_eq!(
            pick(Some("zagreb"), Some("wholesale")).as_deref(),
            Some("zg")
        );
        assert_eq!(pick(Some("hr"), Some("retail")).as_deref(), Some("hr"));
        assert_eq!(pick(Some("hr"), None).as_deref(), Some("any"));
        assert_eq!(pick(None, None).as_deref(), Some("any"));
    }

    #[test]
    fn ties_between_users_are_conflicts() {
        let tree = Tree::new(&[territory("hr", None)]);
        let rules = vec![
            rule("a", Some("hr"), None, "u1", PRIMARY, 1),
            rule("b", Some("hr"), None, "u2", PRIMARY, 1),
        ];
        let table = Table::new(&tree, rules, day());
        let d = table.decide(Some("hr"), None);
        assert!(d.primary.is_none());
        assert_eq!(d.conflict.len(), 2);
        let kept = d.owners(&[Owner {
            user_id: "u9".into(),
            role: PRIMARY.into(),
            rule_id: Some("old".into()),
        }]);
        assert_eq!(
            kept[0].user_id, "u9",
            "a conflict keeps the current primary"
        );
    }

    #[test]
    fn rules_outside_their_dates_do_not_apply() {
        let tree = Tree::new(&[]);
        let mut r = rule("later", None, None, "u1", PRIMARY, 0);
        r.valid_from = NaiveDate::from_ymd_opt(2027, 1, 1);
        let table = Table::new(&tree, vec![r], day());
        assert!(table.decide(None, None).primary.is_none());
    }
}
