//! What a template's placeholders see: the person, their partner and the sender; and which
//! language a person reads.
use crate::partners::entity::partner;
use crate::persons::entity as person;
use crate::users::entity::user;
use serde_json::{json, Value};

pub fn person_email(p: &person::Model) -> Option<String> {
    p.emails
        .as_ref()
        .and_then(|e| e.as_array())
        .and_then(|a| a.first())
        .and_then(|e| e.as_str())
        .map(str::to_owned)
}

pub fn context(
    person: Option<&person::Model>,
    partner: Option<&partner::Model>,
    sender: Option<&user::Model>,
    unsubscribe_url: Option<&str>,
) -> Value {
    json!({
        "person": person.map(|p| json!({
            "first_name": p.first_name, "last_name": p.last_name,
            "email": person_email(p), "position": p.position,
        })),
        "partner": partner.map(|p| json!({"name": p.name, "city": p.city, "country": p.country})),
        "sender": sender.map(|u| json!({"name": u.name, "email": u.email})),
        "unsubscribe_url": unsubscribe_url,
    })
}

/// Sample values for a preview with no record chosen.
pub fn sample() -> Value {
    json!({
        "person": {"first_name": "Ivana", "last_name": "Kovač", "email": "ivana@example.com", "position": "Nabava"},
        "partner": {"name": "Primjer d.o.o.", "city": "Zagreb", "country": "HR"},
        "sender": {"name": "Ana Prodaja", "email": "ana@example.com"},
        "unsubscribe_url": "https://crm.example.com/api/v1/unsubscribe/sample",
    })
}

/// The language a person reads, from their partner's country (Croatian, Polish, Romanian),
/// English otherwise.
pub fn language_of(partner: Option<&partner::Model>) -> &'static str {
    match partner.and_then(|p| p.country.as_deref()) {
        Some("HR") => "hr",
        Some("PL") => "pl",
        Some("RO") => "ro",
        _ => "en",
    }
}
