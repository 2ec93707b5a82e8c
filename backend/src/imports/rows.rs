//! One CSV row turned into the JSON body the API's create would take, so every row is then checked
//! by the same types and validators as a request: empty cells are left out, yes/no cells become
//! booleans, list cells lists, custom number and yes/no fields typed by their definition.
use super::dto::ImportEntity;
use super::mapping::{is_multiple, CUSTOM_PREFIX};
use crate::custom_fields::dto::{CustomField, CustomFieldType};
use crate::error::ApiError;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use validator::Validate;

/// Fields holding yes or no.
const BOOLEANS: &[&str] = &["is_customer", "is_supplier", "marketing_consent"];
/// Fields holding two-letter codes, written in capitals by the API's clients.
const CODES: &[&str] = &["country", "tax_country"];

/// Yes or no in the four languages (and 1/0, x for a ticked box).
fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "1" | "true" | "yes" | "y" | "x" | "da" | "tak" | "t" => Some(true),
        "0" | "false" | "no" | "n" | "ne" | "nie" | "nu" | "f" => Some(false),
        _ => None,
    }
}

fn split(cell: &str) -> Vec<Value> {
    cell.split([',', ';', '|', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.to_owned()))
        .collect()
}

/// A row as the entity's create body, or why it cannot be one.
pub fn body(
    entity: ImportEntity,
    custom: &[CustomField],
    columns: &[(usize, String)],
    cells: &csv::StringRecord,
) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    let mut values = Map::new();
    for (index, field) in columns {
        let Some(cell) = cells.get(*index).map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        if let Some(key) = field.strip_prefix(CUSTOM_PREFIX) {
            let def = custom.iter().find(|c| c.key == key);
            values.insert(key.to_owned(), custom_value(def, cell)?);
            continue;
        }
        let value = if BOOLEANS.contains(&field.as_str()) {
            Value::Bool(yes_no(cell).ok_or_else(|| format!("{field}: `{cell}` is not yes or no."))?)
        } else if is_multiple(entity, field) {
            Value::Array(split(cell))
        } else if CODES.contains(&field.as_str()) {
            Value::String(cell.to_uppercase())
        } else {
            Value::String(cell.to_owned())
        };
        out.insert(field.clone(), value);
    }
    if !values.is_empty() {
        out.insert("custom_fields".into(), Value::Object(values));
    }
    Ok(out)
}

fn custom_value(def: Option<&CustomField>, cell: &str) -> Result<Value, String> {
    let Some(def) = def else {
        return Ok(Value::String(cell.to_owned()));
    };
    Ok(match def.field_type {
        CustomFieldType::Number => {
            let n: f64 = cell
                .replace(' ', "")
                .replace(',', ".")
                .parse()
                .map_err(|_| format!("{}: `{cell}` is not a number.", def.key))?;
            serde_json::Number::from_f64(n)
                .map(Value::Number)
                .ok_or_else(|| format!("{}: `{cell}` is not a number.", def.key))?
        }
        CustomFieldType::Boolean => Value::Bool(
            yes_no(cell).ok_or_else(|| format!("{}: `{cell}` is not yes or no.", def.key))?,
        ),
        CustomFieldType::MultiChoice => Value::Array(split(cell)),
        _ => Value::String(cell.to_owned()),
    })
}

/// The body read as the API reads a request body (types, then validators).
pub fn parse<T: DeserializeOwned + Validate>(body: Map<String, Value>) -> Result<T, String> {
    let fields: T = serde_json::from_value(Value::Object(body)).map_err(|e| e.to_string())?;
    fields.validate().map_err(|e| describe(&e.into()))?;
    Ok(fields)
}

/// A readable sentence for the error file: each field with what is wrong with it.
pub fn describe(e: &ApiError) -> String {
    match e {
        ApiError::Validation(errors) => errors
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; "),
        ApiError::Conflict { detail, .. } => detail.clone(),
        ApiError::NotFound => "The record to update is not there or not yours.".into(),
        ApiError::Forbidden => "You may not change the record this row matches.".into(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_become_typed_values() {
        let columns = vec![
            (0, "name".to_string()),
            (1, "emails".into()),
            (2, "is_supplier".into()),
            (3, "country".into()),
        ];
        let row = csv::StringRecord::from(vec!["Kraš", "a@kras.hr; b@kras.hr", "da", "hr"]);
        let b = body(ImportEntity::Partners, &[], &columns, &row).unwrap_or_default();
        assert_eq!(b["emails"], serde_json::json!(["a@kras.hr", "b@kras.hr"]));
        assert_eq!(b["is_supplier"], true);
        assert_eq!(b["country"], "HR");
        let bad = csv::StringRecord::from(vec!["X", "", "maybe", ""]);
        assert!(body(ImportEntity::Partners, &[], &columns, &bad).is_err());
    }
}
