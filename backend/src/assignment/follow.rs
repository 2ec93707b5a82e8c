//! Assignment as partners change: a new partner, or one whose address or group changed, is
//! relocated and given its owners in the same transaction as the change.
use super::decide::{Owner, Table, PRIMARY};
use super::engine::plan;
use super::read::{load_rules, load_subjects, load_tree, Subject, Which};
use super::write::write;
use crate::clock;
use crate::error::ApiResult;
use crate::history::Actor;
use crate::partners::entity::partner;
use crate::territories::tree::{Address, Tree};
use sea_orm::ConnectionTrait;

/// Whether a change touches what assignment looks at.
pub fn matters(before: &partner::Model, after: &partner::Model) -> bool {
    before.country != after.country
        || before.region != after.region
        || before.postal_code != after.postal_code
        || before.group_id != after.group_id
}

/// Relocates and reassigns these partners now, in the caller's transaction.
pub async fn partners(
    db: &impl ConnectionTrait,
    actor: Actor<'_>,
    ids: &[String],
) -> ApiResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let tree = load_tree(db).await?;
    let table = Table::new(&tree, load_rules(db).await?, clock::now().date_naive());
    if tree.is_empty() && table.is_empty() {
        return Ok(());
    }
    for chunk in ids.chunks(1000) {
        let subjects = load_subjects(db, Which::Ids(chunk), chunk.len() as u64).await?;
        let found = plan(&tree, &table, &subjects, usize::MAX);
        write(db, actor, &found.changes).await?;
    }
    Ok(())
}

/// Where new partners lie and who owns them, decided before they are written (an import writes
/// them so, in one entry each): what the table gives, and `creator` as primary owner, set by hand,
/// where no rule names one. `subjects` carry the partners' addresses and groups; the answer is in
/// their order.
pub fn place(
    tree: &Tree,
    table: &Table,
    creator: &str,
    mut subjects: Vec<Subject>,
) -> Vec<(Option<String>, Vec<Owner>)> {
    let by_hand = vec![Owner {
        user_id: creator.to_owned(),
        role: PRIMARY.into(),
        rule_id: None,
    }];
    for s in subjects.iter_mut() {
        s.owners = by_hand.clone();
    }
    let mut placed: Vec<(Option<String>, Vec<Owner>)> =
        subjects.iter().map(|_| (None, by_hand.clone())).collect();
    if tree.is_empty() && table.is_empty() {
        return placed;
    }
    let index: std::collections::HashMap<&str, usize> = subjects
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for change in plan(tree, table, &subjects, usize::MAX).changes {
        if let Some(&i) = index.get(change.partner_id.as_str()) {
            placed[i] = (change.territory.1, change.to);
        }
    }
    placed
}

/// The territory a branch's address lies in.
pub async fn territory_of(
    db: &impl ConnectionTrait,
    address: Address<'_>,
) -> ApiResult<Option<String>> {
    let tree = load_tree(db).await?;
    Ok(tree.locate(&address).map(str::to_owned))
}
