//! Telling users what automatic assignment gave them: one notification per user and run, sent to
//! whoever stands in for them while they are absent (for a single partner, its deputy owner).
use super::decide::PRIMARY;
use super::engine::Change;
use crate::alarms::routing;
use crate::error::ApiResult;
use crate::notifications::service::{notify, Note};
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use std::collections::BTreeMap;

pub const KIND: &str = "partners_assigned";

/// Partners each user became primary owner of by a rule, added to `gained`.
pub fn collect(changes: &[Change], gained: &mut BTreeMap<String, Vec<String>>) {
    for c in changes {
        let primary = |owners: &[super::decide::Owner]| {
            owners
                .iter()
                .find(|o| o.role == PRIMARY)
                .map(|o| (o.user_id.clone(), o.rule_id.is_some()))
        };
        if let Some((user, by_rule)) = primary(&c.to) {
            if by_rule && primary(&c.from).map(|(u, _)| u) != Some(user.clone()) {
                gained.entry(user).or_default().push(c.partner_id.clone());
            }
        }
    }
}

/// Notifies each user (or their stand-in) of the partners they gained, except `actor` (who did it
/// and knows). Returns who got a notification in the bell.
pub async fn tell(
    db: &impl ConnectionTrait,
    mail_from: &str,
    day: NaiveDate,
    actor: Option<&str>,
    gained: BTreeMap<String, Vec<String>>,
) -> ApiResult<Vec<String>> {
    let mut told = Vec::new();
    for (user, partners) in gained {
        if Some(user.as_str()) == actor {
            continue;
        }
        let single = (partners.len() == 1).then(|| partners[0].clone());
        let to = routing::recipient(db, &user, single.as_deref(), day).await?;
        let note = Note {
            kind: KIND,
            title: match partners.len() {
                1 => "A partner was assigned to you".to_owned(),
                n => format!("{n} partners were assigned to you"),
            },
            body: (to != user)
                .then(|| "Assigned while its owner is away: you stand in.".to_owned()),
            link: single.map(|p| ("partner".to_owned(), p)),
        };
        if notify(db, mail_from, &to, note).await? {
            told.push(to);
        }
    }
    Ok(told)
}
